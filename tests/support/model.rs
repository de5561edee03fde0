//! Mirror structs of mailaudit's JSON/YAML output, as the README documents it: tests read output
//! through them, so a field added, renamed or dropped, or a value outside the documented set,
//! fails a test instead of passing unnoticed. Every struct refuses unknown fields; fields the
//! output always carries are required (`nullable` ones may be null, not missing); fields it
//! leaves out when empty may be missing, not null.
//!
//! Independent of the crate's own types on purpose: these pin the contract with users.

#![allow(dead_code)]

use serde::{Deserialize, Deserializer};

mod dane;
mod dnssec;
mod verify;
pub use dane::{DaneOutcome, DaneStatus, DaneVerdict};
pub use dnssec::{DnssecReport, Security, SigVerdict, Validation, ZoneLink};
pub use verify::{ArcResult, ClientSource, DkimResult, DmarcResult, MessageReport};

/// `mailaudit spf DOMAIN` and `mailaudit lint spf RECORD`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpfReport {
    pub domain: String,
    /// Absent (as the README says) or null (as the binary prints today) when the domain has no
    /// usable record.
    #[serde(default)]
    pub tree: Option<SpfNode>,
    pub lookups: u64,
    pub lookup_limit: u64,
    pub void_lookups: u64,
    pub void_lookup_limit: u64,
    pub findings: Vec<Finding>,
    /// Set by `check` when answers carry a DNSSEC status.
    #[serde(default)]
    pub dnssec: Option<Dnssec>,
}

/// One SPF record of the include/redirect tree.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpfNode {
    pub domain: String,
    pub record: String,
    pub strings: Vec<String>,
    pub lookups: u64,
    pub terms: Vec<TermNode>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermNode {
    pub term: String,
    /// 0 or 1.
    pub cost: u64,
    pub lookups: u64,
    #[serde(default, deserialize_with = "present")]
    pub target: Option<SpfNode>,
    /// The target, when its record was expanded where the tree first reached it.
    #[serde(default, deserialize_with = "present")]
    pub reference: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub code: String,
    pub severity: Severity,
    pub subject: String,
    pub message: String,
    #[serde(default, deserialize_with = "present")]
    pub location: Option<Location>,
    /// Present only when a suppression of the config file (`[[ignore]]`) applies.
    #[serde(default, deserialize_with = "present")]
    pub suppressed: Option<Suppressed>,
}

/// Why a finding is suppressed: the `[[ignore]]` rule's reason, and its until date (absent when
/// it has none).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suppressed {
    pub reason: String,
    #[serde(default, deserialize_with = "present")]
    pub until: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// Byte offsets of a term in the text of the record the finding is about, which the report shows
/// once (the README's "Output formats and exit status" says where); not repeated here.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// For a finding about an MTA-STS policy file: the line (from 1) the offsets are into.
    #[serde(default, deserialize_with = "present")]
    pub line: Option<u64>,
    pub start: u64,
    pub end: u64,
}

impl SpfReport {
    /// The finding codes, in report order.
    pub fn codes(&self) -> Vec<&str> {
        self.findings.iter().map(|f| f.code.as_str()).collect()
    }

    /// The first finding with `code`; fails the test when there is none.
    #[track_caller]
    pub fn finding(&self, code: &str) -> &Finding {
        match self.findings.iter().find(|f| f.code == code) {
            Some(finding) => finding,
            None => panic!("no {code} finding in {:?}", self.codes()),
        }
    }

    /// The tree; fails the test when the report has none.
    #[track_caller]
    pub fn tree(&self) -> &SpfNode {
        match &self.tree {
            Some(tree) => tree,
            None => panic!("the report for {} has no tree", self.domain),
        }
    }
}

