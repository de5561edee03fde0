//! DKIM verification (RFC 6376 §6, RFC 8301, RFC 8463): each DKIM-Signature field of a message,
//! at most [`MAX_SIGNATURES`], checked — its tags, the key DNS publishes (read and linted by
//! `crate::dkim`), the body hash and the signature — to one RFC 8601 result with the reason in
//! words. The time is a parameter, so `x=` and `t=` checks are reproducible.

use base64ct::{Base64, Encoding};

use crate::dkim::codes as dkim_codes;
use crate::dkim::lints::{Linted, RSA_MIN_BITS, lint_record};
use crate::dkim::{KeyType, PublicKeyData};
use crate::dns::{Dns, RecordType};
use crate::finding::Finding;

use super::hash::{LengthBeyondBody, body_hash, header_hash};
use super::read::{HeaderField, Message};
use super::signature::{DkimSignature, SigningAlgorithm};
use super::{DkimResult, DkimVerification, SignatureCheck, codes};

/// Most DKIM-Signature fields examined (the bound); the rest are a finding.
pub const MAX_SIGNATURES: usize = 20;
/// How far in the future `t=` may be before it is refused: clocks drift.
pub const CLOCK_SKEW_SECS: u64 = 300;

/// A value, or the result it ends in and why.
pub(crate) type Outcome<T> = Result<T, (DkimResult, String)>;

/// Checks every DKIM-Signature of `message` at `now` (seconds since 1970).
pub async fn verify_dkim(dns: &Dns, message: &Message, now: u64) -> DkimVerification {
    let fields: Vec<&HeaderField> = message.fields("DKIM-Signature").collect();
    let mut findings = Vec::new();
    if fields.len() > MAX_SIGNATURES {
        findings.push(Finding::new(
            codes::DKIM_TOO_MANY_SIGNATURES,
            "DKIM-Signature",
            format!(
                "{} DKIM-Signature fields; the first {MAX_SIGNATURES} were checked",
                fields.len()
            ),
        ));
    }
    let mut signatures = Vec::new();
    for (i, field) in fields.iter().take(MAX_SIGNATURES).enumerate() {
        let check = verify_one(dns, message, field, i + 1, now).await;
        let subject = subject(&check);
        if check.result != DkimResult::Pass {
            findings.push(Finding::new(
                codes::DKIM_NOT_VERIFIED,
                &subject,
                format!("{}: {}", check.result, check.reason),
            ));
        } else if let Some(l) = check.signature.as_ref().and_then(|s| s.length) {
            findings.push(Finding::new(
                codes::DKIM_BODY_LENGTH,
                &subject,
                format!("l={l}: only the first {l} bytes of the canonical body are signed"),
            ));
        }
        signatures.push(check);
    }
    DkimVerification {
        signatures,
        findings,
    }
}

/// "DKIM-Signature 1 (d=example.com, s=sel)".
fn subject(check: &SignatureCheck) -> String {
    match &check.signature {
        Some(s) => format!(
            "DKIM-Signature {} (d={}, s={})",
            check.index,
            crate::sanitize::escape(&s.domain),
            crate::sanitize::escape(&s.selector)
        ),
        None => format!("DKIM-Signature {}", check.index),
    }
}

async fn verify_one(
    dns: &Dns,
    message: &Message,
    field: &HeaderField,
    index: usize,
    now: u64,
) -> SignatureCheck {
    let mut check = SignatureCheck {
        index,
        signature: None,
        key_name: None,
        key: None,
        key_findings: Vec::new(),
        result: DkimResult::Pass,
        reason: String::new(),
    };
    let outcome = run_checks(dns, message, field, now, &mut check).await;
    (check.result, check.reason) = match outcome {
        Ok(()) => (DkimResult::Pass, "the signature verifies".into()),
        Err(failure) => failure,
    };
    check
}

async fn run_checks(
    dns: &Dns,
    message: &Message,
    field: &HeaderField,
    now: u64,
    check: &mut SignatureCheck,
) -> Outcome<()> {
    let neutral = |why: String| (DkimResult::Neutral, why);
    let value = std::str::from_utf8(field.value())
        .map_err(|_| neutral("the DKIM-Signature field is not UTF-8 text".into()))?;
    let sig = DkimSignature::parse(value).map_err(|e| {
        neutral(format!(
            "the signature does not parse: {} (at byte {} of the value)",
            e.message, e.span.start
        ))
    })?;
    check.signature = Some(sig.clone());
    check_tags(&sig, now)?;
    let (bh, b) = decoded(&sig)?;
    let name = key_name(&sig.selector, &sig.domain)?;
    check.key_name = Some(name.clone());
    let linted = fetch_key(dns, &name).await?;
    check.key = linted.key_info();
    check.key_findings.clone_from(&linted.findings);
    let key = usable_key(&linted, sig.algorithm, sig.identity.as_deref(), &sig.domain)?;
    let fail = |why: String| (DkimResult::Fail, why);
    let computed = body_hash(sig.body_canonicalization, &message.body, sig.length).map_err(
        |LengthBeyondBody { body_bytes }| {
            (
                DkimResult::Permerror,
                format!(
                    "l={} is longer than the canonical body ({body_bytes} bytes)",
                    sig.length.unwrap_or_default()
                ),
            )
        },
    )?;
    if computed[..] != bh[..] {
        return Err(fail(
            "body hash mismatch: the body changed after signing".into(),
        ));
    }
    let own = without_b(field, &sig);
    let hash = header_hash(sig.header_canonicalization, message, &sig.headers, &own);
    check_signature(&key, &hash, &b).map_err(fail)
}

