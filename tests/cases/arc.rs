//! ARC in `verify` (RFC 8617): dkimpy-sealed chains (one hop, two hops with a list's change,
//! broken) validate as dkimpy's `arc_verify` says (that comparison skipped, saying so, without
//! dkimpy); a changed byte in a sealed field, a changed cv= and an instance gap fail; the text
//! and JSON show what the first hop's results said; one test per ARC finding code.

use std::process::Command;

use mailaudit::message::Message;
use mailaudit::message::arc::verify_arc;
use mailaudit::message::arc_report::{ArcResult, ArcVerification};

use crate::support::cmd::Mailaudit;
use crate::support::messages::{DKIMPY_ZONE, fixture, fixture_dir, zone};
use crate::support::model::{self, MessageReport};
use crate::support::temp::TempDir;

fn arc(bytes: &[u8]) -> ArcVerification {
    let message = Message::parse(bytes).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(verify_arc(&zone(), &message))
}

fn replace_all(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert!(text.contains(from), "{from:?} not in the message");
    text.replace(from, to).into_bytes()
}

/// A sealed field's byte changed: the first hop's results say `spf=fail`.
fn aar_changed() -> Vec<u8> {
    replace_all(
        &fixture("arc-two-hops.eml"),
        "i=1; relay.example.com;\r\n spf=pass",
        "i=1; relay.example.com;\r\n spf=fail",
    )
}

/// A byte of instance 1's ARC-Message-Signature (sealed by both seals) changed: its `t=`.
fn ams_changed() -> Vec<u8> {
    replace_all(
        &fixture("arc-two-hops.eml"),
        "s=rsa2048; t=1796577519; h=from : to : subject : date :\r\n message-id; bh=6pnA",
        "s=rsa2048; t=1796577510; h=from : to : subject : date :\r\n message-id; bh=6pnA",
    )
}

/// Instance 2 renumbered 3: instance 2 is missing.
fn gap() -> Vec<u8> {
    replace_all(&fixture("arc-two-hops.eml"), "i=2;", "i=3;")
}

/// The list's seal says the chain it received failed.
fn cv_fail() -> Vec<u8> {
    replace_all(&fixture("arc-two-hops.eml"), "i=2; cv=pass", "i=2; cv=fail")
}

/// The messages and what a validator must say of them.
fn cases() -> Vec<(&'static str, Vec<u8>, ArcResult)> {
    vec![
        ("one hop", fixture("arc-one-hop.eml"), ArcResult::Pass),
        ("two hops", fixture("arc-two-hops.eml"), ArcResult::Pass),
        ("broken", fixture("arc-broken.eml"), ArcResult::Fail),
        ("sealed field changed", aar_changed(), ArcResult::Fail),
        ("sealed signature changed", ams_changed(), ArcResult::Fail),
        ("instance gap", gap(), ArcResult::Fail),
        ("cv=fail", cv_fail(), ArcResult::Fail),
        ("not sealed", fixture("rsa-relaxed.eml"), ArcResult::None),
    ]
}

#[test]
fn sealed_chains_pass_and_broken_ones_fail_saying_where() {
    for (name, bytes, want) in cases() {
        let a = arc(&bytes);
        assert_eq!(a.result, want, "{name}: {}", a.reason);
    }
    let two = arc(&fixture("arc-two-hops.eml"));
    assert_eq!(two.oldest_pass, Some(2), "the list changed the body");
    assert_eq!(arc(&fixture("arc-one-hop.eml")).oldest_pass, Some(0));
    let origin = two.origin_results.unwrap();
    assert_eq!(origin.authserv_id, "relay.example.com");
    let said: Vec<(&str, &str)> = origin
        .results
        .iter()
        .map(|r| (r.method.as_str(), r.result.as_str()))
        .collect();
    assert_eq!(said, [("spf", "pass"), ("dkim", "pass"), ("dmarc", "pass")]);
    let reason = |bytes: Vec<u8>| arc(&bytes).reason;
    assert!(
        reason(fixture("arc-broken.eml"))
            .contains("newest ARC-Message-Signature (instance 1) does not verify: body hash")
    );
    assert!(reason(aar_changed()).contains("the ARC-Seal of instance 2 does not verify"));
    assert!(reason(ams_changed()).contains("the ARC-Seal of instance 2 does not verify"));
    assert!(reason(gap()).contains("instance 2 is missing: the sets go up to 3"));
    assert!(reason(cv_fail()).contains("instance 2 says cv=fail"));
    assert!(arc(&gap()).origin_results.is_none());
}

