//! `fix` for MTA-STS and TLS-RPT: the policy served first, then its record; records that do not
//! parse; policies with invalid fields or that leave MX hosts out, rewritten, served by the test
//! HTTPS server and audited again; TLS-RPT report addresses.

use super::{DMARC, MAIL, SPF, converges, fixing, record_waits};
use crate::cases::mta_sts::{Cert, GOOD_POLICY, Site, base, start};
use crate::support::cmd::Mailaudit;
use crate::support::dns_server::Zone;
use crate::support::https_server::Reply;
use crate::support::model::{ChangeAction, Changes};
use crate::support::temp::TempDir;

/// `fix example.com` as JSON against `site`'s DNS and policy host.
fn fix_site(site: Site) -> Changes {
    let running = start(site);
    let out = running
        .command
        .clone()
        .format("json")
        .args(["fix", "example.com"])
        .run();
    out.assert_code(1);
    out.json_as()
}

#[test]
fn an_mx_host_the_policy_leaves_out_gets_a_policy_with_it_and_a_new_id() {
    let backup = |z: &mut Zone| {
        z.mx("example.com", 20, "backup.example.net");
    };
    let site = Site::serving(GOOD_POLICY).zone(backup);
    let changes = fix_site(site);
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
fn served(mut zone: Zone, changes: &Changes, codes: &[&str]) {
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

#[test]
fn a_served_policy_without_a_record_gets_its_record() {
    let changes = fix_site(Site::serving(GOOD_POLICY).zone(|z| *z = base(false)));
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
    let changes = fix_site(Site::serving(broken));
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

#[test]
fn a_policy_host_that_serves_nothing_gets_the_file_before_the_record() {
    let changes = fix_site(Site::new(base(false), None));
    let step = record_waits(&changes);
    assert!(
        step.why.starts_with("Serve the policy file"),
        "{}",
        step.why
    );
    assert_eq!(changes.files.len(), 1);
}
