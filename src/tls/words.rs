//! rustls's and webpki's errors in a reader's words (RFC 8446 §6 alerts, RFC 5280 §6 path
//! validation). Their own `Display` prints Rust names — `invalid peer certificate: BadEncoding`,
//! `Other(OtherError(MaximumPathDepthExceeded))`, `received fatal alert: HandshakeFailure` —
//! which a report must not show.

use rustls::{AlertDescription, CertificateError, Error};

/// A TLS error as a report says it.
pub fn tls_error(e: &Error) -> String {
    let named = |value: &dyn std::fmt::Debug| words(&format!("{value:?}"));
    match e {
        Error::InappropriateMessage { got_type, .. } => {
            format!("the server sent an unexpected {} message", named(got_type))
        }
        Error::InappropriateHandshakeMessage { got_type, .. } => format!(
            "the server sent an unexpected {} handshake message",
            named(got_type)
        ),
        Error::InvalidMessage(why) => {
            format!("the server sent a malformed message ({})", named(why))
        }
        Error::PeerIncompatible(why) => format!("the server is incompatible: {}", named(why)),
        Error::PeerMisbehaved(why) => format!("the server misbehaved: {}", named(why)),
        Error::AlertReceived(alert) => format!("the server sent the alert {}", alert_name(*alert)),
        Error::InvalidCertificate(why) => format!("the certificate {}", certificate_error(why)),
        Error::NoCertificatesPresented => "the server sent no certificate".to_string(),
        Error::Other(other) => words(&other.to_string()),
        other => other.to_string(),
    }
}

/// What is wrong with a certificate, said of it ("has expired", "cannot be decoded").
pub fn certificate_error(e: &CertificateError) -> String {
    use CertificateError as E;
    let said = match e {
        E::BadEncoding => "cannot be decoded (it is not a DER X.509 certificate)",
        E::Expired | E::ExpiredContext { .. } => "has expired",
        E::NotValidYet | E::NotValidYetContext { .. } => "is not valid yet",
        E::Revoked => "is revoked",
        E::UnhandledCriticalExtension => "has a critical extension that is not understood",
        E::UnknownIssuer => "is issued by a CA that is not trusted",
        E::UnknownRevocationStatus => "has a revocation status that is unknown",
        E::ExpiredRevocationList | E::ExpiredRevocationListContext { .. } => {
            "is checked against a revocation list that has expired"
        }
        E::BadSignature => "carries a signature that does not verify",
        // Deprecated in rustls, which still returns it from older paths.
        #[allow(deprecated)]
        E::UnsupportedSignatureAlgorithm
        | E::UnsupportedSignatureAlgorithmContext { .. }
        | E::UnsupportedSignatureAlgorithmForPublicKeyContext { .. } => {
            "is signed with an algorithm that is not supported"
        }
        E::NotValidForName | E::NotValidForNameContext { .. } => {
            "is not valid for the name asked for"
        }
        E::InvalidPurpose | E::InvalidPurposeContext { .. } => {
            "is not for TLS server authentication (extended key usage)"
        }
        E::InvalidOcspResponse => "comes with an OCSP response that is not valid",
        E::ApplicationVerificationFailure => "is refused by the verifier",
        // webpki's own errors (a chain too deep, a name constraint broken) come through here,
        // with only their Rust name to tell them.
        E::Other(other) => return format!("fails validation: {}", words(&other.to_string())),
        other => return format!("fails validation: {}", words(&format!("{other:?}"))),
    };
    said.to_string()
}

/// An alert by its name in RFC 8446 §6 and its number: "handshake_failure (40)".
fn alert_name(alert: AlertDescription) -> String {
    let number = u8::from(alert);
    let debug = format!("{alert:?}");
    if debug.contains('(') {
        // Not one rustls knows; its Debug is "AlertDescription(0x..)".
        return format!("number {number}");
    }
    format!(
        "{} ({number})",
        words(&debug).to_lowercase().replace(' ', "_")
    )
}

/// The Rust name at the start of a `Debug` text, in words: "MaximumPathDepthExceeded" becomes
/// "maximum path depth exceeded", "UnknownCA" "unknown CA"; a trailing "Context" (the variant
/// that carries values) is left out.
fn words(debug: &str) -> String {
    let name: String = debug
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let name = name.strip_suffix("Context").unwrap_or(&name);
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let after_lower = i > 0 && !chars[i - 1].is_ascii_uppercase();
        let acronym_ends = i > 0
            && chars[i - 1].is_ascii_uppercase()
            && chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
        if c.is_ascii_uppercase() && (after_lower || acronym_ends) && !word.is_empty() {
            push_word(&mut out, &word);
            word.clear();
        }
        word.push(c);
    }
    push_word(&mut out, &word);
    if out.is_empty() {
        debug.trim().to_string()
    } else {
        out
    }
}

/// Appends `word` to `out`, lowercased unless it is an acronym ("CA", "OCSP").
fn push_word(out: &mut String, word: &str) {
    if word.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    if word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase()) {
        out.push_str(word);
    } else {
        out.push_str(&word.to_ascii_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use rustls::OtherError;

    use super::*;

    /// An error whose `Display` is a Rust name, as webpki's are.
    #[derive(Debug)]
    struct MaximumPathDepthExceeded;

    impl std::fmt::Display for MaximumPathDepthExceeded {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{self:?}")
        }
    }

    impl std::error::Error for MaximumPathDepthExceeded {}

    #[test]
    fn says_rust_names_in_words() {
        assert_eq!(
            words("MaximumPathDepthExceeded"),
            "maximum path depth exceeded"
        );
        assert_eq!(words("UnknownCA"), "unknown CA");
        assert_eq!(words("BadDer"), "bad der");
        assert_eq!(
            words("UnsupportedSignatureAlgorithmContext { id: [1] }"),
            "unsupported signature algorithm"
        );
        assert_eq!(words("?"), "?");
    }

    #[test]
    fn says_certificate_and_handshake_errors_without_rust_names() {
        let deep = CertificateError::Other(OtherError(Arc::new(MaximumPathDepthExceeded)));
        assert_eq!(
            certificate_error(&deep),
            "fails validation: maximum path depth exceeded"
        );
        let bad = Error::InvalidCertificate(CertificateError::BadEncoding);
        assert!(tls_error(&bad).starts_with("the certificate cannot be decoded"));
        let alert = Error::AlertReceived(AlertDescription::HandshakeFailure);
        assert_eq!(
            tls_error(&alert),
            "the server sent the alert handshake_failure (40)"
        );
        let unknown = Error::AlertReceived(AlertDescription::from(0x7f));
        assert_eq!(tls_error(&unknown), "the server sent the alert number 127");
    }
}
