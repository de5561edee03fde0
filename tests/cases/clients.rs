//! `mailaudit clients` against the scripted IMAP/POP3 server (tests/support/access_server.rs)
//! and the scripted SMTP server, on 127.0.0.1, published through the test DNS server as RFC 6186
//! SRV records under example.com (or probed at `--host`), with certificates from a test CA given
//! with `--ca-file`: one test per `client-` code at its catalog severity, a clean domain end to
//! end (RFC 8314), exit status and formats, every hostile personality ending within its budget,
//! the `--host` fallback, and `check --clients`.

use std::time::{Duration, Instant};

use crate::support::access_personas::{
    HOSTILE, MX_HOST, imap_implicit, imap_personality, pop3_implicit, pop3_personality,
};
use crate::support::access_server::{AccessPersonality, TestAccess, line};
use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::https_server::TestCa;
use crate::support::model::{
    CheckReport, ClientEndpoint, ClientServiceRecords, ClientsReport, EndpointSource, Finding,
    Severity, SrvPublished, TranscriptDirection, TranscriptLine, codes, finding,
};
use crate::support::smtp_personas::{self, cred, weak_rsa};
use crate::support::smtp_server::{AfterStartTls, TestSmtp};
use crate::support::temp::TempDir;

/// The EHLO name every test gives, so no test depends on the machine's name.
const EHLO: &str = "probe.example.net";

/// The IMAP and POP3 services, implicit TLS first.
const ACCESS: [&str; 4] = ["imaps", "imap", "pop3s", "pop3"];

/// All that a mail client sends to IMAP on a STARTTLS port.
const IMAP_STARTTLS: [&str; 4] = ["a1 CAPABILITY", "a2 STARTTLS", "a3 CAPABILITY", "a4 LOGOUT"];

/// What listens for a case, and the service (`imap`, `imaps`, `pop3`, `pop3s`) it is for.
#[derive(Clone, Copy)]
pub enum Server {
    /// A personality of `access_personas` by name, as the service deploys it (implicit TLS on
    /// imaps and pop3s).
    Named(&'static str, &'static str),
    /// A personality made by the test.
    Made(&'static str, fn(&TestCa) -> AccessPersonality),
    /// Nothing: a closed port.
    Closed(&'static str),
}

impl Server {
    fn service(self) -> &'static str {
        match self {
            Self::Named(service, _) | Self::Made(service, _) | Self::Closed(service) => service,
        }
    }
}

/// How the domain points at the server.
#[derive(Clone, Copy)]
pub enum Publish {
    /// `_SERVICE._tcp.example.com. SRV 0 1 PORT mail.example.com.`
    Srv,
    /// No SRV record: `--host mail.example.com --service SERVICE --port SERVICE=PORT`.
    Host,
    /// The records the test writes, given the server's port.
    Zone(fn(&mut Zone, u16)),
}

/// One `clients` run: the server, the DNS, and the step timeout and budget.
pub struct Case {
    pub server: Server,
    pub publish: Publish,
    pub timeout: &'static str,
    pub budget: &'static str,
}

impl From<Server> for Case {
    fn from(server: Server) -> Self {
        Case {
            server,
            publish: Publish::Srv,
            timeout: "1",
            budget: "3",
        }
    }
}

impl Case {
    fn publish(mut self, publish: Publish) -> Self {
        self.publish = publish;
        self
    }

    fn limits(mut self, timeout: &'static str, budget: &'static str) -> Self {
        self.timeout = timeout;
        self.budget = budget;
        self
    }
}

/// `(service, name)`: the personality `name`, published for `service`.
impl From<(&'static str, &'static str)> for Case {
    fn from((service, name): (&'static str, &'static str)) -> Self {
        Server::Named(service, name).into()
    }
}

/// Records only: whatever they point at is a closed port.
fn zone_only(records: fn(&mut Zone, u16)) -> Case {
    Case::from(Server::Closed("imaps")).publish(Publish::Zone(records))
}

/// The personality `name` as `service` deploys it.
fn access(service: &str, name: &str, ca: &TestCa) -> AccessPersonality {
    match service {
        "imap" => imap_personality(name, ca),
        "imaps" => imap_implicit(name, ca),
        "pop3" => pop3_personality(name, ca),
        "pop3s" => pop3_implicit(name, ca),
        other => panic!("no IMAP/POP3 service {other:?}"),
    }
}

/// A port on 127.0.0.1 where nothing listens (bound, then closed).
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

fn srv_name(service: &str) -> String {
    format!("_{service}._tcp.example.com")
}

/// A test CA and its PEM file, the zone as the test writes it, and the servers it starts.
struct Lab {
    ca: TestCa,
    dir: TempDir,
    zone: Zone,
    access: Vec<TestAccess>,
    smtp: Vec<TestSmtp>,
}

impl Lab {
    /// mail.example.com at 127.0.0.1, nothing else published.
    fn new() -> Self {
        let mut zone = Zone::new();
        zone.a(MX_HOST, "127.0.0.1");
        Lab {
            ca: TestCa::new("mailaudit test CA"),
            dir: TempDir::new("clients"),
            zone,
            access: Vec::new(),
            smtp: Vec::new(),
        }
    }

