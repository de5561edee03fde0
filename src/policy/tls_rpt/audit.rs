//! The TLS-RPT audit (RFC 8460 §3): the `_smtp._tls` record looked up, the one meant for
//! TLS-RPT picked out, its fields read and each `rua` destination checked.

use std::ops::Range;
use std::sync::Arc;

use crate::dns::{Dns, RecordType, Txt};
use crate::finding::{Capped, Finding};
use crate::policy::record::{FieldRecord, Issue, starts_with_version};

use super::{RECORD_LABEL, TlsRptRecord, TlsRptReport, VERSION, codes};

/// Audits `domain`'s TLS-RPT record.
pub async fn audit_domain(dns: &Dns, domain: &str) -> TlsRptReport {
    let name = format!("{RECORD_LABEL}.{domain}");
    let mut report = TlsRptReport {
        dnssec: None,
        domain: domain.to_string(),
        records: Vec::new(),
        findings: Vec::new(),
        incomplete: false,
    };
    let txts = match dns.lookup(&name, RecordType::Txt).await {
        Ok(answer) => crate::dns::txts(answer.records()),
        Err(e) => {
            report.findings.push(e.finding(&name));
            report.incomplete = true;
            return report;
        }
    };
    let meant: Vec<&Txt> = txts.iter().filter(|t| is_meant(&t.text())).collect();
    let selected = meant
        .iter()
        .filter(|t| starts_with_version(&t.text(), VERSION))
        .count();
    if meant.is_empty() {
        report.findings.push(Finding::new(
            codes::MISSING,
            domain,
            format!("no v={VERSION} record at {name}"),
        ));
    }
    if selected > 1 {
        report.findings.push(Finding::new(
            codes::MULTIPLE_RECORDS,
            &name,
            format!("{selected} records start with v={VERSION}"),
        ));
    }
    for txt in meant {
        let (record, findings) = lint(&name, txt);
        report.records.push(record);
        report.findings.extend(findings);
    }
    report
}

/// Lints a record given as text.
pub fn lint_text(txt: &Txt) -> TlsRptReport {
    let (record, findings) = lint("record", txt);
    TlsRptReport {
        dnssec: None,
        domain: "record".into(),
        records: vec![record],
        findings,
        incomplete: false,
    }
}

/// A record meant as a TLS-RPT record: it names the version somewhere.
fn is_meant(text: &str) -> bool {
    text.to_ascii_lowercase().contains("v=tlsrptv")
}

/// One record and its findings, about `subject`, capped per code: a hostile 64 KiB record may
/// hold thousands of bad fields or URIs.
fn lint(subject: &str, txt: &Txt) -> (TlsRptRecord, Vec<Finding>) {
    // One copy of the text, shared by every finding that points into it.
    let text: Arc<str> = txt.text().into();
    let parsed = FieldRecord::parse(&text, VERSION, &["rua"]);
    let mut findings = Capped::new();
    findings.extend(
        parsed
            .issues
            .iter()
            .map(|issue| issue_finding(subject, &text, issue)),
    );
    let mut rua = Vec::new();
    match parsed.get("rua") {
        None => findings.push(
            Finding::new(codes::NO_RUA, subject, "the record has no rua=").at(&text, 0, text.len()),
        ),
        Some(tag) => {
            for (uri, span) in destinations(&tag.value, tag.value_span.start) {
                if let Err(why) = check_uri(uri) {
                    findings.push(
                        Finding::new(codes::RUA_INVALID, subject, why)
                            .at(&text, span.start, span.end),
                    );
                }
                rua.push(uri.to_string());
            }
        }
    }
    let record = TlsRptRecord {
        name: subject.to_string(),
        text: text.to_string(),
        strings: txt.string_texts(),
        rua,
    };
    (record, findings.into_vec())
}

fn issue_finding(subject: &str, text: &Arc<str>, issue: &Issue) -> Finding {
    let (code, message, span) = match issue {
        Issue::Syntax { span, message } => (codes::SYNTAX_ERROR, message.clone(), span),
        Issue::VersionNotFirst { span, message } => {
            (codes::VERSION_NOT_FIRST, message.clone(), span)
        }
        Issue::Duplicate { span, name } => (
            codes::DUPLICATE_FIELD,
            format!("{name}= appears more than once"),
            span,
        ),
        Issue::Unknown { span, name } => (
            codes::UNKNOWN_FIELD,
            format!("{name}= is not a field of v={VERSION}; senders ignore it"),
            span,
        ),
    };
    Finding::new(code, subject, message).at(text, span.start, span.end)
}

