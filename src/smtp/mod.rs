//! The live SMTP probe (RFC 5321, RFC 3207, RFC 8314): what a sending server meets at each
//! address of each MX host — the banner, the EHLO extensions, STARTTLS and the TLS behind it
//! (inspected by [`crate::tls`]), EHLO again over TLS, and optionally whether postmaster is
//! accepted — with every read bounded in bytes, lines and time.

pub mod codes;
pub(crate) mod connection;
mod dane;
mod ehlo;
mod lints;
pub mod probe;
mod rcpt;
pub mod reply;
pub(crate) mod session;
mod starttls;
pub mod targets;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde::Serialize;

use crate::finding::Finding;
use crate::tls::dane::{DaneInput, DaneVerdict};
use crate::tls::{TlsFacts, TrustStore};

pub use ehlo::{Extensions, local_name, valid_ehlo_name};
pub use reply::Reply;

/// RFC 5321 §4.5.3.1.5 allows 512 octets per reply line; hostile servers send megabytes.
pub const DEFAULT_MAX_LINE: usize = 2048;
/// Lines read of one multi-line reply (real EHLO replies have a dozen or two).
pub const DEFAULT_MAX_LINES: usize = 100;
/// Bytes read in one session, TLS included.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024;

/// How a port starts TLS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TlsMode {
    /// Plain SMTP, then STARTTLS (RFC 3207): 25, 587, 2525.
    Starttls,
    /// TLS from the first byte (RFC 8314 §3): 465.
    Implicit,
}

/// Who connects to a port, which decides how bad a certificate problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Server-to-server relay (port 25): TLS is opportunistic, senders deliver anyway.
    Relay,
    /// Mail submission by users' clients (465, 587, RFC 8314): they validate certificates.
    Submission,
}

/// One place to probe: a host name, one of its addresses, and a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The name for SNI and the certificate check (the MX host name).
    pub host: String,
    pub address: IpAddr,
    pub port: u16,
    pub tls: TlsMode,
    pub role: Role,
    /// The host's TLSA records and reference names, on the relay endpoints of a host that has
    /// them (RFC 7672: DANE is for the MX port).
    pub dane: Option<Arc<DaneInput>>,
}

impl Endpoint {
    /// `host [address]:port`, the subject of the endpoint's findings.
    pub fn label(&self) -> String {
        format!("{} [{}]:{}", self.host, self.address, self.port)
    }
}

/// The limits every read of a session keeps within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Octets of one reply line, CRLF included.
    pub line: usize,
    /// Lines of one reply.
    pub lines: usize,
    /// Octets read in the whole session.
    pub bytes: u64,
    /// Each step: connecting, each reply, the TLS handshake, each write.
    pub step: Duration,
    /// The whole session with one endpoint.
    pub budget: Duration,
}

/// What every session of a probe shares.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The name given in EHLO and HELO.
    pub ehlo: String,
    pub limits: Limits,
    pub trust: TrustStore,
    /// With `--rcpt-test`: the recipient of `RCPT TO` (postmaster@DOMAIN).
    pub rcpt_test: Option<String>,
    /// Keep the dialogue for the report.
    pub transcript: bool,
    /// When the whole run must be over (`probe --deadline`, one domain's `check`): a session
    /// that starts late gets what is left, not a whole budget, and one whose turn comes after
    /// it is not started, so the report is not lost to a few slow servers.
    pub deadline: Option<Deadline>,
    /// `--at DATE`: certificates and DANE-TA chains are judged at this time, not now.
    pub at: Option<SystemTime>,
}

/// When a whole run of sessions must be over, and what set it, for messages.
#[derive(Debug, Clone)]
pub struct Deadline {
    pub at: tokio::time::Instant,
    /// The time the run was given.
    pub length: Duration,
    /// What gave it: "the domain's --budget", "the probe's --deadline".
    pub named: &'static str,
}

impl Deadline {
    /// `length` from now.
    pub fn after(length: Duration, named: &'static str) -> Self {
        Self {
            at: tokio::time::Instant::now() + length,
            length,
            named,
        }
    }

    /// The time left (zero once it has passed).
    pub fn left(&self) -> Duration {
        self.at
            .saturating_duration_since(tokio::time::Instant::now())
    }
}

impl Settings {
    /// The time a session starting now may take, and how to name it in a message.
    pub fn session_budget(&self) -> (Duration, String) {
        let budget = self.limits.budget;
        match self.deadline.as_ref().map(|d| (d.left(), d.named)) {
            Some((left, named)) if left < budget => (
                left,
                format!("the {:.1} s left of {named}", left.as_secs_f64()),
            ),
            _ => (budget, format!("--budget {} s", budget.as_secs_f64())),
        }
    }

    /// The run's deadline has passed: no session may start.
    pub fn out_of_time(&self) -> bool {
        self.deadline.as_ref().is_some_and(|d| d.left().is_zero())
    }
}

