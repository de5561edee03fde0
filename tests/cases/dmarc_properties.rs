//! Property tests (proptest) of the DMARC and BIMI record parsers and lints: on any input of up
//! to 2 KiB, and on inputs built from each grammar's tokens, they never panic, answer quickly,
//! keep the text they were given, and report byte positions on character boundaries inside it.

use crate::support::props::{arbitrary, built_from, config, timed};
use std::time::{Duration, Instant};

use mailaudit::dmarc::DmarcRecord;
use mailaudit::dmarc::audit::audit_text;
use mailaudit::dmarc::lints::lint_record;
use mailaudit::dns::Txt;
use mailaudit::finding::Finding;
use mailaudit::policy::bimi::BimiRecord;
use mailaudit::policy::bimi::audit::audit_text as bimi_audit_text;
use proptest::prelude::*;

const TOKENS: &[&str] = &[
    "v=DMARC1",
    "v=dmarc1",
    "v=BIMI1",
    "v",
    "=",
    "=",
    ";",
    ";",
    "; ",
    " ",
    "\t",
    "p",
    "sp",
    "np",
    "adkim",
    "aspf",
    "fo",
    "rua",
    "ruf",
    "psd",
    "t",
    "pct",
    "rf",
    "ri",
    "l",
    "a",
    "lps",
    "avp",
    "P",
    "none",
    "quarantine",
    "reject",
    "r",
    "s",
    "y",
    "n",
    "u",
    "0",
    "1",
    "d",
    "100",
    "101",
    ":",
    ",",
    "!",
    "!10m",
    "mailto:",
    "https://",
    "d@example.com",
    "example.com",
    "/logo.svg",
    "/vmc.pem",
    "@",
    "%2C",
    "[",
    "]",
    "é",
    "\u{1b}",
    "\u{202e}",
    "\r\n",
];

/// Records of either kind, mostly starting with a version so the tags get read.
fn record_like() -> impl Strategy<Value = String> {
    let version = prop_oneof![
        2 => Just("v=DMARC1; "),
        2 => Just("v=BIMI1; "),
        1 => Just(""),
    ];
    (version, built_from(TOKENS, 60)).prop_map(|(v, rest)| format!("{v}{rest}"))
}

fn boundary(input: &str, at: usize) -> bool {
    at <= input.len() && input.is_char_boundary(at)
}

fn check_locations(input: &str, findings: &[Finding]) {
    for location in findings.iter().filter_map(|f| f.location.as_ref()) {
        assert_eq!(&*location.record, input);
        assert!(location.start <= location.end, "{location:?}");
        assert!(boundary(input, location.start) && boundary(input, location.end));
    }
}

fn check(input: &str) {
    let dmarc = timed(input, || DmarcRecord::parse(input));
    assert_eq!(dmarc.text(), input);
    for e in &dmarc.errors {
        assert!(e.span.start <= e.span.end, "{e:?}");
        assert!(boundary(input, e.span.start) && boundary(input, e.span.end));
    }
    for uri in dmarc.rua.iter().chain(&dmarc.ruf) {
        assert!(boundary(input, uri.span.start) && boundary(input, uri.span.end));
    }
    let txt = Txt::single(input);
    let findings = timed(input, || lint_record("_dmarc.example.com", &txt, &dmarc));
    check_locations(input, &findings);
    check_locations(input, &timed(input, || audit_text(&txt)).findings);

    let bimi = timed(input, || BimiRecord::parse(input));
    assert_eq!(bimi.text(), input);
    for e in &bimi.errors {
        assert!(boundary(input, e.span.start) && boundary(input, e.span.end));
    }
    check_locations(
        input,
        &timed(input, || bimi_audit_text(&txt, "default")).findings,
    );
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn records_parse_any_string(input in arbitrary()) {
        check(&input);
    }

    #[test]
    fn records_parse_record_like_strings(input in record_like()) {
        check(&input);
    }
}

/// A record of 64 KiB (the most a TXT answer over TCP holds) with thousands of tags, many of them
/// repeated, still parses and lints in well under a second.
#[test]
fn a_huge_record_stays_fast() {
    let mut input = String::from("v=DMARC1; p=reject");
    while input.len() < 64 * 1024 {
        input.push_str("; rua=mailto:a@example.com; x=1");
    }
    let start = Instant::now();
    let txt = Txt::single(&input);
    let report = audit_text(&txt);
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
    // Each kind of problem is shown a few times, the rest counted: the report stays small.
    assert!(
        report.findings.len() < 20,
        "{} findings",
        report.findings.len()
    );
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.message.contains("more problems like these"))
    );
}