    /// Starts `p` without publishing it; its port.
    fn serve(&mut self, p: AccessPersonality) -> u16 {
        let server = TestAccess::start(p);
        let port = server.port();
        self.access.push(server);
        port
    }

    /// Starts `p` and publishes it for `service`; its port.
    fn access(&mut self, service: &str, p: AccessPersonality) -> u16 {
        let port = self.serve(p);
        self.zone.srv(&srv_name(service), 0, 1, port, MX_HOST);
        port
    }

    /// Starts the SMTP personality `name` and publishes it for `service`; its port.
    fn smtp(&mut self, service: &str, name: &str) -> u16 {
        let server = TestSmtp::start(smtp_personas::personality(name, &self.ca));
        let port = server.port();
        self.smtp.push(server);
        self.zone.srv(&srv_name(service), 0, 1, port, MX_HOST);
        port
    }

    /// Serves the zone; the command `mailaudit clients example.com`, extra arguments to come.
    fn start(mut self, timeout: &str, budget: &str) -> Running {
        let dns = TestDns::start(std::mem::take(&mut self.zone));
        let command = Mailaudit::new()
            .dns(&dns)
            .timeout(timeout)
            .args(["--budget", budget, "--ca-file"])
            .arg(self.ca.pem_file(&self.dir))
            .args(["clients", "example.com", "--ehlo", EHLO]);
        Running {
            lab: self,
            dns,
            command,
        }
    }
}

/// The servers of a run, kept alive while it runs, and its command.
struct Running {
    lab: Lab,
    dns: TestDns,
    command: Mailaudit,
}

impl Running {
    /// The same run with more arguments.
    fn with<I>(mut self, args: I) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<std::ffi::OsStr>,
    {
        self.command = self.command.args(args);
        self
    }

