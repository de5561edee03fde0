//! Following an SPF record's terms through DNS (RFC 7208 §5, §6.1, §4.6.4): includes and
//! redirects recursively with siblings concurrently, and the lookups of `a`, `mx` and `exists`
//! for void lookups and the MX name limit. Builds the tree an audit reports.

use futures_util::future::join_all;

use crate::dns::{BoxFuture, Dns, RecordType, Txt};
use crate::finding::Finding;
use crate::spf::macros::MacroString;
use crate::spf::select::{self, Selection};
use crate::spf::{MAX_NAMES_PER_MECHANISM, Mechanism, Modifier, SpfRecord, Term, TermKind, codes};

use super::lints::{Role, lint_record, multiple_records};
use super::tree::{SpfNode, TermNode};

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
            let outs = join_all(record.terms.iter().zip(&reached).map(|(term, &reached)| {
                let chain = chain.clone();
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
            for ((term, reached), out) in record.terms.iter().zip(reached).zip(outs) {
                void += out.void;
                findings.extend(out.findings);
                terms.push(term_node(&record, term, reached, out.target, out.note));
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
            return TermOut::note("macros: depends on the sender");
        };
        let from = chain.last().cloned().unwrap_or_default();
        if chain.contains(&target) {
            return TermOut {
                findings: vec![Finding::new(
                    codes::INCLUDE_LOOP,
                    &from,
                    format!("{how}:{target} leads back to {}", chain.join(" -> ")),
                )],
                ..TermOut::note("loop")
            };
        }
        let found = match select::lookup(dns, &target).await {
            Ok(found) => found,
            Err(e) => {
                return TermOut {
                    findings: vec![e.finding(&target)],
                    ..TermOut::note("lookup failed")
                };
            }
        };
        match found.selection {
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
                findings: vec![Finding::new(
                    codes::TARGET_NO_RECORD,
                    &from,
                    format!("{how}:{target} has no SPF record; receivers return permerror"),
                )],
                ..TermOut::note("no SPF record")
            },
            Selection::Many(records) => TermOut {
                findings: vec![multiple_records(&target, &records)],
                ..TermOut::note("several SPF records")
            },
        }
    }
}

impl TermOut {
    fn note(note: impl Into<String>) -> Self {
        Self {
            note: Some(note.into()),
            ..Self::default()
        }
    }
}

/// The tree node of one term, given what following it found.
fn term_node(
    record: &SpfRecord,
    term: &Term,
    reached: bool,
    target: Option<SpfNode>,
    note: Option<String>,
) -> TermNode {
    let cost = usize::from(reached && queries_dns(&term.kind));
    let below = target.as_ref().map_or(0, |n| n.lookups);
    let note = if reached || !queries_dns(&term.kind) {
        note
    } else {
        Some("never evaluated".to_string())
    };
    TermNode {
        term: record.term_text(term).to_string(),
        cost,
        lookups: cost + below,
        target,
        note,
        include: matches!(
            &term.kind,
            TermKind::Directive(d) if matches!(d.mechanism, Mechanism::Include { .. })
        ),
    }
}

/// Terms a receiver can reach: those before `all`, and redirect only when there is no `all`.
fn reached_terms(record: &SpfRecord) -> Vec<bool> {
    let all = record.all();
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
            findings: vec![e.finding(name)],
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
                findings: vec![e.finding(name)],
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
    if count > MAX_NAMES_PER_MECHANISM {
        out.findings.push(Finding::new(
            codes::MX_TOO_MANY_NAMES,
            name,
            format!("{count} MX names, limit {MAX_NAMES_PER_MECHANISM}"),
        ));
    }
    out
}
