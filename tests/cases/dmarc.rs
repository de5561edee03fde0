//! `mailaudit dmarc DOMAIN` through the live DNS path against the in-process DNS server: every
//! DMARC finding code is triggered (one test per code, from a table), clean records raise
//! nothing, the tree walk follows RFC 9989 §4.10 query by query, failures of DNS are failures
//! and never missing records, and the report's shape holds in JSON, YAML and text.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{
    DmarcReport, Existence, PolicyName, PolicySource, StepResult, codes, finding,
};

/// Runs `dmarc DOMAIN` as JSON against `zone`; the server stays up for query checks.
fn audit(zone: Zone, domain: &str) -> (Output, DmarcReport, TestDns) {
    let dns = TestDns::start(zone);
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .format("json")
        .args(["dmarc", domain])
        .run();
    let report = out.json_as();
    (out, report, dns)
}

fn zone(build: impl FnOnce(&mut Zone)) -> Zone {
    let mut z = Zone::new();
    build(&mut z);
    z
}

/// example.com receiving mail, with `record` at _dmarc.example.com.
fn dmarc(record: &str) -> Zone {
    zone(|z| {
        base(z);
        z.txt("_dmarc.example.com", &[record]);
    })
}

fn base(z: &mut Zone) {
    z.mx("example.com", 10, "mail.example.com");
    z.a("mail.example.com", "192.0.2.25");
}

/// Fails the test unless auditing example.com in `zone` raises `code`.
fn assert_raised(code: &str, zone: Zone) {
    let (out, report, _dns) = audit(zone, "example.com");
    assert!(
        codes(&report.findings).contains(&code),
        "{code}: not raised; got {:?}\n{out}",
        codes(&report.findings)
    );
}

const RUA: &str = "rua=mailto:dmarc@example.com";

/// One fixture per finding code, each built to trigger that code at example.com.
mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        dmarc_missing => zone(base);
        dmarc_multiple_records => zone(|z| {
            base(z);
            z.txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
            z.txt("_dmarc.example.com", &["v=DMARC1; p=none"]);
        });
        dmarc_syntax_error => dmarc(&format!("v=DMARC1; p=reject; {RUA}; adkim s"));
        dmarc_version_not_first => dmarc(&format!("p=reject; v=DMARC1; {RUA}"));
        dmarc_unknown_tag => dmarc(&format!("v=DMARC1; p=reject; {RUA}; RUF=mailto:f@example.com"));
        dmarc_duplicate_tag => dmarc(&format!("v=DMARC1; p=reject; p=none; {RUA}"));
        dmarc_invalid_value => dmarc(&format!("v=DMARC1; p=rejected; {RUA}"));
        dmarc_policy_missing => dmarc(&format!("v=DMARC1; {RUA}"));
        dmarc_policy_none => dmarc(&format!("v=DMARC1; p=none; {RUA}"));
        dmarc_subdomain_policy_weaker => dmarc(&format!("v=DMARC1; p=reject; sp=none; {RUA}"));
        dmarc_pct_partial => dmarc(&format!("v=DMARC1; p=quarantine; pct=25; {RUA}"));
        dmarc_removed_tag => dmarc(&format!("v=DMARC1; p=reject; ri=86400; {RUA}"));
        dmarc_testing => dmarc(&format!("v=DMARC1; p=reject; t=y; {RUA}"));
        dmarc_no_rua => dmarc("v=DMARC1; p=reject");
        dmarc_report_uri_not_mailto => dmarc("v=DMARC1; p=reject; rua=https://reports.example.com/dmarc");
        dmarc_report_size_limit => dmarc(&format!("v=DMARC1; p=reject; {RUA}!10m"));
        dmarc_too_many_report_uris => dmarc(
            "v=DMARC1; p=reject; rua=mailto:a@example.com,mailto:b@example.com,mailto:c@example.com"
        );
        dmarc_report_destination_unauthorized => zone(|z| {
            base(z);
            z.txt("_dmarc.example.com", &["v=DMARC1; p=reject; rua=mailto:d@reports.example.net"]);
            z.mx("reports.example.net", 10, "mx.example.net");
        });
        dmarc_report_destination_no_mail =>
            dmarc("v=DMARC1; p=reject; rua=mailto:dmarc@nomail.example.com");
        dmarc_record_at_apex => zone(|z| {
            base(z);
            z.txt("example.com", &["v=DMARC1; p=reject; rua=mailto:dmarc@example.com"]);
        });
        // The server answers TXT from the name's own records although it is also a CNAME.
        dmarc_cname_with_other_data => zone(|z| {
            base(z);
            z.cname("_dmarc.example.com", "example-com.dmarc.example.net");
            z.txt("_dmarc.example.com", &["v=DMARC1; p=reject; rua=mailto:dmarc@example.com"]);
            z.txt("example-com.dmarc.example.net", &["v=DMARC1; p=none; rua=mailto:dmarc@example.com"]);
            z.data_beside_cname("_dmarc.example.com");
        });
    }
}

