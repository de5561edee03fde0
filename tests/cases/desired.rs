//! The desired state of the config file (`[policy."GLOB"]`): one test per `policy-` code
//! through the test DNS server, what cannot be determined breaks nothing, and suppressions
//! (`[[ignore]]`) with and without an until date driven by `check --now`, and `--no-ignore`.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dkim_keys::RFC6376_BRISBANE;
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::CheckReport;
use crate::support::temp::TempDir;

use super::check::healthy;

/// `check example.com` in JSON with `config` as the config file and `extra` arguments.
fn check_with(zone: Zone, config: &str, extra: &[&str]) -> (Output, CheckReport) {
    let dns = TestDns::start(zone);
    let dir = TempDir::new("desired");
    let path = dir.write("mailaudit.toml", config);
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .format("json")
        .arg("--config")
        .arg(&path)
        .args(["check", "--no-probe", "--selector", "s1", "example.com"])
        .args(extra)
        .run();
    let report = out.json_as();
    (out, report)
}

/// A fixture: the zone, and the `[policy]` keys that the zone breaks.
struct Case {
    zone: Zone,
    policy: &'static str,
}

/// A zone where example.com exists and holds only what `build` adds.
fn case(policy: &'static str, build: impl FnOnce(&mut Zone)) -> Case {
    let mut zone = Zone::new();
    zone.a("example.com", "192.0.2.1");
    build(&mut zone);
    Case { zone, policy }
}

fn assert_raised(code: &str, case: Case) {
    let config = format!("[policy.\"example.com\"]\n{}\n", case.policy);
    let (out, report) = check_with(case.zone, &config, &[]);
    assert!(
        report.findings.iter().any(|f| f.code == code),
        "{code}: not raised; got {:?}\n{out}",
        report.all_codes()
    );
    // Every policy- code but the expiry note is an error; that one brings an error back.
    out.assert_code(1);
}

mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        policy_dmarc_weaker => case("dmarc_policy = \"reject\"", |z| {
            z.txt("_dmarc.example.com", &["v=DMARC1; p=quarantine"]);
        });
        policy_dmarc_sp_weaker => case("dmarc_sp = \"reject\"", |z| {
            z.txt("_dmarc.example.com", &["v=DMARC1; p=reject; sp=none"]);
        });
        policy_dmarc_np_weaker => case("dmarc_np = \"quarantine\"", |z| {
            z.txt("_dmarc.example.com", &["v=DMARC1; p=reject; sp=quarantine; np=none"]);
        });
        policy_rsa_key_short => case("min_rsa_bits = 2048", |z| {
            let record = format!("v=DKIM1; k=rsa; p={RFC6376_BRISBANE}");
            z.txt("s1._domainkey.example.com", &[&record]);
        });
        policy_eddsa_missing => case("ed25519 = true", |z| {
            let record = format!("v=DKIM1; k=rsa; p={RFC6376_BRISBANE}");
            z.txt("s1._domainkey.example.com", &[&record]);
        });
        policy_mta_sts_mode => case("mta_sts_mode = \"testing\"", |_| {});
        policy_tls_rpt_missing => case("tls_rpt = true", |z| {
            z.txt("_smtp._tls.example.com", &["v=spf1 -all"]);
        });
        policy_spf_lookups => case("spf_max_lookups = 1", |z| {
            z.txt("example.com", &["v=spf1 mx a -all"]);
        });
        policy_spf_include_missing => case("spf_include = [\"_spf.provider.example\"]", |_| {});
        policy_spf_include_forbidden => case("spf_exclude = [\"_SPF.old.example.\"]", |z| {
            z.txt("example.com", &["v=spf1 include:spf.example.net -all"]);
            z.txt("spf.example.net", &["v=spf1 include:_spf.old.example -all"]);
            z.txt("_spf.old.example", &["v=spf1 ip4:192.0.2.1 -all"]);
        });
        policy_mx_mismatch => case("mx = [\"mail.example.com\", \"mx2.example.com\"]", |_| {});
        policy_ignore_expired => case(
            "min_rsa_bits = 1024\n[[ignore]]\ncode = \"policy-mx-mismatch\"\nreason = \"r\"\n\
             until = 2000-01-01\n[policy.\"*.com\"]\nmx = [\"other.example.com\"]",
            |_| {},
        );
    }
}

#[test]
fn the_code_table_covers_the_catalog_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["policy-"]);
}

#[test]
fn a_healthy_domain_meets_every_key_and_a_glob_reaches_below_only() {
    let config = "[policy.\"example.com\"]\ndmarc_policy = \"reject\"\ndmarc_sp = \"reject\"\n\
        dmarc_np = \"reject\"\nmin_rsa_bits = 2048\ned25519 = true\ntls_rpt = true\n\
        spf_max_lookups = 8\nspf_exclude = [\"_spf.old.example\"]\nmx = [\"MAIL.example.com.\"]\n\
        [policy.\"*.example.com\"]\ndmarc_policy = \"reject\"\nmx = [\"nothing.example\"]\n";
    let mut zone = Zone::new();
    healthy(&mut zone, "example.com");
    let (out, report) = check_with(zone, config, &[]);
    let policy: Vec<&str> = report
        .all_codes()
        .into_iter()
        .filter(|c| c.starts_with("policy-"))
        .collect();
    assert!(policy.is_empty(), "{policy:?}\n{out}");
}

