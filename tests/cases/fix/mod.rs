//! `mailaudit fix DOMAIN`: convergence is the contract. For each fixture zone, the changes
//! `fix` proposes are applied to the zone file (the record sets they replace taken out, the text
//! output — loadable zone-file lines — added), and `check --no-probe` on the result must no
//! longer report any code a change names, must raise no new error (but what `manual` says a
//! person must do), and a second `fix` must propose no change for those codes.

mod dkim;
mod dmarc;
mod mta_sts;
mod records;
mod spf;

use std::collections::BTreeSet;

use serde_json::Value;

use crate::support::cmd::Mailaudit;
use crate::support::model::{ChangeAction, Changes};
use crate::support::temp::TempDir;
use crate::support::zone_edit;

const MAIL: &str = "example.com. 3600 IN MX 10 mail.example.com.\n\
                    mail.example.com. 3600 IN A 192.0.2.25\n";
const SPF: &str = "example.com. 3600 IN TXT \"v=spf1 mx -all\"\n";
const DMARC: &str =
    "_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com\"\n";

/// `fix example.com` on `zone` (with `extra` options) as JSON, and its exit status.
fn fix(dir: &TempDir, zone: &str, extra: &[&str]) -> (Changes, i32) {
    fix_on(dir, "example.com", zone, extra)
}

fn fix_on(dir: &TempDir, domain: &str, zone: &str, extra: &[&str]) -> (Changes, i32) {
    let file = dir.write("fix.zone", zone);
    let out = Mailaudit::new()
        .zone(&file)
        .format("json")
        .arg("fix")
        .args(extra)
        .arg(domain)
        .run();
    assert!(out.code == 0 || out.code == 1, "{out}");
    (out.json_as(), out.code)
}

/// `fix DOMAIN` on `zone` as text: zone-file lines and comments.
fn fix_text(dir: &TempDir, domain: &str, zone: &str, extra: &[&str]) -> String {
    let file = dir.write("fix.zone", zone);
    let out = Mailaudit::new()
        .zone(&file)
        .arg("fix")
        .args(extra)
        .arg(domain)
        .run();
    assert!(out.code == 1, "{out}");
    out.stdout
}

/// The `(code, severity)` of every finding `check --no-probe DOMAIN` reports on `zone`.
fn findings(dir: &TempDir, domain: &str, zone: &str, extra: &[&str]) -> BTreeSet<(String, String)> {
    let file = dir.write("check.zone", zone);
    let out = Mailaudit::new()
        .zone(&file)
        .format("json")
        .args(["check", "--no-probe"])
        // Of fix's options, check knows only --parked.
        .args(extra.iter().filter(|a| **a == "--parked"))
        .arg(domain)
        .run();
    let report: Value = serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out}"));
    let mut found = BTreeSet::new();
    collect(&report, &mut found);
    found
}

fn collect(value: &Value, found: &mut BTreeSet<(String, String)>) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(code)), Some(Value::String(severity))) =
                (map.get("code"), map.get("severity"))
            {
                found.insert((code.clone(), severity.clone()));
            }
            map.values().for_each(|v| collect(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, found)),
        _ => {}
    }
}

/// `zone` with the record sets `changes` replace or delete taken out and `text` added.
fn applied(zone: &str, changes: &Changes, text: &str) -> String {
    let gone: BTreeSet<(String, String)> = changes
        .changes
        .iter()
        .filter(|c| c.action != ChangeAction::Add)
        .map(|c| {
            (
                c.name.to_ascii_lowercase(),
                format!("{:?}", c.rtype).to_uppercase(),
            )
        })
        .collect();
    let mut out = zone_edit::without(zone, &gone);
    out.push_str(text);
    out
}

/// Applies `fix` to `zone` and checks the contract; the changes, for more assertions.
#[track_caller]
fn converges(zone: &str, extra: &[&str]) -> Changes {
    let changes = converges_on("example.com", zone, extra);
    assert!(
        changes.changes.iter().any(|c| !c.fixes.is_empty()),
        "no change fixes anything: {changes:?}"
    );
    changes
}

