//! What a session's observations mean (RFC 3207, RFC 4954, RFC 5321, RFC 8314): facts in, the
//! findings' codes and messages out — about TLS, the certificate, AUTH, refused commands and
//! replies that could not be read — and the severity the port's role calls for: certificate
//! problems are warnings where TLS is opportunistic (relay) and errors where clients validate
//! (submission).

use crate::finding::{Code, Finding, Severity};
use crate::tls::issues::{CertCodes, coded_issues};
use crate::tls::{FailureKind, HandshakeFailure};

use super::connection::ReadError;
use super::{Extensions, Reply, Role, TlsOutcome, codes};

/// A finding's code and its message, before it is given the endpoint it is about.
pub type Found = (Code, String);

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

/// The SMTP codes of certificate problems.
const CERT_CODES: CertCodes = CertCodes {
    expired: codes::CERT_EXPIRED,
    not_yet_valid: codes::CERT_NOT_YET_VALID,
    name_mismatch: codes::CERT_NAME_MISMATCH,
    untrusted: codes::CERT_UNTRUSTED,
    expiring_soon: codes::CERT_EXPIRING_SOON,
    weak_key: codes::CERT_WEAK_KEY,
    weak_signature: codes::CERT_WEAK_SIGNATURE,
};

/// `finding` at the severity of its endpoint's role.
pub fn for_role(mut finding: Finding, role: Role) -> Finding {
    if role == Role::Submission && STRICTER_ON_SUBMISSION.contains(&finding.code) {
        finding.severity = Severity::Error;
    }
    finding
}

pub fn auth_before_tls(ext: &Extensions) -> Option<Found> {
    ext.auth.as_ref().map(|mechanisms| {
        (
            codes::AUTH_BEFORE_TLS,
            format!(
                "AUTH {} is offered before STARTTLS: a client that uses it sends its password \
                 in clear text",
                mechanisms.join(" ")
            ),
        )
    })
}

pub fn starttls_missing(role: Role, after_ehlo: bool) -> Found {
    let why = if after_ehlo {
        "the EHLO reply does not offer STARTTLS"
    } else {
        "after HELO no extension is offered, so no STARTTLS"
    };
    let so = match role {
        Role::Relay => "senders deliver in clear text",
        Role::Submission => {
            "mail programs send messages and passwords in clear text or refuse to connect"
        }
    };
    (codes::STARTTLS_MISSING, format!("{why}: {so}"))
}

pub fn plaintext_after_starttls(leftover: &[u8]) -> Found {
    let shown = crate::dns::bytes_text(&leftover[..leftover.len().min(60)]);
    (
        codes::STARTTLS_PLAINTEXT_AFTER_REPLY,
        format!(
            "{} bytes arrived after the 220 reply to STARTTLS, before TLS: {}",
            leftover.len(),
            crate::sanitize::quoted(&shown)
        ),
    )
}

/// The host name rustls cannot take as a server name: the handshake goes on without SNI.
pub fn sni_unusable(host: &str) -> Found {
    (
        codes::SNI_UNUSABLE,
        format!(
            "{} cannot be sent as the TLS server name (SNI): {}; the probe started TLS without \
             SNI, as an opportunistic sender does, and judged the certificate against the name",
            crate::sanitize::quoted(host),
            crate::tls::unusable_name_reason(host)
        ),
    )
}

/// A handshake that failed after `bytes_read` octets of the session, which may stop at
/// `limit`; `implicit` when TLS was to start with the first byte.
pub fn handshake_failed(
    failure: &HandshakeFailure,
    implicit: bool,
    bytes_read: u64,
    limit: u64,
) -> Found {
    if bytes_read >= limit {
        return (
            codes::SESSION_TOO_LARGE,
            format!(
                "the server sent more than {limit} octets in the session (during the TLS \
                 handshake); the probe stopped reading"
            ),
        );
    }
    match failure.kind {
        // Plain text in answer to the ClientHello on an implicit-TLS port is no failed
        // negotiation but a port set up for something else — most often a 465 set up like 587,
        // greeting in plain SMTP. It has a code of its own, as client-implicit-not-tls for IMAP
        // and POP3, because its fix (turn implicit TLS on) is not a failed handshake's.
        FailureKind::NotTls if implicit => (
            codes::IMPLICIT_NOT_TLS,
            format!(
                "TLS starts with the first byte on this port (implicit TLS), but {}",
                failure.detail
            ),
        ),
        FailureKind::LegacyVersion => (
            codes::TLS_LEGACY_ONLY,
            format!("TLS handshake failed: {}", failure.detail),
        ),
        _ => (
            codes::TLS_HANDSHAKE_FAILED,
            format!("TLS handshake failed: {}", failure.detail),
        ),
    }
}

/// The findings about the certificate chain a handshake with `host` met (completed or not).
pub fn certificate(host: &str, outcome: &TlsOutcome) -> Vec<Found> {
    coded_issues(host, &outcome.facts, &CERT_CODES)
}

/// A refused MAIL or RCPT: an error for 5xx, a warning for 4xx (greylisting, a busy server).
pub fn refused(code: Code, line: &str, reply: &Reply) -> (Found, Option<Severity>) {
    let temporary = if reply.is_transient() {
        " (temporarily; greylisting answers so)"
    } else {
        ""
    };
    let severity = reply.is_transient().then_some(Severity::Warning);
    (
        (code, format!("{line} got {}{temporary}", reply.summary())),
        severity,
    )
}

/// What a reply that could not be read means.
pub enum ReadFailure {
    /// The connection went away; the text says when.
    Dropped(String),
    /// The probe stopped reading at a bound or at a malformed line: a line for the transcript
    /// and the finding.
    Stopped { note: String, found: Found },
}

/// Why `what` (a reply) could not be read.
pub fn read_failed(what: &str, e: ReadError) -> ReadFailure {
    let stopped = |note: String, code, message| ReadFailure::Stopped {
        note,
        found: (code, message),
    };
    match e {
        ReadError::Closed => ReadFailure::Dropped(format!("while waiting for {what}")),
        ReadError::Io(error) => ReadFailure::Dropped(format!("while waiting for {what}: {error}")),
        ReadError::LineTooLong(limit) => stopped(
            format!("a line longer than {limit} octets; stopped reading"),
            codes::REPLY_LINE_TOO_LONG,
            format!(
                "a line of {what} is longer than {limit} octets (RFC 5321 allows 512); the \
                 probe stopped reading"
            ),
        ),
        ReadError::TooManyLines(limit) => stopped(
            format!("more than {limit} lines in one reply; stopped reading"),
            codes::REPLY_TOO_MANY_LINES,
            format!("{what} went on past {limit} lines; the probe stopped reading"),
        ),
        ReadError::TooManyBytes(limit) => stopped(
            format!("{limit} octets read in the session; stopped reading"),
            codes::SESSION_TOO_LARGE,
            format!(
                "the server sent more than {limit} octets in the session (while sending \
                 {what}); the probe stopped reading"
            ),
        ),
        ReadError::Malformed(line) => stopped(
            format!("not a reply line: {line}"),
            codes::REPLY_MALFORMED,
            format!(
                "{what}: {} is not an SMTP reply line",
                crate::sanitize::quoted(&line)
            ),
        ),
    }
}
