//! `mailaudit bimi DOMAIN` against the in-process DNS server: every BIMI finding code is
//! triggered (one test per code, from a table), a clean record raises nothing, the record falls
//! back to the Organizational Domain that DMARC's tree walk finds, a declination is deliberate,
//! and the DMARC prerequisites are read through DMARC's own discovery.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{BimiReport, PolicyName, codes, finding};

const LOGO: &str = "l=https://example.com/logo.svg";
const VMC: &str = "a=https://example.com/vmc.pem";

fn audit_with(zone: Zone, args: &[&str]) -> (Output, BimiReport, TestDns) {
    let dns = TestDns::start(zone);
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .format("json")
        .arg("bimi")
        .args(args)
        .run();
    let report = out.json_as();
    (out, report, dns)
}

fn audit(zone: Zone, domain: &str) -> (Output, BimiReport, TestDns) {
    audit_with(zone, &[domain])
}

/// example.com with the DMARC record `dmarc` and the BIMI record `bimi` (none when empty).
fn fixture(dmarc: &str, bimi: &[&str]) -> Zone {
    let mut z = Zone::new();
    z.mx("example.com", 10, "mail.example.com");
    z.a("mail.example.com", "192.0.2.25");
    z.a("news.example.com", "192.0.2.26");
    z.txt("_dmarc.example.com", &[dmarc]);
    for record in bimi {
        z.txt("default._bimi.example.com", &[record]);
    }
    z
}

const ENFORCED: &str = "v=DMARC1; p=reject; rua=mailto:dmarc@example.com";

fn bimi(record: &str) -> Zone {
    fixture(ENFORCED, &[record])
}

fn logo() -> String {
    format!("v=BIMI1; {LOGO}; {VMC}")
}

fn assert_raised(code: &str, zone: Zone) {
    let (out, report, _dns) = audit(zone, "example.com");
    assert!(
        codes(&report.findings).contains(&code),
        "{code}: not raised; got {:?}\n{out}",
        codes(&report.findings)
    );
}

mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        bimi_missing => fixture(ENFORCED, &[]);
        bimi_multiple_records => fixture(ENFORCED, &[&logo(), "v=BIMI1; l=https://example.com/other.svg"]);
        bimi_syntax_error => bimi(&format!("v=BIMI1; {LOGO};; {VMC}"));
        bimi_version_not_first => bimi(&format!("{LOGO}; v=BIMI1; {VMC}"));
        bimi_duplicate_tag => bimi(&format!("v=BIMI1; {LOGO}; {LOGO}; {VMC}"));
        bimi_unknown_tag => bimi(&format!("{}; s=x", logo()));
        bimi_invalid_location => bimi(&format!("v=BIMI1; l=http://example.com/logo.svg; {VMC}"));
        bimi_invalid_evidence => bimi(&format!("v=BIMI1; {LOGO}; a=https://example.com/vmc.crt"));
        bimi_invalid_value => bimi(&format!("{}; avp=Brand", logo()));
        bimi_no_evidence => bimi(&format!("v=BIMI1; {LOGO}"));
        bimi_declined => bimi("v=BIMI1; l=; a=;");
        bimi_dmarc_not_enforced => fixture("v=DMARC1; p=none; rua=mailto:d@example.com", &[&logo()]);
        bimi_dmarc_partial_enforcement =>
            fixture("v=DMARC1; p=quarantine; pct=50; rua=mailto:d@example.com", &[&logo()]);
        bimi_dmarc_sp_none =>
            fixture("v=DMARC1; p=reject; sp=none; rua=mailto:d@example.com", &[&logo()]);
    }
}

#[test]
fn the_code_table_covers_the_catalog_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["bimi-"]);
}

#[test]
fn a_clean_record_raises_nothing_and_exits_0() {
    let (out, report, _dns) = audit(bimi(&logo()), "example.com");
    assert_eq!(codes(&report.findings), Vec::<&str>::new(), "{out}");
    out.assert_success();
    assert_eq!(
        report.location.as_deref(),
        Some("https://example.com/logo.svg")
    );
    assert_eq!(
        report.evidence.as_deref(),
        Some("https://example.com/vmc.pem")
    );
    let dmarc = report.dmarc.expect("prerequisites");
    assert_eq!(dmarc.met, Some(true));
    assert_eq!(
        dmarc.policies.len(),
        1,
        "the domain is its own Organizational Domain"
    );
    let policy = dmarc.policies[0].policy.expect("policy");
    assert_eq!(policy.policy, Some(PolicyName::Reject));
}

#[test]
fn a_subdomain_uses_the_organizational_domains_record_and_policies() {
    let (out, report, _dns) = audit(
        fixture(
            "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@example.com",
            &[&logo()],
        ),
        "news.example.com",
    );
    let record = report.record.as_ref().expect("record");
    assert!(record.inherited, "{out}");
    assert_eq!(record.name, "default._bimi.example.com");
    let dmarc = report.dmarc.expect("prerequisites");
    assert_eq!(dmarc.organizational_domain.as_deref(), Some("example.com"));
    let policies: Vec<_> = dmarc
        .policies
        .iter()
        .map(|p| (p.domain.as_str(), p.policy.and_then(|p| p.policy)))
        .collect();
    assert_eq!(
        policies,
        [
            ("news.example.com", Some(PolicyName::Quarantine)),
            ("example.com", Some(PolicyName::Reject)),
        ]
    );
    assert_eq!(dmarc.met, Some(true));
}

