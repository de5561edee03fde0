//! Messages (RFC 5322, RFC 6376, RFC 8301, RFC 8463, RFC 8617): a saved message read (`read`), its
//! DKIM-Signature fields parsed (`signature`), canonicalized (`canon`) and hashed (`hash`),
//! verified against the keys DNS publishes (`verify`), and new signatures made (`sign`, with
//! the private key read by `signing_key`); the trace fields that say where it came from
//! (`received`) and Authentication-Results fields (RFC 8601, `auth_results`); the ARC chain
//! (`arc_sets` read, `arc` validated, `arc_report` what was found); the author
//! (`from`), and the whole verdict on a received message (`authenticate`, reported as
//! `report`, with `our_results` as a receiver writes it). Pure except `verify`, `arc` and
//! `authenticate`, which ask the resolver.

pub mod arc;
pub mod arc_report;
pub mod arc_sets;
pub mod auth_results;
pub mod authenticate;
pub mod canon;
pub mod codes;
pub mod from;
pub mod hash;
pub mod our_results;
pub mod read;
pub mod received;
pub mod report;
pub mod sign;
pub mod signature;
pub mod signing_key;
pub mod signing_test;
pub mod verify;

use std::fmt;

use serde::Serialize;

use crate::dkim::lints::KeyInfo;
use crate::finding::Finding;

pub use read::{HeaderField, Message, ReadError};
pub use signature::{DkimSignature, SigningAlgorithm};

/// A signature's result, in RFC 8601 §2.7.1's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DkimResult {
    Pass,
    Fail,
    Neutral,
    Policy,
    Temperror,
    Permerror,
}

impl DkimResult {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::Neutral => "neutral",
            Self::Policy => "policy",
            Self::Temperror => "temperror",
            Self::Permerror => "permerror",
        }
    }
}

impl fmt::Display for DkimResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One DKIM-Signature field checked.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureCheck {
    /// Its place among the message's DKIM-Signature fields, 1 at the top.
    pub index: usize,
    /// The parsed tags; `null` when the field does not parse.
    pub signature: Option<DkimSignature>,
    /// Where the key was looked up (`s._domainkey.d`).
    pub key_name: Option<String>,
    /// The key found there.
    pub key: Option<KeyInfo>,
    /// What the key record's lints found.
    pub key_findings: Vec<Finding>,
    pub result: DkimResult,
    /// Why, in words ("body hash mismatch", "key revoked", ...).
    pub reason: String,
}

/// Every DKIM signature of a message checked, and what was found.
#[derive(Debug, Clone, Serialize)]
pub struct DkimVerification {
    pub signatures: Vec<SignatureCheck>,
    pub findings: Vec<Finding>,
}
