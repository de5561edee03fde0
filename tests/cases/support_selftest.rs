//! The test support itself: the command builder, the text diff, the JSON mirror structs and the
//! temporary directories behave as the tests relying on them assume.

use std::ffi::OsString;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use crate::support::cmd::Mailaudit;
use crate::support::diff::{assert_text_eq, line_diff};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{Entry, Evaluation, SpfReport};
use crate::support::temp::TempDir;

/// The message of the panic `f` raises; fails the test when it does not panic.
fn panic_message(f: impl FnOnce()) -> String {
    let payload = catch_unwind(AssertUnwindSafe(f)).expect_err("expected a panic");
    if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else {
        panic!("a panic without a message")
    }
}

fn strings(line: Vec<OsString>) -> Vec<String> {
    line.into_iter()
        .map(|a| a.into_string().expect("UTF-8"))
        .collect()
}

#[test]
fn the_builder_adds_the_server_and_a_timeout_before_the_arguments() {
    let dns = TestDns::start(Zone::new());
    let addr = dns.addr().to_string();
    let line = Mailaudit::new()
        .args(["spf", "example.com"])
        .format("json")
        .dns(&dns)
        .command_line();
    assert_eq!(
        strings(line),
        [
            "--resolver",
            &addr,
            "--timeout",
            "2",
            "--format",
            "json",
            "spf",
            "example.com"
        ]
    );
    let line = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .color("never")
        .arg("explain")
        .command_line();
    assert_eq!(
        strings(line),
        [
            "--resolver",
            &addr,
            "--timeout",
            "0.5",
            "--color",
            "never",
            "explain"
        ]
    );
    let line = Mailaudit::new()
        .zone("/tmp/z")
        .args(["spf", "--", "-x"])
        .command_line();
    assert_eq!(strings(line), ["--zone", "/tmp/z", "spf", "--", "-x"]);
}

#[test]
fn failed_asserts_show_the_command_and_both_streams() {
    let out = Mailaudit::new().args(["explain", "no-such-code"]).run();
    let message = panic_message(|| {
        out.assert_success();
    });
    assert!(
        message.contains("expected exit status 0, got 2"),
        "{message}"
    );
    assert!(
        message.contains("$ mailaudit explain no-such-code"),
        "{message}"
    );
    assert!(message.contains("--- stderr\n"), "{message}");
    assert!(message.contains(out.stderr.trim_end()), "{message}");

    let out = Mailaudit::new().args(["explain", "spf-ptr"]).run();
    let message = panic_message(|| {
        out.json();
    });
    assert!(message.contains("stdout is not a JSON"), "{message}");
    assert!(message.contains("--- stdout\nspf-ptr"), "{message}");
}

#[test]
fn stdin_and_environment_reach_the_run() {
    // mailaudit reads no stdin: a large input must neither block nor fail the run.
    Mailaudit::new()
        .stdin(vec![b'x'; 1 << 20])
        .arg("explain")
        .run()
        .assert_success();
    // NO_COLOR is removed by default; `env` sets it, `env_remove` removes it again.
    let out = Mailaudit::new()
        .env("NO_COLOR", "1")
        .env_remove("NO_COLOR")
        .env("MAILAUDIT_TEST_VARIABLE", "x")
        .color("always")
        .args(["explain", "spf-ptr"])
        .run();
    out.assert_success();
    assert!(out.stdout.contains('\x1b'), "{out}");
}

#[test]
fn equal_texts_pass_and_different_ones_show_a_line_diff() {
    assert_text_eq("a\nb\n", "a\nb\n");
    let expected = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    let actual = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n";
    assert_eq!(
        line_diff(expected, actual),
        "@@ expected line 1, actual line 1 @@\n  1\n- 2\n+ TWO\n  3\n  4\n\
         @@ expected line 8, actual line 8 @@\n  8\n  9\n+ 10\n"
    );
    // Changes closer than twice the context share one hunk.
    assert_eq!(
        line_diff("1\n2\n3\n4\n5\n", "1\nx\n3\n4\ny\n"),
        "@@ expected line 1, actual line 1 @@\n  1\n- 2\n+ x\n  3\n  4\n- 5\n+ y\n"
    );
    let message = panic_message(|| assert_text_eq(expected, actual));
    assert!(message.starts_with("texts differ (- expected, + actual):\n@@"));
    assert_eq!(line_diff("same\n", "same\n"), "");
}

