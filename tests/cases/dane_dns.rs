//! DANE from DNS in `check` (RFC 7672 §2.2): the TLSA records of each MX host are used only when
//! the MX RRset, the host's addresses and the TLSA RRset validate as secure, from the signed
//! test server's own root (`--trust-anchor`); the scripted SMTP server presents the chain the
//! records describe. One test per DNS-side `dane-` code, and a match end to end.

use mailaudit::hex::encode as hex_encode;
use rsa::sha2::{Digest, Sha256};
use serde_json::Value;

use crate::support::cmd::Mailaudit;
use crate::support::dns_server::{AnchorForm, Signing, TestDns, Zone};
use crate::support::https_server::{Reply, TestCa, TestHttps};
use crate::support::smtp_personas::{cred, personality};
use crate::support::smtp_server::{Personality, TestSmtp};
use crate::support::temp::TempDir;

/// A signed root, `test.`, the signed `dane.test`, an unsigned `plain.test` and an expired
/// `expired.test`; every MX host on 127.0.0.1.
fn zones(tlsa_hex: &str) -> Zone {
    let mut z = Zone::new();
    z.signed_zone(".", Signing::nsec())
        .signed_zone("test", Signing::nsec())
        .signed_zone("dane.test", Signing::nsec())
        .unsigned_zone("plain.test")
        .signed_zone("expired.test", Signing::nsec().expired());
    let host = |z: &mut Zone, domain: &str, mx: &str| {
        z.txt(domain, &["v=spf1 -all"]).mx(domain, 10, mx);
    };
    // A match: the leaf's SHA-256.
    host(&mut z, "dane.test", "mx.dane.test");
    z.a("mx.dane.test", "127.0.0.1")
        .tlsa("_25._tcp.mx.dane.test", 3, 0, 1, tlsa_hex);
    // No match: another digest.
    host(&mut z, "wrong.dane.test", "mx.wrong.dane.test");
    z.a("mx.wrong.dane.test", "127.0.0.1").tlsa(
        "_25._tcp.mx.wrong.dane.test",
        3,
        0,
        1,
        &"ab".repeat(32),
    );
    // TLSA in an unsigned zone.
    host(&mut z, "plain.test", "mx.plain.test");
    z.a("mx.plain.test", "127.0.0.1")
        .tlsa("_25._tcp.mx.plain.test", 3, 0, 1, tlsa_hex);
    // A signed domain whose MX host is in the unsigned zone.
    host(&mut z, "mixed.dane.test", "mx.plain.test");
    // Secure MX and address, the TLSA (through a CNAME) in the expired zone.
    host(&mut z, "bogus.dane.test", "mx.bogus.dane.test");
    z.a("mx.bogus.dane.test", "127.0.0.1")
        .cname("_25._tcp.mx.bogus.dane.test", "_25._tcp.mx.expired.test");
    z.a("expired.test", "192.0.2.1")
        .tlsa("_25._tcp.mx.expired.test", 3, 0, 1, tlsa_hex);
    // DANE and an MTA-STS policy (served by the test HTTPS server).
    host(&mut z, "sts.dane.test", "mx.dane.test");
    z.txt("_mta-sts.sts.dane.test", &["v=STSv1; id=20261206"])
        .a("mta-sts.sts.dane.test", "127.0.0.1");
    z
}