/// `mailaudit spf eval`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    pub result: SpfResult,
    pub domain: String,
    pub sender: String,
    #[serde(deserialize_with = "nullable")]
    pub identity: Option<Identity>,
    #[serde(deserialize_with = "nullable")]
    pub mechanism: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub explanation: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub explanation_source: Option<ExplanationSource>,
    #[serde(deserialize_with = "nullable")]
    pub problem: Option<String>,
    pub dns_terms: u64,
    pub void_lookups: u64,
    /// Only with `--trace`.
    #[serde(default, deserialize_with = "present")]
    pub trace: Option<Vec<TraceEvent>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpfResult {
    None,
    Neutral,
    Pass,
    Fail,
    Softfail,
    Temperror,
    Permerror,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Identity {
    Mailfrom,
    Helo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExplanationSource {
    Exp,
    Default,
}

/// One step of an evaluation's trace; `depth` is the include/redirect nesting.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case", deny_unknown_fields)]
pub enum TraceEvent {
    CheckHost {
        depth: u64,
        domain: String,
    },
    Query {
        depth: u64,
        name: String,
        rtype: QueryType,
        status: QueryStatus,
        answer: String,
    },
    Record {
        depth: u64,
        domain: String,
        text: String,
    },
    Term {
        depth: u64,
        term: String,
        #[serde(default, deserialize_with = "present")]
        target: Option<String>,
        outcome: TermOutcome,
        #[serde(default, deserialize_with = "present")]
        detail: Option<String>,
    },
    Result {
        depth: u64,
        domain: String,
        result: SpfResult,
    },
}

impl TraceEvent {
    /// The `event` field: `check-host`, `query`, `record`, `term` or `result`.
    pub fn event(&self) -> &'static str {
        match self {
            Self::CheckHost { .. } => "check-host",
            Self::Query { .. } => "query",
            Self::Record { .. } => "record",
            Self::Term { .. } => "term",
            Self::Result { .. } => "result",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum QueryType {
    A,
    Aaaa,
    Mx,
    Txt,
    Ptr,
    Spf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QueryStatus {
    Records,
    NoData,
    NxDomain,
    NotQueried,
    Timeout,
    Servfail,
    Refused,
    Io,
    InvalidName,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermOutcome {
    Match,
    NoMatch,
    Applied,
    Ignored,
    TempError,
    PermError,
}

/// `mailaudit explain CODE`; `mailaudit explain` prints a list of these.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub code: String,
    pub severity: Severity,
    pub summary: String,
    pub explanation: String,
    pub fix: String,
    pub rfc: String,
}

/// `mailaudit mta-sts DOMAIN`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MtaStsReport {
    pub domain: String,
    pub records: Vec<StsRecord>,
    #[serde(deserialize_with = "nullable")]
    pub fetch: Option<PolicyFetch>,
    #[serde(deserialize_with = "nullable")]
    pub policy: Option<StsPolicy>,
    pub mx_hosts: Vec<MxCoverage>,
    pub findings: Vec<Finding>,
    /// Set by `check` when answers carry a DNSSEC status.
    #[serde(default)]
    pub dnssec: Option<Dnssec>,
}

/// A TXT record at `_mta-sts.DOMAIN`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StsRecord {
    pub name: String,
    pub text: String,
    pub strings: Vec<String>,
    #[serde(deserialize_with = "nullable")]
    pub id: Option<String>,
}

/// How the MTA-STS policy fetch went.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyFetch {
    pub url: String,
    pub addresses: Vec<String>,
    #[serde(deserialize_with = "nullable")]
    pub status: Option<u16>,
    #[serde(deserialize_with = "nullable")]
    pub content_type: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub location: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub bytes: Option<u64>,
    #[serde(deserialize_with = "nullable")]
    pub error: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub certificate: Option<Certificate>,
}

/// The verdict on a server's certificate chain.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    pub verdict: CertVerdict,
    pub detail: String,
    pub subject: String,
    pub issuer: String,
    pub names: Vec<String>,
    pub not_before: String,
    pub not_after: String,
    pub chain_length: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CertVerdict {
    Valid,
    Expired,
    NotYetValid,
    NameMismatch,
    UntrustedIssuer,
    SelfSigned,
    IncompleteChain,
    Invalid,
}

/// An MTA-STS policy file as read.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StsPolicy {
    pub text: String,
    #[serde(deserialize_with = "nullable")]
    pub version: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub mode: Option<StsMode>,
    #[serde(deserialize_with = "nullable")]
    pub max_age: Option<u64>,
    pub mx: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StsMode {
    Enforce,
    Testing,
    None,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MxCoverage {
    pub host: String,
    #[serde(deserialize_with = "nullable")]
    pub pattern: Option<String>,
}

/// `mailaudit lint mta-sts RECORD`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StsRecordLint {
    pub record: StsRecord,
    pub findings: Vec<Finding>,
}

/// `mailaudit lint mta-sts-policy FILE`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyLint {
    pub source: String,
    pub policy: StsPolicy,
    pub findings: Vec<Finding>,
}

/// `mailaudit tlsrpt DOMAIN` and `mailaudit lint tlsrpt RECORD`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsRptReport {
    pub domain: String,
    pub records: Vec<TlsRptRecord>,
    pub findings: Vec<Finding>,
    /// Set by `check` when answers carry a DNSSEC status.
    #[serde(default)]
    pub dnssec: Option<Dnssec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsRptRecord {
    pub name: String,
    pub text: String,
    pub strings: Vec<String>,
    pub rua: Vec<String>,
}

/// The codes of `findings`, in report order.
pub fn codes(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}

/// For a field that is always there and may be null: unlike a plain `Option`, missing is an
/// error.
fn nullable<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d)
}

