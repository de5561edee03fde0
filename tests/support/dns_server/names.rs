//! Names and record types as the test DNS server handles them: fixture names split into labels
//! (RFC 1035 §2.3.4 limits), lowercase keys, and type mnemonics (RFC 3597 for unknown types).

use std::str::FromStr;

use hickory_server::proto::rr::{Name, RecordType};

/// The obsolete SPF RR type (RFC 7208 §3.1).
pub(super) const SPF_TYPE: u16 = 99;

/// A name as lowercase labels, leftmost first; the root is empty.
pub(super) type Key = Vec<Vec<u8>>;

/// Splits a fixture name into labels, checking what the wire format needs.
pub(super) fn labels_of(name: &str) -> Vec<Vec<u8>> {
    let trimmed = name.strip_suffix('.').unwrap_or(name);
    if trimmed.is_empty() {
        return Vec::new();
    }
    let labels: Vec<Vec<u8>> = trimmed.split('.').map(|l| l.as_bytes().to_vec()).collect();
    for label in &labels {
        assert!(
            !label.is_empty() && label.len() <= 63,
            "fixture name {name:?}: labels must be 1 to 63 bytes, one is {}",
            label.len()
        );
    }
    let wire_len: usize = labels.iter().map(|l| l.len() + 1).sum::<usize>() + 1;
    assert!(
        wire_len <= 255,
        "fixture name {name:?} is {wire_len} bytes on the wire, at most 255 fit"
    );
    labels
}

pub(super) fn key_of(name: &str) -> Key {
    let mut labels = labels_of(name);
    for label in &mut labels {
        label.make_ascii_lowercase();
    }
    labels
}

pub(super) fn key_of_name(name: &Name) -> Key {
    name.iter().map(<[u8]>::to_ascii_lowercase).collect()
}

/// A fixture name as it goes into RDATA, its case kept.
pub(super) fn wire_name(name: &str) -> Name {
    let labels = labels_of(name);
    Name::from_labels(labels.iter().map(Vec::as_slice))
        .unwrap_or_else(|e| panic!("fixture name {name:?} cannot be encoded: {e}"))
}

pub(super) fn text_of_key(key: &Key) -> String {
    key.iter()
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .collect::<Vec<_>>()
        .join(".")
}

pub(super) fn check_strings(name: &str, strings: &[Vec<u8>]) {
    for s in strings {
        assert!(
            s.len() <= 255,
            "fixture TXT/SPF record at {name:?}: a character-string of {} bytes cannot be encoded \
             (at most 255); split it into several strings or use Zone::txt_split",
            s.len()
        );
    }
}

pub(super) fn parse_type(mnemonic: &str) -> RecordType {
    if mnemonic.eq_ignore_ascii_case("SPF") {
        return RecordType::Unknown(SPF_TYPE);
    }
    RecordType::from_str(&mnemonic.to_ascii_uppercase())
        .unwrap_or_else(|e| panic!("unknown record type {mnemonic:?}: {e}"))
}

pub(super) fn type_mnemonic(rtype: RecordType) -> String {
    match rtype {
        RecordType::Unknown(SPF_TYPE) => "SPF".to_string(),
        RecordType::Unknown(code) => format!("TYPE{code}"),
        other => other.to_string(),
    }
}

/// Bytes from hex digits (either case, even length); `None` if it is not hex.
pub(super) fn bytes_of_hex(hex: &str) -> Option<Vec<u8>> {
    let digits = hex.as_bytes();
    if !digits.len().is_multiple_of(2) {
        return None;
    }
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
        .collect()
}

/// Lowercase hex of `bytes`.
pub(super) fn hex_of_bytes(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}
