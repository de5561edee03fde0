//! `fix` for DKIM: a wildcard `*._domainkey` seen once; with `--out DIR`, a new RSA key whose
//! record verifies against it, beside Ed25519-only keys too, never over a file and never at a
//! selector DNS already has.

use std::fmt::Write as _;
use std::os::unix::fs::PermissionsExt;

use super::{DMARC, MAIL, SPF, fixing};
use crate::support::cmd::Mailaudit;
use crate::support::model::Changes;
use crate::support::temp::TempDir;

#[test]
fn check_shows_a_dkim_wildcard_once() {
    let dir = TempDir::new("fix-wildcard");
    let zone = dir.write(
        "w.zone",
        "example.com. 3600 IN MX 0 .\n\
         *._domainkey.example.com. 3600 IN TXT \"v=DKIM1; p=\"\n\
         s1._domainkey.example.com. 3600 IN TXT \"v=DKIM1; p=\"\n",
    );
    let out = Mailaudit::new()
        .zone(&zone)
        .format("json")
        .args(["dkim", "example.com"])
        .run();
    let report: serde_json::Value = out.json();
    let selectors: Vec<&str> = report["selectors"]
        .as_array()
        .expect("selectors")
        .iter()
        .map(|s| s["selector"].as_str().unwrap())
        .collect();
    // s1 publishes the same record as the wildcard: DNS cannot tell them apart, so once.
    assert_eq!(selectors, ["*"], "{out}");
    let revoked: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "dkim-key-revoked")
        .collect();
    assert_eq!(revoked.len(), 1, "{out}");
    assert_eq!(revoked[0]["subject"], "*._domainkey.example.com");
}

/// The changes' records as zone-file lines.
fn lines(changes: &Changes) -> String {
    changes
        .changes
        .iter()
        .flat_map(|c| {
            let rtype = format!("{:?}", c.rtype).to_uppercase();
            c.new
                .iter()
                .map(move |r| format!("{} {} IN {rtype} {r}\n", c.name, c.ttl))
        })
        .collect()
}

#[test]
fn out_makes_a_dkim_key_whose_record_verifies_and_never_overwrites_it() {
    let dir = TempDir::new("fix-dkim");
    let keys = dir.path().join("keys");
    let zone = format!("{MAIL}{SPF}{DMARC}");
    let file = dir.write("zone", &zone);
    let run = || {
        Mailaudit::new()
            .zone(&file)
            .format("json")
            .args(["fix", "--out"])
            .arg(&keys)
            .arg("example.com")
            .run()
    };
    let out = run();
    out.assert_code(1);
    let changes: Changes = out.json_as();
    let change = fixing(&changes, "dkim-no-domainkey");
    let selector = change.name.split('.').next().unwrap().to_string();
    assert!(
        selector.starts_with('s') && selector.contains('q'),
        "{selector}"
    );
    let pem = keys.join(format!("{selector}.example.com.pem"));
    let mode = std::fs::metadata(&pem)
        .expect("the key")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(
        changes
            .manual
            .iter()
            .any(|m| m.code == "dkim-no-domainkey" && m.why.contains(&*pem.to_string_lossy())),
        "{changes:?}"
    );
    // Published, the record is the key's public half, as `dkim verify-published` checks.
    let after = dir.write("after.zone", format!("{zone}{}", lines(&changes)));
    Mailaudit::new()
        .zone(&after)
        .args([
            "dkim",
            "verify-published",
            "--domain",
            "example.com",
            "--selector",
        ])
        .arg(&selector)
        .arg("--key")
        .arg(&pem)
        .run()
        .assert_success();
    let check = Mailaudit::new()
        .zone(&after)
        .format("json")
        .args(["check", "--no-probe", "example.com"])
        .run();
    assert!(!check.stdout.contains("dkim-no-domainkey"), "{check}");
    // A second run finds the files there and writes nothing.
    let key = std::fs::read(&pem).unwrap();
    let again = run();
    again.assert_code(2);
    assert!(again.stderr.contains("already exists"), "{again}");
    assert_eq!(std::fs::read(&pem).unwrap(), key);
}

#[test]
fn out_adds_an_rsa_key_beside_ed25519_only() {
    let dir = TempDir::new("fix-ed25519");
    let zone = format!(
        "{MAIL}{SPF}{DMARC}s1._domainkey.example.com. 3600 IN TXT \"v=DKIM1; k=ed25519; \
         p=eaewdVtx70cschwqJq4d0U0im4HAHfKmd1pckhVsEZI=\"\n"
    );
    let file = dir.write("zone", &zone);
    let out = Mailaudit::new()
        .zone(&file)
        .format("json")
        .args(["fix", "--selector", "s1", "--out"])
        .arg(dir.path().join("keys"))
        .arg("example.com")
        .run();
    out.assert_code(1);
    let changes: Changes = out.json_as();
    let change = fixing(&changes, "dkim-eddsa-only");
    assert!(change.new[0].contains("k=rsa"), "{change:?}");
    // With the new selector asked for too, the RSA key is found beside the Ed25519 one.
    let selector = change.name.split('.').next().unwrap();
    let after = dir.write("after.zone", format!("{zone}{}", lines(&changes)));
    let check = Mailaudit::new()
        .zone(&after)
        .format("json")
        .args([
            "check",
            "--no-probe",
            "--selector",
            "s1",
            "--selector",
            selector,
        ])
        .arg("example.com")
        .run();
    assert!(!check.stdout.contains("dkim-eddsa-only"), "{check}");
}

#[test]
fn out_never_puts_a_key_where_a_selector_is_published() {
    let dir = TempDir::new("fix-taken");
    // Every quarter's selector for years around today holds a record; with --selector s1 the
    // check does not look at them, so fix must.
    let mut zone = format!("{MAIL}{SPF}{DMARC}");
    for year in 2024..=2040 {
        for quarter in 1..=4 {
            let _ = writeln!(
                zone,
                "s{year}q{quarter}._domainkey.example.com. 3600 IN TXT \"v=DKIM1; p=\""
            );
        }
    }
    let file = dir.write("zone", &zone);
    let keys = dir.path().join("keys");
    let out = Mailaudit::new()
        .zone(&file)
        .format("json")
        .args(["fix", "--selector", "s1", "--out"])
        .arg(&keys)
        .arg("example.com")
        .run();
    out.assert_code(1);
    let changes: Changes = out.json_as();
    assert!(
        changes
            .changes
            .iter()
            .all(|c| !c.name.contains("_domainkey")),
        "{changes:?}"
    );
    // The policy to serve is there; no key is.
    let written: Vec<String> = std::fs::read_dir(&keys)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written, ["mta-sts.example.com"]);
}
