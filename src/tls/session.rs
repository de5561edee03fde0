//! A TLS handshake as an inspecting client makes it (RFC 8446, RFC 5246): it completes whatever
//! the certificate is worth and records what was negotiated — protocol version, cipher suite,
//! key-exchange group — the chain the server presented and the webpki verdict on it. When the
//! handshake fails, the first bytes the server sent tell a server that only speaks TLS below 1.2
//! (its ServerHello names the version) from one that refused with an alert or does not speak TLS
//! at all. Knows nothing of the protocol (SMTP, IMAP, ...) that started TLS.

use std::io;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::SystemTime;

use rustls::pki_types::ServerName;
use rustls::{AlertDescription, PeerIncompatible, ProtocolVersion};
use serde::Serialize;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use super::{CertReport, Recorder, TrustStore, facts, inspecting_client_config};

/// What a completed handshake negotiated, and the certificates it met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TlsFacts {
    /// "TLSv1.3", "TLSv1.2".
    pub version: String,
    /// The IANA name, e.g. "TLS13_AES_256_GCM_SHA384".
    pub cipher_suite: String,
    /// "X25519", "secp256r1", ...
    pub key_exchange_group: Option<String>,
    /// The verdict for the name the client asked for.
    pub certificate: Option<CertReport>,
    /// The certificates presented, the server's own first.
    pub chain: Vec<ChainCert>,
}

/// One certificate of a presented chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainCert {
    pub subject: String,
    pub issuer: String,
    pub names: Vec<String>,
    pub not_before: String,
    pub not_after: String,
    /// Days from today to notAfter (negative once expired).
    pub days_left: Option<i64>,
    pub key_type: String,
    pub key_bits: Option<u32>,
    pub signature_algorithm: String,
}

/// Why a handshake failed, in the terms a report needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailureKind {
    /// The server's ServerHello chose a version below TLS 1.2.
    LegacyVersion,
    /// The server refused the ClientHello with a protocol_version alert: it may speak only
    /// versions below TLS 1.2.
    ProtocolVersionAlert,
    /// What the server sent was not TLS.
    NotTls,
    /// The connection closed during the handshake.
    Closed,
    Other,
}

/// A failed handshake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandshakeFailure {
    pub kind: FailureKind,
    /// What happened, with the values ("the server chose TLS 1.0, ...").
    pub detail: String,
    /// The version the server's ServerHello named, when it sent one.
    pub server_version: Option<String>,
}

/// One inspecting handshake with one server name. Whatever becomes of the handshake (done,
/// failed, abandoned at a timeout), [`Inspector::certificate`] tells what was seen of the chain.
pub struct Inspector {
    connector: TlsConnector,
    recorder: Recorder,
    host: String,
    /// What rustls is given: `host`, or the address when `host` cannot be a server name.
    server_name: ServerName<'static>,
    name_unusable: bool,
    first_bytes: Arc<Mutex<Vec<u8>>>,
    /// The day validity is judged at and days are counted from (`--at DATE`, else today).
    today: crate::date::Date,
}

/// Bytes of the server's first flight kept to explain a failure: a record header and the start
/// of a ServerHello or an alert.
const KEEP: usize = 64;

impl Inspector {
    /// An inspector for a server known as `host` (a DNS name, for SNI and the certificate, or an
    /// IP address, sent without SNI) at `address`. A name rustls cannot send (see
    /// [`unusable_name_reason`]) goes without SNI, as opportunistic senders go on without it
    /// (RFC 6066 §3 allows only host names there), and the certificate is still judged against
    /// the name. With `at`, the chain is judged at that time and days are counted from it.
    pub fn new(
        trust: &TrustStore,
        host: &str,
        address: IpAddr,
        at: Option<SystemTime>,
    ) -> Result<Self, rustls::Error> {
        let named = ServerName::try_from(host.to_string()).ok();
        let name_unusable = named.is_none();
        let (config, recorder) = inspecting_client_config(trust, name_unusable, at)?;
        Ok(Self {
            connector: TlsConnector::from(config),
            recorder,
            host: host.to_string(),
            // An address as the server name is how rustls is told to send no SNI.
            server_name: named.unwrap_or_else(|| ServerName::IpAddress(address.into())),
            name_unusable,
            first_bytes: Arc::default(),
            today: at.map_or_else(crate::date::Date::today, crate::date::Date::of),
        })
    }

