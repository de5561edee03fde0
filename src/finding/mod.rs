//! Findings: what an audit found wrong, as data. Codes, explanations and RFC references live in
//! the catalog (`crate::catalog`); a finding carries only the code and the actual values.

mod cap;
mod code;

use std::sync::Arc;

use serde::Serialize;

pub use cap::{Capped, SHOWN_PER_CODE, cap};
pub(crate) use code::codes;
pub use code::{Code, Entry, Severity};

/// Where in a record's text a finding points, in bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The text the offsets are into, shared by the findings about one record. Not serialized:
    /// each report shows the record once, and a finding of a 64 KiB record would repeat it.
    #[serde(skip)]
    pub record: Arc<str>,
    /// When `record` is one line of a longer text (an MTA-STS policy file): its number, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
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
    /// A suppression of the config file (`[[ignore]]`) applies: the finding stays in the
    /// structured output, and is left out of text and of the exit status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppressed>,
}

/// Why a finding is suppressed, and until when, as the config file's `[[ignore]]` says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppressed {
    pub reason: String,
    /// The last day the suppression applies; absent: for good.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<crate::date::Date>,
}

impl Finding {
    pub fn new(code: Code, subject: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code,
            severity: code.entry().severity,
            subject: subject.into(),
            message: message.into(),
            location: None,
            suppressed: None,
        }
    }

    /// Whether a suppression applies, so text and the exit status leave the finding out.
    pub fn is_suppressed(&self) -> bool {
        self.suppressed.is_some()
    }

    /// Points the finding at bytes `start..end` of `record`, which it shares.
    pub fn at(mut self, record: &Arc<str>, start: usize, end: usize) -> Self {
        self.location = Some(Location {
            record: Arc::clone(record),
            line: None,
            start,
            end,
        });
        self
    }

    /// Points the finding at bytes `start..end` of line `number` (from 1) of a text, `line`.
    pub fn at_line(self, line: &Arc<str>, number: usize, start: usize, end: usize) -> Self {
        let mut finding = self.at(line, start, end);
        if let Some(location) = &mut finding.location {
            location.line = Some(number);
        }
        finding
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
