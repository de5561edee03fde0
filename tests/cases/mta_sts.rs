//! `mailaudit mta-sts DOMAIN` against the in-process DNS server and a local HTTPS server with
//! rcgen certificates from a test CA (given with `--ca-file`), its port given with the hidden
//! `--mta-sts-port`: every finding code is triggered (one test per code, from a table), a clean
//! setup raises nothing, and the fetch behaves as a sender's must.

use crate::support::blackhole::Blackhole;
use crate::support::cmd::{Mailaudit, Output};
use crate::support::diff::line_diff;
use crate::support::dns_server::{TestDns, Zone};
use crate::support::docs::{DOCUMENTS, console_examples};
use crate::support::https_server::{Reply, ServerCert, TestCa, TestHttps};
use crate::support::model::{CertVerdict, MtaStsReport, StsMode, codes};
use crate::support::temp::TempDir;

pub const GOOD_POLICY: &str =
    "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n";
const RECORD: &str = "v=STSv1; id=20240101T120000";

/// The certificate the policy host presents.
#[derive(Debug, Clone, Copy)]
pub enum Cert {
    /// From the test CA, for mta-sts.example.com.
    Good,
    /// From the test CA, for another name.
    WrongName,
    /// From the test CA, expired in 2021.
    Expired,
    /// From the test CA, valid from 2090.
    NotYetValid,
    SelfSigned,
    /// From a CA the run does not trust, sent with that CA's certificate.
    OtherCa,
    /// From a CA the run does not trust, sent alone.
    OtherCaLeafOnly,
}

/// A domain's data: DNS, and what the policy host serves (if anything listens).
pub struct Site {
    pub zone: Zone,
    pub https: Option<(Cert, Reply)>,
    /// `--timeout`: for DNS queries and for the policy fetch as a whole.
    pub timeout: &'static str,
}

impl Site {
    /// example.com with one MX, the record, and the policy host at 127.0.0.1 serving `policy`.
    pub fn serving(policy: &str) -> Self {
        Self::new(base(true), Some((Cert::Good, Reply::policy(policy))))
    }

    pub fn new(zone: Zone, https: Option<(Cert, Reply)>) -> Self {
        Self {
            zone,
            https,
            timeout: "2",
        }
    }

    pub fn zone(mut self, f: impl FnOnce(&mut Zone)) -> Self {
        f(&mut self.zone);
        self
    }
}

/// example.com with MX mail.example.com, the policy host at 127.0.0.1, and `record` at
/// `_mta-sts` when asked.
pub fn base(record: bool) -> Zone {
    let mut z = Zone::new();
    z.mx("example.com", 10, "mail.example.com")
        .a("mail.example.com", "192.0.2.25")
        .a("mta-sts.example.com", "127.0.0.1");
    if record {
        z.txt("_mta-sts.example.com", &[RECORD]);
    }
    z
}

fn certificate(ca: &TestCa, cert: Cert) -> ServerCert {
    let host = ["mta-sts.example.com"];
    match cert {
        Cert::Good => ca.leaf(&host),
        Cert::WrongName => ca.leaf(&["www.example.org"]),
        Cert::Expired => ca.leaf_valid(&host, (2020, 1, 1), (2021, 1, 1)),
        Cert::NotYetValid => ca.leaf_valid(&host, (2090, 1, 1), (2099, 1, 1)),
        Cert::SelfSigned => ServerCert::self_signed(&host),
        Cert::OtherCa => TestCa::new("Other CA").leaf(&host),
        Cert::OtherCaLeafOnly => TestCa::new("Other CA").leaf(&host).leaf_only(),
    }
}

/// A port on 127.0.0.1 where nothing listens (bound, then closed).
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// The servers of a site, running, and the command that audits it.
pub struct Running {
    _dns: TestDns,
    pub https: Option<TestHttps>,
    pub command: Mailaudit,
    _dir: TempDir,
}

