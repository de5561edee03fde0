//! `mailaudit spf DOMAIN` through the live DNS path against the in-process DNS server: every
//! finding code of the catalog is triggered (one test per code, from a table), clean records
//! raise nothing, and failures of DNS are reported as failures, never as missing records.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{Severity, SpfReport};
use crate::support::temp::TempDir;

/// Where an audit's data comes from.
enum Fixture {
    /// Served by the in-process DNS server.
    Dns(Box<Zone>),
    /// Served by the in-process DNS server, with these options added.
    DnsWith(Box<Zone>, &'static [&'static str]),
    /// A zone file, read with `--zone`: for data the DNS wire format cannot carry.
    ZoneFile(String),
}

impl From<Zone> for Fixture {
    fn from(zone: Zone) -> Self {
        Fixture::Dns(Box::new(zone))
    }
}

/// Runs `spf DOMAIN` as JSON against `fixture` and returns the output and the report.
fn audit_json(fixture: impl Into<Fixture>, domain: &str) -> (Output, SpfReport) {
    let command = Mailaudit::new().format("json").args(["spf", domain]);
    let out = match fixture.into() {
        Fixture::Dns(zone) => {
            let dns = TestDns::start(*zone);
            command.dns(&dns).timeout("0.5").run()
        }
        Fixture::DnsWith(zone, options) => {
            let dns = TestDns::start(*zone);
            command
                .dns(&dns)
                .timeout("0.5")
                .args(options.iter().copied())
                .run()
        }
        Fixture::ZoneFile(text) => {
            let dir = TempDir::new("spf-audit");
            command.zone(dir.write("example.com.zone", text)).run()
        }
    };
    let report = out.json_as();
    (out, report)
}

fn zone(build: impl FnOnce(&mut Zone)) -> Zone {
    let mut z = Zone::new();
    build(&mut z);
    z
}

/// example.com publishing `record` as its one TXT record.
fn spf(record: &str) -> Zone {
    zone(|z| {
        z.txt("example.com", &[record]);
    })
}

/// Fails the test unless auditing example.com in `fixture` raises `code`.
fn assert_raised(code: &str, fixture: Fixture) {
    let (out, report) = audit_json(fixture, "example.com");
    assert!(
        report.codes().contains(&code),
        "{code}: not raised; got {:?}\n{out}",
        report.codes()
    );
}

