//! Benchmark of the SPF audit against hostile trees served by the in-process test DNS server:
//! wall time and peak memory (RSS) of `mailaudit spf DOMAIN` for
//! - a tree where every level includes the next one twice, at depth 20 and 30 (2^20 and 2^30
//!   paths through 21 and 31 records);
//! - a wildcard-like tree in which every name includes two names below it (endless);
//! - 1,000 includes whose names never answer (--timeout 1 and 5, default --budget 20 s).
//!
//! Each case runs in a child process of this benchmark (started with `--case NAME ADDR`), so the
//! peak RSS it reports is that case's alone. `cargo bench --bench spf_hostile`.

#[path = "../tests/support/dns_server.rs"]
mod dns_server;
#[path = "support/rss.rs"]
mod rss;

use rss::peak_rss_kib;
#[path = "../tests/support/hostile.rs"]
mod hostile;

use std::process::Command;
use std::time::{Duration, Instant};

use dns_server::{TestDns, Zone};
use hostile::{dead_includes, doubling, self_including};
use mailaudit::dns::Dns;
use mailaudit::dns::live::LiveSource;
use mailaudit::spf::audit::audit_domain;

const DOMAIN: &str = "example.com";

const CASES: [&str; 5] = [
    "doubling-20",
    "doubling-30",
    "self-including",
    "1000-dead",
    "1000-dead-t5",
];

fn zone(case: &str) -> Zone {
    match case {
        "doubling-20" => doubling(20),
        "doubling-30" => doubling(30),
        "self-including" => self_including(),
        _ => dead_includes(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--case") {
        run_case(&args[i + 1], &args[i + 2]);
        return;
    }
    println!("SPF audit of hostile trees, each in its own process (wall time, peak RSS)");
    let exe = std::env::current_exe().expect("the benchmark's own path");
    for case in CASES {
        let server = TestDns::start(zone(case));
        let out = Command::new(&exe)
            .args(["--case", case, &server.addr().to_string()])
            .output()
            .expect("run a case");
        print!("{}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            eprintln!("{case} failed: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

/// One case, in this (child) process: audit, then print the figures.
fn run_case(case: &str, server: &str) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let started = Instant::now();
    let report = runtime.block_on(async {
        // Per-query timeout: 1 s, or 5 s (mailaudit's default) for the `-t5` case.
        let timeout = Duration::from_secs(if case.ends_with("-t5") { 5 } else { 1 });
        let source = LiveSource::new(&[server.parse().expect("server address")], timeout)
            .expect("resolver starts");
        audit_domain(&Dns::new(source), DOMAIN, Duration::from_secs(20)).await
    });
    let elapsed = started.elapsed();
    let json = serde_json::to_vec(&report).expect("report serializes");
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    let mut bounds: Vec<&str> = codes
        .iter()
        .copied()
        .filter(|c| c.starts_with("spf-audit"))
        .collect();
    bounds.dedup();
    println!(
        "{case:<15}: {:>8.1} ms, peak RSS {:>6} KiB, report {:>7} bytes, {:>10} lookups counted, {} findings, ended by: {}",
        elapsed.as_secs_f64() * 1000.0,
        peak_rss_kib(),
        json.len(),
        report.lookups,
        codes.len(),
        if bounds.is_empty() {
            "nothing".to_string()
        } else {
            bounds.join(", ")
        }
    );
}
