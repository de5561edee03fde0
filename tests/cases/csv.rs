//! `check --format csv`: a header row, then one RFC 4180 row per domain with each area's status
//! and its key facts, read back through a reference CSV reader; text from DNS escaped and kept
//! from being a formula; the format refused for every other command.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::https_server::{Reply, TestCa, TestHttps};
use crate::support::model::CheckReport;
use crate::support::smtp_personas;
use crate::support::smtp_server::TestSmtp;
use crate::support::temp::TempDir;

const COLUMNS: [&str; 21] = [
    "domain",
    "spf",
    "dmarc",
    "dkim",
    "mx",
    "smtp",
    "mta_sts",
    "tls_rpt",
    "bimi",
    "spf_lookups",
    "dmarc_policy",
    "dkim_selectors",
    "mx_hosts",
    "starttls",
    "mta_sts_mode",
    "tls_rpt_rua",
    "bimi_logo",
    "errors",
    "warnings",
    "incomplete",
    "input_error",
];

/// The records of a CSV output, header first, read by the `csv` crate; every record must end
/// in CRLF.
fn records(out: &Output) -> Vec<Vec<String>> {
    assert!(out.stdout.ends_with("\r\n"), "{out}");
    assert_eq!(
        out.stdout.matches("\r\n").count(),
        out.stdout.matches('\n').count(),
        "a line ends without CR: {out}"
    );
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(out.stdout.as_bytes())
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("{e}\n{out}"));
            r.iter().map(str::to_string).collect()
        })
        .collect()
}

/// A record as column name -> value.
fn by_column(record: &[String]) -> Vec<(&'static str, &str)> {
    assert_eq!(record.len(), COLUMNS.len(), "{record:?}");
    COLUMNS
        .iter()
        .copied()
        .zip(record.iter().map(String::as_str))
        .collect()
}

/// The value of column `name` in a record read by [`by_column`].
fn field<'a>(row: &[(&str, &'a str)], name: &str) -> &'a str {
    row.iter()
        .find(|(n, _)| *n == name)
        .map_or_else(|| panic!("no column {name}"), |(_, v)| *v)
}

/// How many findings of `severity` a JSON report holds, at any depth.
fn findings_of(value: &serde_json::Value, severity: &str) -> usize {
    match value {
        serde_json::Value::Array(items) => items.iter().map(|v| findings_of(v, severity)).sum(),
        serde_json::Value::Object(map) => {
            let here = map.contains_key("code") && map.get("severity") == Some(&severity.into());
            usize::from(here)
                + map
                    .values()
                    .map(|v| findings_of(v, severity))
                    .sum::<usize>()
        }
        _ => 0,
    }
}

fn check_csv(dns: &TestDns, args: &[&str]) -> Output {
    Mailaudit::new()
        .dns(dns)
        .timeout("0.5")
        .format("csv")
        .arg("check")
        .args(args)
        .run()
}

/// example.com with every area published: two DKIM selectors, an MTA-STS policy in enforce
/// mode served over HTTPS, a BIMI logo, and its MX host on 127.0.0.1 played by the scripted
/// SMTP server with `personality`, all under a test CA. Returns the zone, the options and what must keep running.
fn everything(personality: &str) -> (Zone, Vec<String>, Vec<Box<dyn std::any::Any>>) {
    let ca = TestCa::new("mailaudit test CA");
    let dir = TempDir::new("csv-probe");
    let pem = ca.pem_file(&dir);
    let policy = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n";
    let https = TestHttps::start(ca.leaf(&["mta-sts.example.com"]), Reply::policy(policy));
    let smtp = TestSmtp::start(smtp_personas::personality(personality, &ca));
    let key = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 mx a:out.example.com -all"]);
    z.mx("example.com", 10, "mail.example.com");
    z.a("mail.example.com", "127.0.0.1");
    z.a("out.example.com", "192.0.2.1");
    z.txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
    z.txt("s1._domainkey.example.com", &[key]);
    z.txt("s2._domainkey.example.com", &[key]);
    z.txt("_mta-sts.example.com", &["v=STSv1; id=20240101"]);
    z.a("mta-sts.example.com", "127.0.0.1");
    z.txt(
        "_smtp._tls.example.com",
        &["v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example.net/tls"],
    );
    z.txt(
        "default._bimi.example.com",
        &["v=BIMI1; l=https://example.com/logo.svg"],
    );
    let options = [
        "--ca-file".to_string(),
        pem.display().to_string(),
        "--mta-sts-port".to_string(),
        https.port().to_string(),
        "--probe-port".to_string(),
        smtp.port().to_string(),
    ];
    let servers: Vec<Box<dyn std::any::Any>> = vec![Box::new(https), Box::new(smtp), Box::new(dir)];
    (z, options.to_vec(), servers)
}

