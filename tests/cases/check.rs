//! `mailaudit check`: every area of one domain in one report (the scorecard, the findings by
//! area, complete JSON), the checks across areas (one test per `check-` code), and runs over
//! many domains: one result per input line, invalid lines reported, shards, streaming JSON
//! Lines, exit status across domains.

use std::time::Duration;

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::https_server::{Reply, TestCa, TestHttps};
use crate::support::model::{CheckReport, CheckResult, ScoreArea, Verdict};
use crate::support::smtp_personas;
use crate::support::smtp_server::TestSmtp;
use crate::support::temp::TempDir;

/// A domain with every area published and in good order (DKIM under selector s1).
pub(super) fn healthy(z: &mut Zone, domain: &str) {
    healthy_with_dmarc(
        z,
        domain,
        &format!("v=DMARC1; p=reject; rua=mailto:dmarc@{domain}"),
    );
}

fn healthy_with_dmarc(z: &mut Zone, domain: &str, dmarc: &str) {
    z.txt(domain, &["v=spf1 ip4:192.0.2.0/24 -all"]);
    // A public address (nothing connects to it) whose PTR name resolves back to it.
    z.mx(domain, 10, &format!("mail.{domain}"));
    z.a(&format!("mail.{domain}"), "93.184.215.14");
    z.ptr("14.215.184.93.in-addr.arpa", &format!("mail.{domain}"));
    z.txt(&format!("_dmarc.{domain}"), &[dmarc]);
    z.txt(
        &format!("s1._domainkey.{domain}"),
        &["v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="],
    );
    z.txt(
        &format!("_smtp._tls.{domain}"),
        &[&format!("v=TLSRPTv1; rua=mailto:tls@{domain}")],
    );
}

fn check(dns: &TestDns, args: &[&str]) -> Output {
    Mailaudit::new()
        .dns(dns)
        .timeout("0.5")
        .args(["check", "--no-probe"])
        .args(args)
        .run()
}

fn check_json(fixture: Fixture, domain: &str) -> (Output, CheckReport) {
    let dns = TestDns::start(fixture.zone);
    let mut args = vec![domain];
    args.extend(fixture.options.iter().map(String::as_str));
    // The probe only when the fixture brings the servers it talks to.
    if fixture.servers.is_empty() {
        args.push("--no-probe");
    }
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .format("json")
        .arg("check")
        .args(&args)
        .run();
    drop(fixture.servers);
    let report = out.json_as();
    (out, report)
}

/// A zone, the options `check` needs to raise a code, and servers to keep running meanwhile.
struct Fixture {
    zone: Zone,
    options: Vec<String>,
    servers: Vec<Box<dyn std::any::Any>>,
}

impl From<Zone> for Fixture {
    fn from(zone: Zone) -> Self {
        Self::with(zone, &["--selector", "s1"])
    }
}

impl Fixture {
    fn with(zone: Zone, options: &[&str]) -> Self {
        Self {
            zone,
            options: options.iter().map(|o| (*o).to_string()).collect(),
            servers: Vec::new(),
        }
    }
}

fn assert_raised(code: &str, fixture: Fixture) {
    let (out, report) = check_json(fixture, "example.com");
    assert!(
        report.all_codes().contains(&code),
        "{code}: not raised; got {:?}\n{out}",
        report.all_codes()
    );
}

fn zone(build: impl FnOnce(&mut Zone)) -> Zone {
    let mut z = Zone::new();
    build(&mut z);
    z
}

/// example.com with an MTA-STS policy in enforce mode served over HTTPS, and its MX host on
/// 127.0.0.1 played by the scripted SMTP server with `personality`; both under a test CA.
fn sts_enforce_with(personality: &str) -> Fixture {
    let ca = TestCa::new("mailaudit test CA");
    let dir = TempDir::new("check-probe");
    let pem = ca.pem_file(&dir);
    let policy = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n";
    let https = TestHttps::start(ca.leaf(&["mta-sts.example.com"]), Reply::policy(policy));
    let smtp = TestSmtp::start(smtp_personas::personality(personality, &ca));
    // Every address here is loopback: the probe connects to what the zone says.
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 mx -all"]);
    z.mx("example.com", 10, "mail.example.com");
    z.a("mail.example.com", "127.0.0.1");
    z.txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
    z.txt("_mta-sts.example.com", &["v=STSv1; id=20240101"]);
    z.a("mta-sts.example.com", "127.0.0.1");
    let options = [
        "--ca-file".to_string(),
        pem.display().to_string(),
        "--mta-sts-port".to_string(),
        https.port().to_string(),
        "--probe-port".to_string(),
        smtp.port().to_string(),
        "--selector".to_string(),
        "s1".to_string(),
    ];
    Fixture {
        zone: z,
        options: options.to_vec(),
        servers: vec![Box::new(https), Box::new(smtp), Box::new(dir)],
    }
}

mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        check_unfinished => Fixture::with(
            zone(|z| {
                healthy(z, "example.com");
                z.delay(Duration::from_millis(400));
            }),
            &["--selector", "s1", "--budget", "0.3"],
        );
        check_nothing_aligns => zone(|z| {
            z.txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
            z.a("example.com", "192.0.2.1");
        });
        check_parked_spf => Fixture::with(
            zone(|z| healthy(z, "example.com")),
            &["--selector", "s1", "--parked"],
        );
        check_sts_enforce_broken => sts_enforce_with("expired");
        check_domain_not_found => zone(|z| {
            z.a("mail.example.net", "192.0.2.1");
        });
        check_parked_dmarc => zone(|z| {
            z.txt("example.com", &["v=spf1 -all"]);
            z.mx("example.com", 0, ".");
            z.txt("_dmarc.example.com", &["v=DMARC1; p=none"]);
        });
    }
}

#[test]
fn the_code_table_covers_the_catalog_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["check-"]);
}

#[test]
fn a_domain_that_does_not_exist_is_said_once_not_by_every_area() {
    // _dmarc.example.com makes example.com the Organizational Domain of mail.example.com.
    let dns = TestDns::start(zone(|z| {
        z.txt("_dmarc.example.com", &["v=DMARC1; p=reject; np=reject"]);
        z.txt("example.com", &["v=spf1 -all"]);
    }));
    let out = check(&dns, &["--format", "json", "nosuch.example.com"]);
    out.assert_code(1);
    let report: CheckReport = out.json_as();
    assert!(report.nxdomain);
    // The inherited DMARC policy (and BIMI at the Organizational Domain) still applies, and
    // keeps its findings; every other area is said once.
    let codes = report.all_codes();
    let own: Vec<&str> = codes
        .iter()
        .copied()
        .filter(|c| !c.starts_with("dmarc-") && !c.starts_with("bimi-"))
        .collect();
    assert_eq!(own, ["check-domain-not-found"], "{codes:?}");
    assert!(report.dmarc.is_some_and(|d| d.record.is_some()));

    let text = check(&dns, &["nosuch.example.com"]);
    let shown = text.stdout.as_str();
    assert_eq!(
        shown.matches("does not exist (NXDOMAIN)").count(),
        2,
        "{shown}"
    );
    assert!(
        shown.contains("  SPF      none        no such domain\n"),
        "{shown}"
    );
    assert!(
        shown.contains("  MX       none        no such domain\n"),
        "{shown}"
    );
    assert!(!shown.contains("spf-missing") && !shown.contains("mx-undeliverable"));

    // A domain that exists keeps its areas' own findings.
    let healthy = check(&dns, &["--format", "json", "example.com"]).json_as::<CheckReport>();
    assert!(!healthy.nxdomain);
}

#[test]
fn the_scorecard_says_none_where_a_record_is_advised_and_missing() {
    let mut z = Zone::new();
    healthy(&mut z, "example.com");
    let dns = TestDns::start(z);
    let shown = check(&dns, &["example.com", "--selector", "s1"]).stdout;
    assert!(
        shown.contains("  MTA-STS  none        no record\n"),
        "{shown}"
    );
    assert!(
        shown.contains("  TLS-RPT  ok          reports to"),
        "{shown}"
    );
    assert!(shown.contains("  SPF      ok "), "{shown}");
}

#[test]
fn check_help_names_every_area_it_runs() {
    let out = Mailaudit::new().args(["check", "--help"]).run();
    out.assert_code(0);
    let summary = out
        .stdout
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .replace('\n', " ");
    for area in [
        "SPF", "DMARC", "DKIM", "MX", "MTA-STS", "TLS-RPT", "BIMI", "SMTP", "client",
    ] {
        assert!(summary.contains(area), "{area} missing from: {summary}");
    }
}

