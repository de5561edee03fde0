//! The fan-out part of the SMTP benchmark: a domain whose MX data names far more hosts and
//! addresses than any sender tries (50 MX hosts with 1,000 addresses each, all in 127.0.0.0/8
//! where nothing listens; or 1,000 MX hosts at one tarpit that accepts and never speaks),
//! served by the in-process test DNS server. Each case runs the real command line in-process
//! (`mailaudit::run`) in a child process of its own, so the peak RSS is the case's alone; the
//! output is counted as it is written, never kept.

use std::io::Write;
use std::net::TcpListener;
use std::process::Command;
use std::time::Instant;

use clap::Parser;

use super::dns_server::{TestDns, Zone};
use super::rss::peak_rss_kib;

/// MX hosts and addresses of each host in the wide case.
const HOSTS: usize = 50;
const ADDRESSES: usize = 1_000;
/// MX hosts, one address each, in the tarpit case.
const TARPIT_HOSTS: usize = 1_000;

/// (label, zone, command after the global options). `PORT` is replaced by the probed port.
const CASES: [(&str, &str, &[&str]); 6] = [
    (
        "probe, 50 MX x 1,000 addresses, nothing listening, defaults",
        "wide",
        &[
            "probe",
            "example.com",
            "--ehlo",
            "bench.example.net",
            "--port",
            "PORT",
        ],
    ),
    (
        "check, 50 MX x 1,000 addresses, nothing listening, defaults",
        "wide",
        &[
            "check",
            "example.com",
            "--selector",
            "s1",
            "--probe-port",
            "PORT",
        ],
    ),
    (
        "check, 50 MX x 1,000 addresses, nothing listening, --budget 3",
        "wide",
        &[
            "--budget",
            "3",
            "check",
            "example.com",
            "--selector",
            "s1",
            "--probe-port",
            "PORT",
        ],
    ),
    (
        "probe, 1,000 MX at a tarpit, --budget 2",
        "tarpit",
        &[
            "--budget",
            "2",
            "probe",
            "example.com",
            "--ehlo",
            "bench.example.net",
            "--port",
            "PORT",
        ],
    ),
    (
        "probe, 1,000 MX at a tarpit, --budget 4 --jobs 4 --deadline 6",
        "tarpit",
        &[
            "--budget",
            "4",
            "probe",
            "example.com",
            "--ehlo",
            "bench.example.net",
            "--port",
            "PORT",
            "--jobs",
            "4",
            "--deadline",
            "6",
        ],
    ),
    (
        "check, 1,000 MX at a tarpit, --budget 2",
        "tarpit",
        &[
            "--budget",
            "2",
            "check",
            "example.com",
            "--selector",
            "s1",
            "--probe-port",
            "PORT",
        ],
    ),
];

