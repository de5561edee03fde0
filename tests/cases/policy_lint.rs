//! `mailaudit lint mta-sts RECORD`, `lint mta-sts-policy FILE|-` and `lint tlsrpt RECORD`: records
//! and policy files checked offline before they are published.

use crate::support::cmd::Mailaudit;
use crate::support::model::{PolicyLint, StsMode, StsRecordLint, TlsRptReport, codes};
use crate::support::temp::TempDir;

use super::mta_sts::GOOD_POLICY;

#[test]
fn lint_mta_sts_record() {
    let clean = Mailaudit::new()
        .format("json")
        .args(["lint", "mta-sts", "v=STSv1; id=20240101T120000;"])
        .run();
    clean.assert_success();
    let report: StsRecordLint = clean.json_as();
    assert_eq!(report.record.id.as_deref(), Some("20240101T120000"));
    assert!(report.findings.is_empty());
    let bad = Mailaudit::new()
        .format("json")
        .args(["lint", "mta-sts", "id=1; v=STSv1; ID=2"])
        .run();
    bad.assert_code(1);
    let report: StsRecordLint = bad.json_as();
    assert_eq!(
        codes(&report.findings),
        [
            "mta-sts-record-unknown-field",
            "mta-sts-record-version-not-first"
        ]
    );
}

#[test]
fn lint_policy_file_and_stdin() {
    let dir = TempDir::new("policy-lint");
    let file = dir.write("mta-sts.txt", GOOD_POLICY);
    let out = Mailaudit::new()
        .format("json")
        .args(["lint", "mta-sts-policy"])
        .arg(&file)
        .run();
    out.assert_success();
    let report: PolicyLint = out.json_as();
    assert_eq!(report.policy.mode, Some(StsMode::Enforce));
    assert!(report.findings.is_empty(), "{out}");

    let out = Mailaudit::new()
        .format("json")
        .args(["lint", "mta-sts-policy", "-"])
        .stdin("version: STSv1\nmode: enforce\nmax_age: 86400\n")
        .run();
    out.assert_code(1);
    let report: PolicyLint = out.json_as();
    assert_eq!(report.source, "-");
    assert_eq!(
        codes(&report.findings),
        ["mta-sts-policy-lf-endings", "mta-sts-policy-no-mx"]
    );
}

#[test]
fn lint_policy_reads_no_more_than_64_kib() {
    let dir = TempDir::new("policy-lint");
    let big = dir.write("big.txt", format!("{GOOD_POLICY}{}", "x".repeat(70 * 1024)));
    let out = Mailaudit::new()
        .format("json")
        .args(["lint", "mta-sts-policy"])
        .arg(&big)
        .run();
    out.assert_code(1);
    let report: PolicyLint = out.json_as();
    assert_eq!(report.findings[0].code, "mta-sts-policy-too-large");
    assert!(report.policy.text.len() <= 64 * 1024);
}

#[test]
fn lint_policy_of_a_missing_file_is_a_usage_error() {
    Mailaudit::new()
        .args(["lint", "mta-sts-policy", "/nonexistent/mta-sts.txt"])
        .run()
        .assert_code(2)
        .assert_stderr_contains("cannot read /nonexistent/mta-sts.txt");
}

#[test]
fn lint_tlsrpt_record() {
    let out = Mailaudit::new()
        .format("json")
        .args(["lint", "tlsrpt", "v=TLSRPTv1; rua=mailto:tls@example.com"])
        .run();
    out.assert_success();
    let report: TlsRptReport = out.json_as();
    assert_eq!(report.domain, "record");
    let bad = Mailaudit::new()
        .format("yaml")
        .args(["lint", "tlsrpt", "v=TLSRPTv1; rua=ftp://x.example.com"])
        .run();
    bad.assert_code(1);
    let report: TlsRptReport = bad.yaml_as();
    assert_eq!(codes(&report.findings), ["tlsrpt-rua-invalid"]);
}
