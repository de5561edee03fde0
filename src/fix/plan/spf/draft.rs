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
    /// receivers fetch reliably (§3.4).
    pub fn try_edit(&mut self, i: usize, j: usize, with: Vec<String>, why: String) -> bool {
        let mut terms = self.recs[i].terms.clone();
        terms.splice(j..=j, with);
        let rec = &mut self.recs[i];
        let old = std::mem::replace(&mut rec.terms, terms);
        if rec.text().len() > RECORD_SIZE_LIMIT {
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
