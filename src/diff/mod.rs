//! `mailaudit diff`: what changed between two runs of `check` saved as JSON Lines (or JSON) —
//! findings new, cleared or changed, the published records (SPF RFC 7208, DMARC RFC 7489, DKIM
//! RFC 6376, MX RFC 5321, MTA-STS RFC 8461) and the MX hosts' certificates, domains added or
//! missing. The report types are here; reading is in `read`, comparing in `compare`.

pub mod compare;
pub mod read;
mod summary;

use serde::Serialize;

use crate::finding::Severity;

pub use summary::{RecordKind, worst_severity};

/// The most domains kept from one file: each is held in memory until both runs are read.
pub const MAX_DOMAINS: usize = 500_000;
/// The most notices kept about one file; the rest are counted in one more.
pub const MAX_NOTICES: usize = 100;

/// What changed between two runs.
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    /// The earlier run's file, as given.
    pub old: String,
    /// The later run's file, as given.
    pub new: String,
    /// Domains found in both runs and compared.
    pub compared: usize,
    /// The domains with a change, in name order.
    pub domains: Vec<DomainDiff>,
    /// Domains in the later run only.
    pub added: Vec<String>,
    /// Domains in the earlier run only.
    pub missing: Vec<String>,
    /// Lines that are not results, and limits reached.
    pub notices: Vec<Notice>,
}

impl DiffReport {
    /// Whether nothing changed (notices aside: they are about the files, not the domains).
    pub fn unchanged(&self) -> bool {
        self.domains.is_empty() && self.added.is_empty() && self.missing.is_empty()
    }

    /// The worst severity that appeared: a new finding, or one whose severity rose; suppressed
    /// findings left out (they are known and accepted).
    pub fn worst_new(&self) -> Option<Severity> {
        self.domains
            .iter()
            .flat_map(|d| &d.findings)
            .filter(|f| !f.suppressed)
            .filter(|f| match f.change {
                Change::New => true,
                Change::Cleared => false,
                Change::Changed => f.old_severity.is_some_and(|old| f.severity > old),
            })
            .map(|f| f.severity)
            .max()
    }
}

/// One domain's changes.
#[derive(Debug, Clone, Serialize)]
pub struct DomainDiff {
    pub domain: String,
    /// Worst first, then by code and subject.
    pub findings: Vec<FindingChange>,
    pub records: Vec<RecordChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    New,
    Cleared,
    /// Same code and subject, another severity or message.
    Changed,
}

/// A finding that appeared, went away or changed. A finding is known by its code and subject;
/// `severity` and `message` are the later run's (the earlier run's for a cleared one).
#[derive(Debug, Clone, Serialize)]
pub struct FindingChange {
    pub change: Change,
    pub code: String,
    pub severity: Severity,
    pub subject: String,
    pub message: String,
    /// For a changed finding: its severity in the earlier run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_severity: Option<Severity>,
    /// For a changed finding: its message in the earlier run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_message: Option<String>,
    /// Suppressed in the run it is from (`[[ignore]]`): shown, never failing the run.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub suppressed: bool,
}

/// A record (or a certificate) whose text changed; `None` where there was none.
#[derive(Debug, Clone, Serialize)]
pub struct RecordChange {
    pub kind: RecordKind,
    /// The domain, the DKIM selector, or the MX endpoint ("host address").
    pub subject: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Something about a file rather than a domain: a line that is not a result, a limit reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub file: String,
    /// The line, from 1, when the notice is about one.
    pub line: Option<u64>,
    pub message: String,
}
