//! What one MX host's TLSA RRset is worth before any chain is looked at (RFC 7672 §3.1, RFC
//! 7671 §4 and §8.1, RFC 6698 §2.1): malformed records, PKIX usages SMTP senders ignore, and a
//! lone DANE-EE record with nothing to cover the next key.

use std::collections::HashSet;

use crate::finding::{Finding, Severity};

use super::{Tlsa, Usability, codes};

/// Records of one RRset looked at; real RRsets have one to four.
const MAX_RECORDS: usize = 32;

/// The findings about `records`, the TLSA RRset published at `subject` (`_25._tcp.HOST`).
pub fn lints(subject: &str, records: &[Tlsa]) -> Vec<Finding> {
    let records = &records[..records.len().min(MAX_RECORDS)];
    let mut findings = Vec::new();
    for (i, record) in records.iter().enumerate() {
        if let Some(why) = record.malformation() {
            findings.push(Finding::new(
                codes::MALFORMED_TLSA,
                subject,
                format!("TLSA record {} ({}): {why}", i + 1, record.short()),
            ));
        }
    }
    let usable: Vec<&Tlsa> = records
        .iter()
        .filter(|r| r.usability() == Usability::Usable)
        .collect();
    findings.extend(unusable_usages(subject, records, usable.len()));
    findings.extend(rollover(subject, &usable));
    findings
}

/// PKIX-TA and PKIX-EE records: an error when nothing usable is left, else a warning.
fn unusable_usages(subject: &str, records: &[Tlsa], usable: usize) -> Option<Finding> {
    let pkix: Vec<String> = records
        .iter()
        .filter(|r| r.usability() == Usability::UnusableUsage)
        .map(|r| format!("{} ({})", r.short(), r.usage_name()))
        .collect();
    if pkix.is_empty() {
        return None;
    }
    let listed = pkix.join(", ");
    let mut finding = if usable == 0 {
        Finding::new(
            codes::UNUSABLE_USAGE,
            subject,
            format!(
                "every well-formed TLSA record has a PKIX usage, which SMTP senders ignore: \
                 {listed}; DANE authenticates nothing here"
            ),
        )
    } else {
        Finding::new(
            codes::UNUSABLE_USAGE,
            subject,
            format!(
                "{listed}: PKIX usages, which SMTP senders ignore beside the {usable} usable \
                 record(s)"
            ),
        )
    };
    if usable > 0 {
        finding.severity = Severity::Warning;
    }
    Some(finding)
}

/// A lone DANE-EE key and no DANE-TA record: a key change breaks delivery unless the next
/// record is published first (RFC 7671 §8.1).
fn rollover(subject: &str, usable: &[&Tlsa]) -> Option<Finding> {
    if usable.is_empty() || usable.iter().any(|r| r.usage == 2) {
        return None;
    }
    let distinct: HashSet<&[u8]> = usable.iter().map(|r| r.data.as_slice()).collect();
    if distinct.len() > 1 {
        return None;
    }
    Some(Finding::new(
        codes::NO_ROLLOVER_COVER,
        subject,
        format!(
            "the only usable TLSA record is {} (DANE-EE), with no record for a next key and no \
             DANE-TA record",
            usable[0].short()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(texts: &[&str]) -> Vec<Tlsa> {
        texts.iter().map(|t| t.parse().unwrap()).collect()
    }

    fn found(texts: &[&str]) -> Vec<(&'static str, Severity)> {
        lints("_25._tcp.mx.example.com", &set(texts))
            .into_iter()
            .map(|f| (f.code.as_str(), f.severity))
            .collect()
    }

    const A: &str = "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6";
    const B: &str = "3 1 1 1c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6";
    const TA: &str = "2 1 1 2c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6";

    #[test]
    fn a_lone_dane_ee_record_has_no_rollover_cover() {
        assert_eq!(found(&[A]), [("dane-no-rollover-cover", Severity::Warning)]);
        assert!(found(&[A, B]).is_empty());
        assert!(found(&[A, TA]).is_empty());
        assert!(found(&[TA]).is_empty());
        // The same record twice is still one key.
        assert_eq!(found(&[A, A]).len(), 1);
    }

    #[test]
    fn pkix_usages_are_an_error_alone_and_a_warning_beside_usable_records() {
        let pkix = "1 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6";
        assert_eq!(found(&[pkix]), [("dane-unusable-usage", Severity::Error)]);
        assert_eq!(
            found(&[pkix, A, B]),
            [("dane-unusable-usage", Severity::Warning)]
        );
    }

    #[test]
    fn malformed_records_are_named_and_not_counted_as_usable() {
        let short = "3 1 1 0c72ac70";
        let found = lints("_25._tcp.mx.example.com", &set(&[short, "3 1 3 00", A]));
        let codes: Vec<&str> = found.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "dane-malformed-tlsa",
                "dane-malformed-tlsa",
                "dane-no-rollover-cover"
            ]
        );
        assert!(
            found[0].message.contains("record 1"),
            "{}",
            found[0].message
        );
        assert!(found[1].message.contains("matching type 3"));
    }
}