#[test]
fn a_healthy_domain_has_every_area_and_no_cross_findings() {
    let mut z = Zone::new();
    healthy(&mut z, "example.com");
    let (out, report) = check_json(z.into(), "example.com");
    out.assert_code(0);
    assert!(report.spf.is_some() && report.dmarc.is_some() && report.dkim.is_some());
    assert!(report.mta_sts.is_some() && report.tls_rpt.is_some() && report.bimi.is_some());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(!report.incomplete);
    let errors: Vec<&str> = report.all_codes();
    assert!(!errors.contains(&"dkim-none-found"), "{errors:?}");
}

#[test]
fn a_parked_domain_with_the_right_records_raises_nothing_across_areas() {
    let z = zone(|z| {
        z.txt("example.com", &["v=spf1 -all"]);
        z.mx("example.com", 0, ".");
        z.txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
    });
    let (_, report) = check_json(z.into(), "example.com");
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn text_opens_with_the_scorecard_then_findings_by_area() {
    let mut z = Zone::new();
    healthy_with_dmarc(
        &mut z,
        "example.com",
        "v=DMARC1; p=none; rua=mailto:d@example.com",
    );
    let dns = TestDns::start(z);
    let out = check(&dns, &["example.com", "--selector", "s1"]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[0], "Mail check example.com", "{out}");
    let areas = ["SPF", "DMARC", "DKIM", "MX", "MTA-STS", "TLS-RPT", "BIMI"];
    for (line, area) in lines[1..8].iter().zip(areas) {
        assert!(line.trim_start().starts_with(area), "{line:?}\n{out}");
    }
    assert!(
        lines[2].contains("warnings") && lines[2].contains("p=none"),
        "{out}"
    );
    assert!(lines[3].contains("s1 ed25519-256"), "{out}");
    assert!(
        lines[4].contains("ok") && lines[4].contains("1 host"),
        "{out}"
    );
    out.assert_stdout_contains("\nDMARC\n  warning dmarc-policy-none");
    out.assert_stdout_contains("(mailaudit explain dmarc-policy-none)");
}

/// The JSON result carries the scorecard the text shows, line for line.
#[test]
fn json_carries_the_scorecard_the_text_shows() {
    let mut z = Zone::new();
    healthy_with_dmarc(
        &mut z,
        "example.com",
        "v=DMARC1; p=none; rua=mailto:d@example.com",
    );
    let dns = TestDns::start(z);
    let text = check(&dns, &["example.com", "--selector", "s1"]).stdout;
    let json = Mailaudit::new()
        .dns(&dns)
        .format("json")
        .args(["check", "--no-probe", "--selector", "s1", "example.com"])
        .run();
    let report: CheckReport = json.json_as();
    assert_eq!(
        report.scorecard.len(),
        7,
        "no SMTP line with --no-probe: {json}"
    );
    for (line, entry) in text.lines().skip(1).zip(&report.scorecard) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let verdict = format!("{:?}", entry.verdict).to_lowercase();
        assert_eq!(words[1], verdict, "{line}");
        let facts = entry.facts.as_deref().unwrap();
        assert_eq!(words[2..].join(" "), facts, "{line}");
    }
    assert_eq!(report.scorecard[1].area, ScoreArea::Dmarc);
    assert_eq!(report.scorecard[1].verdict, Verdict::Warnings);
}

