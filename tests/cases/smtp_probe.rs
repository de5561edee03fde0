//! `mailaudit probe` against the scripted SMTP server (tests/support/smtp_server.rs) playing
//! good and hostile personalities on 127.0.0.1, found through the test DNS server as
//! mail.example.com, with certificates from a test CA given with `--ca-file`: one test per
//! finding code, what a clean host reports, severities by port role, what is sent, and every
//! hostile case ending within its budget.

use std::time::{Duration, Instant};

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::https_server::TestCa;
use crate::support::model::{
    ProbeReport, Severity, SmtpSession, TlsMode, TranscriptDirection, codes, finding,
};
use crate::support::smtp_personas::{self, MX_HOST, personality, sha1_signed, weak_rsa};
use crate::support::smtp_server::{Personality, TestSmtp};
use crate::support::temp::TempDir;

/// The EHLO name every test gives, so no test depends on the machine's name.
const EHLO: &str = "probe.example.net";

/// What listens where the probe connects.
#[derive(Clone, Copy)]
pub enum Server {
    /// A personality of `smtp_personas` by name.
    Named(&'static str),
    /// Credentials made for one test: a 1024-bit RSA key.
    WeakKey,
    /// A certificate signed with SHA-1.
    Sha1,
    /// Nothing (a closed port).
    Closed,
}

/// How the domain is published.
#[derive(Clone, Copy)]
pub enum Dns {
    /// MX 10 mail.example.com, which is at 127.0.0.1.
    Mx,
    /// A null MX only.
    NullMx,
    /// No MX; example.com itself at 127.0.0.1.
    NoMx,
    /// MX mail.example.com, which has no address.
    NoAddress,
    /// MX mail.example.com at 127.0.0.1, where the server listens, and at 127.0.0.2.
    TwoAddresses,
    /// MX mail.example.com at 127.0.0.1 to 127.0.0.9: one more than the probe takes.
    NineAddresses,
    /// MX [`UNUSABLE_MX`], at 127.0.0.1.
    UnusableName,
}

/// An MX name DNS carries but rustls refuses as a server name: a label ends in '-'.
const UNUSABLE_MX: &str = "mx-.example.com";

/// One probe run: the server, the DNS, extra arguments, and the step timeout and budget.
pub struct Case {
    pub server: Server,
    pub dns: Dns,
    pub args: Vec<&'static str>,
    pub timeout: &'static str,
    pub budget: &'static str,
    /// The run cannot be completed (exit status 2), by design of the case.
    pub incomplete: bool,
}

impl From<&'static str> for Case {
    fn from(name: &'static str) -> Self {
        Case::new(Server::Named(name))
    }
}

impl From<Server> for Case {
    fn from(server: Server) -> Self {
        Case::new(server)
    }
}

impl Case {
    pub fn new(server: Server) -> Self {
        Self {
            server,
            dns: Dns::Mx,
            args: Vec::new(),
            timeout: "2",
            budget: "5",
            incomplete: false,
        }
    }

    fn dns(mut self, dns: Dns) -> Self {
        self.dns = dns;
        self
    }

