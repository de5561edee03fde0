//! `fix` beyond SPF, DMARC, MTA-STS and DKIM keys: MX records, a parked domain's DKIM wildcard,
//! BIMI's DMARC prerequisites, a report destination's authorization, the config file's domain
//! settings — and the contract on every zone file that ships, with the README's before and after.

use std::collections::BTreeSet;

use super::{DMARC, MAIL, SPF, converges, converges_on, fix, fixing};
use crate::support::cmd::Mailaudit;
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
