//! TLS as a sending server meets it (RFC 8446, RFC 5280, RFC 6125): the trust anchors of a run
//! (the webpki roots, plus `--ca-file`), a client configuration on rustls with the ring provider,
//! and the verdict on a server's certificate as a typed value — valid, expired, not yet valid,
//! name mismatch, untrusted issuer, self-signed, incomplete chain — that the MTA-STS policy fetch
//! and the SMTP probe report; an inspecting handshake ([`Inspector`]) that completes whatever
//! the certificate is worth and records what was negotiated and presented; and DANE for SMTP
//! ([`dane`]), which matches that chain against TLSA records.

pub mod algorithms;
pub mod dane;
mod der;
pub mod issues;
mod session;
mod verify;
mod words;
mod x509;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use serde::Serialize;

pub use session::{
    Captured, ChainCert, FailureKind, HandshakeFailure, Inspector, TlsFacts, days_left,
    unusable_name_reason,
};
pub use verify::{Recorder, client_config, inspecting_client_config};
pub use words::{certificate_error, tls_error};
pub use x509::{CertFacts, facts};

/// The largest `--ca-file` read: a bundle of every public root is about 250 KiB.
const MAX_CA_FILE: u64 = 16 * 1024 * 1024;

/// What a server's certificate chain is worth to a client that validates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CertVerdict {
    Valid,
    /// Past its notAfter time.
    Expired,
    /// Before its notBefore time.
    NotYetValid,
    /// Not valid for the name the client asked for.
    NameMismatch,
    /// The chain ends at a CA the client does not trust.
    UntrustedIssuer,
    /// A certificate that signs itself and is not a trust anchor.
    SelfSigned,
    /// Only the server's own certificate was sent, and its issuer is not a trust anchor: the
    /// intermediate certificates are most likely missing.
    IncompleteChain,
    /// Any other reason (bad signature, revoked, wrong key usage, unreadable).
    Invalid,
}

/// The verdict on one server's chain, with the facts of its own certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertReport {
    pub verdict: CertVerdict,
    /// Why, in words, with the values ("expired on 2024-01-01 00:00:00 UTC").
    pub detail: String,
    /// The server certificate's subject (common name).
    pub subject: String,
    pub issuer: String,
    /// The DNS names it is valid for.
    pub names: Vec<String>,
    pub not_before: String,
    pub not_after: String,
    /// Certificates the server sent, its own included.
    pub chain_length: usize,
}

/// The certificates a run trusts.
#[derive(Debug, Clone)]
pub struct TrustStore {
    roots: Arc<RootCertStore>,
}

/// Why `--ca-file` cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TrustError {
    #[error("cannot read --ca-file {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("--ca-file {path} is larger than {MAX_CA_FILE} bytes")]
    TooLarge { path: PathBuf },
    #[error("--ca-file {path} holds no PEM certificate")]
    Empty { path: PathBuf },
    #[error("--ca-file {path}: certificate {index} is not usable as a trust anchor: {reason}")]
    Certificate {
        path: PathBuf,
        index: usize,
        reason: String,
    },
}

impl TrustStore {
    /// The webpki roots (Mozilla's list), plus every certificate in `ca_file`.
    pub fn load(ca_file: Option<&Path>) -> Result<Self, TrustError> {
        let mut roots = RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        if let Some(path) = ca_file {
            for (i, cert) in read_pem(path)?.into_iter().enumerate() {
                roots.add(cert).map_err(|e| TrustError::Certificate {
                    path: path.to_path_buf(),
                    index: i + 1,
                    reason: match &e {
                        rustls::Error::InvalidCertificate(why) => {
                            format!("it {}", certificate_error(why))
                        }
                        other => tls_error(other),
                    },
                })?;
            }
        }
        Ok(Self {
            roots: Arc::new(roots),
        })
    }

    pub fn roots(&self) -> Arc<RootCertStore> {
        self.roots.clone()
    }
}

/// The certificates of a PEM file, read within [`MAX_CA_FILE`].
fn read_pem(path: &Path) -> Result<Vec<CertificateDer<'static>>, TrustError> {
    let read_error = |source| TrustError::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_CA_FILE + 1).read_to_end(&mut bytes))
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_CA_FILE {
        return Err(TrustError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<_, _>>()
        .map_err(|e| {
            read_error(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                e.to_string(),
            ))
        })?;
    if certs.is_empty() {
        return Err(TrustError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(certs)
}