    fn args(mut self, args: &[&'static str]) -> Self {
        self.args.extend_from_slice(args);
        self
    }

    fn limits(mut self, timeout: &'static str, budget: &'static str) -> Self {
        self.timeout = timeout;
        self.budget = budget;
        self
    }

    fn incomplete(mut self) -> Self {
        self.incomplete = true;
        self
    }
}

fn zone(dns: Dns) -> Zone {
    let mut z = Zone::new();
    match dns {
        Dns::Mx => {
            z.mx("example.com", 10, MX_HOST).a(MX_HOST, "127.0.0.1");
        }
        Dns::NullMx => {
            z.mx("example.com", 0, ".");
        }
        Dns::NoMx => {
            z.a("example.com", "127.0.0.1");
        }
        Dns::NoAddress => {
            z.mx("example.com", 10, MX_HOST)
                .txt(MX_HOST, &["no address here"]);
        }
        Dns::TwoAddresses => {
            z.mx("example.com", 10, MX_HOST)
                .a(MX_HOST, "127.0.0.1")
                .a(MX_HOST, "127.0.0.2");
        }
        Dns::NineAddresses => {
            z.mx("example.com", 10, MX_HOST);
            for i in 1..=9 {
                z.a(MX_HOST, &format!("127.0.0.{i}"));
            }
        }
        Dns::UnusableName => {
            z.mx("example.com", 10, UNUSABLE_MX)
                .a(UNUSABLE_MX, "127.0.0.1");
        }
    }
    z
}

fn server(server: Server, ca: &TestCa) -> Option<TestSmtp> {
    let p = match server {
        Server::Named(name) => personality(name, ca),
        Server::WeakKey => Personality::good(weak_rsa(ca)),
        Server::Sha1 => Personality::good(sha1_signed(&TestCa::rsa("mailaudit test RSA CA"))),
        Server::Closed => return None,
    };
    Some(TestSmtp::start(p))
}

/// A port on 127.0.0.1 where nothing listens (bound, then closed).
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// The running servers of a case and the command that probes them.
pub struct Running {
    pub smtp: Option<TestSmtp>,
    _dns: TestDns,
    _dir: TempDir,
    pub command: Mailaudit,
}

pub fn start(case: &Case) -> Running {
    let dir = TempDir::new("probe");
    let ca = TestCa::new("mailaudit test CA");
    let pem = ca.pem_file(&dir);
    let smtp = server(case.server, &ca);
    let port = smtp.as_ref().map_or_else(closed_port, TestSmtp::port);
    let implicit = matches!(
        case.server,
        Server::Named("implicit-tls" | "plaintext-on-implicit")
    );
    let dns = TestDns::start(zone(case.dns));
    let mut command = Mailaudit::new()
        .dns(&dns)
        .timeout(case.timeout)
        .args(["--budget", case.budget, "--ca-file"])
        .arg(&pem)
        .args([
            "probe",
            "example.com",
            "--ehlo",
            EHLO,
            "--port",
            &port.to_string(),
        ]);
    if implicit {
        command = command.args(["--implicit-tls-port", &port.to_string()]);
    }
    Running {
        smtp,
        _dns: dns,
        _dir: dir,
        command: command.args(case.args.iter()),
    }
}

/// Probes as JSON.
pub fn probe(case: &Case) -> (Output, ProbeReport) {
    let running = start(case);
    let out = running.command.format("json").run();
    let expected: &[i32] = if case.incomplete { &[2] } else { &[0, 1] };
    assert!(expected.contains(&out.code), "{out}");
    let report = out.json_as();
    (out, report)
}

fn assert_raised(code: &str, case: Case) {
    let (out, report) = probe(&case);
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
        smtp_null_mx => Case::from("good").dns(Dns::NullMx);
        smtp_implicit_mx => Case::from("good").dns(Dns::NoMx);
        smtp_no_address => Case::from("good").dns(Dns::NoAddress);
        smtp_connect_failed => Server::Closed;
        smtp_timeout => Case::from("banner-never").limits("0.5", "5");
        smtp_budget_exceeded => Case::from("drip").limits("10", "1.5");
        smtp_connection_dropped => "drop-mid-dialogue";
        smtp_service_not_available => "421-at-connect";
        smtp_banner_unexpected => "banner-554";
        smtp_reply_malformed => "garbage-banner";
        smtp_reply_line_too_long => "megabyte-line";
        smtp_reply_too_many_lines => "endless-continuation";
        smtp_session_too_large => "flood";
        smtp_ehlo_rejected => "ehlo-rejected";
        smtp_starttls_missing => "no-starttls";
        smtp_starttls_rejected => "starttls-rejected";
        smtp_starttls_plaintext_after_reply => "garbage-after-starttls";
        smtp_tls_handshake_failed => "version-alert";
        smtp_tls_legacy_only => "tls10-only";
        smtp_implicit_not_tls => "plaintext-on-implicit";
        smtp_sni_unusable => Case::from("good").dns(Dns::UnusableName);
        smtp_cert_expired => "expired";
        smtp_cert_not_yet_valid => "not-yet-valid";
        smtp_cert_expiring_soon => "expiring-soon";
        smtp_cert_untrusted => "self-signed";
        smtp_cert_name_mismatch => "wrong-name";
        smtp_cert_weak_key => Server::WeakKey;
        smtp_cert_weak_signature => Server::Sha1;
        smtp_auth_before_tls => "auth-before-tls";
        smtp_unexpected_reply => "ehlo-tls-rejected";
        smtp_null_sender_rejected => Case::from("null-sender-rejected").args(&["--rcpt-test"]);
        smtp_postmaster_rejected => Case::from("postmaster-rejected").args(&["--rcpt-test"]);
        smtp_probe_limit => Case::from("good").dns(Dns::NineAddresses);
        // One session at a time: the first waits for a banner until the deadline, the second
        // (127.0.0.2) is never started.
        smtp_probe_deadline => Case::from("banner-never")
            .dns(Dns::TwoAddresses)
            .limits("10", "5")
            .args(&["--jobs", "1", "--deadline", "1"])
            .incomplete();
    }
}

