//! The DNSSEC status an answer carries (RFC 4033 §5, RFC 4035 §4.3): secure, insecure, bogus or
//! indeterminate, and why, where that can be known.

use std::fmt;

use serde::Serialize;

/// The four states of RFC 4035 §4.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// Signatures that fail, or missing data a signed parent says must exist.
    Bogus,
    /// The chain could not be built: the DS or DNSKEY records could not be fetched.
    Indeterminate,
    /// Provably unsigned: an unsigned zone, or below an insecure delegation.
    Insecure,
    /// A chain of signed DS and DNSKEY records from a trust anchor down to the answer.
    Secure,
}

impl Security {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Secure => "secure",
            Self::Insecure => "insecure",
            Self::Bogus => "bogus",
            Self::Indeterminate => "indeterminate",
        }
    }
}

impl fmt::Display for Security {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An answer's status and, for a bogus or indeterminate one, the reason in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dnssec {
    pub status: Security,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Dnssec {
    pub fn new(status: Security) -> Self {
        Self {
            status,
            reason: None,
        }
    }

    pub fn because(status: Security, reason: impl Into<String>) -> Self {
        Self {
            status,
            reason: Some(reason.into()),
        }
    }
}

/// One answer a scope used, with its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judged {
    pub name: String,
    #[serde(rename = "type")]
    pub rtype: super::RecordType,
    #[serde(flatten)]
    pub dnssec: Dnssec,
}
