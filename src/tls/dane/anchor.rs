//! DANE-TA's checks once the trust anchor is known (RFC 7671 §5.2, RFC 7672 §3.2): the server's
//! certificate must chain to that anchor alone — signatures and validity at the time asked for,
//! by webpki — and name one of the reference identifiers (RFC 7672 §3.2.2), SAN DNS names with
//! a wildcard only as the whole leftmost label (RFC 6125 §6.4.3, as webpki matches them).

use std::time::SystemTime;

use rustls::pki_types::{CertificateDer, Der, ServerName, TrustAnchor};
use rustls::server::ParsedCertificate;
use rustls::{CertificateError, Error, RootCertStore};

use super::RecordOutcome;
use crate::date::{parse_utc_text, utc_text};
use crate::tls::verify::unix_time;
use crate::tls::x509::issuer_name;
use crate::tls::{certificate_error, facts, tls_error};

/// Reference identifiers tried per chain; a DANE sender has three.
const MAX_NAMES: usize = 8;

/// Why a found anchor did not authenticate the server.
pub(super) type Failure = (RecordOutcome, String);

/// The anchor of a certificate (its subject and key), or why it cannot be one.
pub(super) fn from_certificate(der: &[u8]) -> Result<TrustAnchor<'static>, String> {
    let mut store = RootCertStore::empty();
    store
        .add(CertificateDer::from(der.to_vec()))
        .map_err(|e| tls_error(&e))?;
    store
        .roots
        .pop()
        .ok_or_else(|| "the certificate is not usable as a trust anchor".to_string())
}

/// The anchor of a bare public key (`2 1 0`, RFC 7671 §5.2.3): it takes the name of the issuer
/// of `top`, the certificate it should have signed.
pub(super) fn from_key(spki: &[u8], top: &[u8]) -> Option<TrustAnchor<'static>> {
    let (key, _) = crate::tls::der::element(spki)?;
    Some(TrustAnchor {
        subject: Der::from(issuer_name(top)?.to_vec()),
        subject_public_key_info: Der::from(key.body.to_vec()),
        name_constraints: None,
    })
}

/// Whether `leaf` chains to `anchor` through `intermediates` at `at`, and names one of `names`;
/// the name it matched.
pub(super) fn authenticate(
    leaf: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
    anchor: TrustAnchor<'static>,
    names: &[String],
    at: SystemTime,
) -> Result<String, Failure> {
    let parsed = ParsedCertificate::try_from(leaf).map_err(|e| chain_failure(&e))?;
    let roots = RootCertStore {
        roots: vec![anchor],
    };
    let algorithms = rustls::crypto::ring::default_provider()
        .signature_verification_algorithms
        .all;
    rustls::client::verify_server_cert_signed_by_trust_anchor(
        &parsed,
        &roots,
        intermediates,
        unix_time(at),
        algorithms,
    )
    .map_err(|e| chain_failure(&e))?;
    name_match(leaf, &parsed, names)
}

/// The server's own certificate as the anchor (a DANE-TA record that matches it, RFC 7671
/// §5.2.2): nothing to chain, but its validity at `at` and its names still count.
pub(super) fn authenticate_self(
    leaf: &CertificateDer<'_>,
    names: &[String],
    at: SystemTime,
) -> Result<String, Failure> {
    let parsed = ParsedCertificate::try_from(leaf).map_err(|e| chain_failure(&e))?;
    let f = facts(leaf).unwrap_or_default();
    let invalid = |detail: String| (RecordOutcome::ChainInvalid, detail);
    match (parse_utc_text(&f.not_before), parse_utc_text(&f.not_after)) {
        (Some(from), _) if at < from => {
            return Err(invalid(format!(
                "the certificate is not valid before {} (checked at {})",
                f.not_before,
                utc_text(at)
            )));
        }
        (_, Some(until)) if at > until => {
            return Err(invalid(format!(
                "the certificate expired on {} (checked at {})",
                f.not_after,
                utc_text(at)
            )));
        }
        (Some(_), Some(_)) => {}
        _ => return Err(invalid("its validity period cannot be read".into())),
    }
    name_match(leaf, &parsed, names)
}

/// The first of `names` the certificate is valid for: its SAN DNS names, or its common name
/// when it has none (RFC 7672 §3.2.3).
fn name_match(
    leaf: &CertificateDer<'_>,
    parsed: &ParsedCertificate<'_>,
    names: &[String],
) -> Result<String, Failure> {
    let f = facts(leaf).unwrap_or_default();
    for name in names.iter().take(MAX_NAMES) {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        let Ok(server) = ServerName::try_from(name.as_str()) else {
            continue;
        };
        let san = rustls::client::verify_server_name(parsed, &server).is_ok();
        let cn = f.names.is_empty() && f.subject.eq_ignore_ascii_case(&name);
        if san || cn {
            return Ok(name);
        }
    }
    let named = if f.names.is_empty() {
        format!("no DNS name (common name {})", f.subject)
    } else {
        f.names.join(", ")
    };
    Err((
        RecordOutcome::NameMismatch,
        format!(
            "the certificate names {named}, none of {}",
            names
                .iter()
                .take(MAX_NAMES)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ))
}

fn chain_failure(e: &Error) -> Failure {
    let detail = match e {
        Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
            "the server's certificate does not chain to it".to_string()
        }
        Error::InvalidCertificate(why) => format!("the chain {}", certificate_error(why)),
        other => tls_error(other),
    };
    (RecordOutcome::ChainInvalid, detail)
}
