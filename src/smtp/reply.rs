//! SMTP replies (RFC 5321 §4.2): a three-digit code, then either a space (the last line) or a
//! hyphen (more lines follow) and text. A bare code is a valid last line (§4.2.1); every line of
//! a multi-line reply carries the same code.

use serde::Serialize;

/// A complete reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reply {
    pub code: u16,
    /// The text of each line after the code and its separator; non-UTF-8 bytes as `\xNN`.
    pub lines: Vec<String>,
}

impl Reply {
    /// 2xx: the command was accepted.
    pub fn is_positive(&self) -> bool {
        (200..300).contains(&self.code)
    }

    /// 4xx: try again later.
    pub fn is_transient(&self) -> bool {
        (400..500).contains(&self.code)
    }

    /// The code and the first line, as a message quotes it ("554 5.7.1 go away").
    pub fn summary(&self) -> String {
        match self.lines.first().map(|l| l.trim()) {
            Some(text) if !text.is_empty() => format!("{} {text}", self.code),
            _ => self.code.to_string(),
        }
    }

    /// The reply's lines as they were on the wire (without CRLF), for a transcript.
    pub fn wire_lines(&self) -> Vec<String> {
        let last = self.lines.len().saturating_sub(1);
        self.lines
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let sep = if i == last { ' ' } else { '-' };
                if text.is_empty() && i == last {
                    self.code.to_string()
                } else {
                    format!("{}{sep}{text}", self.code)
                }
            })
            .collect()
    }
}

/// One line of a reply, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyLine {
    pub code: u16,
    /// No more lines follow.
    pub last: bool,
    pub text: String,
}

/// Parses one line (without its line ending); `None` when it is not a reply line.
pub fn parse_line(line: &[u8]) -> Option<ReplyLine> {
    let (digits, rest) = (line.get(..3)?, &line[3..]);
    // Reply codes start 2 to 5 (§4.2.1); the second and third digits may be any.
    if !digits.iter().all(u8::is_ascii_digit) || !(b'2'..=b'5').contains(&digits[0]) {
        return None;
    }
    let code = digits
        .iter()
        .fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
    let (last, text) = match rest.split_first() {
        None => (true, &[][..]),
        Some((b' ', text)) => (true, text),
        Some((b'-', text)) => (false, text),
        Some(_) => return None,
    };
    Some(ReplyLine {
        code,
        last,
        text: crate::dns::bytes_text(text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_reply_lines() {
        let line = parse_line(b"250-PIPELINING").unwrap();
        assert_eq!(
            (line.code, line.last, line.text.as_str()),
            (250, false, "PIPELINING")
        );
        let line = parse_line(b"220 mx.example.com ESMTP").unwrap();
        assert!(line.last);
        assert_eq!(parse_line(b"250").unwrap().text, "");
        for bad in [
            &b"25"[..],
            b"abc def",
            b"250x",
            b"650 no",
            b"",
            b"\xff\xff\xff",
        ] {
            assert_eq!(parse_line(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn shows_replies_as_sent() {
        let reply = Reply {
            code: 250,
            lines: vec!["mx.example.com".into(), "STARTTLS".into()],
        };
        assert_eq!(reply.wire_lines(), ["250-mx.example.com", "250 STARTTLS"]);
        assert_eq!(reply.summary(), "250 mx.example.com");
    }
}
