//! The MTA-STS policy file (RFC 8461 §3.2): `key: value` lines ended by CRLF or LF, read
//! losslessly — every field keeps its line number and the byte spans of its key and value in
//! that line, and every line that is not a field says where and why. What the values mean is
//! for the lints.

use std::ops::Range;

use serde::Serialize;

use crate::finding::Finding;

/// How a line ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineEnding {
    Crlf,
    Lf,
    /// The last line, without a terminator.
    None,
}

/// One line of the file, without its terminator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based.
    pub number: usize,
    /// Byte offset of the line in the file.
    pub offset: usize,
    pub text: String,
    pub ending: LineEnding,
}

/// One `key: value` field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: String,
    pub value: String,
    /// The line it is on.
    pub line: usize,
    pub key_span: Range<usize>,
    pub value_span: Range<usize>,
}

/// A line that is not a field, or a field that breaks the line grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    /// Bytes of that line.
    pub span: Range<usize>,
    pub message: String,
}

/// A parsed policy file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyFile {
    pub text: String,
    pub lines: Vec<Line>,
    pub fields: Vec<Field>,
    pub errors: Vec<LineError>,
}

impl PolicyFile {
    /// Reads a policy body; bytes that are not UTF-8 are kept as `\xNN` and are an error where
    /// they stand.
    pub fn parse_bytes(body: &[u8]) -> Self {
        let text = crate::dns::bytes_text(body);
        let mut file = Self::parse(&text);
        if let Err(e) = std::str::from_utf8(body) {
            let at = e.valid_up_to();
            if let Some(line) = file.lines.iter().rev().find(|l| l.offset <= at) {
                let start = at - line.offset;
                let end = (start + 4).min(line.text.len());
                file.errors.push(LineError {
                    line: line.number,
                    span: start..end,
                    message: format!("byte {at} is not UTF-8"),
                });
            }
        }
        file
    }

    pub fn parse(text: &str) -> Self {
        let lines = split_lines(text);
        let mut fields = Vec::new();
        let mut errors = Vec::new();
        // Blank lines after the last field are harmless; between fields the grammar has none.
        let last_field_line = lines
            .iter()
            .rev()
            .find(|l| !l.text.trim().is_empty())
            .map_or(0, |l| l.number);
        for line in &lines {
            if line.text.trim().is_empty() {
                if line.number < last_field_line {
                    errors.push(LineError {
                        line: line.number,
                        span: 0..line.text.len(),
                        message: "an empty line between fields".into(),
                    });
                }
                continue;
            }
            match field(line) {
                Ok(f) => fields.push(f),
                Err(e) => errors.push(e),
            }
        }
        Self {
            text: text.to_string(),
            lines,
            fields,
            errors,
        }
    }

    /// The fields named `key`, in order.
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Field> {
        self.fields.iter().filter(move |f| f.key == key)
    }

    pub fn line(&self, number: usize) -> &str {
        self.lines
            .get(number.wrapping_sub(1))
            .map_or("", |l| l.text.as_str())
    }
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut offset = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let (line, ending, used) = match rest.find('\n') {
            Some(i) if rest[..i].ends_with('\r') => (&rest[..i - 1], LineEnding::Crlf, i + 1),
            Some(i) => (&rest[..i], LineEnding::Lf, i + 1),
            None => (rest, LineEnding::None, rest.len()),
        };
        lines.push(Line {
            number: lines.len() + 1,
            offset,
            text: line.to_string(),
            ending,
        });
        offset += used;
        rest = &rest[used..];
    }
    lines
}

/// `name ":" *WSP value *WSP` (§3.2), the name in the extension name grammar.
fn field(line: &Line) -> Result<Field, LineError> {
    let text = line.text.as_str();
    let error = |span: Range<usize>, message: String| LineError {
        line: line.number,
        span,
        message,
    };
    if let Some((at, c)) = text
        .char_indices()
        .find(|(_, c)| c.is_control() && *c != '\t')
    {
        return Err(error(
            at..at + c.len_utf8(),
            format!("control character {}", crate::sanitize::quoted_char(c)),
        ));
    }
    let Some(colon) = text.find(':') else {
        return Err(error(0..text.len(), "not a 'key: value' line".into()));
    };
    let key = &text[..colon];
    if !is_key(key) {
        return Err(error(
            0..colon,
            format!(
                "{} is not a field name (a letter or digit, then at most 31 letters, digits, \
                 '_', '-' or '.', with nothing before the ':')",
                crate::sanitize::quoted(key)
            ),
        ));
    }
    let after = &text[colon + 1..];
    let value = after.trim_matches([' ', '\t']);
    let start = colon + 1 + (after.len() - after.trim_start_matches([' ', '\t']).len());
    if value.is_empty() {
        return Err(error(colon..text.len(), format!("{key} has no value")));
    }
    Ok(Field {
        key: key.to_string(),
        value: value.to_string(),
        line: line.number,
        key_span: 0..colon,
        value_span: start..start + value.len(),
    })
}

fn is_key(key: &str) -> bool {
    key.len() <= 32
        && key
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// A finding about line `line` of the policy, pointing at `span` of it.
pub(super) fn at_line(
    file: &PolicyFile,
    code: crate::finding::Code,
    subject: &str,
    line: usize,
    span: std::ops::Range<usize>,
    message: &str,
) -> Finding {
    Finding::new(code, subject, format!("line {line}: {message}")).at_line(
        &file.line(line).into(),
        line,
        span.start,
        span.end,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_with_lines_and_spans() {
        let p = PolicyFile::parse(
            "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx:*.example.net \r\nmax_age: 604800\r\n",
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let keys: Vec<&str> = p.fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["version", "mode", "mx", "mx", "max_age"]);
        let mx2 = &p.fields[3];
        assert_eq!((mx2.line, mx2.value.as_str()), (4, "*.example.net"));
        assert_eq!(&p.line(4)[mx2.value_span.clone()], "*.example.net");
        assert!(p.lines.iter().all(|l| l.ending == LineEnding::Crlf));
        assert_eq!(p.lines[2].offset, 31);
    }

    #[test]
    fn bad_lines_say_where() {
        let p =
            PolicyFile::parse("version: STSv1\n\n mode: enforce\nmode : x\nmx\nmax_age:\r\x07\n\n");
        let found: Vec<(usize, &str)> = p
            .errors
            .iter()
            .map(|e| (e.line, &p.line(e.line)[e.span.clone()]))
            .collect();
        assert_eq!(
            found,
            [(2, ""), (3, " mode"), (4, "mode "), (5, "mx"), (6, "\r")]
        );
        assert_eq!(p.lines.last().map(|l| l.ending), Some(LineEnding::Lf));
    }

    #[test]
    fn non_utf8_bytes_are_errors_in_place() {
        let p = PolicyFile::parse_bytes(b"version: STSv1\nmode: enf\xffrce\n");
        assert_eq!(p.fields[1].value, "enf\\xffrce");
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].line, 2);
    }
}