    /// Runs as JSON; a finished run exits 0 or 1.
    fn json(&self) -> (Output, ClientsReport) {
        let out = self.command.clone().format("json").run();
        assert!(out.code == 0 || out.code == 1, "{out}");
        assert!(!out.stderr.contains("panicked"), "{out}");
        let report = out.json_as();
        (out, report)
    }
}

fn start(case: &Case) -> Running {
    let mut lab = Lab::new();
    let server = match case.server {
        Server::Named(service, name) => access(service, name, &lab.ca),
        Server::Made(_, make) => make(&lab.ca),
        Server::Closed(_) => return published(lab, case, closed_port()),
    };
    let port = lab.serve(server);
    published(lab, case, port)
}

/// `lab` with the case's records for the server at `port`, started.
fn published(mut lab: Lab, case: &Case, port: u16) -> Running {
    let service = case.server.service();
    match case.publish {
        Publish::Srv => {
            lab.zone.srv(&srv_name(service), 0, 1, port, MX_HOST);
        }
        Publish::Zone(records) => records(&mut lab.zone, port),
        Publish::Host => {
            let only = ["--host", MX_HOST, "--service", service, "--port"];
            let running = lab.start(case.timeout, case.budget).with(only);
            return running.with([format!("{service}={port}")]);
        }
    }
    lab.start(case.timeout, case.budget)
}

/// Fails unless `case` raises `code`, at the severity the catalog gives it.
fn assert_raised(code: &str, case: Case) {
    let (out, report) = start(&case).json();
    let f = report.findings.iter().find(|f| f.code == code);
    let f = f.unwrap_or_else(|| panic!("{code}: not raised\n{out}"));
    let entry = mailaudit::catalog::find(code).expect("a catalog code");
    let severity = format!("{:?}", f.severity).to_ascii_lowercase();
    assert_eq!(severity, entry.entry().severity.as_str(), "{f:?}");
}

/// An IMAP server whose greeting is another protocol's.
fn ssh_greeting(ca: &TestCa) -> AccessPersonality {
    AccessPersonality {
        greeting: vec![line("SSH-2.0-x")],
        ..imap_personality("good", ca)
    }
}

/// A positive reply to STARTTLS, and then plain text instead of a handshake.
fn no_handshake(ca: &TestCa) -> AccessPersonality {
    AccessPersonality {
        handshake: AfterStartTls::Garbage,
        ..imap_personality("good", ca)
    }
}

fn not_yet_valid(ca: &TestCa) -> AccessPersonality {
    AccessPersonality {
        credentials: Some(cred(&ca.leaf_valid(&[MX_HOST], (2090, 1, 1), (2099, 1, 1)))),
        ..imap_implicit("good", ca)
    }
}

/// An SRV target that passes as a host name but that rustls refuses as a server name: its last
/// label reads as a hexadecimal number, so a URL parser would take the name for an address.
const UNUSABLE_HOST: &str = "imap.example.0xa";

/// imaps published at [`UNUSABLE_HOST`], which is at 127.0.0.1.
fn unusable_target(z: &mut Zone, port: u16) {
    z.srv("_imaps._tcp.example.com", 0, 1, port, UNUSABLE_HOST)
        .a(UNUSABLE_HOST, "127.0.0.1");
}

/// An IMAP server whose CAPABILITY response announces a literal it never sends.
fn literal_capability(ca: &TestCa) -> AccessPersonality {
    AccessPersonality {
        capability: vec![line("* CAPABILITY IMAP4rev1 STARTTLS {64}")],
        ..imap_personality("good", ca)
    }
}

/// An IMAP server that completes CAPABILITY under a tag the client never sent.
fn unsent_tag(ca: &TestCa) -> AccessPersonality {
    AccessPersonality {
        capability: vec![line(
            "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\nzz9 OK CAPABILITY completed",
        )],
        ..imap_personality("good", ca)
    }
}

fn weak_key(ca: &TestCa) -> AccessPersonality {
    AccessPersonality {
        credentials: Some(weak_rsa(ca)),
        ..pop3_implicit("good", ca)
    }
}

mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        client_srv_none => zone_only(|_, _| {});
        client_srv_not_offered => zone_only(|z, _| {
            z.srv("_imap._tcp.example.com", 0, 0, 0, ".");
        });
        client_srv_invalid => zone_only(|z, _| {
            z.srv("_imaps._tcp.example.com", 0, 1, 0, MX_HOST);
        });
        client_srv_cname => Case::from(("imaps", "good")).publish(Publish::Zone(|z, port| {
            z.srv("_imaps._tcp.example.com", 0, 1, port, "imap.example.com")
                .cname("imap.example.com", MX_HOST);
        }));
        client_srv_no_address => zone_only(|z, port| {
            z.srv("_imaps._tcp.example.com", 0, 1, port, "nowhere.example.com");
        });
        client_probe_limit => zone_only(|z, port| {
            for weight in 0..33 {
                z.srv("_imaps._tcp.example.com", 0, weight, port, MX_HOST);
            }
        });
        client_implicit_tls_preferred => ("imap", "good");
        client_not_listening => Case::from(Server::Closed("imaps")).publish(Publish::Host);
        client_connect_failed => Server::Closed("pop3s");
        client_timeout => Case::from(("pop3", "greeting-never")).limits("0.5", "5");
        client_budget_exceeded => Case::from(("imap", "drip")).limits("5", "1");
        client_connection_dropped => ("pop3", "drop-mid-dialogue");
        client_response_too_large => ("imaps", "megabyte-line");
        client_response_malformed => Server::Made("imap", ssh_greeting);
        client_greeting_refused => ("pop3", "bye-greeting");
        client_starttls_missing => ("imap", "no-starttls");
        client_starttls_rejected => ("pop3", "starttls-refused");
        client_starttls_injection => ("imap", "garbage-after-starttls");
        client_cleartext_login => ("pop3", "login-before-tls");
        client_implicit_not_tls => ("imaps", "plaintext-on-implicit");
        client_tls_handshake_failed => Server::Made("imap", no_handshake);
        client_tls_legacy_only => ("pop3s", "tls10-only");
        client_cert_expired => ("imaps", "expired");
        client_cert_not_yet_valid => Server::Made("imaps", not_yet_valid);
        client_cert_expiring_soon => ("pop3", "expiring-soon");
        client_cert_untrusted => ("imap", "self-signed");
        client_cert_name_mismatch => ("pop3s", "wrong-name");
        client_cert_weak => Server::Made("pop3s", weak_key);
        client_sni_unusable => Case::from(("imaps", "good")).publish(Publish::Zone(unusable_target));
    }
}