#[test]
fn the_code_table_covers_the_catalog_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["dmarc-"]);
}

/// A domain with a strict policy, reports to itself and to an authorised outside service.
fn clean() -> Zone {
    zone(|z| {
        base(z);
        z.txt(
            "_dmarc.example.com",
            &["v=DMARC1; p=reject; rua=mailto:dmarc@example.com,mailto:x@reports.example.net"],
        );
        z.mx("reports.example.net", 10, "mx.example.net");
        // The service authorises every domain with a wildcard (RFC 9990 §3.2.3).
        z.txt("*._report._dmarc.reports.example.net", &["v=DMARC1;"]);
    })
}

#[test]
fn clean_records_raise_nothing_and_exit_0() {
    let (out, report, _dns) = audit(clean(), "example.com");
    assert_eq!(codes(&report.findings), Vec::<&str>::new(), "{out}");
    out.assert_success();
    let record = report.record.as_ref().expect("a record");
    assert!(!record.inherited);
    assert_eq!(record.name, "_dmarc.example.com");
    let policy = report.policy.expect("a policy");
    assert_eq!(
        (policy.policy, policy.source),
        (Some(PolicyName::Reject), PolicySource::P)
    );
    assert_eq!(report.organizational_domain.as_deref(), Some("example.com"));
    let outside = &report.report_destinations[1];
    assert_eq!(
        (outside.external, outside.authorized, outside.accepts_mail),
        (Some(true), Some(true), Some(true))
    );
}

#[test]
fn a_subdomain_inherits_sp_and_a_missing_name_np() {
    let fixture = || {
        zone(|z| {
            base(z);
            z.a("news.example.com", "192.0.2.80");
            z.txt(
                "_dmarc.example.com",
                &["v=DMARC1; p=reject; sp=quarantine; np=none; rua=mailto:d@example.com"],
            );
        })
    };
    let (out, report, _dns) = audit(fixture(), "news.example.com");
    let record = report.record.as_ref().expect("inherited record");
    assert!(record.inherited, "{out}");
    assert_eq!(record.domain, "example.com");
    assert_eq!(report.existence, Some(Existence::Exists));
    let policy = report.policy.expect("policy");
    assert_eq!(
        (policy.policy, policy.source),
        (Some(PolicyName::Quarantine), PolicySource::Sp)
    );
    let steps: Vec<_> = report
        .walk
        .iter()
        .map(|s| (s.name.as_str(), s.result))
        .collect();
    assert_eq!(
        steps,
        [
            ("_dmarc.news.example.com", StepResult::NxDomain),
            ("_dmarc.example.com", StepResult::Record),
            ("_dmarc.com", StepResult::NxDomain),
        ]
    );
    assert!(report.alignment.expect("alignment").text.contains(
        "mail whose From is news.example.com passes DMARC when SPF's MAIL FROM domain or \
             a DKIM d= is example.com or any of its subdomains (relaxed)"
    ));

    let (_, ghost, _dns) = audit(fixture(), "ghost.example.com");
    assert_eq!(ghost.existence, Some(Existence::NxDomain));
    let policy = ghost.policy.expect("policy");
    assert_eq!(
        (policy.policy, policy.source),
        (Some(PolicyName::None), PolicySource::Np)
    );
}

