//! `mailaudit dkim DOMAIN` and `lint dkim` through the binary against the in-process DNS server:
//! one test per finding code (from a table), clean keys raise nothing, discovery finds what is
//! published and says what it cannot know, CNAME delegation is shown, and a failed lookup is
//! never a missing key.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dkim_keys::{RFC6376_BRISBANE, RFC8463_BRISBANE, ed25519_spki, rsa_key};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{DkimLintReport, DkimReport, DkimSelectorStatus};
use crate::support::temp::TempDir;

const NAME: &str = "sel._domainkey.example.com";

enum Fixture {
    /// Served by the test DNS server; audited with `--selector sel`.
    Dns(Box<Zone>),
    /// Served by the test DNS server; audited without `--selector` (discovery).
    Discover(Box<Zone>),
    /// A zone file, for data the DNS wire cannot carry.
    ZoneFile(String),
}

impl From<Zone> for Fixture {
    fn from(zone: Zone) -> Self {
        Fixture::Dns(Box::new(zone))
    }
}

fn audit(fixture: impl Into<Fixture>) -> (Output, DkimReport) {
    let command = Mailaudit::new()
        .format("json")
        .args(["dkim", "example.com"]);
    let out = match fixture.into() {
        Fixture::Dns(zone) => {
            let dns = TestDns::start(*zone);
            command
                .dns(&dns)
                .timeout("0.5")
                .args(["--selector", "sel"])
                .run()
        }
        Fixture::Discover(zone) => {
            let dns = TestDns::start(*zone);
            let home = TempDir::new("dkim-home");
            command
                .dns(&dns)
                .timeout("0.5")
                .env("HOME", home.path())
                .env_remove("XDG_CONFIG_HOME")
                .run()
        }
        Fixture::ZoneFile(text) => {
            let dir = TempDir::new("dkim-audit");
            command
                .zone(dir.write("example.com.zone", text))
                .args(["--selector", "sel"])
                .run()
        }
    };
    let report = out.json_as();
    (out, report)
}

fn zone(build: impl FnOnce(&mut Zone)) -> Zone {
    let mut z = Zone::new();
    z.a("example.com", "192.0.2.1");
    build(&mut z);
    z
}

/// `sel._domainkey.example.com` publishing `record`, split into 255-byte strings.
fn key(record: &str) -> Zone {
    zone(|z| {
        z.txt_split(NAME, record);
    })
}

/// A key under a selector no discovery list holds, so `_domainkey.example.com` is an empty
/// non-terminal (NODATA).
fn unlisted_key() -> Zone {
    zone(|z| {
        z.txt(
            "not-on-any-list._domainkey.example.com",
            &[&format!("v=DKIM1; k=ed25519; p={RFC8463_BRISBANE}")],
        );
    })
}

fn rsa2048() -> String {
    rsa_key(2048, true)
}

fn assert_raised(code: &str, fixture: Fixture) {
    let (out, report) = audit(fixture);
    assert!(
        report.codes().contains(&code),
        "{code}: not raised; got {:?}\n{out}",
        report.codes()
    );
}

mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        dns_lookup_failed => zone(|z| { z.servfail(NAME); });
        dkim_selector_not_found => zone(|_| {});
        // A key under a selector discovery does not know: `_domainkey` exists, empty.
        dkim_none_found => Fixture::Discover(Box::new(unlisted_key()));
        dkim_no_domainkey => Fixture::Discover(Box::new(zone(|_| {})));
        dkim_multiple_records => zone(|z| {
            z.txt_split(NAME, &format!("v=DKIM1; p={}", rsa2048()));
            z.txt_split(NAME, &format!("v=DKIM1; p={}", rsa_key(3072, true)));
        });
        dkim_syntax_error => key(&format!("v=DKIM1; k rsa; p={}", rsa2048()));
        dkim_version_not_first => key(&format!("k=rsa; v=DKIM1; p={}", rsa2048()));
        dkim_bad_version => key(&format!("v=DKIM2; p={}", rsa2048()));
        dkim_key_revoked => key("v=DKIM1; k=rsa; p=");
        dkim_key_undecodable => key("v=DKIM1; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
        dkim_key_type_mismatch => key(&format!("v=DKIM1; k=rsa; p={RFC8463_BRISBANE}"));
        dkim_key_too_short => key(&format!("v=DKIM1; p={}", rsa_key(512, true)));
        dkim_key_short => key(&format!("v=DKIM1; p={RFC6376_BRISBANE}"));
        dkim_key_not_spki => key(&format!("v=DKIM1; k=rsa; p={}", rsa_key(2048, false)));
        dkim_hash_weak_only => key(&format!("v=DKIM1; h=sha1; p={}", rsa2048()));
        dkim_hash_unknown => key(&format!("v=DKIM1; h=sha512; p={}", rsa2048()));
        dkim_testing => key(&format!("v=DKIM1; t=y; p={}", rsa2048()));
        dkim_service_excludes_email => key(&format!("v=DKIM1; s=tlsrpt; p={}", rsa2048()));
        dkim_unknown_key_type => key(&format!("v=DKIM1; k=dsa; p={}", rsa2048()));
        dkim_eddsa_key_size => key(&format!("v=DKIM1; k=ed25519; p={}", ed25519_spki()));
        dkim_eddsa_only => key(&format!("v=DKIM1; k=ed25519; p={RFC8463_BRISBANE}"));
        // The DNS wire cannot carry a character-string over 255 bytes; a zone file can.
        dkim_string_too_long => Fixture::ZoneFile(format!(
            "$ORIGIN example.com.\n$TTL 300\nsel._domainkey IN TXT \"v=DKIM1; p={}\"\n",
            rsa2048()
        ));
        dkim_granularity => key(&format!("v=DKIM1; g=joe; p={}", rsa2048()));
    }
}

#[test]
fn the_code_table_covers_the_dkim_codes_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["dns-", "dkim-"]);
}

#[test]
fn clean_keys_raise_nothing_and_exit_0() {
    let clean = zone(|z| {
        z.txt_split(
            "rsa._domainkey.example.com",
            &format!("v=DKIM1; k=rsa; p={}", rsa2048()),
        );
        z.txt(
            "ed._domainkey.example.com",
            &[&format!("v=DKIM1; k=ed25519; p={RFC8463_BRISBANE}")],
        );
    });
    let dns = TestDns::start(clean);
    let out = Mailaudit::new()
        .dns(&dns)
        .format("json")
        .args([
            "dkim",
            "example.com",
            "--selector",
            "rsa",
            "--selector",
            "ed",
        ])
        .run();
    out.assert_success();
    let report: DkimReport = out.json_as();
    assert_eq!(report.codes(), Vec::<&str>::new(), "{out}");
    assert!(!report.discovery);
    assert_eq!(report.note, None);
    let keys: Vec<(String, u64, String)> = report
        .selectors
        .iter()
        .map(|s| {
            let k = s.records[0].key.clone().unwrap();
            (k.algorithm, k.bits, k.encoding)
        })
        .collect();
    assert_eq!(
        keys,
        [
            ("rsa".into(), 2048, "spki".into()),
            ("ed25519".into(), 256, "raw".into())
        ]
    );
    assert_eq!(
        report.selectors[0].records[0].strings.len(),
        2,
        "a 2048-bit key needs two strings"
    );
}

#[test]
fn discovery_finds_published_selectors_follows_cnames_and_says_it_cannot_enumerate() {
    let provider = zone(|z| {
        z.cname(
            "selector1._domainkey.example.com",
            "selector1-example-com._domainkey.provider.example.net",
        );
        z.txt_split(
            "selector1-example-com._domainkey.provider.example.net",
            &format!("v=DKIM1; k=rsa; p={}", rsa2048()),
        );
        z.txt_split(
            "google._domainkey.example.com",
            &format!("v=DKIM1; k=rsa; p={}", rsa2048()),
        );
    });
    let (out, report) = audit(Fixture::Discover(Box::new(provider)));
    out.assert_success();
    assert!(report.discovery);
    assert!(report.selectors_tried > 50, "{}", report.selectors_tried);
    let found: Vec<&str> = report
        .selectors
        .iter()
        .map(|s| s.selector.as_str())
        .collect();
    assert_eq!(
        found,
        ["google", "selector1"],
        "only found selectors are listed\n{out}"
    );
    assert_eq!(
        report.selectors[1].cname.as_deref(),
        Some("selector1-example-com._domainkey.provider.example.net")
    );
    assert!(
        report
            .note
            .as_deref()
            .unwrap()
            .contains("cannot be enumerated")
    );
    assert_eq!(report.codes(), Vec::<&str>::new());
}

