//! Benchmark of `mailaudit clients` against every hostile personality of the scripted IMAP and
//! POP3 test server at once (greeting never comes, endless capability lines, a line of a
//! megabyte, garbage after STARTTLS, a drop mid-reply, a flood, a reply trickled out line by
//! line), all published as SRV records of one domain: one run, timed from start to exit, under
//! three settings of `--timeout` (per step) and `--budget` (per session). Prints the wall time
//! of each run and how each session ended.
//!
//! `cargo bench --bench clients_hostile`. With `-- --serve [SECS]` it only starts a DNS server
//! publishing good submission, IMAP and POP3 servers (STARTTLS and implicit TLS) and prints the
//! command that checks them (for trying `clients` by hand, and for the README's example).

#[path = "../tests/support/access_personas.rs"]
mod access_personas;
#[path = "../tests/support/access_server.rs"]
mod access_server;
#[path = "../tests/support/dns_server.rs"]
mod dns_server;
#[path = "../tests/support/https_server.rs"]
mod https_server;
#[path = "../tests/support/smtp_personas.rs"]
mod smtp_personas;
#[path = "../tests/support/smtp_server.rs"]
mod smtp_server;
#[path = "../tests/support/temp.rs"]
mod temp;

use std::process::Command;
use std::time::{Duration, Instant};

use access_personas::{
    HOSTILE, MX_HOST, imap_implicit, imap_personality, pop3_implicit, pop3_personality,
};
use access_server::TestAccess;
use dns_server::{TestDns, Zone};
use https_server::TestCa;
use smtp_server::TestSmtp;

/// (--timeout, --budget) of each run.
const SETTINGS: [(&str, &str); 3] = [("2", "5"), ("5", "20"), ("30", "2")];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--serve") {
        let secs = args.get(i + 1).and_then(|s| s.parse().ok()).unwrap_or(600);
        serve(secs);
        return;
    }
    let dir = temp::TempDir::new("clients-bench");
    let ca = TestCa::new("mailaudit test CA");
    let pem = ca.pem_file(&dir);
    let mut servers: Vec<(String, TestAccess)> = Vec::new();
    for name in HOSTILE {
        servers.push((
            format!("imap {name}"),
            TestAccess::start(imap_personality(name, &ca)),
        ));
        servers.push((
            format!("pop3 {name}"),
            TestAccess::start(pop3_personality(name, &ca)),
        ));
    }
    let mut zone = base_zone();
    for (label, server) in &servers {
        let service = if label.starts_with("imap") {
            "_imap"
        } else {
            "_pop3"
        };
        zone.srv(
            &format!("{service}._tcp.example.com"),
            0,
            1,
            server.port(),
            MX_HOST,
        );
    }
    let dns = TestDns::start(zone);
    println!(
        "clients check of {} hostile IMAP and POP3 servers at once (one run, --jobs 16), wall \
         time to exit",
        servers.len()
    );
    for (timeout, budget) in SETTINGS {
        let started = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_mailaudit"))
            .args([
                "--resolver",
                &dns.resolver_arg(),
                "--no-dnssec",
                "--timeout",
                timeout,
            ])
            .args(["--budget", budget, "--format", "json", "--ca-file"])
            .arg(&pem)
            .args(["clients", "example.com", "--ehlo", "bench.example.net"])
            .output()
            .expect("run mailaudit");
        println!(
            "\n--timeout {timeout} --budget {budget}: {:.2} s (exit status {})",
            started.elapsed().as_secs_f64(),
            out.status.code().unwrap_or(-1)
        );
        report(&servers, &out.stdout);
    }
}

/// How each session ended: its time, bytes and finding codes.
fn report(servers: &[(String, TestAccess)], stdout: &[u8]) {
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(stdout) else {
        println!("  output is not JSON: {}", String::from_utf8_lossy(stdout));
        return;
    };
    let empty = Vec::new();
    let findings = json["findings"].as_array().unwrap_or(&empty);
    for endpoint in json["endpoints"].as_array().unwrap_or(&empty) {
        let port = endpoint["port"].as_u64().unwrap_or(0);
        let name = servers
            .iter()
            .find(|(_, s)| u64::from(s.port()) == port)
            .map_or("?", |(n, _)| n.as_str());
        let subject = format!("{MX_HOST} [127.0.0.1]:{port}");
        let codes: Vec<&str> = findings
            .iter()
            .filter(|f| f["subject"] == subject.as_str())
            .filter_map(|f| f["code"].as_str())
            .collect();
        let session = &endpoint["session"];
        println!(
            "  {name:<28} {:>6} ms {:>7} bytes  {}",
            session["elapsed_ms"],
            session["bytes_received"],
            codes.join(", ")
        );
    }
}

fn base_zone() -> Zone {
    let mut z = Zone::new();
    z.mx("example.com", 10, MX_HOST).a(MX_HOST, "127.0.0.1");
    z
}

/// Serves a good endpoint of every service for `secs` seconds.
fn serve(secs: u64) {
    let dir = temp::TempDir::new("clients-serve");
    let ca = TestCa::new("mailaudit test CA");
    let pem = ca.pem_file(&dir);
    let submission = TestSmtp::start(smtp_personas::personality("good", &ca));
    let submissions = TestSmtp::start(smtp_personas::personality("implicit-tls", &ca));
    let imap = TestAccess::start(imap_personality("good", &ca));
    let imaps = TestAccess::start(imap_implicit("good", &ca));
    let pop3s = TestAccess::start(pop3_implicit("good", &ca));
    let mut zone = base_zone();
    for (service, port) in [
        ("_submissions", submissions.port()),
        ("_submission", submission.port()),
        ("_imaps", imaps.port()),
        ("_imap", imap.port()),
        ("_pop3s", pop3s.port()),
    ] {
        zone.srv(&format!("{service}._tcp.example.com"), 0, 1, port, MX_HOST);
    }
    zone.srv("_pop3._tcp.example.com", 0, 0, 0, ".");
    let dns = TestDns::start(zone);
    println!(
        "mailaudit --resolver {} --ca-file {} clients example.com --ehlo probe.example.net",
        dns.resolver_arg(),
        pem.display(),
    );
    std::thread::sleep(Duration::from_secs(secs));
}
