//! The SPF audit of a domain (RFC 7208): fetch and select its record, follow include and
//! redirect through DNS (siblings concurrently), count the DNS-querying terms and void lookups a
//! receiver would spend (§4.6.4), and collect every finding. The tree is in `tree`, the walk
//! that builds it in `walk`, the lints of one record in `lints`.

mod lints;
mod tree;
mod walk;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::dns::{Dns, RecordType, Txt};
use crate::finding::Finding;
use crate::spf::select::{self, Selection};
use crate::spf::{MAX_DNS_TERMS, MAX_VOID_LOOKUPS, codes};

pub use lints::Role;
pub use tree::{SpfNode, TermNode};
use walk::Walker;

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

/// Audits `domain`'s SPF policy through DNS.
pub async fn audit_domain(dns: &Dns, domain: &str) -> SpfReport {
    let (txt, spf99) = tokio::join!(
        select::lookup(dns, domain),
        dns.lookup(domain, RecordType::Spf)
    );
    let mut findings = Vec::new();
    let found = match txt {
        Ok(found) => found,
        Err(e) => {
            findings.push(e.finding(domain));
            return SpfReport::without_tree(domain, findings);
        }
    };
    // Servers that mishandle the obsolete type are common; that is not worth a finding.
    if let Ok(answer) = spf99
        && !crate::dns::txts(answer.records()).is_empty()
    {
        let only = if matches!(found.selection, Selection::None) {
            " and there is no TXT record, so receivers see no SPF at all"
        } else {
            ""
        };
        findings.push(Finding::new(
            codes::OBSOLETE_RR_TYPE,
            domain,
            format!("an SPF record is published as type 99{only}"),
        ));
    }
    match found.selection {
        Selection::None => {
            let message = if found.nxdomain {
                "the domain does not exist (NXDOMAIN)"
            } else {
                "no TXT record starting with v=spf1"
            };
            findings.push(Finding::new(codes::MISSING, domain, message));
            SpfReport::without_tree(domain, findings)
        }
        Selection::Many(records) => {
            findings.push(lints::multiple_records(domain, &records));
            SpfReport::without_tree(domain, findings)
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
            SpfReport::with_tree(domain, out.node, out.void, findings)
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
    SpfReport::with_tree(label, out.node, out.void, out.findings)
}

impl SpfReport {
    /// A report for a domain without a usable record.
    fn without_tree(domain: &str, findings: Vec<Finding>) -> Self {
        Self {
            domain: domain.to_string(),
            tree: None,
            lookups: 0,
            lookup_limit: MAX_DNS_TERMS,
            void_lookups: 0,
            void_lookup_limit: MAX_VOID_LOOKUPS,
            findings,
        }
    }

    /// A report for a walked tree, with the lints across the whole tree.
    fn with_tree(domain: &str, node: SpfNode, void: usize, mut findings: Vec<Finding>) -> Self {
        if node.lookups > MAX_DNS_TERMS {
            let spend: Vec<String> = node
                .terms
                .iter()
                .filter(|t| t.lookups > 0)
                .map(|t| format!("{} {}", t.term, t.lookups))
                .collect();
            findings.push(Finding::new(
                codes::TOO_MANY_LOOKUPS,
                domain,
                format!(
                    "{} DNS lookups, limit {MAX_DNS_TERMS} ({})",
                    node.lookups,
                    spend.join(", ")
                ),
            ));
        }
        if void > MAX_VOID_LOOKUPS {
            findings.push(Finding::new(
                codes::TOO_MANY_VOID_LOOKUPS,
                domain,
                format!("{void} lookups return no records, limit {MAX_VOID_LOOKUPS}"),
            ));
        }
        findings.extend(duplicate_includes(&node));
        Self {
            domain: domain.to_string(),
            lookups: node.lookups,
            tree: Some(node),
            lookup_limit: MAX_DNS_TERMS,
            void_lookups: void,
            void_lookup_limit: MAX_VOID_LOOKUPS,
            findings,
        }
    }
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
                codes::DUPLICATE_INCLUDE,
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
