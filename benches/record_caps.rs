//! Benchmark of one record of about 63 KB of bad terms (RFC 7208, RFC 6376, RFC 8461, RFC 8460)
//! per area, served by the in-process test DNS server: the built `mailaudit` binary runs each
//! case as a user would (`--format json`), and the figures are its wall time, its peak RSS
//! (from `/usr/bin/time`, when installed), and the size and number of findings of its output.
//! Cases: `spf`, `dkim` (the `default` selector, found by discovery), `mta-sts`, `tlsrpt`, a
//! DMARC record of a thousand report addresses, the first four in one `check --no-probe`, and
//! `lint dkim` of a 120 KB argument.
//! `cargo bench --bench record_caps`.

#[path = "../tests/support/dns_server.rs"]
mod dns_server;
#[path = "../tests/support/huge_records.rs"]
mod huge_records;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dns_server::TestDns;
use huge_records::{AREAS, DOMAIN};

const TIME: &str = "/usr/bin/time";

/// A case: its name, the areas whose huge records are published, the arguments.
fn cases() -> Vec<(&'static str, Vec<&'static str>, Vec<String>)> {
    let args = |a: &[&str]| a.iter().map(ToString::to_string).collect::<Vec<_>>();
    vec![
        ("spf", vec!["spf"], args(&["spf", DOMAIN])),
        ("dkim", vec!["dkim"], args(&["dkim", DOMAIN])),
        ("mta-sts", vec!["mta_sts"], args(&["mta-sts", DOMAIN])),
        ("tlsrpt", vec!["tls_rpt"], args(&["tlsrpt", DOMAIN])),
        (
            "dmarc destinations",
            vec!["dmarc"],
            args(&["dmarc", DOMAIN]),
        ),
        (
            "check, all four",
            AREAS.to_vec(),
            args(&["check", "--no-probe", DOMAIN]),
        ),
        (
            "lint dkim, 120 KB",
            Vec::new(),
            vec!["lint".into(), "dkim".into(), huge_records::dkim(120_000)],
        ),
    ]
}

fn main() {
    let time = Path::new(TIME).exists();
    println!("One record of about 63 KB of bad terms per area, mailaudit --format json");
    println!(
        "{:<20} {:>9} {:>14} {:>15} {:>9}",
        "case", "wall", "peak RSS", "JSON", "findings"
    );
    for (name, areas, args) in cases() {
        let server = TestDns::start(huge_records::zone(&areas));
        let run = run(&server, &args, time);
        let rss = run.peak_kib.map_or_else(
            || "n/a".to_string(),
            |k| format!("{}.{} MiB", k / 1024, k % 1024 * 10 / 1024),
        );
        println!(
            "{name:<20} {:>7.2} s {rss:>14} {:>9} bytes {:>9}",
            run.wall.as_secs_f64(),
            run.bytes,
            run.findings
        );
    }
    if !time {
        println!("(no {TIME}: peak RSS not measured)");
    }
}

struct Run {
    wall: Duration,
    peak_kib: Option<u64>,
    bytes: usize,
    findings: usize,
}

/// Runs the binary on `args` against `server`, counting its output as it streams by (a
/// run before the cap printed gigabytes).
fn run(server: &TestDns, args: &[String], time: bool) -> Run {
    let figures = std::env::temp_dir().join(format!("record_caps-{}", std::process::id()));
    let mut command = if time {
        let mut c = Command::new(TIME);
        c.arg("-f").arg("%M").arg("-o").arg(&figures);
        c.arg(env!("CARGO_BIN_EXE_mailaudit"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_mailaudit"))
    };
    let resolver = server.resolver_arg();
    command
        .args([
            "--resolver",
            &resolver,
            "--no-dnssec",
            "--timeout",
            "2",
            "--format",
            "json",
        ])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let started = Instant::now();
    let mut child = command.spawn().expect("run mailaudit");
    let (bytes, findings) = count(child.stdout.take().expect("stdout is piped"));
    child.wait().expect("wait for mailaudit");
    let wall = started.elapsed();
    let peak_kib = std::fs::read_to_string(&figures)
        .ok()
        .and_then(|s| s.lines().last()?.trim().parse().ok());
    let _ = std::fs::remove_file(&figures);
    Run {
        wall,
        peak_kib,
        bytes,
        findings,
    }
}

/// The bytes read from `out`, and how many findings (`"code":` keys) they hold.
fn count(mut out: impl Read) -> (usize, usize) {
    const KEY: &[u8] = b"\"code\":";
    let mut buf = vec![0u8; 1 << 16];
    // The end of the previous chunk, so that a key split between two reads is found.
    let mut carry: Vec<u8> = Vec::new();
    let (mut bytes, mut findings) = (0, 0);
    loop {
        let n = out.read(&mut buf).expect("read mailaudit's output");
        if n == 0 {
            return (bytes, findings);
        }
        bytes += n;
        carry.extend_from_slice(&buf[..n]);
        findings += carry.windows(KEY.len()).filter(|w| *w == KEY).count();
        let keep = carry.len().min(KEY.len() - 1);
        carry.drain(..carry.len() - keep);
    }
}
