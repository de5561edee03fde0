//! `mailaudit spf DOMAIN` through the live DNS path against the in-process DNS server: every
//! finding code of the catalog is triggered, clean records raise nothing, and failures of DNS are
//! reported as failures, never as missing records.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::support::dns_server::{TestDns, Zone};
use crate::support::run::{Output, mailaudit};

/// Runs `spf DOMAIN` against `zone` and returns the output and the parsed JSON report.
fn audit_json(zone: Zone, domain: &str) -> (Output, Value) {
    let dns = TestDns::start(zone);
    let out = mailaudit(&[
        "--resolver",
        &dns.resolver_arg(),
        "--timeout",
        "0.5",
        "--format",
        "json",
        "spf",
        domain,
    ]);
    let json = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", out.stdout, out.stderr));
    (out, json)
}

fn codes(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| f["code"].as_str().expect("code").to_string())
        .collect()
}

fn zone(build: impl FnOnce(&mut Zone)) -> Zone {
    let mut z = Zone::new();
    build(&mut z);
    z
}

/// One zone per finding code, each built to trigger that code at example.com.
fn cases() -> Vec<(&'static str, Zone)> {
    let spf = |record: &'static str| {
        zone(move |z| {
            z.txt("example.com", &[record]);
        })
    };
    vec![
        (
            "dns-lookup-failed",
            zone(|z| {
                z.txt("example.com", &["v=spf1 include:broken.example.net -all"]);
                z.servfail("broken.example.net");
            }),
        ),
        ("spf-missing", spf("google-site-verification=abc")),
        (
            "spf-multiple-records",
            zone(|z| {
                z.txt("example.com", &["v=spf1 mx -all"]);
                z.txt("example.com", &["v=spf1 ip4:192.0.2.1 -all"]);
            }),
        ),
        (
            "spf-syntax-error",
            spf("v=spf1 ip4:192.0.2.1 includ:_spf.example.net -all"),
        ),
        ("spf-invalid-network", spf("v=spf1 ip4:192.0.2.0/33 -all")),
        ("spf-bad-macro", spf("v=spf1 exists:%{q}.example.net -all")),
        (
            "spf-duplicate-modifier",
            spf("v=spf1 redirect=a.example.net redirect=b.example.net"),
        ),
        (
            "spf-too-many-lookups",
            zone(|z| {
                z.txt(
                    "example.com",
                    &["v=spf1 include:a.example.net include:b.example.net -all"],
                );
                z.txt("a.example.net", &["v=spf1 a:h1.example.net a:h2.example.net a:h3.example.net a:h4.example.net a:h5.example.net ~all"]);
                z.txt("b.example.net", &["v=spf1 a:h1.example.net a:h2.example.net a:h3.example.net a:h4.example.net a:h5.example.net ~all"]);
                for h in 1..=5 {
                    z.a(&format!("h{h}.example.net"), "192.0.2.1");
                }
            }),
        ),
        (
            "spf-too-many-void-lookups",
            spf("v=spf1 a:gone1.example.com a:gone2.example.com mx:gone3.example.com -all"),
        ),
        (
            "spf-include-loop",
            zone(|z| {
                z.txt("example.com", &["v=spf1 include:a.example.net -all"]);
                z.txt("a.example.net", &["v=spf1 include:example.com ~all"]);
            }),
        ),
        (
            "spf-target-no-record",
            zone(|z| {
                z.txt("example.com", &["v=spf1 include:nospf.example.net -all"]);
                z.txt("nospf.example.net", &["not spf"]);
            }),
        ),
        ("spf-pass-all", spf("v=spf1 mx +all")),
        ("spf-neutral-all", spf("v=spf1 ip4:192.0.2.1 ?all")),
        ("spf-no-all", spf("v=spf1 ip4:192.0.2.1")),
        (
            "spf-redirect-with-all",
            spf("v=spf1 -all redirect=other.example.net"),
        ),
        ("spf-terms-after-all", spf("v=spf1 -all ip4:192.0.2.1")),
        ("spf-ptr", spf("v=spf1 ptr -all")),
        (
            "spf-mx-too-many-names",
            zone(|z| {
                z.txt("example.com", &["v=spf1 mx -all"]);
                for i in 0..11 {
                    z.mx("example.com", 10, &format!("mx{i}.example.com"));
                }
            }),
        ),
        (
            "spf-unknown-modifier",
            spf("v=spf1 ip4:192.0.2.1 -all moo=cow"),
        ),
        (
            "spf-string-too-long",
            zone(|z| {
                // The wire cannot carry a string over 255 bytes; the served record is fine and the
                // finding is checked through `lint spf` and `--zone` below.
                z.txt("example.com", &["v=spf1 -all"]);
            }),
        ),
        (
            "spf-record-too-long",
            zone(|z| {
                let nets: Vec<String> = (0..33).map(|i| format!("ip4:192.0.2.{i}")).collect();
                let record = format!("v=spf1 {} -all", nets.join(" "));
                let (a, b) = record.split_at(250);
                z.txt("example.com", &[a, b]);
            }),
        ),
        (
            "spf-split-in-term",
            zone(|z| {
                z.txt(
                    "example.com",
                    &["v=spf1 ip4:192.0.2.1", "ip4:198.51.100.1 -all"],
                );
            }),
        ),
        (
            "spf-obsolete-rr-type",
            zone(|z| {
                z.txt("example.com", &["v=spf1 -all"]);
                z.spf_rr("example.com", &["v=spf1 -all"]);
            }),
        ),
        (
            "spf-duplicate-include",
            zone(|z| {
                z.txt(
                    "example.com",
                    &["v=spf1 include:a.example.net include:b.example.net -all"],
                );
                z.txt("a.example.net", &["v=spf1 include:c.example.net ~all"]);
                z.txt("b.example.net", &["v=spf1 include:c.example.net ~all"]);
                z.txt("c.example.net", &["v=spf1 ip4:192.0.2.1 ~all"]);
            }),
        ),
    ]
}