    /// The host name cannot be sent as SNI, so the handshake goes without it.
    pub fn name_unusable(&self) -> bool {
        self.name_unusable
    }

    /// Runs the handshake over `io`.
    pub async fn handshake<IO>(
        &self,
        io: IO,
    ) -> Result<(TlsStream<Captured<IO>>, TlsFacts), HandshakeFailure>
    where
        IO: AsyncRead + AsyncWrite + Unpin,
    {
        let captured = Captured {
            inner: io,
            first: self.first_bytes.clone(),
        };
        let name = self.server_name.clone();
        match self.connector.connect(name, captured).await {
            Ok(stream) => {
                let facts = self.facts(stream.get_ref().1);
                Ok((stream, facts))
            }
            Err(e) => Err(self.failure(&e)),
        }
    }

    /// The verdict and the chain, as far as the handshake got.
    pub fn certificate(&self) -> (Option<CertReport>, Vec<ChainCert>) {
        let chain = self
            .recorder
            .chain()
            .iter()
            .filter_map(|c| facts(c))
            .map(|f| chain_cert(f, self.today))
            .collect();
        (self.recorder.report(&self.host), chain)
    }

    /// The certificates the server presented (DER, its own first), as far as the handshake got.
    pub fn presented(&self) -> Vec<rustls::pki_types::CertificateDer<'static>> {
        self.recorder.chain()
    }

    fn facts(&self, conn: &rustls::ClientConnection) -> TlsFacts {
        let (certificate, chain) = self.certificate();
        TlsFacts {
            version: conn
                .protocol_version()
                .map(version_name)
                .unwrap_or_default(),
            cipher_suite: conn
                .negotiated_cipher_suite()
                .map(|s| enum_name(s.suite().as_str(), u16::from(s.suite())))
                .unwrap_or_default(),
            key_exchange_group: conn
                .negotiated_key_exchange_group()
                .map(|g| enum_name(g.name().as_str(), u16::from(g.name()))),
            certificate,
            chain,
        }
    }

    fn failure(&self, e: &io::Error) -> HandshakeFailure {
        let first = self
            .first_bytes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let server_version = server_hello_version(&first);
        let tls_error = e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<rustls::Error>());
        let (kind, detail) = match tls_error {
            Some(rustls::Error::PeerIncompatible(
                PeerIncompatible::ServerDoesNotSupportTls12Or13,
            )) => (
                FailureKind::LegacyVersion,
                format!(
                    "the server chose {} in its ServerHello; rustls (like current senders) speaks \
                     only TLS 1.2 and 1.3",
                    server_version
                        .as_deref()
                        .unwrap_or("a version below TLS 1.2")
                ),
            ),
            Some(rustls::Error::AlertReceived(AlertDescription::ProtocolVersion)) => (
                FailureKind::ProtocolVersionAlert,
                "the server refused TLS 1.2 and 1.3 with a protocol_version alert; it may support \
                 only TLS below 1.2"
                    .to_string(),
            ),
            _ if !first.is_empty() && !(0x14..=0x17).contains(&first[0]) => (
                FailureKind::NotTls,
                format!(
                    "the server did not answer in TLS: it sent {}",
                    crate::sanitize::quoted(&crate::dns::bytes_text(&first[..first.len().min(40)]))
                ),
            ),
            _ if e.kind() == io::ErrorKind::UnexpectedEof => (
                FailureKind::Closed,
                "the server closed the connection during the handshake".to_string(),
            ),
            Some(tls) => (FailureKind::Other, super::tls_error(tls)),
            None => (FailureKind::Other, e.to_string()),
        };
        HandshakeFailure {
            kind,
            detail,
            server_version,
        }
    }
}

/// Why rustls refuses `host` as a server name, in words: its rules are RFC 1123's letters,
/// digits and hyphens (and '_'), labels of 1 to 63 octets that neither start nor end with '-',
/// and a last label that does not read as a number, so the name cannot pass for an address.
pub fn unusable_name_reason(host: &str) -> &'static str {
    let name = host.strip_suffix('.').unwrap_or(host);
    let labels: Vec<&str> = name.split('.').collect();
    let allowed = |l: &&str| {
        l.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if name.len() > 253 {
        "it is longer than 253 octets"
    } else if labels.iter().any(|l| l.is_empty() || l.len() > 63) {
        "a label is empty or longer than 63 octets"
    } else if !labels.iter().all(allowed) {
        "it holds a character other than a letter, a digit, '-' or '_'"
    } else if labels
        .iter()
        .any(|l| l.starts_with('-') || l.ends_with('-'))
    {
        "a label starts or ends with '-'"
    } else {
        "its last label reads as a number, so it could pass for an address"
    }
}

