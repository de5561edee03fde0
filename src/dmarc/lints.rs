//! Lints of one DMARC Policy Record on its own (RFC 9989 §4.7, §4.8, Appendices A.6 and C):
//! what the parser found wrong, then what the values mean for protection and reporting. Lints
//! that need DNS (report destinations, where the record sits) live in the audit.

use std::sync::Arc;

use crate::dns::Txt;
use crate::finding::{Capped, Code, Finding};
use crate::tags::Tag;

use super::{DmarcRecord, ErrorKind, Policy, REPORT_URIS_HONOURED, codes};

/// Every finding about `record` (published as `txt`) on its own, capped per code (a hostile
/// 64 KiB record may hold thousands of bad tags); `subject` names where it is published.
pub fn lint_record(subject: &str, txt: &Txt, record: &DmarcRecord) -> Vec<Finding> {
    // One copy of the text, shared by every finding that points into it.
    let text: &Arc<str> = &record.text().into();
    let mut out = Capped::new();
    out.extend(record.errors.iter().map(|e| {
        Finding::new(error_code(e.kind), subject, e.message.as_str()).at(
            text,
            e.span.start,
            e.span.end,
        )
    }));
    out.extend(non_ascii(subject, txt, text));
    if !record.valid_version {
        // Receivers ignore the record: what its values would mean does not matter.
        return out.into_vec();
    }
    let at = |f: Finding, tag: &Tag| f.at(text, tag.span.start, tag.span.end);
    removed_tags(subject, record, text, &mut out);
    policies(subject, record, text, &mut out);
    if let Some(t) = record.tags.get("t").filter(|_| record.testing()) {
        let message = match record.p {
            Some(Policy::Reject) => "t=y: receivers treat p=reject as quarantine",
            Some(Policy::Quarantine) => "t=y: receivers treat p=quarantine as none",
            _ => "t=y: the policy is in test mode",
        };
        out.push(at(Finding::new(codes::TESTING, subject, message), t));
    }
    reporting(subject, record, text, &mut out);
    out.into_vec()
}

fn error_code(kind: ErrorKind) -> Code {
    match kind {
        ErrorKind::Syntax => codes::SYNTAX_ERROR,
        ErrorKind::VersionNotFirst => codes::VERSION_NOT_FIRST,
        ErrorKind::DuplicateTag => codes::DUPLICATE_TAG,
        ErrorKind::UnknownTag => codes::UNKNOWN_TAG,
        ErrorKind::InvalidValue => codes::INVALID_VALUE,
    }
}

/// §4.8 `dmarc-value` is printable ASCII: the first byte that is not, as published.
fn non_ascii(subject: &str, txt: &Txt, text: &Arc<str>) -> Option<Finding> {
    let (at, byte) = txt.first_non_ascii()?;
    // The text shows invalid UTF-8 as `\xNN`: find where published byte `at` lands in it.
    let joined = txt.joined();
    let start = crate::dns::bytes_text(&joined[..at]).len();
    let width = text[start..].chars().next().map_or(1, char::len_utf8);
    let message = format!("byte {at} is 0x{byte:02x}, not ASCII; DMARC values are ASCII only");
    Some(Finding::new(codes::SYNTAX_ERROR, subject, message).at(text, start, start + width))
}

/// RFC 9989 Appendix C.5.2: `pct`, `rf` and `ri` are historic.
fn removed_tags(subject: &str, record: &DmarcRecord, text: &Arc<str>, out: &mut Capped) {
    for name in ["pct", "rf", "ri"] {
        let Some(tag) = record.tags.get(name) else {
            continue;
        };
        let finding = match (name, record.pct) {
            ("pct", Some(pct)) if pct < 100 => Finding::new(
                codes::PCT_PARTIAL,
                subject,
                format!(
                    "pct={pct}: receivers built to RFC 7489 apply the policy to {pct}% of \
                     failing mail, RFC 9989 receivers to all of it"
                ),
            ),
            _ => Finding::new(
                codes::REMOVED_TAG,
                subject,
                format!("{name}= was removed by RFC 9989 and is ignored"),
            ),
        };
        out.push(finding.at(text, tag.span.start, tag.span.end));
    }
}