/// For a field that is left out when empty (with `#[serde(default)]`): missing is `None`, null
/// is an error.
fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// `mailaudit dkim DOMAIN`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimReport {
    pub domain: String,
    pub discovery: bool,
    pub selectors_tried: u64,
    /// Only when discovery found no `_domainkey` (RFC 8020).
    #[serde(default)]
    pub no_domainkey: bool,
    pub selectors: Vec<DkimSelector>,
    /// Only with discovery.
    #[serde(default, deserialize_with = "present")]
    pub note: Option<String>,
    pub findings: Vec<Finding>,
}

impl DkimReport {
    pub fn codes(&self) -> Vec<&str> {
        self.findings.iter().map(|f| f.code.as_str()).collect()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimSelector {
    pub selector: String,
    pub name: String,
    #[serde(deserialize_with = "nullable")]
    pub cname: Option<String>,
    pub status: DkimSelectorStatus,
    pub records: Vec<DkimKeyRecord>,
    /// Set by `check` when answers carry a DNSSEC status.
    #[serde(default)]
    pub dnssec: Option<Dnssec>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DkimSelectorStatus {
    Found,
    NotFound,
    LookupFailed,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimKeyRecord {
    pub record: String,
    pub strings: Vec<String>,
    #[serde(deserialize_with = "nullable")]
    pub key: Option<DkimKeyInfo>,
    pub testing: bool,
    pub revoked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimKeyInfo {
    /// `rsa` or `ed25519`.
    pub algorithm: String,
    pub bits: u64,
    /// `spki`, `pkcs1` or `raw`.
    pub encoding: String,
}

/// `mailaudit lint dkim RECORD`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimLintReport {
    pub record: DkimKeyRecord,
    pub findings: Vec<Finding>,
}

/// `mailaudit dkim keygen`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimKeygenReport {
    pub domain: String,
    pub selector: String,
    pub algorithm: String,
    pub bits: u64,
    pub record: DkimTxtRecord,
    pub key_file: String,
    pub txt_file: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimTxtRecord {
    pub name: String,
    pub value: String,
    pub strings: Vec<String>,
    pub zone_line: String,
}

/// `mailaudit dkim verify-published`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimVerifyReport {
    pub domain: String,
    pub selector: String,
    pub name: String,
    pub key_file: String,
    pub algorithm: String,
    pub bits: u64,
    #[serde(deserialize_with = "nullable")]
    pub published: Option<DkimKeyRecord>,
    pub matches: bool,
    pub reason: String,
}

/// `mailaudit dkim rotate`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimRotateReport {
    pub domain: String,
    pub state_file: String,
    pub date: String,
    /// `generated`, `pending`, `activate` or `revoke`.
    pub step: String,
    pub done: bool,
    pub keys: Vec<DkimRotatedKey>,
    #[serde(default, deserialize_with = "present")]
    pub signer: Option<DkimSignerChange>,
    #[serde(default, deserialize_with = "present")]
    pub exec: Option<DkimExec>,
    pub next: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimRotatedKey {
    pub selector: String,
    pub algorithm: String,
    pub file: String,
    /// `pending`, `active`, `retiring` or `revoked`.
    pub status: String,
    #[serde(deserialize_with = "nullable")]
    pub record: Option<DkimTxtRecord>,
    #[serde(default, deserialize_with = "present")]
    pub dns: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub signing: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimSignerChange {
    pub selectors: Vec<String>,
    pub key_files: Vec<String>,
    pub opendkim: Vec<String>,
    pub rspamd: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimExec {
    pub date: String,
    pub command: String,
    pub ok: bool,
    pub outcome: String,
}

/// `mailaudit dkim status`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimStatusReport {
    pub state_file: String,
    pub date: String,
    pub domains: Vec<DkimDomainStatus>,
    pub due: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimDomainStatus {
    pub domain: String,
    pub interval_days: u64,
    pub overlap_days: u64,
    pub keys: Vec<DkimKeyView>,
    #[serde(deserialize_with = "nullable")]
    pub next_rotation: Option<String>,
    pub due: Vec<DkimDue>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimKeyView {
    pub selector: String,
    pub algorithm: String,
    pub status: String,
    pub file: String,
    pub created: String,
    #[serde(deserialize_with = "nullable")]
    pub published: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub activated: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub retiring: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub revoked: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimDue {
    /// `first-key`, `rotation`, `publish`, `activate`, `revoke`, `still-published`,
    /// `exec-failed`, `unrecorded-key`, `check-failed`.
    pub kind: String,
    #[serde(default, deserialize_with = "present")]
    pub selector: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub since: Option<String>,
    pub message: String,
}

/// `mailaudit dmarc DOMAIN` and `mailaudit lint dmarc RECORD`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DmarcReport {
    pub domain: String,
    #[serde(deserialize_with = "nullable")]
    pub record: Option<DmarcRecordView>,
    #[serde(deserialize_with = "nullable")]
    pub organizational_domain: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub existence: Option<Existence>,
    #[serde(deserialize_with = "nullable")]
    pub policy: Option<DmarcPolicy>,
    #[serde(deserialize_with = "nullable")]
    pub alignment: Option<DmarcAlignment>,
    pub report_destinations: Vec<ReportDestination>,
    pub walk: Vec<WalkStep>,
    pub findings: Vec<Finding>,
    /// Set by `check` when answers carry a DNSSEC status.
    #[serde(default)]
    pub dnssec: Option<Dnssec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DmarcRecordView {
    pub name: String,
    pub domain: String,
    pub text: String,
    pub strings: Vec<String>,
    pub inherited: bool,
    #[serde(default, deserialize_with = "present")]
    pub cname: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Existence {
    Exists,
    #[serde(rename = "nxdomain")]
    NxDomain,
    Unknown,
}

/// The policy receivers apply to one domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DmarcPolicy {
    #[serde(deserialize_with = "nullable")]
    pub policy: Option<PolicyName>,
    pub source: PolicySource,
    pub testing: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PolicyName {
    None,
    Quarantine,
    Reject,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicySource {
    P,
    Sp,
    Np,
    Fallback,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DmarcAlignment {
    pub dkim: AlignmentMode,
    pub spf: AlignmentMode,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AlignmentMode {
    Relaxed,
    Strict,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportDestination {
    /// `rua` or `ruf`.
    pub tag: String,
    pub uri: String,
    pub domain: String,
    #[serde(deserialize_with = "nullable")]
    pub external: Option<bool>,
    #[serde(deserialize_with = "nullable")]
    pub authorized: Option<bool>,
    #[serde(deserialize_with = "nullable")]
    pub accepts_mail: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WalkStep {
    pub name: String,
    pub result: StepResult,
    #[serde(default, deserialize_with = "present")]
    pub psd: Option<Psd>,
    /// Left out when empty.
    #[serde(default)]
    pub ignored: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepResult {
    Record,
    NoRecord,
    #[serde(rename = "nxdomain")]
    NxDomain,
    Multiple,
    Failed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Psd {
    #[serde(rename = "y")]
    Yes,
    #[serde(rename = "n")]
    No,
    #[serde(rename = "u")]
    Unknown,
}

/// `mailaudit bimi DOMAIN` and `mailaudit lint bimi RECORD`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BimiReport {
    pub domain: String,
    pub selector: String,
    #[serde(deserialize_with = "nullable")]
    pub record: Option<BimiRecordView>,
    /// Left out when empty.
    #[serde(default)]
    pub ignored: Vec<String>,
    pub declined: bool,
    #[serde(deserialize_with = "nullable")]
    pub location: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub evidence: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub dmarc: Option<BimiPrerequisites>,
    pub findings: Vec<Finding>,
    /// Set by `check` when answers carry a DNSSEC status.
    #[serde(default)]
    pub dnssec: Option<Dnssec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BimiRecordView {
    pub name: String,
    pub text: String,
    pub strings: Vec<String>,
    pub inherited: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BimiPrerequisites {
    #[serde(deserialize_with = "nullable")]
    pub organizational_domain: Option<String>,
    pub policies: Vec<BimiDomainPolicy>,
    #[serde(deserialize_with = "nullable")]
    pub met: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BimiDomainPolicy {
    pub domain: String,
    #[serde(deserialize_with = "nullable")]
    pub record: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub text: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub policy: Option<DmarcPolicy>,
}

/// The first finding with `code`; fails the test when there is none.
#[track_caller]
pub fn finding<'a>(findings: &'a [Finding], code: &str) -> &'a Finding {
    match findings.iter().find(|f| f.code == code) {
        Some(finding) => finding,
        None => panic!("no {code} finding in {:?}", codes(findings)),
    }
}

/// `mailaudit check DOMAIN`: every area's report (each in its own pinned shape), or `null` for an
/// area that did not finish, and the findings across areas.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckReport {
    pub domain: String,
    #[serde(deserialize_with = "nullable")]
    pub spf: Option<SpfReport>,
    #[serde(deserialize_with = "nullable")]
    pub dmarc: Option<DmarcReport>,
    #[serde(deserialize_with = "nullable")]
    pub dkim: Option<DkimReport>,
    #[serde(deserialize_with = "nullable")]
    pub mx: Option<MxReport>,
    #[serde(deserialize_with = "nullable")]
    pub mta_sts: Option<MtaStsReport>,
    #[serde(deserialize_with = "nullable")]
    pub tls_rpt: Option<TlsRptReport>,
    #[serde(deserialize_with = "nullable")]
    pub bimi: Option<BimiReport>,
    /// Left out with `--no-dnssec` and zone files.
    #[serde(default)]
    pub dnssec: Option<DnssecReport>,
    #[serde(deserialize_with = "nullable")]
    pub probe: Option<ProbeReport>,
    #[serde(deserialize_with = "nullable")]
    pub clients: Option<ClientsReport>,
    pub queries: QueryCount,
    pub findings: Vec<Finding>,
    pub incomplete: bool,
    /// Present (and true) only for a domain that does not exist.
    #[serde(default)]
    pub nxdomain: bool,
    /// Each asked area's verdict and facts, as the text scorecard shows them.
    pub scorecard: Vec<ScoreEntry>,
}

/// One line of a check's scorecard.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreEntry {
    pub area: ScoreArea,
    pub verdict: Verdict,
    #[serde(deserialize_with = "nullable")]
    pub facts: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum ScoreArea {
    #[serde(rename = "SPF")]
    Spf,
    #[serde(rename = "DMARC")]
    Dmarc,
    #[serde(rename = "DKIM")]
    Dkim,
    #[serde(rename = "MX")]
    Mx,
    #[serde(rename = "SMTP")]
    Smtp,
    #[serde(rename = "MTA-STS")]
    MtaSts,
    #[serde(rename = "TLS-RPT")]
    TlsRpt,
    #[serde(rename = "BIMI")]
    Bimi,
    #[serde(rename = "DNSSEC")]
    Dnssec,
    #[serde(rename = "Clients")]
    Clients,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    None,
    Warnings,
    Errors,
    Unfinished,
}

/// The DNS lookups of one domain's check.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct QueryCount {
    /// Lookups that went to the DNS source.
    pub sent: u64,
    /// Lookups the run's cache answered (or a query already in flight).
    pub cached: u64,
    /// Of those sent, the ones that failed.
    pub failed: u64,
}

/// One result line of a bulk `check`: a report, or an input line that is not a domain.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum CheckResult {
    Report(Box<CheckReport>),
    Invalid(InvalidInput),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvalidInput {
    pub input: String,
    pub error: String,
}

impl CheckReport {
    /// Every finding code of every area and across them.
    pub fn all_codes(&self) -> Vec<&str> {
        let areas = [
            self.spf.as_ref().map(|r| &r.findings),
            self.dmarc.as_ref().map(|r| &r.findings),
            self.dkim.as_ref().map(|r| &r.findings),
            self.mx.as_ref().map(|r| &r.findings),
            self.mta_sts.as_ref().map(|r| &r.findings),
            self.tls_rpt.as_ref().map(|r| &r.findings),
            self.bimi.as_ref().map(|r| &r.findings),
            self.probe.as_ref().map(|r| &r.findings),
            self.clients.as_ref().map(|r| &r.findings),
            Some(&self.findings),
        ];
        areas
            .into_iter()
            .flatten()
            .flat_map(|f| f.iter().map(|f| f.code.as_str()))
            .collect()
    }
}

/// `mailaudit mx DOMAIN`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MxReport {
    pub domain: String,
    pub delivery: MxDelivery,
    pub null_mx: bool,
    pub hosts: Vec<MxHost>,
    pub findings: Vec<Finding>,
    /// Set by `check` when answers carry a DNSSEC status.
    #[serde(default)]
    pub dnssec: Option<Dnssec>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MxDelivery {
    Mx,
    Implicit,
    NullMx,
    None,
    Unknown,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MxHost {
    pub preference: u16,
    pub name: String,
    #[serde(deserialize_with = "nullable")]
    pub cname: Option<String>,
    pub ip_literal: bool,
    pub status: MxHostStatus,
    pub addresses: Vec<MxAddress>,
    /// Set by `check` when answers carry a DNSSEC status.
    #[serde(default)]
    pub dnssec: Option<Dnssec>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MxHostStatus {
    Resolved,
    NoAddress,
    #[serde(rename = "nxdomain")]
    NxDomain,
    Failed,
    NotFollowed,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MxAddress {
    pub ip: std::net::IpAddr,
    #[serde(deserialize_with = "nullable")]
    pub special: Option<SpecialBlock>,
    pub ptr: Vec<String>,
    pub reverse_dns: ReverseDns,
    #[serde(deserialize_with = "nullable")]
    pub confirmed_by: Option<String>,
}

/// An IANA special-purpose block (RFC 6890) that senders cannot reach.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialBlock {
    pub block: String,
    pub name: String,
    pub rfc: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReverseDns {
    Confirmed,
    NotConfirmed,
    NoPtr,
    Unknown,
}

/// `mailaudit probe`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbeReport {
    #[serde(deserialize_with = "nullable")]
    pub domain: Option<String>,
    pub hosts: Vec<ProbeHost>,
    pub sessions: Vec<SmtpSession>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbeHost {
    pub name: String,
    #[serde(deserialize_with = "nullable")]
    pub preference: Option<u16>,
    #[serde(deserialize_with = "nullable")]
    pub port: Option<u16>,
    pub addresses: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpSession {
    pub host: String,
    pub address: String,
    pub port: u16,
    pub tls_mode: TlsMode,
    pub role: PortRole,
    pub connected: bool,
    #[serde(deserialize_with = "nullable")]
    pub banner: Option<SmtpReply>,
    #[serde(deserialize_with = "nullable")]
    pub ehlo: Option<SmtpEhlo>,
    #[serde(deserialize_with = "nullable")]
    pub helo: Option<SmtpReply>,
    #[serde(deserialize_with = "nullable")]
    pub starttls: Option<SmtpReply>,
    #[serde(deserialize_with = "nullable")]
    pub tls: Option<SmtpTls>,
    #[serde(deserialize_with = "nullable")]
    pub ehlo_tls: Option<SmtpEhlo>,
    #[serde(deserialize_with = "nullable")]
    pub rcpt_test: Option<RcptTest>,
    #[serde(deserialize_with = "nullable")]
    pub quit: Option<SmtpReply>,
    #[serde(deserialize_with = "nullable")]
    pub ended: Option<String>,
    pub elapsed_ms: u64,
    pub bytes_received: u64,
    #[serde(default, deserialize_with = "present")]
    pub transcript: Option<Vec<TranscriptLine>>,
    /// Only for an address whose host has TLSA records.
    #[serde(default, deserialize_with = "present")]
    pub dane: Option<DaneVerdict>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TlsMode {
    Starttls,
    Implicit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PortRole {
    Relay,
    Submission,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpReply {
    pub code: u16,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpEhlo {
    pub reply: SmtpReply,
    pub extensions: SmtpExtensions,
}

#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpExtensions {
    pub starttls: bool,
    pub pipelining: bool,
    pub size: bool,
    #[serde(deserialize_with = "nullable")]
    pub size_limit: Option<u64>,
    #[serde(rename = "8bitmime")]
    pub eight_bit_mime: bool,
    pub smtputf8: bool,
    pub chunking: bool,
    pub requiretls: bool,
    pub enhancedstatuscodes: bool,
    pub dsn: bool,
    #[serde(deserialize_with = "nullable")]
    pub auth: Option<Vec<String>>,
    pub other: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpTls {
    pub established: bool,
    #[serde(deserialize_with = "nullable")]
    pub error: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub server_version: Option<String>,
    /// Empty when the handshake failed.
    pub version: String,
    pub cipher_suite: String,
    #[serde(deserialize_with = "nullable")]
    pub key_exchange_group: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub certificate: Option<Certificate>,
    pub chain: Vec<ChainCert>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainCert {
    pub subject: String,
    pub issuer: String,
    pub names: Vec<String>,
    pub not_before: String,
    pub not_after: String,
    #[serde(deserialize_with = "nullable")]
    pub days_left: Option<i64>,
    pub key_type: String,
    #[serde(deserialize_with = "nullable")]
    pub key_bits: Option<u32>,
    pub signature_algorithm: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RcptTest {
    pub recipient: String,
    #[serde(deserialize_with = "nullable")]
    pub mail_from: Option<SmtpReply>,
    #[serde(deserialize_with = "nullable")]
    pub rcpt_to: Option<SmtpReply>,
    #[serde(deserialize_with = "nullable")]
    pub accepted: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranscriptLine {
    pub direction: TranscriptDirection,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TranscriptDirection {
    Sent,
    Received,
    Note,
}

/// `mailaudit clients DOMAIN`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientsReport {
    pub domain: String,
    pub services: Vec<ClientServiceRecords>,
    pub hosts: Vec<String>,
    pub endpoints: Vec<ClientEndpoint>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientServiceRecords {
    pub service: String,
    pub name: String,
    pub published: SrvPublished,
    pub records: Vec<SrvTarget>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SrvPublished {
    Offered,
    NotOffered,
    Absent,
    Unknown,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SrvTarget {
    pub priority: u16,
    pub weight: u16,
    pub port: u16,
    pub target: String,
    #[serde(deserialize_with = "nullable")]
    pub alias_of: Option<String>,
    pub addresses: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientEndpoint {
    pub service: String,
    pub host: String,
    pub address: String,
    pub port: u16,
    pub tls_mode: TlsMode,
    pub source: EndpointSource,
    #[serde(deserialize_with = "nullable")]
    pub tls_version: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub certificate: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub cert_days_left: Option<i64>,
    pub verdict: String,
    pub session: ClientSession,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EndpointSource {
    Srv,
    Host,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "protocol", rename_all = "lowercase")]
pub enum ClientSession {
    Smtp(Box<SmtpSession>),
    Imap(AccessSession),
    Pop3(AccessSession),
}

impl ClientSession {
    /// The IMAP or POP3 session; panics on an SMTP one.
    pub fn access(&self) -> &AccessSession {
        match self {
            Self::Imap(s) | Self::Pop3(s) => s,
            Self::Smtp(_) => panic!("an SMTP session, not IMAP or POP3"),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessSession {
    pub connected: bool,
    #[serde(deserialize_with = "nullable")]
    pub greeting: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub capabilities: Option<Vec<String>>,
    #[serde(deserialize_with = "nullable")]
    pub starttls: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub tls: Option<SmtpTls>,
    #[serde(deserialize_with = "nullable")]
    pub capabilities_tls: Option<Vec<String>>,
    #[serde(deserialize_with = "nullable")]
    pub logout: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub ended: Option<String>,
    pub elapsed_ms: u64,
    pub bytes_received: u64,
    #[serde(default, deserialize_with = "present")]
    pub transcript: Option<Vec<TranscriptLine>>,
}

/// `mailaudit generate ...` (and `fix`): the changes to a zone, the files to serve, the work by
/// hand.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(clippy::struct_field_names)] // `changes` is the documented JSON field.
pub struct Changes {
    pub changes: Vec<Change>,
    pub files: Vec<ServedFile>,
    pub manual: Vec<ManualStep>,
}

/// One record set to add, replace or delete; rdata in zone-file presentation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// Absolute, with the trailing dot.
    pub name: String,
    #[serde(rename = "type")]
    pub rtype: ChangeType,
    pub action: ChangeAction,
    pub old: Vec<String>,
    pub new: Vec<String>,
    pub ttl: u32,
    pub fixes: Vec<String>,
    pub why: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ChangeType {
    Txt,
    Mx,
    A,
    Aaaa,
    Cname,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeAction {
    Add,
    Replace,
    Delete,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServedFile {
    pub url: String,
    pub content: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManualStep {
    pub code: String,
    pub subject: String,
    pub why: String,
}

/// A DNSSEC status as `check` and `dnssec` write it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Dnssec {
    pub status: String,
    #[serde(default)]
    pub reason: Option<String>,
}
