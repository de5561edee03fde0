//! Zone-file presentation of records to publish (RFC 1035 §5.1): TXT data as quoted
//! character-strings of at most 255 bytes (§3.3), `"` and `\` escaped and every byte outside
//! printable ASCII as `\DDD`; a change as `name TTL IN TYPE rdata` lines.

use std::fmt::Write as _;

use super::{Action, Change};

/// RFC 1035 §3.3: the longest character-string.
pub const MAX_STRING: usize = 255;

/// A cut after a space is preferred when it keeps at least this much of a string: a long term
/// (a DKIM key) is better cut where it must than left after a short first string.
const LEAST_BEFORE_SPACE: usize = 128;

/// `value` cut into character-strings of at most 255 bytes, which receivers join without
/// separators. A cut falls just after a space where one is near the limit, so no SPF term is
/// split (a split term reads as two to a person, and to the `spf-split-in-term` lint), and
/// never inside a UTF-8 character.
pub fn split_txt(value: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = value;
    while rest.len() > MAX_STRING {
        let window = &rest[..MAX_STRING];
        let after_space = window
            .iter()
            .rposition(|&b| b == b' ')
            .map(|i| i + 1)
            .filter(|&cut| cut >= LEAST_BEFORE_SPACE);
        let cut = after_space.unwrap_or_else(|| character_boundary(rest, MAX_STRING));
        out.push(rest[..cut].to_vec());
        rest = &rest[cut..];
    }
    out.push(rest.to_vec());
    out
}

/// The nearest cut at or before `at` that is not inside a UTF-8 sequence; `at` itself when the
/// bytes there are not UTF-8 (at most three bytes back).
fn character_boundary(bytes: &[u8], at: usize) -> usize {
    let continuation = |i: usize| bytes.get(i).is_some_and(|b| b & 0xc0 == 0x80);
    let mut cut = at;
    while cut > at - 3 && continuation(cut) {
        cut -= 1;
    }
    if continuation(cut) { at } else { cut }
}

/// One character-string in quotes, escaped.
fn quote(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('"');
    for &b in bytes {
        match b {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(char::from(b));
            }
            0x20..=0x7e => out.push(char::from(b)),
            _ => {
                let _ = write!(out, "\\{b:03}");
            }
        }
    }
    out.push('"');
    out
}

/// Character-strings as published, each quoted, separated by a space: `"v=spf1 " "-all"`.
pub fn quoted_strings(strings: &[Vec<u8>]) -> String {
    strings
        .iter()
        .map(|s| quote(s))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A TXT record's text as zone-file data: split into strings of at most 255 bytes and quoted.
pub fn txt_rdata(value: &str) -> String {
    quoted_strings(&split_txt(value.as_bytes()))
}

/// The change as zone-file lines, one per record: the records to publish, or for a `delete`
/// the records to remove.
pub fn zone_lines(change: &Change) -> Vec<String> {
    let records = match change.action {
        Action::Delete => &change.old,
        Action::Add | Action::Replace => &change.new,
    };
    records
        .iter()
        .map(|rdata| format!("{} {} IN {} {rdata}", change.name, change.ttl, change.rtype))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::{RecordType, Txt};

    #[test]
    fn short_values_are_one_string() {
        assert_eq!(txt_rdata("v=spf1 -all"), r#""v=spf1 -all""#);
        assert_eq!(txt_rdata(""), r#""""#);
    }

    #[test]
    fn long_values_are_cut_after_a_space_near_the_limit() {
        let terms: Vec<String> = (0..30).map(|i| format!("ip4:192.0.2.{i}")).collect();
        let value = format!("v=spf1 {} -all", terms.join(" "));
        let strings = split_txt(value.as_bytes());
        assert!(strings.len() > 1);
        assert!(strings.iter().all(|s| s.len() <= MAX_STRING));
        assert_eq!(strings.concat(), value.as_bytes());
        for s in &strings[..strings.len() - 1] {
            assert_eq!(s.last(), Some(&b' '), "cut after a space");
            assert!(s.len() >= LEAST_BEFORE_SPACE);
        }
    }

    #[test]
    fn a_long_term_is_cut_at_255_bytes() {
        let value = format!("v=DKIM1; k=rsa; p={}", "A".repeat(600));
        let sizes: Vec<usize> = split_txt(value.as_bytes()).iter().map(Vec::len).collect();
        assert_eq!(sizes, [255, 255, 108]);
        // Exactly 255 bytes is still one string.
        assert_eq!(split_txt(&[b'x'; 255]).len(), 1);
        assert_eq!(split_txt(&[b'x'; 256]).len(), 2);
    }

    #[test]
    fn utf8_characters_are_not_cut() {
        let value = format!("{}é{}", "a".repeat(254), "b".repeat(10));
        let strings = split_txt(value.as_bytes());
        assert_eq!(strings[0].len(), 254);
        assert!(std::str::from_utf8(&strings[1]).is_ok());
        // Bytes that are not UTF-8 are cut where they must be.
        assert_eq!(split_txt(&[0x80; 300])[0].len(), 255);
    }

    #[test]
    fn quotes_backslashes_and_unprintable_bytes_are_escaped() {
        let strings = vec![b"say \"hi\" \\ now".to_vec(), vec![0, 9, 0xff, b'x']];
        let shown = quoted_strings(&strings);
        assert_eq!(shown, r#""say \"hi\" \\ now" "\000\009\255x""#);
        // The crate's own reader of typed records reads it back as the same bytes.
        assert_eq!(Txt::from_typed(&shown).unwrap().strings, strings);
    }

    #[test]
    fn a_change_is_one_line_per_record() {
        let mut change = Change::add_txt("_dmarc.example.com", "v=DMARC1; p=reject", 300, "");
        assert_eq!(change.name, "_dmarc.example.com.");
        assert_eq!(
            zone_lines(&change),
            [r#"_dmarc.example.com. 300 IN TXT "v=DMARC1; p=reject""#]
        );
        change.action = Action::Delete;
        change.old = vec![r#""v=DMARC1; p=none""#.into()];
        assert_eq!(
            zone_lines(&change),
            [r#"_dmarc.example.com. 300 IN TXT "v=DMARC1; p=none""#]
        );
        let mx = Change::add("example.com.", RecordType::Mx, "0 .".into(), 3600, "");
        assert_eq!(zone_lines(&mx), ["example.com. 3600 IN MX 0 ."]);
    }
}
