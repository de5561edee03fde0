//! An endpoint's verdict for the summary table: whether mail programs can use it safely, as
//! the worst of its findings says, or that nothing could be reached.

use serde::Serialize;

use crate::finding::{Finding, Severity};

use super::{ClientSession, Source};

/// The last column of the summary table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Nothing worse than information.
    Ok,
    Warning,
    Error,
    /// A guessed port (`--host`) where nothing answers.
    NotListening,
    /// A published endpoint that cannot be connected to.
    Unreachable,
}

impl Verdict {
    /// The verdict on a session with the findings about its endpoint.
    pub fn of(session: &ClientSession, source: Source, findings: &[&Finding]) -> Self {
        if !session.connected() {
            return match source {
                Source::Host => Self::NotListening,
                Source::Srv => Self::Unreachable,
            };
        }
        match findings.iter().map(|f| f.severity).max() {
            Some(Severity::Error) => Self::Error,
            Some(Severity::Warning) => Self::Warning,
            Some(Severity::Info) | None => Self::Ok,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Warning => "warning",
            Self::Error => "error",
            Self::NotListening => "not listening",
            Self::Unreachable => "unreachable",
        }
    }
}