#[test]
fn a_long_name_costs_eight_queries_at_most() {
    let domain = "a.b.c.d.e.f.g.h.i.j.mail.example.com";
    let (out, report, dns) = audit(
        dmarc("v=DMARC1; p=reject; rua=mailto:d@example.com"),
        domain,
    );
    let dmarc_queries: Vec<String> = dns
        .queries()
        .into_iter()
        .filter(|(name, rtype)| name.starts_with("_dmarc.") && rtype == "TXT")
        .map(|(name, _)| name)
        .collect();
    assert_eq!(
        dmarc_queries,
        [
            "_dmarc.a.b.c.d.e.f.g.h.i.j.mail.example.com",
            "_dmarc.g.h.i.j.mail.example.com",
            "_dmarc.h.i.j.mail.example.com",
            "_dmarc.i.j.mail.example.com",
            "_dmarc.j.mail.example.com",
            "_dmarc.mail.example.com",
            "_dmarc.example.com",
            "_dmarc.com",
        ],
        "{out}"
    );
    assert_eq!(report.walk.len(), 8);
    assert_eq!(report.record.expect("record").domain, "example.com");
}

#[test]
fn psd_flags_decide_the_organizational_domain_and_stop_the_walk() {
    // psd=n: the record's domain is the Organizational Domain; nothing above is asked.
    let fixture = zone(|z| {
        z.a("a.mail.example.com", "192.0.2.1");
        z.txt(
            "_dmarc.mail.example.com",
            &["v=DMARC1; p=quarantine; psd=n; rua=mailto:d@mail.example.com"],
        );
        z.mx("mail.example.com", 10, "mx.example.com");
        z.txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
    });
    let (out, report, dns) = audit(fixture, "a.mail.example.com");
    assert_eq!(
        report.organizational_domain.as_deref(),
        Some("mail.example.com"),
        "{out}"
    );
    assert!(!dns.queries().iter().any(|(n, _)| n == "_dmarc.example.com"));

    // psd=y at a public suffix: the name one label below is the Organizational Domain, and the
    // PSD's record applies when that name has none.
    let fixture = zone(|z| {
        z.a("shop.example", "192.0.2.2");
        z.txt(
            "_dmarc.example",
            &["v=DMARC1; p=reject; sp=quarantine; psd=y; rua=mailto:d@psd.example"],
        );
        z.mx("psd.example", 10, "mx.psd.example");
    });
    let (out, report, _dns) = audit(fixture, "shop.example");
    assert_eq!(
        report.organizational_domain.as_deref(),
        Some("shop.example"),
        "{out}"
    );
    assert_eq!(report.record.expect("PSD record").domain, "example");
    let policy = report.policy.expect("policy");
    assert_eq!(
        (policy.policy, policy.source),
        (Some(PolicyName::Quarantine), PolicySource::Sp)
    );
}

#[test]
fn lookup_failures_are_reported_never_missing_and_exit_2() {
    let servfail = zone(|z| {
        base(z);
        z.servfail("_dmarc.example.com");
    });
    let (out, report, _dns) = audit(servfail, "example.com");
    out.assert_code(2);
    assert_eq!(codes(&report.findings), ["dns-lookup-failed"], "{out}");
    assert_eq!(report.walk[0].result, StepResult::Failed);

    // The domain has no record; the parent's name never answers: which policy applies is unknown.
    let silent = zone(|z| {
        z.a("news.example.com", "192.0.2.1");
        z.silent("_dmarc.example.com", Some("TXT"));
    });
    let (out, report, _dns) = audit(silent, "news.example.com");
    out.assert_code(2);
    assert!(!codes(&report.findings).contains(&"dmarc-missing"), "{out}");
    finding(&report.findings, "dns-lookup-failed");
    assert!(report.policy.is_none() && report.organizational_domain.is_none());
}

#[test]
fn an_invalid_record_is_shown_with_the_position_of_the_problem() {
    let (out, report, _dns) = audit(dmarc("p=reject; v=DMARC1"), "example.com");
    let f = finding(&report.findings, "dmarc-version-not-first");
    let location = f.location.as_ref().expect("a location");
    // Receivers ignore the record; the offsets are into its text, shown once in the walk.
    assert!(report.record.is_none());
    assert_eq!(report.walk[0].ignored, ["p=reject; v=DMARC1"]);
    assert_eq!((location.start, location.end), (10, 18), "{out}");
    finding(&report.findings, "dmarc-missing");
    out.assert_code(1);
}

