//! The endpoints a domain's users reach with their mail programs (RFC 6186, RFC 8314): message
//! submission (RFC 6409) on 465 and 587, IMAP (RFC 9051) on 993 and 143, POP3 (RFC 1939) on 995
//! and 110 — found through SRV records (`srv`) or at hosts the user names (`endpoints`), and
//! probed live as a mail client meets them: SMTP submission by the SMTP probe, IMAP and POP3 by
//! `imap` and `pop3` over one bounded `dialogue`. Nothing is ever logged in to.

pub mod codes;
mod dialogue;
pub mod endpoints;
mod imap;
mod lints;
mod pop3;
pub mod probe;
mod service;
pub mod srv;
mod verdict;

use std::net::IpAddr;

use serde::Serialize;

use crate::finding::Finding;
use crate::smtp::{Session, TlsMode, TlsOutcome, TranscriptLine};
use crate::tls::CertVerdict;

pub use service::{Protocol, Service};
pub use verdict::Verdict;

/// How an endpoint was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Published in an RFC 6186 SRV record: the domain says it is there.
    Srv,
    /// A standard port of a host given with `--host`: it may well not be offered.
    Host,
}

/// One place a mail client connects to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientEndpoint {
    pub service: Service,
    /// The name for SNI and the certificate check.
    pub host: String,
    pub address: IpAddr,
    pub port: u16,
    pub source: Source,
}

impl ClientEndpoint {
    /// `host [address]:port`, the subject of the endpoint's findings (as the SMTP probe's).
    pub fn label(&self) -> String {
        format!("{} [{}]:{}", self.host, self.address, self.port)
    }
}

/// One SRV record of a service, and what its target is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SrvTarget {
    pub priority: u16,
    pub weight: u16,
    pub port: u16,
    /// The target host; empty for ".", the service is not offered.
    pub target: String,
    /// The name the target is an alias of, when it is a CNAME (RFC 2782 forbids it).
    pub alias_of: Option<String>,
    pub addresses: Vec<IpAddr>,
}

/// What a service's SRV lookup found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Published {
    /// Records pointing to hosts.
    Offered,
    /// The single record with target "." (RFC 6186 §3.4, RFC 2782): decidedly not offered.
    NotOffered,
    /// No SRV record (NODATA or NXDOMAIN).
    Absent,
    /// The lookup failed: whether it is published is unknown.
    Unknown,
}

/// One service's SRV records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceRecords {
    pub service: Service,
    /// The name asked for, e.g. `_imaps._tcp.example.com`.
    pub name: String,
    pub published: Published,
    /// In the order a client tries them: priority, then weight (highest first).
    pub records: Vec<SrvTarget>,
}

/// An IMAP or POP3 session as far as it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessSession {
    pub connected: bool,
    /// The server's first line.
    pub greeting: Option<String>,
    /// CAPABILITY (IMAP) or CAPA (POP3) before TLS; `None` when not asked or not answered.
    pub capabilities: Option<Vec<String>>,
    /// The reply to STARTTLS (IMAP) or STLS (POP3).
    pub starttls: Option<String>,
    pub tls: Option<TlsOutcome>,
    /// The capabilities over TLS.
    pub capabilities_tls: Option<Vec<String>>,
    /// The reply to LOGOUT (IMAP) or QUIT (POP3).
    pub logout: Option<String>,
    /// How the session ended when it did not end with LOGOUT/QUIT.
    pub ended: Option<String>,
    pub elapsed_ms: u64,
    pub bytes_received: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<Vec<TranscriptLine>>,
}

/// The session with an endpoint, in its protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "protocol", rename_all = "lowercase")]
pub enum ClientSession {
    /// Message submission, probed as the SMTP probe does.
    Smtp(Box<Session>),
    Imap(AccessSession),
    Pop3(AccessSession),
}

impl ClientSession {
    pub fn tls(&self) -> Option<&TlsOutcome> {
        match self {
            Self::Smtp(s) => s.tls.as_ref(),
            Self::Imap(s) | Self::Pop3(s) => s.tls.as_ref(),
        }
    }

    pub fn connected(&self) -> bool {
        match self {
            Self::Smtp(s) => s.connected,
            Self::Imap(s) | Self::Pop3(s) => s.connected,
        }
    }
}

/// One endpoint, its session, and the row of the summary table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EndpointReport {
    pub service: Service,
    pub host: String,
    pub address: IpAddr,
    pub port: u16,
    pub tls_mode: TlsMode,
    pub source: Source,
    /// The TLS version negotiated, when a handshake completed.
    pub tls_version: Option<String>,
    pub certificate: Option<CertVerdict>,
    /// Days until the server certificate expires (negative: expired).
    pub cert_days_left: Option<i64>,
    pub verdict: Verdict,
    pub session: ClientSession,
}

/// `mailaudit clients DOMAIN`: what is published, every endpoint probed, and the findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientsReport {
    pub domain: String,
    pub services: Vec<ServiceRecords>,
    /// The hosts probed at standard ports (`--host`) because no SRV record is published.
    pub hosts: Vec<String>,
    pub endpoints: Vec<EndpointReport>,
    /// Findings about the records, and each endpoint's with its label as the subject.
    pub findings: Vec<Finding>,
    /// A lookup failed, so some endpoint may be missing.
    #[serde(skip)]
    pub incomplete: bool,
}

crate::finding::outcome!(incomplete: ClientsReport);