#[test]
fn discovery_tries_the_rotation_states_selectors() {
    let dir = TempDir::new("dkim-state-selectors");
    let state = dir.write(
        "state.yaml",
        "version: 1\ndomains:\n  example.com:\n    interval_days: 90\n    overlap_days: 7\n    selector_template: x{year}\n    key_dir: /nonexistent\n    algorithms: [rsa]\n    rsa_bits: 2048\n    keys:\n      - selector: unusual-name\n        algorithm: rsa\n        file: /nonexistent/k.pem\n        created: 2026-01-01\n",
    );
    let dns = TestDns::start(zone(|z| {
        z.txt_split(
            "unusual-name._domainkey.example.com",
            &format!("v=DKIM1; p={}", rsa2048()),
        );
    }));
    let out = Mailaudit::new()
        .dns(&dns)
        .format("json")
        .args(["dkim", "example.com", "--state"])
        .arg(&state)
        .run();
    let report: DkimReport = out.json_as();
    assert_eq!(report.selectors.len(), 1, "{out}");
    assert_eq!(report.selectors[0].selector, "unusual-name");
}

#[test]
fn a_failed_lookup_is_a_failure_not_a_missing_key() {
    let (out, report) = audit(zone(|z| {
        z.servfail(NAME);
    }));
    out.assert_code(2);
    assert_eq!(report.codes(), ["dns-lookup-failed"]);
    assert_eq!(report.selectors[0].status, DkimSelectorStatus::LookupFailed);
    // Silence (a timeout) too, and discovery over a server that fails everything is one finding.
    let mut broken = Zone::new();
    broken
        .silent("_domainkey.example.com", None)
        .silent_below("_domainkey.example.com");
    let dns = TestDns::start(broken);
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("0.2")
        .format("json")
        .args(["--budget", "3", "dkim", "example.com"])
        .env("HOME", "/nonexistent")
        .run();
    out.assert_code(2);
    let report: DkimReport = out.json_as();
    assert_eq!(report.codes(), ["dns-lookup-failed"], "{out}");
    assert!(!report.codes().contains(&"dkim-none-found"));
}

/// `dkim DOMAIN` by discovery against `zone`: the output, the report, and the queries the
/// server saw for names at or below `_domainkey.example.com`.
fn discover(zone: Zone) -> (Output, DkimReport, Vec<(String, String)>) {
    let dns = TestDns::start(zone);
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .format("json")
        .args(["dkim", "example.com"])
        .env("HOME", "/nonexistent")
        .env_remove("XDG_CONFIG_HOME")
        .run();
    let report = out.json_as();
    let below = dns
        .queries()
        .into_iter()
        .filter(|(name, _)| name.ends_with("_domainkey.example.com"))
        .collect();
    (out, report, below)
}

#[test]
fn no_domainkey_name_proves_there_is_no_selector_in_one_query() {
    let (out, report, below) = discover(zone(|_| {}));
    out.assert_success();
    assert_eq!(
        below,
        [("_domainkey.example.com".to_string(), "TXT".to_string())],
        "one query, and no selector asked for"
    );
    assert_eq!(report.codes(), ["dkim-no-domainkey"], "{out}");
    let message = &report.findings[0].message;
    assert!(
        message.starts_with(
            "_domainkey.example.com does not exist (NXDOMAIN): no selector can exist below it \
             (RFC 8020); the "
        ) && message.ends_with(" selector lookups were skipped"),
        "{message}"
    );
    assert!(report.discovery && report.no_domainkey && report.selectors.is_empty());
    assert_eq!(report.selectors_tried, 0, "nothing was tried");
    let note = report.note.as_deref().unwrap_or_default();
    assert!(
        note.contains("RFC 8020") && note.contains("--selector"),
        "{note}"
    );
}