#[test]
fn every_smtp_code_has_a_case() {
    crate::support::codes::assert_table_covers(code::TABLE, &["smtp-"]);
}

fn only_session(report: &ProbeReport) -> &SmtpSession {
    assert_eq!(report.sessions.len(), 1, "{report:?}");
    &report.sessions[0]
}

#[test]
fn at_a_later_date_the_certificate_is_judged_then() {
    // The test certificates are valid until 2099-01-01.
    let (out, report) = probe(&Case::from("good").args(&["--at", "2098-12-20"]));
    let found = codes(&report.findings);
    assert!(found.contains(&"smtp-cert-expiring-soon"), "{out}");
    let leaf = &only_session(&report).tls.as_ref().unwrap().chain[0];
    assert_eq!(leaf.days_left, Some(12), "{out}");
    let (out, report) = probe(&Case::from("good").args(&["--at", "2099-02-01"]));
    assert!(
        codes(&report.findings).contains(&"smtp-cert-expired"),
        "{out}"
    );
    let running = start(&Case::from("good"));
    running
        .command
        .args(["--at", "2099-13-01"])
        .run()
        .assert_code(2);
}

#[test]
fn a_good_host_raises_nothing_and_reports_every_fact() {
    let case = Case::from("good");
    let running = start(&case);
    let out = running.command.clone().format("json").run();
    out.assert_success();
    let report: ProbeReport = out.json_as();
    assert!(report.findings.is_empty(), "{out}");
    assert_eq!(report.hosts[0].name, MX_HOST);
    assert_eq!(report.hosts[0].preference, Some(10));
    let s = only_session(&report);
    assert_eq!(s.banner.as_ref().unwrap().code, 220);
    let ext = &s.ehlo.as_ref().unwrap().extensions;
    assert!(ext.starttls && ext.pipelining && ext.eight_bit_mime && ext.smtputf8);
    assert_eq!(ext.size_limit, Some(35_882_577));
    assert_eq!(ext.auth, None);
    let tls = s.tls.as_ref().unwrap();
    assert!(tls.established);
    assert_eq!(tls.version, "TLSv1.3");
    assert!(
        tls.cipher_suite.starts_with("TLS13_"),
        "{}",
        tls.cipher_suite
    );
    assert!(tls.key_exchange_group.is_some());
    let cert = tls.certificate.as_ref().unwrap();
    assert_eq!(cert.verdict, crate::support::model::CertVerdict::Valid);
    assert_eq!(tls.chain.len(), 2);
    let leaf = &tls.chain[0];
    assert_eq!(leaf.names, [MX_HOST]);
    assert_eq!(leaf.key_type, "ECDSA P-256");
    assert_eq!(leaf.key_bits, Some(256));
    assert_eq!(leaf.signature_algorithm, "ecdsa-with-SHA256");
    assert!(leaf.days_left.unwrap() > 365);
    let after = &s.ehlo_tls.as_ref().unwrap().extensions;
    assert!(after.requiretls && after.dsn && !after.starttls);
    assert_eq!(s.quit.as_ref().unwrap().code, 221);
    assert_eq!(s.ended, None);
    assert!(s.transcript.is_none());
    // Nothing but EHLO, STARTTLS, EHLO and QUIT is sent.
    let ehlo = format!("EHLO {EHLO}");
    assert_eq!(
        running.smtp.as_ref().unwrap().commands(),
        [ehlo.as_str(), "STARTTLS", ehlo.as_str(), "QUIT"]
    );
}

