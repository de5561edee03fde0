//! `mailaudit diff`: pairs of recorded `check` runs (tests/fixtures/diff/, see its README)
//! covering every kind of change, the exit status, bad lines, the JSON shape; and the cron
//! recipe (examples/cron-watch.sh) end to end through the test DNS server.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::https_server::{Reply, TestCa, TestHttps};
use crate::support::smtp_personas;
use crate::support::smtp_server::TestSmtp;
use crate::support::temp::TempDir;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diff")
        .join(name)
}

fn diff(args: &[&Path]) -> Mailaudit {
    Mailaudit::new().arg("diff").args(args)
}

/// The JSON report, refusing unknown fields.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    old: String,
    new: String,
    compared: usize,
    domains: Vec<DomainDiff>,
    added: Vec<String>,
    missing: Vec<String>,
    notices: Vec<Notice>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DomainDiff {
    domain: String,
    findings: Vec<FindingChange>,
    records: Vec<RecordChange>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FindingChange {
    change: String,
    code: String,
    severity: String,
    subject: String,
    message: String,
    old_severity: Option<String>,
    old_message: Option<String>,
    #[serde(default)]
    suppressed: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordChange {
    kind: String,
    subject: String,
    old: Option<String>,
    new: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Notice {
    file: String,
    line: Option<u64>,
    message: String,
}

fn json_report(old: &Path, new: &Path) -> (Output, Report) {
    let out = diff(&[old, new]).format("json").run();
    let report = out.json_as();
    (out, report)
}

fn domain<'r>(report: &'r Report, name: &str) -> &'r DomainDiff {
    let found = report.domains.iter().find(|d| d.domain == name);
    found.unwrap_or_else(|| panic!("{name} not in {report:?}"))
}

fn record<'d>(d: &'d DomainDiff, kind: &str) -> &'d RecordChange {
    let found = d.records.iter().find(|r| r.kind == kind);
    found.unwrap_or_else(|| panic!("no {kind} change in {d:?}"))
}

#[test]
fn every_kind_of_record_change_with_old_and_new_text() {
    let (out, report) = json_report(&fixture("old.jsonl"), &fixture("new.jsonl"));
    assert_eq!(report.compared, 2, "{out}");
    let d = domain(&report, "example.com");
    let spf = record(d, "spf");
    assert_eq!(spf.old.as_deref(), Some("v=spf1 mx -all"));
    assert_eq!(spf.new.as_deref(), Some("v=spf1 mx ip4:192.0.2.1 -all"));
    let dmarc = record(d, "dmarc");
    assert!(
        dmarc.old.as_deref().unwrap().contains("p=reject"),
        "{dmarc:?}"
    );
    assert!(
        dmarc.new.as_deref().unwrap().contains("p=none"),
        "{dmarc:?}"
    );
    let dkim: Vec<(&str, bool, bool)> = d
        .records
        .iter()
        .filter(|r| r.kind == "dkim")
        .map(|r| (r.subject.as_str(), r.old.is_some(), r.new.is_some()))
        .collect();
    assert_eq!(dkim, [("s1", true, true), ("s2", false, true)]);
    let mx = record(d, "mx");
    assert_eq!(mx.old.as_deref(), Some("10 mail.example.com"));
    assert_eq!(
        mx.new.as_deref(),
        Some("10 mail.example.com, 20 mail2.example.com")
    );
    let id = record(d, "mta-sts-id");
    assert_eq!(
        (id.old.as_deref(), id.new.as_deref()),
        (Some("20240101"), Some("20240202"))
    );
    let mode = record(d, "mta-sts-mode");
    assert_eq!(
        (mode.old.as_deref(), mode.new.as_deref()),
        (Some("enforce"), Some("testing"))
    );
    let cert = record(d, "certificate");
    assert_eq!(cert.subject, "mail.example.com 127.0.0.1");
    assert_ne!(cert.old, cert.new);
    assert!(
        cert.old.as_deref().unwrap().starts_with("subject "),
        "{cert:?}"
    );
    let expiry = record(d, "certificate-expiry");
    assert_ne!(expiry.old, expiry.new);
    // The parked domain did not change, so it is not listed.
    assert!(report.domains.iter().all(|d| d.domain != "example.org"));
}

