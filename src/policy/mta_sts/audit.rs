//! The MTA-STS audit of a domain (RFC 8461 §3, §4): the `_mta-sts` record, the policy host's
//! addresses and the domain's MX hosts looked up together, the policy fetched as a sender does,
//! and the findings of all of it — including a record without a reachable policy and a policy
//! without a record. Also the offline lints of a record or a policy file.

use std::net::IpAddr;

use crate::dns::{Answer, Dns, LookupError, Rdata, RecordType, Txt};
use crate::finding::Finding;

use super::fetch::{self, Fetched};
use super::mx;
use super::policy::PolicyFile;
use super::{
    FetchSettings, HOST_LABEL, Mode, MtaStsReport, PolicyLint, RECORD_LABEL, StsRecord,
    StsRecordLint, codes, lints, txt,
};

/// Audits `domain`'s MTA-STS records and policy.
pub async fn audit_domain(dns: &Dns, domain: &str, settings: &FetchSettings) -> MtaStsReport {
    let record_name = format!("{RECORD_LABEL}.{domain}");
    let host = format!("{HOST_LABEL}.{domain}");
    let (txt_answer, mx, a, aaaa) = tokio::join!(
        dns.lookup(&record_name, RecordType::Txt),
        dns.lookup(domain, RecordType::Mx),
        dns.lookup(&host, RecordType::A),
        dns.lookup(&host, RecordType::Aaaa),
    );
    let mut report = MtaStsReport {
        dnssec: None,
        domain: domain.to_string(),
        records: Vec::new(),
        fetch: None,
        policy: None,
        mx_hosts: Vec::new(),
        findings: Vec::new(),
        incomplete: false,
    };
    let txts = match txt_answer {
        Ok(answer) => crate::dns::txts(answer.records()),
        Err(e) => {
            report.findings.push(e.finding(&record_name));
            report.incomplete = true;
            return report;
        }
    };
    let announced = records(&record_name, &txts, &mut report);
    let (addresses, failures) = addresses(&a, &aaaa);
    if addresses.is_empty() {
        report
            .findings
            .extend(no_address(domain, &host, announced, &failures));
        return report;
    }
    let Fetched {
        info,
        findings,
        body,
    } = fetch::fetch(&host, addresses, settings).await;
    report.fetch = Some(info);
    match body {
        // What kept a sender from the policy matters only when a record sends it there.
        None if announced => report.findings.extend(findings),
        None => report.findings.push(missing(domain)),
        Some(body) => read_policy(&body, announced, &mx, &mut report),
    }
    report
}

/// The findings when the policy host has no address.
fn no_address(domain: &str, host: &str, announced: bool, failures: &[LookupError]) -> Vec<Finding> {
    if !announced {
        return vec![missing(domain)];
    }
    if !failures.is_empty() {
        return failures.iter().map(|e| e.finding(host)).collect();
    }
    vec![Finding::new(
        codes::POLICY_HOST_MISSING,
        host,
        format!("{host} has no A or AAAA record, so senders cannot fetch the policy"),
    )]
}

/// Reads and lints a fetched policy, and checks the MX coverage of one in force.
fn read_policy(
    body: &[u8],
    announced: bool,
    mx: &Result<Answer, LookupError>,
    report: &mut MtaStsReport,
) {
    let domain = report.domain.clone();
    let record_name = format!("{RECORD_LABEL}.{domain}");
    let host = format!("{HOST_LABEL}.{domain}");
    let file = PolicyFile::parse_bytes(body);
    let policy = lints::policy_info(&file);
    if !announced {
        report.findings.push(Finding::new(
            codes::POLICY_WITHOUT_RECORD,
            &record_name,
            format!(
                "{} serves a policy, but {record_name} has no v=STSv1 record, so senders never \
                 fetch it",
                fetch::url(&host)
            ),
        ));
    }
    report
        .findings
        .extend(lints::policy_findings(&host, &file, announced));
    if let Some(mode @ (Mode::Enforce | Mode::Testing)) = policy.mode {
        check_mx(&domain, &host, &file, mode, mx, report);
    }
    report.policy = Some(policy);
}

fn missing(domain: &str) -> Finding {
    Finding::new(
        codes::MISSING,
        domain,
        format!(
            "no {RECORD_LABEL}.{domain} record and no policy: senders use TLS only opportunistically"
        ),
    )
}

/// Adds the records meant as MTA-STS records and their findings; whether any announces a policy.
fn records(name: &str, txts: &[Txt], report: &mut MtaStsReport) -> bool {
    let meant: Vec<&Txt> = txts.iter().filter(|t| txt::is_meant(&t.text())).collect();
    let selected = meant.iter().filter(|t| txt::is_selected(&t.text())).count();
    if selected > 1 {
        let texts: Vec<String> = meant
            .iter()
            .map(|t| crate::sanitize::quoted(&t.text()))
            .collect();
        report.findings.push(Finding::new(
            codes::MULTIPLE_RECORDS,
            name,
            format!(
                "{selected} records start with v=STSv1: {}",
                texts.join(", ")
            ),
        ));
    }
    for t in &meant {
        let record: StsRecord = txt::record(name, t);
        report
            .findings
            .extend(lints::record_findings(name, &record.text));
        report.records.push(record);
    }
    !meant.is_empty()
}

/// The policy host's addresses, and the lookups that failed.
fn addresses(
    a: &Result<Answer, LookupError>,
    aaaa: &Result<Answer, LookupError>,
) -> (Vec<IpAddr>, Vec<LookupError>) {
    let mut ips = Vec::new();
    let mut failures = Vec::new();
    for answer in [a, aaaa] {
        match answer {
            Ok(answer) => ips.extend(answer.records().iter().filter_map(Rdata::address)),
            Err(e) => failures.push(e.clone()),
        }
    }
    (ips, failures)
}

/// The MX coverage of a policy in force (testing or enforce).
fn check_mx(
    domain: &str,
    host: &str,
    file: &PolicyFile,
    mode: Mode,
    mx: &Result<Answer, LookupError>,
    report: &mut MtaStsReport,
) {
    let answer = match mx {
        Ok(answer) => answer,
        Err(e) => {
            report.findings.push(e.finding(domain));
            return;
        }
    };
    let hosts = crate::dns::mx_exchanges(answer.records());
    if hosts.is_empty() {
        let why = if answer.is_void() {
            "has no MX record"
        } else {
            "publishes a null MX (it accepts no mail)"
        };
        report.findings.push(Finding::new(
            codes::NO_MX,
            domain,
            format!("{domain} {why}; the policy's mx patterns apply to no host"),
        ));
        return;
    }
    let (covered, findings) = mx::coverage(file, host, &hosts, mode);
    report.mx_hosts = covered;
    report.findings.extend(findings);
}

/// Lints an `_mta-sts` record given as text.
pub fn lint_record(txt: &Txt) -> StsRecordLint {
    let record = txt::record("record", txt);
    let findings = lints::record_findings("record", &record.text);
    StsRecordLint { record, findings }
}

/// Lints a policy file given as bytes (read from `source`).
pub fn lint_policy(source: &str, body: &[u8]) -> PolicyLint {
    let file = PolicyFile::parse_bytes(body);
    PolicyLint {
        source: source.to_string(),
        policy: lints::policy_info(&file),
        findings: lints::policy_findings(source, &file, false),
    }
}
