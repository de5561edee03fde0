//! Reading a saved message (RFC 5322 §2.2, §3.6): the header fields in order, each with its
//! raw bytes for canonicalization, and the body. Tolerates what mail programs and MTAs save:
//! bare LF line endings (made CRLF, as they were on the wire), 8-bit bytes anywhere, folded
//! fields and an mbox `From ` first line. Bounded in size, field count and header bytes.

/// Largest message read (the bound: larger is refused, not truncated).
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;
/// Most header fields read; more is an error.
pub const MAX_HEADER_FIELDS: usize = 1000;
/// Largest header section read; more is an error.
pub const MAX_HEADER_BYTES: usize = 1024 * 1024;

/// Why a message cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("the message is larger than {limit} bytes (64 MiB); it is not read")]
    TooLarge { limit: usize },
    #[error("the header section has more than {limit} fields")]
    TooManyFields { limit: usize },
    #[error("the header section is larger than {limit} bytes (1 MiB)")]
    HeaderTooLarge { limit: usize },
    #[error("line {line} of the header section is {what}")]
    Malformed { line: usize, what: &'static str },
}

/// One header field (RFC 5322 §2.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderField {
    /// The name as written, without white space before the colon.
    pub name: String,
    /// The whole field, name to the end of its last line, folds kept as CRLF + WSP, without the
    /// final CRLF.
    pub raw: Vec<u8>,
    /// Where the value starts in `raw` (just after the colon).
    pub value_start: usize,
}

impl HeaderField {
    /// The value: everything after the colon, folds included.
    pub fn value(&self) -> &[u8] {
        &self.raw[self.value_start..]
    }

    /// Whether the field is named `name` (names compare case-insensitively).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

/// A message: its header fields in order and its body, line endings CRLF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub headers: Vec<HeaderField>,
    /// The body after the empty line; empty when there is none.
    pub body: Vec<u8>,
    /// An mbox `From ` line came first and was skipped.
    pub mbox_from: bool,
    /// Some lines ended in a bare LF (made CRLF).
    pub bare_lf: bool,
}

impl Message {
    /// Reads `bytes`, a whole saved message.
    pub fn parse(bytes: &[u8]) -> Result<Self, ReadError> {
        if bytes.len() > MAX_MESSAGE_BYTES {
            return Err(ReadError::TooLarge {
                limit: MAX_MESSAGE_BYTES,
            });
        }
        let (data, bare_lf) = to_crlf(bytes);
        let mut at = 0;
        let mut mbox_from = false;
        if data.starts_with(b"From ") {
            at = line_end(&data, 0).map_or(data.len(), |end| end + 2);
            mbox_from = true;
        }
        let (headers, body_start) = read_fields(&data, at)?;
        let body = data.get(body_start..).unwrap_or_default().to_vec();
        Ok(Self {
            headers,
            body,
            mbox_from,
            bare_lf,
        })
    }

    /// The header fields named `name`, top to bottom.
    pub fn fields<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a HeaderField> {
        self.headers.iter().filter(move |h| h.is(name))
    }
}

/// Every bare LF made CRLF; says whether there was one.
fn to_crlf(bytes: &[u8]) -> (Vec<u8>, bool) {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 32);
    let mut bare = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' && (i == 0 || bytes[i - 1] != b'\r') {
            out.push(b'\r');
            bare = true;
        }
        out.push(b);
    }
    (out, bare)
}

/// The index of the CRLF ending the line that starts at `from`.
fn line_end(data: &[u8], from: usize) -> Option<usize> {
    data.get(from..)?
        .windows(2)
        .position(|w| w == b"\r\n")
        .map(|p| from + p)
}