#[test]
fn findings_new_and_cleared_and_domains_added_and_missing() {
    let (out, report) = json_report(&fixture("old.jsonl"), &fixture("new.jsonl"));
    let d = domain(&report, "example.com");
    let has = |change: &str, code: &str| {
        d.findings
            .iter()
            .any(|f| f.change == change && f.code == code)
    };
    assert!(has("new", "dmarc-policy-none"), "{out}");
    assert!(has("new", "smtp-cert-expired"), "{out}");
    assert!(has("cleared", "tlsrpt-missing"), "{out}");
    let first = &d.findings[0];
    assert_eq!(first.severity, "error", "worst first: {out}");
    assert_eq!(report.added, ["example.edu"]);
    assert_eq!(report.missing, ["example.net"]);
    assert!(report.notices.is_empty());
    assert!(report.old.ends_with("old.jsonl") && report.new.ends_with("new.jsonl"));
}

#[test]
fn text_names_each_change_for_the_cron_mail() {
    let out = diff(&[&fixture("old.jsonl"), &fixture("new.jsonl")])
        .args(["--fail-on", "never"])
        .run();
    out.assert_success()
        .assert_stdout_contains("example.com\n")
        .assert_stdout_contains("  new      warning smtp-cert-expired ")
        .assert_stdout_contains("  cleared  info    tlsrpt-missing ")
        .assert_stdout_contains("  DMARC example.com\n    - v=DMARC1; p=reject")
        .assert_stdout_contains("    + v=DMARC1; p=none")
        .assert_stdout_contains("  DKIM s2\n    - (none)\n")
        .assert_stdout_contains("  MTA-STS mode example.com\n    - enforce\n    + testing\n")
        .assert_stdout_contains("domains added: example.edu\n")
        .assert_stdout_contains("domains missing: example.net\n")
        .assert_stdout_contains("2 domains compared: 1 changed, 1 added, 1 missing\n");
}

#[test]
fn a_new_error_exits_1_unless_fail_on_never() {
    let (old, new) = (fixture("old.jsonl"), fixture("new.jsonl"));
    diff(&[&old, &new]).run().assert_code(1);
    diff(&[&old, &new])
        .args(["--fail-on", "never"])
        .run()
        .assert_code(0);
    diff(&[&old, &new])
        .args(["--fail-on", "warning"])
        .run()
        .assert_code(1);
}

#[test]
fn nothing_changed_prints_nothing_and_exits_0() {
    let old = fixture("old.jsonl");
    let out = diff(&[&old, &old]).args(["--fail-on", "info"]).run();
    out.assert_success();
    assert_eq!(out.stdout, "", "{out}");
    assert_eq!(out.stderr, "", "{out}");
}

#[test]
fn a_file_that_cannot_be_read_exits_2() {
    let old = fixture("old.jsonl");
    let out = diff(&[&old, Path::new("/nonexistent/today.jsonl")]).run();
    out.assert_code(2)
        .assert_stderr_contains("cannot read /nonexistent/today.jsonl");
    assert_eq!(out.stdout, "");
}

/// The recorded earlier run with `edit` applied to its example.com line, written as `name`.
fn edited(dir: &TempDir, name: &str, mut edit: impl FnMut(&mut serde_json::Value)) -> PathBuf {
    let text = std::fs::read_to_string(fixture("old.jsonl")).unwrap();
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let mut value: serde_json::Value = serde_json::from_str(line).unwrap();
        if value["domain"] == "example.com" {
            edit(&mut value);
        }
        lines.push(value.to_string());
    }
    dir.write(name, lines.join("\n") + "\n")
}