/// One fixture per finding code, each built to trigger that code at example.com.
mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        dns_lookup_failed => zone(|z| {
            z.txt("example.com", &["v=spf1 include:broken.example.net -all"]);
            z.servfail("broken.example.net");
        });
        spf_missing => spf("google-site-verification=abc");
        spf_multiple_records => zone(|z| {
            z.txt("example.com", &["v=spf1 mx -all"]);
            z.txt("example.com", &["v=spf1 ip4:192.0.2.1 -all"]);
        });
        spf_syntax_error => spf("v=spf1 ip4:192.0.2.1 includ:_spf.example.net -all");
        spf_invalid_network => spf("v=spf1 ip4:192.0.2.0/33 -all");
        spf_bad_macro => spf("v=spf1 exists:%{q}.example.net -all");
        spf_duplicate_modifier => spf("v=spf1 redirect=a.example.net redirect=b.example.net");
        spf_too_many_lookups => zone(|z| {
            z.txt(
                "example.com",
                &["v=spf1 include:a.example.net include:b.example.net -all"],
            );
            z.txt("a.example.net", &["v=spf1 a:h1.example.net a:h2.example.net a:h3.example.net a:h4.example.net a:h5.example.net ~all"]);
            z.txt("b.example.net", &["v=spf1 a:h1.example.net a:h2.example.net a:h3.example.net a:h4.example.net a:h5.example.net ~all"]);
            for h in 1..=5 {
                z.a(&format!("h{h}.example.net"), "192.0.2.1");
            }
        });
        spf_too_many_void_lookups =>
            spf("v=spf1 a:gone1.example.com a:gone2.example.com mx:gone3.example.com -all");
        spf_include_loop => zone(|z| {
            z.txt("example.com", &["v=spf1 include:a.example.net -all"]);
            z.txt("a.example.net", &["v=spf1 include:example.com ~all"]);
        });
        spf_target_no_record => zone(|z| {
            z.txt("example.com", &["v=spf1 include:nospf.example.net -all"]);
            z.txt("nospf.example.net", &["not spf"]);
        });
        spf_pass_all => spf("v=spf1 mx +all");
        spf_neutral_all => spf("v=spf1 ip4:192.0.2.1 ?all");
        spf_no_all => spf("v=spf1 ip4:192.0.2.1");
        spf_redirect_with_all => spf("v=spf1 -all redirect=other.example.net");
        spf_terms_after_all => spf("v=spf1 -all ip4:192.0.2.1");
        spf_ptr => spf("v=spf1 ptr -all");
        spf_network_too_broad => spf("v=spf1 ip4:0.0.0.0/0 -all");
        // Every name below w.example.net has a record that includes two names below it.
        spf_audit_limit => zone(|z| {
            z.txt("example.com", &["v=spf1 include:x.w.example.net -all"]);
            z.txt_below("w.example.net", |n| {
                vec![format!("v=spf1 include:a.{n} include:b.{n} -all")]
            });
        });
        // Each level answers in 0.2 s (within --timeout), but the chain outlasts --budget.
        spf_audit_deadline => Fixture::DnsWith(
            Box::new(zone(|z| {
                z.txt("example.com", &["v=spf1 include:l.slow.example.net -all"]);
                z.txt_below("slow.example.net", |n| vec![format!("v=spf1 include:l.{n} -all")]);
                z.delay_below("slow.example.net", std::time::Duration::from_millis(200));
            })),
            &["--budget", "0.5"],
        );
        spf_mx_too_many_names => zone(|z| {
            z.txt("example.com", &["v=spf1 mx -all"]);
            for i in 0..11 {
                z.mx("example.com", 10, &format!("mx{i}.example.com"));
            }
        });
        spf_unknown_modifier => spf("v=spf1 ip4:192.0.2.1 -all moo=cow");
        // The DNS wire cannot carry a character-string over 255 bytes; a zone file can.
        spf_string_too_long => Fixture::ZoneFile(format!(
            "$ORIGIN example.com.\n$TTL 300\n@ IN TXT \"v=spf1 {}-all\"\n",
            "ip4:192.0.2.1 ".repeat(20)
        ));
        spf_record_too_long => zone(|z| {
            let nets: Vec<String> = (0..33).map(|i| format!("ip4:192.0.2.{i}")).collect();
            let record = format!("v=spf1 {} -all", nets.join(" "));
            let (a, b) = record.split_at(250);
            z.txt("example.com", &[a, b]);
        });
        spf_split_in_term => zone(|z| {
            z.txt(
                "example.com",
                &["v=spf1 ip4:192.0.2.1", "ip4:198.51.100.1 -all"],
            );
        });
        spf_obsolete_rr_type => zone(|z| {
            z.txt("example.com", &["v=spf1 -all"]);
            z.spf_rr("example.com", &["v=spf1 -all"]);
        });
        spf_duplicate_include => zone(|z| {
            z.txt(
                "example.com",
                &["v=spf1 include:a.example.net include:b.example.net -all"],
            );
            z.txt("a.example.net", &["v=spf1 include:c.example.net ~all"]);
            z.txt("b.example.net", &["v=spf1 include:c.example.net ~all"]);
            z.txt("c.example.net", &["v=spf1 ip4:192.0.2.1 ~all"]);
        });
    }
}

#[test]
fn the_code_table_covers_the_catalog_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["dns-", "spf-"]);
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
    assert_eq!(report.codes(), Vec::<&str>::new(), "{out}");
    out.assert_success();
    assert_eq!(report.lookups, 2);
    let include = &report.tree().terms[1];
    assert_eq!(
        include.target.as_ref().map(|t| t.domain.as_str()),
        Some("_spf.example.net"),
        "{out}"
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
    let audit = Mailaudit::new().dns(&dns).args(["spf", "example.com"]);
    audit
        .clone()
        .color("never")
        .run()
        .assert_code(1)
        .assert_stdout_contains("spf-too-many-lookups")
        .assert_stdout_contains(
            "12 DNS lookups, limit 10 (include:a.example.net 6, include:b.example.net 5, mx 1)",
        )
        .assert_stdout_contains("include:c.example.net  [3 lookups]");

    let json = audit.format("json").run();
    json.assert_code(1);
    let report: SpfReport = json.json_as();
    assert_eq!(report.lookups, 12);
    assert_eq!(report.lookup_limit, 10);
    let finding = report.finding("spf-too-many-lookups");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(finding.subject, "example.com");
    assert!(finding.message.contains("12 DNS lookups"), "{json}");
    let branches: Vec<(&str, u64)> = report
        .tree()
        .terms
        .iter()
        .map(|t| (t.term.as_str(), t.lookups))
        .collect();
    assert_eq!(
        branches,
        [
            ("include:a.example.net", 6),
            ("include:b.example.net", 5),
            ("mx", 1),
            ("-all", 0)
        ]
    );
}