#[test]
fn every_client_code_has_a_case() {
    crate::support::codes::assert_table_covers(code::TABLE, &["client-"]);
}

/// Every service published by SRV, each served well: submission ("good", STARTTLS) and
/// submissions ("implicit-tls") by the SMTP server, IMAP and POP3 on both kinds of port.
fn clean_domain() -> Running {
    let mut lab = Lab::new();
    for service in ACCESS {
        let p = access(service, "good", &lab.ca);
        lab.access(service, p);
    }
    lab.smtp("submission", "good");
    lab.smtp("submissions", "implicit-tls");
    lab.start("1", "3")
}

fn endpoint<'a>(report: &'a ClientsReport, service: &str) -> &'a ClientEndpoint {
    match report.endpoints.iter().find(|e| e.service == service) {
        Some(e) => e,
        None => panic!("no {service} endpoint in {report:?}"),
    }
}

/// Whether a capability list holds `word`.
fn lists(caps: Option<&Vec<String>>, word: &str) -> bool {
    caps.is_some_and(|c| c.iter().any(|w| w == word))
}

/// The findings with `code`.
fn named<'a>(report: &'a ClientsReport, code: &str) -> Vec<&'a Finding> {
    report.findings.iter().filter(|f| f.code == code).collect()
}

#[test]
fn a_clean_domain_raises_nothing_and_reports_every_endpoint() {
    let (out, report) = clean_domain().json();
    out.assert_success();
    let clean = report.findings.is_empty() && report.hosts.is_empty();
    assert!(clean, "{out}");
    let offered = |s: &ClientServiceRecords| s.published == SrvPublished::Offered;
    assert!(report.services.iter().all(offered));
    assert_eq!(report.endpoints.len(), 6, "{out}");
    for e in &report.endpoints {
        let row = (
            e.verdict.as_str(),
            e.source,
            e.host.as_str(),
            e.address.as_str(),
        );
        let good = ("ok", EndpointSource::Srv, MX_HOST, "127.0.0.1");
        assert_eq!(row, good, "{e:?}");
        let tls = (e.tls_version.as_deref(), e.certificate.as_deref());
        assert_eq!(tls, (Some("TLSv1.3"), Some("valid")), "{e:?}");
        assert!(e.cert_days_left.unwrap() > 365, "{e:?}");
    }
    let imap = endpoint(&report, "imap").session.access();
    let greeting = imap.greeting.as_deref().unwrap_or_default();
    assert!(greeting.starts_with("* OK [CAPABILITY"), "{greeting}");
    let caps = imap.capabilities.as_ref();
    let starttls_first = lists(caps, "STARTTLS") && lists(caps, "LOGINDISABLED");
    assert!(starttls_first, "{caps:?}");
    assert!(imap.starttls.as_ref().unwrap().starts_with("a2 OK"));
    assert!(lists(imap.capabilities_tls.as_ref(), "AUTH=PLAIN"));
    assert!(imap.logout.as_ref().unwrap().starts_with("a4 OK"));
    assert!(imap.ended.is_none() && imap.transcript.is_none());
    let pop3s = endpoint(&report, "pop3s").session.access();
    assert!(pop3s.capabilities.is_none() && pop3s.starttls.is_none());
    assert!(lists(pop3s.capabilities_tls.as_ref(), "USER"));
}

#[test]
fn nothing_but_capabilities_starttls_and_logout_is_sent() {
    let running = clean_domain();
    running.json().0.assert_success();
    let [imaps, imap, pop3s, pop3] = &running.lab.access[..] else {
        panic!("four IMAP/POP3 servers");
    };
    assert_eq!(imap.commands(), IMAP_STARTTLS);
    assert_eq!(imaps.commands(), ["a1 CAPABILITY", "a2 LOGOUT"]);
    assert_eq!(pop3.commands(), ["CAPA", "STLS", "CAPA", "QUIT"]);
    assert_eq!(pop3s.commands(), ["CAPA", "QUIT"]);
    // The SRV target is the name asked for in SNI.
    for server in &running.lab.access {
        assert_eq!(server.server_names(), [Some(MX_HOST.to_string())]);
    }
    let ehlo = format!("EHLO {EHLO}");
    let [submission, submissions] = &running.lab.smtp[..] else {
        panic!("two SMTP servers");
    };
    assert_eq!(submission.commands(), [&*ehlo, "STARTTLS", &*ehlo, "QUIT"]);
    assert_eq!(submissions.commands(), [&*ehlo, "QUIT"]);
}

