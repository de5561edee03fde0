//! The tree an SPF audit reports, built from what the fetch phase found (RFC 7208 §5.2, §6.1,
//! §4.6.4). Each distinct record is expanded once, where it is first reached; later includes of
//! it are references that still count what a receiver would spend again, from totals computed
//! once. So the report stays proportional to the distinct records however many paths lead to
//! them, while the lookup counts remain a receiver's.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::dns::{Answer, RecordType};
use crate::finding::Finding;
use crate::spf::{MAX_NAMES_PER_MECHANISM, Mechanism, Term, TermKind, codes};

use super::fetch::{Bound, Fetched, Follow, Host, Parsed, Target, follow};
use super::lints::{Role, lint_record, multiple_records};
use crate::spf::{SpfNode, TermNode};

/// Lookups and void lookups a receiver spends below some point, counted per path.
#[derive(Debug, Clone, Copy, Default)]
struct Totals {
    lookups: usize,
    voids: usize,
}

impl Totals {
    fn add(&mut self, other: Totals) {
        // Paths multiply: a tree of repeated includes can count beyond any integer.
        self.lookups = self.lookups.saturating_add(other.lookups);
        self.voids = self.voids.saturating_add(other.voids);
    }
}

/// What building the tree found.
pub struct Walked {
    pub node: SpfNode,
    pub voids: usize,
    pub findings: Vec<Finding>,
    /// The bounds that stopped the walk somewhere.
    pub bounds: BTreeSet<Bound>,
}

/// Builds the tree of `root`, found at `root_name` (or given as text, `root_is_domain` false).
/// `fetched` is `None` when nothing is resolved (`lint spf` without `--resolve`).
pub fn build(
    root_name: &str,
    root: &Parsed,
    root_is_domain: bool,
    fetched: Option<&Fetched>,
) -> Walked {
    let mut builder = Builder {
        fetched,
        memo: HashMap::new(),
        linted: HashSet::new(),
        reported: HashSet::new(),
        findings: Vec::new(),
        bounds: BTreeSet::new(),
    };
    let own = root_is_domain.then_some(root_name);
    let mut chain = Vec::new();
    let (node, totals) = builder.record(root_name, own, root, Role::Policy, &mut chain);
    Walked {
        node,
        voids: totals.voids,
        findings: builder.findings,
        bounds: builder.bounds,
    }
}

struct Builder<'f> {
    fetched: Option<&'f Fetched>,
    /// Totals of every record already expanded, by name.
    memo: HashMap<String, Totals>,
    /// Records already linted in a role: their findings are reported once.
    linted: HashSet<(String, Role)>,
    /// Findings about one (subject, message) are reported once.
    reported: HashSet<(String, String)>,
    findings: Vec<Finding>,
    bounds: BTreeSet<Bound>,
}

/// What one term leads to.
#[derive(Default)]
struct Followed {
    target: Option<SpfNode>,
    reference: Option<String>,
    note: Option<String>,
    below: Totals,
    /// The term's own lookup was void.
    void: bool,
    /// The include or redirect target has no SPF record.
    no_record: bool,
}

impl Followed {
    fn note(note: impl Into<String>) -> Self {
        Self {
            note: Some(note.into()),
            ..Self::default()
        }
    }
}

