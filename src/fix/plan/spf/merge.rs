//! Several SPF records at one name (RFC 7208 §4.5, a permerror) merged into one: the terms of
//! each, in order and each once, before a single `all` at the end; a `redirect=` becomes an
//! include of its target, since the merged record ends in `all` (§6.1).

use crate::fix::{Action, Change, Changes, Manual, txt_rdata};
use crate::spf::{MAX_DNS_TERMS, Mechanism, Modifier, SpfRecord, SpfReport, TermKind};

use super::{FixIntent, MULTIPLE, all_term};

pub(super) fn plan(report: &SpfReport, intent: &FixIntent, out: &mut Changes) {
    let is_spf = |t: &crate::dns::Txt| crate::spf::parse::is_spf1(&t.text());
    let records: Vec<String> = report
        .published
        .iter()
        .filter(|t| is_spf(t))
        .map(crate::dns::Txt::text)
        .collect();
    if records.len() < 2 {
        return;
    }
    let (merged, lookups) = merge(&records, all_term(intent));
    let old: Vec<String> = report
        .published
        .iter()
        .map(|t| crate::fix::quoted_strings(&t.strings))
        .collect();
    let mut new: Vec<String> = report
        .published
        .iter()
        .filter(|t| !is_spf(t))
        .map(|t| crate::fix::quoted_strings(&t.strings))
        .collect();
    new.push(txt_rdata(&merged));
    out.changes.push(Change {
        name: crate::fix::absolute(&report.domain),
        rtype: crate::dns::RecordType::Txt,
        action: Action::Replace,
        old,
        new,
        ttl: intent.ttl,
        fixes: vec![MULTIPLE.to_string()],
        why: format!(
            "SPF records of {}: {} records make receivers return permerror; they become one \
             with the terms of each (a redirect= as an include) and one {} at the end. The \
             other TXT records at the name stay as they are.",
            report.domain,
            records.len(),
            all_term(intent)
        ),
    });
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
    terms.push(all.to_string());
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