#[test]
fn the_text_report_reads_like_a_swaks_and_testssl_summary() {
    let running = start(&Case::from("good"));
    let out = running.command.clone().format("text").run();
    out.assert_success();
    for needle in [
        "SMTP probe example.com",
        "MX        10 mail.example.com  127.0.0.1",
        "banner    220 mail.example.com ESMTP test server",
        "EHLO      STARTTLS, PIPELINING, 8BITMIME, SMTPUTF8, CHUNKING, ENHANCEDSTATUSCODES, SIZE 35882577",
        "STARTTLS  220 2.0.0 Ready to start TLS",
        "TLS       TLSv1.3  TLS13_",
        "cert      valid for mail.example.com until 2099-01-01 00:00:00 UTC",
        "1 mail.example.com  ECDSA P-256  ecdsa-with-SHA256",
        "issued by mailaudit test CA",
        "QUIT      221 2.0.0 Bye",
        "No findings.",
    ] {
        out.assert_stdout_contains(needle);
    }
    // No progress bar when stderr is not a terminal.
    assert_eq!(out.stderr, "", "{out}");
}

#[test]
fn a_tls12_only_host_reports_its_version_and_nothing_else() {
    let (out, report) = probe(&Case::from("tls12-only"));
    assert!(report.findings.is_empty(), "{out}");
    let tls = only_session(&report).tls.as_ref().unwrap();
    assert_eq!(tls.version, "TLSv1.2");
    assert!(
        tls.cipher_suite.starts_with("TLS_ECDHE_"),
        "{}",
        tls.cipher_suite
    );
}

#[test]
fn implicit_tls_speaks_tls_first_and_holds_certificates_to_a_clients_standard() {
    let (out, report) = probe(&Case::from("implicit-tls"));
    assert!(report.findings.is_empty(), "{out}");
    let s = only_session(&report);
    assert_eq!(s.tls_mode, TlsMode::Implicit);
    assert!(s.tls.as_ref().unwrap().established);
    assert_eq!(s.banner.as_ref().unwrap().code, 220);
    assert!(s.starttls.is_none() && s.ehlo_tls.is_none());
    let auth = s.ehlo.as_ref().unwrap().extensions.auth.clone().unwrap();
    assert_eq!(auth, ["PLAIN", "LOGIN"]);
}

#[test]
fn certificate_problems_are_warnings_on_relay_ports_and_errors_on_submission_ports() {
    let (_, relay) = probe(&Case::from("wrong-name"));
    assert_eq!(
        finding(&relay.findings, "smtp-cert-name-mismatch").severity,
        Severity::Warning
    );
    // The same certificate where users' clients connect: port 587 is submission whatever
    // listens, so the test server is named by its port through --implicit-tls-port.
    let ca = TestCa::new("mailaudit test CA");
    let dir = TempDir::new("probe");
    let pem = ca.pem_file(&dir);
    let mut p = personality("wrong-name", &ca);
    p.implicit_tls = true;
    let smtp = TestSmtp::start(p);
    let dns = TestDns::start(zone(Dns::Mx));
    let port = smtp.port().to_string();
    let out = Mailaudit::new()
        .dns(&dns)
        .format("json")
        .arg("--ca-file")
        .arg(&pem)
        .args(["probe", "example.com", "--ehlo", EHLO, "--port", &port])
        .args(["--implicit-tls-port", &port])
        .run();
    out.assert_code(1);
    let report: ProbeReport = out.json_as();
    assert_eq!(
        finding(&report.findings, "smtp-cert-name-mismatch").severity,
        Severity::Error
    );
}

