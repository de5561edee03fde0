//! The config file (`mailaudit.toml`): where it is found, every key parsed, every error message
//! (file, line and key), `[defaults]` applied and overridden by the command line, and
//! `[domains]` settings used by `check`, `dkim DOMAIN` and `bimi DOMAIN`.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{CheckReport, DkimReport};
use crate::support::temp::TempDir;

use super::check::healthy;

/// Every key the file knows, once.
const EVERY_KEY: &str = r#"
[defaults]
resolver = ["192.0.2.53", "[2001:db8::53]:5353"]
timeout = 3
budget = 7.5
dns-concurrency = 64
qps = 100
format = "yaml"
color = "never"
fail-on = "warning"
quiet = false
ca-file = "/nonexistent/ca.pem"

[domains."Example.COM."]
selectors = ["s2026q4", "ed2026q4"]
bimi_selector = "Brand"
parked = false
state = "/nonexistent/state.yaml"

[policy."*.example.com"]
dmarc_policy = "reject"
dmarc_sp = "quarantine"
dmarc_np = "none"
min_rsa_bits = 2048
ed25519 = true
mta_sts_mode = "enforce"
tls_rpt = true
spf_max_lookups = 8
spf_include = ["_spf.provider.example"]
spf_exclude = ["_spf.old.example"]
mx = ["mx1.example.com", "mx2.example.com"]

[[ignore]]
code = "mx-no-aaaa"
domain = "*.example.com"
subject = "mx1.example.com"
reason = "IPv6 on the MX hosts is planned for Q2"
until = 2027-03-01
"#;

/// `mailaudit --config FILE ARGS...` with `contents` as FILE.
fn with_config(contents: &str, args: &[&str]) -> Output {
    let dir = TempDir::new("config");
    let path = dir.write("mailaudit.toml", contents);
    Mailaudit::new().arg("--config").arg(&path).args(args).run()
}

/// The one-line error for `contents`, after checking the exit status and the file's name.
fn error_of(contents: &str) -> String {
    let out = with_config(contents, &["explain", "spf-ptr"]);
    out.assert_code(2);
    let err = out.stderr.trim_end().to_string();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("mailaudit.toml"), "{err}");
    err
}

#[test]
fn every_key_is_read() {
    let out = with_config(EVERY_KEY, &["explain", "spf-ptr"]);
    out.assert_success();
    // The yaml of [defaults] is applied.
    assert!(out.stdout.contains("code: spf-ptr"), "{out}");
}

#[test]
fn an_unknown_key_names_the_file_the_line_and_the_key() {
    let err = error_of("[defaults]\ntimeout = 3\n\n[policy.\"example.com\"]\ndane = true\n");
    assert!(
        err.contains("mailaudit.toml:5: dane: unknown field `dane`"),
        "{err}"
    );
    let err = error_of("[defaults]\nverbose = true\n");
    assert!(err.contains(":2: verbose: unknown field"), "{err}");
    let err = error_of("[nonsense]\n");
    assert!(err.contains(":1:") && err.contains("nonsense"), "{err}");
}

#[test]
fn a_bad_value_names_the_key() {
    let cases = [
        ("[defaults]\ntimeout = \"soon\"\n", ":2: timeout: "),
        ("[defaults]\ntimeout = 0\n", ":2: timeout: "),
        ("[defaults]\nresolver = [\"not-an-ip\"]\n", ":2: resolver: "),
        ("[defaults]\nformat = \"xml\"\n", ":2: format: "),
        ("[defaults]\ndns-concurrency = 0\n", ":2: dns-concurrency: "),
        (
            "[defaults]\nresolver = [\"192.0.2.1\"]\nzone = [\"a.zone\"]\n",
            ":3: zone: ",
        ),
        (
            "\n[policy.\"example.com\"]\ndmarc_policy = \"strict\"\n",
            ":3: dmarc_policy: ",
        ),
        (
            "[policy.\"example.com\"]\nmta_sts_mode = \"none\"\n",
            ":2: mta_sts_mode: ",
        ),
        ("[policy.\"a.*.com\"]\ntls_rpt = true\n", ":1: policy: "),
        (
            "[domains.\"example.com\"]\nselectors = [\"bad selector\"]\n",
            ":2: selectors: ",
        ),
        ("[domains.\"-bad-.com\"]\nparked = true\n", ":1: domains: "),
        (
            "[[ignore]]\ncode = \"mx-no-aaaa\"\nreason = \"r\"\nuntil = 2027-03-01T10:00:00\n",
            ":4: until: ",
        ),
        (
            "[[ignore]]\ncode = \"mx-no-aaaa\"\ndomain = \"x*\"\nreason = \"r\"\n",
            ":3: domain: ",
        ),
        ("this is not toml\n", ":1: "),
    ];
    for (contents, expected) in cases {
        let err = error_of(contents);
        assert!(err.contains(expected), "{contents:?}: {err}");
    }
}

#[test]
fn an_ignore_rule_needs_a_known_code_and_a_reason() {
    let err = error_of("[[ignore]]\nreason = \"r\"\ncode = \"mx-no-such-thing\"\n");
    assert!(
        err.contains(":3: code: unknown finding code \"mx-no-such-thing\""),
        "{err}"
    );
    let err = error_of("[[ignore]]\ncode = \"mx-no-aaaa\"\n");
    assert!(err.contains("missing field `reason`"), "{err}");
}

