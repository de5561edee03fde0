//! Benchmark of `mailaudit report` on many results: 10,000 and 100,000 domains of JSON Lines
//! made from real `check` results (the example zones, checked in-process with `--zone`, each
//! line given a domain name of its own), with the default `--max-domains` (5,000 listed) and
//! with every domain listed (`--max-domains 0`). Prints, for each, the time to write the page,
//! domains per second, the page's size and the peak RSS: memory stays flat because rows and
//! sections wait on disk and every count the summary keeps is bounded.
//!
//! Each case runs the real command line in-process (`mailaudit::run`) in a child process of its
//! own, so the peak RSS is the case's alone. `cargo bench --bench report_html`.

#![allow(clippy::cast_precision_loss)]

#[path = "support/rss.rs"]
mod rss;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use clap::Parser;

/// Domains, and `--max-domains`.
const CASES: [(usize, &str); 4] = [
    (10_000, "5000"),
    (100_000, "5000"),
    (10_000, "0"),
    (100_000, "0"),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--case") {
        report(
            Path::new(&args[i + 1]),
            Path::new(&args[i + 2]),
            &args[i + 3],
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("mailaudit-bench-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let templates = results();
    println!(
        "mailaudit report: JSON Lines from {} real check results, one domain name each",
        templates.len()
    );
    for (size, max) in CASES {
        let input = dir.join(format!("{size}.jsonl"));
        if !input.exists() {
            write_input(&input, &templates, size);
        }
        let output = dir.join(format!("{size}.html"));
        let exe = std::env::current_exe().expect("the benchmark's own path");
        let out = Command::new(exe)
            .arg("--case")
            .args([&input, &output])
            .arg(max)
            .output()
            .expect("run a case");
        let figures = String::from_utf8_lossy(&out.stdout);
        let mut parts = figures.split_whitespace();
        let (Some(ms), Some(rss)) = (parts.next(), parts.next()) else {
            eprintln!(
                "case {size} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            continue;
        };
        let ms: f64 = ms.parse().unwrap_or(0.0);
        let input_mib = std::fs::metadata(&input).map_or(0, |m| m.len()) as f64 / 1_048_576.0;
        let page_mib = std::fs::metadata(&output).map_or(0, |m| m.len()) as f64 / 1_048_576.0;
        println!(
            "{size:>7} domains, --max-domains {max:>4}  {:>6.2} s  {:>7.0} domains/s  input {input_mib:.0} MiB  page {page_mib:.0} MiB  peak RSS {rss} KiB",
            ms / 1000.0,
            size as f64 / (ms / 1000.0)
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// Real results: the example zones checked without the live probe.
fn results() -> Vec<serde_json::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut argv: Vec<String> = vec!["mailaudit".into()];
    for zone in ["example.com", "example.net", "example.org", "dkim", "mx"] {
        argv.push("--zone".into());
        argv.push(root.join(format!("{zone}.zone")).display().to_string());
    }
    argv.extend(
        [
            "--format",
            "jsonl",
            "check",
            "--no-probe",
            "example.com",
            "example.net",
            "example.org",
        ]
        .map(String::from),
    );
    let mut out = Vec::new();
    let _ = mailaudit::run(mailaudit::cli::Cli::parse_from(&argv), &mut out);
    String::from_utf8_lossy(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("check writes JSON Lines"))
        .collect()
}

fn write_input(path: &PathBuf, templates: &[serde_json::Value], size: usize) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("the input file"));
    for i in 0..size {
        let mut result = templates[i % templates.len()].clone();
        result["domain"] = format!("d{i}.bench.example").into();
        serde_json::to_writer(&mut out, &result).expect("write the input");
        out.write_all(b"\n").expect("write the input");
    }
    out.flush().expect("write the input");
}

/// The child: writes the page, prints the time in ms and the peak RSS in KiB.
fn report(input: &Path, output: &Path, max: &str) {
    let argv = [
        "mailaudit",
        "report",
        input.to_str().expect("a UTF-8 path"),
        "--output",
        output.to_str().expect("a UTF-8 path"),
        "--max-domains",
        max,
    ];
    let cli = mailaudit::cli::Cli::parse_from(argv);
    let started = Instant::now();
    let status = mailaudit::run(cli, std::io::sink());
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    assert!(status.is_ok(), "report failed");
    println!("{ms:.0} {}", rss::peak_rss_kib());
}