/// Which way a transcript line went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Sent,
    Received,
    /// Not on the wire: the TLS handshake summarised, a timeout, a closed connection.
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranscriptLine {
    pub direction: Direction,
    /// The line as sent or received, without CRLF; bytes that are not UTF-8 as `\xNN`.
    pub text: String,
}

/// A reply to EHLO, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ehlo {
    pub reply: Reply,
    pub extensions: Extensions,
}

/// `--rcpt-test`: whether the null sender and postmaster are accepted (RFC 5321 §4.5.1, §4.5.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RcptTest {
    pub recipient: String,
    pub mail_from: Option<Reply>,
    pub rcpt_to: Option<Reply>,
    /// RCPT TO was answered 250 or 251.
    pub accepted: Option<bool>,
}

/// The TLS part of a session: what was negotiated, or why nothing was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TlsOutcome {
    /// The handshake completed.
    pub established: bool,
    /// Why it did not.
    pub error: Option<String>,
    /// The version a failed handshake's ServerHello named.
    pub server_version: Option<String>,
    #[serde(flatten)]
    pub facts: TlsFacts,
}

impl TlsOutcome {
    /// A handshake that did not complete: why, the version the server named, and whatever
    /// certificate the `inspector` saw before it failed.
    pub fn failed(
        error: String,
        server_version: Option<String>,
        inspector: Option<&crate::tls::Inspector>,
    ) -> Self {
        let (certificate, chain) = inspector
            .map(crate::tls::Inspector::certificate)
            .unwrap_or_default();
        Self {
            established: false,
            error: Some(error),
            server_version,
            facts: TlsFacts {
                version: String::new(),
                cipher_suite: String::new(),
                key_exchange_group: None,
                certificate,
                chain,
            },
        }
    }

    /// The handshake in one line, for a transcript.
    pub fn summary(&self) -> String {
        let f = &self.facts;
        let cert = f
            .certificate
            .as_ref()
            .map_or_else(String::new, |c| format!("; certificate {}", c.detail));
        if self.established {
            let group = f.key_exchange_group.as_deref().unwrap_or("no group");
            format!(
                "TLS handshake: {}, {}, {group}{cert}",
                f.version, f.cipher_suite
            )
        } else {
            let error = self.error.as_deref().unwrap_or("failed");
            format!("TLS handshake failed: {error}{cert}")
        }
    }
}

/// One SMTP session with one endpoint, as far as it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Session {
    pub host: String,
    pub address: IpAddr,
    pub port: u16,
    pub tls_mode: TlsMode,
    pub role: Role,
    pub connected: bool,
    pub banner: Option<Reply>,
    pub ehlo: Option<Ehlo>,
    /// The reply to HELO, tried when EHLO was refused.
    pub helo: Option<Reply>,
    /// The reply to STARTTLS.
    pub starttls: Option<Reply>,
    pub tls: Option<TlsOutcome>,
    /// EHLO again over TLS.
    pub ehlo_tls: Option<Ehlo>,
    pub rcpt_test: Option<RcptTest>,
    pub quit: Option<Reply>,
    /// How the session ended when it did not end with QUIT.
    pub ended: Option<String>,
    pub elapsed_ms: u64,
    pub bytes_received: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<Vec<TranscriptLine>>,
    /// The chain against the host's TLSA records, when it has some (RFC 7672).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dane: Option<DaneVerdict>,
    /// Why the connection could not be made, for callers that judge it their own way.
    #[serde(skip)]
    pub connect_failure: Option<connection::ConnectFailure>,
    /// Why the TLS handshake failed, for callers that judge it their own way.
    #[serde(skip)]
    pub tls_failure: Option<crate::tls::HandshakeFailure>,
}

/// A host the probe reaches: an MX host (or the domain itself, or a `--host`) and its
/// addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProbeHost {
    pub name: String,
    /// The MX preference; `None` for an implicit MX or a `--host`.
    pub preference: Option<u16>,
    /// The port given with `--host HOST:PORT`, probed instead of `--port`.
    pub port: Option<u16>,
    pub addresses: Vec<IpAddr>,
    /// Its TLSA records (from a secure RRset) and reference names, when DANE applies; filled by
    /// the caller that looked them up.
    #[serde(skip)]
    pub dane: Option<Arc<DaneInput>>,
}

/// `mailaudit probe`: every session with every endpoint, and the findings of all of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProbeReport {
    /// The domain whose MX hosts were probed; `None` with `--host` alone.
    pub domain: Option<String>,
    pub hosts: Vec<ProbeHost>,
    pub sessions: Vec<Session>,
    /// Findings about the domain, and each session's with its endpoint as the subject.
    pub findings: Vec<Finding>,
    /// A lookup failed, so some hosts may not have been probed.
    #[serde(skip)]
    pub incomplete: bool,
}

crate::finding::outcome!(incomplete: ProbeReport);