/// `check DOMAIN --format json` with the probe against the scripted SMTP server, whose leaf
/// names `mx.dane.test`.
fn check(domain: &str) -> (String, Value) {
    let ca = TestCa::new("mailaudit DANE test CA");
    let cert = ca.leaf(&["mx.dane.test"]);
    let leaf_hash = hex_encode(&Sha256::digest(&cert.chain[0]));
    let smtp = TestSmtp::start(Personality {
        credentials: Some(cred(&cert)),
        ..personality("good", &ca)
    });
    let policy = "version: STSv1\r\nmode: enforce\r\nmx: mx.dane.test\r\nmax_age: 604800\r\n";
    let https = TestHttps::start(ca.leaf(&["mta-sts.sts.dane.test"]), Reply::policy(policy));
    let dns = TestDns::start(zones(&leaf_hash));
    let dir = TempDir::new("dane-dns");
    let anchor = dns
        .trust_anchor()
        .write(dir.path(), "root.key", AnchorForm::Dnskey);
    let (port, https_port) = (smtp.port().to_string(), https.port().to_string());
    let out = Mailaudit::new()
        .dns(&dns)
        .format("json")
        .args(["--trust-anchor", &anchor.display().to_string()])
        .args(["--ca-file", &ca.pem_file(&dir).display().to_string()])
        .args(["--mta-sts-port", &https_port])
        .args(["check", domain, "--probe-port", &port, "--selector", "s1"])
        .run();
    let text = out.stdout.clone();
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    (text, json)
}

/// Every finding code anywhere in the report.
fn codes(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                if let (Some(Value::String(code)), Some(_)) = (map.get("code"), map.get("severity"))
                {
                    out.push(code.clone());
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    out
}

fn dane_of(report: &Value) -> Vec<&Value> {
    report["probe"]["sessions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("dane"))
        .collect()
}

#[test]
fn secure_tlsa_that_matches_the_presented_chain_is_applied_and_matched() {
    let (out, report) = check("dane.test");
    let dane = dane_of(&report);
    assert_eq!(dane.len(), 1, "{out}");
    assert_eq!(dane[0]["status"], "matched", "{out}");
    let hosts = report["dnssec"]["dane"].as_array().expect("dane hosts");
    assert_eq!(hosts[0]["host"], "mx.dane.test", "{out}");
    assert_eq!(hosts[0]["applies"], true, "{out}");
    assert_eq!(hosts[0]["tlsa_dnssec"]["status"], "secure", "{out}");
    let codes = codes(&report);
    // One key and no second record: the rollover lint, nothing else of DANE.
    let dane: Vec<&String> = codes.iter().filter(|c| c.starts_with("dane-")).collect();
    assert_eq!(dane, ["dane-no-rollover-cover"], "{out}");
    // Every answer about the domain validated (the reverse lookup of 127.0.0.1 is outside the
    // test zones).
    let answers = report["dnssec"]["answers"].as_array().expect("answers");
    for a in answers
        .iter()
        .filter(|a| a["name"].as_str().is_some_and(|n| n.ends_with("dane.test")))
    {
        assert_eq!(a["status"], "secure", "{a}");
    }
    assert!(
        !codes.contains(&"dnssec-bogus".to_string()),
        "{}",
        report["dnssec"]
    );
    // Each record object carries the status of its answer.
    for record in [
        &report["spf"],
        &report["mx"],
        &report["mx"]["hosts"][0],
        &report["dmarc"],
    ] {
        assert_eq!(record["dnssec"]["status"], "secure", "{record}");
    }
    assert_eq!(report["dnssec"]["chain"]["status"], "secure", "{out}");
}

#[test]
fn secure_tlsa_that_does_not_match_is_an_error() {
    let (out, report) = check("wrong.dane.test");
    assert_eq!(dane_of(&report)[0]["status"], "no-match", "{out}");
    assert!(
        codes(&report).contains(&"dane-no-match".to_string()),
        "{out}"
    );
}

/// Raises `code` on `domain`.
fn assert_raised(code: &str, domain: &'static str) {
    let (out, report) = check(domain);
    assert!(codes(&report).contains(&code.to_string()), "{code}\n{out}");
    if code != "dane-over-mta-sts" {
        assert!(dane_of(&report).is_empty(), "DANE applied\n{out}");
    }
}

/// The table's rows, for the check that every `dane-` code has a case.
pub(super) const TABLE: &[&str] = code::TABLE;

mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        dane_tlsa_insecure => "plain.test";
        dane_mx_unsigned => "mixed.dane.test";
        dane_tlsa_bogus => "bogus.dane.test";
        dane_over_mta_sts => "sts.dane.test";
    }
}
