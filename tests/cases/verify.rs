//! `mailaudit verify FILE` end to end (RFC 7208, RFC 6376, RFC 9989, RFC 8601): dkimpy-signed
//! fixtures against the in-process DNS server serving their keys, an SPF record and a DMARC
//! policy; SPF for --ip or a trusted Received field, "not evaluated" otherwise; the From rules;
//! exit 0 on a DMARC pass, 1 on a fail, 2 when the message cannot be read; the JSON shape.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::messages::{fixture, fixture_dir};
use crate::support::model::{
    ClientSource, DkimResult, DmarcResult, MessageReport, PolicyName, SpfResult,
};
use crate::support::temp::TempDir;

/// The fixtures' key records (read from their zone file), with SPF and DMARC for example.com.
pub(super) fn server() -> TestDns {
    let zone = std::fs::read_to_string(fixture_dir().join("example.com.zone")).unwrap();
    let mut z = Zone::new();
    for line in zone.lines().filter(|l| l.contains("_domainkey")) {
        let name = format!("{}.example.com", line.split_whitespace().next().unwrap());
        let strings: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        z.txt(&name, &strings);
    }
    z.txt("example.com", &["v=spf1 ip4:192.0.2.0/24 -all"])
        .txt("_dmarc.example.com", &["v=DMARC1; p=reject"])
        .servfail("_dmarc.down.example.com");
    TestDns::start(z)
}

fn verify(dns: &TestDns, message: &[u8], args: &[&str]) -> Output {
    Mailaudit::new()
        .dns(dns)
        .timeout("1")
        .args(["verify", "-"])
        .args(args)
        .stdin(message.to_vec())
        .run()
}

fn json(dns: &TestDns, message: &[u8], args: &[&str], code: i32) -> MessageReport {
    let out = verify(dns, message, &[&["--format", "json"], args].concat());
    out.assert_code(code);
    out.json_as()
}

fn replace(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert!(text.contains(from), "{from:?} not in the message");
    text.replacen(from, to, 1).into_bytes()
}

/// `fields` (CRLF-ended) put on top of `message`.
fn with_fields(fields: &str, message: &[u8]) -> Vec<u8> {
    [fields.as_bytes(), message].concat()
}

const RECEIVED: &str = "Received: from mail.example.com (mail.example.com [192.0.2.7])\r\n\
    \tby mx.example.net with ESMTPS id 1; Mon, 07 Dec 2026 09:00:01 +0000\r\n\
    Received: from forged.example (forged [203.0.113.9]) by mail.example.com; Mon, 07 Dec 2026 \
    09:00:00 +0000\r\n";