/// The field as written with `b=`'s value deleted.
pub(crate) fn without_b(field: &HeaderField, sig: &DkimSignature) -> Vec<u8> {
    let start = field.value_start + sig.b_value.start;
    let end = field.value_start + sig.b_value.end;
    [&field.raw[..start], &field.raw[end..]].concat()
}

/// What the tags alone decide (RFC 6376 §6.1.1, RFC 8301).
fn check_tags(sig: &DkimSignature, now: u64) -> Outcome<()> {
    let permerror = |why: String| Err((DkimResult::Permerror, why));
    if sig.algorithm == SigningAlgorithm::RsaSha1 {
        return Err((
            DkimResult::Fail,
            "algorithm not allowed: rsa-sha1 is no longer accepted (RFC 8301 §3.1)".into(),
        ));
    }
    if !sig.headers.iter().any(|h| h.eq_ignore_ascii_case("from")) {
        return permerror("From not signed: h= does not name From".into());
    }
    if let Some(i) = &sig.identity
        && !under(identity_domain(i), &sig.domain)
    {
        return permerror(format!(
            "i={} is not under d={}",
            crate::sanitize::escape(i),
            crate::sanitize::escape(&sig.domain)
        ));
    }
    if let Some(q) = &sig.query
        && !q
            .split(':')
            .any(|m| m.trim().eq_ignore_ascii_case("dns/txt"))
    {
        return permerror(format!(
            "q={} names no query method but dns/txt, the only one defined",
            crate::sanitize::escape(q)
        ));
    }
    if let (Some(t), Some(x)) = (sig.timestamp, sig.expiration)
        && x < t
    {
        return permerror(format!("x={x} is before t={t}"));
    }
    if let Some(x) = sig.expiration
        && x < now
    {
        return Err((
            DkimResult::Fail,
            format!("expired: x={x} is {} seconds ago", now - x),
        ));
    }
    if let Some(t) = sig.timestamp
        && t > now.saturating_add(CLOCK_SKEW_SECS)
    {
        return Err((
            DkimResult::Policy,
            format!(
                "signed in the future: t={t} is {} seconds from now",
                t - now
            ),
        ));
    }
    Ok(())
}

/// The domain of `i=` (`[local-part] "@" domain`).
fn identity_domain(i: &str) -> &str {
    i.rsplit_once('@').map_or(i, |(_, d)| d)
}

/// `sub` is `domain` or a subdomain of it (names compare case-insensitively).
fn under(sub: &str, domain: &str) -> bool {
    let sub = sub.trim_end_matches('.').to_ascii_lowercase();
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    sub == domain || sub.ends_with(&format!(".{domain}"))
}

/// `bh=` and `b=` as bytes.
fn decoded(sig: &DkimSignature) -> Outcome<(Vec<u8>, Vec<u8>)> {
    let decode = |name: &str, v: &str| {
        Base64::decode_vec(v).map_err(|_| {
            (
                DkimResult::Permerror,
                format!("{name}= is not valid base64"),
            )
        })
    };
    Ok((decode("bh", &sig.body_hash)?, decode("b", &sig.signature)?))
}

/// `s._domainkey.d`, when both are domain names.
pub(crate) fn key_name(selector: &str, domain: &str) -> Outcome<String> {
    let selector = crate::dkim::Selector::new(selector).map_err(|e| (DkimResult::Permerror, e))?;
    let domain = crate::dns::name::normalize_domain(domain).map_err(|e| {
        (
            DkimResult::Permerror,
            format!("d= is not a domain name: {e}"),
        )
    })?;
    Ok(selector.record_name(&domain))
}

/// The key record at `name`, linted.
pub(crate) async fn fetch_key(dns: &Dns, name: &str) -> Outcome<Linted> {
    let answer = dns.lookup(name, RecordType::Txt).await.map_err(|e| {
        (
            DkimResult::Temperror,
            format!("the key lookup failed: {}", e.detail),
        )
    })?;
    let txts = crate::dns::txts(answer.records());
    let Some(txt) = txts.first() else {
        return Err((
            DkimResult::Permerror,
            format!("key not found: no TXT record at {name}"),
        ));
    };
    Ok(lint_record(name, txt))
}

