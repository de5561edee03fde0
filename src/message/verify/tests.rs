//! Verification against RFC 8463 Appendix A's test vectors, and every result kind.

use base64ct::{Base64, Encoding};

use super::*;
use crate::dkim::Selector;
use crate::dns::FailureKind;
use crate::dns::fake::FakeDns;
use crate::message::canon::Canonicalization::{Relaxed, Simple};
use crate::message::sign::{SignOptions, sign};
use crate::message::signing_key::SigningKey;

/// RFC 8463 Appendix A.3, byte for byte (continuation lines start with one space).
const RFC8463_SIGNED: &str = concat!(
    "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;\r\n",
    " d=football.example.com; i=@football.example.com;\r\n",
    " q=dns/txt; s=brisbane; t=1528637909; h=from : to :\r\n",
    " subject : date : message-id : from : subject : date;\r\n",
    " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n",
    " b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus\r\n",
    " Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==\r\n",
    "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n",
    " d=football.example.com; i=@football.example.com;\r\n",
    " q=dns/txt; s=test; t=1528637909; h=from : to : subject :\r\n",
    " date : message-id : from : subject : date;\r\n",
    " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n",
    " b=F45dVWDfMbQDGHJFlXUNB2HKfbCeLRyhDXgFpEL8GwpsRe0IeIixNTe3\r\n",
    " DhCVlUrSjV4BwcVcOF6+FF3Zo9Rpo1tFOeS9mPYQTnGdaSGsgeefOsk2Jz\r\n",
    " dA+L10TeYt9BgDfQNZtKdN1WO//KgIqXP7OdEFE4LjFYNcUxZQ4FADY+8=\r\n",
    "From: Joe SixPack <joe@football.example.com>\r\n",
    "To: Suzie Q <suzie@shopping.example.net>\r\n",
    "Subject: Is dinner ready?\r\n",
    "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n",
    "Message-ID: <20030712040037.46341.5F8J@football.example.com>\r\n",
    "\r\n",
    "Hi.\r\n",
    "\r\n",
    "We lost the game.  Are you hungry yet?\r\n",
    "\r\n",
    "Joe.\r\n",
);
const RFC8463_TIME: u64 = 1_528_637_909;
const RFC8463_SEED: &str = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";
const RFC8463_ED_KEY: &str = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
const RFC8463_RSA_KEY: &str = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB";
/// A 512-bit RSA public key (SubjectPublicKeyInfo), made with `openssl genrsa 512`.
const RSA_512: &str = "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAJUodQcWUMdKxXTNhRh3KJqmT1eEg1fJUcEcnlMuT+kZpqqxATf9laJycEmh3YkENMtu4yWQEdkdAU/AppvYoTcCAwEAAQ==";

fn rfc_dns() -> FakeDns {
    FakeDns::default()
        .txt("brisbane._domainkey.football.example.com", RFC8463_ED_KEY)
        .txt("test._domainkey.football.example.com", RFC8463_RSA_KEY)
}

fn check(dns: FakeDns, message: &[u8], now: u64) -> DkimVerification {
    let message = Message::parse(message).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(verify_dkim(&Dns::new(dns), &message, now))
}

fn results(v: &DkimVerification) -> Vec<(DkimResult, String)> {
    v.signatures
        .iter()
        .map(|s| (s.result, s.reason.clone()))
        .collect()
}

fn ed_key() -> SigningKey {
    let seed: [u8; 32] = Base64::decode_vec(RFC8463_SEED)
        .unwrap()
        .try_into()
        .unwrap();
    SigningKey::Ed25519(Box::new(ed25519_dalek::SigningKey::from_bytes(&seed)))
}

