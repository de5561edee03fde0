//! Benchmark of DKIM key generation (RFC 8301 §3.2 sizes): RSA-2048 through `dkim keygen`'s own
//! code path (`mailaudit::dkim::keygen::PrivateKey::generate`, the rsa crate's constant-time
//! generation with the OS random source), next to `openssl genrsa 2048` timed the same way on the
//! same machine when an `openssl` binary is on PATH. Ed25519 is shown for scale.
//!
//! `cargo bench --bench dkim_keygen`; `DKIM_BENCH_N` sets the runs per figure (default 20). RSA
//! generation time varies a lot from key to key (it searches for primes), so the median and the
//! spread are printed.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mailaudit::dkim::KeyType;
use mailaudit::dkim::keygen::PrivateKey;

fn main() {
    let n: usize = std::env::var("DKIM_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(20);
    println!("DKIM key generation, {n} runs each (median, min-max)");
    let rsa = time(n, || {
        PrivateKey::generate(KeyType::Rsa, 2048).expect("RSA-2048 key");
    });
    report("mailaudit RSA-2048", &rsa);
    match openssl_version() {
        Some(version) => {
            let openssl = time(n, || {
                let status = Command::new("openssl")
                    .args(["genrsa", "2048"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .expect("openssl runs");
                assert!(status.success(), "openssl genrsa 2048 failed");
            });
            report(
                &format!("openssl genrsa 2048 ({version}, process start included)"),
                &openssl,
            );
        }
        None => println!("  openssl genrsa 2048: openssl not found"),
    }
    let ed = time(n, || {
        PrivateKey::generate(KeyType::Ed25519, 0).expect("Ed25519 key");
    });
    report("mailaudit Ed25519", &ed);
}

fn time(n: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn report(label: &str, times: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {label}: median {:.2} ms  ({:.2}-{:.2} ms)",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
}

fn openssl_version() -> Option<String> {
    let out = Command::new("openssl").arg("version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}