/// The comma-separated URIs of a rua value (`*WSP "," *WSP` between them), each with its span
/// in the record; `offset` is where the value starts.
fn destinations(value: &str, offset: usize) -> Vec<(&str, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in value.split(',') {
        let lead = piece.len() - piece.trim_start_matches([' ', '\t']).len();
        let uri = piece.trim_matches([' ', '\t']);
        let at = offset + start + lead;
        out.push((uri, at..at + uri.len()));
        start += piece.len() + 1;
    }
    out
}

/// Why `uri` is not a `mailto:` URI with an address or an `https:` URI with a host.
fn check_uri(uri: &str) -> Result<(), String> {
    if uri.is_empty() {
        return Err("an empty destination between commas".into());
    }
    if let Some(c) = uri.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "{} holds {}",
            crate::sanitize::quoted(uri),
            crate::sanitize::quoted_char(c)
        ));
    }
    let Some((scheme, rest)) = uri.split_once(':') else {
        return Err(format!(
            "{} has no scheme; write mailto:{} for an address",
            crate::sanitize::quoted(uri),
            crate::sanitize::escape(uri)
        ));
    };
    match scheme.to_ascii_lowercase().as_str() {
        "mailto" => {
            let address = rest.split('?').next().unwrap_or("");
            match address.rsplit_once('@') {
                Some((local, domain)) if !local.is_empty() && is_host(domain) => Ok(()),
                _ => Err(format!(
                    "{} has no usable address (local@domain)",
                    crate::sanitize::quoted(uri)
                )),
            }
        }
        "https" => {
            let authority = rest.strip_prefix("//").unwrap_or("");
            let authority = authority.split(['/', '?', '#']).next().unwrap_or("");
            let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
            let host = match host.rsplit_once(':') {
                Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
                _ => host,
            };
            let literal = host.starts_with('[') && host.ends_with(']');
            if literal || is_host(host) {
                Ok(())
            } else {
                Err(format!(
                    "{} has no usable host (https://host/path)",
                    crate::sanitize::quoted(uri)
                ))
            }
        }
        other => Err(format!(
            "{}: scheme {} is not mailto or https, and senders do not report to it",
            crate::sanitize::quoted(uri),
            crate::sanitize::quoted(other)
        )),
    }
}

/// A host name of letters, digits and hyphens, with at least two labels.
fn is_host(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    name.contains('.')
        && name.len() <= 253
        && name.split('.').all(|l| {
            (1..=63).contains(&l.len())
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_of(text: &str) -> Vec<&'static str> {
        lint_text(&Txt::single(text))
            .findings
            .iter()
            .map(|f| f.code.as_str())
            .collect()
    }

    #[test]
    fn clean_records_raise_nothing() {
        assert!(codes_of("v=TLSRPTv1; rua=mailto:tls@example.com").is_empty());
        assert!(
            codes_of("v=TLSRPTv1;rua=mailto:a@example.com , https://r.example.net:8443/x?y=z;")
                .is_empty()
        );
    }

    #[test]
    fn destinations_are_checked_in_place() {
        let report = lint_text(&Txt::single(
            "v=TLSRPTv1; rua=tls@example.com,http://r.example.net, mailto:nobody",
        ));
        let marked: Vec<&str> = report
            .findings
            .iter()
            .map(|f| {
                let l = f.location.as_ref().unwrap();
                &l.record[l.start..l.end]
            })
            .collect();
        assert_eq!(
            marked,
            ["tls@example.com", "http://r.example.net", "mailto:nobody"]
        );
        assert_eq!(report.records[0].rua.len(), 3);
    }

    #[test]
    fn shape_problems() {
        assert_eq!(codes_of("v=TLSRPTv1"), ["tlsrpt-no-rua"]);
        assert_eq!(
            codes_of("rua=mailto:a@example.com; v=TLSRPTv1"),
            ["tlsrpt-version-not-first"]
        );
        assert_eq!(
            codes_of("v=TLSRPTv1; rua=mailto:a@example.com; ruf=x"),
            ["tlsrpt-unknown-field"]
        );
        assert_eq!(
            codes_of("v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com"),
            ["tlsrpt-duplicate-field"]
        );
        assert_eq!(
            codes_of("v=TLSRPTv1; rua = mailto:a@example.com"),
            ["tlsrpt-syntax-error"]
        );
    }
}
