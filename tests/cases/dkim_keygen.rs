//! `mailaudit dkim keygen` and `dkim verify-published` through the binary: the written PEM and
//! TXT files read back (sizes, mode, 255-byte strings, SPKI and raw encodings), files never
//! overwritten, and sign-and-verify round trips — signed with the private key file, verified
//! with the key decoded from the published TXT record — for RSA and Ed25519, also with the RFC
//! examples' keys.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use base64ct::{Base64, Encoding};
use ed25519_dalek::Signer;
use mailaudit::dkim::key::{PublicKeyData, decode};
use mailaudit::dkim::{KeyEncoding, KeyType};
use mailaudit::dns::Txt;
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::pkcs8::DecodePrivateKey;
use rsa::sha2::Sha256;

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dkim_keys::{RFC8463_BRISBANE, RFC8463_SEED};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{DkimKeygenReport, DkimVerifyReport};
use crate::support::temp::TempDir;

fn keygen(dir: &Path, extra: &[&str]) -> Output {
    Mailaudit::new()
        .format("json")
        .args([
            "dkim",
            "keygen",
            "--domain",
            "example.com",
            "--selector",
            "s1",
            "--out",
        ])
        .arg(dir)
        .args(extra)
        .run()
}

/// The strings of the zone-file line `NAME. IN TXT ( "..." "..." )`.
fn zone_strings(line: &str) -> Vec<Vec<u8>> {
    let inner = line.split_once('(').unwrap().1.rsplit_once(')').unwrap().0;
    Txt::from_typed(inner).unwrap().strings
}

/// The public key of the record in a TXT file, decoded as a verifier would.
fn published_key(txt_file: &Path) -> (KeyType, mailaudit::dkim::DecodedKey) {
    let line = std::fs::read_to_string(txt_file).unwrap();
    let strings = zone_strings(&line);
    for s in &strings {
        assert!(s.len() <= 255, "a string of {} bytes", s.len());
    }
    let value = String::from_utf8(strings.concat()).unwrap();
    let parsed = mailaudit::dkim::parse::parse(&value);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let algorithm = parsed.record.key_algorithm().unwrap();
    (
        algorithm,
        decode(algorithm, parsed.record.public_key.as_deref().unwrap()).unwrap(),
    )
}

#[test]
fn rsa_keygen_writes_a_0600_pkcs8_key_and_a_split_txt_line() {
    let dir = TempDir::new("keygen-rsa");
    let out = keygen(dir.path(), &[]);
    out.assert_success();
    let report: DkimKeygenReport = out.json_as();
    assert_eq!((report.algorithm.as_str(), report.bits), ("rsa", 2048));
    let key_file = dir.path().join("s1.example.com.pem");
    assert_eq!(Path::new(&report.key_file), key_file);
    let mode = std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let pem = std::fs::read_to_string(&key_file).unwrap();
    assert!(
        pem.starts_with("-----BEGIN PRIVATE KEY-----\n"),
        "unencrypted PKCS#8"
    );
    let private = rsa::PrivateKey::from_pkcs8_pem(&pem).unwrap();
    let (algorithm, public) = published_key(Path::new(&report.txt_file));
    assert_eq!(algorithm, KeyType::Rsa);
    assert_eq!(public.encoding, KeyEncoding::Spki);
    assert_eq!(
        public.data,
        mailaudit::dkim::key::rsa_public_data(private.as_public_key())
    );
    assert_eq!(public.data.bits(), 2048);
    assert_eq!(
        report
            .record
            .strings
            .iter()
            .map(String::len)
            .collect::<Vec<_>>(),
        [255, 155]
    );
    assert_eq!(report.record.strings.concat(), report.record.value);
    assert_eq!(report.record.name, "s1._domainkey.example.com");
    assert!(
        report
            .record
            .zone_line
            .starts_with("s1._domainkey.example.com. IN TXT ( \"v=DKIM1; k=rsa; p=MIIBIjAN")
    );
}