#[test]
fn the_organizational_domain_comes_from_dmarcs_tree_walk() {
    // psd=n makes mail.example.com its own Organizational Domain: BIMI falls back there, not
    // to example.com, and needs no second lookup path.
    let mut z = fixture(ENFORCED, &[&logo()]);
    z.a("a.mail.example.com", "192.0.2.1");
    z.txt("_dmarc.mail.example.com", &["v=DMARC1; p=none; psd=n"]);
    z.txt(
        "default._bimi.mail.example.com",
        &["v=BIMI1; l=https://mail.example.com/l.svg"],
    );
    let (out, report, dns) = audit(z, "a.mail.example.com");
    assert_eq!(
        report.record.as_ref().map(|r| r.name.as_str()),
        Some("default._bimi.mail.example.com"),
        "{out}"
    );
    let f = finding(&report.findings, "bimi-dmarc-not-enforced");
    assert_eq!(f.subject, "a.mail.example.com");
    let queried = dns.queries();
    assert!(
        !queried
            .iter()
            .any(|(n, _)| n == "default._bimi.example.com")
    );
    // Each _dmarc name was asked once: the run's cache serves both domains' discovery.
    let txt = |name: &str| {
        queried
            .iter()
            .filter(|(n, t)| n == name && t == "TXT")
            .count()
    };
    assert_eq!(txt("_dmarc.mail.example.com"), 1);
}

#[test]
fn a_declination_at_a_subdomain_is_deliberate() {
    let mut z = fixture("v=DMARC1; p=none; rua=mailto:d@example.com", &[&logo()]);
    z.txt("default._bimi.news.example.com", &["v=BIMI1; l=; a=;"]);
    let (out, report, _dns) = audit(z, "news.example.com");
    assert!(report.declined, "{out}");
    // No logo is asked for, so the DMARC prerequisites raise nothing.
    assert_eq!(codes(&report.findings), ["bimi-declined"]);
    assert_eq!(report.dmarc.expect("prerequisites").met, Some(false));
    out.assert_success();
}

#[test]
fn selectors_name_other_records() {
    let mut z = fixture(ENFORCED, &[]);
    z.txt("brand._bimi.example.com", &[&logo()]);
    let (out, report, _dns) = audit_with(z, &["--selector", "Brand", "example.com"]);
    assert_eq!(report.selector, "brand");
    assert!(report.findings.is_empty(), "{out}");
    let bad = Mailaudit::new()
        .args(["bimi", "--selector", "no_good", "example.com"])
        .run();
    bad.assert_code(2)
        .assert_stderr_contains("invalid selector");
}

#[test]
fn failed_lookups_leave_the_verdict_unknown_and_exit_2() {
    let mut z = bimi(&logo());
    z.servfail("_dmarc.example.com");
    let (out, report, _dns) = audit(z, "example.com");
    out.assert_code(2);
    finding(&report.findings, "dns-lookup-failed");
    assert_eq!(report.dmarc.expect("prerequisites").met, None);

    let mut z = bimi(&logo());
    z.servfail("default._bimi.example.com");
    let (out, report, _dns) = audit(z, "example.com");
    out.assert_code(2);
    assert_eq!(codes(&report.findings), ["dns-lookup-failed"], "{out}");
}

#[test]
fn text_shows_the_logo_and_the_dmarc_policies() {
    let dns = TestDns::start(bimi(&logo()));
    let out = Mailaudit::new()
        .dns(&dns)
        .args(["bimi", "example.com"])
        .run();
    out.assert_success();
    for needle in [
        "BIMI example.com  (selector default)",
        "record        default._bimi.example.com",
        "logo          https://example.com/logo.svg",
        "certificate   https://example.com/vmc.pem",
        "DMARC         example.com  reject  (from _dmarc.example.com)",
        "prerequisites met",
    ] {
        out.assert_stdout_contains(needle);
    }
}

#[test]
fn lint_bimi_lints_a_record_without_dns() {
    let out = Mailaudit::new()
        .format("yaml")
        .args(["lint", "bimi", "v=BIMI1; l=https://example.com/logo.png"])
        .run();
    let report: BimiReport = out.yaml_as();
    assert_eq!(
        codes(&report.findings),
        ["bimi-invalid-location", "bimi-no-evidence"]
    );
    assert!(report.dmarc.is_none());
    out.assert_code(1);
    let location = finding(&report.findings, "bimi-invalid-location")
        .location
        .clone()
        .expect("location");
    assert_eq!((location.start, location.end), (9, 39));
}

/// A finding's offsets are into a text the report shows: a record receivers ignore in
/// `ignored`, the DMARC record in `dmarc.policies[].text`.
#[test]
fn findings_point_into_texts_the_report_shows() {
    let dmarc = "v=DMARC1; p=reject; sp=none; rua=mailto:d@example.com";
    let (out, report, _dns) = audit(
        fixture(dmarc, &[&logo(), &format!("{LOGO}; v=BIMI1")]),
        "example.com",
    );
    let span = |code: &str, text: &str| {
        let at = finding(&report.findings, code).location.clone();
        let at = at.unwrap_or_else(|| panic!("{code} has no location\n{out}"));
        text[usize::try_from(at.start).unwrap()..usize::try_from(at.end).unwrap()].to_string()
    };
    assert_eq!(report.ignored, [format!("{LOGO}; v=BIMI1")]);
    // The draft's version must come first: the finding points at what does.
    assert_eq!(span("bimi-version-not-first", &report.ignored[0]), LOGO);
    let policies = &report.dmarc.as_ref().expect("the prerequisites").policies;
    assert_eq!(policies[0].text.as_deref(), Some(dmarc));
    assert_eq!(span("bimi-dmarc-sp-none", dmarc), "sp=none");
}