/// The header fields from `at`, and where the body starts.
fn read_fields(data: &[u8], start: usize) -> Result<(Vec<HeaderField>, usize), ReadError> {
    let mut fields: Vec<HeaderField> = Vec::new();
    let mut at = start;
    let mut line_no = 0;
    loop {
        if at >= data.len() {
            return Ok((fields, data.len()));
        }
        line_no += 1;
        let end = line_end(data, at).unwrap_or(data.len());
        if end - start > MAX_HEADER_BYTES {
            return Err(ReadError::HeaderTooLarge {
                limit: MAX_HEADER_BYTES,
            });
        }
        let line = &data[at..end];
        let next = (end + 2).min(data.len());
        if line.is_empty() {
            return Ok((fields, next));
        }
        if matches!(line[0], b' ' | b'\t') {
            let Some(field) = fields.last_mut() else {
                return Err(ReadError::Malformed {
                    line: line_no,
                    what: "a continuation line before any field",
                });
            };
            field.raw.extend_from_slice(b"\r\n");
            field.raw.extend_from_slice(line);
        } else {
            if fields.len() == MAX_HEADER_FIELDS {
                return Err(ReadError::TooManyFields {
                    limit: MAX_HEADER_FIELDS,
                });
            }
            fields.push(field(line, line_no)?);
        }
        at = next;
    }
}

/// A field's first line: `name: value` (obsolete syntax allows white space before the colon).
fn field(line: &[u8], line_no: usize) -> Result<HeaderField, ReadError> {
    let malformed = |what| ReadError::Malformed {
        line: line_no,
        what,
    };
    let colon = line.iter().position(|&b| b == b':').ok_or(malformed(
        "neither a field (name: value) nor a continuation",
    ))?;
    let name = line[..colon].trim_ascii_end();
    if name.is_empty() || !name.iter().all(|b| (33..=126).contains(b)) {
        return Err(malformed(
            "a field whose name is empty or not printable ASCII",
        ));
    }
    Ok(HeaderField {
        name: String::from_utf8_lossy(name).into_owned(),
        raw: line.to_vec(),
        value_start: colon + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lf_and_crlf_alike_with_folds_and_the_mbox_line() {
        let lf = b"From sender@example.org Mon Jan  1 00:00:00 2024\nFrom: a@example.com\nSubject: one\n\ttwo\n\nbody\n";
        let crlf = b"From: a@example.com\r\nSubject: one\r\n\ttwo\r\n\r\nbody\r\n";
        let a = Message::parse(lf).unwrap();
        let b = Message::parse(crlf).unwrap();
        assert!(a.mbox_from && a.bare_lf && !b.mbox_from && !b.bare_lf);
        assert_eq!(a.headers, b.headers);
        assert_eq!(a.body, b"body\r\n");
        assert_eq!(a.headers[1].raw, b"Subject: one\r\n\ttwo");
        assert_eq!(a.headers[1].value(), b" one\r\n\ttwo");
        assert_eq!(a.fields("SUBJECT").count(), 1);
    }

    #[test]
    fn refuses_what_is_not_a_message_and_what_is_too_big() {
        assert!(matches!(
            Message::parse(b" folded\r\nA: b\r\n"),
            Err(ReadError::Malformed { line: 1, .. })
        ));
        assert!(matches!(
            Message::parse(b"A: b\r\nno colon\r\n"),
            Err(ReadError::Malformed { line: 2, .. })
        ));
        let many = "A: b\r\n".repeat(MAX_HEADER_FIELDS + 1);
        assert!(matches!(
            Message::parse(many.as_bytes()),
            Err(ReadError::TooManyFields { .. })
        ));
        let long = format!("A: {}\r\n", "x".repeat(MAX_HEADER_BYTES + 10));
        assert!(matches!(
            Message::parse(long.as_bytes()),
            Err(ReadError::HeaderTooLarge { .. })
        ));
        let huge = vec![b'a'; MAX_MESSAGE_BYTES + 1];
        assert!(matches!(
            Message::parse(&huge),
            Err(ReadError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_message_without_a_body_or_with_8bit_bytes_reads() {
        let m = Message::parse(b"A: \xff\xfe").unwrap();
        assert_eq!(m.headers[0].value(), b" \xff\xfe");
        assert!(m.body.is_empty());
    }
}
