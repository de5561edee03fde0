//! Following an SPF record's terms through DNS (RFC 7208 §5, §6.1, §4.6.4): includes and
//! redirects recursively with siblings concurrently, and the lookups of `a`, `mx` and `exists`
//! for void lookups and the MX name limit. Builds the tree an audit reports.

use futures_util::future::join_all;

use crate::dns::{BoxFuture, Dns, RecordType, Txt};
use crate::finding::Finding;
use crate::lint::Code;

use super::audit::{MX_NAME_LIMIT, SpfNode, TermNode, lookup_failed, multiple, spf_records};
use super::lints::{Role, lint_record};
use super::macros::MacroString;
use super::parse::{Mechanism, Modifier, SpfRecord, TermKind};
use super::select::{Selection, select};

pub(super) struct Walker<'a> {
    pub dns: Option<&'a Dns>,
    /// False when the root record was given as text rather than found at a domain.
    pub root_is_domain: bool,
}

pub(super) struct WalkOut {
    pub node: SpfNode,
    pub void: usize,
    pub findings: Vec<Finding>,
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
    pub fn walk_record(
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
                let note = if reached[i] || !queries_dns(&term.kind) {
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
                    include: matches!(
                        &term.kind,
                        TermKind::Directive(d) if matches!(d.mechanism, Mechanism::Include { .. })
                    ),
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
        let unresolvable = |spec: Option<&MacroString>| TermOut {
            note: Some(if spec.is_some() {
                "macros: depends on the sender".into()
            } else {
                "names the record's own domain, unknown here".into()
            }),
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
                    None => unresolvable(spec.as_ref()),
                },
                Mechanism::Exists { domain: spec } => match name_of(Some(spec)) {
                    Some(name) => void_check(dns, &name, RecordType::A).await,
                    None => unresolvable(Some(spec)),
                },
                Mechanism::Mx { domain: spec, .. } => match name_of(spec.as_ref()) {
                    Some(name) => mx_check(dns, &name).await,
                    None => unresolvable(spec.as_ref()),
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
                note: Some("macros: depends on the sender".into()),
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

/// Whether the term, when reached, costs one of the 10 DNS-querying terms (§4.6.4).
fn queries_dns(kind: &TermKind) -> bool {
    match kind {
        TermKind::Directive(d) => d.mechanism.queries_dns(),
        TermKind::Modifier(Modifier::Redirect { .. }) => true,
        _ => false,
    }
}

/// The domain a macro-free domain-spec names.
fn literal(spec: &MacroString) -> Option<String> {
    (!spec.has_macros()).then(|| crate::dns::name::canonical(&spec.text))
}

async fn void_check(dns: &Dns, name: &str, rtype: RecordType) -> TermOut {
    match dns.lookup(name, rtype).await {
        Ok(answer) if answer.is_void() => TermOut {
            note: Some(format!("void lookup: {name} {rtype} {answer}")),
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
            note: Some(format!("void lookup: {name} MX {answer}")),
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