pub fn start(site: Site) -> Running {
    let dir = TempDir::new("mta-sts");
    let ca = TestCa::new("mailaudit test CA");
    let pem = ca.pem_file(&dir);
    let https = site
        .https
        .map(|(cert, reply)| TestHttps::start(certificate(&ca, cert), reply));
    let port = https.as_ref().map_or_else(closed_port, TestHttps::port);
    let dns = TestDns::start(site.zone);
    let command = Mailaudit::new()
        .dns(&dns)
        .timeout(site.timeout)
        .arg("--ca-file")
        .arg(&pem)
        .args(["--mta-sts-port", &port.to_string()]);
    Running {
        _dns: dns,
        https,
        command,
        _dir: dir,
    }
}

/// Runs `mta-sts example.com` as JSON against `site`.
pub fn audit(site: Site) -> (Output, MtaStsReport) {
    let running = start(site);
    let out = running
        .command
        .format("json")
        .args(["mta-sts", "example.com"])
        .run();
    let report = out.json_as();
    (out, report)
}

fn assert_raised(code: &str, site: Site) {
    let (out, report) = audit(site);
    assert!(
        codes(&report.findings).contains(&code),
        "{code}: not raised; got {:?}\n{out}",
        codes(&report.findings)
    );
}

fn policy_reply(reply: Reply) -> Site {
    Site::new(base(true), Some((Cert::Good, reply)))
}

mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        mta_sts_missing => Site::new(base(false), None);
        mta_sts_multiple_records => Site::serving(GOOD_POLICY)
            .zone(|z| { z.txt("_mta-sts.example.com", &["v=STSv1; id=2"]); });
        mta_sts_record_syntax_error => Site::new(base(false), None)
            .zone(|z| { z.txt("_mta-sts.example.com", &["v=STSv1; id=1; x=a b"]); });
        mta_sts_record_version_not_first => Site::new(base(false), None)
            .zone(|z| { z.txt("_mta-sts.example.com", &["id=1; v=STSv1"]); });
        mta_sts_record_id_invalid => Site::new(base(false), None)
            .zone(|z| { z.txt("_mta-sts.example.com", &["v=STSv1; id=2024-01-01"]); });
        mta_sts_record_unknown_field => Site::new(base(false), None)
            .zone(|z| { z.txt("_mta-sts.example.com", &["v=STSv1; id=1; mode=enforce"]); });
        mta_sts_record_duplicate_field => Site::new(base(false), None)
            .zone(|z| { z.txt("_mta-sts.example.com", &["v=STSv1; id=1; id=2"]); });
        mta_sts_policy_host_missing => Site::new(
            { let mut z = Zone::new(); z.txt("_mta-sts.example.com", &[RECORD]); z },
            None,
        );
        mta_sts_policy_unreachable => Site::new(base(true), None);
        mta_sts_policy_timeout => Site {
            timeout: "0.5",
            ..policy_reply(Reply::Silent)
        };
        mta_sts_certificate_invalid =>
            Site::new(base(true), Some((Cert::WrongName, Reply::policy(GOOD_POLICY))));
        mta_sts_policy_redirect => policy_reply(Reply::Http {
            status: 301,
            headers: vec![("Location".into(), "https://www.example.com/".into())],
            body: Vec::new(),
        });
        mta_sts_policy_http_status => policy_reply(Reply::with_type(404, "text/plain", b"no".to_vec()));
        mta_sts_policy_content_type =>
            policy_reply(Reply::with_type(200, "text/html", GOOD_POLICY.as_bytes().to_vec()));
        mta_sts_policy_too_large =>
            policy_reply(Reply::policy(&format!("{GOOD_POLICY}{}", "# padding\r\n".repeat(7000))));
        mta_sts_policy_without_record =>
            Site::new(base(false), Some((Cert::Good, Reply::policy(GOOD_POLICY))));
        mta_sts_policy_syntax_error =>
            Site::serving(&format!("{GOOD_POLICY}this line is no field\r\n"));
        mta_sts_policy_lf_endings => Site::serving(&GOOD_POLICY.replace("\r\n", "\n"));
        mta_sts_policy_version_invalid => Site::serving(&GOOD_POLICY.replace("STSv1", "STSv2"));
        mta_sts_policy_mode_invalid => Site::serving(&GOOD_POLICY.replace("enforce", "enforcing"));
        mta_sts_policy_max_age_invalid => Site::serving(&GOOD_POLICY.replace("604800", "1w"));
        mta_sts_policy_max_age_too_long =>
            Site::serving(&GOOD_POLICY.replace("604800", "31557601"));
        mta_sts_policy_max_age_short => Site::serving(&GOOD_POLICY.replace("604800", "3600"));
        mta_sts_policy_duplicate_field =>
            Site::serving(&format!("{GOOD_POLICY}mode: testing\r\n"));
        mta_sts_policy_unknown_field => Site::serving(&format!("{GOOD_POLICY}report: yes\r\n"));
        mta_sts_policy_no_mx => Site::serving(&GOOD_POLICY.replace("mx: mail.example.com\r\n", ""));
        mta_sts_policy_mx_invalid =>
            Site::serving(&format!("{GOOD_POLICY}mx: mail.*.example.com\r\n"));
        mta_sts_policy_testing => Site::serving(&GOOD_POLICY.replace("enforce", "testing"));
        mta_sts_policy_mode_none => Site::serving(&GOOD_POLICY.replace("enforce", "none"));
        mta_sts_mx_not_covered => Site::serving(GOOD_POLICY)
            .zone(|z| { z.mx("example.com", 20, "backup.example.net"); });
        mta_sts_mx_pattern_unused => Site::serving(&format!("{GOOD_POLICY}mx: *.old.example.net\r\n"));
        mta_sts_no_mx => Site::new(
            {
                let mut z = Zone::new();
                z.txt("_mta-sts.example.com", &[RECORD]).a("mta-sts.example.com", "127.0.0.1");
                z
            },
            Some((Cert::Good, Reply::policy(GOOD_POLICY))),
        );
    }
}

