//! Property tests of the parsers (proptest): the SPF record parser and its lints, macro-strings
//! and the zone-file reader never panic, answer any input of up to 2 KiB quickly, keep the text
//! they were given, and report byte positions inside it on character boundaries. Inputs are
//! arbitrary strings and strings built from each grammar's tokens, which reach deeper states.

use crate::support::props::{arbitrary, built_from, config, timed};
use std::fmt::Write as _;
use std::path::Path;

use futures_util::FutureExt;
use mailaudit::dns::zone::ZoneSource;
use mailaudit::dns::{Answer, DnsSource, Rdata, RecordType, Txt};
use mailaudit::spf::SpfRecord;
use mailaudit::spf::audit::{Role, lint_record};
use mailaudit::spf::macros::MacroString;
use proptest::prelude::*;

const SPF_TOKENS: &[&str] = &[
    "v=spf1",
    " ",
    " ",
    " ",
    "all",
    "include",
    "a",
    "mx",
    "ptr",
    "ip4",
    "ip6",
    "exists",
    "redirect",
    "exp",
    "foo",
    "+",
    "-",
    "~",
    "?",
    ":",
    "/",
    "//",
    "=",
    ".",
    "%{",
    "}",
    "%%",
    "%_",
    "%-",
    "%",
    "d",
    "i",
    "l",
    "s",
    "o",
    "h",
    "p",
    "v",
    "c",
    "r",
    "t",
    "D",
    "R",
    "0",
    "1",
    "24",
    "32",
    "64",
    "128",
    "129",
    "99999999999999999999",
    "192.0.2.1",
    "2001:db8::",
    "::",
    "::1",
    "example.com",
    "_spf",
    ",",
    "_",
    "é",
    "\u{1b}",
    "\u{202e}",
    "\t",
];

/// SPF records: mostly starting with the version, so the terms get parsed.
fn spf_like() -> impl Strategy<Value = String> {
    let version = prop_oneof![3 => Just("v=spf1 "), 1 => Just("v=spf1"), 1 => Just("")];
    (version, built_from(SPF_TOKENS, 60)).prop_map(|(v, rest)| format!("{v}{rest}"))
}