/// The contract for `DOMAIN` in `zone`: every code a change names is gone once the changes are
/// applied, no new error appears (but what `manual` leaves to a person), and a second `fix`
/// proposes no change for those codes.
#[track_caller]
fn converges_on(domain: &str, zone: &str, extra: &[&str]) -> Changes {
    let dir = TempDir::new("fix");
    let before = findings(&dir, domain, zone, extra);
    let (changes, code) = fix_on(&dir, domain, zone, extra);
    if changes.changes.is_empty() && changes.manual.is_empty() {
        assert_eq!(code, 0);
        return changes;
    }
    assert_eq!(code, 1);
    let fixed: BTreeSet<String> = changes
        .changes
        .iter()
        .flat_map(|c| c.fixes.iter().cloned())
        .collect();
    if changes.changes.is_empty() {
        return changes;
    }
    let after_zone = applied(zone, &changes, &fix_text(&dir, domain, zone, extra));
    let after = findings(&dir, domain, &after_zone, extra);
    for code in &fixed {
        assert!(
            !after.iter().any(|(c, _)| c == code),
            "{code} is still there after\n{after_zone}\n{after:?}"
        );
    }
    let manual: BTreeSet<&str> = changes.manual.iter().map(|m| m.code.as_str()).collect();
    let new_errors: Vec<&(String, String)> = after
        .iter()
        .filter(|(c, s)| s == "error" && !before.contains(&(c.clone(), s.clone())))
        .filter(|(c, _)| !manual.contains(c.as_str()))
        .collect();
    assert!(
        new_errors.is_empty(),
        "new errors {new_errors:?} in\n{after_zone}"
    );
    let (again, _) = fix_on(&dir, domain, &after_zone, extra);
    for change in &again.changes {
        assert!(
            change.fixes.iter().all(|c| !fixed.contains(c)),
            "a second fix proposes {change:?}"
        );
    }
    changes
}

/// The manual step that holds the MTA-STS record back until a policy is served; no change
/// publishes the record meanwhile.
#[track_caller]
fn record_waits(changes: &Changes) -> &crate::support::model::ManualStep {
    assert!(
        changes
            .changes
            .iter()
            .all(|c| c.name != "_mta-sts.example.com."),
        "{changes:?}"
    );
    changes
        .manual
        .iter()
        .find(|m| m.code == "mta-sts-missing")
        .expect("the record, once the policy is served")
}

/// The change that fixes `code`.
#[track_caller]
fn fixing<'a>(changes: &'a Changes, code: &str) -> &'a crate::support::model::Change {
    changes
        .changes
        .iter()
        .find(|c| c.fixes.iter().any(|f| f == code))
        .unwrap_or_else(|| panic!("no change fixes {code}: {changes:?}"))
}

#[test]
fn no_dmarc_gets_p_none_with_reports() {
    let changes = converges(&format!("{MAIL}{SPF}"), &[]);
    let change = fixing(&changes, "dmarc-missing");
    assert_eq!(change.name, "_dmarc.example.com.");
    assert_eq!(
        change.new,
        ["\"v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com\""]
    );
}

#[test]
fn dmarc_p_none_moves_to_the_next_stage() {
    let zone = format!(
        "{MAIL}{SPF}_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=none; adkim=s; \
         rua=mailto:d@example.com\"\n"
    );
    let changes = converges(&zone, &[]);
    let change = fixing(&changes, "dmarc-policy-none");
    assert_eq!(change.action, ChangeAction::Replace);
    assert_eq!(
        change.new,
        ["\"v=DMARC1; p=quarantine; adkim=s; rua=mailto:d@example.com; t=y\""]
    );
}

#[test]
fn dmarc_pct_becomes_testing() {
    let zone = format!(
        "{MAIL}{SPF}_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=reject; pct=50; \
         rua=mailto:d@example.com\"\n"
    );
    let changes = converges(&zone, &[]);
    let change = fixing(&changes, "dmarc-pct-partial");
    assert_eq!(
        change.new,
        ["\"v=DMARC1; p=reject; rua=mailto:d@example.com; t=y\""]
    );
}

#[test]
fn dmarc_weaker_subdomain_policy_is_raised() {
    let zone = format!(
        "{MAIL}{SPF}_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=reject; sp=none; \
         rua=mailto:d@example.com\"\n"
    );
    let changes = converges(&zone, &[]);
    let change = fixing(&changes, "dmarc-subdomain-policy-weaker");
    assert!(change.new[0].contains("sp=reject"), "{change:?}");
}