#[test]
fn what_the_audit_could_not_determine_breaks_nothing() {
    // The DMARC lookup fails: the policy that applies is unknown, not weaker.
    let case = case("dmarc_policy = \"reject\"", |z| {
        z.servfail("_dmarc.example.com");
    });
    let config = format!("[policy.\"example.com\"]\n{}\n", case.policy);
    let (out, report) = check_with(case.zone, &config, &[]);
    assert!(
        !report.all_codes().contains(&"policy-dmarc-weaker"),
        "{out}"
    );
}

const SUPPRESSING: &str = "[policy.\"example.com\"]\nmx = [\"mx9.example.com\"]\n\
    [[ignore]]\ncode = \"policy-mx-mismatch\"\ndomain = \"EXAMPLE.com\"\n\
    subject = \"example.com\"\nreason = \"moving MX in March\"\nuntil = 2027-03-01\n";

fn healthy_zone() -> Zone {
    let mut zone = Zone::new();
    healthy(&mut zone, "example.com");
    zone
}

#[test]
fn a_suppression_keeps_the_finding_in_json_out_of_text_and_the_exit_status() {
    let (out, report) = check_with(healthy_zone(), SUPPRESSING, &["--now", "2027-03-01"]);
    out.assert_code(0);
    let f = report
        .findings
        .iter()
        .find(|f| f.code == "policy-mx-mismatch")
        .expect("kept in JSON");
    let s = f.suppressed.as_ref().expect("marked suppressed");
    assert_eq!(s.reason, "moving MX in March");
    assert_eq!(s.until.as_deref(), Some("2027-03-01"));
    assert!(!report.all_codes().contains(&"policy-ignore-expired"));

    let dns = TestDns::start(healthy_zone());
    let dir = TempDir::new("desired-text");
    let path = dir.write("c.toml", SUPPRESSING);
    let text = Mailaudit::new()
        .dns(&dns)
        .env("MAILAUDIT_CONFIG", &path)
        .args(["check", "--no-probe", "--selector", "s1", "example.com"])
        .args(["--now", "2026-12-01"])
        .run();
    text.assert_code(0);
    assert!(!text.stdout.contains("policy-mx-mismatch"), "{text}");
    assert!(text.stdout.contains("MX       ok"), "{text}");
}

#[test]
fn a_suppression_without_until_applies_for_good() {
    let config = SUPPRESSING.replace("until = 2027-03-01\n", "");
    let (out, report) = check_with(healthy_zone(), &config, &["--now", "2999-01-01"]);
    out.assert_code(0);
    let f = report
        .findings
        .iter()
        .find(|f| f.code == "policy-mx-mismatch");
    let s = f.and_then(|f| f.suppressed.clone()).expect("suppressed");
    assert_eq!(s.until, None);
}

#[test]
fn an_expired_suppression_brings_the_finding_back_and_says_so() {
    let (out, report) = check_with(healthy_zone(), SUPPRESSING, &["--now", "2027-03-02"]);
    out.assert_code(1);
    let mismatch = report
        .findings
        .iter()
        .find(|f| f.code == "policy-mx-mismatch");
    assert!(mismatch.is_some_and(|f| f.suppressed.is_none()), "{out}");
    let expired: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == "policy-ignore-expired")
        .collect();
    assert_eq!(expired.len(), 1, "{out}");
    assert!(
        expired[0].message.contains("2027-03-01"),
        "{}",
        expired[0].message
    );
    assert!(expired[0].message.contains("moving MX in March"));
}

#[test]
fn no_ignore_shows_and_counts_everything() {
    let (out, report) = check_with(
        healthy_zone(),
        SUPPRESSING,
        &["--now", "2027-01-01", "--no-ignore"],
    );
    out.assert_code(1);
    assert!(
        report.findings.iter().all(|f| f.suppressed.is_none()),
        "{out}"
    );
    assert!(report.all_codes().contains(&"policy-mx-mismatch"));
}

#[test]
fn a_suppression_covers_area_findings_too_and_only_its_domain() {
    // The second rule covers the DMARC area's own finding; the first matches only below.
    let config = "[[ignore]]\ncode = \"dmarc-policy-none\"\ndomain = \"*.example.com\"\n\
        reason = \"only below\"\n[[ignore]]\ncode = \"dmarc-policy-none\"\n\
        domain = \"example.com\"\nreason = \"rolling out\"\n";
    let case = case("", |z| {
        z.txt(
            "_dmarc.example.com",
            &["v=DMARC1; p=none; rua=mailto:d@example.com"],
        );
    });
    let (out, report) = check_with(case.zone, config, &[]);
    let dmarc = report.dmarc.expect("dmarc");
    let f = dmarc
        .findings
        .iter()
        .find(|f| f.code == "dmarc-policy-none")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(
        f.suppressed.as_ref().map(|s| s.reason.as_str()),
        Some("rolling out")
    );
}