#[test]
fn one_domain_is_a_header_and_a_row_with_every_column() {
    let (zone, options, servers) = everything("good");
    let dns = TestDns::start(zone);
    let mut args = vec!["example.com", "--selector", "s1", "--selector", "s2"];
    args.extend(options.iter().map(String::as_str));
    let out = check_csv(&dns, &args);
    let json = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .format("json")
        .arg("check")
        .args(&args)
        .run();
    drop(servers);
    let records = records(&out);
    assert_eq!(records.len(), 2, "{out}");
    assert_eq!(records[0], COLUMNS, "{out}");
    let _: CheckReport = json.json_as();
    // The counts are those of the whole report, every area's findings included.
    let count = |severity: &str| findings_of(&json.json(), severity).to_string();
    // The warnings: no rua=, Ed25519 keys only, and no PTR for 127.0.0.1 (the test DNS server,
    // asked as every name is, has none).
    assert_eq!((count("error"), count("warning")), ("1".into(), "3".into()));
    assert_eq!(
        by_column(&records[1]),
        [
            ("domain", "example.com"),
            ("spf", "ok"),
            // No rua=; Ed25519 keys only; the MX host is on loopback.
            ("dmarc", "warnings"),
            ("dkim", "warnings"),
            ("mx", "errors"),
            ("smtp", "ok"),
            ("mta_sts", "ok"),
            ("tls_rpt", "ok"),
            // Only a note (no a= evidence): "ok", as on the scorecard.
            ("bimi", "ok"),
            ("spf_lookups", "2"),
            ("dmarc_policy", "reject"),
            ("dkim_selectors", "s1;s2"),
            ("mx_hosts", "mail.example.com"),
            ("starttls", "all"),
            ("mta_sts_mode", "enforce"),
            (
                "tls_rpt_rua",
                "mailto:tls@example.com;https://r.example.net/tls"
            ),
            ("bimi_logo", "https://example.com/logo.svg"),
            ("errors", "1"),
            ("warnings", "3"),
            ("incomplete", "false"),
            ("input_error", ""),
        ],
        "{out}"
    );
}

/// An MX host that does not offer STARTTLS: "none" of the sessions that connected has TLS.
#[test]
fn starttls_says_on_how_many_sessions_tls_was_established() {
    let (zone, options, servers) = everything("no-starttls");
    let dns = TestDns::start(zone);
    let mut args = vec!["example.com", "--selector", "s1"];
    args.extend(options.iter().map(String::as_str));
    let out = check_csv(&dns, &args);
    drop(servers);
    let records = records(&out);
    let row = by_column(&records[1]);
    assert_eq!(field(&row, "starttls"), "none", "{out}");
    assert_eq!(field(&row, "smtp"), "errors", "{out}");
}

/// Fields from DNS that hold commas, quotes, control characters or a formula are read back
/// whole by a CSV reader, escaped, and with a leading `'` where a spreadsheet would compute.
#[test]
fn text_from_dns_round_trips_and_is_never_a_formula() {
    let mut z = Zone::new();
    z.txt("odd.example", &["v=spf1 -all"]);
    z.mx("odd.example", 10, "mail.odd.example");
    z.a("mail.odd.example", "192.0.2.1");
    z.txt(
        "_smtp._tls.odd.example",
        &["v=TLSRPTv1; rua=@SUM(1+1)*cmd,mailto:\"q\"@odd.example,mailto:x\x1b[31m@odd.example"],
    );
    z.txt(
        "default._bimi.odd.example",
        &["v=BIMI1; l==HYPERLINK(\"https://evil.example/\",\"click, here\")"],
    );
    let dns = TestDns::start(z);
    let out = check_csv(&dns, &["odd.example", "--no-probe", "--selector", "s1"]);
    let records = records(&out);
    assert_eq!(records.len(), 2, "{out}");
    let row = by_column(&records[1]);
    assert_eq!(
        field(&row, "tls_rpt_rua"),
        "'@SUM(1+1)*cmd;mailto:\"q\"@odd.example;mailto:x\\x1b[31m@odd.example",
        "{out}"
    );
    assert_eq!(
        field(&row, "bimi_logo"),
        "'=HYPERLINK(\"https://evil.example/\",\"click, here\")",
        "{out}"
    );
    assert!(!out.stdout.contains('\x1b'), "{out}");
}