/// The RFC's message without its signatures, signed by `sign` at `now` with the RFC's key.
fn signed_by_us(expire_after: Option<u64>, extra: &str) -> Vec<u8> {
    let unsigned = &RFC8463_SIGNED[RFC8463_SIGNED.find("From:").unwrap()..];
    let unsigned = format!("{extra}{unsigned}");
    let message = Message::parse(unsigned.as_bytes()).unwrap();
    let options = SignOptions {
        domain: "football.example.com".into(),
        selector: Selector::new("brisbane").unwrap(),
        header_canonicalization: Relaxed,
        body_canonicalization: Simple,
        now: RFC8463_TIME,
        expire_after,
        headers: Vec::new(),
    };
    let field = sign(&message, &ed_key(), &options).unwrap();
    format!("{field}{unsigned}").into_bytes()
}

#[test]
fn the_rfc_8463_message_passes_both_signatures() {
    let v = check(rfc_dns(), RFC8463_SIGNED.as_bytes(), RFC8463_TIME + 60);
    let pass = (DkimResult::Pass, "the signature verifies".to_string());
    assert_eq!(results(&v), [pass.clone(), pass]);
    assert!(v.findings.is_empty(), "{:?}", v.findings);
    let key = v.signatures[0].key.unwrap();
    assert_eq!((key.algorithm, key.bits), (KeyType::Ed25519, 256));
}

#[test]
fn signing_the_rfc_8463_header_data_gives_its_b_and_bh() {
    let message = Message::parse(RFC8463_SIGNED.as_bytes()).unwrap();
    let field = &message.headers[0];
    let sig = DkimSignature::parse(std::str::from_utf8(field.value()).unwrap()).unwrap();
    let bh = body_hash(sig.body_canonicalization, &message.body, None).unwrap();
    assert_eq!(Base64::encode_string(&bh), sig.body_hash);
    let hash = header_hash(
        sig.header_canonicalization,
        &message,
        &sig.headers,
        &without_b(field, &sig),
    );
    let b = ed_key().sign(&hash).unwrap();
    assert_eq!(
        Base64::encode_string(&b),
        "/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11BusFa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw=="
    );
}

#[test]
fn a_changed_body_or_header_fails_and_says_which() {
    let body = RFC8463_SIGNED.replace("hungry", "Hungry");
    let v = check(rfc_dns(), body.as_bytes(), RFC8463_TIME);
    assert_eq!(v.signatures[0].result, DkimResult::Fail);
    assert!(v.signatures[0].reason.starts_with("body hash mismatch"));
    let header = RFC8463_SIGNED.replace("dinner", "Dinner");
    let v = check(rfc_dns(), header.as_bytes(), RFC8463_TIME);
    assert_eq!(v.signatures[1].result, DkimResult::Fail);
    assert!(v.signatures[1].reason.starts_with("signature mismatch"));
    assert!(
        v.findings
            .iter()
            .all(|f| f.code == codes::DKIM_NOT_VERIFIED)
    );
}

#[test]
fn our_signatures_verify_and_over_signed_from_catches_a_second_from() {
    let ours = signed_by_us(None, "");
    let v = check(rfc_dns(), &ours, RFC8463_TIME);
    assert_eq!(
        v.signatures[0].result,
        DkimResult::Pass,
        "{:?}",
        results(&v)
    );
    // A From added on top of a signed message: the over-signed From makes it fail.
    let text = String::from_utf8(ours).unwrap();
    let added = text.replacen("From:", "From: mallory@evil.example\r\nFrom:", 1);
    let v = check(rfc_dns(), added.as_bytes(), RFC8463_TIME);
    assert_eq!(v.signatures[0].result, DkimResult::Fail);
}

#[test]
fn expiry_and_the_future_are_measured_against_the_time_given() {
    let ours = signed_by_us(Some(86_400), "");
    let v = check(rfc_dns(), &ours, RFC8463_TIME + 86_401);
    assert_eq!(v.signatures[0].result, DkimResult::Fail);
    assert!(v.signatures[0].reason.starts_with("expired"));
    let v = check(rfc_dns(), &ours, RFC8463_TIME - 3600);
    assert_eq!(v.signatures[0].result, DkimResult::Policy);
    assert!(v.signatures[0].reason.starts_with("signed in the future"));
}

