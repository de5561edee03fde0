//! Shards of a list as job engines run them: `--shard auto` with each engine's variables (and
//! none of the test runner's own), the one-line errors of what cannot name a shard, and the GNU
//! parallel recipe (examples/parallel-shards.sh) run for real: N shards, joined, every domain
//! exactly once.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mailaudit::check::shard::engine_variables;

use super::check::healthy;
use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::temp::TempDir;

const SHARDS: usize = 3;

fn domains() -> Vec<String> {
    (0..8).map(|i| format!("d{i}.example")).collect()
}

fn served() -> TestDns {
    let mut z = Zone::new();
    for d in domains() {
        healthy(&mut z, &d);
    }
    TestDns::start(z)
}

/// `check --shard auto` with only `vars` of the engines' variables set.
fn auto(dns: Option<&TestDns>, vars: &[(&str, String)], args: &[&str]) -> Output {
    let mut cmd = Mailaudit::new();
    if let Some(dns) = dns {
        cmd = cmd.dns(dns).timeout("0.5");
    }
    // Whatever engine runs the tests, its variables stay out.
    for name in engine_variables() {
        cmd = cmd.env_remove(name);
    }
    for (name, value) in vars {
        cmd = cmd.env(name, value);
    }
    cmd.format("jsonl")
        .args(["check", "--no-probe", "--selector", "s1", "--shard", "auto"])
        .args(args)
        .args(domains())
        .run()
}

/// Variables to set, by name.
type Vars = Vec<(&'static str, String)>;

/// An engine for one shard: the variable of its index, its variables, the options it needs.
type Engine = (&'static str, Vars, Vec<&'static str>);

/// Every engine's variables for shard `i` of [`SHARDS`], and the `--shards` it needs.
fn engines(i: usize) -> Vec<Engine> {
    let n = SHARDS.to_string();
    vec![
        (
            "JOB_COMPLETION_INDEX",
            vec![("JOB_COMPLETION_INDEX", i.to_string())],
            vec!["--shards", "3"],
        ),
        (
            // --array=1-5:2 gives the task IDs 1, 3 and 5.
            "SLURM_ARRAY_TASK_ID",
            vec![
                ("SLURM_ARRAY_TASK_ID", (1 + 2 * i).to_string()),
                ("SLURM_ARRAY_TASK_MIN", "1".into()),
                ("SLURM_ARRAY_TASK_STEP", "2".into()),
                ("SLURM_ARRAY_TASK_COUNT", n.clone()),
            ],
            vec![],
        ),
        (
            "AWS_BATCH_JOB_ARRAY_INDEX",
            vec![("AWS_BATCH_JOB_ARRAY_INDEX", i.to_string())],
            vec!["--shards", "3"],
        ),
        (
            "BATCH_TASK_INDEX",
            vec![("BATCH_TASK_INDEX", i.to_string()), ("BATCH_TASK_COUNT", n)],
            vec![],
        ),
    ]
}

#[test]
fn shard_auto_splits_a_list_by_each_engines_variables() {
    let dns = served();
    for engine in 0..engines(0).len() {
        let mut seen = Vec::new();
        for i in 0..SHARDS {
            let (name, vars, args) = engines(i).swap_remove(engine);
            let out = auto(Some(&dns), &vars, &args);
            out.assert_success();
            let count_from = if args.is_empty() {
                vars[vars.len() - 1].0
            } else {
                "--shards"
            };
            assert_eq!(
                out.stderr,
                format!("mailaudit: shard {i}/3 (index from {name}, count from {count_from})\n"),
                "{out}"
            );
            for line in out.stdout.lines() {
                let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
                seen.push(value["domain"].as_str().expect("a domain").to_string());
            }
        }
        seen.sort();
        assert_eq!(seen, domains(), "{}", engines(0)[engine].0);
    }
}

#[test]
fn what_cannot_name_a_shard_is_a_one_line_usage_error() {
    let var = |name: &'static str, value: &str| (name, value.to_string());
    let cases: Vec<(Vars, Vec<&str>, &str)> = vec![
        (
            vec![],
            vec!["--shards", "3"],
            "no job engine's index is set",
        ),
        (
            vec![var("JOB_COMPLETION_INDEX", "1")],
            vec![],
            "JOB_COMPLETION_INDEX gives the index but not the number of shards",
        ),
        (
            vec![var("AWS_BATCH_JOB_ARRAY_INDEX", "one")],
            vec!["--shards", "3"],
            "AWS_BATCH_JOB_ARRAY_INDEX is \"one\", not a number",
        ),
        (
            vec![var("JOB_COMPLETION_INDEX", "3")],
            vec!["--shards", "3"],
            "index 3 (from JOB_COMPLETION_INDEX) is not below the count 3 (from --shards)",
        ),
        (
            vec![var("BATCH_TASK_INDEX", "0"), var("BATCH_TASK_COUNT", "4")],
            vec!["--shards", "3"],
            "BATCH_TASK_COUNT says 4 shards but --shards says 3",
        ),
    ];
    for (vars, args, expected) in cases {
        let out = auto(None, &vars, &args);
        assert_one_line_error(&out, expected);
    }
    let explicit = Mailaudit::new()
        .args(["check", "a.example", "--shard", "0/2", "--shards", "2"])
        .run();
    assert_one_line_error(&explicit, "--shards goes with --shard auto only");
    let alone = Mailaudit::new()
        .args(["check", "a.example", "--shards", "2"])
        .run();
    assert_one_line_error(&alone, "give --shard auto too");
}

#[track_caller]
fn assert_one_line_error(out: &Output, expected: &str) {
    out.assert_code(2);
    assert_eq!(out.stdout, "", "{out}");
    assert_eq!(out.stderr.lines().count(), 1, "{out}");
    assert!(out.stderr.starts_with("mailaudit: "), "{out}");
    out.assert_stderr_contains(expected);
}

/// Whether GNU parallel is on the PATH (moreutils has a `parallel` of its own, which is not).
fn gnu_parallel() -> bool {
    Command::new("parallel")
        .args(["--will-cite", "--version"])
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("GNU parallel"))
}