#[test]
fn a_record_at_the_apex_is_quoted_as_the_report_shows_it_nowhere_else() {
    let (out, report, _dns) = audit(
        zone(|z| {
            base(z);
            z.txt("example.com", &["v=DMARC1; p=none"]);
        }),
        "example.com",
    );
    let f = finding(&report.findings, "dmarc-record-at-apex");
    assert!(f.message.ends_with(": \"v=DMARC1; p=none\""), "{out}");
    assert!(f.location.is_none());
}

#[test]
fn text_shows_the_record_policy_alignment_and_walk() {
    let dns = TestDns::start(clean());
    let out = Mailaudit::new()
        .dns(&dns)
        .args(["dmarc", "example.com"])
        .run();
    out.assert_success();
    for needle in [
        "DMARC example.com",
        "record        _dmarc.example.com",
        "policy        reject  (from p=)",
        "alignment     mail whose From is example.com passes DMARC",
        "rua mailto:x@reports.example.net  external, authorised, accepts mail",
        "tree walk     _dmarc.example.com  record",
        "No findings.",
    ] {
        out.assert_stdout_contains(needle);
    }
}

#[test]
fn yaml_reads_back_as_the_same_model() {
    let dns = TestDns::start(dmarc("v=DMARC1; p=none"));
    let out = Mailaudit::new()
        .dns(&dns)
        .format("yaml")
        .args(["dmarc", "example.com"])
        .run();
    let report: DmarcReport = out.yaml_as();
    assert_eq!(
        codes(&report.findings),
        ["dmarc-policy-none", "dmarc-no-rua"]
    );
}

#[test]
fn fail_on_decides_the_exit_status() {
    let dns = TestDns::start(dmarc("v=DMARC1; p=none; rua=mailto:d@example.com"));
    let run = |fail_on: &str| {
        Mailaudit::new()
            .dns(&dns)
            .args(["--fail-on", fail_on, "dmarc", "example.com"])
            .run()
    };
    run("error").assert_code(0);
    run("warning").assert_code(1);
    let invalid = Mailaudit::new().args(["dmarc", "exa mple.com"]).run();
    invalid
        .assert_code(2)
        .assert_stderr_contains("invalid domain");
}

#[test]
fn control_characters_from_dns_are_escaped() {
    let dns = TestDns::start(dmarc(
        "v=DMARC1; p=reject; rua=mailto:d@example.com; x=\x1b[31mred",
    ));
    let out = Mailaudit::new()
        .dns(&dns)
        .args(["dmarc", "example.com"])
        .run();
    assert!(!out.stdout.contains('\x1b'), "{out}");
    out.assert_stdout_contains("\\x1b[31mred");
}

#[test]
fn lint_dmarc_reads_an_argument_a_file_or_stdin() {
    let record = "v=DMARC1; p=none";
    let arg = Mailaudit::new()
        .format("json")
        .args(["lint", "dmarc", record])
        .run();
    let report: DmarcReport = arg.json_as();
    assert_eq!(
        codes(&report.findings),
        ["dmarc-policy-none", "dmarc-no-rua"]
    );
    arg.assert_code(0);
    assert_eq!(
        report.policy.expect("policy").policy,
        Some(PolicyName::None)
    );

    let dir = crate::support::temp::TempDir::new("lint-dmarc");
    let file = dir.write(
        "record.txt",
        "\"v=DMARC1; p=reject; \" \"rua=mailto:d@example.com\"\n",
    );
    let from_file = Mailaudit::new()
        .format("json")
        .arg("lint")
        .arg("dmarc")
        .arg(&file)
        .run();
    let report: DmarcReport = from_file.json_as();
    assert!(report.findings.is_empty(), "{from_file}");
    assert_eq!(report.record.expect("record").strings.len(), 2);

    let stdin = Mailaudit::new()
        .args(["lint", "dmarc", "-"])
        .stdin("v=DMARC1; p=bogus")
        .run();
    stdin
        .assert_code(1)
        .assert_stdout_contains("dmarc-invalid-value");

    let missing = Mailaudit::new()
        .args(["lint", "dmarc", "no-such-file.txt"])
        .run();
    missing
        .assert_code(2)
        .assert_stderr_contains("cannot read the record from no-such-file.txt");
}