#[test]
#[allow(clippy::format_collect)] // a test fixture, built once
fn the_diff_shows_what_is_otherwise_invisible() {
    assert_eq!(
        line_diff("error\n", "error  \n"),
        "@@ expected line 1, actual line 1 @@\n- error\n+ error  ⏎\n"
    );
    assert_eq!(
        line_diff("end\n", "end"),
        "@@ expected line 1, actual line 1 @@\n- end\n+ end (no newline at end)\n"
    );
    assert_eq!(
        line_diff("red\n", "\x1b[31mred\r\n"),
        "@@ expected line 1, actual line 1 @@\n- red\n+ \\u{1b}[31mred\\r\n"
    );
    // Large texts with nothing in common are shown whole rather than aligned.
    let a: String = (0..3000).map(|i| format!("a{i}\n")).collect();
    let b: String = (0..3000).map(|i| format!("b{i}\n")).collect();
    let diff = line_diff(&a, &b);
    assert_eq!(diff.lines().filter(|l| l.starts_with("- ")).count(), 3000);
    assert_eq!(diff.lines().filter(|l| l.starts_with("+ ")).count(), 3000);
}

const REPORT: &str = r#"{
  "domain": "example.com",
  "tree": null,
  "lookups": 0, "lookup_limit": 10, "void_lookups": 0, "void_lookup_limit": 2,
  "findings": [
    {"code": "spf-missing", "severity": "error", "subject": "example.com", "message": "m"FINDING}
  ]EXTRA
}"#;

fn report(finding: &str, extra: &str) -> Result<SpfReport, serde_json::Error> {
    serde_json::from_str(&REPORT.replace("FINDING", finding).replace("EXTRA", extra))
}

#[test]
fn mirror_structs_refuse_what_the_readme_does_not_document() {
    report("", "").expect("the documented shape");
    report(r#", "location": {"record": "r", "start": 0, "end": 1}"#, "").expect("a location");
    let unknown = report(r#", "hint": "x""#, "").unwrap_err();
    assert!(
        unknown.to_string().contains("unknown field `hint`"),
        "{unknown}"
    );
    let unknown = report("", r#", "extra": 1"#).unwrap_err();
    assert!(
        unknown.to_string().contains("unknown field `extra`"),
        "{unknown}"
    );
    // Left out when empty: never null.
    report(r#", "location": null"#, "").unwrap_err();
    report(
        r#", "location": {"record": "r", "start": 0, "end": 1, "x": 0}"#,
        "",
    )
    .unwrap_err();
    // Only the documented severities.
    serde_json::from_str::<SpfReport>(
        &REPORT
            .replace("FINDING", "")
            .replace("EXTRA", "")
            .replace("error", "fatal"),
    )
    .unwrap_err();

    let eval = |extra: &str| {
        serde_json::from_str::<Evaluation>(&format!(
            r#"{{"result": "pass", "domain": "d", "sender": "s", "identity": "helo",
                "mechanism": null, "explanation": null, "explanation_source": null,
                "problem": null, "dns_terms": 0, "void_lookups": 0{extra}}}"#
        ))
    };
    assert!(eval("").expect("no trace").trace.is_none());
    let traced = eval(
        r#", "trace": [{"depth": 0, "event": "check-host", "domain": "d"},
        {"depth": 0, "event": "term", "term": "mx", "outcome": "no-match"}]"#,
    )
    .expect("a trace");
    assert_eq!(traced.trace.map(|t| t.len()), Some(2));
    eval(r#", "trace": null"#).unwrap_err();
    eval(r#", "trace": [{"depth": 0, "event": "check-host", "domain": "d", "x": 1}]"#).unwrap_err();
    eval(r#", "trace": [{"depth": 0, "event": "guess", "domain": "d"}]"#).unwrap_err();
    // Fields that are always printed may be null, never missing.
    let missing = serde_json::from_str::<Evaluation>(
        r#"{"result": "pass", "domain": "d", "sender": "s", "identity": "helo",
            "mechanism": null, "explanation_source": null, "problem": null,
            "dns_terms": 0, "void_lookups": 0}"#,
    )
    .unwrap_err();
    assert!(missing.to_string().contains("explanation"), "{missing}");

    serde_json::from_str::<Entry>(
        r#"{"code": "c", "severity": "info", "summary": "s", "explanation": "e", "fix": "f",
            "rfc": "r", "see_also": []}"#,
    )
    .unwrap_err();
}

#[test]
fn temp_dirs_are_unique_and_removed_on_drop_and_on_panic() {
    let (first, second) = (TempDir::new("selftest"), TempDir::new("selftest"));
    assert_ne!(first.path(), second.path());
    let file = first.write("sub/dir/file.txt", "x");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    let (first_path, second_path) = (first.path().to_path_buf(), second.path().to_path_buf());
    drop(first);
    assert!(!first_path.exists());
    assert!(second_path.is_dir());
    drop(second);
    assert!(!second_path.exists());

    let mut inside = PathBuf::new();
    panic_message(|| {
        let dir = TempDir::new("selftest-panic");
        inside = dir.write("file", "y");
        panic!("a failing test");
    });
    assert!(
        inside.starts_with(std::env::temp_dir()),
        "{}",
        inside.display()
    );
    assert!(!inside.exists() && !inside.parent().unwrap().exists());
}
