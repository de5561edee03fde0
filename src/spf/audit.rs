//! The SPF audit of a domain (RFC 7208): fetch and select its record, follow include and
//! redirect through DNS (siblings concurrently), count the DNS-querying terms and void lookups a
//! receiver would spend (§4.6.4), and collect every finding.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::dns::{Answer, Dns, LookupError, RecordType, Txt};
use crate::finding::Finding;
use crate::lint::Code;

use super::lints::Role;
use super::select::{Selection, select};
use super::walk::Walker;

pub const LOOKUP_LIMIT: usize = 10;
pub const VOID_LOOKUP_LIMIT: usize = 2;
/// §4.6.4: names looked at for one `mx` mechanism.
pub const MX_NAME_LIMIT: usize = 10;

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
    /// Why the term has no `target`, or why it does not count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// An `include` (rather than a redirect), for the duplicate-include lint.
    #[serde(skip)]
    pub include: bool,
}

/// Audits `domain`'s SPF policy through DNS.
pub async fn audit_domain(dns: &Dns, domain: &str) -> SpfReport {
    let (txt, spf99) = tokio::join!(
        dns.lookup(domain, RecordType::Txt),
        dns.lookup(domain, RecordType::Spf)
    );
    let mut findings = Vec::new();
    let obsolete = match spf99 {
        Ok(answer) => spf_records(&answer),
        // Servers that mishandle the obsolete type are common; that is not worth a finding.
        Err(_) => Vec::new(),
    };
    let nxdomain = matches!(txt, Ok(Answer::NxDomain));
    let txt = match txt {
        Ok(answer) => select(&spf_records(&answer)),
        Err(e) => {
            findings.push(lookup_failed(domain, &e));
            return no_tree(domain, findings);
        }
    };
    if !obsolete.is_empty() {
        let only = if matches!(txt, Selection::None) {
            " and there is no TXT record, so receivers see no SPF at all"
        } else {
            ""
        };
        findings.push(Finding::new(
            Code::SpfObsoleteRrType,
            domain,
            format!("an SPF record is published as type 99{only}"),
        ));
    }
    match txt {
        Selection::None => {
            let message = if nxdomain {
                "the domain does not exist (NXDOMAIN)"
            } else {
                "no TXT record starting with v=spf1"
            };
            findings.push(Finding::new(Code::SpfMissing, domain, message));
            no_tree(domain, findings)
        }
        Selection::Many(records) => {
            findings.push(multiple(domain, &records));
            no_tree(domain, findings)
        }
        Selection::One(record) => {
            let walker = Walker {
                dns: Some(dns),
                root_is_domain: true,
            };
            let out = walker
                .walk_record(domain, record, Role::Policy, vec![])
                .await;
            findings.extend(out.findings);
            finish_tree(domain, out.node, out.void, findings)
        }
    }
}

/// Audits a record given as text; with `dns`, includes and redirects are followed.
pub async fn audit_text(dns: Option<&Dns>, label: &str, txt: Txt) -> SpfReport {
    let walker = Walker {
        dns,
        root_is_domain: false,
    };
    let out = walker.walk_record(label, txt, Role::Policy, vec![]).await;
    finish_tree(label, out.node, out.void, out.findings)
}

/// A report for a domain without a usable record.
fn no_tree(domain: &str, findings: Vec<Finding>) -> SpfReport {
    SpfReport {
        domain: domain.to_string(),
        tree: None,
        lookups: 0,
        lookup_limit: LOOKUP_LIMIT,
        void_lookups: 0,
        void_lookup_limit: VOID_LOOKUP_LIMIT,
        findings,
    }
}

fn finish_tree(domain: &str, node: SpfNode, void: usize, mut findings: Vec<Finding>) -> SpfReport {
    if node.lookups > LOOKUP_LIMIT {
        let spend: Vec<String> = node
            .terms
            .iter()
            .filter(|t| t.lookups > 0)
            .map(|t| format!("{} {}", t.term, t.lookups))
            .collect();
        findings.push(Finding::new(
            Code::SpfTooManyLookups,
            domain,
            format!(
                "{} DNS lookups, limit {LOOKUP_LIMIT} ({})",
                node.lookups,
                spend.join(", ")
            ),
        ));
    }
    if void > VOID_LOOKUP_LIMIT {
        findings.push(Finding::new(
            Code::SpfTooManyVoidLookups,
            domain,
            format!("{void} lookups return no records, limit {VOID_LOOKUP_LIMIT}"),
        ));
    }
    findings.extend(duplicate_includes(&node));
    SpfReport {
        domain: domain.to_string(),
        lookups: node.lookups,
        tree: Some(node),
        lookup_limit: LOOKUP_LIMIT,
        void_lookups: void,
        void_lookup_limit: VOID_LOOKUP_LIMIT,
        findings,
    }
}

pub(super) fn spf_records(answer: &Answer) -> Vec<Txt> {
    crate::dns::txts(answer.records())
}

pub(super) fn lookup_failed(subject: &str, e: &LookupError) -> Finding {
    Finding::new(Code::DnsLookupFailed, subject, e.detail.clone())
}

pub(super) fn multiple(domain: &str, records: &[Txt]) -> Finding {
    let texts: Vec<String> = records
        .iter()
        .map(|t| format!("\"{}\"", t.text()))
        .collect();
    Finding::new(
        Code::SpfMultipleRecords,
        domain,
        format!("{} v=spf1 records: {}", records.len(), texts.join(", ")),
    )
}

/// Includes of the same domain anywhere in the tree, each beyond the first spending again.
fn duplicate_includes(root: &SpfNode) -> Vec<Finding> {
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        for term in &node.terms {
            if let Some(target) = &term.target {
                if term.include {
                    seen.entry(target.domain.clone())
                        .or_default()
                        .push(node.domain.clone());
                }
                stack.push(target);
            }
        }
    }
    seen.into_iter()
        .filter(|(_, from)| from.len() > 1)
        .map(|(target, from)| {
            Finding::new(
                Code::SpfDuplicateInclude,
                &root.domain,
                format!(
                    "include:{target} appears {} times (in {})",
                    from.len(),
                    from.join(", ")
                ),
            )
        })
        .collect()
}
