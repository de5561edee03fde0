//! What a session's observations mean (RFC 3207, RFC 4954, RFC 5321, RFC 8314): the findings
//! about TLS, the certificate, AUTH and refused commands, at the severity the port's role calls
//! for — certificate problems are warnings where TLS is opportunistic (relay) and errors where
//! clients validate (submission).

use crate::finding::{Code, Finding, Severity};
use crate::tls::algorithms::{MIN_RSA_BITS, weak_signature};
use crate::tls::{CertVerdict, FailureKind, HandshakeFailure};

use super::connection::ReadError;
use super::session::Dialogue;
use super::{Extensions, Reply, Role, TlsOutcome, codes};

/// Certificate validity left below which renewal looks overdue.
const EXPIRING_DAYS: i64 = 30;

/// Codes whose catalog severity (warning) is raised to error on submission ports.
const STRICTER_ON_SUBMISSION: &[Code] = &[
    codes::CERT_EXPIRED,
    codes::CERT_NOT_YET_VALID,
    codes::CERT_UNTRUSTED,
    codes::CERT_NAME_MISMATCH,
    codes::CERT_WEAK_KEY,
    codes::CERT_WEAK_SIGNATURE,
    codes::AUTH_BEFORE_TLS,
];

/// `finding` at the severity of its endpoint's role.
pub fn for_role(mut finding: Finding, role: Role) -> Finding {
    if role == Role::Submission && STRICTER_ON_SUBMISSION.contains(&finding.code) {
        finding.severity = Severity::Error;
    }
    finding
}

pub fn auth_before_tls(d: &mut Dialogue<'_>, ext: &Extensions) {
    if let Some(mechanisms) = &ext.auth {
        d.finding(
            codes::AUTH_BEFORE_TLS,
            format!(
                "AUTH {} is offered before STARTTLS: a client that uses it sends its password \
                 in clear text",
                mechanisms.join(" ")
            ),
        );
    }
}

pub fn starttls_missing(d: &mut Dialogue<'_>, after_ehlo: bool) {
    let message = if after_ehlo {
        "the EHLO reply does not offer STARTTLS: senders deliver in clear text"
    } else {
        "after HELO no extension is offered, so no STARTTLS: senders deliver in clear text"
    };
    d.finding(codes::STARTTLS_MISSING, message.to_string());
}

pub fn plaintext_after_starttls(d: &mut Dialogue<'_>, leftover: &[u8]) {
    let shown = crate::dns::bytes_text(&leftover[..leftover.len().min(60)]);
    d.note(&format!(
        "discarded {} bytes sent before TLS",
        leftover.len()
    ));
    d.finding(
        codes::STARTTLS_PLAINTEXT_AFTER_REPLY,
        format!(
            "{} bytes arrived after the 220 reply to STARTTLS, before TLS: {shown:?}",
            leftover.len()
        ),
    );
}

/// The TLS handshake in one line, for the transcript.
pub fn tls_summary(outcome: &TlsOutcome) -> String {
    let f = &outcome.facts;
    let cert = f
        .certificate
        .as_ref()
        .map_or_else(String::new, |c| format!("; certificate {}", c.detail));
    if outcome.established {
        let group = f.key_exchange_group.as_deref().unwrap_or("no group");
        format!(
            "TLS handshake: {}, {}, {group}{cert}",
            f.version, f.cipher_suite
        )
    } else {
        let error = outcome.error.as_deref().unwrap_or("failed");
        format!("TLS handshake failed: {error}{cert}")
    }
}

pub fn handshake_failed(d: &mut Dialogue<'_>, failure: &HandshakeFailure) {
    d.tls_failed(failure.detail.clone(), failure.server_version.clone());
    let limit = d.settings.limits.bytes;
    if d.bytes_read() >= limit {
        d.finding(
            codes::SESSION_TOO_LARGE,
            format!(
                "the server sent more than {limit} octets in the session (during the TLS \
                 handshake); the probe stopped reading"
            ),
        );
        return;
    }
    let code = match failure.kind {
        FailureKind::LegacyVersion => codes::TLS_LEGACY_ONLY,
        _ => codes::TLS_HANDSHAKE_FAILED,
    };
    d.finding(code, format!("TLS handshake failed: {}", failure.detail));
}

