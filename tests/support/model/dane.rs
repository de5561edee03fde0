//! Mirror of a probed session's `dane` object: the DANE verdict on the chain one address
//! presented against its host's TLSA records (RFC 7672).

use serde::Deserialize;

use super::nullable;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaneVerdict {
    pub status: DaneStatus,
    #[serde(deserialize_with = "nullable")]
    pub matched: Option<usize>,
    /// `YYYY-MM-DD HH:MM:SS UTC`.
    pub at: String,
    pub records: Vec<DaneRecordCheck>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DaneStatus {
    Matched,
    NoMatch,
    NoUsableRecords,
    NoCertificate,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaneRecordCheck {
    pub index: usize,
    pub record: TlsaRecord,
    pub outcome: DaneOutcome,
    #[serde(deserialize_with = "nullable")]
    pub depth: Option<usize>,
    pub detail: String,
}

/// A TLSA record: its three numbers and the data in lowercase hex.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsaRecord {
    pub usage: u8,
    pub selector: u8,
    pub matching: u8,
    pub data: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DaneOutcome {
    Matched,
    DigestDiffers,
    NameMismatch,
    ChainInvalid,
    UnusableUsage,
    Malformed,
    NotTried,
}