/// In text, `dkim` and the check's scorecard say there is no `_domainkey`, not "0 selectors".
#[test]
fn no_domainkey_is_said_in_words_in_text() {
    let dns = TestDns::start(zone(|_| {}));
    for args in [
        &["dkim", "example.com"][..],
        &["check", "--no-probe", "example.com"],
    ] {
        let out = Mailaudit::new()
            .dns(&dns)
            .timeout("0.5")
            .args(args)
            .env("HOME", "/nonexistent")
            .env_remove("XDG_CONFIG_HOME")
            .run();
        assert!(
            out.stdout.contains("no _domainkey") && !out.stdout.contains("0 selectors"),
            "{out}"
        );
    }
}

#[test]
fn an_empty_domainkey_name_sends_discovery_on_to_the_list() {
    let (out, report, below) = discover(unlisted_key());
    out.assert_success();
    assert_eq!(report.codes(), ["dkim-none-found"], "{out}");
    assert!(report.selectors_tried > 50, "{}", report.selectors_tried);
    // The shortcut's query, the wildcard probe, then every selector of the list, each once.
    assert_eq!(
        below.len(),
        2 + usize::try_from(report.selectors_tried).unwrap(),
        "{below:?}"
    );
    assert!(
        report
            .note
            .as_deref()
            .unwrap()
            .contains("cannot be enumerated")
    );
}

#[test]
fn a_failure_at_domainkey_does_not_stop_discovery() {
    let (out, report, below) = discover(zone(|z| {
        z.servfail("_domainkey.example.com");
        z.txt(
            "google._domainkey.example.com",
            &[&format!("v=DKIM1; k=ed25519; p={RFC8463_BRISBANE}")],
        );
        z.txt_split(
            "default._domainkey.example.com",
            &format!("v=DKIM1; p={}", rsa2048()),
        );
    }));
    out.assert_success();
    let found: Vec<&str> = report
        .selectors
        .iter()
        .map(|s| s.selector.as_str())
        .collect();
    assert_eq!(found, ["google", "default"], "{out}");
    // The failed shortcut is no finding: the list answered instead.
    assert_eq!(report.codes(), Vec::<&str>::new(), "{out}");
    assert!(below.len() > 50, "{}", below.len());
}

#[test]
fn text_shows_the_key_and_the_finding_at_its_tag() {
    let dns = TestDns::start(key(&format!("v=DKIM1; t=y; p={RFC6376_BRISBANE}")));
    let out = Mailaudit::new()
        .dns(&dns)
        .args(["dkim", "example.com", "--selector", "sel"])
        .run();
    out.assert_success();
    out.assert_stdout_contains("rsa key, 1024 bits, SubjectPublicKeyInfo, testing (t=y)");
    out.assert_stdout_contains("warning dkim-key-short");
    out.assert_stdout_contains("p=MIGfMA0GCSqGSIb3DQEBAQUA…ckcQ2QIDAQAB (216 characters)");
}

#[test]
fn lint_dkim_checks_a_record_offline_keeping_its_split() {
    let record = format!("\"v=DKIM1; k=ed25519; \" \"p={RFC8463_BRISBANE}\"");
    let out = Mailaudit::new()
        .format("json")
        .args(["lint", "dkim", &record])
        .run();
    out.assert_success();
    let report: DkimLintReport = out.json_as();
    assert!(report.findings.is_empty(), "{out}");
    assert_eq!(report.record.strings.len(), 2);
    assert_eq!(report.record.key.unwrap().bits, 256);
    let out = Mailaudit::new()
        .format("json")
        .args(["lint", "dkim", "v=DKIM1; h=sha1; p="])
        .run();
    out.assert_code(1);
    let report: DkimLintReport = out.json_as();
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["dkim-hash-weak-only", "dkim-key-revoked"]);
}
