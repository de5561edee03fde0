//! Findings: what an audit found wrong, as data. Codes, explanations and RFC references live in
//! the catalog (`crate::catalog`); a finding carries only the code and the actual values.

mod cap;
mod code;

use serde::Serialize;

pub use cap::{Capped, SHOWN_PER_CODE, cap};
pub(crate) use code::codes;
pub use code::{Code, Entry, Severity};

/// Where in a record's text a finding points, in bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub record: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// What the finding is about: a DNS name, or a name and the record type.
    pub subject: String,
    /// The specifics, with the actual values.
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

impl Finding {
    pub fn new(code: Code, subject: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code,
            severity: code.entry().severity,
            subject: subject.into(),
            message: message.into(),
            location: None,
        }
    }

    pub fn at(mut self, record: &str, start: usize, end: usize) -> Self {
        self.location = Some(Location {
            record: record.to_string(),
            start,
            end,
        });
        self
    }
}

/// What every report shows the exit status (DESIGN.md "Output and exit status"): its findings,
/// and whether the work could be completed.
pub trait Outcome {
    fn findings(&self) -> &[Finding];

    /// Some of the work could not be done at all (a lookup failed, the budget ran out).
    fn incomplete(&self) -> bool {
        false
    }

    /// Reports within this one whose findings count too (a check's areas).
    fn parts(&self) -> Vec<&dyn Outcome> {
        Vec::new()
    }
}

/// Implements [`Outcome`] for report types with a `findings` field and, with `incomplete:`
/// before them, an `incomplete` field.
macro_rules! outcome {
    (incomplete: $($report:ty),+ $(,)?) => {
        $(impl $crate::finding::Outcome for $report {
            fn findings(&self) -> &[$crate::finding::Finding] {
                &self.findings
            }

            fn incomplete(&self) -> bool {
                self.incomplete
            }
        })+
    };
    ($($report:ty),+ $(,)?) => {
        $(impl $crate::finding::Outcome for $report {
            fn findings(&self) -> &[$crate::finding::Finding] {
                &self.findings
            }
        })+
    };
}
pub(crate) use outcome;