#[test]
fn the_certificate_verdict_names_each_problem() {
    let (_, report) = probe(&Case::from("expired"));
    let f = finding(&report.findings, "smtp-cert-expired");
    assert!(f.message.contains("2021-01-01"), "{}", f.message);
    assert_eq!(
        f.subject,
        format!("{MX_HOST} [127.0.0.1]:{}", only_session(&report).port)
    );
    // The handshake completed all the same, and EHLO went on over TLS.
    let s = only_session(&report);
    assert!(s.tls.as_ref().unwrap().established && s.ehlo_tls.is_some());

    let (_, report) = probe(&Case::from("self-signed"));
    let f = finding(&report.findings, "smtp-cert-untrusted");
    assert!(f.message.contains("self-signed"), "{}", f.message);

    let (_, report) = probe(&Server::WeakKey.into());
    let f = finding(&report.findings, "smtp-cert-weak-key");
    assert!(f.message.contains("1024 bits"), "{}", f.message);
    let leaf = &only_session(&report).tls.as_ref().unwrap().chain[0];
    assert_eq!((leaf.key_type.as_str(), leaf.key_bits), ("RSA", Some(1024)));

    let (_, report) = probe(&Server::Sha1.into());
    let f = finding(&report.findings, "smtp-cert-weak-signature");
    assert!(f.message.contains("sha1WithRSAEncryption"), "{}", f.message);
}

#[test]
fn tls_below_1_2_is_told_apart_from_a_refusal() {
    let (_, report) = probe(&Case::from("tls10-only"));
    let f = finding(&report.findings, "smtp-tls-legacy-only");
    assert!(f.message.contains("TLS 1.0"), "{}", f.message);
    let tls = only_session(&report).tls.as_ref().unwrap();
    assert_eq!(tls.server_version.as_deref(), Some("TLS 1.0"));

    let (_, report) = probe(&Case::from("version-alert"));
    assert!(!codes(&report.findings).contains(&"smtp-tls-legacy-only"));
    let f = finding(&report.findings, "smtp-tls-handshake-failed");
    assert!(
        f.message.contains("may support only TLS below 1.2"),
        "{}",
        f.message
    );

    let (_, report) = probe(&Case::from("garbage-after-starttls"));
    let f = finding(&report.findings, "smtp-tls-handshake-failed");
    assert!(f.message.contains("did not answer in TLS"), "{}", f.message);
}

#[test]
fn an_mx_name_unusable_for_sni_is_probed_without_sni() {
    let (out, report) = probe(&Case::from("good").dns(Dns::UnusableName));
    let f = finding(&report.findings, "smtp-sni-unusable");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains(UNUSABLE_MX), "{}", f.message);
    // No ClientHello was refused: the handshake went on without SNI, as a sender's does.
    let found = codes(&report.findings);
    assert!(!found.contains(&"smtp-tls-handshake-failed"), "{out}");
    let s = only_session(&report);
    assert!(s.tls.as_ref().unwrap().established, "{out}");
    assert!(s.ehlo_tls.is_some(), "{out}");
    // The certificate is still judged against the MX name, not the address.
    let f = finding(&report.findings, "smtp-cert-name-mismatch");
    assert!(f.message.contains(UNUSABLE_MX), "{}", f.message);
    assert!(!f.message.contains("127.0.0.1"), "{}", f.message);
}

