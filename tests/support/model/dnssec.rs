//! Mirror of the `dnssec` report (RFC 4033-4035): `mailaudit dnssec DOMAIN` and the `dnssec`
//! object of `check` — the chain of trust zone by zone, the status of each answer used, and the
//! findings.

use serde::Deserialize;

use super::{Finding, nullable};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DnssecReport {
    pub domain: String,
    /// Null when the answers came from zone files.
    #[serde(deserialize_with = "nullable")]
    pub validation: Option<Validation>,
    /// Null when the answers came from zone files.
    #[serde(deserialize_with = "nullable")]
    pub chain: Option<Chain>,
    /// Left out when empty.
    #[serde(default)]
    pub answers: Vec<Judged>,
    /// Each MX host's TLSA records; left out when no host has any.
    #[serde(default)]
    pub dane: Vec<DaneHost>,
    pub findings: Vec<Finding>,
    pub incomplete: bool,
}

/// One MX host's TLSA records and whether DANE applies to it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaneHost {
    pub host: String,
    pub tlsa: Vec<super::dane::TlsaRecord>,
    #[serde(deserialize_with = "nullable")]
    pub tlsa_dnssec: Option<super::Dnssec>,
    pub applies: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Validation {
    BuiltInRoot,
    GivenAnchors,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    Secure,
    Insecure,
    Bogus,
    Indeterminate,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chain {
    pub anchor: String,
    pub zones: Vec<ZoneLink>,
    pub status: Security,
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneLink {
    /// "." for the root, no trailing dot otherwise.
    pub zone: String,
    pub signed: bool,
    pub status: Security,
    #[serde(default)]
    pub reason: Option<String>,
    pub ds: Vec<DsInfo>,
    pub keys: Vec<KeyInfo>,
    pub signatures: Vec<SigInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlgorithmName {
    pub number: u8,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyInfo {
    pub key_tag: u16,
    pub algorithm: AlgorithmName,
    pub flags: u16,
    /// "KSK" or "ZSK".
    pub role: String,
    /// Present (and true) only for a revoked key.
    #[serde(default)]
    pub revoked: bool,
    pub trusted: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DsInfo {
    pub key_tag: u16,
    pub algorithm: AlgorithmName,
    pub digest_type: u8,
    /// "SHA-1", "SHA-256", "SHA-384" or "unknown".
    pub digest: String,
    pub matches_key: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SigInfo {
    /// The type covered: "DNSKEY", "SOA", "DS".
    pub covers: String,
    pub key_tag: u16,
    pub algorithm: AlgorithmName,
    /// `YYYY-MM-DD`.
    pub inception: String,
    pub expiration: String,
    pub days_left: i64,
    pub verdict: SigVerdict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SigVerdict {
    Valid,
    Expired,
    NotYetValid,
    DoesNotVerify,
    NoKey,
    Unsupported,
}

/// One answer an audit used, with its status.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judged {
    pub name: String,
    #[serde(rename = "type")]
    pub rtype: String,
    pub status: Security,
    #[serde(default)]
    pub reason: Option<String>,
}
