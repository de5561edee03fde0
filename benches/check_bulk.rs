//! Benchmark of `mailaudit check --no-probe` at scale against the in-process test DNS server,
//! which delays every answer by 20 ms. The generated domains are alike but for DKIM: 30% publish
//! a key under `s1` (so `_domainkey` exists and discovery tries the whole list), 70% publish none
//! (`_domainkey` is NXDOMAIN, so discovery ends after one query, RFC 8020).
//! - one domain with its selector given, and the same domain with discovery (target: within
//!   1.3x of it);
//! - 10,000 and 100,000 domains with discovery at `--jobs 512`: domains per second, DNS queries
//!   per domain (from each result's `queries`), peak RSS (flat memory: the two within 10%);
//! - 10,000 domains of which 5% answer SERVFAIL or never answer: still one line per domain;
//! - 10,000 domains written with `--output`, killed (SIGKILL) part way and run again with
//!   `--resume`: lines in the finished file and duplicates among them;
//! - `--qps`: the rate the DNS server saw, against the cap.
//!
//! Each case runs the real command line in-process (`mailaudit::run`) in a child process of its
//! own, so the peak RSS is the case's alone. `cargo bench --bench check_bulk [-- CASE...]`, where
//! CASE is one of the names below (all by default); `BENCH_DNS_CONCURRENCY` sets the bulk cases'
//! `--dns-concurrency` (default 1024). Each bulk case also prints the CPU time mailaudit and the
//! test DNS server spent, and how many lookups failed (the test server's one socket drops
//! queries when too many come at once; they time out).

// Counts become printed figures; a few lines of output need no bytecount crate.
#![allow(clippy::cast_precision_loss, clippy::naive_bytecount)]

#[path = "../tests/support/dns_server.rs"]
mod dns_server;
#[path = "support/rss.rs"]
mod rss;

use rss::{cpu_seconds, peak_rss_kib};

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;
use dns_server::{TestDns, Zone};

const DELAY: Duration = Duration::from_millis(20);
const SUFFIX: &str = "bench.example";
const JOBS: &str = "512";
/// The cap of the `--qps` case, and how many domains it checks.
const QPS: u32 = 1_000;
const QPS_DOMAINS: usize = 300;

/// Whether generated domain `d{i}` publishes a DKIM key (under `s1`): three in ten do.
fn has_dkim(i: usize) -> bool {
    i % 10 < 3
}

