//! `fix` beyond SPF and DMARC: MX records, a parked domain's DKIM wildcard, a new DKIM key with
//! `--out`, BIMI's DMARC prerequisites, a report destination's authorization, an MTA-STS policy
//! that leaves an MX host out — and the contract on every example zone that ships.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::os::unix::fs::PermissionsExt;

use super::{DMARC, MAIL, SPF, converges, converges_on, fix, fixing};
use crate::cases::mta_sts::{Cert, GOOD_POLICY, Site, base, start};
use crate::support::cmd::Mailaudit;
use crate::support::https_server::Reply;
use crate::support::model::{ChangeAction, Changes};
use crate::support::temp::TempDir;

#[test]
fn mx_null_beside_hosts_alias_and_duplicate_become_one_clean_set() {
    let zone = "example.com. 3600 IN MX 0 .\n\
                example.com. 3600 IN MX 10 alias.example.com.\n\
                example.com. 3600 IN MX 20 mail.example.com.\n\
                example.com. 3600 IN MX 30 MAIL.example.com.\n\
                alias.example.com. 3600 IN CNAME mail2.example.com.\n\
                mail2.example.com. 3600 IN A 192.0.2.26\n\
                mail.example.com. 3600 IN A 192.0.2.25\n";
    let changes = converges(&format!("{zone}{SPF}{DMARC}"), &[]);
    let change = fixing(&changes, "mx-null-mixed");
    assert_eq!(change.action, ChangeAction::Replace);
    assert_eq!(
        change.fixes,
        ["mx-null-mixed", "mx-target-cname", "mx-duplicate-host"]
    );
    assert_eq!(
        change.old,
        [
            "0 .",
            "10 alias.example.com.",
            "20 mail.example.com.",
            "30 mail.example.com."
        ]
    );
    assert_eq!(
        change.new,
        ["10 mail2.example.com.", "20 mail.example.com."]
    );
    // The policy lists the hosts as the change leaves them, not the alias.
    let policy = &changes.files[0].content;
    assert!(
        policy.contains("mx: mail2.example.com\r\nmx: mail.example.com\r\n"),
        "{policy}"
    );
}

#[test]
fn a_null_mx_alone_parks_the_domain_with_a_revoked_dkim_wildcard() {
    let changes = converges("example.com. 3600 IN MX 0 .\n", &[]);
    let wildcard = changes
        .changes
        .iter()
        .find(|c| c.name == "*._domainkey.example.com.")
        .expect("the DKIM wildcard");
    assert_eq!(wildcard.new, ["\"v=DKIM1; p=\""]);
    assert_eq!(wildcard.fixes, ["dkim-no-domainkey"]);
}

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
fn bimi_prerequisites_point_at_the_dmarc_change() {
    let bimi = "default._bimi.example.com. 3600 IN TXT \"v=BIMI1; l=https://example.com/l.svg\"\n";
    let sp_none = format!(
        "{MAIL}{SPF}{bimi}_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=reject; sp=none; \
         rua=mailto:d@example.com\"\n"
    );
    let changes = converges(&sp_none, &[]);
    let change = fixing(&changes, "bimi-dmarc-sp-none");
    assert!(
        change
            .fixes
            .contains(&"dmarc-subdomain-policy-weaker".to_string())
    );
    let none = format!(
        "{MAIL}{SPF}{bimi}_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=none; \
         rua=mailto:d@example.com\"\n"
    );
    let changes = converges(&none, &[]);
    let step = changes
        .manual
        .iter()
        .find(|m| m.code == "bimi-dmarc-not-enforced")
        .expect("BIMI waits for DMARC");
    assert!(step.why.contains("the DMARC change above"), "{}", step.why);
    fixing(&changes, "dmarc-policy-none");
}

#[test]
fn an_outside_report_destination_is_asked_to_authorize() {
    let zone = format!(
        "{MAIL}{SPF}_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=reject; \
         rua=mailto:d@example.net\"\n\
         example.net. 3600 IN MX 10 mx.example.net.\n\
         mx.example.net. 3600 IN A 198.51.100.25\n"
    );
    let changes = converges(&zone, &[]);
    let change = fixing(&changes, "dmarc-report-destination-unauthorized");
    assert_eq!(change.name, "example.com._report._dmarc.example.net.");
    assert_eq!(change.new, ["\"v=DMARC1\""]);
}

