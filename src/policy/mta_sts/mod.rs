//! MTA-STS, SMTP MTA Strict Transport Security (RFC 8461): a domain announces with an
//! `_mta-sts` TXT record that senders must fetch its policy from
//! `https://mta-sts.DOMAIN/.well-known/mta-sts.txt` and then deliver only over TLS, with a valid
//! certificate, to MX hosts the policy's `mx` patterns allow. In call order: `txt` reads the
//! record, `fetch` gets the policy the way a sender must, `policy` reads the file, `lints` checks
//! the record and the policy, `mx` the MX coverage, `audit` puts a domain's report together.

mod audit;
pub mod codes;
mod fetch;
mod lints;
mod mx;
pub mod policy;
pub mod txt;

use std::net::IpAddr;
use std::time::Duration;

use serde::Serialize;

use crate::finding::Finding;
use crate::tls::{CertReport, TrustStore};

pub use audit::{audit_domain, lint_policy, lint_record};
pub use mx::pattern_matches;

/// The version both the TXT record and the policy carry.
pub const VERSION: &str = "STSv1";
/// The label of the TXT record below the domain.
pub const RECORD_LABEL: &str = "_mta-sts";
/// The label of the policy host below the domain.
pub const HOST_LABEL: &str = "mta-sts";
/// Where the policy is on that host (§3.2).
pub const POLICY_PATH: &str = "/.well-known/mta-sts.txt";
/// The port senders fetch the policy from.
pub const HTTPS_PORT: u16 = 443;
/// Body bytes read at most (§3.3 and §10.3 ask senders to bound the fetch).
pub const MAX_POLICY_BYTES: usize = 64 * 1024;
/// The largest max_age (§3.2): one year of 365.25 days.
pub const MAX_AGE_LIMIT: u64 = 31_557_600;
/// A max_age below a day leaves senders without a cached policy most of the time.
pub const MAX_AGE_SHORT: u64 = 86_400;

/// What a policy tells senders to do (§5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Deliver only to valid MX hosts over validated TLS.
    Enforce,
    /// Report failures, deliver anyway.
    Testing,
    /// No active policy.
    None,
}

impl Mode {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "enforce" => Some(Self::Enforce),
            "testing" => Some(Self::Testing),
            "none" => Some(Self::None),
            _ => None,
        }
    }
}

/// How the policy is fetched: the port (443 but for tests), the deadline and the trust anchors.
#[derive(Debug, Clone)]
pub struct FetchSettings {
    pub port: u16,
    pub timeout: Duration,
    pub trust: TrustStore,
}

/// One TXT record at `_mta-sts.DOMAIN` that is (or tries to be) an MTA-STS record.
#[derive(Debug, Clone, Serialize)]
pub struct StsRecord {
    pub name: String,
    /// The strings joined; bytes that are not UTF-8 as `\xNN`.
    pub text: String,
    pub strings: Vec<String>,
    /// The id, when it is valid.
    pub id: Option<String>,
}

/// The policy file as read.
#[derive(Debug, Clone, Serialize)]
pub struct PolicyInfo {
    pub text: String,
    /// The values of the fields, when present and valid.
    pub version: Option<String>,
    pub mode: Option<Mode>,
    pub max_age: Option<u64>,
    /// Every mx pattern, in order.
    pub mx: Vec<String>,
}

/// How the policy fetch went.
#[derive(Debug, Clone, Serialize)]
pub struct FetchInfo {
    pub url: String,
    /// The addresses of the policy host that were tried.
    pub addresses: Vec<IpAddr>,
    /// The HTTP status, when a response came.
    pub status: Option<u16>,
    pub content_type: Option<String>,
    /// The target of a redirect.
    pub location: Option<String>,
    /// Body bytes read (at most 64 KiB).
    pub bytes: Option<usize>,
    /// Why there is no response.
    pub error: Option<String>,
    /// The certificate's verdict, when the TLS handshake got that far.
    pub certificate: Option<CertReport>,
}

/// One MX host of the domain and the policy pattern that allows it.
#[derive(Debug, Clone, Serialize)]
pub struct MxCoverage {
    pub host: String,
    /// `None`: no pattern matches it.
    pub pattern: Option<String>,
}

/// `mailaudit mta-sts DOMAIN`.
#[derive(Debug, Clone, Serialize)]
pub struct MtaStsReport {
    pub domain: String,
    /// The TXT records at `_mta-sts.DOMAIN` that are (or try to be) MTA-STS records.
    pub records: Vec<StsRecord>,
    /// The fetch of the policy; absent when the policy host has no address.
    pub fetch: Option<FetchInfo>,
    /// The policy, when one was fetched.
    pub policy: Option<PolicyInfo>,
    /// The domain's MX hosts and their coverage, when a policy applies to them.
    pub mx_hosts: Vec<MxCoverage>,
    pub findings: Vec<Finding>,
    /// The TXT record could not be looked up: the audit is not complete.
    #[serde(skip)]
    pub incomplete: bool,
    /// The DNSSEC status of the answer this came from; set by `check` when it validates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dnssec: Option<crate::dns::Dnssec>,
}

/// `mailaudit lint mta-sts RECORD`.
#[derive(Debug, Clone, Serialize)]
pub struct StsRecordLint {
    pub record: StsRecord,
    pub findings: Vec<Finding>,
}

/// `mailaudit lint mta-sts-policy FILE`.
#[derive(Debug, Clone, Serialize)]
pub struct PolicyLint {
    /// The file name, or `-` for stdin.
    pub source: String,
    pub policy: PolicyInfo,
    pub findings: Vec<Finding>,
}

crate::finding::outcome!(incomplete: MtaStsReport);
crate::finding::outcome!(StsRecordLint, PolicyLint);
