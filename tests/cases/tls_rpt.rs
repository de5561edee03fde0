//! `mailaudit tlsrpt DOMAIN` against the in-process DNS server: every TLS-RPT finding code is
//! triggered (one test per code, from a table), a clean record raises nothing, and a failed
//! lookup is never a missing record.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{TlsRptReport, codes};

const NAME: &str = "_smtp._tls.example.com";

fn audit(zone: Zone) -> (Output, TlsRptReport) {
    let dns = TestDns::start(zone);
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("0.5")
        .format("json")
        .args(["tlsrpt", "example.com"])
        .run();
    let report = out.json_as();
    (out, report)
}

/// example.com publishing these TXT records at `_smtp._tls`.
fn records(texts: &[&str]) -> Zone {
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 -all"]);
    for text in texts {
        z.txt(NAME, &[text]);
    }
    z
}

fn assert_raised(code: &str, zone: Zone) {
    let (out, report) = audit(zone);
    assert!(
        codes(&report.findings).contains(&code),
        "{code}: not raised; got {:?}\n{out}",
        codes(&report.findings)
    );
}

mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        tlsrpt_missing => records(&["some-verification=abc"]);
        tlsrpt_multiple_records => records(&[
            "v=TLSRPTv1; rua=mailto:a@example.com",
            "v=TLSRPTv1; rua=mailto:b@example.com",
        ]);
        tlsrpt_syntax_error => records(&["v=TLSRPTv1; rua=mailto:a@example.com;; x=1"]);
        tlsrpt_version_not_first => records(&["rua=mailto:a@example.com; v=TLSRPTv1"]);
        tlsrpt_no_rua => records(&["v=TLSRPTv1; ruf=mailto:a@example.com"]);
        tlsrpt_rua_invalid => records(&["v=TLSRPTv1; rua=http://reports.example.com/tls"]);
        tlsrpt_unknown_field => records(&["v=TLSRPTv1; rua=mailto:a@example.com; ruf=x"]);
        tlsrpt_duplicate_field => records(&[
            "v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com",
        ]);
    }
}

#[test]
fn the_code_table_covers_the_catalog_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["tlsrpt-"]);
}

#[test]
fn a_clean_record_raises_nothing_and_lists_its_destinations() {
    let (out, report) = audit(records(&[
        "v=TLSRPTv1; rua=mailto:tls@example.com,https://reports.example.net/v1/tls",
    ]));
    out.assert_success();
    assert_eq!(codes(&report.findings), Vec::<&str>::new(), "{out}");
    assert_eq!(report.records[0].name, NAME);
    assert_eq!(
        report.records[0].rua,
        [
            "mailto:tls@example.com",
            "https://reports.example.net/v1/tls"
        ]
    );
}

#[test]
fn a_bad_destination_is_underlined_in_text() {
    let dns = TestDns::start(records(&[
        "v=TLSRPTv1; rua=mailto:tls@example.com, tls@example.net",
    ]));
    let out = Mailaudit::new()
        .dns(&dns)
        .color("never")
        .args(["tlsrpt", "example.com"])
        .run();
    out.assert_code(1);
    out.assert_stdout_contains("  reports  mailto:tls@example.com\n           tls@example.net\n");
    out.assert_stdout_contains(
        "          v=TLSRPTv1; rua=mailto:tls@example.com, tls@example.net\n                                                  ^^^^^^^^^^^^^^^\n",
    );
}

#[test]
fn a_failed_lookup_is_not_a_missing_record() {
    let mut zone = records(&[]);
    zone.servfail(NAME);
    let (out, report) = audit(zone);
    out.assert_code(2);
    assert_eq!(codes(&report.findings), ["dns-lookup-failed"], "{out}");
    assert!(report.records.is_empty());
}

#[test]
fn missing_is_info_and_exits_0_unless_fail_on_info() {
    let dns = TestDns::start(records(&[]));
    let base = Mailaudit::new().dns(&dns).args(["tlsrpt", "example.com"]);
    base.clone().run().assert_success();
    Mailaudit::new()
        .dns(&dns)
        .args(["--fail-on", "info", "tlsrpt", "example.com"])
        .run()
        .assert_code(1);
}