#[test]
fn yaml_carries_the_same_facts() {
    let dns = TestDns::start(twelve_lookups());
    let out = Mailaudit::new()
        .dns(&dns)
        .format("yaml")
        .args(["spf", "example.com"])
        .run();
    out.assert_code(1);
    let report: SpfReport = out.yaml_as();
    assert_eq!(report.lookups, 12);
    assert_eq!(report.findings[0].code, "spf-too-many-lookups");
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
    assert_eq!(report.codes(), ["dns-lookup-failed"], "{out}");
    assert!(report.findings[0].message.contains("SERVFAIL"), "{out}");
    assert_eq!(report.findings[0].subject, "broken.example.net");
    out.assert_code(1);
}

#[test]
fn timeout_on_the_domain_is_a_lookup_failure() {
    let (out, report) = audit_json(
        zone(|z| {
            z.silent("example.com", Some("TXT"));
        }),
        "example.com",
    );
    assert_eq!(report.codes(), ["dns-lookup-failed"], "{out}");
    assert!(report.findings[0].message.contains("timed out"), "{out}");
}

#[test]
fn fail_on_controls_the_exit_status() {
    let dns = TestDns::start(spf("v=spf1 ip4:192.0.2.1 ?all"));
    let run = |fail_on: &str| {
        Mailaudit::new()
            .dns(&dns)
            .args(["--fail-on", fail_on, "spf", "example.com"])
            .run()
    };
    run("error").assert_code(0);
    run("warning").assert_code(1);
    run("never").assert_code(0);
}

#[test]
fn invalid_domains_exit_2_with_one_line() {
    for bad in ["exa mple.com", "-bad.example", "com", "a..b.example"] {
        let out = Mailaudit::new().args(["spf", "--", bad]).run();
        out.assert_code(2).assert_stderr_contains("invalid domain");
        assert_eq!(out.stderr.lines().count(), 1, "{out}");
        assert!(out.stdout.is_empty(), "{out}");
    }
}

#[test]
fn zone_file_source_answers_offline() {
    let dir = TempDir::new("zone-file");
    let long = format!("v=spf1 {} -all", "ip4:192.0.2.1 ".repeat(20));
    let path = dir.write(
        "example.com.zone",
        format!(
            "$ORIGIN example.com.\n$TTL 300\n@ IN TXT \"v=spf1 include:_spf.example.com -all\"\n_spf IN TXT \"{long}\"\n"
        ),
    );
    let out = Mailaudit::new()
        .zone(&path)
        .format("json")
        .args(["spf", "example.com"])
        .run();
    let report: SpfReport = out.json_as();
    assert_eq!(report.codes(), ["spf-string-too-long"], "{out}");
    assert_eq!(report.findings[0].subject, "_spf.example.com");

    Mailaudit::new()
        .zone("/nonexistent/zone")
        .args(["spf", "example.com"])
        .run()
        .assert_code(2)
        .assert_stderr_contains("cannot read zone file");
}

#[test]
fn lint_spf_checks_text_and_follows_includes_with_resolve() {
    let long = format!("v=spf1 {} -all", "ip4:192.0.2.1 ".repeat(20));
    let out = Mailaudit::new()
        .format("json")
        .args(["lint", "spf", &long])
        .run();
    let report: SpfReport = out.json_as();
    assert_eq!(report.codes(), ["spf-string-too-long"], "{out}");
    out.assert_code(1);

    Mailaudit::new()
        .color("never")
        .args(["lint", "spf", "v=spf1 ip4:192.0.2.300 -all"])
        .run()
        .assert_code(1)
        .assert_stdout_contains("           ^^^^^^^^^^^\n");

    let dns = TestDns::start(twelve_lookups());
    let record = "v=spf1 include:a.example.net include:b.example.net mx:example.com -all";
    let resolved = Mailaudit::new()
        .dns(&dns)
        .format("json")
        .args(["lint", "spf", "--resolve", record])
        .run();
    assert_eq!(resolved.json_as::<SpfReport>().lookups, 12, "{resolved}");
    let unresolved = Mailaudit::new()
        .format("json")
        .args(["lint", "spf", record])
        .run();
    assert_eq!(unresolved.json_as::<SpfReport>().lookups, 3, "{unresolved}");
    unresolved.assert_code(0);
}

#[test]
fn untrusted_text_is_escaped_in_text_output() {
    let dns = TestDns::start(spf("v=spf1 ip4:192.0.2.1 \x1b[31mred -all"));
    let out = Mailaudit::new()
        .dns(&dns)
        .color("never")
        .args(["spf", "example.com"])
        .run();
    assert!(!out.stdout.contains('\x1b'), "{:?}", out.stdout);
    out.assert_stdout_contains("\\x1b[31mred");
}
