//! Benchmark of `mailaudit check` (no SMTP probe) against the in-process test DNS server, which
//! delays every answer by 20 ms:
//! - one domain: wall time next to its critical path, the longest chain of queries that depend
//!   on one another. Rather than count it by hand, each area's own command is timed alone (its
//!   time is its chain × 20 ms, plus overhead); the slowest area is the critical path;
//! - 1,000 and 10,000 generated domains at `--jobs 256`: domains per second and peak RSS (flat
//!   memory: the two figures should be close);
//! - 10,000 domains of which 5 % answer SERVFAIL or never answer: the result lines must still
//!   number 10,000.
//!
//! Each case runs the real command line in-process (`mailaudit::run`) in a child process of its
//! own, so the peak RSS is the case's alone. `cargo bench --bench check_bulk`.

#[path = "../tests/support/dns_server.rs"]
mod dns_server;
#[path = "support/rss.rs"]
mod rss;

use rss::peak_rss_kib;

use std::io::Write;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;
use dns_server::{TestDns, Zone};

const DELAY: Duration = Duration::from_millis(20);
const SUFFIX: &str = "bench.example";

/// Every name below `bench.example` answers as its pattern says; nothing else is served.
fn zone(faults: usize) -> Zone {
    let mut z = Zone::new();
    z.txt_below(SUFFIX, |name| {
        let first = name.split('.').next().unwrap_or("");
        let domain = name.split_once('.').map_or("", |(_, rest)| rest);
        let text = if name.split('.').count() == 3 {
            format!("v=spf1 ip4:192.0.2.0/24 include:_spf.{name} -all")
        } else if first == "_spf" {
            format!("v=spf1 a:relay.{domain} -all")
        } else if first == "_dmarc" {
            format!("v=DMARC1; p=reject; rua=mailto:dmarc@{domain}")
        } else if name.starts_with("s1._domainkey.") {
            "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=".to_string()
        } else if let Some(domain) = name.strip_prefix("_smtp._tls.") {
            format!("v=TLSRPTv1; rua=mailto:tls@{domain}")
        } else {
            return Vec::new();
        };
        vec![text]
    });
    // Every 20th domain fails: half of them SERVFAIL, half never answer.
    for i in (0..faults).step_by(20) {
        z.servfail(&domain(i));
        z.silent(&domain(i + 10), None);
    }
    z.delay(DELAY);
    z
}

fn domain(i: usize) -> String {
    format!("d{i}.{SUFFIX}")
}

const CASES: [(&str, usize, bool); 5] = [
    ("one domain", 1, false),
    ("one domain, discovery", 1, false),
    ("1,000 domains", 1_000, false),
    ("10,000 domains", 10_000, false),
    ("10,000, 5% faults", 10_000, true),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--case") {
        run_case(args[i + 1].parse().expect("case number"), &args[i + 2]);
        return;
    }
    println!(
        "mailaudit check, no probe, {} ms per DNS answer, --jobs 256",
        DELAY.as_millis()
    );
    let exe = std::env::current_exe().expect("the benchmark's own path");
    for (number, (_, count, faults)) in CASES.iter().enumerate() {
        let server = TestDns::start(zone(if *faults { *count } else { 0 }));
        let out = Command::new(&exe)
            .args(["--case", &number.to_string(), &server.addr().to_string()])
            .output()
            .expect("run a case");
        print!("{}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            eprintln!(
                "case {number} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

fn bytecount(buf: &[u8]) -> usize {
    buf.split(|&b| b == b'\n').count() - 1
}

/// Counts the lines written to it, keeping none of them.
#[derive(Clone, Default)]
struct LineCount(Arc<AtomicUsize>);

impl Write for LineCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let lines = bytecount(buf);
        self.0.fetch_add(lines, Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Median wall time of `argv` over `runs` runs, and the result lines of the last run.
fn timed(argv: &[String], runs: usize) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut lines = 0;
    for _ in 0..runs {
        let sink = LineCount::default();
        let cli = mailaudit::cli::Cli::parse_from(argv);
        let started = Instant::now();
        let _ = mailaudit::run(cli, sink.clone());
        times.push(started.elapsed());
        lines = sink.0.load(Ordering::Relaxed);
    }
    times.sort();
    (times[times.len() / 2], lines)
}

/// The slowest area of one domain, each area's command run alone: (area, median time).
fn critical_path(server: &str) -> (&'static str, Duration) {
    let d = domain(0);
    let areas: [(&str, Vec<&str>); 6] = [
        ("spf", vec!["spf", &d]),
        ("dmarc", vec!["dmarc", &d]),
        ("dkim", vec!["dkim", &d, "--selector", "s1"]),
        ("mta-sts", vec!["mta-sts", &d]),
        ("tlsrpt", vec!["tlsrpt", &d]),
        ("bimi", vec!["bimi", &d]),
    ];
    areas
        .iter()
        .map(|(area, args)| {
            let mut argv: Vec<String> = ["mailaudit", "--resolver", server, "--format", "jsonl"]
                .iter()
                .map(|s| (*s).to_string())
                .collect();
            argv.extend(args.iter().map(|s| (*s).to_string()));
            (*area, timed(&argv, 5).0)
        })
        .max_by_key(|(_, t)| *t)
        .unwrap_or(("none", Duration::ZERO))
}

fn run_case(number: usize, server: &str) {
    let (label, count, _) = CASES[number];
    let dir = std::env::temp_dir().join(format!("mailaudit-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let list = dir.join("domains.txt");
    let names: Vec<String> = (0..count).map(domain).collect();
    std::fs::write(&list, names.join("\n")).expect("the domain list");
    let mut argv: Vec<String> = [
        "mailaudit",
        "--resolver",
        server,
        "--timeout",
        "1",
        "--dns-concurrency",
        "1024",
        "--format",
        "jsonl",
        "check",
        "--no-probe",
        "--jobs",
        "256",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    if number != 1 {
        argv.extend(["--selector".into(), "s1".into()]);
    }
    argv.extend(["--domains-file".into(), list.display().to_string()]);
    let runs = if count == 1 { 10 } else { 1 };
    let (median, lines) = timed(&argv, runs);
    let _ = std::fs::remove_dir_all(&dir);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    if count == 1 {
        let (area, floor) = critical_path(server);
        println!(
            "{label:<22}: median of {runs} {:.1} ms = {:.2} x the critical path ({area} alone: {:.1} ms, {} dependent queries), peak RSS {} KiB",
            ms(median),
            median.as_secs_f64() / floor.as_secs_f64(),
            ms(floor),
            (floor.as_secs_f64() / DELAY.as_secs_f64()).floor(),
            peak_rss_kib()
        );
    } else {
        println!(
            "{label:<22}: {:.0} ms, {:.0} domains/s, peak RSS {} KiB, {lines} result lines for {count} domains",
            ms(median),
            f64::from(u32::try_from(count).unwrap_or(u32::MAX)) / median.as_secs_f64(),
            peak_rss_kib()
        );
    }
}
