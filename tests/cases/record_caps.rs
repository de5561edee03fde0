//! One record of about 63 KB of bad terms (hardening issue 17, item 1): for SPF, DKIM, MTA-STS
//! and TLS-RPT, each on its own and all four in one `check`, and `lint dkim` of a 120 KB
//! argument, the findings of the record are capped (a few of each code, then one that counts
//! the rest) and the JSON stays small, because no finding repeats the record's text.

use std::collections::BTreeMap;

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::TestDns;
use crate::support::huge_records::{self, DOMAIN};
use crate::support::model::{
    CheckReport, DkimLintReport, DkimReport, DmarcReport, Finding, MtaStsReport, SpfReport,
    TlsRptReport,
};

/// The JSON of one such record: its text, its strings and its terms or fields are each shown
/// once, so this is far above what a capped report takes and far below one copy of the record
/// per finding (the run before the cap printed from 0.46 to 3.6 GB).
const JSON_LIMIT: usize = 1 << 20;

/// Findings of one code shown with their position before the rest are counted.
const SHOWN_PER_CODE: usize = 5;

/// Runs `args` as JSON against a server publishing the huge records of `areas`; fails, without
/// printing the output, unless it is under [`JSON_LIMIT`] for each record.
fn run(areas: &[&str], args: &[&str]) -> Output {
    let dns = TestDns::start(huge_records::zone(areas));
    let out = Mailaudit::new().dns(&dns).format("json").args(args).run();
    assert_small(&out, areas.len() * JSON_LIMIT);
    out
}

#[track_caller]
fn assert_small(out: &Output, limit: usize) {
    let command: String = out.command.chars().take(120).collect();
    assert!(
        out.stdout.len() < limit,
        "{command}: {} bytes of JSON (exit status {}), limit {limit}",
        out.stdout.len(),
        out.code
    );
}

/// At most [`SHOWN_PER_CODE`] findings of a code and one that counts the rest; at least one
/// code had more.
#[track_caller]
fn assert_capped(findings: &[Finding]) {
    let mut per_code: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings {
        *per_code.entry(f.code.as_str()).or_default() += 1;
    }
    assert!(
        per_code.values().all(|n| *n <= SHOWN_PER_CODE + 1),
        "findings per code: {per_code:?}"
    );
    assert!(
        findings.iter().any(|f| f
            .message
            .ends_with("more problems like these are not shown")),
        "nothing counted: {per_code:?}"
    );
}

#[test]
fn a_huge_spf_record_gets_capped_findings() {
    let out = run(&["spf"], &["spf", DOMAIN]);
    let report: SpfReport = out.json_as();
    assert_capped(&report.findings);
    assert_eq!(report.tree().record, huge_records::spf(), "the text, once");
}

#[test]
fn a_huge_dkim_record_gets_capped_findings() {
    let out = run(&["dkim"], &["dkim", DOMAIN]);
    let report: DkimReport = out.json_as();
    assert_capped(&report.findings);
    let default = report.selectors.iter().find(|s| s.selector == "default");
    let record = &default.expect("the default selector").records[0].record;
    assert_eq!(record, &huge_records::dkim(huge_records::RECORD_SIZE));
}

#[test]
fn a_huge_mta_sts_record_gets_capped_findings() {
    let out = run(&["mta_sts"], &["mta-sts", DOMAIN]);
    let report: MtaStsReport = out.json_as();
    assert_capped(&report.findings);
    assert_eq!(report.records[0].text, huge_records::mta_sts());
}

#[test]
fn a_huge_tls_rpt_record_gets_capped_findings() {
    let out = run(&["tls_rpt"], &["tlsrpt", DOMAIN]);
    let report: TlsRptReport = out.json_as();
    assert_capped(&report.findings);
    assert_eq!(report.records[0].text, huge_records::tls_rpt());
}

/// DMARC capped its record's own findings already; those of its report destinations, one
/// per address, are capped with them.
#[test]
fn a_huge_dmarc_record_of_report_destinations_gets_capped_findings() {
    let out = run(&["dmarc"], &["dmarc", DOMAIN]);
    let report: DmarcReport = out.json_as();
    assert_capped(&report.findings);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.code == "dmarc-report-destination-unauthorized"),
        "{:?}",
        report.findings
    );
}

#[test]
fn a_domain_with_all_four_huge_records_gets_a_small_check_report() {
    let out = run(&huge_records::AREAS, &["check", "--no-probe", DOMAIN]);
    let report: CheckReport = out.json_as();
    let areas = [
        report.spf.as_ref().map(|r| &r.findings),
        report.dkim.as_ref().map(|r| &r.findings),
        report.mta_sts.as_ref().map(|r| &r.findings),
        report.tls_rpt.as_ref().map(|r| &r.findings),
    ];
    for findings in areas {
        assert_capped(findings.expect("the area finished"));
    }
}

#[test]
fn lint_dkim_of_a_120_kb_argument_gets_capped_findings() {
    let record = huge_records::dkim(120_000);
    let out = Mailaudit::new()
        .format("json")
        .args(["lint", "dkim", &record])
        .run();
    assert_small(&out, JSON_LIMIT);
    let report: DkimLintReport = out.json_as();
    assert_capped(&report.findings);
    assert_eq!(report.record.record, record);
}