#[test]
fn ed25519_keygen_publishes_the_raw_32_byte_key() {
    let dir = TempDir::new("keygen-ed");
    let out = keygen(
        dir.path(),
        &[
            "--algorithm",
            "ed25519",
            "--testing",
            "--hash",
            "sha256",
            "--service",
            "email",
        ],
    );
    out.assert_success();
    let report: DkimKeygenReport = out.json_as();
    assert_eq!(
        report.record.value.len(),
        "v=DKIM1; k=ed25519; h=sha256; s=email; t=y; p=".len() + 44
    );
    let pem = std::fs::read_to_string(&report.key_file).unwrap();
    let private = ed25519_dalek::SigningKey::from_pkcs8_pem(&pem).unwrap();
    // PKCS#8 version 1 (RFC 5208), 48 bytes, as `openssl genpkey -algorithm ed25519` writes it:
    // OpenSSL 3.0, which signers load keys with, refuses version 2 with the public key inside.
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = Base64::decode_vec(&body).unwrap();
    assert_eq!(der.len(), 48, "{der:02x?}");
    assert_eq!(
        &der[..16],
        b"\x30\x2e\x02\x01\x00\x30\x05\x06\x03\x2b\x65\x70\x04\x22\x04\x20"
    );
    let (algorithm, public) = published_key(Path::new(&report.txt_file));
    assert_eq!(
        (algorithm, public.encoding),
        (KeyType::Ed25519, KeyEncoding::Raw)
    );
    assert_eq!(
        public.data,
        PublicKeyData::Ed25519(private.verifying_key().to_bytes())
    );
}

#[test]
fn an_existing_file_is_never_overwritten_and_nothing_is_written() {
    let dir = TempDir::new("keygen-exists");
    let txt = dir.write("s1.example.com.txt", "mine");
    let out = keygen(dir.path(), &["--bits", "1024"]);
    out.assert_code(2);
    out.assert_stderr_contains("s1.example.com.txt already exists; refusing to overwrite it");
    assert!(
        !dir.path().join("s1.example.com.pem").exists(),
        "no key was left behind"
    );
    assert_eq!(std::fs::read_to_string(&txt).unwrap(), "mine");
    std::fs::remove_file(&txt).unwrap();
    let key = dir.write("s1.example.com.pem", "my key");
    keygen(dir.path(), &["--bits", "1024"]).assert_code(2);
    assert_eq!(std::fs::read_to_string(&key).unwrap(), "my key");
    assert!(!txt.exists());
}

