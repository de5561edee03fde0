//! The SPF audit of a domain (RFC 7208): fetch and select its record, follow include and
//! redirect through DNS (siblings concurrently), count the DNS-querying terms and void lookups a
//! receiver would spend (§4.6.4), and collect every finding.

use std::collections::BTreeMap;

use futures_util::future::join_all;
use serde::Serialize;

use crate::dns::{Answer, BoxFuture, Dns, LookupError, RecordType, Txt};
use crate::finding::Finding;
use crate::lint::Code;

use super::lints::{Role, lint_record};
use super::macros::MacroString;
use super::parse::{Mechanism, Modifier, SpfRecord, TermKind};
use super::select::{Selection, select};

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
            return finish(domain, None, findings);
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
            finish(domain, None, findings)
        }
        Selection::Many(records) => {
            findings.push(multiple(domain, &records));
            finish(domain, None, findings)
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

fn finish(domain: &str, tree: Option<SpfNode>, findings: Vec<Finding>) -> SpfReport {
    SpfReport {
        domain: domain.to_string(),
        lookups: tree.as_ref().map_or(0, |n| n.lookups),
        tree,
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
    let mut report = finish(domain, Some(node), findings);
    report.void_lookups = void;
    report
}

fn spf_records(answer: &Answer) -> Vec<Txt> {
    answer
        .records()
        .iter()
        .filter_map(|r| match r {
            crate::dns::Rdata::Txt(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

fn lookup_failed(subject: &str, e: &LookupError) -> Finding {
    Finding::new(Code::DnsLookupFailed, subject, e.detail.clone())
}

fn multiple(domain: &str, records: &[Txt]) -> Finding {
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
                if term
                    .term
                    .trim_start_matches(['+', '-', '~', '?'])
                    .starts_with("include:")
                {
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

struct Walker<'a> {
    dns: Option<&'a Dns>,
    /// False when the root record was given as text rather than found at a domain.
    root_is_domain: bool,
}

struct WalkOut {
    node: SpfNode,
    void: usize,
    findings: Vec<Finding>,
}

/// What following one term found.
#[derive(Default)]
struct TermOut {
    target: Option<SpfNode>,
    note: Option<String>,
    void: usize,
    findings: Vec<Finding>,
}

impl<'a> Walker<'a> {
    fn walk_record(
        &'a self,
        domain: &'a str,
        txt: Txt,
        role: Role,
        chain: Vec<String>,
    ) -> BoxFuture<'a, WalkOut> {
        Box::pin(async move {
            let record = SpfRecord::parse(&txt.text());
            let mut findings = lint_record(domain, &txt, &record, role);
            let mut chain = chain;
            chain.push(domain.to_string());
            let reached = reached_terms(&record);
            let outs = join_all(record.terms.iter().enumerate().map(|(i, term)| {
                let chain = chain.clone();
                let reached = reached[i];
                async move {
                    if !reached {
                        return TermOut::default();
                    }
                    self.follow(domain, &term.kind, chain).await
                }
            }))
            .await;
            let mut void = 0;
            let mut terms = Vec::new();
            for ((i, term), out) in record.terms.iter().enumerate().zip(outs) {
                let cost = usize::from(reached[i] && queries_dns(&term.kind));
                let below = out.target.as_ref().map_or(0, |n| n.lookups);
                let note = if reached[i] || cost_if_reached(&term.kind) == 0 {
                    out.note
                } else {
                    Some("never evaluated".to_string())
                };
                void += out.void;
                findings.extend(out.findings);
                terms.push(TermNode {
                    term: record.term_text(term).to_string(),
                    cost,
                    lookups: cost + below,
                    target: out.target,
                    note,
                });
            }
            let node = SpfNode {
                domain: domain.to_string(),
                record: record.text.clone(),
                strings: txt
                    .strings
                    .iter()
                    .map(|s| String::from_utf8_lossy(s).into_owned())
                    .collect(),
                lookups: terms.iter().map(|t| t.lookups).sum(),
                terms,
            };
            WalkOut {
                node,
                void,
                findings,
            }
        })
    }

    /// Follows one reached term: the record it includes or redirects to, or the lookup an
    /// `a`, `mx` or `exists` makes (for void lookups and the MX name limit).
    async fn follow(&self, domain: &str, kind: &TermKind, chain: Vec<String>) -> TermOut {
        let Some(dns) = self.dns else {
            return TermOut {
                note: queries_dns(kind).then(|| "not resolved; use --resolve".to_string()),
                ..TermOut::default()
            };
        };
        // `a` and `mx` without a domain name the record's own domain, unknown for a record
        // given as text.
        let own = (self.root_is_domain || chain.len() > 1).then(|| domain.to_string());
        // A name that depends on the sender (macros) or on an unknown own domain is not
        // looked up.
        let name_of = |spec: Option<&MacroString>| match spec {
            Some(spec) => literal(spec),
            None => own.clone(),
        };
        let unresolvable = || TermOut {
            note: Some("depends on the sender or the record's own domain".into()),
            ..TermOut::default()
        };
        match kind {
            TermKind::Directive(d) => match &d.mechanism {
                Mechanism::Include { domain: spec } => {
                    self.follow_record(dns, spec, "include", Role::Included, chain)
                        .await
                }
                Mechanism::A { domain: spec, .. } => match name_of(spec.as_ref()) {
                    Some(name) => void_check(dns, &name, RecordType::A).await,
                    None => unresolvable(),
                },
                Mechanism::Exists { domain: spec } => match name_of(Some(spec)) {
                    Some(name) => void_check(dns, &name, RecordType::A).await,
                    None => unresolvable(),
                },
                Mechanism::Mx { domain: spec, .. } => match name_of(spec.as_ref()) {
                    Some(name) => mx_check(dns, &name).await,
                    None => unresolvable(),
                },
                _ => TermOut::default(),
            },
            TermKind::Modifier(Modifier::Redirect { domain: spec }) => {
                self.follow_record(dns, spec, "redirect", Role::Policy, chain)
                    .await
            }
            _ => TermOut::default(),
        }
    }

    async fn follow_record(
        &self,
        dns: &Dns,
        spec: &MacroString,
        how: &str,
        role: Role,
        chain: Vec<String>,
    ) -> TermOut {
        let Some(target) = literal(spec) else {
            return TermOut {
                note: Some("depends on the sender (macros)".into()),
                ..TermOut::default()
            };
        };
        if chain.contains(&target) {
            return TermOut {
                note: Some("loop".into()),
                findings: vec![Finding::new(
                    Code::SpfIncludeLoop,
                    chain.last().map_or("", String::as_str),
                    format!("{how}:{target} leads back to {}", chain.join(" -> ")),
                )],
                ..TermOut::default()
            };
        }
        let from = chain.last().cloned().unwrap_or_default();
        let records = match dns.lookup(&target, RecordType::Txt).await {
            Ok(answer) => select(&spf_records(&answer)),
            Err(e) => {
                return TermOut {
                    note: Some("lookup failed".into()),
                    findings: vec![lookup_failed(&target, &e)],
                    ..TermOut::default()
                };
            }
        };
        match records {
            Selection::One(txt) => {
                let out = self.walk_record(&target, txt, role, chain).await;
                TermOut {
                    target: Some(out.node),
                    void: out.void,
                    findings: out.findings,
                    note: None,
                }
            }
            Selection::None => TermOut {
                note: Some("no SPF record".into()),
                findings: vec![Finding::new(
                    Code::SpfTargetNoRecord,
                    &from,
                    format!("{how}:{target} has no SPF record; receivers return permerror"),
                )],
                ..TermOut::default()
            },
            Selection::Many(records) => TermOut {
                note: Some("several SPF records".into()),
                findings: vec![multiple(&target, &records)],
                ..TermOut::default()
            },
        }
    }
}

/// Terms a receiver can reach: those before `all`, and redirect only when there is no `all`.
fn reached_terms(record: &SpfRecord) -> Vec<bool> {
    let all = record
        .terms
        .iter()
        .position(|t| matches!(&t.kind, TermKind::Directive(d) if d.mechanism == Mechanism::All));
    record
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| match (&t.kind, all) {
            (TermKind::Modifier(Modifier::Redirect { .. }), Some(_)) => false,
            (TermKind::Directive(_), Some(a)) => i <= a,
            _ => true,
        })
        .collect()
}

fn queries_dns(kind: &TermKind) -> bool {
    cost_if_reached(kind) == 1
}

fn cost_if_reached(kind: &TermKind) -> usize {
    match kind {
        TermKind::Directive(d) => usize::from(d.mechanism.queries_dns()),
        TermKind::Modifier(Modifier::Redirect { .. }) => 1,
        _ => 0,
    }
}

/// The domain a macro-free domain-spec names.
fn literal(spec: &MacroString) -> Option<String> {
    (!spec.has_macros()).then(|| crate::dns::name::canonical(&spec.text))
}

async fn void_check(dns: &Dns, name: &str, rtype: RecordType) -> TermOut {
    match dns.lookup(name, rtype).await {
        Ok(answer) if answer.is_void() => TermOut {
            note: Some(format!("{name} {rtype}: {answer} (void lookup)")),
            void: 1,
            ..TermOut::default()
        },
        Ok(_) => TermOut::default(),
        Err(e) => TermOut {
            note: Some("lookup failed".into()),
            findings: vec![lookup_failed(name, &e)],
            ..TermOut::default()
        },
    }
}

async fn mx_check(dns: &Dns, name: &str) -> TermOut {
    let answer = match dns.lookup(name, RecordType::Mx).await {
        Ok(answer) => answer,
        Err(e) => {
            return TermOut {
                note: Some("lookup failed".into()),
                findings: vec![lookup_failed(name, &e)],
                ..TermOut::default()
            };
        }
    };
    if answer.is_void() {
        return TermOut {
            note: Some(format!("{name} MX: {answer} (void lookup)")),
            void: 1,
            ..TermOut::default()
        };
    }
    let count = answer.records().len();
    let mut out = TermOut::default();
    if count > MX_NAME_LIMIT {
        out.findings.push(Finding::new(
            Code::SpfMxTooManyNames,
            name,
            format!("{count} MX names, limit {MX_NAME_LIMIT}"),
        ));
    }
    out
}