fn number_of(name: &str) -> Option<usize> {
    let label = name.strip_suffix(SUFFIX)?.trim_end_matches('.');
    label.rsplit('.').next()?.strip_prefix('d')?.parse().ok()
}

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
        } else if name.starts_with("s1._domainkey.") && number_of(name).is_some_and(has_dkim) {
            "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=".to_string()
        } else if let Some(domain) = name.strip_prefix("_smtp._tls.") {
            format!("v=TLSRPTv1; rua=mailto:tls@{domain}")
        } else {
            return Vec::new();
        };
        vec![text]
    });
    // `_domainkey` of a domain with a key is an empty non-terminal; of the others, NXDOMAIN.
    z.exists_below(SUFFIX, |name| {
        name.starts_with("_domainkey.") && number_of(name).is_some_and(has_dkim)
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

/// The cases, in the order they run; `killed` and `resumed` are the two halves of `resume`.
const CASES: [&str; 7] = [
    "one",
    "one-discovery",
    "10k",
    "100k",
    "10k-faults",
    "resume",
    "qps",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--case") {
        run_case(
            &args[i + 1],
            &args[i + 2],
            args.get(i + 3).map(PathBuf::from),
        );
        return;
    }
    let wanted: Vec<&String> = args
        .iter()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    println!(
        "mailaudit check --no-probe, {} ms per DNS answer, --jobs {JOBS}, 30% of domains with DKIM",
        DELAY.as_millis()
    );
    for case in CASES
        .iter()
        .filter(|c| wanted.is_empty() || wanted.iter().any(|w| w == *c))
    {
        match *case {
            "resume" => killed_and_resumed(),
            "qps" => qps(),
            _ => {
                let faults = if *case == "10k-faults" { 10_000 } else { 0 };
                let server = TestDns::start(zone(faults));
                let before = cpu_seconds();
                let (out, _) = child(case, &server, None);
                let served = server.query_log().len();
                let server_cpu = cpu_seconds() - before;
                print!("{out}");
                if served > 100 {
                    println!(
                        "{:<14}  the test DNS server: {served} queries, {server_cpu:.1} s of CPU ({:.0} us a query)",
                        "",
                        server_cpu * 1e6 / served as f64
                    );
                }
            }
        }
    }
}

/// Runs `case` in a child process against `server`; its output and whether it succeeded.
fn child(case: &str, server: &TestDns, file: Option<&Path>) -> (String, bool) {
    let exe = std::env::current_exe().expect("the benchmark's own path");
    let mut command = Command::new(exe);
    command.args(["--case", case, &server.addr().to_string()]);
    if let Some(file) = file {
        command.arg(file);
    }
    let out = command.output().expect("run a case");
    if !out.status.success() {
        eprintln!(
            "case {case} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.success(),
    )
}

/// Counts the lines written to it and adds up each result's `queries.sent` and `failed`,
/// keeping nothing.
#[derive(Clone, Default)]
struct Tally {
    lines: Arc<AtomicU64>,
    sent: Arc<AtomicU64>,
    failed: Arc<AtomicU64>,
}

impl Write for Tally {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let newlines = buf.iter().filter(|&&b| b == b'\n').count();
        self.lines.fetch_add(newlines as u64, Ordering::Relaxed);
        self.sent
            .fetch_add(figure_in(buf, b"\"queries\":{\"sent\":"), Ordering::Relaxed);
        self.failed
            .fetch_add(figure_in(buf, b"\"failed\":"), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The numbers after `key` in `buf` (whole JSON Lines records), added up.
fn figure_in(buf: &[u8], key: &[u8]) -> u64 {
    let mut total = 0;
    let mut rest = buf;
    while let Some(at) = rest.windows(key.len()).position(|w| w == key) {
        rest = &rest[at + key.len()..];
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        total += std::str::from_utf8(&rest[..digits])
            .ok()
            .and_then(|d| d.parse::<u64>().ok())
            .unwrap_or(0);
    }
    total
}

/// Median wall time of `argv` over `runs` runs, and the tally of the last run.
fn timed(argv: &[String], runs: usize) -> (Duration, Tally) {
    let mut times = Vec::new();
    let mut tally = Tally::default();
    for _ in 0..runs {
        tally = Tally::default();
        let cli = mailaudit::cli::Cli::parse_from(argv);
        let started = Instant::now();
        let _ = mailaudit::run(cli, tally.clone());
        times.push(started.elapsed());
    }
    times.sort();
    (times[times.len() / 2], tally)
}

/// The command line of a bulk case over the domain list `list`.
fn bulk_argv(server: &str, list: &Path, extra: &[&str]) -> Vec<String> {
    let mut argv: Vec<String> = [
        "mailaudit",
        "--resolver",
        server,
        "--timeout",
        "1",
        // The test server is no root: the figures are of the audit without DNSSEC (see
        // dnssec_cost for what validation adds).
        "--no-dnssec",
        "--dns-concurrency",
        &std::env::var("BENCH_DNS_CONCURRENCY").unwrap_or_else(|_| "1024".into()),
        "--format",
        "jsonl",
        "check",
        "--no-probe",
        "--jobs",
        JOBS,
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    argv.extend(extra.iter().map(|s| (*s).to_string()));
    argv.extend(["--domains-file".into(), list.display().to_string()]);
    argv
}

/// A file of `count` generated domains in a fresh temporary directory.
fn domain_list(count: usize) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("mailaudit-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let list = dir.join("domains.txt");
    let names: Vec<String> = (0..count).map(domain).collect();
    std::fs::write(&list, names.join("\n")).expect("the domain list");
    (dir, list)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn run_case(case: &str, server: &str, file: Option<PathBuf>) {
    match case {
        "one" | "one-discovery" => one_domain(case, server),
        "killed" | "resumed" => {
            let file = file.expect("an output file");
            let (dir, list) = domain_list(10_000);
            let mut extra = vec!["--output", file.to_str().expect("a UTF-8 path")];
            if case == "resumed" {
                extra.push("--resume");
            }
            let _ = timed(&bulk_argv(server, &list, &extra), 1);
            let _ = std::fs::remove_dir_all(dir);
        }
        "qps" => {
            let (dir, list) = domain_list(QPS_DOMAINS);
            let cap = QPS.to_string();
            let mut argv = bulk_argv(server, &list, &[]);
            argv.splice(1..1, ["--qps".to_string(), cap]);
            let (wall, tally) = timed(&argv, 1);
            println!("{}", tally.sent.load(Ordering::Relaxed));
            eprintln!("{:.0} ms", ms(wall));
            let _ = std::fs::remove_dir_all(dir);
        }
        _ => many_domains(case, server),
    }
}

fn one_domain(case: &str, server: &str) {
    let d = domain(0);
    let mut argv: Vec<String> = [
        "mailaudit",
        "--resolver",
        server,
        "--no-dnssec",
        "--format",
        "jsonl",
        "check",
        "--no-probe",
        &d,
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    if case == "one" {
        argv.extend(["--selector".into(), "s1".into()]);
    }
    let (median, tally) = timed(&argv, 15);
    println!(
        "{case:<14}: median of 15 {:.1} ms, {} queries, peak RSS {} KiB",
        ms(median),
        tally.sent.load(Ordering::Relaxed),
        peak_rss_kib()
    );
}

fn many_domains(case: &str, server: &str) {
    let count = if case == "100k" { 100_000 } else { 10_000 };
    let (dir, list) = domain_list(count);
    let before = cpu_seconds();
    let (wall, tally) = timed(&bulk_argv(server, &list, &[]), 1);
    let cpu = cpu_seconds() - before;
    let _ = std::fs::remove_dir_all(&dir);
    let lines = tally.lines.load(Ordering::Relaxed);
    let sent = tally.sent.load(Ordering::Relaxed) as f64;
    println!(
        "{case:<14}: {:.0} ms, {:.0} domains/s, {:.1} queries/domain, peak RSS {} KiB, {lines} result lines for {count} domains",
        ms(wall),
        count as f64 / wall.as_secs_f64(),
        sent / count as f64,
        peak_rss_kib()
    );
    println!(
        "{:<14}  mailaudit: {cpu:.1} s of CPU ({:.0} us a query sent, {:.2} ms a domain), {} lookups failed",
        "",
        cpu * 1e6 / sent.max(1.0),
        cpu * 1e3 / count as f64,
        tally.failed.load(Ordering::Relaxed)
    );
}

/// 10,000 domains to a file, the writer killed once 3,000 lines are in it, then resumed.
fn killed_and_resumed() {
    let server = TestDns::start(zone(0));
    let dir = std::env::temp_dir().join(format!("mailaudit-bench-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let file = dir.join("results.jsonl");
    let partial = dir.join("results.jsonl.partial");
    let exe = std::env::current_exe().expect("the benchmark's own path");
    let mut writer = Command::new(exe)
        .args(["--case", "killed", &server.addr().to_string()])
        .arg(&file)
        .stdout(Stdio::null())
        .spawn()
        .expect("start the run to kill");
    let started = Instant::now();
    let mut at_kill = 0;
    while started.elapsed() < Duration::from_secs(120) {
        at_kill = line_count(&partial);
        if at_kill >= 3_000 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = writer.kill();
    let _ = writer.wait();
    let (_, ok) = child("resumed", &server, Some(&file));
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let domains: HashSet<&str> = lines.iter().filter_map(|l| domain_of(l)).collect();
    println!(
        "killed, resumed: killed at {at_kill} lines, resumed {}: {} lines, {} distinct domains, {} duplicates, .partial left: {}",
        if ok { "ok" } else { "FAILED" },
        lines.len(),
        domains.len(),
        lines.len() - domains.len(),
        partial.exists()
    );
    let _ = std::fs::remove_dir_all(dir);
}

fn line_count(path: &Path) -> usize {
    std::fs::read(path).map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
}

/// The `domain` of one result line.
fn domain_of(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("{\"domain\":\"")?;
    rest.split('"').next()
}

/// `--qps` against what the server saw: queries over the time from the first to the last.
fn qps() {
    let server = TestDns::start(zone(0));
    let (out, _) = child("qps", &server, None);
    let log = server.query_log();
    let span = match (log.first(), log.last()) {
        (Some(first), Some(last)) => last.at.duration_since(first.at),
        _ => Duration::ZERO,
    };
    let rate = log.len() as f64 / span.as_secs_f64().max(f64::EPSILON);
    println!(
        "--qps {QPS:<8}: {QPS_DOMAINS} domains, {} queries counted, {} reached the server in {:.2} s: {rate:.0} per second ({:+.1}% of the cap)",
        out.trim(),
        log.len(),
        span.as_secs_f64(),
        (rate / f64::from(QPS) - 1.0) * 100.0
    );
}