#[test]
fn the_code_table_covers_the_catalog_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["mta-sts-"]);
}

#[test]
fn a_clean_setup_raises_nothing_and_the_fetch_is_a_senders() {
    let running = start(Site::serving(GOOD_POLICY));
    let out = running
        .command
        .clone()
        .format("json")
        .args(["mta-sts", "Example.COM."])
        .run();
    out.assert_success();
    let report: MtaStsReport = out.json_as();
    assert_eq!(codes(&report.findings), Vec::<&str>::new(), "{out}");
    assert_eq!(report.records[0].id.as_deref(), Some("20240101T120000"));
    let fetch = report.fetch.as_ref().expect("fetched");
    assert_eq!(
        fetch.url,
        "https://mta-sts.example.com/.well-known/mta-sts.txt"
    );
    assert_eq!(fetch.addresses, ["127.0.0.1"]);
    assert_eq!(fetch.status, Some(200));
    assert_eq!(fetch.bytes, Some(GOOD_POLICY.len() as u64));
    let cert = fetch.certificate.as_ref().expect("certificate");
    assert_eq!(cert.verdict, CertVerdict::Valid);
    assert_eq!(cert.issuer, "mailaudit test CA");
    assert_eq!(cert.names, ["mta-sts.example.com"]);
    let policy = report.policy.as_ref().expect("policy");
    assert_eq!(policy.mode, Some(StsMode::Enforce));
    assert_eq!(
        (policy.max_age, policy.mx.as_slice()),
        (Some(604_800), &["mail.example.com".to_string()][..])
    );
    assert_eq!(
        report.mx_hosts[0].pattern.as_deref(),
        Some("mail.example.com")
    );
    // SNI, Host and the path are what a sender sends.
    let seen = running.https.as_ref().expect("server").seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].sni.as_deref(), Some("mta-sts.example.com"));
    assert_eq!(seen[0].host.as_deref(), Some("mta-sts.example.com"));
    assert_eq!(
        seen[0].request_line,
        "GET /.well-known/mta-sts.txt HTTP/1.1"
    );
}

