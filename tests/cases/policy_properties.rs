//! Property tests (proptest, 256 cases each) of the MTA-STS and TLS-RPT parsers and lints and of
//! the certificate reader: they never panic, stay fast on 2 KiB inputs, keep their text, and
//! report spans on character boundaries of the text they point into.

use crate::support::props::{SLOW, arbitrary, built_from, config};
use std::time::Instant;

use mailaudit::dns::Txt;
use mailaudit::finding::Finding;
use mailaudit::policy::mta_sts::{self, policy::PolicyFile};
use mailaudit::policy::tls_rpt;
use proptest::prelude::*;

fn timed<T>(f: impl Fn() -> T) -> T {
    let start = Instant::now();
    let out = f();
    if start.elapsed() > SLOW {
        let again = Instant::now();
        f();
        assert!(again.elapsed() <= SLOW, "{:?}", again.elapsed());
    }
    out
}

const POLICY_TOKENS: &[&str] = &[
    "version",
    "mode",
    "mx",
    "max_age",
    "Mode",
    "x-ext.1",
    ":",
    ": ",
    " ",
    "\t",
    "\r\n",
    "\n",
    "\r",
    "STSv1",
    "enforce",
    "testing",
    "none",
    "*.",
    "*",
    "example.com",
    "mail.",
    "604800",
    "99999999999",
    "-",
    ".",
    "é",
    "\u{1b}",
    "\u{202e}",
    "=",
];

const RECORD_TOKENS: &[&str] = &[
    "v=STSv1",
    "v=TLSRPTv1",
    "id=",
    "rua=",
    "mailto:",
    "https://",
    "http://",
    "@",
    "example.com",
    ";",
    "; ",
    " ",
    "\t",
    "=",
    ",",
    " , ",
    "2024",
    "T",
    "-",
    "_",
    ".",
    "é",
    "\u{1b}",
    "\n",
    "x",
    "ID",
    "?",
    "/",
    ":",
];

/// Every finding's location lies on character boundaries of its record.
fn check_locations(findings: &[Finding]) {
    for f in findings {
        if let Some(at) = &f.location {
            let ok = |i: usize| i <= at.record.len() && at.record.is_char_boundary(i);
            assert!(
                at.start <= at.end && ok(at.start) && ok(at.end),
                "{}: {}..{} in {:?}",
                f.code,
                at.start,
                at.end,
                at.record
            );
        }
    }
}

fn check_policy(input: &str) {
    let file = timed(|| PolicyFile::parse(input));
    assert_eq!(file.text, input);
    // Lossless: the lines and their endings give the text back.
    let mut again = String::new();
    for line in &file.lines {
        assert_eq!(
            &input[line.offset..line.offset + line.text.len()],
            line.text
        );
        again.push_str(&line.text);
        again.push_str(match line.ending {
            mta_sts::policy::LineEnding::Crlf => "\r\n",
            mta_sts::policy::LineEnding::Lf => "\n",
            mta_sts::policy::LineEnding::None => "",
        });
    }
    assert_eq!(again, input);
    for f in &file.fields {
        let line = file.line(f.line);
        assert_eq!(&line[f.key_span.clone()], f.key);
        assert_eq!(&line[f.value_span.clone()], f.value);
    }
    for e in &file.errors {
        let line = file.line(e.line);
        assert!(line.get(e.span.clone()).is_some(), "{e:?} in {line:?}");
    }
    let lint = timed(|| mta_sts::lint_policy("p", input.as_bytes()));
    check_locations(&lint.findings);
}

fn check_record(input: &str) {
    let sts = timed(|| mta_sts::lint_record(&Txt::single(input)));
    assert_eq!(sts.record.text, input);
    check_locations(&sts.findings);
    let rpt = timed(|| tls_rpt::lint_text(&Txt::single(input)));
    assert_eq!(rpt.records[0].text, input);
    check_locations(&rpt.findings);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn policy_any_text(input in arbitrary()) {
        check_policy(&input);
    }

    #[test]
    fn policy_like_text(input in built_from(POLICY_TOKENS, 120)) {
        check_policy(&input);
    }

    #[test]
    fn policy_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let lint = timed(|| mta_sts::lint_policy("p", &bytes));
        check_locations(&lint.findings);
    }

    #[test]
    fn records_any_text(input in arbitrary()) {
        check_record(&input);
    }

    #[test]
    fn records_like_text(input in built_from(RECORD_TOKENS, 80)) {
        check_record(&input);
    }

    #[test]
    fn certificate_facts_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        timed(|| mailaudit::tls::facts(&bytes));
        // Shaped like DER: a SEQUENCE header in front of anything.
        let len = u16::try_from(bytes.len()).expect("under 64 KiB").to_be_bytes();
        let mut der = vec![0x30, 0x82, len[0], len[1]];
        der.extend_from_slice(&bytes);
        timed(|| mailaudit::tls::facts(&der));
    }

    #[test]
    fn mx_patterns_match_without_panic(pattern in arbitrary(), host in arbitrary()) {
        let _ = mta_sts::pattern_matches(&pattern, &host);
    }
}
