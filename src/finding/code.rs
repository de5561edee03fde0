//! Finding codes (DESIGN.md "Findings"): a code's catalog entry — its severity, a one-line
//! summary, the explanation, the fix and the RFC section behind it. Every protocol declares its
//! own entries in its `codes.rs` with [`codes!`]; `crate::catalog` joins them.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::{Serialize, Serializer};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something the reader may want to know; nothing is broken.
    Info,
    /// Protection weaker than it should be, or a risk.
    Warning,
    /// Receivers will reject, ignore or fail the record; delivery or authentication breaks.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// One catalog entry.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub code: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
    pub fix: &'static str,
    pub rfc: &'static str,
}

/// A stable finding code; [`Code::entry`] says what it means. Two codes are equal when their
/// names are.
#[derive(Clone, Copy)]
pub struct Code(&'static Entry);

impl Code {
    pub const fn new(entry: &'static Entry) -> Self {
        Self(entry)
    }

    pub fn entry(self) -> &'static Entry {
        self.0
    }

    pub fn as_str(self) -> &'static str {
        self.0.code
    }
}

/// Declares a protocol's codes in its `codes.rs`: `PREFIX`, one `pub const` per entry, and
/// `ALL` in declaration order.
macro_rules! codes {
    (prefix: $prefix:literal; $($name:ident {
        code: $code:literal,
        severity: $severity:ident,
        rfc: $rfc:literal,
        summary: $summary:literal,
        explanation: $explanation:literal,
        fix: $fix:literal $(,)?
    })*) => {
        use $crate::finding::{Code, Entry, Severity};

        /// The first part of every code of this protocol.
        pub const PREFIX: &str = $prefix;

        $(
            #[doc = $summary]
            pub const $name: Code = Code::new(&Entry {
                code: $code,
                severity: Severity::$severity,
                summary: $summary,
                explanation: $explanation,
                fix: $fix,
                rfc: $rfc,
            });
        )*

        /// Every code of this protocol, in catalog order.
        pub const ALL: &[Code] = &[$($name),*];
    };
}
pub(crate) use codes;

impl PartialEq for Code {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Code {}

impl Hash for Code {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
