//! Mirror of `mailaudit verify FILE`'s JSON/YAML: SPF for the client, every DKIM signature with
//! its tags, key and result, the ARC chain, the DMARC verdict, our Authentication-Results and the
//! message's own.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{AlignmentMode, DkimKeyInfo, DmarcPolicy, Evaluation, Finding, PolicyName, nullable};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageReport {
    pub spf: SpfCheck,
    pub dkim: DkimVerification,
    pub arc: ArcVerification,
    #[serde(deserialize_with = "nullable")]
    pub from: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub dmarc: Option<DmarcVerdict>,
    pub authentication_results: AuthResults,
    pub received_results: Vec<ReceivedResults>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClientSource {
    Options,
    Received,
    Unknown,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpfCheck {
    pub source: ClientSource,
    #[serde(deserialize_with = "nullable")]
    pub hop: Option<Hop>,
    #[serde(deserialize_with = "nullable")]
    pub ip: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub mail_from: Option<String>,
    /// `option` or `return-path`.
    #[serde(deserialize_with = "nullable")]
    pub mail_from_source: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub helo: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub evaluation: Option<Evaluation>,
    #[serde(deserialize_with = "nullable")]
    pub not_evaluated: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hop {
    /// Its place from the top, 0 the newest.
    pub index: u64,
    pub by: String,
    #[serde(deserialize_with = "nullable")]
    pub helo: Option<String>,
    pub ip: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimVerification {
    pub signatures: Vec<SignatureCheck>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DkimResult {
    Pass,
    Fail,
    Neutral,
    Policy,
    Temperror,
    Permerror,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureCheck {
    pub index: u64,
    #[serde(deserialize_with = "nullable")]
    pub signature: Option<DkimSignature>,
    #[serde(deserialize_with = "nullable")]
    pub key_name: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub key: Option<DkimKeyInfo>,
    pub key_findings: Vec<Finding>,
    pub result: DkimResult,
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimSignature {
    pub tags: TagList,
    pub version: String,
    /// `rsa-sha256`, `ed25519-sha256`, `rsa-sha1`.
    pub algorithm: String,
    pub signature: String,
    pub body_hash: String,
    /// `simple` or `relaxed`.
    pub header_canonicalization: String,
    pub body_canonicalization: String,
    pub domain: String,
    pub headers: Vec<String>,
    #[serde(deserialize_with = "nullable")]
    pub identity: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub length: Option<u64>,
    #[serde(deserialize_with = "nullable")]
    pub query: Option<String>,
    pub selector: String,
    #[serde(deserialize_with = "nullable")]
    pub timestamp: Option<u64>,
    #[serde(deserialize_with = "nullable")]
    pub expiration: Option<u64>,
    #[serde(deserialize_with = "nullable")]
    pub copied_headers: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagList {
    pub text: String,
    pub tags: Vec<Tag>,
    pub errors: Vec<TagError>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagError {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub name: String,
    pub value: String,
    pub span: Span,
    pub name_span: Span,
    pub value_span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub start: u64,
    pub end: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DmarcVerdict {
    pub from_domain: String,
    #[serde(deserialize_with = "nullable")]
    pub record: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub organizational_domain: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub policy: Option<DmarcPolicy>,
    pub checks: Vec<AlignmentCheck>,
    pub result: DmarcResult,
    pub disposition: PolicyName,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlignmentCheck {
    /// `spf` or `dkim`.
    pub mechanism: String,
    pub domain: String,
    pub passed: bool,
    pub mode: AlignmentMode,
    pub aligned: bool,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DmarcResult {
    Pass,
    Fail,
    None,
    Temperror,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthResults {
    pub authserv_id: String,
    pub results: Vec<MethodResult>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodResult {
    pub method: String,
    pub result: String,
    #[serde(deserialize_with = "nullable")]
    pub reason: Option<String>,
    /// `[name, value]` pairs, in order.
    pub properties: Vec<(String, String)>,
}

impl MethodResult {
    pub fn property(&self, name: &str) -> Option<&str> {
        let map: BTreeMap<&str, &str> = self
            .properties
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        map.get(name).copied()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceivedResults {
    pub index: u64,
    pub text: String,
    #[serde(deserialize_with = "nullable")]
    pub parsed: Option<AuthResults>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArcResult {
    None,
    Pass,
    Fail,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArcVerification {
    pub result: ArcResult,
    pub reason: String,
    pub sets: Vec<ArcSetCheck>,
    #[serde(deserialize_with = "nullable")]
    pub oldest_pass: Option<u32>,
    #[serde(deserialize_with = "nullable")]
    pub origin_results: Option<AuthResults>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArcSetCheck {
    pub instance: u32,
    #[serde(deserialize_with = "nullable")]
    pub cv: Option<String>,
    pub seal: ArcSignatureCheck,
    pub message_signature: ArcSignatureCheck,
    #[serde(deserialize_with = "nullable")]
    pub authentication_results: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArcSignatureCheck {
    #[serde(deserialize_with = "nullable")]
    pub domain: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub selector: Option<String>,
    /// `null` when validation stopped before it.
    #[serde(deserialize_with = "nullable")]
    pub result: Option<DkimResult>,
    pub reason: String,
}
