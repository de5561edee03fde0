//! What a session's observations mean (RFC 3207, RFC 4954, RFC 5321, RFC 8314): the findings
//! about TLS, the certificate, AUTH and refused commands, at the severity the port's role calls
//! for — certificate problems are warnings where TLS is opportunistic (relay) and errors where
//! clients validate (submission).

use crate::finding::{Code, Finding, Severity};
use crate::tls::issues::{CertIssueKind, cert_issues};
use crate::tls::{FailureKind, HandshakeFailure};

use super::connection::ReadError;
use super::session::Dialogue;
use super::{Extensions, Reply, Role, TlsOutcome, codes};

/// Codes whose catalog severity (warning) is raised to error on submission ports.
const STRICTER_ON_SUBMISSION: &[Code] = &[
    codes::CERT_EXPIRED,
    codes::CERT_NOT_YET_VALID,
    codes::CERT_EXPIRING_SOON,
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
    let why = if after_ehlo {
        "the EHLO reply does not offer STARTTLS"
    } else {
        "after HELO no extension is offered, so no STARTTLS"
    };
    let so = match d.endpoint.role {
        Role::Relay => "senders deliver in clear text",
        Role::Submission => {
            "mail programs send messages and passwords in clear text or refuse to connect"
        }
    };
    d.finding(codes::STARTTLS_MISSING, format!("{why}: {so}"));
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
    let host = d.endpoint.host.clone();
    for issue in cert_issues(&host, &outcome.facts) {
        let code = match issue.kind {
            CertIssueKind::Expired => codes::CERT_EXPIRED,
            CertIssueKind::NotYetValid => codes::CERT_NOT_YET_VALID,
            CertIssueKind::NameMismatch => codes::CERT_NAME_MISMATCH,
            CertIssueKind::Untrusted => codes::CERT_UNTRUSTED,
            CertIssueKind::ExpiringSoon => codes::CERT_EXPIRING_SOON,
            CertIssueKind::WeakKey => codes::CERT_WEAK_KEY,
            CertIssueKind::WeakSignature => codes::CERT_WEAK_SIGNATURE,
        };
        d.finding(code, issue.message);
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