#[test]
fn a_config_file_named_must_exist_and_be_small() {
    let missing = Mailaudit::new()
        .args([
            "--config",
            "/nonexistent/mailaudit.toml",
            "explain",
            "spf-ptr",
        ])
        .run();
    missing.assert_code(2);
    assert!(
        missing
            .stderr
            .contains("config /nonexistent/mailaudit.toml: cannot read it"),
        "{missing}"
    );
    let from_env = Mailaudit::new()
        .env("MAILAUDIT_CONFIG", "/nonexistent/env.toml")
        .args(["explain", "spf-ptr"])
        .run();
    from_env.assert_code(2);
    assert!(
        from_env.stderr.contains("/nonexistent/env.toml"),
        "{from_env}"
    );

    let dir = TempDir::new("config-big");
    let big = dir.write("big.toml", "#".repeat(1024 * 1024 + 1));
    let out = Mailaudit::new()
        .arg("--config")
        .arg(&big)
        .args(["explain", "spf-ptr"])
        .run();
    out.assert_code(2);
    assert!(out.stderr.contains("larger than 1048576 bytes"), "{out}");
    let not_file = Mailaudit::new()
        .arg("--config")
        .arg(dir.path())
        .args(["explain", "spf-ptr"])
        .run();
    not_file.assert_code(2);
    assert!(not_file.stderr.contains("not a regular file"), "{not_file}");
}

#[test]
fn the_users_config_file_is_optional_and_read_when_there() {
    let dir = TempDir::new("config-xdg");
    let absent = Mailaudit::new()
        .env_remove("MAILAUDIT_CONFIG")
        .env("XDG_CONFIG_HOME", dir.path())
        .args(["explain", "spf-ptr"])
        .run();
    absent.assert_success();
    dir.write("mailaudit/config.toml", "[defaults]\nformat = \"json\"\n");
    let present = Mailaudit::new()
        .env_remove("MAILAUDIT_CONFIG")
        .env("XDG_CONFIG_HOME", dir.path())
        .args(["explain", "spf-ptr"])
        .run();
    present.assert_success();
    assert!(present.stdout.trim_start().starts_with('{'), "{present}");
}

#[test]
fn a_default_applies_unless_the_command_line_gives_the_option() {
    let config = "[defaults]\nformat = \"json\"\nfail-on = \"never\"\n";
    let out = with_config(config, &["explain", "spf-ptr"]);
    assert!(out.stdout.trim_start().starts_with('{'), "{out}");
    let out = with_config(config, &["explain", "spf-ptr", "--format", "text"]);
    assert!(out.stdout.starts_with("spf-ptr"), "{out}");

    // fail-on = never from the file: the missing records do not fail the run ...
    let dns = TestDns::start(Zone::new());
    let dir = TempDir::new("config-failon");
    let path = dir.write("c.toml", config);
    let run = |extra: &[&str]| {
        Mailaudit::new()
            .dns(&dns)
            .arg("--config")
            .arg(&path)
            .args(["spf", "example.com"])
            .args(extra)
            .run()
    };
    run(&[]).assert_code(0);
    // ... unless the command line says otherwise.
    run(&["--fail-on", "error"]).assert_code(1);
}

#[test]
fn a_resolver_default_yields_to_a_zone_on_the_command_line() {
    let dir = TempDir::new("config-zone");
    let zone = dir.write(
        "example.zone",
        "$ORIGIN example.com.\n@ 300 IN TXT \"v=spf1 -all\"\n",
    );
    // Nothing listens at 127.0.0.1:9: a resolver from the file would fail the run.
    let config = dir.write(
        "c.toml",
        "[defaults]\nresolver = [\"127.0.0.1:9\"]\nqps = 5\n",
    );
    let out = Mailaudit::new()
        .arg("--config")
        .arg(&config)
        .arg("--zone")
        .arg(&zone)
        .args(["spf", "example.com"])
        .run();
    out.assert_code(0);
}

fn zone_with_selector_k1() -> Zone {
    let mut z = Zone::new();
    healthy(&mut z, "example.com");
    z.txt(
        "k1._domainkey.example.com",
        &["v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="],
    );
    z
}

#[test]
fn per_domain_selectors_are_used_by_check_and_dkim() {
    let dns = TestDns::start(zone_with_selector_k1());
    let dir = TempDir::new("config-selectors");
    let path = dir.write(
        "c.toml",
        "[domains.\"example.com\"]\nselectors = [\"k1\"]\nparked = true\n",
    );
    let base = Mailaudit::new()
        .dns(&dns)
        .format("json")
        .arg("--config")
        .arg(&path);
    let check = base
        .clone()
        .args(["check", "--no-probe", "example.com"])
        .run();
    let report: CheckReport = check.json_as();
    let dkim = report.dkim.clone().expect("dkim");
    let names: Vec<&str> = dkim.selectors.iter().map(|s| s.selector.as_str()).collect();
    assert_eq!(names, ["k1"], "{check}");
    assert!(!dkim.discovery);
    // parked = true: the healthy domain's SPF says it sends mail.
    assert!(report.all_codes().contains(&"check-parked-spf"), "{check}");

    let out = base.clone().args(["dkim", "example.com"]).run();
    let report: DkimReport = out.json_as();
    let names: Vec<&str> = report
        .selectors
        .iter()
        .map(|s| s.selector.as_str())
        .collect();
    assert_eq!(names, ["k1"], "{out}");

    // --selector on the command line wins.
    let out = base.args(["dkim", "example.com", "--selector", "s1"]).run();
    let report: DkimReport = out.json_as();
    let names: Vec<&str> = report
        .selectors
        .iter()
        .map(|s| s.selector.as_str())
        .collect();
    assert_eq!(names, ["s1"], "{out}");
}
