//! Text for one address's DANE verdict (RFC 7672 §3): the record that matched and at which
//! depth of the chain, or that none did and each record's reason.

use crate::render::{Paint, Palette};
use crate::sanitize::escape;
use crate::tls::dane::{DaneStatus, DaneVerdict, RecordOutcome};

use super::layout::row;

/// The DANE row of a session, and a row per record that did not match; `width` is the session's
/// label width.
pub(super) fn dane_rows(out: &mut String, width: usize, p: Palette, verdict: &DaneVerdict) {
    let headline = match (verdict.status, verdict.matched_record()) {
        (DaneStatus::Matched, Some(m)) => {
            let depth = m.depth.map_or_else(
                || "with the record's own data as the anchor".to_string(),
                |d| format!("at depth {d}"),
            );
            p.paint(
                Paint::Green,
                &format!("matches {} {depth}", escape(&m.record.short())),
            )
        }
        (DaneStatus::NoUsableRecords, _) => p.paint(
            Paint::Red,
            "no usable TLSA record (PKIX usages or malformed): nothing to authenticate with",
        ),
        (DaneStatus::NoCertificate, _) => p.paint(
            Paint::Red,
            "no certificate presented, so no TLSA record matches",
        ),
        _ => p.paint(
            Paint::Red,
            &format!(
                "no TLSA record matches ({} tried, at {})",
                verdict.records.len(),
                verdict.at
            ),
        ),
    };
    row(out, width, "DANE", &headline);
    if verdict.status == DaneStatus::Matched {
        return;
    }
    for r in &verdict.records {
        if r.outcome == RecordOutcome::NotTried {
            continue;
        }
        let text = format!("{} {}: {}", r.index, r.record.short(), r.detail);
        row(out, width, "", &p.dim(&escape(&text)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tls::dane::{RecordCheck, Tlsa};

    fn verdict(status: DaneStatus, outcome: RecordOutcome, depth: Option<usize>) -> DaneVerdict {
        let record: Tlsa = "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6"
            .parse()
            .unwrap();
        DaneVerdict {
            status,
            matched: (outcome == RecordOutcome::Matched).then_some(1),
            at: "2030-01-01 00:00:00 UTC".into(),
            records: vec![RecordCheck {
                index: 1,
                record,
                outcome,
                depth,
                detail: "DANE-EE: the server's public key does not match\u{1b}[2J".into(),
            }],
        }
    }

    fn text(v: &DaneVerdict) -> String {
        let mut out = String::new();
        dane_rows(&mut out, 10, Palette::new(false), v);
        out
    }

    #[test]
    fn says_which_record_matched_at_which_depth() {
        let out = text(&verdict(
            DaneStatus::Matched,
            RecordOutcome::Matched,
            Some(0),
        ));
        assert!(out.contains("DANE"), "{out}");
        assert!(out.contains("matches 3 1 1 0c72ac70"), "{out}");
        assert!(out.contains("at depth 0"), "{out}");
        assert_eq!(out.lines().count(), 1, "{out}");
    }

    #[test]
    fn says_why_no_record_matched_with_control_characters_escaped() {
        let out = text(&verdict(
            DaneStatus::NoMatch,
            RecordOutcome::DigestDiffers,
            None,
        ));
        assert!(out.contains("no TLSA record matches (1 tried"), "{out}");
        assert!(out.contains("does not match"), "{out}");
        assert!(!out.contains('\u{1b}'), "{out}");
    }
}