#[test]
fn every_result_kind_has_its_reason() {
    let cases: Vec<(FakeDns, String, DkimResult, &str)> = vec![
        (
            FakeDns::default(),
            RFC8463_SIGNED.to_string(),
            DkimResult::Permerror,
            "key not found",
        ),
        (
            FakeDns::default().fail(
                "brisbane._domainkey.football.example.com",
                RecordType::Txt,
                FailureKind::Servfail,
            ),
            RFC8463_SIGNED.to_string(),
            DkimResult::Temperror,
            "the key lookup failed",
        ),
        (
            FakeDns::default().txt("brisbane._domainkey.football.example.com", "v=DKIM1; p="),
            RFC8463_SIGNED.to_string(),
            DkimResult::Permerror,
            "key revoked",
        ),
        (
            rfc_dns(),
            RFC8463_SIGNED.replacen(
                "from : to :\r\n subject : date : message-id : from : subject : date;",
                "to : subject;",
                1,
            ),
            DkimResult::Permerror,
            "From not signed",
        ),
        (
            rfc_dns(),
            RFC8463_SIGNED.replacen("i=@football", "i=@basketball", 1),
            DkimResult::Permerror,
            "i=@basketball.example.com is not under d=",
        ),
        (
            rfc_dns(),
            RFC8463_SIGNED.replacen("a=ed25519-sha256", "a=rsa-sha1", 1),
            DkimResult::Fail,
            "algorithm not allowed: rsa-sha1",
        ),
        (
            rfc_dns(),
            RFC8463_SIGNED.replacen("v=1;", "v=1; v=1;", 1),
            DkimResult::Neutral,
            "the signature does not parse",
        ),
        (
            FakeDns::default().txt(
                "brisbane._domainkey.football.example.com",
                &format!("v=DKIM1; k=rsa; p={RSA_512}"),
            ),
            RFC8463_SIGNED.replacen("a=ed25519-sha256", "a=rsa-sha256", 1),
            DkimResult::Fail,
            "algorithm not allowed: a 512-bit RSA key",
        ),
        (
            FakeDns::default().txt("brisbane._domainkey.football.example.com", RFC8463_RSA_KEY),
            RFC8463_SIGNED.to_string(),
            DkimResult::Permerror,
            "the key is rsa, a=ed25519-sha256 needs ed25519",
        ),
    ];
    for (dns, message, result, reason) in cases {
        let v = check(dns, message.as_bytes(), RFC8463_TIME);
        let first = &v.signatures[0];
        assert_eq!(first.result, result, "{reason}: {}", first.reason);
        assert!(
            first.reason.starts_with(reason),
            "{reason}: {}",
            first.reason
        );
    }
}

#[test]
fn more_than_twenty_signatures_is_a_finding_and_the_rest_unexamined() {
    let many = "DKIM-Signature: v=1; junk\r\n".repeat(MAX_SIGNATURES + 5);
    let v = check(
        FakeDns::default(),
        format!("{many}{RFC8463_SIGNED}").as_bytes(),
        0,
    );
    assert_eq!(v.signatures.len(), MAX_SIGNATURES);
    assert!(
        v.findings
            .iter()
            .any(|f| f.code == codes::DKIM_TOO_MANY_SIGNATURES)
    );
}

#[test]
fn lf_files_and_the_mbox_line_verify_as_on_the_wire() {
    let ours = String::from_utf8(signed_by_us(None, "")).unwrap();
    let lf = format!(
        "From joe@football.example.com Sat Jul 12 04:00:37 2003\n{}",
        ours.replace("\r\n", "\n")
    );
    let v = check(rfc_dns(), lf.as_bytes(), RFC8463_TIME);
    assert_eq!(
        v.signatures[0].result,
        DkimResult::Pass,
        "{:?}",
        results(&v)
    );
}
