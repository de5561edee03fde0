//! Output options shared by every command: formats, colour, quiet, explain, completions.

use crate::support::cmd::Mailaudit;
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{Entry, Severity};

fn server() -> TestDns {
    let mut z = Zone::new();
    z.txt("warn.example.com", &["v=spf1 ip4:192.0.2.1 ?all"])
        .txt("clean.example.com", &["v=spf1 ip4:192.0.2.1 -all"]);
    TestDns::start(z)
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let dns = server();
    let audit = |color: &str| {
        Mailaudit::new()
            .dns(&dns)
            .color(color)
            .args(["spf", "warn.example.com"])
    };
    assert!(audit("always").run().stdout.contains("\x1b["));
    assert!(!audit("never").run().stdout.contains('\x1b'));
    // Not a terminal: auto means no colour, and NO_COLOR changes nothing about that.
    assert!(!audit("auto").run().stdout.contains('\x1b'));
    assert!(
        !audit("auto")
            .env("NO_COLOR", "1")
            .run()
            .stdout
            .contains('\x1b')
    );
}

#[test]
fn quiet_prints_only_findings_or_nothing() {
    let dns = server();
    let clean = Mailaudit::new()
        .dns(&dns)
        .args(["-q", "spf", "clean.example.com"])
        .run();
    assert_eq!((clean.code, clean.stdout.as_str()), (0, ""), "{clean}");
    let warn = Mailaudit::new()
        .dns(&dns)
        .color("never")
        .args(["-q", "spf", "warn.example.com"])
        .run();
    assert!(warn.stdout.starts_with("Findings\n"), "{warn}");
    warn.assert_stdout_contains("spf-neutral-all");
    assert!(!warn.stdout.contains("DNS lookups"), "{warn}");
}

#[test]
fn explain_prints_one_entry_or_the_catalog() {
    let one = Mailaudit::new()
        .color("never")
        .args(["explain", "spf-too-many-lookups"])
        .run();
    one.assert_success();
    let entry = mailaudit::spf::codes::TOO_MANY_LOOKUPS.entry();
    one.assert_stdout_contains(entry.summary)
        .assert_stdout_contains(entry.rfc)
        .assert_stdout_contains("Fix");
    let all = Mailaudit::new().color("never").arg("explain").run();
    assert_eq!(
        all.stdout.lines().count(),
        mailaudit::catalog::all().count(),
        "{all}"
    );
    let json = Mailaudit::new()
        .format("json")
        .args(["explain", "spf-ptr"])
        .run();
    let v: Entry = json.json_as();
    assert_eq!(v.code, "spf-ptr");
    assert_eq!(v.severity, Severity::Warning);
    let unknown = Mailaudit::new().args(["explain", "spf-nonsense"]).run();
    unknown.assert_code(2);
    assert_eq!(unknown.stderr.lines().count(), 1, "{unknown}");
}

#[test]
fn explain_lists_the_catalog_as_json_entries() {
    let out = Mailaudit::new().format("json").arg("explain").run();
    out.assert_success();
    let entries: Vec<Entry> = out.json_as();
    let codes: Vec<&str> = entries.iter().map(|e| e.code.as_str()).collect();
    let catalog: Vec<&str> = mailaudit::catalog::all()
        .map(mailaudit::finding::Code::as_str)
        .collect();
    assert_eq!(codes, catalog);
}

#[test]
fn completions_are_printed_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        Mailaudit::new()
            .args(["completions", shell])
            .run()
            .assert_success()
            .assert_stdout_contains("mailaudit");
    }
}

#[test]
fn usage_errors_exit_2() {
    Mailaudit::new().arg("spf").run().assert_code(2);
    Mailaudit::new()
        .format("xml")
        .arg("explain")
        .run()
        .assert_code(2);
    Mailaudit::new()
        .timeout("-1")
        .arg("explain")
        .run()
        .assert_code(2);
    Mailaudit::new()
        .resolver("not-an-ip")
        .arg("explain")
        .run()
        .assert_code(2);
    Mailaudit::new().arg("no-such-command").run().assert_code(2);
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // A report far larger than a pipe's buffer, so writing it must meet the closed pipe.
    let record = format!("v=spf1 {}-all", "ip4:192.0.2.1 ".repeat(4000));
    let mut child = Command::new(env!("CARGO_BIN_EXE_mailaudit"))
        .args(["--format", "json", "lint", "spf", &record])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mailaudit runs");
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr is piped")
        .read_to_string(&mut stderr)
        .expect("stderr is read");
    let status = child.wait().expect("mailaudit ends");
    assert_eq!(stderr, "", "no message for a closed pipe");
    // The findings' status, not a crash or a failure to write.
    assert_eq!(status.code(), Some(1), "{status:?}");
}