#[test]
fn destinations_say_what_dns_says_about_them() {
    let fixture =
        zone(|z| {
            base(z);
            z.txt(
            "_dmarc.example.com",
            &["v=DMARC1; p=reject; rua=mailto:d@reports.example.net,mailto:d@gone.example.com; \
               ruf=mailto:f@nullmx.example.com"],
        );
            z.mx("reports.example.net", 10, "mx.example.net");
            z.mx("nullmx.example.com", 0, ".");
        });
    let (out, report, _dns) = audit(fixture, "example.com");
    let seen: Vec<_> = report
        .report_destinations
        .iter()
        .map(|d| {
            (
                d.tag.as_str(),
                d.domain.as_str(),
                d.external,
                d.authorized,
                d.accepts_mail,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "rua",
                "reports.example.net",
                Some(true),
                Some(false),
                Some(true)
            ),
            ("rua", "gone.example.com", Some(false), None, Some(false)),
            ("ruf", "nullmx.example.com", Some(false), None, Some(false)),
        ],
        "{out}"
    );
    let no_mail: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.code == "dmarc-report-destination-no-mail")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        no_mail,
        [
            "rua=mailto:d@gone.example.com: gone.example.com does not exist (NXDOMAIN)",
            "ruf=mailto:f@nullmx.example.com: nullmx.example.com has a null MX: it accepts no mail",
        ]
    );
}

#[test]
fn a_cname_to_a_providers_record_is_followed_and_shown() {
    let fixture = zone(|z| {
        base(z);
        z.cname("_dmarc.example.com", "example-com.dmarc.example.net");
        z.txt(
            "example-com.dmarc.example.net",
            &["v=DMARC1; p=reject; rua=mailto:dmarc@example.com"],
        );
    });
    let (out, report, _dns) = audit(fixture, "example.com");
    assert!(report.findings.is_empty(), "{out}");
    let record = report.record.expect("record");
    assert_eq!(
        record.cname.as_deref(),
        Some("example-com.dmarc.example.net")
    );
    assert_eq!(
        record.text,
        "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"
    );
}

#[test]
fn several_records_are_discarded_and_the_parents_policy_applies() {
    let fixture = zone(|z| {
        base(z);
        z.a("news.example.com", "192.0.2.80");
        z.txt("_dmarc.news.example.com", &["v=DMARC1; p=none"]);
        z.txt("_dmarc.news.example.com", &["v=DMARC1; p=reject"]);
        z.txt(
            "_dmarc.example.com",
            &["v=DMARC1; p=quarantine; rua=mailto:d@example.com"],
        );
    });
    let (out, report, _dns) = audit(fixture, "news.example.com");
    assert_eq!(codes(&report.findings), ["dmarc-multiple-records"], "{out}");
    assert_eq!(report.walk[0].result, StepResult::Multiple);
    let record = report.record.expect("inherited");
    assert!(record.inherited && record.domain == "example.com");
}

#[test]
fn slow_servers_cannot_outlast_the_budget() {
    let slow = zone(|z| {
        z.a("a.b.example.com", "192.0.2.1");
        z.delay(std::time::Duration::from_millis(400));
    });
    let dns = TestDns::start(slow);
    let started = std::time::Instant::now();
    let out = Mailaudit::new()
        .dns(&dns)
        .args(["--budget", "0.5", "dmarc", "a.b.example.com"])
        .run();
    out.assert_code(2)
        .assert_stderr_contains("did not finish within --budget 0.5 s");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn explain_covers_every_dmarc_and_bimi_code() {
    let listed = Mailaudit::new().format("json").arg("explain").run();
    let entries: Vec<crate::support::model::Entry> = listed.json_as();
    let new: Vec<&str> = entries
        .iter()
        .map(|e| e.code.as_str())
        .filter(|c| c.starts_with("dmarc-") || c.starts_with("bimi-"))
        .collect();
    assert_eq!(new.len(), 35, "{new:?}");
    for code in new {
        let out = Mailaudit::new().args(["explain", code]).run();
        out.assert_success().assert_stdout_contains("Fix");
        out.assert_stdout_contains("Reference:");
    }
}
