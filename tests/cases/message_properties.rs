//! Property tests (proptest) of messages and DKIM (RFC 5322, RFC 6376 §3.4): reading never
//! panics on any bytes; canonicalization never panics and is idempotent; after `dkim sign`'s
//! signing, any changed header or body byte fails verification, and any white space change the
//! relaxed algorithms ignore keeps it passing.

use crate::support::messages::{fixture, results};
use crate::support::props::config;

use mailaudit::dkim::Selector;
use mailaudit::message::DkimResult::{Fail, Pass};
use mailaudit::message::Message;
use mailaudit::message::canon::{Canonicalization, body, header};
use mailaudit::message::sign::{SignOptions, sign};
use mailaudit::message::signing_key::SigningKey;
use proptest::prelude::*;

fn canonicalization() -> impl Strategy<Value = Canonicalization> {
    prop_oneof![
        Just(Canonicalization::Simple),
        Just(Canonicalization::Relaxed)
    ]
}

/// Field text as the reader makes it: a name, a colon, a value whose CRLFs are followed by WSP.
fn field() -> impl Strategy<Value = Vec<u8>> {
    (
        "[A-Za-z-]{1,12}[ \t]{0,2}",
        prop::collection::vec(
            prop_oneof![
                "[ -~]{0,10}".prop_map(String::into_bytes),
                Just(b" ".to_vec()),
                Just(b"\t".to_vec()),
                Just(b"\r\n ".to_vec()),
                Just(b"\r\n\t".to_vec()),
                Just(vec![0xc3, 0xa9]),
            ],
            0..12,
        ),
    )
        .prop_map(|(name, parts)| [name.into_bytes(), b":".to_vec(), parts.concat()].concat())
}

/// The fixture message signed by mailaudit with the fixture Ed25519 key.
fn signed(c: Canonicalization) -> String {
    let pem = String::from_utf8(fixture("ed25519.pem")).unwrap();
    let key = SigningKey::from_pem(&pem).unwrap();
    let unsigned = fixture("message.eml");
    let message = Message::parse(&unsigned).unwrap();
    let options = SignOptions {
        domain: "example.com".into(),
        selector: Selector::new("ed25519").unwrap(),
        header_canonicalization: c,
        body_canonicalization: c,
        now: 1_796_000_000,
        expire_after: None,
        headers: Vec::new(),
    };
    let field = sign(&message, &key, &options).unwrap();
    String::from_utf8([field.into_bytes(), unsigned].concat()).unwrap()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn reading_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = Message::parse(&bytes);
    }

    #[test]
    fn body_canonicalization_is_idempotent(
        c in canonicalization(),
        bytes in prop::collection::vec(prop_oneof![Just(b' '), Just(b'\t'), Just(b'\r'), Just(b'\n'), Just(b'a'), any::<u8>()], 0..512),
    ) {
        let once = body(c, &bytes);
        prop_assert_eq!(body(c, &once), once);
    }

    #[test]
    fn header_canonicalization_is_idempotent(c in canonicalization(), raw in field()) {
        let once = header(c, &raw);
        prop_assert!(once.ends_with(b"\r\n"));
        prop_assert_eq!(header(c, &once[..once.len() - 2]), once);
    }
}

proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 48, ..config() })]

    /// A letter or digit of a header value or of the body made another: the signature fails.
    #[test]
    fn a_changed_byte_fails(relaxed in any::<bool>(), pick in any::<prop::sample::Index>(), by in 1u8..9) {
        let c = if relaxed { Canonicalization::Relaxed } else { Canonicalization::Simple };
        let text = signed(c);
        let start = text.find("\r\nFrom:").unwrap() + 2;
        // Letters and digits after the signature, outside field names.
        let candidates: Vec<usize> = text[start..]
            .char_indices()
            .filter(|(_, ch)| ch.is_ascii_alphanumeric())
            .map(|(i, _)| start + i)
            .filter(|&i| {
                let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
                let line = &text[line_start..i];
                // Inside a value (a colon before it on the line) or in the body.
                line.contains(':') || i > text.find("\r\n\r\n").unwrap()
            })
            .collect();
        let at = candidates[pick.index(candidates.len())];
        let mut bytes = text.into_bytes();
        let old = bytes[at];
        let new = if old.is_ascii_digit() { b'0' + (old - b'0' + by) % 10 } else { (old ^ 0x20).max(b'A') };
        let new = if new == old { if old == b'x' { b'y' } else { b'x' } } else { new };
        bytes[at] = new;
        prop_assert_eq!(results(&bytes), vec![Fail]);
    }

    /// White space the relaxed algorithms ignore: more of it beside existing white space, at
    /// line ends, as folds, empty lines at the end, and field names in another case.
    #[test]
    fn relaxed_ignores_white_space_changes(edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4), 1..6)) {
        let text = signed(Canonicalization::Relaxed);
        let start = text.find("\r\nFrom:").unwrap() + 2;
        let mut out = text[..start].to_string();
        let mut rest = text[start..].to_string();
        for (pick, kind) in edits {
            let spaces: Vec<usize> = rest.match_indices(' ').map(|(i, _)| i).collect();
            // Folds only in the header: a line break in the body is a change.
            let header_end = rest.find("\r\n\r\n").unwrap();
            let in_header: Vec<usize> = spaces.iter().copied().filter(|&i| i < header_end && rest.as_bytes()[i - 1] != b'\n').collect();
            match kind {
                0 if !spaces.is_empty() => rest.insert(spaces[pick.index(spaces.len())], '\t'),
                1 if !in_header.is_empty() => {
                    let at = in_header[pick.index(in_header.len())];
                    rest.replace_range(at..=at, "\r\n ");
                }
                2 => rest = rest.replacen("\r\n", " \t\r\n", 1),
                _ => rest.push_str("\r\n \r\n"),
            }
        }
        rest = rest.replacen("Subject:", "SUBJECT :", 1);
        out.push_str(&rest);
        prop_assert_eq!(results(out.as_bytes()), vec![Pass]);
    }
}
