//! Bulk runs as job engines meet them: `check --output FILE` (FILE.partial while it runs, FILE
//! only when whole), `--resume` (an interrupted shard finished without a line twice, a cut or
//! foreign line repaired, a finished shard left alone), and the exit status of a list (a failed
//! domain or a bad line is data, 2 only when the run cannot go on) against that of domains
//! given on the command line.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::check::healthy;
use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::temp::TempDir;

/// `check --no-probe --selector s1` against `dns` in JSON Lines, short timeouts.
fn check(dns: &TestDns) -> Mailaudit {
    Mailaudit::new()
        .dns(dns)
        .timeout("0.3")
        .format("jsonl")
        .args(["--budget", "1", "check", "--no-probe", "--selector", "s1"])
}

fn partial(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// The "domain" (or "input") of every line of `text`, which must all be whole JSON objects.
fn names(text: &str) -> Vec<String> {
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "a cut last line: {text}"
    );
    text.lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            let name = value.get("domain").or_else(|| value.get("input"));
            name.and_then(Value::as_str)
                .unwrap_or_else(|| panic!("no domain: {line}"))
                .to_string()
        })
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

#[test]
fn output_goes_to_a_file_renamed_from_partial_when_whole() {
    let mut z = Zone::new();
    for d in ["a.example", "b.example"] {
        healthy(&mut z, d);
    }
    let dns = TestDns::start(z);
    let dir = TempDir::new("bulk-output");
    let file = dir.path().join("out.jsonl");
    let list = dir.write("list", "a.example\nb.example\nnot a domain!\n");
    let out = check(&dns)
        .arg("--domains-file")
        .arg(&list)
        .arg("--output")
        .arg(&file)
        .run();
    out.assert_success();
    assert_eq!(out.stdout, "", "{out}");
    assert_eq!(
        sorted(names(&read(&file))),
        ["a.example", "b.example", "not a domain!"]
    );
    assert!(!partial(&file).exists(), "{out}");

    // Text to a file is the reports, without the closing table of a terminal.
    let text = dir.path().join("out.txt");
    let out = check(&dns)
        .format("text")
        .args(["a.example", "b.example", "--output"])
        .arg(&text)
        .run();
    out.assert_success();
    let text = read(&text);
    assert!(
        text.contains("a.example") && text.contains("b.example"),
        "{text}"
    );
    assert!(!text.contains("errors  warnings"), "{text}");
}

/// SIGTERM mid-run leaves FILE.partial with whole lines and no FILE; `--resume` checks only the
/// domains it lacks and finishes FILE: every domain once.
#[test]
fn an_interrupted_shard_is_resumed_without_a_line_twice() {
    let mut z = Zone::new();
    let domains: Vec<String> = (0..12).map(|i| format!("d{i:02}.example")).collect();
    for (i, domain) in domains.iter().enumerate() {
        if i % 3 == 0 {
            // Never answers: still running when the signal comes.
            z.silent(domain, None);
        } else {
            healthy(&mut z, domain);
        }
    }
    let dns = TestDns::start(z);
    let dir = TempDir::new("bulk-resume");
    let list = dir.write("list", domains.join("\n") + "\n");
    let file = dir.path().join("shard.jsonl");
    let mut running = Mailaudit::new()
        .dns(&dns)
        .timeout("5")
        .format("jsonl")
        .args(["--budget", "30", "check", "--no-probe", "--selector", "s1"])
        .arg("--domains-file")
        .arg(&list)
        .arg("--output")
        .arg(&file)
        .spawn();
    wait_for_lines(&partial(&file), 8);
    running.signal("TERM").wait_for_exit();
    let out = running.finish();
    out.assert_code(2);
    out.assert_stderr_contains("--resume goes on from there");
    assert!(!file.exists(), "{out}");
    let first = names(&read(&partial(&file)));
    assert_eq!(first.len(), 8, "{out}");

    let out = check(&dns)
        .args(["--fail-on", "never", "--domains-file"])
        .arg(&list)
        .arg("--output")
        .arg(&file)
        .arg("--resume")
        .run();
    out.assert_success();
    out.assert_stderr_contains(": 8 results kept");
    assert!(!partial(&file).exists(), "{out}");
    let all = names(&read(&file));
    assert_eq!(sorted(all.clone()), domains, "{out}");
    // The results kept come first, as they were.
    assert_eq!(all[..8], first[..]);
}

