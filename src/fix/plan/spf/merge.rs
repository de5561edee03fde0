//! Several SPF records at one name (RFC 7208 §4.5, a permerror) merged into one: the terms of
//! each, in order and each once, before a single `all` at the end; a `redirect=` becomes an
//! include of its target, since the merged record ends in `all` (§6.1).

use crate::fix::{Action, Change, Changes, Manual};
use crate::spf::{MAX_DNS_TERMS, Mechanism, Modifier, SpfRecord, SpfReport, TermKind};

use super::{FixIntent, MULTIPLE, all_term};

/// The merged record of a domain with several, and how many there were.
pub(crate) fn merged_text(report: &SpfReport, intent: &FixIntent) -> Option<(String, usize)> {
    let records: Vec<String> = report
        .published
        .iter()
        .map(crate::dns::Txt::text)
        .filter(|t| crate::spf::parse::is_spf1(t))
        .collect();
    (records.len() >= 2).then(|| (merge(&records, all_term(intent)).0, records.len()))
}

/// Why the records become one.
pub(super) fn why(report: &SpfReport, count: usize, intent: &FixIntent) -> String {
    format!(
        "{count} SPF records make receivers return permerror; they become one with the terms \
         of each (a redirect= as an include) and one {} at the end. The other TXT records at \
         {} stay as they are.",
        all_term(intent),
        report.domain
    )
}

/// The merged record as one change, when it could not be audited before planning.
pub(super) fn plan(report: &SpfReport, intent: &FixIntent, out: &mut Changes) {
    let Some((merged, count)) = merged_text(report, intent) else {
        return;
    };
    let (old, new) = super::root_set(report, &[], &merged);
    out.changes.push(Change {
        name: crate::fix::absolute(&report.domain),
        rtype: crate::dns::RecordType::Txt,
        action: Action::Replace,
        old,
        new,
        ttl: intent.ttl,
        fixes: vec![MULTIPLE.to_string()],
        why: format!(
            "SPF records of {}: {}",
            report.domain,
            why(report, count, intent)
        ),
    });
    let lookups = merge(&[merged], "").1;
    if lookups > MAX_DNS_TERMS {
        out.manual.push(Manual {
            code: "spf-too-many-lookups".into(),
            subject: report.domain.clone(),
            why: format!(
                "the merged record has {lookups} DNS-querying terms of its own, limit \
                 {MAX_DNS_TERMS}; publish it, then run fix again to bring the lookups down"
            ),
        });
    }
}

/// The merged record and the DNS-querying terms it has itself.
pub(super) fn merge(records: &[String], all: &str) -> (String, usize) {
    let mut terms: Vec<String> = Vec::new();
    let mut exp = false;
    let mut lookups = 0;
    for text in records {
        let record = SpfRecord::parse(text);
        let has_all = record.all();
        for (index, term) in record.terms.iter().enumerate() {
            let written = record.term_text(term);
            let kept = match &term.kind {
                TermKind::Directive(d) if d.mechanism == Mechanism::All => None,
                TermKind::Directive(_) if has_all.is_some_and(|a| index > a) => None,
                TermKind::Modifier(Modifier::Redirect { domain }) if has_all.is_none() => {
                    Some(format!("include:{}", domain.text))
                }
                TermKind::Modifier(Modifier::Redirect { .. }) => None,
                TermKind::Modifier(Modifier::Exp { .. }) if exp => None,
                TermKind::Modifier(Modifier::Exp { .. }) => {
                    exp = true;
                    Some(written.to_string())
                }
                _ => Some(written.to_string()),
            };
            if let Some(kept) = kept
                && !terms.iter().any(|t| t.eq_ignore_ascii_case(&kept))
            {
                let kind = super::draft::kind(&kept);
                lookups += usize::from(kind.is_some_and(|k| match k {
                    TermKind::Directive(d) => d.mechanism.queries_dns(),
                    _ => false,
                }));
                terms.push(kept);
            }
        }
    }
    if !all.is_empty() {
        terms.push(all.to_string());
    }
    (format!("v=spf1 {}", terms.join(" ")), lookups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_merge_in_order_with_one_all() {
        let records = [
            "v=spf1 mx include:_spf.a.example ~all".to_string(),
            "v=spf1 ip4:192.0.2.1 MX redirect=_spf.b.example".to_string(),
            "v=spf1 include:_spf.a.example -all ptr".to_string(),
        ];
        let (merged, lookups) = merge(&records, "-all");
        assert_eq!(
            merged,
            "v=spf1 mx include:_spf.a.example ip4:192.0.2.1 include:_spf.b.example -all"
        );
        assert_eq!(lookups, 3);
    }
}