/// Every input line gets exactly one result, invalid lines included, in JSON Lines.
#[test]
fn a_list_gets_one_result_per_line_and_goes_on_past_bad_lines() {
    let mut z = Zone::new();
    for d in ["a.example", "b.example", "c.example"] {
        healthy(&mut z, d);
    }
    z.servfail("_dmarc.c.example");
    let dns = TestDns::start(z);
    let dir = TempDir::new("check-list");
    let list = dir.write(
        "domains.txt",
        "# our domains\na.example\n\nnot a domain!\nb.example   # second\nc.example\n",
    );
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .format("jsonl")
        .args(["check", "--no-probe", "--selector", "s1", "--domains-file"])
        .arg(&list)
        .run();
    let results: Vec<CheckResult> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(results.len(), 4, "{out}");
    let mut domains: Vec<String> = results
        .iter()
        .map(|r| match r {
            CheckResult::Report(r) => r.domain.clone(),
            CheckResult::Invalid(i) => format!("invalid: {}", i.input),
        })
        .collect();
    domains.sort();
    assert_eq!(
        domains,
        [
            "a.example",
            "b.example",
            "c.example",
            "invalid: not a domain!"
        ]
    );
    let c = results.iter().find_map(|r| match r {
        CheckResult::Report(r) if r.domain == "c.example" => Some(r),
        _ => None,
    });
    assert!(c.is_some_and(|c| c.incomplete), "{out}");
    // An invalid line and a failed lookup are data in their results, not a failed run (2): the
    // failed DMARC lookup is an error finding, so 1 at the default --fail-on error.
    out.assert_code(1);
}

#[test]
fn shards_split_a_list_so_every_domain_is_checked_once() {
    let mut z = Zone::new();
    let names: Vec<String> = (0..7).map(|i| format!("d{i}.example")).collect();
    for d in &names {
        healthy(&mut z, d);
    }
    let dns = TestDns::start(z);
    let mut seen = Vec::new();
    for shard in ["0/3", "1/3", "2/3"] {
        let mut args = vec!["--selector", "s1", "--shard", shard];
        args.extend(names.iter().map(String::as_str));
        let out = Mailaudit::new()
            .dns(&dns)
            .timeout("0.5")
            .format("jsonl")
            .args(["check", "--no-probe"])
            .args(&args)
            .run();
        for line in out.stdout.lines() {
            let report: CheckReport = serde_json::from_str(line).unwrap();
            seen.push(report.domain);
        }
    }
    seen.sort();
    assert_eq!(seen, names);
}

#[test]
fn stdin_lists_and_the_text_summary_table() {
    let mut z = Zone::new();
    healthy(&mut z, "a.example");
    z.txt("b.example", &["v=spf1 +all"]);
    let dns = TestDns::start(z);
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .args([
            "check",
            "--no-probe",
            "--selector",
            "s1",
            "--domains-file",
            "-",
        ])
        .stdin("a.example\nb.example\n")
        .run();
    out.assert_code(1);
    out.assert_stdout_contains("domain     errors  warnings  info  status\n");
    out.assert_stdout_contains("\n2 domains\n");
    // --fail-on follows the worst finding across all domains.
    let never = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .args([
            "--fail-on",
            "never",
            "check",
            "--no-probe",
            "--selector",
            "s1",
            "a.example",
            "b.example",
        ])
        .run();
    never.assert_code(0);
}

#[test]
fn one_invalid_domain_is_a_usage_error() {
    let out = Mailaudit::new().args(["check", "not a domain"]).run();
    out.assert_code(2);
    assert_eq!(out.stderr.lines().count(), 1, "{out}");
}

#[test]
fn the_probe_is_an_area_and_a_good_host_raises_nothing_across_areas() {
    let (out, report) = check_json(sts_enforce_with("good"), "example.com");
    let probe = report
        .probe
        .as_ref()
        .unwrap_or_else(|| panic!("no probe\n{out}"));
    assert_eq!(probe.sessions.len(), 1, "{out}");
    assert!(probe.sessions[0].connected, "{out}");
    assert!(
        !report.all_codes().contains(&"check-sts-enforce-broken"),
        "{:?}",
        report.all_codes()
    );
}

