//! The levels of an SPF check_host() evaluation (RFC 7208 §4.4–§4.6, §6.1): record lookup and
//! selection, the term loop, redirect=, and the state every include and redirect level shares —
//! the processing limits of §4.6.4, the trace, the traced DNS lookups.

use crate::dns::{Answer, BoxFuture, Dns, FailureKind, LookupResult, RecordType};

use crate::spf::macros::MacroString;
use crate::spf::select::{self, Selection};
use crate::spf::{MAX_DNS_TERMS, MAX_VOID_LOOKUPS, SpfRecord, TermKind};

use super::expand::{MacroContext, Values, expand, expand_domain};
use super::result::SpfResult;
use super::trace::{Step, TermOutcome, Trace};

/// How one check_host() level ended.
pub(super) struct LevelOutcome {
    pub result: SpfResult,
    pub mechanism: Option<String>,
    /// The exp= text, for a fail decided at this level or below through redirect.
    pub explanation: Option<String>,
    pub problem: Option<String>,
}

impl LevelOutcome {
    pub fn ended(result: SpfResult, problem: impl Into<String>) -> Self {
        Self {
            result,
            mechanism: None,
            explanation: None,
            problem: Some(problem.into()),
        }
    }
}

/// A temperror or permerror that ends the evaluation.
#[derive(Debug)]
pub(super) struct Abort {
    pub result: SpfResult,
    pub problem: String,
}

impl Abort {
    pub fn temp(problem: impl Into<String>) -> Self {
        Self {
            result: SpfResult::TempError,
            problem: problem.into(),
        }
    }

    pub fn perm(problem: impl Into<String>) -> Self {
        Self {
            result: SpfResult::PermError,
            problem: problem.into(),
        }
    }

    pub fn outcome(&self) -> TermOutcome {
        if self.result == SpfResult::TempError {
            TermOutcome::TempError
        } else {
            TermOutcome::PermError
        }
    }
}

impl From<Abort> for LevelOutcome {
    fn from(a: Abort) -> Self {
        LevelOutcome::ended(a.result, a.problem)
    }
}

/// The state of one evaluation, shared by every include and redirect level.
pub(super) struct Evaluator<'a> {
    pub dns: &'a Dns,
    pub ctx: MacroContext,
    pub trace: Trace,
    pub dns_terms: usize,
    pub voids: usize,
    /// The validated names of the client (§5.5), once looked up for `%{p}`.
    pub validated: Option<Vec<String>>,
}

impl<'a> Evaluator<'a> {
    pub fn new(dns: &'a Dns, ctx: MacroContext) -> Self {
        Self {
            dns,
            ctx,
            trace: Trace::default(),
            dns_terms: 0,
            voids: 0,
            validated: None,
        }
    }

    /// check_host() for `domain`: one level of the evaluation.
    pub fn check<'s>(&'s mut self, domain: &'s str) -> BoxFuture<'s, LevelOutcome> {
        Box::pin(async move {
            self.trace.push(Step::CheckHost {
                domain: domain.to_string(),
            });
            let outcome = match self.fetch_record(domain).await {
                Ok(record) => self.evaluate(&record, domain).await,
                Err(outcome) => outcome,
            };
            self.trace.push(Step::Result {
                domain: domain.to_string(),
                result: outcome.result,
            });
            outcome
        })
    }

    /// §4.4, §4.5: the one SPF record of `domain`, parsed and free of syntax errors.
    async fn fetch_record(&mut self, domain: &str) -> Result<SpfRecord, LevelOutcome> {
        let answer = match self.lookup(domain, RecordType::Txt).await {
            Err(e) if e.kind == FailureKind::InvalidName => {
                return Err(LevelOutcome::ended(SpfResult::None, e.detail));
            }
            Err(e) => return Err(LevelOutcome::ended(SpfResult::TempError, e.detail)),
            Ok(Answer::NxDomain) => {
                let why = format!("{domain} does not exist (NXDOMAIN)");
                return Err(LevelOutcome::ended(SpfResult::None, why));
            }
            Ok(Answer::NoData) => {
                let why = format!("{domain} has no TXT records, so no SPF record");
                return Err(LevelOutcome::ended(SpfResult::None, why));
            }
            Ok(answer) => answer,
        };
        let txt = match select::from_answer(&answer) {
            Selection::One(txt) => txt,
            Selection::None => {
                let why = format!("{domain} has no SPF record (no TXT record starts with v=spf1)");
                return Err(LevelOutcome::ended(SpfResult::None, why));
            }
            Selection::Many(all) => {
                let why = format!(
                    "{domain} has {} SPF records; there must be exactly one (RFC 7208 §4.5)",
                    all.len()
                );
                return Err(LevelOutcome::ended(SpfResult::PermError, why));
            }
        };
        let text = txt.text();
        self.trace.push(Step::Record {
            domain: domain.to_string(),
            text: text.clone(),
        });
        if !txt.joined().is_ascii() {
            let why = format!("the SPF record of {domain} contains non-ASCII bytes");
            return Err(LevelOutcome::ended(SpfResult::PermError, why));
        }
        let record = SpfRecord::parse(&text);
        if let Some(e) = record.errors.first() {
            let at = &text[e.span.clone()];
            let why = format!(
                "syntax error in the SPF record of {domain} at {}: {}",
                crate::sanitize::quoted(at),
                e.message
            );
            return Err(LevelOutcome::ended(SpfResult::PermError, why));
        }
        Ok(record)
    }

