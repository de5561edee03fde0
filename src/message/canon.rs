//! DKIM canonicalization (RFC 6376 §3.4): the "simple" and "relaxed" forms of a header field
//! and of the body, and what `h=` selects (§5.4.2: bottom-up, over-signed names contribute
//! nothing). Input is CRLF text as `read` makes it.

use serde::Serialize;

use super::read::{HeaderField, Message};

/// One canonicalization algorithm (RFC 6376 §3.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Canonicalization {
    Simple,
    Relaxed,
}

impl Canonicalization {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Simple => "simple",
            Self::Relaxed => "relaxed",
        }
    }

    /// One half of `c=` (names compare case-insensitively).
    pub fn from_tag(value: &str) -> Option<Self> {
        match value.to_ascii_lowercase().as_str() {
            "simple" => Some(Self::Simple),
            "relaxed" => Some(Self::Relaxed),
            _ => None,
        }
    }
}

fn is_wsp(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// A header field (`raw`: name, colon, value, without the final CRLF) in canonical form,
/// CRLF-terminated.
pub fn header(c: Canonicalization, raw: &[u8]) -> Vec<u8> {
    match c {
        Canonicalization::Simple => [raw, b"\r\n"].concat(),
        Canonicalization::Relaxed => header_relaxed(raw),
    }
}

/// §3.4.2: lowercase name, unfolded, WSP runs one SP, no WSP at the end or around the colon.
fn header_relaxed(raw: &[u8]) -> Vec<u8> {
    let colon = raw.iter().position(|&b| b == b':').unwrap_or(raw.len());
    let mut out: Vec<u8> = raw[..colon].trim_ascii_end().to_ascii_lowercase();
    out.push(b':');
    let value = raw.get(colon + 1..).unwrap_or_default();
    let mut pending_space = false;
    // WSP right after the colon is deleted, not made one SP.
    let mut started = false;
    let mut i = 0;
    while i < value.len() {
        let b = value[i];
        if b == b'\r' && value.get(i + 1) == Some(&b'\n') {
            // Unfolding: a CRLF inside a field is always followed by WSP.
            pending_space = true;
            i += 2;
            continue;
        }
        if is_wsp(b) {
            pending_space = true;
        } else {
            if pending_space && started {
                out.push(b' ');
            }
            pending_space = false;
            started = true;
            out.push(b);
        }
        i += 1;
    }
    out.extend_from_slice(b"\r\n");
    out
}

/// The body in canonical form (§3.4.3, §3.4.4).
pub fn body(c: Canonicalization, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 2);
    for line in lines(body) {
        match c {
            Canonicalization::Simple => out.extend_from_slice(line),
            Canonicalization::Relaxed => relaxed_line(line, &mut out),
        }
        out.extend_from_slice(b"\r\n");
    }
    // Empty lines at the end are ignored.
    while out.ends_with(b"\r\n\r\n") {
        out.truncate(out.len() - 2);
    }
    if out == b"\r\n" {
        out.clear();
    }
    if out.is_empty() && c == Canonicalization::Simple {
        // §3.4.3: an empty body is a single CRLF in simple.
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// The lines of `body` without their CRLFs; a last line without one counts as a line.
fn lines(body: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = body;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (line, next) = if let Some(p) = rest.windows(2).position(|w| w == b"\r\n") {
            (&rest[..p], &rest[p + 2..])
        } else {
            (rest, &[][..])
        };
        rest = next;
        Some(line)
    })
}

/// §3.4.4: WSP at the end of the line deleted, other WSP runs one SP.
fn relaxed_line(line: &[u8], out: &mut Vec<u8>) {
    let mut pending_space = false;
    for &b in line {
        if is_wsp(b) {
            pending_space = true;
        } else {
            if pending_space {
                out.push(b' ');
            }
            pending_space = false;
            out.push(b);
        }
    }
}

/// The fields `names` (from `h=`) select, in order (§5.4.2): for each name the last field of
/// that name not yet taken; a name with none left selects nothing (over-signing).
pub fn selected<'a>(message: &'a Message, names: &[String]) -> Vec<&'a HeaderField> {
    let mut taken = vec![false; message.headers.len()];
    let mut out = Vec::new();
    for name in names {
        let found = message
            .headers
            .iter()
            .enumerate()
            .rev()
            .find(|(i, h)| !taken[*i] && h.is(name));
        if let Some((i, h)) = found {
            taken[i] = true;
            out.push(h);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Canonicalization::{Relaxed, Simple};
    use super::*;

    /// RFC 6376 §3.4.6, the example message.
    const HEADERS: &[&[u8]] = &[b"A: X", b"B : Y\t\r\n\tZ  "];
    const BODY: &[u8] = b" C \r\nD \t E\r\n\r\n\r\n";

    #[test]
    fn rfc6376_3_4_6_relaxed() {
        let h: Vec<u8> = HEADERS.iter().flat_map(|f| header(Relaxed, f)).collect();
        assert_eq!(h, b"a:X\r\nb:Y Z\r\n");
        assert_eq!(header(Relaxed, b"H: a:\r\n b : c"), b"h:a: b : c\r\n");
        assert_eq!(body(Relaxed, BODY), b" C\r\nD E\r\n");
    }

    #[test]
    fn rfc6376_3_4_6_simple() {
        let h: Vec<u8> = HEADERS.iter().flat_map(|f| header(Simple, f)).collect();
        assert_eq!(h, b"A: X\r\nB : Y\t\r\n\tZ  \r\n");
        assert_eq!(body(Simple, BODY), b" C \r\nD \t E\r\n");
    }

    #[test]
    fn empty_bodies_and_missing_final_crlf() {
        assert_eq!(body(Simple, b""), b"\r\n");
        assert_eq!(body(Simple, b"\r\n\r\n"), b"\r\n");
        assert_eq!(body(Relaxed, b""), b"");
        assert_eq!(body(Relaxed, b" \r\n\t\r\n"), b"");
        assert_eq!(body(Relaxed, b"a  "), b"a\r\n");
        assert_eq!(body(Simple, b"a"), b"a\r\n");
    }

    #[test]
    fn over_signed_names_select_nothing_more() {
        let m = Message::parse(b"From: a\r\nTo: 1\r\nTo: 2\r\n\r\n").unwrap();
        let names: Vec<String> = ["to", "from", "from", "to", "to"]
            .iter()
            .map(ToString::to_string)
            .collect();
        let picked: Vec<&[u8]> = selected(&m, &names).iter().map(|h| &h.raw[..]).collect();
        assert_eq!(picked, [&b"To: 2"[..], b"From: a", b"To: 1"]);
    }
}
