//! An editable copy of a domain's SPF tree (RFC 7208 §4.6.4): the terms of every record as
//! they would read after the planned edits, and the lookups and void lookups a receiver would
//! then spend, counted again after each edit. Edits are made in steps that either clear their
//! finding as a whole or are undone.

use std::collections::{BTreeSet, HashMap};

use crate::spf::audit::RECORD_SIZE_LIMIT;
use crate::spf::networks::owned;
use crate::spf::{Mechanism, Modifier, SpfNode, SpfRecord, TermKind, TermNode};

/// Include/redirect levels counted; the audit's tree is never deeper than its own bound.
const MAX_DEPTH: usize = 30;

/// One record of the tree, as edited so far.
#[derive(Debug, Clone)]
pub(super) struct Rec<'t> {
    pub node: &'t SpfNode,
    pub terms: Vec<String>,
    /// The codes the edits of this record clear, and why they were made.
    pub fixes: BTreeSet<&'static str>,
    pub whys: Vec<String>,
}

impl Rec<'_> {
    pub fn text(&self) -> String {
        std::iter::once("v=spf1")
            .chain(self.terms.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn changed(&self) -> bool {
        self.terms.len() != self.node.terms.len()
            || self
                .terms
                .iter()
                .zip(&self.node.terms)
                .any(|(a, b)| *a != b.term)
    }

    /// The audit's node of a term still as published.
    pub fn original(&self, term: &str) -> Option<&TermNode> {
        self.node.terms.iter().find(|t| t.term == term)
    }
}

/// The tree as it would read after the edits; `recs[0]` is the domain's own record.
#[derive(Debug, Clone)]
pub(super) struct Draft<'t> {
    pub domain: String,
    pub recs: Vec<Rec<'t>>,
    index: HashMap<String, usize>,
}

impl<'t> Draft<'t> {
    pub fn new(domain: &str, tree: &'t SpfNode) -> Self {
        let mut recs = Vec::new();
        let mut stack = vec![tree];
        while let Some(node) = stack.pop() {
            recs.push(Rec {
                node,
                terms: node.terms.iter().map(|t| t.term.clone()).collect(),
                fixes: BTreeSet::new(),
                whys: Vec::new(),
            });
            stack.extend(node.terms.iter().rev().filter_map(|t| t.target.as_ref()));
        }
        let index = recs
            .iter()
            .enumerate()
            .map(|(i, r)| (r.node.domain.clone(), i))
            .collect();
        Self {
            domain: domain.to_string(),
            recs,
            index,
        }
    }

    pub fn owned(&self, i: usize) -> bool {
        owned(&self.domain, &self.recs[i].node.domain)
    }

    /// The records the domain owns, in tree order.
    pub fn owned_recs(&self) -> Vec<usize> {
        (0..self.recs.len()).filter(|&i| self.owned(i)).collect()
    }

    /// The record an unchanged include or redirect term of record `i` leads to.
    pub fn target(&self, i: usize, term: &str) -> Option<usize> {
        let original = self.recs[i].original(term)?;
        let name = original
            .target
            .as_ref()
            .map(|t| &t.domain)
            .or(original.reference.as_ref())?;
        self.index.get(name).copied()
    }

    /// Term `j` of record `i` replaced by `with`, unless the record would grow past the size
    /// receivers fetch reliably (§3.4); a record already past it may still shrink.
    pub fn try_edit(&mut self, i: usize, j: usize, with: Vec<String>, why: String) -> bool {
        let mut terms = self.recs[i].terms.clone();
        terms.splice(j..=j, with);
        let rec = &mut self.recs[i];
        let before = rec.text().len();
        let old = std::mem::replace(&mut rec.terms, terms);
        let after = rec.text().len();
        if after > RECORD_SIZE_LIMIT && after > before {
            rec.terms = old;
            return false;
        }
        if !rec.whys.contains(&why) {
            rec.whys.push(why);
        }
        true
    }

    /// DNS-querying terms a receiver evaluates (§4.6.4).
    pub fn lookups(&self) -> usize {
        self.totals(0, 0, &mut HashMap::new()).0
    }

    /// Whether a receiver spends at most the 10 lookups of §4.6.4.
    pub fn within_limit(&self) -> bool {
        self.lookups() <= crate::spf::MAX_DNS_TERMS
    }

    /// Void lookups a receiver meets (§4.6.4).
    pub fn voids(&self) -> usize {
        self.totals(0, 0, &mut HashMap::new()).1
    }

