//! Certificate validation as a sender does it (RFC 6125 names, RFC 5280 paths, via webpki), with
//! a record of what the server presented: rustls says *that* a chain failed; the recording lets
//! the report say *why* in a sender's words (expired, name mismatch, untrusted, self-signed,
//! incomplete chain) and name the certificate.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, Error, SignatureScheme};

use super::{CertReport, CertVerdict, TrustStore, facts};

/// What the verifier saw in one handshake: the chain presented and webpki's judgement.
#[derive(Debug, Default)]
struct Seen {
    chain: Vec<CertificateDer<'static>>,
    error: Option<Error>,
}

/// Shared with a [`client_config`]'s verifier; after the handshake (successful or not) it tells
/// what the server's certificate was worth.
#[derive(Debug, Clone, Default)]
pub struct Recorder(Arc<Mutex<Option<Seen>>>);

impl Recorder {
    /// The verdict, or `None` when the handshake never reached the certificate.
    pub fn report(&self, host: &str) -> Option<CertReport> {
        let seen = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        seen.as_ref().map(|seen| judge(seen, host))
    }

    /// The certificates the server presented, its own first; empty before the certificate.
    pub fn chain(&self) -> Vec<CertificateDer<'static>> {
        let seen = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        seen.as_ref().map(|s| s.chain.clone()).unwrap_or_default()
    }
}

#[derive(Debug)]
struct Recording {
    inner: Arc<WebPkiServerVerifier>,
    recorder: Recorder,
    /// Complete the handshake whatever the verdict (an SMTP probe, which reports the verdict
    /// instead of acting on it, as opportunistic TLS senders do).
    accept_any: bool,
    /// The host name could not be given to rustls (it went without SNI, named by its address):
    /// the chain is judged as usual, but no certificate is valid for a name that is not one.
    name_unusable: bool,
    /// Judge validity at this time rather than now (`--at DATE`).
    at: Option<UnixTime>,
}

impl ServerCertVerifier for Recording {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let mut result = self.inner.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            self.at.unwrap_or(now),
        );
        if self.name_unusable {
            result = match result {
                // Matched against the address rustls was given, not the name: replaced.
                Ok(_)
                | Err(Error::InvalidCertificate(
                    CertificateError::NotValidForName
                    | CertificateError::NotValidForNameContext { .. },
                )) => Err(Error::InvalidCertificate(CertificateError::NotValidForName)),
                chain_error => chain_error,
            };
        }
        let chain = std::iter::once(end_entity)
            .chain(intermediates)
            .map(|c| c.clone().into_owned())
            .collect();
        *self
            .recorder
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(Seen {
            chain,
            error: result.as_ref().err().cloned(),
        });
        if self.accept_any {
            return Ok(ServerCertVerified::assertion());
        }
        result
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// A client configuration (ring provider, TLS 1.2 and 1.3) that validates against `trust` and
/// records what it saw in the returned [`Recorder`]. One per connection.
pub fn client_config(trust: &TrustStore) -> Result<(Arc<ClientConfig>, Recorder), Error> {
    config(trust, false, false, None)
}

/// Like [`client_config`], but the handshake goes on whatever the certificate's verdict, which
/// the [`Recorder`] keeps: for probes that report on a server rather than trust it. The
/// handshake's own signatures are still verified against the presented key. With
/// `name_unusable`, rustls is given an address for a host name it cannot take, and no
/// certificate is valid for that name. With `at`, the chain is judged at that time, not now.
pub fn inspecting_client_config(
    trust: &TrustStore,
    name_unusable: bool,
    at: Option<SystemTime>,
) -> Result<(Arc<ClientConfig>, Recorder), Error> {
    config(trust, true, name_unusable, at.map(unix_time))
}

/// A moment as webpki takes it (before 1970: the epoch).
pub(crate) fn unix_time(at: SystemTime) -> UnixTime {
    UnixTime::since_unix_epoch(
        at.duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default(),
    )
}

fn config(
    trust: &TrustStore,
    accept_any: bool,
    name_unusable: bool,
    at: Option<UnixTime>,
) -> Result<(Arc<ClientConfig>, Recorder), Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let inner = WebPkiServerVerifier::builder_with_provider(trust.roots(), provider.clone())
        .build()
        .map_err(|e| Error::General(e.to_string()))?;
    let recorder = Recorder::default();
    let verifier = Recording {
        inner,
        recorder: recorder.clone(),
        accept_any,
        name_unusable,
        at,
    };
    let config = ClientConfig::builder_with_provider(provider as Arc<CryptoProvider>)
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    Ok((Arc::new(config), recorder))
}

/// The verdict on what was seen, for a client that asked for `host`.
fn judge(seen: &Seen, host: &str) -> CertReport {
    let leaf = seen
        .chain
        .first()
        .and_then(|c| facts(c))
        .unwrap_or_default();
    let top = seen.chain.last().and_then(|c| facts(c)).unwrap_or_default();
    let (verdict, detail) = match &seen.error {
        None => (
            CertVerdict::Valid,
            format!("valid for {host} until {}", leaf.not_after),
        ),
        Some(Error::InvalidCertificate(e)) => classify(e, &leaf, &top, seen.chain.len(), host),
        Some(other) => (CertVerdict::Invalid, super::tls_error(other)),
    };
    CertReport {
        verdict,
        detail,
        subject: leaf.subject,
        issuer: leaf.issuer,
        names: leaf.names,
        not_before: leaf.not_before,
        not_after: leaf.not_after,
        chain_length: seen.chain.len(),
    }
}

/// webpki's certificate error in a sender's words. webpki only says "unknown issuer"; the
/// chain tells a self-signed certificate, a private CA's chain and a missing intermediate apart.
fn classify(
    e: &CertificateError,
    leaf: &super::CertFacts,
    top: &super::CertFacts,
    chain_length: usize,
    host: &str,
) -> (CertVerdict, String) {
    match e {
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => (
            CertVerdict::Expired,
            format!("expired on {}", leaf.not_after),
        ),
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => (
            CertVerdict::NotYetValid,
            format!("not valid before {}", leaf.not_before),
        ),
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => (
            CertVerdict::NameMismatch,
            format!(
                "not valid for {host}: it names {}",
                if leaf.names.is_empty() {
                    "no DNS name".to_string()
                } else {
                    leaf.names.join(", ")
                }
            ),
        ),
        CertificateError::UnknownIssuer if leaf.self_issued => (
            CertVerdict::SelfSigned,
            format!(
                "self-signed by {}, which is not a trusted root",
                leaf.subject
            ),
        ),
        CertificateError::UnknownIssuer if chain_length == 1 => (
            CertVerdict::IncompleteChain,
            format!(
                "issued by {}, which is not a trusted root, and the server sent no intermediate \
                 certificate",
                leaf.issuer
            ),
        ),
        CertificateError::UnknownIssuer => (
            CertVerdict::UntrustedIssuer,
            format!(
                "the chain ends at {}, which is not a trusted root",
                if top.self_issued {
                    &top.subject
                } else {
                    &top.issuer
                }
            ),
        ),
        other => (
            CertVerdict::Invalid,
            format!("invalid: it {}", super::certificate_error(other)),
        ),
    }
}
