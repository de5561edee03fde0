//! Benchmark of what DNSSEC validation adds to `check --no-probe`: one domain served by the
//! in-process test DNS server with every answer delayed by 20 ms, signed (validated from the
//! server's own root with `--trust-anchor`) against the same records unsigned (`--no-dnssec`,
//! mailaudit as it was before validation). Prints the median wall time of 5 runs and the DNS
//! lookups each run sent (the validator's own DS and DNSKEY queries are not in that count: the
//! server's query log gives the packets). `cargo bench --bench dnssec_cost`.

#[path = "../tests/support/dns_server.rs"]
mod dns_server;

use std::time::{Duration, Instant};

use clap::Parser;
use dns_server::{AnchorForm, Signing, TestDns, Zone};

const DELAY: Duration = Duration::from_millis(20);
const RUNS: usize = 5;
const DOMAIN: &str = "bench.test";

/// The domain's records: SPF with an include, DMARC, MX with a TLSA'd host, TLS-RPT, a DKIM key.
fn records(z: &mut Zone) {
    z.txt(
        DOMAIN,
        &["v=spf1 ip4:192.0.2.0/24 include:_spf.bench.test -all"],
    )
    .txt("_spf.bench.test", &["v=spf1 ip4:198.51.100.0/24 -all"])
    .txt(
        "_dmarc.bench.test",
        &["v=DMARC1; p=reject; rua=mailto:d@bench.test"],
    )
    .txt(
        "_smtp._tls.bench.test",
        &["v=TLSRPTv1; rua=mailto:t@bench.test"],
    )
    .txt(
        "s1._domainkey.bench.test",
        &["v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="],
    )
    .mx(DOMAIN, 10, "mx.bench.test")
    .a("mx.bench.test", "192.0.2.25")
    .tlsa("_25._tcp.mx.bench.test", 3, 1, 1, &"ab".repeat(32));
    z.delay(DELAY);
}

fn signed() -> Zone {
    let mut z = Zone::new();
    z.signed_zone(".", Signing::nsec())
        .signed_zone("test", Signing::nsec())
        .signed_zone(DOMAIN, Signing::nsec());
    records(&mut z);
    z
}

fn unsigned() -> Zone {
    let mut z = Zone::new();
    records(&mut z);
    z
}

/// Median wall time and the queries the server saw for one run, over `RUNS` runs.
fn timed(dns: &TestDns, extra: &[String]) -> (Duration, usize, String) {
    let mut times = Vec::new();
    let mut seen = 0;
    let mut sent = String::new();
    for _ in 0..RUNS {
        let before = dns.queries().len();
        let mut argv: Vec<String> = ["mailaudit", "--resolver", &dns.resolver_arg()]
            .map(String::from)
            .to_vec();
        argv.extend(extra.iter().cloned());
        argv.extend(
            [
                "--format",
                "json",
                "check",
                DOMAIN,
                "--no-probe",
                "--selector",
                "s1",
            ]
            .map(String::from),
        );
        let cli = mailaudit::cli::Cli::parse_from(&argv);
        let mut out = Vec::new();
        let started = Instant::now();
        let _ = mailaudit::run(cli, &mut out);
        times.push(started.elapsed());
        seen = dns.queries().len() - before;
        let report: serde_json::Value = serde_json::from_slice(&out).unwrap_or_default();
        sent = report["queries"]["sent"].to_string();
    }
    times.sort();
    (times[RUNS / 2], seen, sent)
}

fn main() {
    let dir = std::env::temp_dir().join(format!("mailaudit-dnssec-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let signed_dns = TestDns::start(signed());
    let anchor = signed_dns
        .trust_anchor()
        .write(&dir, "root.key", AnchorForm::Dnskey);
    let unsigned_dns = TestDns::start(unsigned());
    let with_anchor = ["--trust-anchor".to_string(), anchor.display().to_string()];
    let off = ["--no-dnssec".to_string()];
    println!(
        "check --no-probe {DOMAIN}, every answer delayed {} ms, median of {RUNS}:",
        DELAY.as_millis()
    );
    for (label, dns, extra) in [
        ("unsigned, --no-dnssec", &unsigned_dns, &off[..]),
        ("signed, --no-dnssec", &signed_dns, &off[..]),
        ("signed, validated", &signed_dns, &with_anchor[..]),
    ] {
        let (time, packets, lookups) = timed(dns, extra);
        println!(
            "  {label:<24} {:>6} ms   {lookups:>3} lookups   {packets:>3} queries at the server",
            time.as_millis()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
