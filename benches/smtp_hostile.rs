//! Benchmark of the SMTP probe against every hostile personality of the scripted test server at
//! once (banner never comes, endless continuation lines, a line of megabytes, garbage after
//! STARTTLS, 421 at connect, a drop mid-dialogue, a reply trickled out line by line, a flood of
//! long lines, silence after EHLO): one `mailaudit probe` run with a `--host` for each, timed
//! from start to exit, under three settings of `--timeout` (per step) and `--budget` (per
//! session). Prints the wall time of each run and how each session ended.
//!
//! Then the fan-out (`support/fanout.rs`): a domain with 50 MX hosts of 1,000 addresses each, and
//! one with 1,000 MX hosts at a tarpit, probed and checked: wall time, sessions started, output
//! and peak RSS of each run.
//!
//! `cargo bench --bench smtp_hostile` (`-- --fanout [N...]`: the fan-out alone, or only its cases N...). With `-- --serve NAME [SECS]` it only starts the DNS and
//! SMTP test servers for one personality and prints the command that probes it (for trying the
//! probe by hand, and for the README's example).

#[path = "../tests/support/dns_server.rs"]
mod dns_server;
#[path = "support/fanout.rs"]
mod fanout;
#[path = "../tests/support/https_server.rs"]
mod https_server;
#[path = "support/rss.rs"]
mod rss;
#[path = "../tests/support/smtp_personas.rs"]
mod smtp_personas;
#[path = "../tests/support/smtp_server.rs"]
mod smtp_server;
#[path = "../tests/support/temp.rs"]
mod temp;

use std::process::Command;
use std::time::{Duration, Instant};

use dns_server::{TestDns, Zone};
use https_server::TestCa;
use smtp_personas::{HOSTILE, MX_HOST, personality};
use smtp_server::TestSmtp;

/// (--timeout, --budget) of each run.
const SETTINGS: [(&str, &str); 3] = [("2", "5"), ("5", "20"), ("30", "2")];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--serve") {
        let name = args.get(i + 1).map_or("good", String::as_str);
        let secs = args.get(i + 2).and_then(|s| s.parse().ok()).unwrap_or(600);
        serve(name, secs);
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--fanout-case") {
        fanout::run_case(&args[i + 1..]);
        return;
    }
    // `--fanout [N...]`: the fan-out alone (only cases N...).
    let only: Vec<usize> = if let Some(i) = args.iter().position(|a| a == "--fanout") {
        args[i + 1..]
            .iter()
            .filter_map(|a| a.parse().ok())
            .collect()
    } else {
        hostile();
        Vec::new()
    };
    fanout::run_all(&only);
}

/// Every hostile personality at once, under each of [`SETTINGS`].
fn hostile() {
    let dir = temp::TempDir::new("smtp-bench");
    let ca = TestCa::new("mailaudit test CA");
    let pem = ca.pem_file(&dir);
    let servers: Vec<(&str, TestSmtp)> = HOSTILE
        .iter()
        .map(|name| (*name, TestSmtp::start(personality(name, &ca))))
        .collect();
    let dns = TestDns::start(zone());
    println!(
        "SMTP probe of {} hostile servers at once (one run, --jobs 16), wall time to exit",
        servers.len()
    );
    for (timeout, budget) in SETTINGS {
        let mut command = Command::new(env!("CARGO_BIN_EXE_mailaudit"));
        command
            .args(["--resolver", &dns.resolver_arg(), "--timeout", timeout])
            .args(["--budget", budget, "--format", "json", "--ca-file"])
            .arg(&pem)
            .args(["probe", "--ehlo", "bench.example.net"]);
        for (_, server) in &servers {
            command.args(["--host", &format!("{MX_HOST}:{}", server.port())]);
        }
        let started = Instant::now();
        let out = command.output().expect("run mailaudit");
        let elapsed = started.elapsed();
        println!(
            "\n--timeout {timeout} --budget {budget}: {:.2} s (exit status {})",
            elapsed.as_secs_f64(),
            out.status.code().unwrap_or(-1)
        );
        report(&servers, &out.stdout);
    }
}

/// How each session ended: its time, bytes and finding codes.
fn report(servers: &[(&str, TestSmtp)], stdout: &[u8]) {
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(stdout) else {
        println!("  output is not JSON: {}", String::from_utf8_lossy(stdout));
        return;
    };
    let empty = Vec::new();
    let findings = json["findings"].as_array().unwrap_or(&empty);
    for session in json["sessions"].as_array().unwrap_or(&empty) {
        let port = session["port"].as_u64().unwrap_or(0);
        let name = servers
            .iter()
            .find(|(_, s)| u64::from(s.port()) == port)
            .map_or("?", |(n, _)| *n);
        let subject = format!("{MX_HOST} [127.0.0.1]:{port}");
        let codes: Vec<&str> = findings
            .iter()
            .filter(|f| f["subject"] == subject.as_str())
            .filter_map(|f| f["code"].as_str())
            .collect();
        println!(
            "  {name:<24} {:>6} ms {:>6} bytes  {}",
            session["elapsed_ms"],
            session["bytes_received"],
            codes.join(", ")
        );
    }
}

fn zone() -> Zone {
    let mut z = Zone::new();
    z.mx("example.com", 10, MX_HOST).a(MX_HOST, "127.0.0.1");
    z
}

/// Serves one personality for `secs` seconds.
fn serve(name: &str, secs: u64) {
    let dir = temp::TempDir::new("smtp-serve");
    let ca = TestCa::new("mailaudit test CA");
    let pem = ca.pem_file(&dir);
    let server = TestSmtp::start(personality(name, &ca));
    let dns = TestDns::start(zone());
    println!(
        "mailaudit --resolver {} --ca-file {} probe example.com --port {}",
        dns.resolver_arg(),
        pem.display(),
        server.port()
    );
    std::thread::sleep(Duration::from_secs(secs));
}