#[test]
fn ctrl_c_stops_a_list_cleanly_with_every_line_whole() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut z = Zone::new();
    for i in 0..40 {
        let domain = format!("d{i}.example");
        if i % 2 == 0 {
            healthy(&mut z, &domain);
        } else {
            // Never answers: these domains are still running when the signal comes.
            z.silent(&domain, None);
        }
    }
    let dns = TestDns::start(z);
    let domains: Vec<String> = (0..40).map(|i| format!("d{i}.example")).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mailaudit"))
        .args([
            "--resolver",
            &dns.resolver_arg(),
            "--timeout",
            "5",
            "--budget",
            "20",
            "--no-dnssec",
        ])
        .args([
            "--format",
            "jsonl",
            "check",
            "--no-probe",
            "--selector",
            "s1",
        ])
        .args(&domains)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("mailaudit runs");
    // The signal comes once a first result is out and the silent domains are still running.
    let mut reader = std::io::BufReader::new(child.stdout.take().expect("stdout is piped"));
    let mut stdout = String::new();
    std::io::BufRead::read_line(&mut reader, &mut stdout).expect("a first line");
    let interrupted = std::time::Instant::now();
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    reader.read_to_string(&mut stdout).expect("stdout is read");
    let status = child.wait().expect("mailaudit ends");
    assert!(
        interrupted.elapsed() < Duration::from_secs(4),
        "{:?}",
        interrupted.elapsed()
    );
    assert_eq!(status.code(), Some(2), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        !lines.is_empty() && lines.len() < 40,
        "{} lines",
        lines.len()
    );
    for line in lines {
        let _: CheckReport = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    }
    assert!(stdout.ends_with('\n'));
}

/// example.com with SPF and DMARC, for tests that add MX hosts: every address the probe is given
/// is loopback.
fn loopback_only() -> Zone {
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 mx -all"]);
    z.txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
    z
}

/// A port on 127.0.0.1 where nothing listens (bound, then closed).
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// 50 MX hosts of 1,000 addresses each (50,000 endpoints, nothing listening): the probe takes
/// the MX audit's bounds and ends within the domain's budget, so the SMTP area is kept.
#[test]
fn the_smtp_area_is_kept_however_many_endpoints_the_mx_names() {
    let mut z = loopback_only();
    for h in 0..50u16 {
        let name = format!("mx{h:02}.example.com");
        z.mx("example.com", 20 + h, &name);
        for i in 0..1000 {
            z.a(
                &name,
                &format!("127.{}.{}.{}", 10 + h, i / 250, i % 250 + 1),
            );
        }
    }
    let dns = TestDns::start(z);
    let port = closed_port().to_string();
    let out = Mailaudit::new()
        .dns(&dns)
        .format("json")
        .args(["--budget", "3", "check", "example.com", "--selector", "s1"])
        .args(["--probe-port", &port])
        .run();
    let report: CheckReport = out.json_as();
    let probe = report
        .probe
        .as_ref()
        .unwrap_or_else(|| panic!("the SMTP area was dropped: {:?}", report.all_codes()));
    assert!(probe.sessions.len() <= 16 * 8, "{}", probe.sessions.len());
    assert!(report.all_codes().contains(&"smtp-probe-limit"));
    assert!(!report.all_codes().contains(&"check-unfinished"));
}

/// A tarpit: connections complete (the kernel queues them) and nothing is ever said.
fn tarpit() -> std::net::TcpListener {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind")
}

/// Once the domain's budget is spent, the sessions whose turn has not come are not started:
/// they are counted in one finding of the run's own, not blamed on the servers.
#[test]
fn sessions_whose_turn_comes_after_the_budget_are_not_started() {
    let listener = tarpit();
    let port = listener.local_addr().expect("address").port().to_string();
    let mut z = loopback_only();
    for h in 0..12 {
        let name = format!("mx{h:02}.example.com");
        z.mx("example.com", 20, &name).a(&name, "127.0.0.1");
    }
    let dns = TestDns::start(z);
    let out = Mailaudit::new()
        .dns(&dns)
        .format("json")
        .args(["--budget", "1", "check", "example.com", "--selector", "s1"])
        .args(["--probe-port", &port])
        .run();
    out.assert_code(2);
    let report: CheckReport = out.json_as();
    let probe = report.probe.as_ref().expect("the SMTP area");
    let exceeded = probe
        .findings
        .iter()
        .filter(|f| f.code == "smtp-budget-exceeded")
        .count();
    let deadline = crate::support::model::finding(&probe.findings, "smtp-probe-deadline");
    let not_probed = 12 - probe.sessions.len();
    assert_eq!(exceeded, probe.sessions.len(), "{out}");
    assert!(not_probed > 0, "{out}");
    assert!(
        deadline
            .message
            .starts_with(&format!("{not_probed} of 12 endpoints")),
        "{}",
        deadline.message
    );
    assert!(report.incomplete);
    drop(listener);
}

