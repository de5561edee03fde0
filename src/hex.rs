//! Hexadecimal as DNS presentation formats write binary data (RFC 4648 §8, base16): DS
//! digests, TLSA association data, RFC 3597 generic data.

use std::fmt::Write as _;

/// Lowercase hex.
pub fn encode(data: &[u8]) -> String {
    data.iter()
        .fold(String::with_capacity(data.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The bytes of an even number of hex digits (either case); `None` for anything else.
pub fn decode(digits: &[u8]) -> Option<Vec<u8>> {
    if !digits.len().is_multiple_of(2) {
        return None;
    }
    digits
        .chunks(2)
        .map(|pair| Some((digit(pair[0])? << 4) | digit(pair[1])?))
        .collect()
}

fn digit(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_what_is_not_hex() {
        assert_eq!(encode(&[0x00, 0xab, 0xff]), "00abff");
        assert_eq!(decode(b"00ABff"), Some(vec![0x00, 0xab, 0xff]));
        assert_eq!(decode(b""), Some(vec![]));
        for bad in [&b"abc"[..], b"zz", b"0x", b"+1"] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
    }
}
