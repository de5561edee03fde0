//! Output options shared by every command: formats, colour, quiet, explain, completions.

use crate::support::dns_server::{TestDns, Zone};
use crate::support::run::{mailaudit, mailaudit_env};

fn server() -> TestDns {
    let mut z = Zone::new();
    z.txt("warn.example.com", &["v=spf1 ip4:192.0.2.1 ?all"])
        .txt("clean.example.com", &["v=spf1 ip4:192.0.2.1 -all"]);
    TestDns::start(z)
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let dns = server();
    let args = |color: &'static str| {
        vec![
            "--resolver".to_string(),
            dns.resolver_arg(),
            "--color".into(),
            color.into(),
            "spf".into(),
            "warn.example.com".into(),
        ]
    };
    let run = |color, env: &[(&str, &str)]| {
        let a = args(color);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        mailaudit_env(&a, env).stdout
    };
    assert!(run("always", &[]).contains("\x1b["));
    assert!(!run("never", &[]).contains('\x1b'));
    // Not a terminal: auto means no colour, and NO_COLOR changes nothing about that.
    assert!(!run("auto", &[]).contains('\x1b'));
    assert!(!run("auto", &[("NO_COLOR", "1")]).contains('\x1b'));
}

#[test]
fn quiet_prints_only_findings_or_nothing() {
    let dns = server();
    let r = dns.resolver_arg();
    let clean = mailaudit(&["--resolver", &r, "-q", "spf", "clean.example.com"]);
    assert_eq!((clean.code, clean.stdout.as_str()), (0, ""));
    let warn = mailaudit(&[
        "--resolver",
        &r,
        "-q",
        "--color",
        "never",
        "spf",
        "warn.example.com",
    ]);
    assert!(warn.stdout.starts_with("Findings\n"), "{}", warn.stdout);
    assert!(warn.stdout.contains("spf-neutral-all"));
    assert!(!warn.stdout.contains("DNS lookups"));
}

#[test]
fn explain_prints_one_entry_or_the_catalog() {
    let one = mailaudit(&["--color", "never", "explain", "spf-too-many-lookups"]);
    assert_eq!(one.code, 0);
    let entry = mailaudit::spf::codes::TOO_MANY_LOOKUPS.entry();
    assert!(one.stdout.contains(entry.summary) && one.stdout.contains(entry.rfc));
    assert!(one.stdout.contains("Fix"));
    let all = mailaudit(&["--color", "never", "explain"]);
    assert_eq!(
        all.stdout.lines().count(),
        mailaudit::finding::catalog::all().count()
    );
    let json = mailaudit(&["--format", "json", "explain", "spf-ptr"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["code"], "spf-ptr");
    assert_eq!(v["severity"], "warning");
    let unknown = mailaudit(&["explain", "spf-nonsense"]);
    assert_eq!(unknown.code, 2);
    assert_eq!(unknown.stderr.lines().count(), 1);
}

#[test]
fn completions_are_printed_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = mailaudit(&["completions", shell]);
        assert_eq!(out.code, 0, "{shell}");
        assert!(out.stdout.contains("mailaudit"), "{shell}");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(mailaudit(&["spf"]).code, 2);
    assert_eq!(mailaudit(&["--format", "xml", "explain"]).code, 2);
    assert_eq!(mailaudit(&["--timeout", "-1", "explain"]).code, 2);
    assert_eq!(mailaudit(&["--resolver", "not-an-ip", "explain"]).code, 2);
    assert_eq!(mailaudit(&["no-such-command"]).code, 2);
}
