//! The SPF audit of a domain (RFC 7208): fetch and select its record, follow include and
//! redirect through DNS, count the DNS-querying terms and void lookups a receiver would spend
//! (§4.6.4), and collect every finding. In call order: `fetch` gets every distinct name once,
//! within bounds and a time budget; `walk` builds the tree from it; `lints` checks each record; `report` is what the audit
//! returns.

mod fetch;
mod lints;

mod walk;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use crate::dns::{Dns, RecordType, Txt};
use crate::finding::Finding;
use crate::spf::select::{self, Selection};
use crate::spf::{MAX_DNS_TERMS, MAX_VOID_LOOKUPS, codes};

use crate::spf::{SpfNode, SpfReport};
pub use fetch::{Bound, MAX_DEPTH, MAX_QUERIES, MAX_RECORDS};
pub use lints::{RECORD_SIZE_LIMIT, Role, lint_record};

use fetch::Parsed;

/// Audits `domain`'s SPF policy through DNS, following the tree for at most `budget`.
pub async fn audit_domain(dns: &Dns, domain: &str, budget: Duration) -> SpfReport {
    let (txt, spf99) = tokio::join!(
        select::lookup(dns, domain),
        dns.lookup(domain, RecordType::Spf)
    );
    let mut findings = Vec::new();
    let found = match txt {
        Ok(found) => found,
        Err(e) => {
            findings.push(e.finding(domain));
            let mut report = SpfReport::without_tree(domain, findings);
            report.incomplete = true;
            return report;
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
    let published = found.txts;
    let mut report = match found.selection {
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
        Selection::One(txt) => walk_tree(Some(dns), domain, txt, true, budget, findings).await,
    };
    report.published = published;
    report
}

/// Audits `txt` as if it were `domain`'s record: what a record about to be published gives.
pub async fn audit_record(dns: &Dns, domain: &str, txt: Txt, budget: Duration) -> SpfReport {
    walk_tree(Some(dns), domain, txt, true, budget, Vec::new()).await
}

/// Audits a record given as text; with `dns`, includes and redirects are followed.
pub async fn audit_text(dns: Option<&Dns>, label: &str, txt: Txt, budget: Duration) -> SpfReport {
    walk_tree(dns, label, txt, false, budget, Vec::new()).await
}

async fn walk_tree(
    dns: Option<&Dns>,
    name: &str,
    txt: Txt,
    root_is_domain: bool,
    budget: Duration,
    mut findings: Vec<Finding>,
) -> SpfReport {
    let root = Parsed::new(txt);
    let fetched = match dns {
        Some(dns) => Some(fetch::fetch_all(dns, name, &root, root_is_domain, budget).await),
        None => None,
    };
    let walked = walk::build(name, &root, root_is_domain, fetched.as_ref());
    findings.extend(walked.findings);
    findings.extend(bound_findings(name, &walked.bounds, budget));
    SpfReport::with_tree(name, walked.node, walked.voids, findings)
}

/// One finding per bound that stopped the walk.
fn bound_findings(name: &str, bounds: &BTreeSet<Bound>, budget: Duration) -> Vec<Finding> {
    bounds
        .iter()
        .map(|bound| match bound {
            Bound::Deadline => Finding::new(
                codes::AUDIT_DEADLINE,
                name,
                format!(
                    "the tree was not followed to the end within {} s; the parts not reached \
                     are marked in it",
                    budget.as_secs_f64()
                ),
            ),
            _ => Finding::new(
                codes::AUDIT_LIMIT,
                name,
                format!("the audit stopped following the tree at {bound}"),
            ),
        })
        .collect()
}

impl SpfReport {
    /// A report for a domain without a usable record.
    fn without_tree(domain: &str, findings: Vec<Finding>) -> Self {
        Self {
            dnssec: None,
            domain: domain.to_string(),
            tree: None,
            lookups: 0,
            lookup_limit: MAX_DNS_TERMS,
            void_lookups: 0,
            void_lookup_limit: MAX_VOID_LOOKUPS,
            findings,
            incomplete: false,
            published: Vec::new(),
        }
    }

    /// A report for a walked tree, with the lints across the whole tree.
    fn with_tree(domain: &str, node: SpfNode, void: usize, mut findings: Vec<Finding>) -> Self {
        if node.lookups > MAX_DNS_TERMS {
            findings.push(Finding::new(
                codes::TOO_MANY_LOOKUPS,
                domain,
                format!(
                    "{} DNS lookups, limit {MAX_DNS_TERMS} ({})",
                    node.lookups,
                    biggest_branches(&node)
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
            dnssec: None,
            domain: domain.to_string(),
            lookups: node.lookups,
            tree: Some(node),
            lookup_limit: MAX_DNS_TERMS,
            void_lookups: void,
            void_lookup_limit: MAX_VOID_LOOKUPS,
            findings,
            incomplete: false,
            published: Vec::new(),
        }
    }
}

/// The branches of the root that spend lookups, biggest first: a few, then how many more.
fn biggest_branches(root: &SpfNode) -> String {
    const SHOWN: usize = 5;
    let mut spend: Vec<(&str, usize)> = root
        .terms
        .iter()
        .filter(|t| t.lookups > 0)
        .map(|t| (t.term.as_str(), t.lookups))
        .collect();
    // Stable: equal branches keep the record's order.
    spend.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let mut parts: Vec<String> = spend
        .iter()
        .take(SHOWN)
        .map(|(term, n)| format!("{term} {n}"))
        .collect();
    if spend.len() > SHOWN {
        parts.push(format!("and {} more", spend.len() - SHOWN));
    }
    parts.join(", ")
}

/// Includes of the same domain anywhere in the tree, each beyond the first spending again.
fn duplicate_includes(root: &SpfNode) -> Vec<Finding> {
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        for term in &node.terms {
            let target = term.target.as_ref().map(|t| &t.domain);
            if term.include
                && let Some(domain) = target.or(term.reference.as_ref())
            {
                seen.entry(domain.clone())
                    .or_default()
                    .push(node.domain.clone());
            }
            stack.extend(&term.target);
        }
    }
    seen.into_iter()
        .filter(|(_, from)| from.len() > 1)
        .map(|(target, mut from)| {
            let count = from.len();
            from.dedup();
            Finding::new(
                codes::DUPLICATE_INCLUDE,
                &root.domain,
                format!(
                    "include:{target} appears {count} times (in {})",
                    from.join(", ")
                ),
            )
        })
        .collect()
}