/// `p`, and `sp`/`np` against it (§4.7).
fn policies(subject: &str, record: &DmarcRecord, text: &Arc<str>, out: &mut Capped) {
    let Some(p) = record.p else {
        if !record.invalid("p") {
            let message = if record.has_valid_rua() {
                "no p= tag: receivers treat the record as p=none"
            } else {
                "no p= tag and no valid rua=: receivers apply no DMARC processing"
            };
            out.push(Finding::new(codes::POLICY_MISSING, subject, message));
        }
        return;
    };
    if p == Policy::None
        && let Some(tag) = record.tags.get("p")
    {
        let message = "p=none: failing mail is delivered as usual (monitoring only)";
        out.push(Finding::new(codes::POLICY_NONE, subject, message).at(
            text,
            tag.span.start,
            tag.span.end,
        ));
    }
    for (name, value, applies_to) in [
        ("sp", record.sp, "existing subdomains"),
        ("np", record.np, "subdomains that do not exist"),
    ] {
        if let (Some(value), Some(tag)) = (value, record.tags.get(name))
            && value < p
        {
            let message =
                format!("{name}={value} is weaker than p={p}: it applies to {applies_to}");
            out.push(
                Finding::new(codes::SUBDOMAIN_POLICY_WEAKER, subject, message).at(
                    text,
                    tag.span.start,
                    tag.span.end,
                ),
            );
        }
    }
}

/// `rua` and `ruf` (§4.7, RFC 7489 §6.2).
fn reporting(subject: &str, record: &DmarcRecord, text: &Arc<str>, out: &mut Capped) {
    if !record.has_valid_rua() {
        let message = if record.tags.get("rua").is_some() {
            "rua= holds no valid URI: no aggregate reports are sent"
        } else {
            "no rua=: no aggregate reports are sent"
        };
        out.push(Finding::new(codes::NO_RUA, subject, message));
    }
    for (name, uris) in [("rua", &record.rua), ("ruf", &record.ruf)] {
        for uri in uris {
            let at = |f: Finding| f.at(text, uri.span.start, uri.span.end);
            if !uri.is_mailto() {
                let message = format!(
                    "{name}={}: receivers only have to send to mailto: URIs",
                    uri.uri
                );
                out.push(at(Finding::new(
                    codes::REPORT_URI_NOT_MAILTO,
                    subject,
                    message,
                )));
            }
            if let Some(size) = &uri.size {
                let message = format!("{name}={}!{size}: the !size limit is obsolete", uri.uri);
                out.push(at(Finding::new(codes::REPORT_SIZE_LIMIT, subject, message)));
            }
        }
        if uris.len() > REPORT_URIS_HONOURED
            && let Some(tag) = record.tags.get(name)
        {
            let message = format!(
                "{name}= lists {} URIs; many receivers send to the first \
                 {REPORT_URIS_HONOURED} only",
                uris.len()
            );
            out.push(
                Finding::new(codes::TOO_MANY_REPORT_URIS, subject, message).at(
                    text,
                    tag.span.start,
                    tag.span.end,
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint(text: &str) -> Vec<String> {
        let record = DmarcRecord::parse(text);
        lint_record("_dmarc.example.com", &Txt::single(text), &record)
            .iter()
            .map(|f| f.code.as_str().to_string())
            .collect()
    }

    #[test]
    fn a_clean_record_raises_nothing() {
        assert!(lint("v=DMARC1; p=reject; rua=mailto:d@example.com").is_empty());
    }

    #[test]
    fn policy_and_reporting_lints() {
        assert_eq!(
            lint("v=DMARC1; p=none"),
            ["dmarc-policy-none", "dmarc-no-rua"]
        );
        assert_eq!(
            lint(
                "v=DMARC1; p=reject; sp=none; np=quarantine; t=y; pct=50; ri=3600; rua=mailto:a@example.com"
            ),
            [
                "dmarc-pct-partial",
                "dmarc-removed-tag",
                "dmarc-subdomain-policy-weaker",
                "dmarc-subdomain-policy-weaker",
                "dmarc-testing"
            ]
        );
        assert_eq!(
            lint(
                "v=DMARC1; p=reject; rua=https://r.example.com/x,mailto:a@example.com!10m,mailto:b@example.com"
            ),
            [
                "dmarc-report-uri-not-mailto",
                "dmarc-report-size-limit",
                "dmarc-too-many-report-uris"
            ]
        );
        assert_eq!(lint("v=DMARC1"), ["dmarc-policy-missing", "dmarc-no-rua"]);
    }

    #[test]
    fn an_ignored_record_gets_only_what_is_wrong_with_it() {
        assert_eq!(lint("p=none; v=DMARC1"), ["dmarc-version-not-first"]);
        let latin1 = Txt {
            strings: vec![b"v=DMARC1; p=reject; rua=mailto:a@ex\xe9.com".to_vec()],
        };
        let record = DmarcRecord::parse(&latin1.text());
        let codes: Vec<_> = lint_record("x", &latin1, &record)
            .iter()
            .filter_map(|f| Some((f.code.as_str(), f.location.as_ref()?.start)))
            .collect();
        assert!(codes.contains(&("dmarc-syntax-error", 35)), "{codes:?}");
    }
}