impl Builder<'_> {
    /// Expands one record: lints it (once per role), follows its reached terms.
    fn record(
        &mut self,
        name: &str,
        own: Option<&str>,
        parsed: &Parsed,
        role: Role,
        chain: &mut Vec<String>,
    ) -> (SpfNode, Totals) {
        if self.linted.insert((name.to_string(), role)) {
            let lints = lint_record(name, &parsed.txt, &parsed.record, role);
            self.findings.extend(lints);
        }
        chain.push(name.to_string());
        let mut totals = Totals::default();
        let mut terms = Vec::new();
        for (term, &reached) in parsed.record.terms.iter().zip(&parsed.reached) {
            let followed = if reached {
                self.term(&term.kind, own, chain)
            } else {
                Followed::default()
            };
            let voids = followed.below.voids;
            let node = term_node(parsed.record.term_text(term), term, reached, followed);
            totals.add(Totals {
                lookups: node.lookups,
                voids,
            });
            terms.push(node);
        }
        chain.pop();
        let node = SpfNode {
            domain: name.to_string(),
            record: parsed.record.text.clone(),
            strings: parsed.txt.string_texts(),
            lookups: totals.lookups,
            terms,
        };
        (node, totals)
    }

    /// Follows one reached term.
    fn term(&mut self, kind: &TermKind, own: Option<&str>, chain: &mut Vec<String>) -> Followed {
        let Some(fetched) = self.fetched else {
            return if queries_dns(kind) {
                Followed::note("not resolved; use --resolve")
            } else {
                Followed::default()
            };
        };
        match follow(kind, own) {
            None => Followed::default(),
            Some(Follow::Macro) => Followed::note("macros: depends on the sender"),
            Some(Follow::OwnDomainUnknown) => {
                Followed::note("names the record's own domain, unknown here")
            }
            Some(Follow::Host(name, rtype)) => self.host(fetched, &name, rtype),
            Some(Follow::Record(target)) => {
                let role = if matches!(kind, TermKind::Directive(_)) {
                    Role::Included
                } else {
                    Role::Policy
                };
                self.target(fetched, &target, role, chain)
            }
        }
    }

    fn target(
        &mut self,
        fetched: &Fetched,
        target: &str,
        role: Role,
        chain: &mut Vec<String>,
    ) -> Followed {
        let from = chain.last().cloned().unwrap_or_default();
        let how = if role == Role::Included {
            "include:"
        } else {
            "redirect="
        };
        if chain.iter().any(|c| c == target) {
            let message = format!("{how}{target} leads back to {}", chain.join(" -> "));
            self.report(Finding::new(codes::INCLUDE_LOOP, &from, message));
            return Followed::note("loop");
        }
        if let Some(totals) = self.memo.get(target) {
            return Followed {
                reference: Some(target.to_string()),
                below: *totals,
                note: Some("repeated: expanded where first reached".into()),
                ..Followed::default()
            };
        }
        match fetched.targets.get(target) {
            Some(Target::Record(parsed)) => {
                let (node, totals) = self.record(target, Some(target), parsed, role, chain);
                self.memo.insert(target.to_string(), totals);
                Followed {
                    target: Some(node),
                    below: totals,
                    ..Followed::default()
                }
            }
            Some(Target::NoRecord) => {
                let message =
                    format!("{how}{target} has no SPF record; receivers return permerror");
                self.report(Finding::new(codes::TARGET_NO_RECORD, &from, message));
                Followed {
                    no_record: true,
                    ..Followed::note("no SPF record")
                }
            }
            Some(Target::Many(records)) => {
                self.report(multiple_records(target, records));
                Followed::note("several SPF records")
            }
            Some(Target::Failed(e)) => {
                self.report(e.finding(target));
                Followed::note("lookup failed")
            }
            Some(Target::Stopped(bound)) => self.stopped(*bound),
            None => self.stopped(Bound::Deadline),
        }
    }

    fn host(&mut self, fetched: &Fetched, name: &str, rtype: RecordType) -> Followed {
        match fetched.hosts.get(&(name.to_string(), rtype)) {
            Some(Host::Answer(answer)) if answer.is_void() => Followed {
                note: Some(format!("void lookup: {name} {rtype} {answer}")),
                below: Totals {
                    lookups: 0,
                    voids: 1,
                },
                void: true,
                ..Followed::default()
            },
            Some(Host::Answer(answer)) => {
                self.mx_names(name, rtype, answer);
                Followed::default()
            }
            Some(Host::Failed(e)) => {
                self.report(e.finding(name));
                Followed::note("lookup failed")
            }
            Some(Host::Stopped(bound)) => self.stopped(*bound),
            None => self.stopped(Bound::Deadline),
        }
    }

    /// §4.6.4: more than 10 MX names for one `mx` is a permerror.
    fn mx_names(&mut self, name: &str, rtype: RecordType, answer: &Answer) {
        let count = answer.records().len();
        if rtype == RecordType::Mx && count > MAX_NAMES_PER_MECHANISM {
            self.report(Finding::new(
                codes::MX_TOO_MANY_NAMES,
                name,
                format!("{count} MX names, limit {MAX_NAMES_PER_MECHANISM}"),
            ));
        }
    }

    fn stopped(&mut self, bound: Bound) -> Followed {
        self.bounds.insert(bound);
        Followed::note(format!("not followed: the audit stopped at {bound}"))
    }

    /// Adds a finding unless the same one was already reported.
    fn report(&mut self, finding: Finding) {
        if self
            .reported
            .insert((finding.subject.clone(), finding.message.clone()))
        {
            self.findings.push(finding);
        }
    }
}

/// The tree node of one term, given what following it found.
fn term_node(text: &str, term: &Term, reached: bool, followed: Followed) -> TermNode {
    let queries = queries_dns(&term.kind);
    let cost = usize::from(reached && queries);
    let note = if reached || !queries {
        followed.note
    } else {
        Some("never evaluated".to_string())
    };
    TermNode {
        term: text.to_string(),
        cost,
        lookups: cost.saturating_add(followed.below.lookups),
        target: followed.target,
        reference: followed.reference,
        note,
        include: matches!(
            &term.kind,
            TermKind::Directive(d) if matches!(d.mechanism, Mechanism::Include { .. })
        ),
        void: followed.void,
        no_record: followed.no_record,
    }
}

/// Whether the term, when reached, costs one of the 10 DNS-querying terms (§4.6.4).
fn queries_dns(kind: &TermKind) -> bool {
    match kind {
        TermKind::Directive(d) => d.mechanism.queries_dns(),
        TermKind::Modifier(crate::spf::Modifier::Redirect { .. }) => true,
        _ => false,
    }
}