#[test]
fn an_mx_host_the_policy_leaves_out_gets_a_policy_with_it_and_a_new_id() {
    let backup = |z: &mut crate::support::dns_server::Zone| {
        z.mx("example.com", 20, "backup.example.net");
    };
    let site = Site::serving(GOOD_POLICY).zone(backup);
    let running = start(site);
    let out = running
        .command
        .clone()
        .format("json")
        .args(["fix", "example.com"])
        .run();
    out.assert_code(1);
    let changes: Changes = out.json_as();
    let change = fixing(&changes, "mta-sts-mx-not-covered");
    assert_eq!(change.action, ChangeAction::Replace);
    assert_eq!(change.name, "_mta-sts.example.com.");
    assert_ne!(change.new, change.old, "a new id");
    let policy = &changes.files[0].content;
    for host in ["mx: mail.example.com\r\n", "mx: backup.example.net\r\n"] {
        assert!(policy.contains(host), "{policy}");
    }
    let mut zone = base(false);
    backup(&mut zone);
    served(zone, &changes, &["mta-sts-mx-not-covered"]);
}

/// Publishes the record and serves the policy `changes` propose, then audits MTA-STS again:
/// none of `codes` may be left.
fn served(mut zone: crate::support::dns_server::Zone, changes: &Changes, codes: &[&str]) {
    let record = changes
        .changes
        .iter()
        .find(|c| c.name == "_mta-sts.example.com.")
        .expect("the record");
    zone.txt("_mta-sts.example.com", &[record.new[0].trim_matches('"')]);
    let policy = Reply::policy(&changes.files[0].content);
    let after = start(Site::new(zone, Some((Cert::Good, policy))));
    let check = after
        .command
        .clone()
        .format("json")
        .args(["mta-sts", "example.com"])
        .run();
    for code in codes {
        assert!(!check.stdout.contains(code), "{code}: {check}");
    }
}

/// Every zone file that ships (examples and fixtures), for each domain it holds.
const EXAMPLES: [(&str, &str); 7] = [
    ("examples/example.com.zone", "example.com"),
    ("examples/example.net.zone", "example.net"),
    ("examples/example.org.zone", "example.org"),
    ("examples/mx.zone", "shop.example"),
    ("examples/mx.zone", "parked.example"),
    ("examples/dkim.zone", "example.com"),
    ("tests/fixtures/signed.example.com.zone", "example.com"),
];

#[test]
fn every_zone_file_that_ships_converges() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut fixed = BTreeSet::new();
    for (file, domain) in EXAMPLES {
        let zone = std::fs::read_to_string(root.join(file)).expect("example zone");
        let changes = converges_on(domain, &zone, &[]);
        fixed.extend(changes.changes.into_iter().flat_map(|c| c.fixes));
    }
    assert!(fixed.len() > 5, "{fixed:?}");
}

#[test]
fn mx_records_without_fault_are_left_alone() {
    let dir = TempDir::new("fix-mx-clean");
    let (changes, _) = fix(&dir, &format!("{MAIL}{SPF}{DMARC}"), &[]);
    assert!(
        changes
            .changes
            .iter()
            .all(|c| format!("{:?}", c.rtype) != "Mx"),
        "{changes:?}"
    );
}

#[test]
fn the_config_files_domain_settings_are_fixs_too() {
    let dir = TempDir::new("fix-config");
    let config = dir.write(
        "mailaudit.toml",
        "[domains.\"example.com\"]\nselectors = [\"custom\"]\nparked = true\n",
    );
    let zone =
        format!("{MAIL}{SPF}{DMARC}custom._domainkey.example.com. 3600 IN TXT \"v=DKIM1; p=\"\n");
    let file = dir.write("zone", &zone);
    let out = Mailaudit::new()
        .zone(&file)
        .arg("--config")
        .arg(&config)
        .format("json")
        .args(["fix", "example.com"])
        .run();
    out.assert_code(1);
    let changes: Changes = out.json_as();
    // Parked as the file says: a null MX instead of the host.
    assert_eq!(fixing(&changes, "mx-host-not-public").new, ["0 ."]);
    // The file's selector holds a (revoked) key, so no wildcard is proposed.
    assert!(
        changes.changes.iter().all(|c| !c.name.starts_with('*')),
        "{changes:?}"
    );
}

#[test]
fn a_served_policy_without_a_record_gets_its_record() {
    let running = start(Site::serving(GOOD_POLICY).zone(|z| *z = base(false)));
    let out = running
        .command
        .clone()
        .format("json")
        .args(["fix", "example.com"])
        .run();
    out.assert_code(1);
    let changes: Changes = out.json_as();
    let change = fixing(&changes, "mta-sts-policy-without-record");
    assert_eq!(change.name, "_mta-sts.example.com.");
    assert!(change.new[0].starts_with("\"v=STSv1; id="), "{change:?}");
    // The policy served is fine: nothing to serve instead.
    assert!(changes.files.is_empty(), "{changes:?}");
}