#[test]
fn a_plaintext_answer_on_an_implicit_tls_port_is_not_tls() {
    let (out, report) = probe(&Case::from("plaintext-on-implicit"));
    let f = finding(&report.findings, "smtp-implicit-not-tls");
    assert_eq!(f.severity, Severity::Error);
    let banner = "\"220 mail.example.com ESMTP test server\\r\\n\"";
    assert!(f.message.contains(banner), "{}", f.message);
    let found = codes(&report.findings);
    assert!(!found.contains(&"smtp-tls-handshake-failed"), "{out}");
}

#[test]
fn an_unusable_ca_file_certificate_is_named_in_words() {
    let dir = TempDir::new("probe");
    // DER, but a SEQUENCE holding one INTEGER rather than a certificate.
    let pem = dir.write(
        "bad.pem",
        "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n",
    );
    let out = Mailaudit::new()
        .arg("--ca-file")
        .arg(&pem)
        .args(["probe", "--ehlo", EHLO, "--host", "127.0.0.1:1"])
        .run();
    out.assert_code(2);
    out.assert_stderr_contains("certificate 1 is not usable as a trust anchor");
    out.assert_stderr_contains("cannot be decoded");
    assert!(!out.stderr.contains("BadEncoding"), "{out}");
}

#[test]
fn ehlo_refused_falls_back_to_helo() {
    let (_, report) = probe(&Case::from("ehlo-rejected"));
    let s = only_session(&report);
    assert_eq!(s.helo.as_ref().unwrap().code, 250);
    assert!(
        finding(&report.findings, "smtp-ehlo-rejected")
            .message
            .contains("HELO was accepted")
    );
    assert!(codes(&report.findings).contains(&"smtp-starttls-missing"));
    assert_eq!(s.quit.as_ref().unwrap().code, 221);
}

#[test]
fn the_recipient_test_asks_for_postmaster_and_resets() {
    let running = start(&Case::from("good").args(&["--rcpt-test"]));
    let out = running.command.clone().format("json").run();
    out.assert_success();
    let report: ProbeReport = out.json_as();
    let test = only_session(&report).rcpt_test.clone().unwrap();
    assert_eq!(test.recipient, "postmaster@example.com");
    assert_eq!(test.accepted, Some(true));
    let commands = running.smtp.as_ref().unwrap().commands();
    assert_eq!(
        commands[3..],
        [
            "MAIL FROM:<>",
            "RCPT TO:<postmaster@example.com>",
            "RSET",
            "QUIT"
        ]
    );
}

#[test]
fn the_transcript_shows_the_dialogue_in_text_and_json() {
    let running = start(&Case::from("good").args(&["--transcript"]));
    let out = running.command.clone().format("text").run();
    out.assert_success();
    for needle in [
        "  dialogue",
        "    < 220 mail.example.com ESMTP test server",
        "    > EHLO probe.example.net",
        "    < 250-PIPELINING",
        "    > STARTTLS",
        "    * TLS handshake: TLSv1.3, TLS13_",
        "    > QUIT",
        "    < 221 2.0.0 Bye",
    ] {
        out.assert_stdout_contains(needle);
    }
    let out = running.command.clone().format("json").run();
    let report: ProbeReport = out.json_as();
    let lines = only_session(&report).transcript.clone().unwrap();
    assert_eq!(lines[0].direction, TranscriptDirection::Received);
    assert!(
        lines
            .iter()
            .any(|l| l.direction == TranscriptDirection::Note
                && l.text.starts_with("TLS handshake: TLSv1.3"))
    );
}

