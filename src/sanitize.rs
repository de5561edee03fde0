//! Escaping of untrusted text (from DNS, SMTP, HTTP or files) before it reaches a terminal: control
//! characters could move the cursor, recolour the screen or hide text (ECMA-48 escapes).

use std::fmt::Write;

/// Replaces control characters (C0, DEL, C1) and bidirectional overrides with visible escapes;
/// everything else is kept.
pub fn escape(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            match c {
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c if u32::from(c) < 0x100 => {
                    let _ = write!(out, "\\x{:02x}", u32::from(c));
                }
                c => {
                    let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` between double quotes, escaped: how a message quotes untrusted text, in the one
/// dialect of [`escape`] (never Rust's `{:?}`, whose `\u{1b}` would stand beside `\x1b`).
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

/// A character between single quotes, escaped: how a message names one character.
pub fn quoted_char(c: char) -> String {
    format!("'{}'", escape(c.encode_utf8(&mut [0; 4])))
}

/// The column (in characters) in `escape(text)` where byte `offset` of `text` lands.
pub fn escaped_column(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(offset, |prefix| escape(prefix).chars().count())
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls() {
        assert_eq!(escape("v=spf1 -all"), "v=spf1 -all");
        assert_eq!(
            escape("a\x1b[31mb\u{9b}c\u{202e}"),
            "a\\x1b[31mb\\x9bc\\u{202e}"
        );
        assert_eq!(escape("tab\there"), "tab\\there");
        assert_eq!(escaped_column("a\x1bb", 2), 5);
        assert_eq!(quoted("exa\x1bmple\u{7}"), "\"exa\\x1bmple\\x07\"");
        assert_eq!(quoted_char('\x1b'), "'\\x1b'");
    }
}