/// Checks the record and its lints against the input.
fn check_spf(input: &str) {
    let record = timed(input, || SpfRecord::parse(input));
    assert_eq!(record.text, input);
    let boundary = |at: usize| at <= input.len() && input.is_char_boundary(at);
    let mut covered = 0;
    for term in &record.terms {
        let span = &term.span;
        assert!(span.start < span.end && boundary(span.start) && boundary(span.end));
        // Terms are in order, apart, and only spaces lie between them: the spans and the gaps
        // give the input back.
        assert!(span.start >= covered.max(6), "{span:?} overlaps");
        assert!(input[covered.max(6)..span.start].bytes().all(|b| b == b' '));
        assert!(!record.term_text(term).contains(' '));
        covered = span.end;
    }
    if !record.terms.is_empty() {
        assert!(input[covered..].bytes().all(|b| b == b' '));
    }
    for error in &record.errors {
        let span = &error.span;
        assert!(span.start <= span.end && boundary(span.start) && boundary(span.end));
    }
    let txt = Txt {
        strings: vec![input.as_bytes().to_vec()],
    };
    let findings = timed(input, || {
        lint_record("example.com", &txt, &record, Role::Policy)
    });
    for location in findings.iter().filter_map(|f| f.location.as_ref()) {
        assert_eq!(&*location.record, input);
        assert!(location.start <= location.end);
        assert!(boundary(location.start) && boundary(location.end));
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn spf_parse_any_string(input in arbitrary()) {
        check_spf(&input);
    }

    #[test]
    fn spf_parse_spf_like(input in spf_like()) {
        check_spf(&input);
    }

    #[test]
    fn macro_strings(input in prop_oneof![arbitrary(), built_from(SPF_TOKENS, 60)]) {
        for in_exp in [false, true] {
            match timed(&input, || MacroString::parse(&input, in_exp)) {
                Ok(m) => prop_assert_eq!(&m.text, &input),
                Err(e) => {
                    prop_assert!(e.start <= e.end && e.end <= input.len());
                    prop_assert!(input.is_char_boundary(e.start));
                    prop_assert!(input.is_char_boundary(e.end));
                }
            }
        }
    }
}

const ZONE_TOKENS: &[&str] = &[
    "$ORIGIN example.com.\n",
    "$ORIGIN ",
    "$TTL ",
    "$TTL 300\n",
    "@",
    "example.com.",
    "a",
    "b.a",
    "*",
    "*.a",
    ".",
    "IN",
    "CH",
    "TXT",
    "SPF",
    "A",
    "AAAA",
    "MX",
    "CNAME",
    "PTR",
    "SRV",
    "NS",
    "SOA",
    "300",
    "1h",
    "10",
    "192.0.2.1",
    "2001:db8::1",
    "\"v=spf1 -all\"",
    "\"",
    "\\",
    "\\0",
    "\\045",
    "\\255",
    "\\256",
    "\\\"",
    "(",
    ")",
    ";",
    "; comment",
    "\n",
    "\n",
    " ",
    " ",
    " ",
    "\t",
    "\r",
    "é",
    "\u{1b}",
    "\u{7}",
];

/// Pieces of quoted TXT data, escapes among them.
const TXT_PARTS: &[&str] = &[
    "v=spf1",
    " ",
    "-all",
    "include:a.example.com",
    "%{d}",
    "\\045",
    "\\255",
    "\\000",
    "\\\"",
    "\\\\",
    "\\;",
    ";",
    "(",
    ")",
    "\t",
    "é",
];

/// One record line: owner (or a blank for the previous one), TTL, class, type and data, the
/// data sometimes mangled with any zone tokens.
fn zone_line() -> impl Strategy<Value = String> {
    let owner = prop::sample::select(&["@", "example.com.", "a", "*", "*.a", "b.a", "", "x.y"][..]);
    let ttl = prop::sample::select(&["", "300 ", "1h ", "0 "][..]);
    let class = prop::sample::select(&["", "IN ", "IN ", "CH "][..]);
    let fixed = prop::sample::select(
        &[
            "A 192.0.2.1",
            "AAAA 2001:db8::1",
            "MX 10 mail",
            "MX 0 .",
            "CNAME a",
            "CNAME b.a",
            "CNAME example.com.",
            "CNAME x.a",
            "PTR a",
            "SRV 0 5 993 imap",
            "SRV 0 0 0 .",
            "NS ns",
            "SOA ns host 1 2 3 4 5",
        ][..],
    );
    let data = prop_oneof![
        3 => built_from(TXT_PARTS, 10).prop_map(|s| format!("TXT \"{s}\"")),
        2 => (built_from(TXT_PARTS, 6), built_from(TXT_PARTS, 6))
            .prop_map(|(a, b)| format!("SPF ( \"{a}\" ; note\n \"{b}\" )")),
        3 => fixed.prop_map(String::from),
        1 => built_from(ZONE_TOKENS, 8),
    ];
    (owner, ttl, class, data).prop_map(|(o, t, c, d)| format!("{o} {t}{c}{d}"))
}

fn zone_like() -> impl Strategy<Value = String> {
    let origin = prop_oneof![3 => Just("$ORIGIN example.com.\n"), 1 => Just("")];
    let lines = prop::collection::vec(
        prop_oneof![12 => zone_line(), 1 => built_from(ZONE_TOKENS, 10)],
        0..20,
    );
    (origin, lines).prop_map(|(o, lines)| format!("{o}{}", lines.join("\n")))
}

/// Loads `input`, asks a few names, and checks an error is one printable line.
fn check_zone(input: &str) {
    let loaded = timed(input, || {
        let mut zone = ZoneSource::default();
        zone.add_text(input, None).map(|()| zone)
    });
    let zone = match loaded {
        Ok(zone) => zone,
        Err(e) => {
            let message = e.to_string();
            assert!(!message.chars().any(char::is_control), "{message:?}");
            return;
        }
    };
    for name in [
        "example.com",
        "a.example.com",
        "x.b.a.example.com",
        "a",
        "other",
    ] {
        for rtype in [
            RecordType::Txt,
            RecordType::A,
            RecordType::Mx,
            RecordType::Srv,
        ] {
            let answer = zone
                .lookup(name, rtype)
                .now_or_never()
                .expect("answers at once");
            if let Ok(Answer::Records(records)) = answer {
                assert!(!records.is_empty());
            }
        }
    }
}

/// TXT data as a zone file may write it: each byte plain, `\X` or `\DDD`.
fn written(strings: &[(Vec<u8>, Vec<u8>)]) -> String {
    let mut out = String::from("$ORIGIN example.com.\n@ IN TXT (");
    for (bytes, ways) in strings {
        out.push_str("\n \"");
        for (&b, &way) in bytes.iter().zip(ways) {
            let plain = (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\';
            match way % 3 {
                0 if plain => out.push(char::from(b)),
                1 if plain && !b.is_ascii_digit() => {
                    out.push('\\');
                    out.push(char::from(b));
                }
                _ => {
                    let _ = write!(out, "\\{b:03}");
                }
            }
        }
        out.push_str("\" ; a string\n");
    }
    out.push_str(")\n");
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn zone_any_text(input in arbitrary()) {
        check_zone(&input);
    }

    #[test]
    fn zone_like_text(input in zone_like()) {
        check_zone(&input);
    }

    /// Whatever bytes a TXT record holds, and however they are escaped, they read back as is.
    #[test]
    fn zone_txt_bytes_round_trip(
        strings in prop::collection::vec(
            prop::collection::vec((any::<u8>(), any::<u8>()), 0..40),
            1..6,
        )
    ) {
        let strings: Vec<(Vec<u8>, Vec<u8>)> =
            strings.into_iter().map(|pairs| pairs.into_iter().unzip()).collect();
        let text = written(&strings);
        let mut zone = ZoneSource::default();
        zone.add_text(&text, Some(Path::new("round-trip.zone"))).unwrap();
        let answer = zone.lookup("example.com", RecordType::Txt).now_or_never().unwrap();
        let expected = Rdata::Txt(Txt {
            strings: strings.into_iter().map(|(bytes, _)| bytes).collect(),
        });
        prop_assert_eq!(answer, Ok(Answer::Records(vec![expected])));
    }
}
