//! The lints of MTA-STS (RFC 8461): the TXT record's fields (§3.1) and the policy file's fields
//! and values (§3.2); the MX coverage is in `mx`.

use std::sync::Arc;

use crate::finding::{Capped, Finding};
use crate::policy::record::Issue;

use super::mx::check_pattern;
use super::policy::{Field, LineEnding, PolicyFile, at_line};
use super::{MAX_AGE_LIMIT, MAX_AGE_SHORT, Mode, PolicyInfo, VERSION, codes, txt};

/// The findings of one `_mta-sts` record, about `subject`, capped per code: a hostile 64 KiB
/// record may hold thousands of bad fields.
pub fn record_findings(subject: &str, text: &str) -> Vec<Finding> {
    let record = txt::parse(text);
    // One copy of the text, shared by every finding that points into it.
    let text: Arc<str> = text.into();
    let text = &text;
    let mut findings = Capped::new();
    findings.extend(record.issues.iter().map(|issue| {
        match issue {
            Issue::Syntax { span, message } => {
                Finding::new(codes::RECORD_SYNTAX_ERROR, subject, message.clone())
                    .at(text, span.start, span.end)
            }
            Issue::VersionNotFirst { span, message } => {
                Finding::new(codes::RECORD_VERSION_NOT_FIRST, subject, message.clone())
                    .at(text, span.start, span.end)
            }
            Issue::Duplicate { span, name } => Finding::new(
                codes::RECORD_DUPLICATE_FIELD,
                subject,
                format!("{name}= appears more than once"),
            )
            .at(text, span.start, span.end),
            Issue::Unknown { span, name } => Finding::new(
                codes::RECORD_UNKNOWN_FIELD,
                subject,
                format!("{name}= is not a field of v={VERSION}; senders ignore it"),
            )
            .at(text, span.start, span.end),
        }
    }));
    match record.get("id") {
        None => findings.push(
            Finding::new(codes::RECORD_ID_INVALID, subject, "the record has no id=").at(
                text,
                0,
                text.len(),
            ),
        ),
        Some(id) if !txt::is_valid_id(&id.value) => findings.push(
            Finding::new(
                codes::RECORD_ID_INVALID,
                subject,
                format!(
                    "id {} is not 1 to 32 letters and digits ({} characters)",
                    crate::sanitize::quoted(&id.value),
                    id.value.chars().count()
                ),
            )
            .at(
                text,
                id.value_span.start,
                id.value_span.end.max(id.span.end),
            ),
        ),
        Some(_) => {}
    }
    findings.into_vec()
}

/// What the policy says, as far as its values are valid.
pub fn policy_info(file: &PolicyFile) -> PolicyInfo {
    let first = |key: &'static str| file.all(key).next().map(|f| f.value.as_str());
    PolicyInfo {
        text: file.text.clone(),
        version: first("version").map(str::to_string),
        mode: first("mode").and_then(Mode::parse),
        max_age: first("max_age").and_then(parse_max_age),
        mx: file.all("mx").map(|f| f.value.clone()).collect(),
    }
}

/// `1*10(DIGIT)`.
fn parse_max_age(value: &str) -> Option<u64> {
    if value.is_empty() || value.len() > 10 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok()
}

/// The findings of a policy file about `subject` (the policy host), capped per code like a
/// record's (64 KiB of policy may hold thousands of bad lines). `announced`: a TXT record
/// points at it, which changes what `mode: none` means.
pub fn policy_findings(subject: &str, file: &PolicyFile, announced: bool) -> Vec<Finding> {
    let mut out = Capped::new();
    out.extend(file.errors.iter().map(|e| {
        at_line(
            file,
            codes::POLICY_SYNTAX_ERROR,
            subject,
            e.line,
            e.span.clone(),
            &e.message,
        )
    }));
    out.extend(line_endings(subject, file));
    out.extend(required(
        file,
        subject,
        "version",
        codes::POLICY_VERSION_INVALID,
        |v| {
            (v != VERSION)
                .then(|| format!("version is {}, not {VERSION}", crate::sanitize::quoted(v)))
        },
    ));
    out.extend(required(
        file,
        subject,
        "mode",
        codes::POLICY_MODE_INVALID,
        |v| {
            Mode::parse(v).is_none().then(|| {
                format!(
                    "mode {} is not enforce, testing or none",
                    crate::sanitize::quoted(v)
                )
            })
        },
    ));
    out.extend(required(
        file,
        subject,
        "max_age",
        codes::POLICY_MAX_AGE_INVALID,
        |v| {
            parse_max_age(v).is_none().then(|| {
                format!(
                    "max_age {} is not a number of 1 to 10 digits",
                    crate::sanitize::quoted(v)
                )
            })
        },
    ));
    out.extend(max_age_range(file, subject));
    out.extend(mode_and_mx(file, subject, announced));
    out.extend(unknown_fields(file, subject));
    out.into_vec()
}

fn line_endings(subject: &str, file: &PolicyFile) -> Option<Finding> {
    let lf = file
        .lines
        .iter()
        .filter(|l| l.ending == LineEnding::Lf)
        .count();
    let ended = file
        .lines
        .iter()
        .filter(|l| l.ending != LineEnding::None)
        .count();
    (lf > 0).then(|| {
        Finding::new(
            codes::POLICY_LF_ENDINGS,
            subject,
            format!("{lf} of {ended} lines end in LF alone"),
        )
    })
}