#[test]
fn an_mta_sts_record_that_does_not_parse_gets_a_fresh_id() {
    let zone =
        format!("{MAIL}{SPF}{DMARC}_mta-sts.example.com. 3600 IN TXT \"v=STSv1; id=2024-05-01\"\n");
    let changes = converges(&zone, &[]);
    let change = fixing(&changes, "mta-sts-record-id-invalid");
    assert_eq!(change.old, ["\"v=STSv1; id=2024-05-01\""]);
    assert!(change.new[0].starts_with("\"v=STSv1; id=20"), "{change:?}");
    // Nothing is served yet: the file to serve comes with it.
    assert_eq!(changes.files.len(), 1);
}

#[test]
fn a_policy_with_invalid_fields_is_rewritten_keeping_what_is_valid() {
    let broken = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: bad..name\r\n\
                  max_age: 60\r\n";
    let running = start(Site::serving(broken));
    let out = running
        .command
        .clone()
        .format("json")
        .args(["fix", "example.com"])
        .run();
    out.assert_code(1);
    let changes: Changes = out.json_as();
    for code in ["mta-sts-policy-mx-invalid", "mta-sts-policy-max-age-short"] {
        fixing(&changes, code);
    }
    let policy = &changes.files[0].content;
    assert_eq!(
        policy,
        "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n"
    );
    assert!(
        changes
            .manual
            .iter()
            .any(|m| m.why.contains("in place of the current one")),
        "{changes:?}"
    );
    served(
        base(false),
        &changes,
        &["mta-sts-policy-mx-invalid", "mta-sts-policy-max-age-short"],
    );
}

#[test]
fn tls_rpt_keeps_its_valid_addresses_and_drops_the_rest() {
    let zone = format!(
        "{MAIL}{SPF}{DMARC}_smtp._tls.example.com. 3600 IN TXT \"v=TLSRPTv1; \
         rua=mailto:tls@example.com,http://reports.example.com/tls\"\n"
    );
    let changes = converges(&zone, &[]);
    assert_eq!(
        fixing(&changes, "tlsrpt-rua-invalid").new,
        ["\"v=TLSRPTv1; rua=mailto:tls@example.com\""]
    );
}

#[test]
fn the_mta_sts_id_can_be_given_and_is_checked() {
    let dir = TempDir::new("fix-id");
    let file = dir.write("zone", format!("{MAIL}{SPF}{DMARC}"));
    let run = |id: &str| {
        Mailaudit::new()
            .zone(&file)
            .format("json")
            .args(["fix", "--mta-sts-id", id, "example.com"])
            .run()
    };
    let changes: Changes = run("20261201").json_as();
    let step = changes
        .manual
        .iter()
        .find(|m| m.code == "mta-sts-missing")
        .expect("the record to publish");
    assert!(
        step.why.contains("\"v=STSv1; id=20261201\""),
        "{}",
        step.why
    );
    let bad = run("2026-12-01");
    bad.assert_code(2);
    assert_eq!(
        bad.stderr,
        "mailaudit: --mta-sts-id \"2026-12-01\": an id is 1 to 32 letters and digits\n"
    );
}

/// The README's before and after: `examples/example.com.fixed.zone` is the example zone with
/// `fix`'s changes applied, exactly (`MAILAUDIT_WRITE_EXAMPLES=1` remakes it).
#[test]
fn the_fixed_example_zone_is_the_example_zone_with_fix_applied() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let zone = std::fs::read_to_string(root.join("examples/example.com.zone")).unwrap();
    let args = ["fix", "--mta-sts-id", "20261201", "example.com"];
    let run = |format: &str| {
        Mailaudit::new()
            .current_dir(root)
            .zone("examples/example.com.zone")
            .format(format)
            .args(args)
            .run()
    };
    let changes: Changes = run("json").json_as();
    let header = format!(
        "; examples/example.com.zone with the changes of\n\
         ;   mailaudit --zone examples/example.com.zone {}\n\
         ; applied: the record sets they replace taken out, what it prints added at the end.\n\
         ; tests/cases/fix/records.rs makes sure of it.\n",
        args.join(" ")
    );
    let fixed = header + &super::applied(&zone, &changes, &run("text").stdout);
    let path = root.join("examples/example.com.fixed.zone");
    if std::env::var_os("MAILAUDIT_WRITE_EXAMPLES").is_some() {
        std::fs::write(&path, &fixed).unwrap();
    }
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        shipped == fixed,
        "{} is not the example zone with fix applied; remake it with \
         MAILAUDIT_WRITE_EXAMPLES=1 (- shipped, + made):\n{}",
        path.display(),
        crate::support::diff::line_diff(&shipped, &fixed)
    );
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