#[test]
fn hostile_servers_end_within_their_budget_with_the_right_finding() {
    let budget_ms = 2000;
    for (name, code) in [
        ("banner-never", "smtp-budget-exceeded"),
        ("endless-continuation", "smtp-reply-too-many-lines"),
        ("megabyte-line", "smtp-reply-line-too-long"),
        ("garbage-after-starttls", "smtp-tls-handshake-failed"),
        ("421-at-connect", "smtp-service-not-available"),
        ("drop-mid-dialogue", "smtp-connection-dropped"),
        ("drip", "smtp-budget-exceeded"),
        ("flood", "smtp-session-too-large"),
        ("silent-after-ehlo", "smtp-budget-exceeded"),
    ] {
        // The step timeout is longer than the budget, so only the budget can end the silent
        // cases.
        let (out, report) = probe(&Case::from(name).limits("10", "2"));
        let s = only_session(&report);
        assert!(
            codes(&report.findings).contains(&code),
            "{name}: {code} not raised\n{out}"
        );
        // A generous upper bound: the budget, and a second for the rest.
        assert!(
            s.elapsed_ms <= budget_ms + 1000,
            "{name}: {} ms\n{out}",
            s.elapsed_ms
        );
        assert!(
            s.bytes_received <= 64 * 1024,
            "{name}: {} bytes",
            s.bytes_received
        );
        assert!(s.ended.is_some() || s.quit.is_some(), "{name}");
    }
}

#[test]
fn a_run_against_hosts_that_never_answer_ends_within_its_budget() {
    let ca = TestCa::new("mailaudit test CA");
    let servers: Vec<TestSmtp> = (0..6)
        .map(|_| TestSmtp::start(personality("banner-never", &ca)))
        .collect();
    let dns = TestDns::start(zone(Dns::Mx));
    let mut command = Mailaudit::new()
        .dns(&dns)
        .timeout("30")
        .format("json")
        .args(["--budget", "2", "probe", "--ehlo", EHLO]);
    for s in &servers {
        command = command.args(["--host", &format!("{MX_HOST}:{}", s.port())]);
    }
    let started = Instant::now();
    let out = command.run();
    let elapsed = started.elapsed();
    out.assert_code(1);
    let report: ProbeReport = out.json_as();
    assert_eq!(report.sessions.len(), 6);
    assert_eq!(
        codes(&report.findings),
        ["smtp-budget-exceeded"; 6],
        "{out}"
    );
    // The budget plus a second, and a second more for starting the process on a busy machine.
    assert!(elapsed < Duration::from_secs(4), "{elapsed:?}\n{out}");
}

#[test]
fn connection_failures_on_port_25_say_where_the_probe_runs() {
    let dns = TestDns::start(zone(Dns::Mx));
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("1")
        .format("json")
        .args(["probe", "--ehlo", EHLO, "--host", "127.0.0.1:25"])
        .run();
    let report: ProbeReport = out.json_as();
    let f = finding(&report.findings, "smtp-connect-failed");
    assert!(
        f.message.contains("outbound port 25 is blocked"),
        "{}",
        f.message
    );
}

#[test]
fn several_ports_are_probed_for_every_address() {
    let ca = TestCa::new("mailaudit test CA");
    let a = TestSmtp::start(personality("good", &ca));
    let b = TestSmtp::start(personality("no-starttls", &ca));
    let dir = TempDir::new("probe");
    let pem = ca.pem_file(&dir);
    let dns = TestDns::start(zone(Dns::Mx));
    let ports = format!("{},{}", a.port(), b.port());
    let out = Mailaudit::new()
        .dns(&dns)
        .format("json")
        .arg("--ca-file")
        .arg(&pem)
        .args(["probe", "example.com", "--ehlo", EHLO, "--ports", &ports])
        .run();
    let report: ProbeReport = out.json_as();
    let ports: Vec<u16> = report.sessions.iter().map(|s| s.port).collect();
    assert_eq!(ports, [a.port(), b.port()]);
    assert_eq!(codes(&report.findings), ["smtp-starttls-missing"], "{out}");
}

