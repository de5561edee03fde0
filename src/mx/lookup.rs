//! The MX audit's lookups under one time budget: every query goes through the run's shared
//! resolver and ends by the audit's deadline, and what went wrong is collected as findings — a
//! failed lookup is never taken for a missing record (RFC 2308 §1).

use tokio::time::Instant;

use crate::dns::{Answer, Dns, LookupError, RecordType};
use crate::finding::Finding;

/// Why a lookup gave no answer.
#[derive(Debug, Clone)]
pub enum Miss {
    Failed(LookupError),
    /// Not answered before the audit's deadline.
    Deadline,
}

/// Asks the resolver, giving up at `deadline`.
#[derive(Clone, Copy)]
pub struct Asker<'a> {
    pub dns: &'a Dns,
    pub deadline: Instant,
}

impl Asker<'_> {
    pub async fn ask(&self, name: &str, rtype: RecordType) -> Result<Answer, Miss> {
        match tokio::time::timeout_at(self.deadline, self.dns.lookup(name, rtype)).await {
            Ok(Ok(answer)) => Ok(answer),
            Ok(Err(e)) => Err(Miss::Failed(e)),
            Err(_) => Err(Miss::Deadline),
        }
    }
}

/// What a part of the audit has to say besides its data: findings, and whether the deadline
/// cut it short (one finding for the whole audit says so).
#[derive(Debug, Default)]
pub struct Notes {
    pub findings: Vec<Finding>,
    pub deadline: bool,
}

impl Notes {
    /// Records a lookup about `subject` that gave no answer.
    pub fn miss(&mut self, miss: &Miss, subject: &str) {
        match miss {
            Miss::Failed(e) => self.findings.push(e.finding(subject)),
            Miss::Deadline => self.deadline = true,
        }
    }

    pub fn merge(&mut self, other: Notes) {
        self.findings.extend(other.findings);
        self.deadline |= other.deadline;
    }
}
