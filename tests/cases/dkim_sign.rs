//! `dkim sign` and the DKIM verifier against an independent implementation (RFC 6376, RFC 8463):
//! dkimpy-signed fixtures pass mailaudit's verifier and fail it once a byte changes; what
//! `dkim sign` writes passes dkimpy (skipped, saying so, when dkimpy is not installed) and
//! mailaudit's verifier; bad input is one line on stderr and exit 2.

use std::process::Command;

use mailaudit::message::DkimResult::{self, Fail, Pass};
use mailaudit::message::read::MAX_MESSAGE_BYTES;

use crate::support::cmd::{Mailaudit, Output};
use crate::support::messages::{DKIMPY_ZONE, fixture, fixture_dir, results, verify};
use crate::support::temp::TempDir;

const SIGNED: &[&str] = &[
    "rsa-relaxed.eml",
    "rsa-simple.eml",
    "rsa-length.eml",
    "ed25519-relaxed.eml",
    "ed25519-simple.eml",
];

fn replace(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert!(text.contains(from), "{from:?} not in the message");
    text.replacen(from, to, 1).into_bytes()
}

#[test]
fn dkimpy_signed_messages_pass() {
    for name in SIGNED {
        let v = verify(&fixture(name));
        let s = &v.signatures[0];
        assert_eq!(s.result, Pass, "{name}: {}", s.reason);
    }
}

#[test]
fn dkimpy_signed_messages_fail_once_a_header_or_body_byte_changes() {
    for name in SIGNED {
        let bytes = fixture(name);
        let header = replace(&bytes, "Subject: The", "Subject: the");
        assert_eq!(results(&header), [Fail], "{name}: header changed");
        // rsa-length.eml signs the first 80 bytes of the body: change one inside them.
        let body = replace(&bytes, "Hello Bob", "Hello Rob");
        assert_eq!(results(&body), [Fail], "{name}: body changed");
    }
}

#[test]
fn l_signs_a_prefix_so_appended_text_passes_with_a_warning() {
    let appended = [fixture("rsa-length.eml"), b"Click here!\r\n".to_vec()].concat();
    let v = verify(&appended);
    assert_eq!(v.signatures[0].result, Pass);
    let codes: Vec<&str> = v.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["message-dkim-body-length"]);
}

fn sign(key: &str, extra: &[&str], message: &[u8]) -> Output {
    let dir = fixture_dir();
    let selector = key.trim_end_matches(".pem");
    Mailaudit::new()
        .args([
            "dkim",
            "sign",
            "--domain",
            "example.com",
            "--selector",
            selector,
        ])
        .arg("--key")
        .arg(dir.join(key))
        .args(extra)
        .stdin(message.to_vec())
        .run()
}

#[test]
fn dkim_sign_output_passes_our_verifier_in_every_canonicalization() {
    let message = fixture("message.eml");
    for key in ["rsa2048.pem", "ed25519.pem"] {
        for c in [
            "relaxed/relaxed",
            "relaxed/simple",
            "simple/relaxed",
            "simple/simple",
        ] {
            let out = sign(key, &["--canonicalization", c, "--expire", "30"], &message);
            out.assert_success();
            assert!(out.stdout.ends_with(std::str::from_utf8(&message).unwrap()));
            assert!(
                out.stdout.lines().all(|l| l.len() <= 78),
                "a line over 78 characters\n{out}"
            );
            let v = verify(out.stdout.as_bytes());
            // x= is 30 days after now, before the fixed NOW: expired is the only failure.
            assert_eq!(v.signatures[0].result, Fail, "{key} {c}");
            assert!(v.signatures[0].reason.starts_with("expired"), "{key} {c}");
            let out = sign(key, &["--canonicalization", c], &message);
            assert_eq!(results(out.stdout.as_bytes()), [Pass], "{key} {c}\n{out}");
        }
    }
}

#[test]
fn an_lf_mbox_file_is_signed_after_its_from_line_in_its_own_line_endings() {
    let crlf = String::from_utf8(fixture("message.eml")).unwrap();
    let lf = format!(
        "From alice@example.com Mon Dec  7 09:00:00 2026\n{}",
        crlf.replace("\r\n", "\n")
    );
    let out = sign("ed25519.pem", &[], lf.as_bytes());
    out.assert_success();
    assert!(
        out.stdout
            .starts_with("From alice@example.com Mon Dec  7 09:00:00 2026\nDKIM-Signature: ")
    );
    assert!(!out.stdout.contains('\r'));
    assert_eq!(results(out.stdout.as_bytes()), [Pass]);
}

/// dkimpy, when installed (with PyNaCl for Ed25519): `None` otherwise.
fn dkimpy() -> Option<()> {
    let ok = Command::new("python3")
        .args(["-c", "import dkim, nacl"])
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some(())
}

/// dkimpy's verification of `path`, with the fixture zone as its DNS.
fn dkimpy_verify() -> String {
    format!(
        "{DKIMPY_ZONE}sys.exit(0 if dkim.verify(open(sys.argv[2], 'rb').read(), dnsfunc=dns) else 1)\n"
    )
}