#[test]
fn control_characters_from_the_server_are_escaped() {
    let ca = TestCa::new("mailaudit test CA");
    let mut p = personality("good", &ca);
    p.banner = crate::support::smtp_server::Act::Send(
        b"220 evil\x1b[2J\x1b]0;pwned\x07 ESMTP\r\n".to_vec(),
    );
    let smtp = TestSmtp::start(p);
    let dns = TestDns::start(zone(Dns::Mx));
    let out = Mailaudit::new()
        .dns(&dns)
        .args(["probe", "--ehlo", EHLO, "--transcript"])
        .args(["--host", &format!("{MX_HOST}:{}", smtp.port())])
        .run();
    assert!(!out.stdout.contains('\x1b'), "{out}");
    out.assert_stdout_contains("220 evil\\x1b[2J\\x1b]0;pwned\\x07 ESMTP");
}

#[test]
fn an_invalid_ehlo_name_is_a_usage_error() {
    let out = Mailaudit::new()
        .args(["probe", "example.com", "--ehlo", "bad name"])
        .run();
    out.assert_code(2);
    out.assert_stderr_contains("--ehlo");
}

#[test]
fn every_named_personality_exists() {
    let ca = TestCa::new("mailaudit test CA");
    for name in smtp_personas::ALL.iter().chain(smtp_personas::HOSTILE) {
        let _ = personality(name, &ca);
    }
}

/// A domain whose MX data names more hosts and addresses than any sender tries is probed within
/// the MX audit's bounds — 16 hosts by preference, 8 addresses per host and family — and the
/// findings say what was left out.
#[test]
fn the_probe_takes_no_more_hosts_and_addresses_than_the_mx_audit() {
    let mut z = Zone::new();
    for h in 0..20u16 {
        let name = format!("mx{h:02}.example.com");
        z.mx("example.com", 10 + h, &name);
        for i in 1..=12 {
            z.a(&name, &format!("127.3.{h}.{i}"));
        }
    }
    let dns = TestDns::start(z);
    let port = closed_port().to_string();
    let out = Mailaudit::new()
        .dns(&dns)
        .format("json")
        .args(["probe", "example.com", "--ehlo", EHLO, "--port", &port])
        .run();
    let report: ProbeReport = out.json_as();
    assert_eq!(report.hosts.len(), 16, "{out}");
    assert_eq!(report.hosts[15].name, "mx15.example.com");
    assert!(report.hosts.iter().all(|h| h.addresses.len() == 8), "{out}");
    assert_eq!(report.sessions.len(), 16 * 8);
    let limits: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.code == "smtp-probe-limit")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(limits.len(), 1 + 16, "{limits:?}");
    assert!(limits[0].contains("20 MX hosts"), "{}", limits[0]);
    assert!(limits[1].contains("12 A records"), "{}", limits[1]);
}

/// `--deadline` bounds the whole run: a session that starts late gets what is left, and the
/// endpoints whose turn comes after it are not started but counted, the run incomplete.
#[test]
fn the_probe_ends_at_its_deadline_and_counts_what_it_did_not_probe() {
    let ca = TestCa::new("mailaudit test CA");
    let servers: Vec<TestSmtp> = (0..4)
        .map(|_| TestSmtp::start(personality("banner-never", &ca)))
        .collect();
    let dns = TestDns::start(zone(Dns::Mx));
    let mut command = Mailaudit::new()
        .dns(&dns)
        .timeout("10")
        .format("json")
        .args(["--budget", "5", "probe", "--ehlo", EHLO])
        .args(["--jobs", "1", "--deadline", "1"]);
    for s in &servers {
        command = command.args(["--host", &format!("{MX_HOST}:{}", s.port())]);
    }
    let out = command.run();
    out.assert_code(2);
    let report: ProbeReport = out.json_as();
    assert_eq!(report.sessions.len(), 1, "{out}");
    assert_eq!(
        codes(&report.findings),
        ["smtp-budget-exceeded", "smtp-probe-deadline"],
        "{out}"
    );
    let ended = report.sessions[0].ended.as_deref().unwrap_or("");
    assert!(ended.contains("left of the probe's --deadline"), "{ended}");
    let f = finding(&report.findings, "smtp-probe-deadline");
    assert!(f.message.starts_with("3 of 4 endpoints"), "{}", f.message);
}
