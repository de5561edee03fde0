//! Proving a key end to end (RFC 6376 §5, §6): a small message signed with the private key and
//! verified through DNS against the record published for it, as any receiver would — what `dkim
//! rotate --activate --verify-signing` asks before the signer switches to the key.

use crate::dkim::Selector;
use crate::dns::Dns;

use super::canon::Canonicalization::Relaxed;
use super::sign::{SignOptions, sign};
use super::signing_key::SigningKey;
use super::verify::verify_dkim;
use super::{DkimResult, Message};

/// Signs a test message from `postmaster@domain` with `key` under `selector` at `now` (seconds
/// since 1970) and verifies it through `dns`: `Ok` when it passes, else why not, in words.
pub async fn prove(
    dns: &Dns,
    domain: &str,
    selector: &Selector,
    key: &SigningKey,
    now: u64,
) -> Result<(), String> {
    let text = format!(
        "From: postmaster@{domain}\r\nTo: postmaster@{domain}\r\nSubject: DKIM signing test of \
         selector {selector}\r\nMessage-ID: <dkim-test-{now}.{selector}@{domain}>\r\n\r\nA \
         message signed with the new key to verify it through DNS before it is used.\r\n"
    );
    let message = Message::parse(text.as_bytes()).map_err(|e| e.to_string())?;
    let options = SignOptions {
        domain: domain.to_string(),
        selector: selector.clone(),
        header_canonicalization: Relaxed,
        body_canonicalization: Relaxed,
        now,
        expire_after: None,
        headers: Vec::new(),
    };
    let field = sign(&message, key, &options).map_err(|e| e.to_string())?;
    let signed = Message::parse(format!("{field}{text}").as_bytes()).map_err(|e| e.to_string())?;
    let verification = verify_dkim(dns, &signed, now).await;
    match verification.signatures.first() {
        Some(check) if check.result == DkimResult::Pass => Ok(()),
        Some(check) => Err(format!("{}: {}", check.result, check.reason)),
        None => Err("the signed message carries no signature".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dkim::KeyType;
    use crate::dkim::keygen::{PrivateKey, RecordOptions, record_value};
    use crate::dns::fake::FakeDns;

    #[tokio::test]
    async fn the_published_key_passes_and_another_fails() {
        let key = PrivateKey::generate(KeyType::Ed25519, 256).unwrap();
        let other = PrivateKey::generate(KeyType::Ed25519, 256).unwrap();
        let value = |k: &PrivateKey| {
            record_value(
                KeyType::Ed25519,
                &k.p_value().unwrap(),
                &RecordOptions::default(),
            )
        };
        let selector = Selector::new("s2026q4").unwrap();
        let signing = SigningKey::from_pem(&key.to_pkcs8_pem().unwrap()).unwrap();
        let good = FakeDns::default().txt("s2026q4._domainkey.example.com", &value(&key));
        let now = 1_796_576_128;
        assert_eq!(
            prove(&Dns::new(good), "example.com", &selector, &signing, now).await,
            Ok(())
        );
        let bad = FakeDns::default().txt("s2026q4._domainkey.example.com", &value(&other));
        let why = prove(&Dns::new(bad), "example.com", &selector, &signing, now)
            .await
            .unwrap_err();
        assert!(why.starts_with("fail"), "{why}");
    }
}
