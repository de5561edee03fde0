//! The SPF audit's report (RFC 7208): the include/redirect tree (§5.2, §6.1) — each record
//! reached, its terms, and what each term costs toward the limits of §4.6.4 — and the findings.

use serde::Serialize;

use crate::finding::Finding;

/// The audit of one domain's SPF policy.
#[derive(Debug, Clone, Serialize)]
pub struct SpfReport {
    pub domain: String,
    /// The record and everything it reaches; absent when the domain has no usable record.
    pub tree: Option<SpfNode>,
    /// DNS-querying terms a receiver evaluates when no earlier term matches.
    pub lookups: usize,
    pub lookup_limit: usize,
    pub void_lookups: usize,
    pub void_lookup_limit: usize,
    pub findings: Vec<Finding>,
    /// The domain's own record could not be looked up at all: the audit is not complete.
    #[serde(skip)]
    pub incomplete: bool,
    /// Every TXT record at the domain as published, SPF or not (several SPF records among
    /// them when there is no tree): what `fix` replaces and carries over.
    #[serde(skip)]
    pub published: Vec<crate::dns::Txt>,
    /// The DNSSEC status of the answer this came from; set by `check` when it validates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dnssec: Option<crate::dns::Dnssec>,
}

/// One SPF record in the tree.
#[derive(Debug, Clone, Serialize)]
pub struct SpfNode {
    pub domain: String,
    pub record: String,
    /// The TXT record's character-strings, as published.
    pub strings: Vec<String>,
    /// DNS-querying terms of this record and of everything it reaches.
    pub lookups: usize,
    pub terms: Vec<TermNode>,
}

/// One term of a record, with what it costs.
#[derive(Debug, Clone, Serialize)]
pub struct TermNode {
    pub term: String,
    /// This term's own DNS-querying cost (0 or 1).
    pub cost: usize,
    /// `cost` plus everything below it.
    pub lookups: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<SpfNode>,
    /// The include or redirect target, when its record was already expanded where the tree
    /// first reached it; `lookups` still counts what a receiver spends on it again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Why the term has no `target`, or why it does not count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// An `include` (rather than a redirect), for the duplicate-include lint.
    #[serde(skip)]
    pub include: bool,
    /// The term's own lookup found nothing (NXDOMAIN or NODATA): a void lookup (§4.6.4).
    #[serde(skip)]
    pub void: bool,
    /// An include or redirect whose target has no SPF record: a permerror (§5.2, §6.1).
    #[serde(skip)]
    pub no_record: bool,
}