#[test]
fn certificate_problems_say_why() {
    let cases = [
        (
            Cert::WrongName,
            CertVerdict::NameMismatch,
            "it names www.example.org",
        ),
        (
            Cert::Expired,
            CertVerdict::Expired,
            "expired on 2021-01-01 00:00:00 UTC",
        ),
        (
            Cert::NotYetValid,
            CertVerdict::NotYetValid,
            "not valid before 2090-01-01",
        ),
        (
            Cert::SelfSigned,
            CertVerdict::SelfSigned,
            "self-signed by mta-sts.example.com",
        ),
        (
            Cert::OtherCa,
            CertVerdict::UntrustedIssuer,
            "the chain ends at Other CA",
        ),
        (
            Cert::OtherCaLeafOnly,
            CertVerdict::IncompleteChain,
            "no intermediate",
        ),
    ];
    for (cert, verdict, words) in cases {
        let (out, report) = audit(Site::new(
            base(true),
            Some((cert, Reply::policy(GOOD_POLICY))),
        ));
        out.assert_code(1);
        let fetch = report.fetch.as_ref().expect("fetch");
        let got = fetch.certificate.as_ref().expect("certificate");
        assert_eq!(got.verdict, verdict, "{cert:?}\n{out}");
        let finding = report
            .findings
            .iter()
            .find(|f| f.code == "mta-sts-certificate-invalid")
            .unwrap_or_else(|| panic!("{cert:?}: no certificate finding\n{out}"));
        assert!(
            finding.message.contains(words),
            "{cert:?}: {}",
            finding.message
        );
        assert!(
            report.policy.is_none(),
            "{cert:?}: a policy read over a bad certificate"
        );
    }
}

#[test]
fn without_ca_file_the_test_ca_is_untrusted() {
    let running = start(Site::serving(GOOD_POLICY));
    let line = running.command.command_line();
    // The same command without --ca-file PEM.
    let at = line
        .iter()
        .position(|a| a == "--ca-file")
        .expect("--ca-file");
    let mut args = line.clone();
    args.drain(at..at + 2);
    let out = Mailaudit::new()
        .format("json")
        .args(args)
        .args(["mta-sts", "example.com"])
        .run();
    let report: MtaStsReport = out.json_as();
    let cert = report
        .fetch
        .and_then(|f| f.certificate)
        .expect("certificate");
    assert_eq!(cert.verdict, CertVerdict::UntrustedIssuer, "{out}");
}

#[test]
fn a_redirect_is_reported_and_not_followed() {
    let running = start(policy_reply(Reply::Http {
        status: 302,
        headers: vec![(
            "Location".into(),
            "https://mta-sts.example.com/elsewhere".into(),
        )],
        body: Vec::new(),
    }));
    let out = running
        .command
        .clone()
        .format("json")
        .args(["mta-sts", "example.com"])
        .run();
    let report: MtaStsReport = out.json_as();
    let redirect = report
        .findings
        .iter()
        .find(|f| f.code == "mta-sts-policy-redirect")
        .expect("redirect finding");
    assert!(redirect.message.contains("302"), "{}", redirect.message);
    assert!(
        redirect
            .message
            .contains("https://mta-sts.example.com/elsewhere")
    );
    assert_eq!(
        running.https.as_ref().expect("server").seen().len(),
        1,
        "followed"
    );
}

#[test]
fn a_large_body_is_not_read_past_64_kib() {
    let (out, report) = audit(policy_reply(Reply::policy(&"x".repeat(70 * 1024))));
    out.assert_code(1);
    assert!(report.policy.is_none(), "{out}");
    let fetch = report.fetch.expect("fetch");
    assert!(fetch.bytes.unwrap_or(0) <= 64 * 1024, "{out}");
}