#[test]
fn the_text_report_has_a_table_row_per_endpoint() {
    let out = clean_domain().command.format("text").run();
    out.assert_success();
    let header = out.stdout.lines().find(|l| l.contains("endpoint"));
    let header = header.unwrap_or_else(|| panic!("no table header\n{out}"));
    let words: Vec<&str> = header
        .split("  ")
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    let columns = ["endpoint", "port", "TLS", "cert days", "verdict"];
    assert_eq!(words, columns, "{out}");
    for service in ["submissions", "submission"].iter().chain(&ACCESS) {
        let implicit = service.ends_with('s');
        let mode = if implicit { "implicit" } else { "STARTTLS" };
        let start = format!("  {service} {MX_HOST} [127.0.0.1] ");
        let row = out.stdout.lines().find(|l| l.starts_with(&start));
        let row = row.unwrap_or_else(|| panic!("no {service} row\n{out}"));
        assert!(row.contains(&format!(" {mode} TLSv1.3 ")), "{row}");
        assert!(row.ends_with(" ok"), "{row}");
    }
    out.assert_stdout_contains("_imaps._tcp       0 1 ");
    out.assert_stdout_contains("No findings.");
}

/// IMAPS with a certificate for both the SRV target's alias and the canonical name.
fn alias_cert(ca: &TestCa) -> AccessPersonality {
    AccessPersonality {
        credentials: Some(cred(&ca.leaf(&["imap.example.com", MX_HOST]))),
        ..imap_implicit("good", ca)
    }
}

#[test]
fn exit_status_follows_fail_on() {
    let running = start(&zone_only(|_, _| {}));
    let (out, report) = running.json();
    out.assert_success();
    assert_eq!(codes(&report.findings), ["client-srv-none"]);
    let out = running.command.clone().args(["--fail-on", "info"]).run();
    out.assert_code(1);
    out.assert_stdout_contains("no endpoint to probe");
    // An alias as the SRV target, with a certificate that names it: a warning and nothing worse.
    let case = Case::from(Server::Made("imaps", alias_cert)).publish(Publish::Zone(|z, port| {
        z.srv("_imaps._tcp.example.com", 0, 1, port, "imap.example.com")
            .cname("imap.example.com", MX_HOST);
    }));
    let running = start(&case);
    let (out, report) = running.json();
    out.assert_success();
    assert_eq!(codes(&report.findings), ["client-srv-cname"], "{out}");
    assert_eq!(endpoint(&report, "imaps").verdict, "ok", "{out}");
    let out = running.with(["--fail-on", "warning"]).command.run();
    out.assert_code(1);
}

#[test]
fn yaml_parses_into_the_mirror_and_the_transcript_goes_into_json() {
    let running = start(&Case::from(("imap", "good")));
    let out = running.command.clone().format("yaml").run();
    out.assert_success();
    let report: ClientsReport = out.yaml_as();
    assert_eq!(endpoint(&report, "imap").verdict, "ok");
    let (out, report) = running.with(["--transcript"]).json();
    let lines = endpoint(&report, "imap")
        .session
        .access()
        .transcript
        .clone();
    let lines = lines.unwrap_or_else(|| panic!("no transcript\n{out}"));
    let sent: Vec<&str> = lines
        .iter()
        .filter(|l| l.direction == TranscriptDirection::Sent)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(sent, IMAP_STARTTLS);
    assert_eq!(lines[0].direction, TranscriptDirection::Received);
    assert!(lines[0].text.starts_with("* OK"), "{:?}", lines[0]);
    let handshake = |l: &TranscriptLine| {
        l.direction == TranscriptDirection::Note && l.text.starts_with("TLS handshake: TLSv1.3")
    };
    assert!(lines.iter().any(handshake), "{out}");
}