/// JSON and JSON Lines print no closing table, so they keep no row per domain: memory stays
/// flat however long the list.
#[test]
fn json_lists_keep_no_row_per_domain() {
    let line = format!("{}!\n", "x".repeat(200));
    let lines = |n: usize| line.repeat(n).into_bytes();
    let mut running = Mailaudit::new()
        .format("jsonl")
        .args(["check", "--no-probe", "--domains-file", "-"])
        .spawn();
    running.discard_stdout();
    running.write_stdin(&lines(20_000)).wait_for_lines(20_000);
    let before = running.peak_rss_kib();
    running.write_stdin(&lines(100_000)).wait_for_lines(120_000);
    let after = running.peak_rss_kib();
    let out = running.finish();
    // Lines that are not domains are data in a list's results, not a failed run.
    out.assert_code(0);
    // A row per line would be 100,000 x (a 201-byte name and 64 bytes), some 25 MiB more.
    assert!(
        after < before + 8 * 1024,
        "peak RSS {before} KiB after 20,000 lines, {after} KiB after 120,000"
    );
}

/// SIGTERM (timeout, systemd, docker stop) ends a list as Ctrl-C does: the JSON array closed,
/// every result whole, exit status 2.
#[test]
fn sigterm_closes_the_json_list() {
    let mut running = Mailaudit::new()
        .format("json")
        .args(["check", "--no-probe", "--domains-file", "-"])
        .spawn();
    // The list comes from a pipe that stays open: the run waits for more when the signal comes.
    running
        .write_stdin(b"not a domain!\n")
        .wait_for_stdout("\"input\"")
        .signal("TERM")
        .wait_for_exit();
    let out = running.finish();
    out.assert_code(2);
    let results: Vec<CheckResult> = out.json_as();
    assert_eq!(results.len(), 1, "{out}");
}

/// A list with no newline at all (a device, a binary file) is read only up to a bound for one
/// line: that line is reported as not a domain and the run ends.
#[test]
fn a_list_without_newlines_ends_at_the_line_bound() {
    let out = Mailaudit::new()
        .format("json")
        .args(["check", "--no-probe", "--domains-file", "/dev/zero"])
        .run();
    out.assert_code(2);
    let results: Vec<CheckResult> = out.json_as();
    assert_eq!(results.len(), 1, "{out}");
    let CheckResult::Invalid(invalid) = &results[0] else {
        panic!("not an invalid line: {out}");
    };
    assert!(invalid.error.contains("64 KiB"), "{}", invalid.error);
}

/// The same for the Clients area: endpoints whose turn comes after the domain's budget are
/// counted, not started.
#[test]
fn client_sessions_whose_turn_comes_after_the_budget_are_not_started() {
    let listener = tarpit();
    let port = listener.local_addr().expect("address").port();
    let mut z = loopback_only();
    for h in 0..12 {
        let name = format!("imap{h:02}.example.com");
        z.srv("_imaps._tcp.example.com", 0, 1, port, &name)
            .a(&name, "127.0.0.1");
    }
    let dns = TestDns::start(z);
    let out = Mailaudit::new()
        .dns(&dns)
        .format("json")
        .args(["--budget", "1", "check", "example.com", "--selector", "s1"])
        .args(["--no-probe", "--clients"])
        .run();
    out.assert_code(2);
    let report: CheckReport = out.json_as();
    let clients = report.clients.as_ref().expect("the Clients area");
    let started = clients.endpoints.len();
    let deadline = crate::support::model::finding(&clients.findings, "smtp-probe-deadline");
    assert!(started < 12, "{out}");
    assert!(
        deadline
            .message
            .starts_with(&format!("{} of 12 endpoints", 12 - started)),
        "{}",
        deadline.message
    );
    drop(listener);
}

/// A list that cannot be read on the way (here a directory: opened, then every read fails) is
/// an error, and the JSON array written so far is closed all the same.
#[test]
fn an_unreadable_list_still_closes_the_json_list() {
    let dir = TempDir::new("check-unreadable");
    let out = Mailaudit::new()
        .format("json")
        .args(["check", "--no-probe", "--domains-file"])
        .arg(dir.path())
        .run();
    out.assert_code(2);
    out.assert_stderr_contains("cannot read");
    let results: Vec<CheckResult> = out.json_as();
    assert!(results.is_empty(), "{out}");
}
