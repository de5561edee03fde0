//! SPF macro-strings (RFC 7208 §7.1): parsed into literal text and macro expansions.
//! Expansion, which needs the evaluation's context, lives in `spf::expand`.

use serde::Serialize;

/// One piece of a macro-string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MacroPart {
    Literal(String),
    Macro(MacroExpand),
    /// `%%`
    Percent,
    /// `%_`
    Space,
    /// `%-`
    UrlSpace,
}

/// `%{ letter [digits] [r] [delimiters] }`
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MacroExpand {
    /// The letter, lowercase.
    pub letter: char,
    /// Written in uppercase: the expansion is URL-escaped (§7.3).
    pub url_escape: bool,
    /// Keep at most this many right-hand parts (§7.3); `None` keeps all.
    pub keep: Option<usize>,
    pub reverse: bool,
    /// The delimiters to split on; empty means ".".
    pub delimiters: String,
}

/// A parsed macro-string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MacroString {
    pub text: String,
    pub parts: Vec<MacroPart>,
}

/// A malformed macro: byte offsets within the parsed text, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MacroError {
    pub start: usize,
    pub end: usize,
    pub message: String,
}

/// Letters valid in every macro-string; `c`, `r` and `t` are valid only in exp= text (§7.2).
const LETTERS: &str = "slodiphv";
const EXP_ONLY_LETTERS: &str = "crt";
const DELIMITERS: &str = ".-+,/_=";

impl MacroString {
    /// Parses `text`; `in_exp` (an explain-string, §6.2) allows spaces and the letters c, r, t.
    pub fn parse(text: &str, in_exp: bool) -> Result<Self, MacroError> {
        let bytes = text.as_bytes();
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b != b'%' {
                // macro-literal is %x21-24 / %x26-7E: visible ASCII other than '%'; an
                // explain-string may also hold spaces (§6.2).
                if !((0x21..=0x7e).contains(&b) || (in_exp && b == b' ')) {
                    let c = text[i..].chars().next().unwrap_or('?');
                    return Err(MacroError {
                        start: i,
                        end: i + c.len_utf8(),
                        message: format!(
                            "character {} is not allowed here",
                            crate::sanitize::quoted_char(c)
                        ),
                    });
                }
                literal.push(b as char);
                i += 1;
                continue;
            }
            if !literal.is_empty() {
                parts.push(MacroPart::Literal(std::mem::take(&mut literal)));
            }
            let (part, len) =
                parse_percent(&text[i..], in_exp).map_err(|(off, end, m)| MacroError {
                    start: i + off,
                    end: i + end,
                    message: m,
                })?;
            parts.push(part);
            i += len;
        }
        if !literal.is_empty() {
            parts.push(MacroPart::Literal(literal));
        }
        Ok(Self {
            text: text.to_string(),
            parts,
        })
    }

    pub fn has_macros(&self) -> bool {
        self.parts
            .iter()
            .any(|p| !matches!(p, MacroPart::Literal(_)))
    }
}

/// A macro error: offsets within the `%...` being parsed, and the message.
type PartError = (usize, usize, String);

/// Parses one `%...` at the start of `s`; returns the part and its length.
fn parse_percent(s: &str, in_exp: bool) -> Result<(MacroPart, usize), PartError> {
    match s.as_bytes().get(1) {
        Some(b'%') => Ok((MacroPart::Percent, 2)),
        Some(b'_') => Ok((MacroPart::Space, 2)),
        Some(b'-') => Ok((MacroPart::UrlSpace, 2)),
        Some(b'{') => {
            let Some(close) = s.find('}') else {
                return Err((0, s.len(), "macro '%{' is not closed with '}'".to_string()));
            };
            let expand = parse_expand(&s[2..close], in_exp).map_err(|m| (0, close + 1, m))?;
            Ok((MacroPart::Macro(expand), close + 1))
        }
        _ => Err((
            0,
            // The '%' and the character after it, if any.
            1 + s[1..].chars().next().map_or(0, char::len_utf8),
            "'%' must be followed by '{', '%', '_' or '-' (write %% for a percent sign)"
                .to_string(),
        )),
    }
}

/// The body of `%{...}`: `letter [digits] [r] [delimiters]`.
fn parse_expand(body: &str, in_exp: bool) -> Result<MacroExpand, String> {
    let letter_raw = macro_letter(body, in_exp)?;
    let rest = &body[letter_raw.len_utf8()..];
    let digits_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let keep = match digits_len {
        0 => None,
        _ => Some(keep_count(&rest[..digits_len])?),
    };
    let mut tail = &rest[digits_len..];
    let reverse = matches!(tail.as_bytes().first(), Some(b'r' | b'R'));
    if reverse {
        tail = &tail[1..];
    }
    if let Some(bad) = tail.chars().find(|c| !DELIMITERS.contains(*c)) {
        return Err(format!(
            "{} is not a macro delimiter",
            crate::sanitize::quoted_char(bad)
        ));
    }
    Ok(MacroExpand {
        letter: letter_raw.to_ascii_lowercase(),
        url_escape: letter_raw.is_ascii_uppercase(),
        keep,
        reverse,
        delimiters: tail.to_string(),
    })
}