/// What each hostile personality is reported as, on a STARTTLS port or an implicit-TLS one.
fn hostile_code(name: &str, implicit: bool) -> &'static str {
    match name {
        "greeting-never" => "client-timeout",
        "endless" | "megabyte-line" | "flood" => "client-response-too-large",
        "garbage-after-starttls" if implicit => "client-implicit-not-tls",
        "garbage-after-starttls" => "client-tls-handshake-failed",
        "drop-mid-dialogue" => "client-connection-dropped",
        "drip" => "client-budget-exceeded",
        other => panic!("no expected code for {other:?}"),
    }
}

#[test]
fn every_hostile_server_ends_within_the_budget_with_its_finding() {
    let mut lab = Lab::new();
    let mut cases = Vec::new();
    for service in ACCESS {
        for &name in HOSTILE {
            let port = lab.access(service, access(service, name, &lab.ca));
            cases.push((service, name, port));
        }
    }
    // The step timeout is half the budget, so greeting-never times out and drip runs out of
    // budget; every session at once.
    let running = lab.start("1", "2").with(["--jobs", "32"]);
    let started = Instant::now();
    let (out, report) = running.json();
    let elapsed = started.elapsed();
    out.assert_code(1);
    assert_eq!(report.endpoints.len(), cases.len(), "{out}");
    for (service, name, port) in cases {
        let e = report.endpoints.iter().find(|e| e.port == port).unwrap();
        let subject = format!("{MX_HOST} [127.0.0.1]:{port}");
        let code = hostile_code(name, service.ends_with('s'));
        let found = named(&report, code).iter().any(|f| f.subject == subject);
        assert!(found, "{service} {name}: no {code}\n{out}");
        assert_eq!(e.verdict, "error", "{service} {name}");
        let s = e.session.access();
        assert!(s.ended.is_some() || s.logout.is_some(), "{service} {name}");
        let (ms, bytes) = (s.elapsed_ms, s.bytes_received);
        assert!(
            ms <= 4000 && bytes <= 64 * 1024,
            "{service} {name}: {ms} ms, {bytes} B"
        );
    }
    // The budget, and time to spare for a busy machine: a hang would take a minute.
    assert!(elapsed < Duration::from_secs(6), "{elapsed:?}\n{out}");
}

/// An IMAP greeting that would recolour a terminal and ring its bell.
fn control_greeting(ca: &TestCa) -> AccessPersonality {
    AccessPersonality {
        greeting: vec![line("* OK \x1b[31mred\x07 ready")],
        ..imap_personality("good", ca)
    }
}

#[test]
fn control_characters_from_the_server_are_escaped() {
    let running = start(&Server::Made("imap", control_greeting).into());
    let out = running.with(["--transcript"]).command.run();
    assert!(!out.stdout.contains(['\x1b', '\x07']), "{out}");
    out.assert_stdout_contains("greeting  * OK \\x1b[31mred\\x07 ready");
    out.assert_stdout_contains("< * OK \\x1b[31mred\\x07 ready");
}

#[test]
fn without_srv_the_hosts_are_probed_and_closed_ports_are_only_noted() {
    let mut lab = Lab::new();
    let imap = lab.serve(imap_personality("good", &lab.ca));
    // Said not to be offered, so not looked for at the host, though something listens.
    let pop3s = lab.serve(pop3_implicit("good", &lab.ca));
    lab.zone.srv("_pop3s._tcp.example.com", 0, 0, 0, ".");
    let (imaps, submissions) = (closed_port(), closed_port());
    let ports = [
        ("imap", imap),
        ("imaps", imaps),
        ("submissions", submissions),
    ];
    let running = lab
        .start("1", "3")
        .with([
            "--host",
            MX_HOST,
            "--service",
            "imap,imaps,submissions,pop3s",
        ])
        .with(ports.map(|(service, port)| format!("--port={service}={port}")))
        .with([format!("--port=pop3s={pop3s}")]);
    let (out, report) = running.json();
    out.assert_success();
    assert_eq!(report.hosts, [MX_HOST]);
    let probed: Vec<(&str, u16, &str)> = report
        .endpoints
        .iter()
        .map(|e| (e.service.as_str(), e.port, e.verdict.as_str()))
        .collect();
    let not_listening = "not-listening";
    let expected = [
        ("submissions", submissions, not_listening),
        ("imaps", imaps, not_listening),
        ("imap", imap, "ok"),
    ];
    assert_eq!(probed, expected, "{out}");
    let guessed = |e: &ClientEndpoint| e.source == EndpointSource::Host;
    assert!(report.endpoints.iter().all(guessed));
    let mut found = codes(&report.findings);
    found.sort_unstable();
    let not_listening = "client-not-listening";
    let expected = [
        "client-implicit-tls-preferred",
        not_listening,
        not_listening,
        "client-srv-not-offered",
    ];
    assert_eq!(found, expected, "{out}");
    let info = report.findings.iter().all(|f| f.severity == Severity::Info);
    assert!(info, "{out}");
    assert_eq!(running.lab.access[0].commands().len(), 4, "{out}");
    assert!(running.lab.access[1].commands().is_empty());
}

