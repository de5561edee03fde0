//! What a client endpoint's observations mean (RFC 8314, RFC 2595, RFC 6186): unreachable
//! endpoints (an error when published, a note when only guessed), the certificate as a client
//! that validates it sees it, failed handshakes, and RFC 8314's preference for implicit TLS.

use std::net::SocketAddr;

use crate::finding::{Code, Finding, Severity};
use crate::smtp::connection::ConnectFailure;
use crate::smtp::{TlsMode, TlsOutcome};
use crate::tls::issues::{CertCodes, coded_issues};
use crate::tls::{FailureKind, HandshakeFailure};

use super::{ClientEndpoint, EndpointReport, Published, Service, ServiceRecords, Source, codes};

/// Nothing could be connected to at the endpoint. Where this machine has no route to the
/// address, a published endpoint is untested (a warning), not broken.
pub fn unreachable(
    endpoint: &ClientEndpoint,
    addr: &SocketAddr,
    failure: &ConnectFailure,
) -> Finding {
    let service = endpoint.service.name();
    let error = failure.explained();
    let (code, message) = match endpoint.source {
        Source::Srv => (
            codes::CONNECT_FAILED,
            format!("cannot connect to {addr}, published for {service}: {error}"),
        ),
        Source::Host => (
            codes::NOT_LISTENING,
            format!(
                "nothing answers for {service} on {addr} ({error}); fine if the service is not \
                 offered there"
            ),
        ),
    };
    let mut finding = Finding::new(code, endpoint.label(), message);
    if failure.no_route && code == codes::CONNECT_FAILED {
        finding.severity = Severity::Warning;
    }
    finding
}

/// The client codes of certificate problems: one for weak keys and signatures alike.
const CERT_CODES: CertCodes = CertCodes {
    expired: codes::CERT_EXPIRED,
    not_yet_valid: codes::CERT_NOT_YET_VALID,
    name_mismatch: codes::CERT_NAME_MISMATCH,
    untrusted: codes::CERT_UNTRUSTED,
    expiring_soon: codes::CERT_EXPIRING_SOON,
    weak_key: codes::CERT_WEAK,
    weak_signature: codes::CERT_WEAK,
};

/// The certificate findings, all errors but none the less distinct: clients refuse each.
pub fn certificate(endpoint: &ClientEndpoint, outcome: &TlsOutcome) -> Vec<Finding> {
    coded_issues(&endpoint.host, &outcome.facts, &CERT_CODES)
        .into_iter()
        .map(|(code, message)| Finding::new(code, endpoint.label(), message))
        .collect()
}

/// The host name rustls cannot take as a server name: the handshake goes on without SNI.
pub fn sni_unusable(endpoint: &ClientEndpoint) -> Finding {
    let host = &endpoint.host;
    let message = format!(
        "{} cannot be sent as the TLS server name (SNI): {}; mail programs fail before TLS or \
         go on without SNI, as the probe did, and no certificate can be valid for the name",
        crate::sanitize::quoted(host),
        crate::tls::unusable_name_reason(host)
    );
    Finding::new(codes::SNI_UNUSABLE, endpoint.label(), message)
}

/// A handshake that did not complete.
pub fn handshake_failed(endpoint: &ClientEndpoint, f: &HandshakeFailure) -> Finding {
    let implicit = endpoint.service.tls_mode() == TlsMode::Implicit;
    let (code, message): (Code, String) = match f.kind {
        FailureKind::NotTls if implicit => (
            codes::IMPLICIT_NOT_TLS,
            format!(
                "port {} is for {}, where TLS starts with the first byte, but {}",
                endpoint.port,
                endpoint.service.name(),
                f.detail
            ),
        ),
        FailureKind::LegacyVersion | FailureKind::ProtocolVersionAlert => {
            (codes::TLS_LEGACY_ONLY, f.detail.clone())
        }
        _ => (
            codes::TLS_HANDSHAKE_FAILED,
            format!("TLS handshake failed: {}", f.detail),
        ),
    };
    Finding::new(code, endpoint.label(), message)
}

/// RFC 8314 §3.3: a STARTTLS service whose implicit-TLS counterpart is not published.
pub fn implicit_tls_preferred(domain: &str, services: &[ServiceRecords]) -> Vec<Finding> {
    let offered = |service| {
        services
            .iter()
            .any(|s| s.service == service && s.published == Published::Offered)
    };
    services
        .iter()
        .filter(|s| s.published == Published::Offered)
        .filter_map(|s| {
            let implicit = s.service.implicit_counterpart()?;
            (!offered(implicit)).then(|| {
                Finding::new(
                    codes::IMPLICIT_TLS_PREFERRED,
                    domain,
                    format!(
                        "{} is published but {} is not: clients start in clear text and \
                         upgrade with {}, where RFC 8314 prefers TLS from the first byte",
                        s.name,
                        implicit.srv_name(domain),
                        s.service.starttls_command()
                    ),
                )
            })
        })
        .collect()
}

/// RFC 8314 §3.3 for hosts given with `--host`: a STARTTLS service that answers where its
/// implicit-TLS counterpart does not.
pub fn implicit_tls_missing_at_hosts(endpoints: &[EndpointReport]) -> Vec<Finding> {
    let answers = |host: &str, service| {
        endpoints
            .iter()
            .any(|e| e.host == host && e.service == service && e.session.connected())
    };
    let mut findings = Vec::new();
    let mut seen: Vec<(&str, Service)> = Vec::new();
    for e in endpoints.iter().filter(|e| e.source == Source::Host) {
        let Some(implicit) = e.service.implicit_counterpart() else {
            continue;
        };
        if seen.contains(&(e.host.as_str(), e.service))
            || !answers(&e.host, e.service)
            || answers(&e.host, implicit)
        {
            continue;
        }
        seen.push((&e.host, e.service));
        findings.push(Finding::new(
            codes::IMPLICIT_TLS_PREFERRED,
            &e.host,
            format!(
                "{} answers at {} but {} (port {}) does not: clients start in clear text and \
                 upgrade with {}, where RFC 8314 prefers TLS from the first byte",
                e.service.name(),
                e.host,
                implicit.name(),
                implicit.standard_ports()[0],
                e.service.starttls_command()
            ),
        ));
    }
    findings
}