/// dkimpy's `arc_verify` of a message, with the fixture zone as its DNS: prints pass/fail/none.
fn dkimpy_arc_verify() -> String {
    format!(
        "{DKIMPY_ZONE}cv, _, _ = dkim.arc_verify(open(sys.argv[2], 'rb').read(), dnsfunc=dns)\n\
         print((cv or b'fail').decode())\n"
    )
}

#[test]
fn our_validator_agrees_with_dkimpy() {
    let installed = Command::new("python3")
        .args(["-c", "import dkim"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        eprintln!("SKIPPED: dkimpy (python3 -m pip install --user dkimpy) is not installed");
        return;
    }
    let tmp = TempDir::new("arc-dkimpy");
    for (name, bytes, _) in cases() {
        let path = tmp.write("message.eml", &bytes);
        let out = Command::new("python3")
            .args(["-c", &dkimpy_arc_verify()])
            .arg(fixture_dir().join("example.com.zone"))
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: dkimpy failed: {out:?}");
        let theirs = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert_eq!(arc(&bytes).result.as_str(), theirs, "{name}");
    }
}

fn verify(message: &[u8], format: &str) -> crate::support::cmd::Output {
    let dns = super::verify::server();
    Mailaudit::new()
        .dns(&dns)
        .timeout("1")
        .args([
            "verify",
            "-",
            "--ip",
            "192.0.2.7",
            "--mail-from",
            "bounce@example.com",
        ])
        .args(["--format", format])
        .stdin(message.to_vec())
        .run()
}

#[test]
fn json_and_text_show_what_the_first_hop_said() {
    let out = verify(&fixture("arc-two-hops.eml"), "json");
    out.assert_code(0);
    let r: MessageReport = out.json_as();
    assert_eq!(r.arc.result, model::ArcResult::Pass);
    assert_eq!(r.arc.oldest_pass, Some(2));
    assert_eq!(r.arc.sets.len(), 2);
    assert_eq!(r.arc.sets[1].cv.as_deref(), Some("pass"));
    let origin = r.arc.origin_results.as_ref().unwrap();
    assert_eq!(
        origin.results[2].property("header.from"),
        Some("example.com")
    );
    let ours = r
        .authentication_results
        .results
        .iter()
        .find(|m| m.method == "arc")
        .unwrap();
    assert_eq!(ours.result, "pass");
    assert_eq!(ours.property("header.oldest-pass"), Some("2"));
    let yaml: MessageReport = verify(&fixture("arc-two-hops.eml"), "yaml").yaml_as();
    assert_eq!(yaml.arc.oldest_pass, Some(2));
    verify(&fixture("arc-two-hops.eml"), "text")
        .assert_code(0)
        .assert_stdout_contains(
            "ARC    pass  2 sets; the first hop said relay.example.com: spf=pass dkim=pass dmarc=pass",
        )
        .assert_stdout_contains("first hop said: relay.example.com")
        .assert_stdout_contains("arc=pass header.oldest-pass=2;");
    verify(&fixture("arc-broken.eml"), "text")
        .assert_stdout_contains("ARC    fail  the newest ARC-Message-Signature")
        .assert_stdout_contains("arc=fail reason=")
        .assert_stdout_contains("message-arc-chain-failed");
    let r: MessageReport = verify(&fixture("rsa-relaxed.eml"), "json").json_as();
    assert_eq!(r.arc.result, model::ArcResult::None);
    assert!(
        r.authentication_results
            .results
            .iter()
            .all(|m| m.method != "arc")
    );
}

/// 51 sets: one more than a chain may have.
fn fifty_one_sets() -> Vec<u8> {
    let sets: Vec<String> = (1..=51)
        .map(|i| {
            format!(
                "ARC-Seal: i={i}; cv=pass; a=rsa-sha256; d=example.com; s=rsa2048; b=AA==\r\n\
                 ARC-Message-Signature: i={i}; a=rsa-sha256; d=example.com; s=rsa2048; \
                 h=from; bh=AA==; b=AA==\r\n\
                 ARC-Authentication-Results: i={i}; mx.example.com; spf=pass\r\n"
            )
        })
        .collect();
    [sets.concat().into_bytes(), fixture("rsa-relaxed.eml")].concat()
}

fn raised(code: &str, message: Vec<u8>) {
    let a = arc(&message);
    let codes: Vec<&str> = a.findings.iter().map(|f| f.code.as_str()).collect();
    assert!(codes.contains(&code), "{code} not raised: {codes:?}");
}

mod code {
    use super::*;

    crate::finding_code_table! {
        check: raised;
        message_arc_chain_failed => fixture("arc-broken.eml");
        message_arc_too_many_sets => fifty_one_sets();
    }
}

#[test]
fn the_code_table_covers_the_arc_codes_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["message-arc-"]);
}