/// examples/parallel-shards.sh as a user runs it (here on this machine only), against the test
/// DNS server: N shard files, joined, every domain exactly once and nothing left partial.
#[test]
fn the_gnu_parallel_recipe_checks_every_domain_once() {
    if !gnu_parallel() {
        eprintln!("skipped: GNU parallel is not installed");
        return;
    }
    let dns = served();
    let dir = TempDir::new("shards-parallel");
    let list = dir.write("domains.txt", domains().join("\n") + "\n");
    let outdir = dir.path().join("out dir");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/parallel-shards.sh");
    let mut command = Command::new("bash");
    command
        .arg(&script)
        .arg(&list)
        .arg(SHARDS.to_string())
        .arg(&outdir)
        .args(["--resolver", &dns.resolver_arg(), "--timeout", "0.5"])
        .args(["--no-probe", "--selector", "s1"])
        .env("MAILAUDIT", env!("CARGO_BIN_EXE_mailaudit"))
        .env("JOBS", SHARDS.to_string())
        .env_remove("HOSTS")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(
            std::fs::File::create(dir.path().join("stderr")).expect("stderr file"),
        ));
    let status = run_guarded(&mut command);
    let stderr = std::fs::read_to_string(dir.path().join("stderr")).unwrap_or_default();
    assert!(status.success(), "{status}\n{stderr}");
    let joined = std::fs::read_to_string(outdir.join("results.jsonl")).expect("the joined file");
    let mut seen: Vec<String> = joined
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            value["domain"].as_str().expect("a domain").to_string()
        })
        .collect();
    seen.sort();
    assert_eq!(seen, domains(), "{stderr}");
    for entry in std::fs::read_dir(&outdir).expect("the output dir") {
        let name = entry.expect("an entry").file_name();
        assert!(!name.to_string_lossy().ends_with(".partial"), "{name:?}");
    }
}

/// Runs `command` to its end, killing it after a minute.
fn run_guarded(command: &mut Command) -> std::process::ExitStatus {
    let mut child = command.spawn().expect("bash runs");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("examples/parallel-shards.sh still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
