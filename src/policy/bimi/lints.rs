//! Lints of one BIMI Assertion Record on its own (draft-brand-indicators-for-message-
//! identification-12 §4.3): what the parser found wrong, a declination, a logo without
//! evidence. The DMARC prerequisites need DNS and live in the audit.

use std::sync::Arc;

use crate::dns::Txt;
use crate::finding::{Capped, Code, Finding};

use super::{BimiRecord, ErrorKind, codes};

/// Every finding about `record` (published as `txt`) on its own, about `subject`, capped per
/// code (a hostile 64 KiB record may hold thousands of bad tags).
pub fn lint_record(subject: &str, txt: &Txt, record: &BimiRecord) -> Vec<Finding> {
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
    if let Some((at, byte)) = txt.first_non_ascii() {
        // URIs and tags are ASCII; the text shows invalid UTF-8 as `\xNN`.
        let start = crate::dns::bytes_text(&txt.joined()[..at]).len();
        let width = text[start..].chars().next().map_or(1, char::len_utf8);
        let message = format!("byte {at} is 0x{byte:02x}, not ASCII");
        out.push(Finding::new(codes::SYNTAX_ERROR, subject, message).at(
            text,
            start,
            start + width,
        ));
    }
    if !record.valid_version {
        return out.into_vec();
    }
    if record.declined() {
        let message = "l= and a= are empty: the domain declines to show a logo";
        out.push(Finding::new(codes::DECLINED, subject, message).at(text, 0, text.len()));
    } else if record.evidence.as_deref().unwrap_or("").is_empty() {
        let message =
            "no a= evidence: Gmail and Apple Mail show no logo without a mark certificate";
        out.push(Finding::new(codes::NO_EVIDENCE, subject, message));
    }
    out.into_vec()
}

fn error_code(kind: ErrorKind) -> Code {
    match kind {
        ErrorKind::Syntax => codes::SYNTAX_ERROR,
        ErrorKind::VersionNotFirst => codes::VERSION_NOT_FIRST,
        ErrorKind::DuplicateTag => codes::DUPLICATE_TAG,
        ErrorKind::UnknownTag => codes::UNKNOWN_TAG,
        ErrorKind::InvalidLocation => codes::INVALID_LOCATION,
        ErrorKind::InvalidEvidence => codes::INVALID_EVIDENCE,
        ErrorKind::InvalidValue => codes::INVALID_VALUE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint(text: &str) -> Vec<&'static str> {
        let record = BimiRecord::parse(text);
        lint_record("default._bimi.example.com", &Txt::single(text), &record)
            .iter()
            .map(|f| f.code.as_str())
            .collect()
    }

    #[test]
    fn lints_a_record() {
        assert!(lint("v=BIMI1; l=https://e.example/l.svg; a=https://e.example/v.pem").is_empty());
        assert!(lint("v=BIMI1; l=; a=https://e.example/v.pem").is_empty());
        assert_eq!(lint("v=BIMI1; l=; a=;"), ["bimi-declined"]);
        assert_eq!(
            lint("v=BIMI1; l=https://e.example/l.svg"),
            ["bimi-no-evidence"]
        );
        assert_eq!(lint("l=; v=BIMI1"), ["bimi-version-not-first"]);
    }
}