    /// §4.6: the directives left to right, then redirect=, else neutral.
    async fn evaluate(&mut self, record: &SpfRecord, domain: &str) -> LevelOutcome {
        for term in &record.terms {
            let TermKind::Directive(directive) = &term.kind else {
                continue;
            };
            let text = record.term_text(term);
            match self.directive(directive, text, domain).await {
                Ok(None) => {}
                Ok(Some(chain)) => {
                    let result = SpfResult::from(directive.qualifier);
                    let explanation = if result == SpfResult::Fail {
                        self.explain(record, domain).await
                    } else {
                        None
                    };
                    return LevelOutcome {
                        result,
                        mechanism: Some(chain),
                        explanation,
                        problem: None,
                    };
                }
                Err(abort) => return abort.into(),
            }
        }
        // §6.1: redirect= applies only when no mechanism matched (an `all` always matches).
        match record.redirect_term() {
            Some((term, spec)) => self.redirect(record.term_text(term), spec, domain).await,
            None => LevelOutcome {
                result: SpfResult::Neutral,
                mechanism: None,
                explanation: None,
                problem: None,
            },
        }
    }

    /// §6.1: check_host() of the target replaces this record's result; no record there is a
    /// permerror.
    async fn redirect(&mut self, text: &str, spec: &MacroString, domain: &str) -> LevelOutcome {
        let index = self.trace.open_term(text);
        if let Err(abort) = self.count_term() {
            self.trace
                .close_term(index, abort.outcome(), Some(abort.problem.clone()));
            return abort.into();
        }
        let target = match self.target(Some(spec), domain, RecordType::Txt).await {
            Ok(target) => target,
            Err(why) => {
                let problem = format!("{text}: the target cannot exist in DNS: {why}");
                self.trace
                    .close_term(index, TermOutcome::PermError, Some(problem.clone()));
                return LevelOutcome::ended(SpfResult::PermError, problem);
            }
        };
        self.trace.set_target(index, &target);
        self.trace.close_term(index, TermOutcome::Applied, None);
        self.trace.depth += 1;
        let inner = self.check(&target).await;
        self.trace.depth -= 1;
        let label = term_label(text, &target);
        match inner.result {
            SpfResult::None => {
                LevelOutcome::ended(SpfResult::PermError, format!("{label} has no SPF record"))
            }
            SpfResult::TempError | SpfResult::PermError => LevelOutcome {
                problem: inner.problem.map(|p| format!("{label} -> {p}")),
                ..inner
            },
            _ => LevelOutcome {
                mechanism: inner.mechanism.map(|m| format!("{label} -> {m}")),
                ..inner
            },
        }
    }

    /// A term's target-name: the expanded domain-spec, or `domain` without one. `Err` when the
    /// expansion cannot be a DNS name; the trace records it as a query not sent.
    pub async fn target(
        &mut self,
        spec: Option<&MacroString>,
        domain: &str,
        rtype: RecordType,
    ) -> Result<String, String> {
        let Some(spec) = spec else {
            return Ok(domain.to_string());
        };
        let ptr = self.ptr_value(spec, domain).await;
        let values = Values {
            ctx: &self.ctx,
            domain,
            ptr: ptr.as_deref(),
        };
        let target = expand_domain(spec, &values);
        if let Err(why) = &target {
            let raw = expand(spec, &values);
            self.trace.not_queried(&raw, rtype, why);
        }
        target
    }

    /// A or AAAA, after the client's address family (§5).
    pub fn address_type(&self) -> RecordType {
        if self.ctx.ip.is_ipv4() {
            RecordType::A
        } else {
            RecordType::Aaaa
        }
    }

    /// Counts a DNS-querying term (§4.6.4).
    pub fn count_term(&mut self) -> Result<(), Abort> {
        self.dns_terms += 1;
        if self.dns_terms > MAX_DNS_TERMS {
            return Err(Abort::perm(format!(
                "more than {MAX_DNS_TERMS} DNS-querying terms (include, a, mx, ptr, exists, \
                 redirect) (RFC 7208 §4.6.4)"
            )));
        }
        Ok(())
    }

    /// Counts a void lookup (§4.6.4).
    pub fn count_void(&mut self) -> Result<(), Abort> {
        self.voids += 1;
        if self.voids > MAX_VOID_LOOKUPS {
            return Err(Abort::perm(format!(
                "more than {MAX_VOID_LOOKUPS} void lookups (NXDOMAIN or no records) (RFC 7208 \
                 §4.6.4)"
            )));
        }
        Ok(())
    }

    pub async fn lookup(&mut self, name: &str, rtype: RecordType) -> LookupResult {
        let result = self.dns.lookup(name, rtype).await;
        self.trace.query(name, rtype, &result);
        result
    }

    /// Independent lookups issued together; traced in the order given.
    pub async fn lookup_all(&mut self, names: &[String], rtype: RecordType) -> Vec<LookupResult> {
        let dns = self.dns;
        let results =
            futures_util::future::join_all(names.iter().map(|n| dns.lookup(n, rtype))).await;
        for (name, result) in names.iter().zip(&results) {
            self.trace.query(name, rtype, result);
        }
        results
    }
}

/// A term for messages: its text, plus the expanded target when it holds macros.
pub(super) fn term_label(text: &str, target: &str) -> String {
    if text.contains('%') {
        format!("{text} ({target})")
    } else {
        text.to_string()
    }
}

/// `name` equals `parent` or lies below it (both lowercase, no trailing dot).
pub(super) fn is_within(name: &str, parent: &str) -> bool {
    name == parent
        || name
            .strip_suffix(parent)
            .is_some_and(|head| head.ends_with('.'))
}