#[test]
fn unusable_srv_records_are_each_named_and_skipped() {
    let (out, report) = start(&zone_only(|z, port| {
        z.srv("_imaps._tcp.example.com", 0, 1, 0, MX_HOST)
            .srv("_pop3s._tcp.example.com", 0, 0, 0, ".")
            .srv("_pop3s._tcp.example.com", 1, 0, port, MX_HOST)
            .srv("_imap._tcp.example.com", 0, 1, port, "_x.example.com");
        for weight in 0..40 {
            let name = "_submissions._tcp.example.com";
            z.srv(name, 0, weight, port, "nowhere.example.com");
        }
    }))
    .json();
    let invalid = named(&report, "client-srv-invalid");
    assert_eq!(invalid.len(), 3, "{out}");
    for (service, why) in [
        ("imaps", "port 0 cannot be connected to"),
        (
            "pop3s",
            "says the service is not offered, but other records",
        ),
        ("imap", "_x.example.com.: the target is not a host name"),
    ] {
        let subject = srv_name(service);
        let found = invalid
            .iter()
            .any(|f| f.subject == subject && f.message.contains(why));
        assert!(found, "{why}\n{out}");
    }
    // The usable record of _pop3s._tcp is probed; the others leave their service empty.
    let services: Vec<&str> = report
        .endpoints
        .iter()
        .map(|e| e.service.as_str())
        .collect();
    assert_eq!(services, ["pop3s"], "{out}");
    assert_eq!(endpoint(&report, "pop3s").verdict, "unreachable");
    let f = finding(&report.findings, "client-probe-limit");
    let limit = "has 40 SRV records; the first 32";
    assert!(f.message.contains(limit), "{}", f.message);
    let submissions = &report.services[0];
    assert_eq!(submissions.service, "submissions");
    // 32 records, heaviest first among equal priorities, as clients try them.
    let weights: Vec<u16> = submissions.records.iter().map(|r| r.weight).collect();
    assert_eq!(weights, (8..40).rev().collect::<Vec<u16>>());
    assert_eq!(named(&report, "client-srv-no-address").len(), 1, "{out}");
}

#[test]
fn an_srv_target_unusable_for_sni_is_probed_without_sni() {
    let case = Case::from(("imaps", "good")).publish(Publish::Zone(unusable_target));
    let running = start(&case);
    let (out, report) = running.json();
    let f = finding(&report.findings, "client-sni-unusable");
    assert!(f.message.contains(UNUSABLE_HOST), "{}", f.message);
    let failed = named(&report, "client-tls-handshake-failed");
    assert!(failed.is_empty(), "{out}");
    // The ClientHello went without SNI, and the session went on over TLS.
    let server = &running.lab.access[0];
    assert_eq!(server.server_names(), [None]);
    assert_eq!(server.commands(), ["a1 CAPABILITY", "a2 LOGOUT"]);
    let e = endpoint(&report, "imaps");
    assert_eq!(e.tls_version.as_deref(), Some("TLSv1.3"), "{out}");
    // The certificate is still judged against the SRV target.
    assert_eq!(e.certificate.as_deref(), Some("name-mismatch"), "{out}");
    let f = finding(&report.findings, "client-cert-name-mismatch");
    assert!(f.message.contains(UNUSABLE_HOST), "{}", f.message);
}

#[test]
fn a_plaintext_submissions_port_is_not_tls_as_imaps_is() {
    let mut lab = Lab::new();
    let port = lab.smtp("submissions", "good");
    let (out, report) = lab.start("1", "3").json();
    let f = finding(&report.findings, "client-implicit-not-tls");
    assert_eq!(f.subject, format!("{MX_HOST} [127.0.0.1]:{port}"));
    assert!(
        f.message.contains("220 mail.example.com ESMTP"),
        "{}",
        f.message
    );
    for code in ["smtp-tls-handshake-failed", "smtp-implicit-not-tls"] {
        assert!(named(&report, code).is_empty(), "{code}\n{out}");
    }
    assert_eq!(endpoint(&report, "submissions").verdict, "error");
}