/// Waits until `path` holds `n` whole lines.
fn wait_for_lines(path: &Path, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let lines = text.matches('\n').count();
        if lines >= n {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{} has {lines} lines",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A .partial cut in a line (a run killed mid-write) and holding a line that is no result: both
/// taken off, the results kept as they are (not checked again) and counted in the exit status.
#[test]
fn a_cut_or_foreign_line_in_the_partial_is_repaired() {
    let mut z = Zone::new();
    for d in ["a.example", "b.example", "c.example"] {
        healthy(&mut z, d);
    }
    let dns = TestDns::start(z);
    let dir = TempDir::new("bulk-repair");
    let list = dir.write("list", "a.example\nb.example\nnot a domain!\nc.example\n");
    let kept_a = r#"{"domain":"a.example","findings":[{"severity":"error"}],"kept":true}"#;
    let kept_invalid = r#"{"input":"not a domain!","error":"kept"}"#;
    let file = dir.path().join("shard.jsonl");
    let old = format!("{kept_a}\n[1, 2]\n{kept_invalid}\n{{\"domain\":\"c.exa");
    std::fs::write(partial(&file), old).expect("write the partial");
    let out = check(&dns)
        .arg("--domains-file")
        .arg(&list)
        .arg("--output")
        .arg(&file)
        .arg("--resume")
        .run();
    out.assert_stderr_contains(
        ": 2 results kept, a cut last line taken off, 1 line that is not a result dropped \
         (line 2)",
    );
    // The kept report's error finding: exit status 1 as when it was written.
    out.assert_code(1);
    let text = read(&file);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[..2], [kept_a, kept_invalid], "{text}");
    assert_eq!(
        sorted(names(&text)),
        ["a.example", "b.example", "c.example", "not a domain!"]
    );
}

/// CSV rows resume as JSON Lines do: the header row is kept and not written again, a report's
/// row is known by its domain and an invalid line's by its input, a cut row is taken off, and
/// the kept row's error count brings exit status 1.
#[test]
fn a_csv_shard_is_resumed_with_its_header_once() {
    let mut z = Zone::new();
    for d in ["a.example", "b.example"] {
        healthy(&mut z, d);
    }
    let dns = TestDns::start(z);
    let dir = TempDir::new("bulk-csv");
    let list = dir.write("list", "a.example\n=not a domain\nb.example\n");
    let file = dir.path().join("shard.csv");
    let empty = ",".repeat(20);
    let header = "domain,spf,dmarc,dkim,mx,smtp,mta_sts,tls_rpt,bimi,spf_lookups,dmarc_policy,\
                  dkim_selectors,mx_hosts,starttls,mta_sts_mode,tls_rpt_rua,bimi_logo,errors,\
                  warnings,incomplete,input_error";
    let kept_a = "a.example,errors,ok,ok,ok,not probed,none,none,none,1,reject,s1,\
                  mx.a.example,,,,,1,0,false,";
    let kept_invalid = format!("'=not a domain{empty}kept");
    let old = format!("{header}\r\n{kept_a}\r\n{kept_invalid}\r\nb.example,ok,o");
    std::fs::write(partial(&file), old).expect("write the partial");
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("0.3")
        .format("csv")
        .args(["--budget", "1", "check", "--no-probe", "--selector", "s1"])
        .arg("--domains-file")
        .arg(&list)
        .arg("--output")
        .arg(&file)
        .arg("--resume")
        .run();
    out.assert_stderr_contains(": 2 results kept, a cut last line taken off");
    out.assert_code(1);
    let text = read(&file);
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(
        lines[..3],
        [header, kept_a, kept_invalid.as_str()],
        "{text}"
    );
    assert!(lines[3].starts_with("b.example,"), "{text}");
}

#[test]
fn resume_leaves_a_finished_shard_alone() {
    let dir = TempDir::new("bulk-done");
    let file = dir.write("shard.jsonl", "{\"domain\":\"a.example\"}\n");
    let out = Mailaudit::new()
        .format("jsonl")
        .args(["check", "--domains-file", "/nonexistent/list", "--output"])
        .arg(&file)
        .arg("--resume")
        .run();
    out.assert_success();
    out.assert_stderr_contains("is there already: this shard is done");
    assert_eq!(read(&file), "{\"domain\":\"a.example\"}\n");
    assert!(!partial(&file).exists());
}

#[test]
fn resume_needs_output_and_json_lines() {
    let dir = TempDir::new("bulk-usage");
    let file = dir.path().join("out");
    let without_output = Mailaudit::new()
        .format("jsonl")
        .args(["check", "a.example", "--resume"])
        .run();
    without_output.assert_code(2);
    without_output.assert_stderr_contains("--output");
    for format in ["json", "yaml", "text"] {
        let out = Mailaudit::new()
            .format(format)
            .args(["check", "a.example", "--resume", "--output"])
            .arg(&file)
            .run();
        out.assert_code(2);
        assert_eq!(
            out.stderr,
            "mailaudit: --resume needs --format jsonl or csv: a JSON array, YAML documents and \
             text cannot be continued\n",
            "{out}"
        );
        assert!(!partial(&file).exists(), "{out}");
    }
}

/// A list whose input cannot be read, or whose output cannot be written: the run could not go
/// on (2), and FILE is not made.
#[test]
fn an_unreadable_list_or_unwritable_output_is_a_failed_run() {
    let dir = TempDir::new("bulk-fail");
    let file = dir.path().join("out.jsonl");
    let unreadable = Mailaudit::new()
        .format("jsonl")
        .args(["check", "--domains-file"])
        .arg(dir.path())
        .arg("--output")
        .arg(&file)
        .run();
    unreadable.assert_code(2);
    unreadable.assert_stderr_contains("cannot read");
    assert!(!file.exists() && partial(&file).exists(), "{unreadable}");

    let unwritable = Mailaudit::new()
        .format("jsonl")
        .args(["check", "--domains-file", "-", "--output"])
        .arg(dir.path().join("no such dir/out.jsonl"))
        .stdin("not a domain!\n")
        .run();
    unwritable.assert_code(2);
    unwritable.assert_stderr_contains("cannot write output");
}

/// The two sides of the exit status: in a list, a domain whose lookups timed out and a line
/// that is not a domain are data (0, or 1 for findings); the same on the command line are a run
/// not completed (2).
#[test]
fn a_failed_domain_in_a_list_is_data_on_the_command_line_a_failure() {
    let mut z = Zone::new();
    healthy(&mut z, "good.example");
    z.silent("slow.example", None);
    z.txt("open.example", &["v=spf1 +all"]);
    let dns = TestDns::start(z);
    let run = |stdin: &str, args: &[&str]| {
        let mut cmd = check(&dns).args(args);
        if !stdin.is_empty() {
            cmd = cmd.args(["--domains-file", "-"]).stdin(stdin);
        }
        cmd.run()
    };
    run("good.example\nnot a domain!\n", &[]).assert_success();
    let never = ["--fail-on", "never"];
    let list = run("good.example\nslow.example\nnot a domain!\n", &never);
    list.assert_success();
    assert_eq!(names(&list.stdout).len(), 3, "{list}");
    assert!(list.stdout.contains("\"incomplete\":true"), "{list}");
    // Findings keep their meaning in a list: the failed lookups are error findings
    // (dns-lookup-failed), and so is +all.
    run("good.example\nslow.example\n", &[]).assert_code(1);
    run("good.example\nopen.example\n", &[]).assert_code(1);
    run("good.example\nopen.example\n", &never).assert_success();

    let line = |domains: &[&str]| run("", domains);
    line(&["good.example", "slow.example"]).assert_code(2);
    line(&["good.example", "not a domain!"]).assert_code(2);
    line(&["good.example", "slow.example", "--fail-on", "never"]).assert_code(2);
    line(&["good.example"]).assert_success();
}

/// A list that is not one (no newline in 64 KiB) is an input that cannot be read: 2, even
/// though its one line is reported as not a domain.
#[test]
fn a_list_without_newlines_is_a_failed_run() {
    let out: Output = Mailaudit::new()
        .format("jsonl")
        .args(["check", "--no-probe", "--domains-file", "/dev/zero"])
        .run();
    out.assert_code(2);
    out.assert_stderr_contains("cannot read /dev/zero: no newline within 64 KiB");
}
