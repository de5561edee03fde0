//! DANE for SMTP (RFC 7672, RFC 7671, RFC 6698): an MX host's TLSA records ([`Tlsa`]), what
//! they are worth as a set ([`lints`]), and the verdict on the chain one address presented
//! ([`verify`]) — which record matched and at which depth, or each record's reason for not
//! matching. The DNS lookup of the records and their DNSSEC status are the caller's.

mod anchor;
pub mod codes;
mod lints;
mod matching;
mod tlsa;

use serde::Serialize;

pub use lints::lints;
pub use matching::verify;
pub use tlsa::{Tlsa, Usability};

/// What the probe of one MX host needs for DANE: the host's TLSA records (from a secure RRset,
/// RFC 7672 §2.2) and the reference identifiers a DANE-TA chain's certificate must name (RFC
/// 7672 §3.2.2): the MX host name, the TLSA base name after CNAME expansion, the domain.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DaneInput {
    pub tlsa: Vec<Tlsa>,
    pub names: Vec<String>,
}

/// What became of one address's chain against its host's TLSA records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DaneStatus {
    /// A usable record matched: a DANE sender delivers.
    Matched,
    /// Usable records exist and none matched: a DANE sender does not deliver.
    NoMatch,
    /// No record is usable (usages 0/1, malformed): a DANE sender requires TLS but
    /// authenticates nothing (RFC 7672 §2.2).
    NoUsableRecords,
    /// No certificate was presented (no TLS, or the handshake failed before it).
    NoCertificate,
}

/// What became of one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordOutcome {
    Matched,
    /// Its data matches no certificate it may describe.
    DigestDiffers,
    /// DANE-TA: the anchor was found, but the server's certificate names none of the
    /// reference identifiers.
    NameMismatch,
    /// DANE-TA: the anchor was found, but the chain to it is invalid at the time of the check
    /// (expired, not yet valid, a bad signature, no path).
    ChainInvalid,
    /// PKIX-TA or PKIX-EE, which SMTP does not use.
    UnusableUsage,
    Malformed,
    /// Not tried: no certificate was presented.
    NotTried,
}

/// One record's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordCheck {
    /// The record's place in the RRset, from 1.
    pub index: usize,
    pub record: Tlsa,
    pub outcome: RecordOutcome,
    /// The depth in the presented chain of the certificate it matched (0: the server's own).
    pub depth: Option<usize>,
    /// Why, with the values.
    pub detail: String,
}

/// The DANE verdict on one address's chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DaneVerdict {
    pub status: DaneStatus,
    /// The index of the record that matched (see `records`).
    pub matched: Option<usize>,
    /// The moment DANE-TA chains were judged at (`--at`, or the time of the probe).
    pub at: String,
    pub records: Vec<RecordCheck>,
}

impl DaneVerdict {
    /// The record that matched.
    pub fn matched_record(&self) -> Option<&RecordCheck> {
        let index = self.matched?;
        self.records.iter().find(|r| r.index == index)
    }
}
