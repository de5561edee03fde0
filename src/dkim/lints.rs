//! Lints of one DKIM key record (RFC 6376 §3.6.1, RFC 8301, RFC 8463): syntax, `v=`, the
//! key's type, encoding and size, `h=`, `s=`, `t=`, `g=`, and the character-strings it is
//! published in. Lints across a domain's selectors live in the audit.

use std::sync::Arc;

use serde::Serialize;

use crate::dns::Txt;
use crate::finding::{Capped, Finding};

use super::key::{self, KeyError};
use super::parse::{ParsedRecord, parse};
use super::{DkimKeyRecord, KeyEncoding, KeyType, codes};

/// RFC 1035 §3.3: one character-string.
pub const STRING_SIZE_LIMIT: usize = 255;
/// RFC 8301 §3.2: verifiers must not accept shorter RSA keys.
pub const RSA_MIN_BITS: usize = 1024;
/// RFC 8301 §3.2: signers should use at least this many bits.
pub const RSA_RECOMMENDED_BITS: usize = 2048;

/// What the key in `p=` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KeyInfo {
    pub algorithm: KeyType,
    pub bits: usize,
    pub encoding: KeyEncoding,
}

/// One record, linted.
#[derive(Debug, Clone)]
pub struct Linted {
    pub record: DkimKeyRecord,
    /// The decoded key; `None` when revoked, missing or undecodable.
    pub key: Option<key::DecodedKey>,
    pub findings: Vec<Finding>,
}

impl Linted {
    pub fn key_info(&self) -> Option<KeyInfo> {
        self.key.as_ref().map(|k| KeyInfo {
            algorithm: k.data.key_type(),
            bits: k.data.bits(),
            encoding: k.encoding,
        })
    }
}

/// Lints `txt`, the key record found at (or given for) `subject`. The findings are capped per
/// code: a hostile record may hold thousands of bad elements.
pub fn lint_record(subject: &str, txt: &Txt) -> Linted {
    // One copy of the text, shared by every finding that points into it.
    let text: Arc<str> = txt.text().into();
    let ParsedRecord { record, errors } = parse(&text);
    let mut out = Capped::new();
    for (i, s) in txt.strings.iter().enumerate() {
        if s.len() > STRING_SIZE_LIMIT {
            out.push(Finding::new(
                codes::STRING_TOO_LONG,
                subject,
                format!(
                    "string {} of the record is {} bytes, limit {STRING_SIZE_LIMIT}",
                    i + 1,
                    s.len()
                ),
            ));
        }
    }
    for e in &errors {
        let message = format!("{} (at byte {})", e.message, e.span.start);
        out.push(Finding::new(codes::SYNTAX_ERROR, subject, message).at(
            &text,
            e.span.start,
            e.span.end,
        ));
    }
    lint_version(subject, &record, &text, &mut out);
    lint_tags(subject, &record, &text, &mut out);
    let p_tag = record.tags.get("p");
    // A p= with stray characters is reported as such; decoding what is left would only repeat it.
    let p_clean = p_tag.is_some_and(|p| {
        !errors
            .iter()
            .any(|e| e.span.start >= p.span.start && e.span.end <= p.span.end)
    });
    let mut key_findings = Vec::new();
    let key = match (record.key_algorithm(), &record.public_key) {
        (Ok(algorithm), Some(p)) if !p.is_empty() && p_clean => {
            lint_key(subject, algorithm, p, &mut key_findings)
        }
        _ => None,
    };
    if let Some(p) = p_tag {
        // The key itself is hundreds of characters: point at its tag, not under all of it.
        let at = |f: Finding| f.at(&text, p.span.start, p.value_span.start);
        key_findings = key_findings.into_iter().map(at).collect();
        if record.revoked() {
            key_findings.push(at(Finding::new(
                codes::KEY_REVOKED,
                subject,
                "p= is empty: the key is revoked",
            )));
        }
    }
    out.extend(key_findings);
    Linted {
        record,
        key,
        findings: out.into_vec(),
    }
}

