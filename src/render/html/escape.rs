//! Escaping of untrusted text (from DNS, SMTP, HTTP or files) for HTML and SVG: text and quoted
//! attribute values (HTML Living Standard §13.1.2.6, XML 1.0 §2.4).

/// `text` made safe for an HTML (or SVG) text node or a quoted attribute value: `&`, `<`, `>`,
/// `"` and `'` become character references. Control characters other than tab, line feed and
/// carriage return, and bidirectional overrides, become the visible escapes the terminal shows
/// (`\x1b`, `\u{202e}`): HTML forbids the former and the latter could reorder what a reader sees.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    write_html(&mut out, text);
    out
}

/// [`html`], appended to `out`.
pub fn write_html(out: &mut String, text: &str) {
    // Most text needs nothing: copy the runs between special characters whole.
    let mut start = 0;
    for (at, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            c if hidden(c) => {
                out.push_str(&text[start..at]);
                out.push_str(&crate::sanitize::escape(c.encode_utf8(&mut [0; 4])));
                start = at + c.len_utf8();
                continue;
            }
            _ => continue,
        };
        out.push_str(&text[start..at]);
        out.push_str(replacement);
        start = at + c.len_utf8();
    }
    out.push_str(&text[start..]);
}

/// A character a page must not carry as it is: a control other than the whitespace HTML
/// allows, or a bidirectional override or isolate.
fn hidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(html("v=spf1 -all"), "v=spf1 -all");
        assert_eq!(
            html("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(html("&amp;"), "&amp;amp;");
        assert_eq!(html(""), "");
    }

    #[test]
    fn keeps_whitespace_and_other_text() {
        assert_eq!(html("a\tb\nc\r\nd"), "a\tb\nc\r\nd");
        assert_eq!(html("bücher.example ✓"), "bücher.example ✓");
    }

    #[test]
    fn shows_controls_and_bidi_overrides() {
        assert_eq!(html("a\0b\x1b[31m\u{7f}"), "a\\x00b\\x1b[31m\\x7f");
        assert_eq!(html("gpj.\u{202e}exe"), "gpj.\\u{202e}exe");
        assert_eq!(html("\u{9b}<"), "\\x9b&lt;");
    }

    #[test]
    fn appends_to_what_is_there() {
        let mut out = String::from("<td>");
        write_html(&mut out, "a<b");
        out.push_str("</td>");
        assert_eq!(out, "<td>a&lt;b</td>");
    }
}