#[test]
fn dkim_sign_output_passes_dkimpy() {
    if dkimpy().is_none() {
        eprintln!("SKIPPED: dkimpy (python3 -m pip install --user dkimpy pynacl) is not installed");
        return;
    }
    let tmp = TempDir::new("dkim-sign-dkimpy");
    let message = fixture("message.eml");
    for key in ["rsa2048.pem", "ed25519.pem"] {
        for c in ["relaxed/relaxed", "simple/simple", "relaxed/simple"] {
            let out = sign(key, &["--canonicalization", c], &message);
            out.assert_success();
            let path = tmp.write("signed.eml", &out.stdout);
            let status = Command::new("python3")
                .args(["-c", &dkimpy_verify()])
                .arg(fixture_dir().join("example.com.zone"))
                .arg(&path)
                .status()
                .unwrap();
            assert!(status.success(), "dkimpy refuses {key} {c}\n{out}");
            let tampered = tmp.write(
                "tampered.eml",
                replace(out.stdout.as_bytes(), "Bob,", "Rob,"),
            );
            let status = Command::new("python3")
                .args(["-c", &dkimpy_verify()])
                .arg(fixture_dir().join("example.com.zone"))
                .arg(&tampered)
                .status()
                .unwrap();
            assert!(!status.success(), "dkimpy passes a changed body {key} {c}");
        }
    }
}

fn one_line_error(out: &Output, needle: &str) {
    out.assert_code(2).assert_stderr_contains(needle);
    assert_eq!(out.stderr.trim_end().lines().count(), 1, "{out}");
    assert!(out.stdout.is_empty(), "{out}");
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let tmp = TempDir::new("dkim-sign-bad");
    let message = fixture("message.eml");
    let with_key = |key: &std::path::Path| {
        Mailaudit::new()
            .args([
                "dkim",
                "sign",
                "--domain",
                "example.com",
                "--selector",
                "s",
                "--key",
            ])
            .arg(key)
            .stdin(message.clone())
            .run()
    };
    one_line_error(&with_key(&tmp.path().join("missing.pem")), "missing.pem");
    let not_a_key = tmp.write(
        "bad.pem",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    );
    one_line_error(&with_key(&not_a_key), "CERTIFICATE");
    let no_message = sign(
        "ed25519.pem",
        &[tmp.path().join("none.eml").to_str().unwrap()],
        b"",
    );
    one_line_error(&no_message, "none.eml");
    let no_from = sign("ed25519.pem", &[], b"To: b@example.net\r\n\r\nhi\r\n");
    one_line_error(&no_from, "no From");
    let broken = sign(
        "ed25519.pem",
        &[],
        b" starts folded\r\nFrom: a@example.com\r\n\r\n",
    );
    one_line_error(&broken, "line 1");
}

#[test]
fn a_message_over_64_mib_is_refused() {
    let tmp = TempDir::new("dkim-sign-huge");
    let mut huge = fixture("message.eml");
    huge.resize(MAX_MESSAGE_BYTES + 1, b'a');
    let path = tmp.write("huge.eml", &huge);
    let out = sign("ed25519.pem", &[path.to_str().unwrap()], b"");
    one_line_error(&out, "larger than 67108864 bytes (64 MiB)");
}

fn raised(code: &str, message: Vec<u8>) {
    let v = verify(&message);
    let codes: Vec<&str> = v.findings.iter().map(|f| f.code.as_str()).collect();
    assert!(codes.contains(&code), "{code} not raised: {codes:?}");
}

fn too_many() -> Vec<u8> {
    let junk = "DKIM-Signature: v=1; a=rsa-sha256\r\n".repeat(21);
    [junk.into_bytes(), fixture("rsa-relaxed.eml")].concat()
}

mod code {
    use super::*;

    crate::finding_code_table! {
        check: raised;
        message_dkim_too_many_signatures => too_many();
        message_dkim_body_length => fixture("rsa-length.eml");
        message_dkim_not_verified => replace(&fixture("ed25519-simple.eml"), "Bob,", "Rob,");
    }
}

#[test]
fn the_code_table_covers_the_message_dkim_codes_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["message-dkim-"]);
}

#[test]
fn each_result_kind_is_reachable_from_a_fixture() {
    // Pass and fail above; the rest are covered by the unit tests of src/message/verify.
    let kinds: Vec<DkimResult> = [
        fixture("rsa-simple.eml"),
        replace(&fixture("rsa-simple.eml"), "s=rsa2048", "s=absent"),
    ]
    .iter()
    .flat_map(|m| results(m))
    .collect();
    assert_eq!(kinds, [Pass, DkimResult::Permerror]);
}

#[test]
fn a_pkcs8_rsa_key_and_a_chosen_header_list_sign_too() {
    use rsa::pkcs1::DecodeRsaPrivateKey;
    use rsa::pkcs8::{EncodePrivateKey, LineEnding};
    let tmp = TempDir::new("dkim-sign-pkcs8");
    let pkcs1 = String::from_utf8(fixture("rsa2048.pem")).unwrap();
    let key = rsa::PrivateKey::from_pkcs1_pem(&pkcs1).unwrap();
    let pkcs8 = tmp.write(
        "rsa2048.pem",
        key.to_pkcs8_pem(LineEnding::LF).unwrap().as_bytes(),
    );
    let out = Mailaudit::new()
        .args([
            "dkim",
            "sign",
            "--domain",
            "example.com",
            "--selector",
            "rsa2048",
        ])
        .args(["--header", "Subject", "--header", "To", "--key"])
        .arg(&pkcs8)
        .stdin(fixture("message.eml"))
        .run();
    out.assert_success()
        .assert_stdout_contains("h=from:from:subject:to;");
    assert_eq!(results(out.stdout.as_bytes()), [Pass]);
    let bad = Mailaudit::new()
        .args(["dkim", "sign", "--domain", "example.com", "--selector", "s"])
        .args(["--header", "To:", "--key", "k.pem"])
        .run();
    bad.assert_code(2)
        .assert_stderr_contains("not a header field name");
}
