//! The `_mta-sts` TXT record (RFC 8461 §3.1): `v=STSv1; id=...`, read with the field grammar
//! MTA-STS and TLS-RPT share. Senders select, of the name's TXT records, those that start with
//! `v=STSv1`; a record that mentions the version elsewhere is shown too, since that is the
//! mistake to point at.

use crate::dns::Txt;
use crate::policy::record::{FieldRecord, starts_with_version};

use super::{StsRecord, VERSION};

/// The record's fields and what is wrong with their shape.
pub fn parse(text: &str) -> FieldRecord {
    FieldRecord::parse(text, VERSION, &["id"])
}

/// A record senders select: it starts with `v=STSv1`.
pub fn is_selected(text: &str) -> bool {
    starts_with_version(text, VERSION)
}

/// A record meant as an MTA-STS record: selected, or naming the version somewhere.
pub fn is_meant(text: &str) -> bool {
    is_selected(text) || text.to_ascii_lowercase().contains("v=stsv")
}

/// `1*32(ALPHA / DIGIT)`.
pub fn is_valid_id(id: &str) -> bool {
    (1..=32).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The record as a report shows it.
pub fn record(name: &str, txt: &Txt) -> StsRecord {
    let text = txt.text();
    let id = parse(&text)
        .get("id")
        .map(|t| t.value.clone())
        .filter(|id| is_valid_id(id));
    StsRecord {
        name: name.to_string(),
        text,
        strings: txt.string_texts(),
        id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_and_ids() {
        assert!(is_selected("v=STSv1; id=1"));
        assert!(!is_selected("id=1; v=STSv1"));
        assert!(is_meant("id=1; v=STSv1"));
        assert!(is_meant("v=stsv1; id=1"));
        assert!(!is_meant("google-site-verification=x"));
        assert!(is_valid_id("20240101T120000"));
        assert!(!is_valid_id("2024-01-01"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id(&"1".repeat(33)));
        let r = record("_mta-sts.example.com", &Txt::single("v=STSv1; id=abc"));
        assert_eq!(r.id.as_deref(), Some("abc"));
    }
}
