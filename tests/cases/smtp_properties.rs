//! Property tests (proptest, 256 cases each) of the SMTP probe's parsers — reply lines, EHLO
//! extensions, `--host` values, EHLO names — the certificate algorithm names and TLSA records
//! (RFC 6698): they never panic, stay fast, keep what they read, and never let a line break into
//! a command.

use crate::support::props::{SLOW, config};
use std::time::Instant;

use mailaudit::smtp::reply::parse_line;
use mailaudit::smtp::targets::parse_host_spec;
use mailaudit::smtp::{Extensions, valid_ehlo_name};
use mailaudit::tls::algorithms::{signature_name, weak_signature};
use mailaudit::tls::dane::Tlsa;
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

proptest! {
    #![proptest_config(config())]

    #[test]
    fn reply_lines_parse_or_not_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Some(line) = timed(|| parse_line(&bytes)) {
            prop_assert!((200..600).contains(&line.code));
            prop_assert!(bytes.len() == 3 || matches!(bytes[3], b' ' | b'-'));
        }
    }

    #[test]
    fn reply_lines_round_trip(code in 200u16..600, last in any::<bool>(), text in "[ -~]{0,200}") {
        let sep = if last { ' ' } else { '-' };
        let line = parse_line(format!("{code}{sep}{text}").as_bytes()).unwrap();
        prop_assert_eq!(line.code, code);
        prop_assert_eq!(line.last, last);
        prop_assert_eq!(line.text, text);
    }

    #[test]
    fn ehlo_extensions_never_panic(lines in prop::collection::vec(".{0,80}", 0..120)) {
        let ext = timed(|| Extensions::parse(&lines));
        let keywords = ext.keywords();
        // Every line after the greeting is one keyword or kept as another extension.
        prop_assert!(ext.other.len() < lines.len().max(1));
        prop_assert!(keywords.len() <= lines.len() + 1);
    }

    #[test]
    fn host_specs_never_panic(text in ".{0,300}") {
        if let Ok(spec) = timed(|| parse_host_spec(&text)) {
            prop_assert!(!spec.name.is_empty());
            prop_assert_ne!(spec.port, Some(0));
        }
    }

    #[test]
    fn ehlo_names_never_carry_a_line_break_or_space(text in ".{0,300}") {
        if let Ok(name) = timed(|| valid_ehlo_name(&text)) {
            prop_assert!(!name.chars().any(|c| c.is_whitespace() || c.is_control()), "{name:?}");
        }
    }

    #[test]
    fn algorithm_names_never_panic(oid in "[0-9.]{0,60}") {
        let name = signature_name(&oid);
        let _ = weak_signature(&name);
    }

    #[test]
    fn tlsa_text_never_panics(text in "[0-9a-fA-F ]{0,300}|.{0,300}") {
        if let Ok(tlsa) = timed(|| text.parse::<Tlsa>()) {
            prop_assert_eq!(tlsa.to_string().parse::<Tlsa>().unwrap(), tlsa);
        }
    }

    #[test]
    fn tlsa_records_round_trip(rdata in prop::collection::vec(any::<u8>(), 3..400)) {
        let tlsa = Tlsa::from_rdata(&rdata).unwrap();
        prop_assert_eq!(tlsa.to_rdata(), rdata);
        let _ = tlsa.malformation();
        if !tlsa.data.is_empty() {
            prop_assert_eq!(tlsa.to_string().parse::<Tlsa>().unwrap(), tlsa);
        }
    }
}