#[test]
fn keys_under_1024_bits_are_refused() {
    let dir = TempDir::new("keygen-short");
    let out = keygen(dir.path(), &["--bits", "512"]);
    out.assert_code(2);
    out.assert_stderr_contains("RFC 8301");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn the_key_goes_to_the_current_directory_by_default() {
    let dir = TempDir::new("keygen-cwd");
    let out = Mailaudit::new()
        .current_dir(dir.path())
        .args([
            "dkim",
            "keygen",
            "--domain",
            "Example.COM.",
            "--selector",
            "k1",
            "--algorithm",
            "ed25519",
        ])
        .run();
    out.assert_success();
    out.assert_stdout_contains("k1._domainkey.example.com. IN TXT (");
    assert!(dir.path().join("k1.example.com.pem").exists());
    assert!(dir.path().join("k1.example.com.txt").exists());
}

#[test]
fn rsa_round_trip_signs_with_the_key_file_and_verifies_with_the_txt_record() {
    let dir = TempDir::new("keygen-rt-rsa");
    let report: DkimKeygenReport = keygen(dir.path(), &["--bits", "1024"]).json_as();
    let private =
        rsa::PrivateKey::from_pkcs8_pem(&std::fs::read_to_string(&report.key_file).unwrap())
            .unwrap();
    let message = b"DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s1; b=";
    let signature = private.pkcs1v15_sign::<Sha256>(message).unwrap();
    let (_, public) = published_key(Path::new(&report.txt_file));
    let PublicKeyData::Rsa { modulus, exponent } = public.data else {
        panic!("not RSA")
    };
    let uint =
        |b: &[u8]| rsa::BoxedUint::from_be_slice(b, u32::try_from(b.len() * 8).unwrap()).unwrap();
    let verifier = rsa::PublicKey::new(uint(&modulus), uint(&exponent)).unwrap();
    verifier
        .pkcs1v15_verify::<Sha256>(message, &signature)
        .unwrap();
    assert!(
        verifier
            .pkcs1v15_verify::<Sha256>(b"tampered", &signature)
            .is_err()
    );
}

#[test]
fn ed25519_round_trip_signs_with_the_key_file_and_verifies_with_the_txt_record() {
    let dir = TempDir::new("keygen-rt-ed");
    let report: DkimKeygenReport = keygen(dir.path(), &["--algorithm", "ed25519"]).json_as();
    let private = ed25519_dalek::SigningKey::from_pkcs8_pem(
        &std::fs::read_to_string(&report.key_file).unwrap(),
    )
    .unwrap();
    // RFC 8463 §3: ed25519-sha256 signs the SHA-256 hash of the header data.
    let hash = <Sha256 as rsa::sha2::Digest>::digest(b"from:joe@example.com");
    let signature = private.sign(&hash);
    let (_, public) = published_key(Path::new(&report.txt_file));
    let PublicKeyData::Ed25519(raw) = public.data else {
        panic!("not Ed25519")
    };
    let verifier = ed25519_dalek::VerifyingKey::from_bytes(&raw).unwrap();
    verifier.verify_strict(&hash, &signature).unwrap();
}

#[test]
fn the_rfc_8463_example_key_verifies_a_signature_of_its_seed() {
    let seed: [u8; 32] = Base64::decode_vec(RFC8463_SEED)
        .unwrap()
        .try_into()
        .unwrap();
    let signature = ed25519_dalek::SigningKey::from_bytes(&seed).sign(b"message");
    let decoded = decode(KeyType::Ed25519, RFC8463_BRISBANE).unwrap();
    let PublicKeyData::Ed25519(raw) = decoded.data else {
        panic!()
    };
    ed25519_dalek::VerifyingKey::from_bytes(&raw)
        .unwrap()
        .verify_strict(b"message", &signature)
        .unwrap();
}

fn verify(dns: &TestDns, key: &Path) -> (Output, DkimVerifyReport) {
    let out = Mailaudit::new()
        .dns(dns)
        .format("json")
        .args([
            "dkim",
            "verify-published",
            "--domain",
            "example.com",
            "--selector",
            "s1",
            "--key",
        ])
        .arg(key)
        .run();
    let report = out.json_as();
    (out, report)
}

#[test]
fn verify_published_matches_pkcs8_and_pkcs1_key_files_and_refuses_others() {
    let dir = TempDir::new("verify");
    let report: DkimKeygenReport = keygen(dir.path(), &["--bits", "1024"]).json_as();
    let mut zone = Zone::new();
    let strings: Vec<&str> = report.record.strings.iter().map(String::as_str).collect();
    zone.txt(&report.record.name, &strings);
    let dns = TestDns::start(zone);
    let (out, result) = verify(&dns, Path::new(&report.key_file));
    out.assert_success();
    assert!(result.matches, "{out}");
    // The same key as PKCS#1 PEM ("RSA PRIVATE KEY").
    let pem = std::fs::read_to_string(&report.key_file).unwrap();
    let pkcs1 = rsa::PrivateKey::from_pkcs8_pem(&pem)
        .unwrap()
        .to_pkcs1_pem(rsa::pkcs8::LineEnding::LF)
        .unwrap();
    let pkcs1_file = dir.write("pkcs1.pem", pkcs1.as_bytes());
    verify(&dns, &pkcs1_file).0.assert_success();
    // Another key: a mismatch, with the reason.
    let other: DkimKeygenReport = Mailaudit::new()
        .format("json")
        .args([
            "dkim",
            "keygen",
            "--domain",
            "example.com",
            "--selector",
            "s2",
            "--algorithm",
            "ed25519",
            "--out",
        ])
        .arg(dir.path())
        .run()
        .json_as();
    let (out, result) = verify(&dns, Path::new(&other.key_file));
    out.assert_code(1);
    assert!(!result.matches);
    assert!(
        result.reason.contains("publishes another key"),
        "{}",
        result.reason
    );
    // No record at all.
    let empty = TestDns::start(Zone::new());
    let (out, result) = verify(&empty, Path::new(&report.key_file));
    out.assert_code(1);
    assert!(result.published.is_none());
    assert!(result.reason.contains("has no key record"));
    // A file that is no key.
    let junk = dir.write("junk.pem", "hello");
    let out = Mailaudit::new()
        .dns(&dns)
        .args([
            "dkim",
            "verify-published",
            "--domain",
            "example.com",
            "--selector",
            "s1",
            "--key",
        ])
        .arg(&junk)
        .run();
    out.assert_code(2);
    out.assert_stderr_contains("not a PEM private key");
}