#[test]
fn a_signed_message_from_an_allowed_address_passes_everything() {
    let dns = server();
    let r = json(
        &dns,
        &fixture("rsa-relaxed.eml"),
        &["--ip", "192.0.2.7", "--mail-from", "bounce@example.com"],
        0,
    );
    let e = r.spf.evaluation.as_ref().unwrap();
    assert_eq!(
        (r.spf.source, e.result),
        (ClientSource::Options, SpfResult::Pass)
    );
    let s = &r.dkim.signatures[0];
    assert_eq!(s.result, DkimResult::Pass, "{}", s.reason);
    let sig = s.signature.as_ref().unwrap();
    assert_eq!(
        (sig.domain.as_str(), sig.selector.as_str()),
        ("example.com", "rsa2048")
    );
    assert!(sig.tags.tags.iter().any(|t| t.name == "bh"));
    assert_eq!(s.key.as_ref().unwrap().bits, 2048);
    assert_eq!(r.from.as_deref(), Some("alice@example.com"));
    let d = r.dmarc.as_ref().unwrap();
    assert_eq!(
        (d.result, d.disposition),
        (DmarcResult::Pass, PolicyName::None)
    );
    assert_eq!(d.checks.len(), 2);
    assert!(d.checks.iter().all(|c| c.aligned && c.passed));
    let ours = &r.authentication_results;
    assert_eq!(ours.authserv_id, "mailaudit");
    let methods: Vec<(&str, &str)> = ours
        .results
        .iter()
        .map(|m| (m.method.as_str(), m.result.as_str()))
        .collect();
    assert_eq!(
        methods,
        [("spf", "pass"), ("dkim", "pass"), ("dmarc", "pass")]
    );
    assert_eq!(ours.results[2].property("header.from"), Some("example.com"));
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

#[test]
fn text_has_a_line_per_mechanism_and_our_field() {
    let dns = server();
    let out = verify(
        &dns,
        &fixture("ed25519-relaxed.eml"),
        &["--ip", "192.0.2.7"],
    );
    out.assert_code(0)
        .assert_stdout_contains("DMARC  pass  example.com")
        .assert_stdout_contains("d=example.com s=ed25519 a=ed25519-sha256")
        .assert_stdout_contains("DKIM d=example.com is example.com itself")
        .assert_stdout_contains("Authentication-Results: mailaudit;");
    // No --mail-from, no Return-Path: the HELO identity is unknown too, so SPF waits.
    out.assert_stdout_contains("not evaluated: no envelope sender");
}

#[test]
fn a_changed_body_fails_dkim_and_dmarc_with_the_disposition() {
    let dns = server();
    let changed = replace(&fixture("rsa-simple.eml"), "Hello Bob", "Hello Rob");
    let r = json(&dns, &changed, &[], 1);
    assert_eq!(r.dkim.signatures[0].result, DkimResult::Fail);
    assert!(r.dkim.signatures[0].reason.contains("body hash mismatch"));
    let d = r.dmarc.unwrap();
    assert_eq!(
        (d.result, d.disposition),
        (DmarcResult::Fail, PolicyName::Reject)
    );
    let out = verify(&dns, &changed, &[]);
    out.assert_code(1)
        .assert_stdout_contains("DMARC  fail")
        .assert_stdout_contains("dmarc=fail reason=\"disposition reject\"");
}

#[test]
fn spf_comes_from_the_received_field_a_trusted_host_added() {
    let dns = server();
    let message = with_fields(
        &format!("Return-Path: <bounce@example.com>\r\n{RECEIVED}"),
        &fixture("rsa-relaxed.eml"),
    );
    let r = json(&dns, &message, &["--trusted-host", "MX.example.net."], 0);
    assert_eq!(r.spf.source, ClientSource::Received);
    let hop = r.spf.hop.as_ref().unwrap();
    assert_eq!(
        (hop.index, hop.by.as_str(), hop.ip.as_str()),
        (0, "mx.example.net", "192.0.2.7")
    );
    assert_eq!(r.spf.helo.as_deref(), Some("mail.example.com"));
    assert_eq!(r.spf.mail_from_source.as_deref(), Some("return-path"));
    assert_eq!(r.spf.evaluation.unwrap().result, SpfResult::Pass);
    verify(&dns, &message, &["--trusted-host", "mx.example.net"])
        .assert_stdout_contains("from the newest Received field, added by mx.example.net");

    // The field below is the sender's to write: trusting only its host is trusting a forgery's
    // neighbour, and without any trusted host SPF is not guessed.
    let r = json(&dns, &message, &["--trusted-host", "other.example.net"], 0);
    assert!(r.spf.evaluation.is_none());
    assert!(
        r.spf
            .not_evaluated
            .unwrap()
            .contains("no Received field was added by a trusted host")
    );
    let r = json(&dns, &message, &[], 0);
    assert_eq!(r.spf.source, ClientSource::Unknown);
    assert!(
        r.spf
            .not_evaluated
            .unwrap()
            .contains("give --ip, or --trusted-host")
    );
}

#[test]
fn the_null_sender_is_checked_for_the_helo_name() {
    let dns = server();
    let message = with_fields("Return-Path: <>\r\n", &fixture("rsa-relaxed.eml"));
    let r = json(&dns, &message, &["--ip", "192.0.2.7"], 0);
    assert!(r.spf.not_evaluated.unwrap().contains("give --helo"));
    let r = json(
        &dns,
        &message,
        &["--ip", "192.0.2.7", "--helo", "example.com"],
        0,
    );
    let e = r.spf.evaluation.unwrap();
    assert_eq!(
        (e.result, e.domain.as_str()),
        (SpfResult::Pass, "example.com")
    );
    assert_eq!(
        r.authentication_results.results[0].property("smtp.helo"),
        Some("example.com")
    );
}

#[test]
fn several_authors_or_none_are_a_finding_and_fail() {
    let dns = server();
    let two = replace(
        &fixture("rsa-relaxed.eml"),
        "From: Alice Example <alice@example.com>",
        "From: Alice Example <alice@example.com>, mallory@example.org",
    );
    let r = json(&dns, &two, &[], 1);
    assert!(r.dmarc.is_none() && r.from.is_none());
    assert_eq!(r.findings[0].code, "message-from-multiple");
    let fields = with_fields("From: mallory@example.org\r\n", &fixture("rsa-relaxed.eml"));
    let r = json(&dns, &fields, &[], 1);
    assert!(r.findings[0].message.contains("2 From fields"));
    verify(&dns, &two, &[])
        .assert_code(1)
        .assert_stdout_contains("message-from-multiple");
}

#[test]
fn the_messages_own_results_are_listed_beside_ours_escaped() {
    let dns = server();
    let message = with_fields(
        "Authentication-Results: mx.example.net;\r\n spf=pass smtp.mailfrom=example.com;\r\n \
         dkim=pass header.d=example.com \x1b[31m\r\n",
        &fixture("rsa-relaxed.eml"),
    );
    let r = json(&dns, &message, &[], 0);
    let theirs = &r.received_results[0];
    let parsed = theirs.parsed.as_ref().unwrap();
    assert_eq!(parsed.authserv_id, "mx.example.net");
    assert_eq!(parsed.results[0].method, "spf");
    let out = verify(&dns, &message, &[]);
    out.assert_stdout_contains("1. mx.example.net: spf=pass dkim=pass");
    assert!(
        !out.stdout.contains('\x1b'),
        "escape sequence reached the terminal"
    );
}

#[test]
fn a_file_with_bare_lf_line_endings_passes() {
    let dns = server();
    let tmp = TempDir::new("verify-lf");
    let lf = String::from_utf8(fixture("ed25519-simple.eml"))
        .unwrap()
        .replace("\r\n", "\n");
    let path = tmp.write("lf.eml", lf);
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("1")
        .format("json")
        .arg("verify")
        .arg(&path)
        .run();
    out.assert_code(0);
    let r: MessageReport = out.json_as();
    assert_eq!(r.dkim.signatures[0].result, DkimResult::Pass);
}

#[test]
fn a_message_that_cannot_be_read_exits_2() {
    let dns = server();
    let tmp = TempDir::new("verify-bad");
    let out = Mailaudit::new()
        .dns(&dns)
        .arg("verify")
        .arg(tmp.path().join("absent.eml"))
        .run();
    out.assert_code(2).assert_stderr_contains("absent.eml");
    verify(&dns, b" starts folded\r\nFrom: a@example.com\r\n\r\n", &[]).assert_code(2);
}

#[test]
fn dmarc_that_cannot_be_looked_up_exits_2_and_no_policy_exits_0() {
    let dns = server();
    let to = |domain: &str| {
        replace(
            &fixture("rsa-relaxed.eml"),
            "<alice@example.com>",
            &format!("<alice@{domain}>"),
        )
    };
    let r = json(&dns, &to("down.example.com"), &[], 2);
    assert_eq!(r.dmarc.unwrap().result, DmarcResult::Temperror);
    let r = json(&dns, &to("example.org"), &[], 0);
    assert_eq!(r.dmarc.unwrap().result, DmarcResult::None);
}

#[test]
fn quiet_prints_only_the_findings() {
    let dns = server();
    let out = verify(&dns, &fixture("rsa-relaxed.eml"), &["--quiet"]);
    out.assert_code(0);
    assert_eq!(out.stdout, "");
    let changed = replace(&fixture("rsa-relaxed.eml"), "Hello Bob", "Hello Rob");
    let out = verify(&dns, &changed, &["--quiet"]);
    out.assert_code(1)
        .assert_stdout_contains("message-dkim-not-verified");
    assert!(!out.stdout.contains("Authentication-Results"));
}

#[test]
fn yaml_reads_back_as_the_same_model() {
    let dns = server();
    let out = verify(&dns, &fixture("rsa-length.eml"), &["--format", "yaml"]);
    out.assert_code(0);
    let r: MessageReport = out.yaml_as();
    assert_eq!(r.findings[0].code, "message-dkim-body-length");
}

fn raised(code: &str, message: Vec<u8>) {
    let dns = server();
    let r = json(&dns, &message, &[], 1);
    let codes: Vec<&str> = r.findings.iter().map(|f| f.code.as_str()).collect();
    assert!(codes.contains(&code), "{code} not raised: {codes:?}");
}

mod code {
    use super::*;

    crate::finding_code_table! {
        check: raised;
        message_from_missing => replace(
            &fixture("rsa-relaxed.eml"), "From: Alice Example <alice@example.com>", "Sender: a@example.com");
        message_from_multiple => with_fields("From: b@example.org\r\n", &fixture("message.eml"));
        message_from_no_domain => replace(
            &fixture("message.eml"), "From: Alice Example <alice@example.com>", "From: Alice");
    }
}

#[test]
fn the_code_table_covers_the_author_codes_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["message-from-"]);
}

#[test]
fn what_dkim_sign_writes_verifies_end_to_end() {
    let dns = server();
    let signed = Mailaudit::new()
        .args([
            "dkim",
            "sign",
            "--domain",
            "example.com",
            "--selector",
            "ed25519",
        ])
        .arg("--key")
        .arg(fixture_dir().join("ed25519.pem"))
        .stdin(fixture("message.eml"))
        .run();
    signed.assert_success();
    let r = json(&dns, signed.stdout.as_bytes(), &["--ip", "192.0.2.7"], 0);
    assert_eq!(r.dkim.signatures[0].result, DkimResult::Pass);
    assert_eq!(r.dmarc.unwrap().result, DmarcResult::Pass);
}