/// A field required exactly once: missing, repeated, or with a value `invalid` objects to.
fn required(
    file: &PolicyFile,
    subject: &str,
    key: &str,
    code: crate::finding::Code,
    invalid: impl Fn(&str) -> Option<String>,
) -> Vec<Finding> {
    let fields: Vec<&Field> = file.all(key).collect();
    let Some(first) = fields.first() else {
        let hint = file
            .fields
            .iter()
            .find(|f| f.key.eq_ignore_ascii_case(key))
            .map(|f| {
                format!(
                    " (line {} has {}; keys are case-sensitive)",
                    f.line,
                    crate::sanitize::quoted(&f.key)
                )
            })
            .unwrap_or_default();
        return vec![Finding::new(
            code,
            subject,
            format!("the policy has no {key} line{hint}"),
        )];
    };
    let mut out = Vec::new();
    if let Some(message) = invalid(&first.value) {
        out.push(at_line(
            file,
            code,
            subject,
            first.line,
            first.value_span.clone(),
            &message,
        ));
    }
    for again in &fields[1..] {
        out.push(at_line(
            file,
            codes::POLICY_DUPLICATE_FIELD,
            subject,
            again.line,
            again.key_span.start..again.value_span.end,
            &format!("{key} again (first on line {})", first.line),
        ));
    }
    out
}

fn max_age_range(file: &PolicyFile, subject: &str) -> Option<Finding> {
    let field = file.all("max_age").next()?;
    let age = parse_max_age(&field.value)?;
    let (code, message) = if age > MAX_AGE_LIMIT {
        (
            codes::POLICY_MAX_AGE_TOO_LONG,
            format!("max_age {age} is above {MAX_AGE_LIMIT} seconds"),
        )
    } else if age < MAX_AGE_SHORT {
        (
            codes::POLICY_MAX_AGE_SHORT,
            format!("max_age {age} is less than a day ({MAX_AGE_SHORT} seconds)"),
        )
    } else {
        return None;
    };
    let span = field.value_span.clone();
    Some(at_line(file, code, subject, field.line, span, &message))
}

fn mode_and_mx(file: &PolicyFile, subject: &str, announced: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let mode = file.all("mode").next();
    for field in file.all("mx") {
        if let Err(why) = check_pattern(&field.value) {
            out.push(at_line(
                file,
                codes::POLICY_MX_INVALID,
                subject,
                field.line,
                field.value_span.clone(),
                &why,
            ));
        }
    }
    let Some((mode, field)) = mode.and_then(|f| Mode::parse(&f.value).map(|m| (m, f))) else {
        return out;
    };
    let span = field.value_span.clone();
    match mode {
        Mode::Enforce | Mode::Testing if file.all("mx").next().is_none() => {
            let message = format!("mode {} without any mx line", field.value);
            out.push(at_line(
                file,
                codes::POLICY_NO_MX,
                subject,
                field.line,
                span,
                &message,
            ));
        }
        Mode::Testing => out.push(at_line(
            file,
            codes::POLICY_TESTING,
            subject,
            field.line,
            span,
            "mode testing: failures are reported, mail is still delivered without validated TLS",
        )),
        Mode::None => {
            let message = if announced {
                "mode none: MTA-STS is being withdrawn (keep this policy until the previous \
                 max_age has passed, then remove the records)"
            } else {
                "mode none: no active policy"
            };
            out.push(at_line(
                file,
                codes::POLICY_MODE_NONE,
                subject,
                field.line,
                span,
                message,
            ));
        }
        Mode::Enforce => {}
    }
    out
}

fn unknown_fields(file: &PolicyFile, subject: &str) -> Vec<Finding> {
    file.fields
        .iter()
        .filter(|f| !matches!(f.key.as_str(), "version" | "mode" | "max_age" | "mx"))
        .map(|f| {
            at_line(
                file,
                codes::POLICY_UNKNOWN_FIELD,
                subject,
                f.line,
                f.key_span.clone(),
                &format!(
                    "{} is not a policy field; senders ignore the line",
                    crate::sanitize::quoted(&f.key)
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_of(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.code.as_str()).collect()
    }

    #[test]
    fn a_clean_policy_raises_nothing() {
        let file = PolicyFile::parse(
            "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n",
        );
        assert_eq!(
            codes_of(&policy_findings("p", &file, true)),
            Vec::<&str>::new()
        );
        let hosts = vec!["mail.example.com".to_string()];
        let (covered, findings) = super::super::mx::coverage(&file, "p", &hosts, Mode::Enforce);
        assert!(findings.is_empty());
        assert_eq!(covered[0].pattern.as_deref(), Some("mail.example.com"));
    }

    #[test]
    fn a_sloppy_policy_says_everything_once() {
        let file = PolicyFile::parse("Version: STSv1\nmode: testing\nmode: enforce\nmax_age: 60\n");
        assert_eq!(
            codes_of(&policy_findings("p", &file, true)),
            [
                "mta-sts-policy-lf-endings",
                "mta-sts-policy-version-invalid",
                "mta-sts-policy-duplicate-field",
                "mta-sts-policy-max-age-short",
                "mta-sts-policy-no-mx",
                "mta-sts-policy-unknown-field",
            ]
        );
    }

    #[test]
    fn record_lints() {
        assert!(record_findings("r", "v=STSv1; id=20240101").is_empty());
        assert_eq!(
            codes_of(&record_findings("r", "v=STSv1; id=2024-01-01; ID=1")),
            ["mta-sts-record-unknown-field", "mta-sts-record-id-invalid",]
        );
        assert_eq!(
            codes_of(&record_findings("r", "v=STSv1")),
            ["mta-sts-record-id-invalid"]
        );
    }
}