/// Runs the cases numbered in `only` (every case when it is empty), each in a child process,
/// and prints their figures.
pub fn run_all(only: &[usize]) {
    let exe = std::env::current_exe().expect("the benchmark's own path");
    println!("\nSMTP probe fan-out (wall time, sessions started, output, peak RSS of the run)");
    let tarpit = Tarpit::start();
    let closed = closed_port();
    for (number, (label, zone, _)) in CASES.iter().enumerate() {
        if !only.is_empty() && !only.contains(&number) {
            continue;
        }
        let (dns, port) = match *zone {
            "wide" => (TestDns::start(wide_zone()), closed),
            _ => (TestDns::start(tarpit_zone()), tarpit.port),
        };
        let started = Instant::now();
        let out = Command::new(&exe)
            .args(["--fanout-case", &number.to_string(), &dns.resolver_arg()])
            .arg(port.to_string())
            .output()
            .expect("run a case");
        print!("{label}:\n  {}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            eprintln!("  case failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        println!(
            "  (child process: {:.2} s)",
            started.elapsed().as_secs_f64()
        );
    }
}

/// Runs one case in this process: `--fanout-case N RESOLVER PORT`.
pub fn run_case(args: &[String]) {
    let number: usize = args[0].parse().expect("case number");
    let (_, _, command) = CASES[number];
    let mut argv: Vec<String> = ["mailaudit", "--resolver", &args[1], "--format", "jsonl"]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
    argv.extend(command.iter().map(|a| {
        if *a == "PORT" {
            args[2].clone()
        } else {
            (*a).to_string()
        }
    }));
    let cli = mailaudit::cli::Cli::parse_from(&argv);
    let mut sink = Counter::default();
    let started = Instant::now();
    let status = mailaudit::run(cli, &mut sink);
    let elapsed = started.elapsed();
    let code = status.map_or_else(|e| format!("error {e}"), |s| s.code().to_string());
    println!(
        "{:.2} s, exit {code}, {} sessions ({} smtp-budget-exceeded, {} smtp-probe-deadline), \
         SMTP area {}, {} bytes of JSON, peak RSS {} KiB",
        elapsed.as_secs_f64(),
        sink.count(SESSION),
        sink.count(BUDGET),
        sink.count(DEADLINE),
        if sink.count(DROPPED) > 0 {
            "dropped"
        } else {
            "kept"
        },
        sink.bytes,
        peak_rss_kib()
    );
}

const SESSION: &[u8] = b"\"elapsed_ms\":";
const BUDGET: &[u8] = b"\"code\":\"smtp-budget-exceeded\"";
const DEADLINE: &[u8] = b"\"code\":\"smtp-probe-deadline\"";
const DROPPED: &[u8] = b"\"probe\":null";
const PATTERNS: [&[u8]; 4] = [SESSION, BUDGET, DEADLINE, DROPPED];

/// Counts bytes and the occurrences of [`PATTERNS`] in what is written, keeping only the tail
/// a pattern may straddle.
#[derive(Default)]
struct Counter {
    bytes: usize,
    tail: Vec<u8>,
    counts: [usize; PATTERNS.len()],
}

impl Counter {
    fn count(&self, pattern: &[u8]) -> usize {
        PATTERNS
            .iter()
            .position(|p| *p == pattern)
            .map_or(0, |i| self.counts[i])
    }
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes += buf.len();
        let keep = self.tail.len();
        let mut window = std::mem::take(&mut self.tail);
        window.extend_from_slice(buf);
        for (i, pattern) in PATTERNS.iter().enumerate() {
            // A match that lies wholly in the kept tail was counted before.
            self.counts[i] += window
                .windows(pattern.len())
                .enumerate()
                .filter(|(at, w)| w == pattern && at + pattern.len() > keep)
                .count();
        }
        let longest = PATTERNS.iter().map(|p| p.len()).max().unwrap_or(0);
        let from = window.len().saturating_sub(longest - 1);
        self.tail = window[from..].to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// example.com with 50 MX hosts, each with 1,000 A records in 127.0.0.0/8 (127.10.0.1 up).
fn wide_zone() -> Zone {
    let mut z = base_zone();
    for host in 0..HOSTS {
        let name = format!("mx{host}.example.com");
        z.mx("example.com", u16::try_from(host).unwrap_or(0), &name);
        for i in 0..ADDRESSES {
            z.a(
                &name,
                &format!("127.{}.{}.{}", 10 + host, i / 250, i % 250 + 1),
            );
        }
    }
    z
}

/// example.com with 1,000 MX hosts, all at 127.0.0.1 where the tarpit listens.
fn tarpit_zone() -> Zone {
    let mut z = base_zone();
    for host in 0..TARPIT_HOSTS {
        let name = format!("mx{host}.example.com");
        z.mx("example.com", 10, &name).a(&name, "127.0.0.1");
    }
    z
}

fn base_zone() -> Zone {
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 mx -all"]);
    z.txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
    z
}

/// A port on 127.0.0.1 where nothing listens (bound, then closed); nothing listens on it at the
/// other loopback addresses either.
fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// Accepts every connection on 127.0.0.1 and never sends a byte, holding the connections.
struct Tarpit {
    port: u16,
}

impl Tarpit {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the tarpit");
        let port = listener.local_addr().expect("address").port();
        std::thread::spawn(move || {
            let mut held = Vec::new();
            for stream in listener.incoming().flatten() {
                // Bounded: the oldest are let go once a few thousand are held.
                if held.len() >= 4096 {
                    held.clear();
                }
                held.push(stream);
            }
        });
        Self { port }
    }
}