#[test]
fn every_finding_code_is_triggered_through_dns() {
    let catalog: BTreeSet<&str> = mailaudit::finding::catalog::all()
        .map(mailaudit::finding::Code::as_str)
        .collect();
    let mut covered = BTreeSet::new();
    let mut failures = Vec::new();
    for (code, zone) in cases() {
        covered.insert(code);
        if code == "spf-string-too-long" {
            continue;
        }
        let (out, report) = audit_json(zone, "example.com");
        let found = codes(&report);
        if !found.iter().any(|c| c == code) {
            failures.push(format!("{code}: not raised; got {found:?}\n{}", out.stdout));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(covered, catalog, "every catalog code needs a case");
}

#[test]
fn clean_records_raise_nothing_and_exit_0() {
    let clean = zone(|z| {
        z.txt("example.com", &["v=spf1 mx include:_spf.example.net -all"]);
        z.txt("example.com", &["google-site-verification=abc"]);
        z.mx("example.com", 10, "mail.example.com");
        z.a("mail.example.com", "192.0.2.25");
        z.txt(
            "_spf.example.net",
            &["v=spf1 ip4:198.51.100.0/24 ip6:2001:db8::/32 ~all"],
        );
    });
    let (out, report) = audit_json(clean, "example.com");
    assert_eq!(codes(&report), Vec::<String>::new(), "{}", out.stdout);
    assert_eq!(out.code, 0);
    assert_eq!(report["lookups"], 2);
    assert_eq!(
        report["tree"]["terms"][1]["target"]["domain"],
        "_spf.example.net"
    );
}

/// The acceptance case: includes spending 12 lookups, with where they go.
fn twelve_lookups() -> Zone {
    zone(|z| {
        z.txt(
            "example.com",
            &["v=spf1 include:a.example.net include:b.example.net mx -all"],
        );
        z.txt(
            "a.example.net",
            &["v=spf1 include:c.example.net a:h1.example.net a:h2.example.net ~all"],
        );
        z.txt(
            "c.example.net",
            &["v=spf1 a:h3.example.net a:h4.example.net ~all"],
        );
        z.txt(
            "b.example.net",
            &["v=spf1 a:h1.example.net a:h2.example.net a:h3.example.net a:h4.example.net ~all"],
        );
        z.mx("example.com", 10, "h1.example.net");
        for h in 1..=4 {
            z.a(&format!("h{h}.example.net"), "192.0.2.1");
        }
    })
}

#[test]
fn twelve_lookups_are_reported_with_their_branches() {
    let dns = TestDns::start(twelve_lookups());
    let text = mailaudit(&[
        "--resolver",
        &dns.resolver_arg(),
        "--color",
        "never",
        "spf",
        "example.com",
    ]);
    assert_eq!(text.code, 1, "{}", text.stdout);
    assert!(
        text.stdout.contains("spf-too-many-lookups"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains(
            "12 DNS lookups, limit 10 (include:a.example.net 6, include:b.example.net 5, mx 1)"
        ),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("include:c.example.net  [3 lookups]"),
        "{}",
        text.stdout
    );

    let json = mailaudit(&[
        "--resolver",
        &dns.resolver_arg(),
        "--format",
        "json",
        "spf",
        "example.com",
    ]);
    assert_eq!(json.code, 1);
    let report: Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(report["lookups"], 12);
    assert_eq!(report["lookup_limit"], 10);
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "spf-too-many-lookups")
        .expect("finding");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["subject"], "example.com");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("12 DNS lookups")
    );
    let branches: Vec<(String, u64)> = report["tree"]["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["term"].as_str().unwrap().to_string(),
                t["lookups"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        branches,
        [
            ("include:a.example.net".to_string(), 6),
            ("include:b.example.net".to_string(), 5),
            ("mx".to_string(), 1),
            ("-all".to_string(), 0)
        ]
    );
}

#[test]
fn yaml_carries_the_same_facts() {
    let dns = TestDns::start(twelve_lookups());
    let out = mailaudit(&[
        "--resolver",
        &dns.resolver_arg(),
        "--format",
        "yaml",
        "spf",
        "example.com",
    ]);
    assert_eq!(out.code, 1);
    let report: Value = serde_yaml::from_str(&out.stdout).expect("YAML");
    assert_eq!(report["lookups"], 12);
    assert_eq!(report["findings"][0]["code"], "spf-too-many-lookups");
}

#[test]
fn servfail_on_an_include_is_a_lookup_failure_not_a_missing_record() {
    let (out, report) = audit_json(
        zone(|z| {
            z.txt("example.com", &["v=spf1 include:broken.example.net -all"]);
            z.servfail("broken.example.net");
        }),
        "example.com",
    );
    let found = codes(&report);
    assert_eq!(found, ["dns-lookup-failed"], "{}", out.stdout);
    assert!(
        report["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("SERVFAIL")
    );
    assert_eq!(report["findings"][0]["subject"], "broken.example.net");
    assert_eq!(out.code, 1);
}

#[test]
fn timeout_on_the_domain_is_a_lookup_failure() {
    let (out, report) = audit_json(
        zone(|z| {
            z.silent("example.com", Some("TXT"));
        }),
        "example.com",
    );
    assert_eq!(codes(&report), ["dns-lookup-failed"], "{}", out.stdout);
    assert!(
        report["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("timed out")
    );
}

#[test]
fn fail_on_controls_the_exit_status() {
    let dns = TestDns::start(zone(|z| {
        z.txt("example.com", &["v=spf1 ip4:192.0.2.1 ?all"]);
    }));
    let run = |fail_on: &str| {
        mailaudit(&[
            "--resolver",
            &dns.resolver_arg(),
            "--fail-on",
            fail_on,
            "spf",
            "example.com",
        ])
        .code
    };
    assert_eq!(run("error"), 0);
    assert_eq!(run("warning"), 1);
    assert_eq!(run("never"), 0);
}

#[test]
fn invalid_domains_exit_2_with_one_line() {
    for bad in ["exa mple.com", "-bad.example", "com", "a..b.example"] {
        let out = mailaudit(&["spf", "--", bad]);
        assert_eq!(out.code, 2, "{bad}: {}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
        assert!(out.stderr.contains("invalid domain"), "{}", out.stderr);
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn zone_file_source_answers_offline() {
    let dir = std::env::temp_dir().join(format!("mailaudit-zone-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("example.com.zone");
    let long = format!("v=spf1 {} -all", "ip4:192.0.2.1 ".repeat(20));
    std::fs::write(
        &path,
        format!(
            "$ORIGIN example.com.\n$TTL 300\n@ IN TXT \"v=spf1 include:_spf.example.com -all\"\n_spf IN TXT \"{long}\"\n"
        ),
    )
    .unwrap();
    let out = mailaudit(&[
        "--zone",
        path.to_str().unwrap(),
        "--format",
        "json",
        "spf",
        "example.com",
    ]);
    let report: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {} {}", out.stdout, out.stderr));
    assert_eq!(codes(&report), ["spf-string-too-long"], "{}", out.stdout);
    assert_eq!(report["findings"][0]["subject"], "_spf.example.com");

    let missing = mailaudit(&["--zone", "/nonexistent/zone", "spf", "example.com"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("cannot read zone file"),
        "{}",
        missing.stderr
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn lint_spf_checks_text_and_follows_includes_with_resolve() {
    let long = format!("v=spf1 {} -all", "ip4:192.0.2.1 ".repeat(20));
    let out = mailaudit(&["--format", "json", "lint", "spf", &long]);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(codes(&report), ["spf-string-too-long"]);
    assert_eq!(out.code, 1);

    let out = mailaudit(&[
        "--color",
        "never",
        "lint",
        "spf",
        "v=spf1 ip4:192.0.2.300 -all",
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("           ^^^^^^^^^^^\n"),
        "{}",
        out.stdout
    );

    let dns = TestDns::start(twelve_lookups());
    let record = "v=spf1 include:a.example.net include:b.example.net mx:example.com -all";
    let out = mailaudit(&[
        "--resolver",
        &dns.resolver_arg(),
        "--format",
        "json",
        "lint",
        "spf",
        "--resolve",
        record,
    ]);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["lookups"], 12);
    let unresolved = mailaudit(&["--format", "json", "lint", "spf", record]);
    let report: Value = serde_json::from_str(&unresolved.stdout).unwrap();
    assert_eq!(report["lookups"], 3);
    assert_eq!(unresolved.code, 0);
}

#[test]
fn untrusted_text_is_escaped_in_text_output() {
    let dns = TestDns::start(zone(|z| {
        z.txt("example.com", &["v=spf1 ip4:192.0.2.1 \x1b[31mred -all"]);
    }));
    let out = mailaudit(&[
        "--resolver",
        &dns.resolver_arg(),
        "--color",
        "never",
        "spf",
        "example.com",
    ]);
    assert!(!out.stdout.contains('\x1b'), "{:?}", out.stdout);
    assert!(out.stdout.contains("\\x1b[31mred"), "{}", out.stdout);
}