/// The macro letter as written; `c`, `r` and `t` only in exp= text (§7.2).
fn macro_letter(body: &str, in_exp: bool) -> Result<char, String> {
    let Some(letter_raw) = body.chars().next() else {
        return Err("macro has no letter".to_string());
    };
    let letter = letter_raw.to_ascii_lowercase();
    let known = LETTERS.contains(letter) || (in_exp && EXP_ONLY_LETTERS.contains(letter));
    if letter_raw.is_ascii_alphabetic() && known {
        Ok(letter_raw)
    } else if EXP_ONLY_LETTERS.contains(letter) {
        Err(format!(
            "macro letter '{letter_raw}' is allowed only in exp= text"
        ))
    } else {
        Err(format!("'{letter_raw}' is not a macro letter"))
    }
}

/// Where digit counts saturate. A count past the number of parts keeps them all (§7.3): any
/// count of 128 or more does for a domain (at most 127 labels). This bound is above the parts
/// of anything a macro expands (a domain is at most 253 bytes, a reverse-path 256, an SMTP
/// line 1000), so saturating here never changes a result, while `%{d99999999999999999999}`
/// parses instead of overflowing.
pub const MAX_KEEP: usize = 65_535;

/// The digit transformer: 1 or more (§7.1 forbids zero); counts past [`MAX_KEEP`] saturate.
fn keep_count(digits: &str) -> Result<usize, String> {
    let value = digits.bytes().fold(0usize, |n, d| {
        n.saturating_mul(10)
            .saturating_add(usize::from(d - b'0'))
            .min(MAX_KEEP)
    });
    if value == 0 {
        return Err("macro digit transformer must be 1 or more".to_string());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_forms() {
        let m = MacroString::parse("%{ir}.%{v}._spf.%{D2}%%%_%-x", false).unwrap();
        assert_eq!(m.parts.len(), 9);
        let MacroPart::Macro(d) = &m.parts[4] else {
            panic!()
        };
        assert_eq!(
            (d.letter, d.url_escape, d.keep, d.reverse),
            ('d', true, Some(2), false)
        );
        let m = MacroString::parse("%{l1r+-}", false).unwrap();
        let MacroPart::Macro(l) = &m.parts[0] else {
            panic!()
        };
        assert_eq!(
            (l.keep, l.reverse, l.delimiters.as_str()),
            (Some(1), true, "+-")
        );
    }

    #[test]
    fn huge_digit_counts_keep_every_part() {
        for (text, keep) in [
            ("%{d99999999999999999999}", MAX_KEEP),
            ("%{d65535}", MAX_KEEP),
            ("%{d65536}", MAX_KEEP),
            ("%{d128}", 128),
            ("%{d127r}", 127),
            ("%{d0001}", 1),
            (&format!("%{{d{}}}", "9".repeat(4000)), MAX_KEEP),
        ] {
            let m = MacroString::parse(text, false).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            let MacroPart::Macro(d) = &m.parts[0] else {
                panic!()
            };
            assert_eq!(d.keep, Some(keep), "{text}");
        }
        for zero in ["%{d0}", "%{d00}", "%{d000r}"] {
            let e = MacroString::parse(zero, false).unwrap_err();
            assert_eq!(e.message, "macro digit transformer must be 1 or more");
            assert_eq!((e.start, e.end), (0, zero.len()));
        }
    }

    #[test]
    fn errors_span_the_whole_macro() {
        let e = MacroString::parse("a.%{q}.b", false).unwrap_err();
        assert_eq!(
            (e.start, e.end, e.message.as_str()),
            (2, 6, "'q' is not a macro letter")
        );
        let e = MacroString::parse("%{c}", false).unwrap_err();
        assert_eq!(e.message, "macro letter 'c' is allowed only in exp= text");
        let e = MacroString::parse("x%{d", false).unwrap_err();
        assert_eq!((e.start, e.end), (1, 4));
        let e = MacroString::parse("%{d2x}", false).unwrap_err();
        assert_eq!(e.message, "'x' is not a macro delimiter");
        let e = MacroString::parse("x%", false).unwrap_err();
        assert_eq!((e.start, e.end), (1, 2));
        // The span ends on a character boundary.
        let e = MacroString::parse("%\u{a1}", false).unwrap_err();
        assert_eq!((e.start, e.end), (0, 3));
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "%", "%x", "%{", "%{}", "%{q}", "%{d0}", "%{d2x}", "%{c}", "a b",
        ] {
            assert!(MacroString::parse(bad, false).is_err(), "{bad:?}");
        }
        assert!(MacroString::parse("%{c} %{r} %{t}", true).is_ok());
    }
}
