//! Property tests (proptest) of the DKIM parsers: the key record parser and its lints, `p=`
//! decoding and the TXT string splitting never panic, answer any input of up to 2 KiB quickly,
//! report byte positions inside the text on character boundaries, and splitting keeps the text
//! (RFC 6376 §3.2, §3.6.1; RFC 1035 §3.3).

use crate::support::props::{SLOW, arbitrary, config};
use std::time::Instant;

use mailaudit::dkim::KeyType;
use mailaudit::dkim::key::decode;
use mailaudit::dkim::keygen::split_strings;
use mailaudit::dkim::lints::lint_record;
use mailaudit::dkim::parse::parse;
use mailaudit::dns::Txt;
use proptest::prelude::*;

/// Runs `f`, failing when it is slow twice in a row (a busy machine is not a failure).
fn timed<T>(input: &str, f: impl Fn() -> T) -> T {
    let start = Instant::now();
    let out = f();
    if start.elapsed() > SLOW {
        let again = Instant::now();
        f();
        assert!(
            again.elapsed() <= SLOW,
            "slow on {} bytes: {input:?}",
            input.len()
        );
    }
    out
}

const TOKENS: &[&str] = &[
    "v=DKIM1",
    "v=",
    "k=rsa",
    "k=ed25519",
    "k=",
    "h=sha256",
    "h=sha1",
    ":",
    "s=email",
    "s=*",
    "t=y",
    "t=s",
    "g=*",
    "n=note",
    "p=",
    "MIGfMA0GCSqGSIb3DQEB",
    "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
    "AAAA",
    "==",
    "=",
    ";",
    ";",
    " ",
    "\t",
    "\r\n ",
    "é",
    "\u{202e}",
    "$",
    "x",
];

fn built() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..80).prop_map(|t| t.concat())
}

fn check_record(text: &str) {
    let parsed = timed(text, || parse(text));
    for e in &parsed.errors {
        assert!(
            e.span.start <= e.span.end && e.span.end <= text.len(),
            "{e:?}"
        );
        assert!(
            text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end),
            "{e:?}"
        );
    }
    assert_eq!(parsed.record.tags.text, text, "the text is kept");
    let linted = timed(text, || lint_record("record", &Txt::single(text)));
    for f in &linted.findings {
        if let Some(loc) = &f.location {
            assert!(loc.start <= loc.end && loc.end <= loc.record.len(), "{f:?}");
            assert!(loc.record.is_char_boundary(loc.start) && loc.record.is_char_boundary(loc.end));
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn key_records_of_any_text_never_panic(text in arbitrary()) {
        check_record(&text);
    }

    #[test]
    fn key_records_built_from_tags_never_panic(text in built()) {
        check_record(&text);
    }

    #[test]
    fn key_decoding_never_panics(p in "[A-Za-z0-9+/=]{0,700}") {
        for k in [KeyType::Rsa, KeyType::Ed25519] {
            let _ = timed(&p, || decode(k, &p));
        }
    }

    #[test]
    fn splitting_keeps_the_text_in_strings_of_at_most_255_bytes(text in arbitrary()) {
        let strings = split_strings(&text);
        prop_assert_eq!(strings.concat(), text);
        for s in &strings {
            prop_assert!(s.len() <= 255);
        }
    }
}
