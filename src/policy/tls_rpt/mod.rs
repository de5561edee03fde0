//! SMTP TLS Reporting (RFC 8460): the `_smtp._tls` TXT record, `v=TLSRPTv1; rua=...`, that
//! tells senders where to report failures to set up TLS with the domain's MX hosts. Read with
//! the field grammar TLS-RPT shares with MTA-STS; each `rua` destination is checked as a
//! `mailto:` or `https:` URI with its byte position.

mod audit;
pub mod codes;

pub use audit::{audit_domain, lint_text};

use serde::Serialize;

use crate::finding::Finding;

/// The version the record carries.
pub const VERSION: &str = "TLSRPTv1";
/// The labels of the record below the domain.
pub const RECORD_LABEL: &str = "_smtp._tls";

/// One TXT record at `_smtp._tls.DOMAIN` that is (or tries to be) a TLS-RPT record.
#[derive(Debug, Clone, Serialize)]
pub struct TlsRptRecord {
    pub name: String,
    /// The strings joined; bytes that are not UTF-8 as `\xNN`.
    pub text: String,
    pub strings: Vec<String>,
    /// The rua destinations, as written.
    pub rua: Vec<String>,
}

/// `mailaudit tlsrpt DOMAIN` and `mailaudit lint tlsrpt RECORD` (domain `record`).
#[derive(Debug, Clone, Serialize)]
pub struct TlsRptReport {
    pub domain: String,
    pub records: Vec<TlsRptRecord>,
    pub findings: Vec<Finding>,
    /// The record could not be looked up: the audit is not complete.
    #[serde(skip)]
    pub incomplete: bool,
    /// The DNSSEC status of the answer this came from; set by `check` when it validates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dnssec: Option<crate::dns::Dnssec>,
}

crate::finding::outcome!(incomplete: TlsRptReport);