#[test]
fn a_literal_or_an_unsent_tag_is_malformed_at_once() {
    for (server, why) in [
        (
            Server::Made("imap", literal_capability),
            "announces a literal",
        ),
        (Server::Made("imap", unsent_tag), "zz9"),
    ] {
        // Waiting for the literal or for a1 would end in client-timeout after 2 s.
        let case = Case::from(server).limits("2", "5");
        let (out, report) = start(&case).json();
        let f = finding(&report.findings, "client-response-malformed");
        assert!(f.message.contains(why), "{}", f.message);
        assert!(named(&report, "client-timeout").is_empty(), "{out}");
    }
}

#[test]
fn preauth_and_login_before_tls_are_cleartext_logins() {
    let running = start(&Case::from(("imap", "preauth")));
    let (out, report) = running.json();
    out.assert_code(1);
    let f = finding(&report.findings, "client-cleartext-login");
    assert!(f.message.contains("PREAUTH"), "{}", f.message);
    // No STARTTLS in the authenticated state, so none is asked for nor missed.
    assert!(
        named(&report, "client-starttls-missing").is_empty(),
        "{out}"
    );
    let sent = running.lab.access[0].commands();
    assert_eq!(sent, ["a1 CAPABILITY", "a2 LOGOUT"]);

    let (_, report) = start(&Case::from(("imap", "login-before-tls"))).json();
    let f = finding(&report.findings, "client-cleartext-login");
    let offered = "LOGIN (no LOGINDISABLED) and AUTH=PLAIN";
    assert!(f.message.contains(offered), "{}", f.message);
    // The session goes on through STARTTLS all the same.
    assert!(endpoint(&report, "imap").tls_version.is_some());
}

#[test]
fn check_with_clients_includes_the_endpoints_and_a_card_line() {
    let mut lab = Lab::new();
    lab.access("imaps", imap_implicit("good", &lab.ca));
    let pem = lab.ca.pem_file(&lab.dir);
    let running = lab.start("1", "3");
    let command = Mailaudit::new()
        .dns(&running.dns)
        .timeout("1")
        .arg("--ca-file")
        .arg(pem)
        .args(["check", "--clients", "--no-probe", "example.com"]);
    let out = command.clone().format("json").run();
    let report: CheckReport = out.json_as();
    assert!(report.probe.is_none());
    let clients = report
        .clients
        .unwrap_or_else(|| panic!("no clients report\n{out}"));
    assert_eq!(clients.endpoints.len(), 1, "{out}");
    assert_eq!(endpoint(&clients, "imaps").verdict, "ok");
    let out = command.run();
    let card = out
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("Clients"));
    let card = card.unwrap_or_else(|| panic!("no Clients line\n{out}"));
    assert!(card.ends_with("1 endpoint: 1 ok"), "{card}");
}

/// A session that starts late in a `check` gets what is left of the domain's budget, so one
/// server trickling its replies does not cost the Clients area its report.
#[test]
fn in_check_a_slow_session_ends_with_the_domains_budget() {
    let mut lab = Lab::new();
    lab.access("imap", imap_personality("drip", &lab.ca));
    lab.access("imaps", imap_implicit("good", &lab.ca));
    // Discovery takes a while: every answer comes 300 ms late.
    lab.zone.delay(Duration::from_millis(300));
    let pem = lab.ca.pem_file(&lab.dir);
    let running = lab.start("5", "3");
    let started = Instant::now();
    let out = Mailaudit::new()
        .dns(&running.dns)
        .timeout("5")
        .args(["--budget", "3", "--ca-file"])
        .arg(pem)
        .args(["check", "--clients", "--no-probe", "example.com"])
        .format("json")
        .run();
    assert!(started.elapsed() < Duration::from_secs(8), "{out}");
    let report: CheckReport = out.json_as();
    let clients = report
        .clients
        .unwrap_or_else(|| panic!("the Clients area was lost\n{out}"));
    assert_eq!(endpoint(&clients, "imaps").verdict, "ok", "{out}");
    let f = finding(&clients.findings, "client-budget-exceeded");
    assert!(
        f.message.contains("left of the domain's --budget"),
        "{}",
        f.message
    );
}