/// A list: the header once, then one row per input line in the order they finish — an invalid
/// line's row holds the line and why, and nothing else — and no closing table.
#[test]
fn a_list_is_a_header_and_one_row_per_line() {
    let mut z = Zone::new();
    z.txt("two.example", &["v=spf1 -all"]);
    z.mx("two.example", 20, "b.mx.example");
    z.mx("two.example", 10, "a.mx.example");
    z.a("a.mx.example", "192.0.2.1")
        .a("b.mx.example", "192.0.2.2");
    z.txt(
        "_dmarc.two.example",
        &["v=DMARC1; p=quarantine; rua=mailto:d@two.example"],
    );
    z.txt("parked.example", &["v=spf1 -all"]);
    z.mx("parked.example", 0, ".");
    z.txt("_dmarc.parked.example", &["v=DMARC1; p=reject"]);
    let dns = TestDns::start(z);
    let dir = TempDir::new("csv-list");
    let list = dir.write(
        "domains.txt",
        "two.example\n=cmd|' /C calc'!A0, \"x\"\nparked.example\n",
    );
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .format("csv")
        .args(["check", "--no-probe", "--selector", "s1", "--domains-file"])
        .arg(&list)
        .run();
    // The bad line is data in a list; the domains' error findings give 1.
    out.assert_code(1);
    let records = records(&out);
    assert_eq!(records.len(), 4, "{out}");
    assert_eq!(records[0], COLUMNS, "{out}");
    assert!(!out.stdout.contains("domains\r\n") && !out.stdout.contains("status"));
    let row = |domain: &str| {
        records[1..]
            .iter()
            .find(|r| r[0] == domain)
            .map_or_else(|| panic!("no row for {domain}: {out}"), |r| by_column(r))
    };
    let two = row("two.example");
    assert_eq!(
        field(&two, "mx_hosts"),
        "a.mx.example;b.mx.example",
        "{out}"
    );
    assert_eq!(field(&two, "smtp"), "not probed", "{out}");
    assert_eq!(field(&two, "starttls"), "", "{out}");
    assert_eq!(field(&two, "dmarc_policy"), "quarantine", "{out}");
    assert_eq!(field(&two, "spf_lookups"), "0", "{out}");
    assert_eq!(field(&two, "mta_sts"), "none", "{out}");
    assert_eq!(field(&two, "dkim_selectors"), "", "{out}");
    let parked = row("parked.example");
    assert_eq!(field(&parked, "mx_hosts"), ".", "{out}");
    assert_eq!(field(&parked, "dmarc_policy"), "reject", "{out}");
    // The line as given, neutralised; every other column empty but the reason.
    let invalid = row("'=cmd|' /C calc'!A0, \"x\"");
    for (name, value) in &invalid[1..COLUMNS.len() - 1] {
        assert_eq!(*value, "", "{name}: {out}");
    }
    let (_, reason) = invalid[COLUMNS.len() - 1];
    assert!(!reason.is_empty(), "{out}");
}

#[test]
fn csv_is_for_check_only_and_refused_before_any_lookup() {
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 -all"]);
    let dns = TestDns::start(z);
    for command in [
        &["spf", "example.com"][..],
        &["mx", "example.com"],
        &["dmarc", "example.com"],
        &["explain", "spf-ptr"],
    ] {
        let out = Mailaudit::new().dns(&dns).format("csv").args(command).run();
        out.assert_code(2);
        assert_eq!(out.stderr.lines().count(), 1, "{out}");
        out.assert_stderr_contains("--format csv is for `check` only");
        assert_eq!(out.stdout, "", "{out}");
    }
    assert!(dns.queries().is_empty(), "{:?}", dns.queries());
}
