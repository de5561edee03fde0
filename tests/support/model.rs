//! Mirror structs of mailaudit's JSON/YAML output, as the README documents it: tests read output
//! through them, so a field added, renamed or dropped, or a value outside the documented set,
//! fails a test instead of passing unnoticed. Every struct refuses unknown fields; fields the
//! output always carries are required (`nullable` ones may be null, not missing); fields it
//! leaves out when empty may be missing, not null.
//!
//! Independent of the crate's own types on purpose: these pin the contract with users.

#![allow(dead_code)]

use serde::{Deserialize, Deserializer};

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// Byte offsets of a term in a record.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub record: String,
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
    pub declined: bool,
    #[serde(deserialize_with = "nullable")]
    pub location: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub evidence: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub dmarc: Option<BimiPrerequisites>,
    pub findings: Vec<Finding>,
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
    pub policy: Option<DmarcPolicy>,
}

/// The finding codes of a report, in report order.
pub fn codes(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}

/// The first finding with `code`; fails the test when there is none.
#[track_caller]
pub fn finding<'a>(findings: &'a [Finding], code: &str) -> &'a Finding {
    match findings.iter().find(|f| f.code == code) {
        Some(finding) => finding,
        None => panic!("no {code} finding in {:?}", codes(findings)),
    }
}
