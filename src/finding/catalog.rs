//! The catalog of finding codes (DESIGN.md "Findings"): for each code its severity, a one-line
//! summary, the explanation, the fix and the RFC section behind it. Every protocol declares its
//! own entries in its `codes.rs` with [`codes!`]; this module joins them, so `explain`, the
//! generated docs and the tests read one source.

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

    pub fn from_name(name: &str) -> Option<Code> {
        all().find(|c| c.as_str() == name)
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
        use $crate::finding::catalog::{Code, Entry, Severity};

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

/// Each protocol's prefix and codes, in catalog order.
const GROUPS: &[(&str, &[Code])] = &[
    (crate::dns::codes::PREFIX, crate::dns::codes::ALL),
    (crate::spf::codes::PREFIX, crate::spf::codes::ALL),
    (
        crate::policy::mta_sts::codes::PREFIX,
        crate::policy::mta_sts::codes::ALL,
    ),
    (
        crate::policy::tls_rpt::codes::PREFIX,
        crate::policy::tls_rpt::codes::ALL,
    ),
    (crate::dkim::codes::PREFIX, crate::dkim::codes::ALL),
    (crate::dmarc::codes::PREFIX, crate::dmarc::codes::ALL),
    (
        crate::policy::bimi::codes::PREFIX,
        crate::policy::bimi::codes::ALL,
    ),
    (crate::check::codes::PREFIX, crate::check::codes::ALL),
    (crate::mx::codes::PREFIX, crate::mx::codes::ALL),
    (crate::smtp::codes::PREFIX, crate::smtp::codes::ALL),
    (crate::clients::codes::PREFIX, crate::clients::codes::ALL),
];

/// Every code of every protocol, in catalog order.
pub fn all() -> impl Iterator<Item = Code> {
    GROUPS.iter().flat_map(|(_, codes)| codes.iter().copied())
}

/// The code prefixes, one per protocol (`dns-`, `spf-`, ...).
pub fn prefixes() -> impl Iterator<Item = &'static str> {
    GROUPS.iter().map(|(prefix, _)| *prefix)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_carry_their_protocol_prefix() {
        let mut seen = std::collections::HashSet::new();
        for (prefix, codes) in GROUPS {
            assert!(prefix.ends_with('-'), "{prefix}");
            for code in *codes {
                let name = code.as_str();
                assert!(seen.insert(name), "{name} twice");
                assert!(
                    name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                    "{name}"
                );
                assert!(name.starts_with(prefix), "{name} lacks {prefix}");
                assert_eq!(Code::from_name(name), Some(*code));
                let e = code.entry();
                assert!(!e.summary.is_empty() && !e.explanation.is_empty() && !e.fix.is_empty());
                // BIMI is still an Internet-Draft.
                assert!(
                    e.rfc.starts_with("RFC ") || e.rfc.starts_with("draft-"),
                    "{name}"
                );
            }
        }
    }
}
