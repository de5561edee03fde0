//! TXT data (RFC 1035 §3.3.14): the character-strings exactly as published, as bytes, and the
//! zone-file notation users type them in (`"v=spf1 ..." "... -all"`, RFC 1035 §5.1).

use std::fmt::{self, Write as _};

/// TXT (or SPF-type) data: the character-strings exactly as published.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Txt {
    pub strings: Vec<Vec<u8>>,
}

/// Why typed record text could not be read as character-strings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TxtInputError {
    #[error("the quoted string that starts at byte {start} is never closed")]
    Unterminated { start: usize },
    #[error(
        "text outside quotes at byte {at}: quote every string, or give the record unquoted as \
         one string"
    )]
    Unquoted { at: usize },
    #[error("the record is empty")]
    Empty,
}

impl Txt {
    /// One character-string holding `text`.
    pub fn single(text: &str) -> Self {
        Self {
            strings: vec![text.as_bytes().to_vec()],
        }
    }

    /// The strings concatenated without separators, as RFC 7208 §3.3 reads them.
    pub fn joined(&self) -> Vec<u8> {
        self.strings.concat()
    }

    /// The joined text; bytes that are not UTF-8 are shown as `\xNN`, so nothing is lost or
    /// replaced. Positions in it are the published bytes' up to the first such byte.
    pub fn text(&self) -> String {
        bytes_text(&self.joined())
    }

    /// Each character-string as text, shown as [`Txt::text`] shows the whole.
    pub fn string_texts(&self) -> Vec<String> {
        self.strings.iter().map(|s| bytes_text(s)).collect()
    }

    /// The first byte that is not ASCII, with its offset in the published data.
    pub fn first_non_ascii(&self) -> Option<(usize, u8)> {
        self.joined()
            .iter()
            .enumerate()
            .find(|(_, b)| !b.is_ascii())
            .map(|(i, b)| (i, *b))
    }

    /// A record typed by a user: plain text is one string; text that starts with a quote is
    /// zone-file style quoted strings separated by white space, with `\"`, `\\` and `\DDD`
    /// escapes, which keeps the split for linting.
    pub fn from_typed(input: &str) -> Result<Self, TxtInputError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(TxtInputError::Empty);
        }
        if !trimmed.starts_with('"') {
            return Ok(Self::single(trimmed));
        }
        let offset = input.len() - input.trim_start().len();
        let bytes = trimmed.as_bytes();
        let mut strings = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b' ' | b'\t' | b'\r' | b'\n' => i += 1,
                b'"' => {
                    let (string, next) = quoted(bytes, i)
                        .ok_or(TxtInputError::Unterminated { start: offset + i })?;
                    strings.push(string);
                    i = next;
                }
                _ => return Err(TxtInputError::Unquoted { at: offset + i }),
            }
        }
        Ok(Self { strings })
    }
}

/// UTF-8 as it is; every byte that is not part of valid UTF-8 as `\xNN`.
pub fn bytes_text(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

/// The string whose opening quote is at `start`, and the index after its closing quote.
fn quoted(bytes: &[u8], start: usize) -> Option<(Vec<u8>, usize)> {
    let mut out = Vec::new();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return Some((out, i + 1)),
            b'\\' => {
                let escape = bytes.get(i + 1..i + 4);
                if let Some(b) = escape.and_then(decimal_byte) {
                    out.push(b);
                    i += 4;
                } else {
                    out.push(*bytes.get(i + 1)?);
                    i += 2;
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    None
}

/// `\DDD`: three decimal digits naming one byte (RFC 1035 §5.1).
fn decimal_byte(digits: &[u8]) -> Option<u8> {
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits
        .iter()
        .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    u8::try_from(value).ok()
}

impl fmt::Display for Txt {
    /// Zone-file notation: each string quoted, quotes and backslashes escaped.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.strings.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            let text = bytes_text(s);
            write!(f, "\"{}\"", text.replace('"', "\\\""))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_strings() {
        let t = Txt::from_typed(r#""v=spf1 a" "-all \"x\"""#).unwrap();
        assert_eq!(
            t.strings,
            vec![b"v=spf1 a".to_vec(), b"-all \"x\"".to_vec()]
        );
        assert_eq!(
            Txt::from_typed("v=spf1 -all").unwrap().strings,
            vec![b"v=spf1 -all".to_vec()]
        );
        assert_eq!(
            Txt::from_typed(r#""a\045b\255""#).unwrap().strings,
            vec![b"a-b\xff".to_vec()]
        );
    }

    #[test]
    fn says_what_is_wrong_with_typed_strings() {
        assert_eq!(
            Txt::from_typed(r#""v=spf1 -all"#),
            Err(TxtInputError::Unterminated { start: 0 })
        );
        assert_eq!(
            Txt::from_typed(r#""v=spf1 " -all"#),
            Err(TxtInputError::Unquoted { at: 10 })
        );
        assert_eq!(Txt::from_typed("  "), Err(TxtInputError::Empty));
    }

    #[test]
    fn invalid_utf8_is_shown_escaped_never_replaced() {
        let t = Txt {
            strings: vec![b"v=spf1 \xff".to_vec(), b"\xc3\xa9\x80".to_vec()],
        };
        assert_eq!(t.text(), "v=spf1 \\xffé\\x80");
        assert_eq!(t.string_texts(), ["v=spf1 \\xff", "é\\x80"]);
        assert_eq!(t.first_non_ascii(), Some((7, 0xff)));
    }
}
