//! The trace of one SPF check_host() evaluation (RFC 7208 §4): every record fetched, every term
//! evaluated and every DNS query made, in order, with the include/redirect nesting depth.

use serde::Serialize;

use crate::dns::{Answer, FailureKind, LookupResult, RecordType};

use super::result::SpfResult;

/// One step of the evaluation. `depth` is 0 for the checked domain, 1 inside its includes and
/// redirect, and so on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TraceEvent {
    pub depth: usize,
    #[serde(flatten)]
    pub step: Step,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Step {
    /// check_host() starts for `domain` (the checked domain, an include or a redirect target).
    CheckHost { domain: String },
    /// A DNS query and what came back.
    Query {
        name: String,
        rtype: RecordType,
        status: QueryStatus,
        /// The records, or what went wrong.
        answer: String,
    },
    /// The SPF record selected at `domain`.
    Record { domain: String, text: String },
    /// A term (mechanism or modifier) was evaluated.
    Term {
        term: String,
        /// The domain the term's domain-spec expanded to, when it has one.
        #[serde(skip_serializing_if = "Option::is_none")]
        target: Option<String>,
        outcome: TermOutcome,
        #[serde(skip_serializing_if = "Option::is_none")]
        detail: Option<String>,
    },
    /// check_host() for `domain` ended.
    Result { domain: String, result: SpfResult },
}

/// How a DNS query ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QueryStatus {
    Records,
    NoData,
    NxDomain,
    /// Not sent: the name cannot exist in DNS (§4.3: treated as non-existent).
    NotQueried,
    /// No answer: timeout, SERVFAIL, ... (serialised as the failure itself).
    #[serde(untagged)]
    Failed(FailureKind),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermOutcome {
    Match,
    NoMatch,
    /// A redirect= that was followed, an exp= whose text was used.
    Applied,
    /// An exp= whose text could not be used (§6.2); `detail` says why.
    Ignored,
    TempError,
    PermError,
}

/// Collects events; depth follows include/redirect recursion.
#[derive(Debug, Default)]
pub struct Trace {
    pub events: Vec<TraceEvent>,
    pub depth: usize,
}

impl Trace {
    pub fn push(&mut self, step: Step) -> usize {
        self.events.push(TraceEvent {
            depth: self.depth,
            step,
        });
        self.events.len() - 1
    }

    pub fn query(&mut self, name: &str, rtype: RecordType, result: &LookupResult) {
        let (status, answer) = match result {
            Ok(Answer::Records(_)) => (QueryStatus::Records, result_text(result)),
            Ok(Answer::NoData) => (QueryStatus::NoData, "NODATA".to_string()),
            Ok(Answer::NxDomain) => (QueryStatus::NxDomain, "NXDOMAIN".to_string()),
            Err(e) => (QueryStatus::Failed(e.kind), e.detail.clone()),
        };
        self.push(Step::Query {
            name: crate::dns::name::canonical(name),
            rtype,
            status,
            answer,
        });
    }

    /// A query that was not sent because the name cannot exist.
    pub fn not_queried(&mut self, name: &str, rtype: RecordType, why: &str) {
        self.push(Step::Query {
            name: name.to_string(),
            rtype,
            status: QueryStatus::NotQueried,
            answer: why.to_string(),
        });
    }

    /// Opens a term; [`Trace::close_term`] fills in how it ended.
    pub fn open_term(&mut self, term: &str) -> usize {
        self.push(Step::Term {
            term: term.to_string(),
            target: None,
            outcome: TermOutcome::NoMatch,
            detail: None,
        })
    }

    pub fn set_target(&mut self, index: usize, name: &str) {
        if let Some(Step::Term { target, .. }) = self.events.get_mut(index).map(|e| &mut e.step) {
            *target = Some(name.to_string());
        }
    }

    pub fn close_term(&mut self, index: usize, how: TermOutcome, why: Option<String>) {
        if let Some(Step::Term {
            outcome, detail, ..
        }) = self.events.get_mut(index).map(|e| &mut e.step)
        {
            *outcome = how;
            *detail = why;
        }
    }
}

fn result_text(result: &LookupResult) -> String {
    match result {
        Ok(answer) => answer.to_string(),
        Err(e) => e.detail.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_status_serialises_failures_as_their_kind() {
        let json = |s| serde_json::to_value(s).unwrap();
        assert_eq!(json(QueryStatus::NxDomain), "nx-domain");
        assert_eq!(json(QueryStatus::Failed(FailureKind::Servfail)), "servfail");
        assert_eq!(
            json(QueryStatus::Failed(FailureKind::InvalidName)),
            "invalid-name"
        );
    }
}