#[test]
fn a_finding_changed_in_severity_is_changed_not_new() {
    let dir = TempDir::new("diff-severity");
    // Recorded runs give each code its catalog severity; a finding whose severity changed is
    // made by editing the recorded line (as another version of mailaudit might have rated it).
    let new = edited(&dir, "new.jsonl", |v| {
        let findings = v["dmarc"]["findings"].as_array_mut().unwrap();
        findings.push(serde_json::json!({"code": "dmarc-x", "severity": "error",
            "subject": "example.com", "message": "worse"}));
    });
    let old = edited(&dir, "old.jsonl", |v| {
        let findings = v["dmarc"]["findings"].as_array_mut().unwrap();
        findings.push(serde_json::json!({"code": "dmarc-x", "severity": "warning",
            "subject": "example.com", "message": "bad"}));
    });
    let (out, report) = json_report(&old, &new);
    out.assert_code(1);
    let f = &domain(&report, "example.com").findings[0];
    assert_eq!(
        (
            f.change.as_str(),
            f.code.as_str(),
            f.severity.as_str(),
            f.subject.as_str()
        ),
        ("changed", "dmarc-x", "error", "example.com")
    );
    assert_eq!(f.message, "worse");
    assert_eq!(f.old_severity.as_deref(), Some("warning"));
    assert_eq!(f.old_message.as_deref(), Some("bad"));
    assert!(!f.suppressed);
    let text = diff(&[&old, &new]).run();
    text.assert_stdout_contains(
        "  changed  error   dmarc-x example.com: worse (was warning: bad)\n",
    );
}

#[test]
fn a_bad_line_is_reported_by_number_and_the_rest_compared() {
    let dir = TempDir::new("diff-bad-line");
    let mut text = std::fs::read_to_string(fixture("old.jsonl")).unwrap();
    text.insert_str(0, "not json \x1b[31m\n");
    text.push_str("{\"no\": \"domain\"}\n");
    let new = dir.write("new.jsonl", &text);
    let (out, report) = json_report(&fixture("old.jsonl"), &new);
    out.assert_code(0);
    assert_eq!(report.compared, 3, "{out}");
    let lines: Vec<Option<u64>> = report.notices.iter().map(|n| n.line).collect();
    assert_eq!(lines, [Some(1), Some(5)], "{out}");
    assert!(report.notices[1].message.contains("no \"domain\""));
    assert!(report.notices[0].file.ends_with("new.jsonl"));
    out.assert_stderr_contains("new.jsonl line 1: not JSON");
    assert!(!out.stderr.contains('\x1b'));
    // Nothing changed in the domains: text stays empty, the notice is on stderr only.
    let text = diff(&[&fixture("old.jsonl"), &new]).run();
    assert_eq!(text.stdout, "");
    text.assert_stderr_contains("line 5: not a result");
}

#[test]
fn a_json_document_compares_like_json_lines() {
    let dir = TempDir::new("diff-json");
    let text = std::fs::read_to_string(fixture("new.jsonl")).unwrap();
    let values: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let array = dir.write("new.json", serde_json::to_string_pretty(&values).unwrap());
    let (_, from_array) = json_report(&fixture("old.jsonl"), &array);
    assert_eq!(from_array.compared, 2);
    assert_eq!(from_array.added, ["example.edu"]);
    let one = dir.write(
        "one.json",
        serde_json::to_string_pretty(&values[0]).unwrap(),
    );
    let (_, from_one) = json_report(&fixture("old.jsonl"), &one);
    assert_eq!(from_one.compared, 1);
}

#[test]
fn jsonl_output_is_one_report_per_line() {
    let out = diff(&[&fixture("old.jsonl"), &fixture("new.jsonl")])
        .format("jsonl")
        .run();
    assert_eq!(out.stdout.lines().count(), 1, "{out}");
    let report: Report = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report.domains.len(), 1);
    let yaml = diff(&[&fixture("old.jsonl"), &fixture("new.jsonl")])
        .format("yaml")
        .run();
    let report: Report = yaml.yaml_as();
    assert_eq!(report.missing, ["example.net"]);
}

mod cron;
mod record;