/// The findings about the certificate chain a handshake met (completed or not).
pub fn certificate(d: &mut Dialogue<'_>, outcome: &TlsOutcome) {
    let facts = &outcome.facts;
    if let Some(cert) = &facts.certificate {
        let code = match cert.verdict {
            CertVerdict::Valid => None,
            CertVerdict::Expired => Some(codes::CERT_EXPIRED),
            CertVerdict::NotYetValid => Some(codes::CERT_NOT_YET_VALID),
            CertVerdict::NameMismatch => Some(codes::CERT_NAME_MISMATCH),
            CertVerdict::UntrustedIssuer
            | CertVerdict::SelfSigned
            | CertVerdict::IncompleteChain
            | CertVerdict::Invalid => Some(codes::CERT_UNTRUSTED),
        };
        if let Some(code) = code {
            let host = d.endpoint.host.clone();
            d.finding(code, format!("certificate of {host}: {}", cert.detail));
        }
    }
    if let Some(leaf) = facts.chain.first() {
        let expired = facts
            .certificate
            .as_ref()
            .is_some_and(|c| c.verdict == CertVerdict::Expired);
        let soon = leaf
            .days_left
            .filter(|d| (0..=EXPIRING_DAYS).contains(d) && !expired);
        if let Some(days) = soon {
            d.finding(
                codes::CERT_EXPIRING_SOON,
                format!(
                    "the certificate expires in {days} days, on {}",
                    leaf.not_after
                ),
            );
        }
    }
    for (i, cert) in facts.chain.iter().enumerate() {
        let which = if i == 0 {
            "the server's certificate".to_string()
        } else {
            format!("chain certificate {} ({})", i + 1, cert.subject)
        };
        if cert.key_type == "RSA" && cert.key_bits.is_some_and(|b| b < MIN_RSA_BITS) {
            let bits = cert.key_bits.unwrap_or(0);
            d.finding(
                codes::CERT_WEAK_KEY,
                format!("{which} has an RSA key of {bits} bits, below {MIN_RSA_BITS}"),
            );
        }
        // A root's signature on itself is not checked by anyone; only issued certificates count.
        let self_signed_root = i > 0 && cert.subject == cert.issuer;
        if weak_signature(&cert.signature_algorithm) && !self_signed_root {
            d.finding(
                codes::CERT_WEAK_SIGNATURE,
                format!("{which} is signed with {}", cert.signature_algorithm),
            );
        }
    }
}

/// A refused MAIL or RCPT: an error for 5xx, a warning for 4xx (greylisting, a busy server).
pub fn refused(d: &mut Dialogue<'_>, code: Code, line: &str, reply: &Reply) {
    let temporary = if reply.is_transient() {
        " (temporarily; greylisting answers so)"
    } else {
        ""
    };
    d.finding(code, format!("{line} got {}{temporary}", reply.summary()));
    if reply.is_transient()
        && let Some(f) = d.findings.last_mut()
    {
        f.severity = Severity::Warning;
    }
}

/// The finding for a reply that could not be read.
pub fn read_failed(d: &mut Dialogue<'_>, what: &str, e: ReadError) {
    match e {
        ReadError::Closed => {
            d.dropped(&format!("while waiting for {what}"));
        }
        ReadError::Io(error) => {
            d.dropped(&format!("while waiting for {what}: {error}"));
        }
        ReadError::LineTooLong(limit) => {
            d.note(&format!(
                "a line longer than {limit} octets; stopped reading"
            ));
            d.finding(
                codes::REPLY_LINE_TOO_LONG,
                format!(
                    "a line of {what} is longer than {limit} octets (RFC 5321 allows 512); \
                     the probe stopped reading"
                ),
            );
        }
        ReadError::TooManyLines(limit) => {
            d.note(&format!(
                "more than {limit} lines in one reply; stopped reading"
            ));
            d.finding(
                codes::REPLY_TOO_MANY_LINES,
                format!("{what} went on past {limit} lines; the probe stopped reading"),
            );
        }
        ReadError::TooManyBytes(limit) => {
            d.note(&format!(
                "{limit} octets read in the session; stopped reading"
            ));
            d.finding(
                codes::SESSION_TOO_LARGE,
                format!(
                    "the server sent more than {limit} octets in the session (while sending \
                     {what}); the probe stopped reading"
                ),
            );
        }
        ReadError::Malformed(line) => {
            d.note(&format!("not a reply line: {line}"));
            d.finding(
                codes::REPLY_MALFORMED,
                format!("{what}: {line:?} is not an SMTP reply line"),
            );
        }
    }
}