fn lint_version(subject: &str, record: &DkimKeyRecord, text: &Arc<str>, out: &mut Capped) {
    let Some((index, v)) = record
        .tags
        .tags
        .iter()
        .enumerate()
        .find(|(_, t)| t.name == "v")
    else {
        return;
    };
    if index > 0 {
        out.push(
            Finding::new(
                codes::VERSION_NOT_FIRST,
                subject,
                format!(
                    "v= is tag {} of the record; it must be the first",
                    index + 1
                ),
            )
            .at(text, v.span.start, v.span.end),
        );
    }
    if v.value != "DKIM1" {
        out.push(
            Finding::new(
                codes::BAD_VERSION,
                subject,
                format!("v={}; the only version is DKIM1", v.value),
            )
            .at(text, v.span.start, v.span.end),
        );
    }
}

/// k=, h=, s=, t= and g=.
fn lint_tags(subject: &str, record: &DkimKeyRecord, text: &Arc<str>, out: &mut Capped) {
    let at = |name: &str, f: Finding| match record.tags.get(name) {
        Some(t) => f.at(text, t.span.start, t.span.end),
        None => f,
    };
    if let Err(k) = record.key_algorithm() {
        let message = format!("k={k}; the key types are rsa and ed25519");
        out.push(at(
            "k",
            Finding::new(codes::UNKNOWN_KEY_TYPE, subject, message),
        ));
    }
    if let Some(hashes) = &record.hashes {
        let has = |name: &str| hashes.iter().any(|h| h.eq_ignore_ascii_case(name));
        let listed = hashes.join(":");
        if !has("sha256") && has("sha1") {
            let message = format!("h={listed}: only sha1, which verifiers no longer accept");
            out.push(at(
                "h",
                Finding::new(codes::HASH_SHA1_ONLY, subject, message),
            ));
        } else if !has("sha256") {
            let message = format!("h={listed}: neither sha256 nor sha1");
            out.push(at("h", Finding::new(codes::HASH_UNKNOWN, subject, message)));
        }
    }
    if let Some(services) = &record.services
        && !services
            .iter()
            .any(|s| s == "*" || s.eq_ignore_ascii_case("email"))
    {
        let message = format!(
            "s={}: the key may not be used for email",
            services.join(":")
        );
        out.push(at(
            "s",
            Finding::new(codes::SERVICE_EXCLUDES_EMAIL, subject, message),
        ));
    }
    if record.testing() {
        let message = "t=y: verifiers treat signed mail like unsigned mail";
        out.push(at("t", Finding::new(codes::TESTING, subject, message)));
    }
    if let Some(g) = &record.granularity
        && !g.is_empty()
        && g != "*"
    {
        let message = format!("g={g}: only some receivers still restrict the key to it");
        out.push(at("g", Finding::new(codes::GRANULARITY, subject, message)));
    }
}

/// Decodes `p` as `algorithm` and checks its size and encoding.
fn lint_key(
    subject: &str,
    algorithm: KeyType,
    p: &str,
    out: &mut Vec<Finding>,
) -> Option<key::DecodedKey> {
    let key = match key::decode(algorithm, p) {
        Ok(key) => key,
        Err(e) => {
            let code = match e {
                KeyError::Mismatch { .. } => codes::KEY_TYPE_MISMATCH,
                KeyError::Ed25519Size { .. } => codes::ED25519_KEY_SIZE,
                _ => codes::KEY_UNDECODABLE,
            };
            out.push(Finding::new(code, subject, e.to_string()));
            return None;
        }
    };
    let bits = key.data.bits();
    if algorithm == KeyType::Rsa {
        if bits < RSA_MIN_BITS {
            let message =
                format!("the RSA key is {bits} bits; verifiers reject keys under {RSA_MIN_BITS}");
            out.push(Finding::new(codes::KEY_TOO_SHORT, subject, message));
        } else if bits < RSA_RECOMMENDED_BITS {
            let message = format!(
                "the RSA key is {bits} bits; at least {RSA_RECOMMENDED_BITS} are recommended"
            );
            out.push(Finding::new(codes::KEY_SHORT, subject, message));
        }
        if key.encoding == KeyEncoding::Pkcs1 {
            let message = format!(
                "the {bits}-bit RSA key is a bare RSAPublicKey, not a SubjectPublicKeyInfo"
            );
            out.push(Finding::new(codes::KEY_PKCS1, subject, message));
        }
    }
    Some(key)
}