    /// Lookups below and including record `i`'s terms, and its void lookups.
    pub fn totals(
        &self,
        i: usize,
        depth: usize,
        memo: &mut HashMap<usize, (usize, usize)>,
    ) -> (usize, usize) {
        if let Some(known) = memo.get(&i) {
            return *known;
        }
        let rec = &self.recs[i];
        let (mut lookups, mut voids) = (0usize, 0usize);
        for term in reached(&rec.terms) {
            let Some(kind) = kind(term) else { continue };
            lookups = lookups.saturating_add(usize::from(queries_dns(&kind)));
            let Some(original) = rec.original(term) else {
                continue;
            };
            voids += usize::from(original.void);
            match self.target(i, term) {
                Some(t) if depth < MAX_DEPTH => {
                    let (l, v) = self.totals(t, depth + 1, memo);
                    lookups = lookups.saturating_add(l);
                    voids = voids.saturating_add(v);
                }
                _ => {
                    lookups = lookups.saturating_add(original.lookups - original.cost);
                }
            }
        }
        memo.insert(i, (lookups, voids));
        (lookups, voids)
    }
}

/// The terms a receiver reaches: directives up to `all`, and redirect= only without `all`.
pub(super) fn reached(terms: &[String]) -> Vec<&String> {
    let kinds: Vec<Option<TermKind>> = terms.iter().map(|t| kind(t)).collect();
    let all = kinds
        .iter()
        .position(|k| matches!(k, Some(TermKind::Directive(d)) if d.mechanism == Mechanism::All));
    terms
        .iter()
        .zip(&kinds)
        .enumerate()
        .filter(|(i, (_, k))| match (k, all) {
            (Some(TermKind::Modifier(Modifier::Redirect { .. })), Some(_)) => false,
            (Some(TermKind::Directive(_)), Some(a)) => *i <= a,
            _ => true,
        })
        .map(|(_, (t, _))| t)
        .collect()
}

/// One term parsed on its own.
pub(super) fn kind(term: &str) -> Option<TermKind> {
    let parsed = SpfRecord::parse(&format!("v=spf1 {term}"));
    parsed.terms.into_iter().next().map(|t| t.kind)
}

fn queries_dns(kind: &TermKind) -> bool {
    match kind {
        TermKind::Directive(d) => d.mechanism.queries_dns(),
        TermKind::Modifier(Modifier::Redirect { .. }) => true,
        _ => false,
    }
}

/// The qualifier a term is written with (`-`, `~`, `?`, `+`), or "" for none.
pub(super) fn qualifier(term: &str) -> &str {
    match term.as_bytes().first() {
        Some(b'+' | b'-' | b'~' | b'?') => &term[..1],
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(domain: &str, terms: &[&str]) -> SpfNode {
        let terms: Vec<TermNode> = terms
            .iter()
            .map(|t| {
                let cost = usize::from(kind(t).is_some_and(|k| queries_dns(&k)));
                TermNode {
                    term: (*t).to_string(),
                    cost,
                    lookups: cost,
                    target: None,
                    reference: None,
                    note: None,
                    include: false,
                    void: false,
                    no_record: false,
                }
            })
            .collect();
        SpfNode {
            domain: domain.to_string(),
            record: format!(
                "v=spf1 {}",
                terms
                    .iter()
                    .map(|t| t.term.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            strings: Vec::new(),
            lookups: terms.iter().map(|t| t.lookups).sum(),
            terms,
        }
    }

    #[test]
    fn lookups_are_counted_up_to_all_and_edits_keep_records_fetchable() {
        let tree = node(
            "example.com",
            &["a", "mx", "ip4:192.0.2.1", "-all", "a:late.example"],
        );
        let mut draft = Draft::new("example.com", &tree);
        assert_eq!(draft.lookups(), 2);
        assert!(draft.try_edit(0, 0, vec!["ip4:192.0.2.2".into()], "why".into()));
        assert_eq!(draft.lookups(), 1);
        assert!(draft.recs[0].changed());
        // Past 450 bytes an edit may shrink a record, never grow it.
        let many: Vec<String> = (0..40).map(|i| format!("ip4:198.51.100.{i}")).collect();
        let refs: Vec<&str> = many
            .iter()
            .map(String::as_str)
            .chain(["mx", "-all"])
            .collect();
        let long = node("example.com", &refs);
        let mut draft = Draft::new("example.com", &long);
        assert!(!draft.try_edit(
            0,
            40,
            vec!["ip4:203.0.113.1".into(), "ip4:203.0.113.2".into()],
            "why".into()
        ));
        assert!(draft.try_edit(0, 40, Vec::new(), "why".into()));
        assert_eq!(draft.lookups(), 0);
    }
}
