//! What ARC chain validation found (RFC 8617 §5.2): the chain's result and why, each set's
//! seal and message signature, the oldest instance whose message signature still verifies,
//! and what the first hop's ARC-Authentication-Results said when the chain holds.

use serde::Serialize;

use crate::finding::Finding;

use super::DkimResult;
use super::auth_results::AuthResults;

/// The chain's validation status (RFC 8617 §4.4, the `cv=` values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ArcResult {
    /// The message carries no ARC set.
    None,
    Pass,
    Fail,
}

impl ArcResult {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Pass => "pass",
            Self::Fail => "fail",
        }
    }
}

/// One signature of a set (its ARC-Seal or its ARC-Message-Signature) and what became of it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArcSignatureCheck {
    /// `d=`, when the field parses.
    pub domain: Option<String>,
    /// `s=`, when the field parses.
    pub selector: Option<String>,
    /// `null` when validation stopped before this signature.
    pub result: Option<DkimResult>,
    /// Why, in words; empty when it was not checked.
    pub reason: String,
}

/// One ARC set: the three fields of an instance.
#[derive(Debug, Clone, Serialize)]
pub struct ArcSetCheck {
    /// `i=`, 1 for the first hop that sealed.
    pub instance: u32,
    /// The ARC-Seal's `cv=` as written: what this hop found of the chain it received.
    pub cv: Option<String>,
    pub seal: ArcSignatureCheck,
    pub message_signature: ArcSignatureCheck,
    /// The ARC-Authentication-Results value after `i=`, unfolded.
    pub authentication_results: Option<String>,
}

/// The ARC chain of a message validated.
#[derive(Debug, Clone, Serialize)]
pub struct ArcVerification {
    pub result: ArcResult,
    /// Why, in words: which instance and which signature when it fails.
    pub reason: String,
    /// The sets read, oldest (instance 1) first.
    pub sets: Vec<ArcSetCheck>,
    /// §5.2 step 5: the lowest instance from which every ARC-Message-Signature up to the newest
    /// still verifies, written 0 when they all do (back to the first hop); `null` unless the
    /// chain passes.
    pub oldest_pass: Option<u32>,
    /// What instance 1's ARC-Authentication-Results said, when the chain passes.
    pub origin_results: Option<AuthResults>,
    pub findings: Vec<Finding>,
}