#[test]
fn a_chunked_body_is_cut_at_64_kib() {
    let (out, report) = audit(policy_reply(Reply::Chunked {
        content_type: "text/plain; charset=utf-8".into(),
        body: format!("{GOOD_POLICY}{}", "# padding\r\n".repeat(7000)).into_bytes(),
    }));
    out.assert_code(1);
    assert_eq!(
        codes(&report.findings),
        ["mta-sts-policy-too-large"],
        "{out}"
    );
    assert_eq!(report.fetch.and_then(|f| f.bytes), Some(64 * 1024));
    // A small chunked policy with a charset parameter is fine.
    let (out, report) = audit(policy_reply(Reply::Chunked {
        content_type: "text/plain; charset=utf-8".into(),
        body: GOOD_POLICY.as_bytes().to_vec(),
    }));
    out.assert_success();
    assert!(report.findings.is_empty(), "{out}");
}

#[test]
fn a_failed_record_lookup_is_not_a_missing_record() {
    let mut zone = base(false);
    zone.servfail("_mta-sts.example.com");
    let (out, report) = audit(Site::new(zone, None));
    out.assert_code(2);
    assert_eq!(codes(&report.findings), ["dns-lookup-failed"], "{out}");
}

#[test]
fn a_failed_policy_host_lookup_is_not_a_missing_host() {
    let mut zone = Zone::new();
    zone.txt("_mta-sts.example.com", &[RECORD])
        .servfail("mta-sts.example.com");
    let (out, report) = audit(Site::new(zone, None));
    out.assert_code(1);
    assert!(report.fetch.is_none());
    let found = codes(&report.findings);
    assert!(found.contains(&"dns-lookup-failed"), "{out}");
    assert!(!found.contains(&"mta-sts-policy-host-missing"), "{out}");
}

#[test]
fn a_policy_host_address_that_never_answers_does_not_use_up_the_fetch() {
    // The first address hangs (its connect neither completes nor fails), the second serves the
    // policy: a sender moves on to the second one long before `--timeout` ends the fetch.
    let mut zone = Zone::new();
    zone.mx("example.com", 10, "mail.example.com")
        .a("mail.example.com", "192.0.2.25")
        .a("mta-sts.example.com", "127.0.0.2")
        .a("mta-sts.example.com", "127.0.0.1")
        .txt("_mta-sts.example.com", &[RECORD]);
    let running = start(Site::new(
        zone,
        Some((Cert::Good, Reply::policy(GOOD_POLICY))),
    ));
    let port = running.https.as_ref().expect("server").port();
    let _dead = Blackhole::bind(([127, 0, 0, 2], port).into());
    let out = running
        .command
        .clone()
        .format("json")
        .args(["mta-sts", "example.com"])
        .run();
    out.assert_success();
    let report: MtaStsReport = out.json_as();
    assert_eq!(codes(&report.findings), Vec::<&str>::new(), "{out}");
    let fetch = report.fetch.as_ref().expect("fetched");
    assert_eq!(fetch.addresses, ["127.0.0.2", "127.0.0.1"], "{out}");
    assert_eq!(fetch.status, Some(200), "{out}");
}

#[test]
fn mode_none_with_a_record_is_a_withdrawal() {
    let (out, report) = audit(Site::serving(&GOOD_POLICY.replace("enforce", "none")));
    out.assert_success();
    let none = &report.findings[0];
    assert_eq!(none.code, "mta-sts-policy-mode-none");
    assert!(none.message.contains("withdrawn"), "{}", none.message);
    assert!(report.mx_hosts.is_empty(), "a none policy covers no MX");
}

#[test]
fn an_uncovered_mx_points_at_the_host_and_an_unused_pattern_at_its_line() {
    let site = Site::serving(&format!("{GOOD_POLICY}mx: *.old.example.net\r\n")).zone(|z| {
        z.mx("example.com", 20, "backup.example.net");
    });
    let (out, report) = audit(site);
    out.assert_code(1);
    let host = report
        .findings
        .iter()
        .find(|f| f.code == "mta-sts-mx-not-covered")
        .expect("not covered");
    assert_eq!(host.subject, "backup.example.net");
    let unused = report
        .findings
        .iter()
        .find(|f| f.code == "mta-sts-mx-pattern-unused")
        .expect("unused");
    assert!(unused.message.starts_with("line 5:"), "{}", unused.message);
    let at = unused.location.as_ref().expect("location");
    // The offsets are into that line of the policy the report shows.
    let policy = report.policy.as_ref().expect("the policy");
    let number = usize::try_from(at.line.expect("a line number")).unwrap();
    let line = policy.text.lines().nth(number - 1).expect("the line");
    assert_eq!(
        &line[usize::try_from(at.start).unwrap()..usize::try_from(at.end).unwrap()],
        "*.old.example.net"
    );
}