#[test]
fn dmarc_without_rua_gets_the_given_address() {
    let zone = format!("{MAIL}{SPF}_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=reject\"\n");
    let changes = converges(&zone, &["--rua", "agg@example.com"]);
    let change = fixing(&changes, "dmarc-no-rua");
    assert_eq!(
        change.new,
        ["\"v=DMARC1; p=reject; rua=mailto:agg@example.com\""]
    );
}

#[test]
fn no_tls_rpt_gets_a_record() {
    let changes = converges(&format!("{MAIL}{SPF}{DMARC}"), &[]);
    let change = fixing(&changes, "tlsrpt-missing");
    assert_eq!(change.name, "_smtp._tls.example.com.");
    assert_eq!(
        change.new,
        ["\"v=TLSRPTv1; rua=mailto:tls-reports@example.com\""]
    );
}

#[test]
fn no_mta_sts_gets_the_policy_to_serve_first() {
    let changes = converges(&format!("{MAIL}{SPF}{DMARC}"), &[]);
    // Nothing serves a policy yet: the record waits for it, said as work for a person.
    let step = record_waits(&changes);
    assert!(
        step.why
            .contains("then publish _mta-sts.example.com. TXT \"v=STSv1; id="),
        "{}",
        step.why
    );
    let policy = &changes.files[0];
    assert_eq!(
        policy.url,
        "https://mta-sts.example.com/.well-known/mta-sts.txt"
    );
    assert!(
        policy
            .content
            .contains("mode: testing\r\nmx: mail.example.com\r\n")
    );
    let out = Mailaudit::new()
        .format("json")
        .args(["lint", "mta-sts-policy", "-"])
        .stdin(policy.content.as_str())
        .run();
    out.assert_success();
}

#[test]
fn spf_missing_is_built_from_the_mx_hosts() {
    let changes = converges(&format!("{MAIL}{DMARC}"), &["--ip4", "198.51.100.7"]);
    let change = fixing(&changes, "spf-missing");
    assert_eq!(change.new, ["\"v=spf1 ip4:198.51.100.7 mx -all\""]);
}

#[test]
fn spf_pass_all_becomes_fail_or_softfail() {
    let zone = format!("{MAIL}{DMARC}example.com. 3600 IN TXT \"v=spf1 mx +all\"\n");
    let changes = converges(&zone, &[]);
    assert_eq!(fixing(&changes, "spf-pass-all").new, ["\"v=spf1 mx -all\""]);
    let changes = converges(&zone, &["--softfail"]);
    assert_eq!(fixing(&changes, "spf-pass-all").new, ["\"v=spf1 mx ~all\""]);
}

#[test]
fn a_parked_domain_gets_null_mx_spf_fail_dmarc_reject_and_revoked_dkim() {
    let zone = format!("{MAIL}example.com. 3600 IN TXT \"v=spf1 mx ~all\"\n");
    let changes = converges(&zone, &["--parked"]);
    let lines: Vec<(&str, &str)> = changes
        .changes
        .iter()
        .map(|c| (c.name.as_str(), c.new[0].as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            ("example.com.", "0 ."),
            ("example.com.", "\"v=spf1 -all\""),
            ("_dmarc.example.com.", "\"v=DMARC1; p=reject; sp=reject\""),
            ("*._domainkey.example.com.", "\"v=DKIM1; p=\""),
        ]
    );
}

#[test]
fn a_clean_domain_needs_nothing() {
    let dir = TempDir::new("fix-clean");
    let parked = "example.com. 3600 IN MX 0 .\n\
                  example.com. 3600 IN TXT \"v=spf1 -all\"\n\
                  _dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=reject; sp=reject; \
                  rua=mailto:d@example.net\"\n\
                  *._domainkey.example.com. 3600 IN TXT \"v=DKIM1; p=\"\n\
                  example.net. 3600 IN MX 10 mx.example.net.\n\
                  mx.example.net. 3600 IN A 198.51.100.25\n\
                  example.com._report._dmarc.example.net. 3600 IN TXT \"v=DMARC1\"\n";
    let (changes, code) = fix(&dir, parked, &[]);
    assert!(changes.changes.is_empty(), "{changes:?}");
    assert!(changes.manual.is_empty(), "{changes:?}");
    assert_eq!(code, 0);
}