/// The version a ServerHello names in its first record (RFC 5246 §7.4.1.3): record type 22,
/// handshake type 2, then the two version octets.
fn server_hello_version(first: &[u8]) -> Option<String> {
    match first {
        [0x16, _, _, _, _, 0x02, _, _, _, major, minor, ..] => Some(
            match (major, minor) {
                (3, 0) => "SSL 3.0",
                (3, 1) => "TLS 1.0",
                (3, 2) => "TLS 1.1",
                (3, 3) => "TLS 1.2",
                _ => return Some(format!("version 0x{major:02x}{minor:02x}")),
            }
            .to_string(),
        ),
        _ => None,
    }
}

fn version_name(v: ProtocolVersion) -> String {
    match v {
        ProtocolVersion::TLSv1_3 => "TLSv1.3".into(),
        ProtocolVersion::TLSv1_2 => "TLSv1.2".into(),
        other => format!("version 0x{:04x}", u16::from(other)),
    }
}

/// The IANA name of a cipher suite or group, or its number where rustls has no name for it.
fn enum_name(name: Option<&str>, value: u16) -> String {
    name.map_or_else(|| format!("0x{value:04x}"), str::to_string)
}

fn chain_cert(f: super::CertFacts, today: crate::date::Date) -> ChainCert {
    ChainCert {
        days_left: days_from(&f.not_after, today),
        subject: f.subject,
        issuer: f.issuer,
        names: f.names,
        not_before: f.not_before,
        not_after: f.not_after,
        key_type: f.key_type,
        key_bits: f.key_bits,
        signature_algorithm: f.signature_algorithm,
    }
}

/// Whole days from today (UTC) to a `YYYY-MM-DD ...` date.
pub fn days_left(date: &str) -> Option<i64> {
    days_from(date, crate::date::Date::today())
}

/// Whole days from `today` to a `YYYY-MM-DD ...` date.
fn days_from(date: &str, today: crate::date::Date) -> Option<i64> {
    let ymd = date.get(..10)?;
    let mut parts = ymd.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let end = crate::date::Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(end.days_since(today))
}

/// An I/O stream that keeps the first bytes read from it.
pub struct Captured<IO> {
    inner: IO,
    first: Arc<Mutex<Vec<u8>>>,
}

impl<IO: AsyncRead + Unpin> AsyncRead for Captured<IO> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        let mut first = self.first.lock().unwrap_or_else(PoisonError::into_inner);
        if first.len() < KEEP {
            let new = &buf.filled()[before..];
            let room = KEEP - first.len();
            first.extend_from_slice(&new[..new.len().min(room)]);
        }
        result
    }
}

impl<IO: AsyncWrite + Unpin> AsyncWrite for Captured<IO> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_version_of_a_server_hello() {
        let hello = [0x16, 3, 1, 0, 0x2a, 0x02, 0, 0, 0x26, 3, 1, 0];
        assert_eq!(server_hello_version(&hello).as_deref(), Some("TLS 1.0"));
        let alert = [0x15, 3, 1, 0, 2, 2, 70];
        assert_eq!(server_hello_version(&alert), None);
        assert_eq!(server_hello_version(b"garbage"), None);
    }

    #[test]
    fn names_why_a_host_cannot_be_a_server_name() {
        for (host, why) in [
            ("mx-.example.com", "starts or ends with '-'"),
            ("mx.example.0xa", "reads as a number"),
            ("mx.example.123", "reads as a number"),
            ("mx*.example.com", "a character other than"),
            ("mx..example.com", "empty"),
        ] {
            assert!(ServerName::try_from(host).is_err(), "{host}");
            assert!(unusable_name_reason(host).contains(why), "{host}");
        }
        assert!(ServerName::try_from("mail_1.example.com").is_ok());
    }

    #[test]
    fn counts_days_to_a_date() {
        assert!(days_left("2099-01-01 00:00:00 UTC").unwrap() > 20_000);
        assert!(days_left("2000-01-01 00:00:00 UTC").unwrap() < 0);
        assert_eq!(days_left("garbage"), None);
    }
}