#[test]
fn text_yaml_and_fail_on() {
    let running = start(Site::serving(&GOOD_POLICY.replace("enforce", "testing")));
    let text = running
        .command
        .clone()
        .color("never")
        .args(["mta-sts", "example.com"])
        .run();
    text.assert_success();
    for needle in [
        "MTA-STS example.com",
        "  record   v=STSv1; id=20240101T120000",
        "  policy   https://mta-sts.example.com/.well-known/mta-sts.txt",
        "HTTP 200, text/plain",
        "certificate valid for mta-sts.example.com until 2099-01-01 00:00:00 UTC (issued by mailaudit test CA)",
        "           mode: testing",
        "  MX hosts mail.example.com  mx: mail.example.com",
        "info    mta-sts-policy-testing  mta-sts.example.com",
    ] {
        text.assert_stdout_contains(needle);
    }
    let yaml = running
        .command
        .clone()
        .format("yaml")
        .args(["mta-sts", "example.com"])
        .run();
    let report: MtaStsReport = yaml.yaml_as();
    assert_eq!(report.policy.and_then(|p| p.mode), Some(StsMode::Testing));
    running
        .command
        .clone()
        .args(["--fail-on", "info", "mta-sts", "example.com"])
        .run()
        .assert_code(1);
}

#[test]
fn an_unreadable_ca_file_is_a_usage_error() {
    let out = Mailaudit::new()
        .args(["--ca-file", "/nonexistent/ca.pem", "mta-sts", "example.com"])
        .run();
    out.assert_code(2)
        .assert_stderr_contains("cannot read --ca-file /nonexistent/ca.pem");
    let dir = TempDir::new("ca-file");
    let empty = dir.write("empty.pem", "no certificates here\n");
    Mailaudit::new()
        .arg("--ca-file")
        .arg(&empty)
        .args(["mta-sts", "example.com"])
        .run()
        .assert_code(2)
        .assert_stderr_contains("holds no PEM certificate");
}

/// The examples of the README and the guide that need the local servers (`mta-sts example.com`
/// against the scenario below) or the files in `examples/` (`lint mta-sts-policy examples/...`)
/// print exactly what they show; the `--zone` ones are checked by `docs_sync`.
#[test]
fn docs_examples_print_what_they_show() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = Site::serving(
        "version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmx: *.old.example.net\r\nmax_age: 604800\r\n",
    )
    .zone(|z| {
        z.mx("example.com", 20, "backup.example.net");
    });
    let running = start(site);
    let mut checked = 0;
    for example in console_examples(root) {
        let command = example.command.as_str();
        let out = if command == "$ mailaudit mta-sts example.com" {
            running
                .command
                .clone()
                .args(["mta-sts", "example.com"])
                .run()
        } else if let Some(file) = command.strip_prefix("$ mailaudit lint mta-sts-policy examples/")
        {
            Mailaudit::new()
                .current_dir(root)
                .args(["lint", "mta-sts-policy", &format!("examples/{file}")])
                .run()
        } else {
            continue;
        };
        assert!(
            example.shown == out.stdout,
            "{}: `{command}` prints otherwise (- shown, + printed):\n{}",
            example.document,
            line_diff(&example.shown, &out.stdout)
        );
        checked += 1;
    }
    assert_eq!(
        checked, 2,
        "examples of mta-sts and lint mta-sts-policy in {DOCUMENTS:?}"
    );
}