/// The public key, when the record allows it to verify a signature made with `algorithm` by
/// `identity` (`i=`, DKIM only) for `domain` (RFC 6376 §6.1.2).
pub(crate) fn usable_key(
    linted: &Linted,
    algorithm: SigningAlgorithm,
    identity: Option<&str>,
    domain: &str,
) -> Outcome<PublicKeyData> {
    let permerror = |why: String| Err((DkimResult::Permerror, why));
    let record = &linted.record;
    if let Some(f) = linted
        .findings
        .iter()
        .find(|f| f.code == dkim_codes::SYNTAX_ERROR)
    {
        return permerror(format!("the key record does not parse: {}", f.message));
    }
    if record.version.as_deref().is_some_and(|v| v != "DKIM1") {
        return permerror("the key record's v= is not DKIM1".into());
    }
    if record.revoked() {
        return permerror("key revoked: the record's p= is empty".into());
    }
    let wanted = match algorithm {
        SigningAlgorithm::Ed25519Sha256 => KeyType::Ed25519,
        _ => KeyType::Rsa,
    };
    match record.key_algorithm() {
        Ok(k) if k == wanted => {}
        Ok(k) => {
            return permerror(format!(
                "the key is {k}, a={} needs {wanted}",
                algorithm.as_str()
            ));
        }
        Err(k) => {
            return permerror(format!(
                "the key's k={} is unknown",
                crate::sanitize::escape(k)
            ));
        }
    }
    record_allows(record, identity, domain)?;
    let Some(key) = &linted.key else {
        let why = linted
            .findings
            .first()
            .map_or_else(|| "no usable key".to_string(), |f| f.message.clone());
        return permerror(format!("the key cannot be used: {why}"));
    };
    if key.data.key_type() == KeyType::Rsa && key.data.bits() < RSA_MIN_BITS {
        return Err((
            DkimResult::Fail,
            format!(
                "algorithm not allowed: a {}-bit RSA key is under {RSA_MIN_BITS} bits (RFC 8301 §3.2)",
                key.data.bits()
            ),
        ));
    }
    Ok(key.data.clone())
}

/// What the key record's `h=`, `s=` and `t=s` allow (RFC 6376 §3.6.1).
fn record_allows(
    record: &crate::dkim::DkimKeyRecord,
    identity: Option<&str>,
    domain: &str,
) -> Outcome<()> {
    let permerror = |why: String| Err((DkimResult::Permerror, why));
    if let Some(h) = &record.hashes
        && !h.iter().any(|h| h == "sha256")
    {
        return permerror("the key's h= does not allow sha256".into());
    }
    if let Some(s) = &record.services
        && !s.iter().any(|s| s == "*" || s == "email")
    {
        return permerror("the key's s= does not allow email".into());
    }
    if record.flags.iter().any(|f| f == "s")
        && let Some(i) = identity
        && !identity_domain(i).eq_ignore_ascii_case(domain)
    {
        return permerror("the key's t=s needs i= to be in d= itself, not a subdomain".into());
    }
    Ok(())
}

/// Checks `signature` over `hash` (RSASSA-PKCS1-v1_5, or Ed25519 over the hash: RFC 8463 §3).
pub(crate) fn check_signature(
    key: &PublicKeyData,
    hash: &[u8; 32],
    signature: &[u8],
) -> Result<(), String> {
    let mismatch = || {
        "signature mismatch: a signed header field changed, or the key is not the signer's"
            .to_string()
    };
    match key {
        PublicKeyData::Rsa { modulus, exponent } => {
            let uint = |bytes: &[u8]| {
                let bits = u32::try_from(bytes.len() * 8).unwrap_or(u32::MAX);
                rsa::BoxedUint::from_be_slice(bytes, bits)
                    .map_err(|e| format!("the RSA key cannot be used: {e}"))
            };
            let public = rsa::PublicKey::new(uint(modulus)?, uint(exponent)?)
                .map_err(|e| format!("the RSA key cannot be used: {e}"))?;
            public
                .verify(
                    rsa::Pkcs1v15Sign::new::<rsa::sha2::Sha256>(),
                    hash,
                    signature,
                )
                .map_err(|_| mismatch())
        }
        PublicKeyData::Ed25519(raw) => {
            use ed25519_dalek::Verifier;
            let key = ed25519_dalek::VerifyingKey::from_bytes(raw)
                .map_err(|_| "the Ed25519 key is not a point on the curve".to_string())?;
            let signature =
                ed25519_dalek::Signature::from_slice(signature).map_err(|_| mismatch())?;
            key.verify(hash, &signature).map_err(|_| mismatch())
        }
    }
}

#[cfg(test)]
mod tests;
