//! CSV (RFC 4180) for spreadsheets: a header row, then one record per row, fields quoted when
//! they must be, every record ending in CRLF. Text from outside (DNS, input files) has its
//! control characters escaped and is kept from being read as a spreadsheet formula.

use std::borrow::Cow;

use crate::sanitize::escape;

/// A record's CSV form: the column names (written once, before the first row) and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub header: &'static [&'static str],
    pub cells: Vec<Cell>,
}

/// One field of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text from outside (DNS, an input line): escaped, and neutralised if it looks like a
    /// formula.
    Outside(String),
    /// What mailaudit itself words: a status, a count, `true`/`false`, a policy keyword.
    Own(Cow<'static, str>),
}

impl Cell {
    /// An empty field.
    pub fn empty() -> Self {
        Self::Own(Cow::Borrowed(""))
    }

    /// The field's text as written, before RFC 4180 quoting.
    fn text(&self) -> Cow<'_, str> {
        match self {
            Self::Own(text) => Cow::Borrowed(text.as_ref()),
            Self::Outside(text) => Cow::Owned(neutralised(escape(text))),
        }
    }
}

impl From<&'static str> for Cell {
    fn from(text: &'static str) -> Self {
        Self::Own(Cow::Borrowed(text))
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Self {
        Self::Own(Cow::Owned(n.to_string()))
    }
}

impl From<bool> for Cell {
    fn from(b: bool) -> Self {
        Self::from(if b { "true" } else { "false" })
    }
}

/// The header record: the column names.
pub fn header(columns: &[&str]) -> String {
    record(columns.iter().copied())
}

/// One row as a record, CRLF included.
pub fn row(cells: &[Cell]) -> String {
    let texts: Vec<Cow<'_, str>> = cells.iter().map(Cell::text).collect();
    record(texts.iter().map(AsRef::as_ref))
}

/// Fields joined by commas, each quoted when RFC 4180 §2 requires it, ended by CRLF.
fn record<'a>(fields: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        quoted_if_needed(&mut out, field);
    }
    out.push_str("\r\n");
    out
}

/// The fields of one record as [`row`] writes it (one line: CR and LF inside fields are
/// escaped before they are written), quotes undone; `None` when the line is not such a record.
/// A resumed run reads the rows an earlier run left this way.
pub fn fields(line: &str) -> Option<Vec<String>> {
    let mut fields = Vec::new();
    let mut chars = line.strip_suffix('\r').unwrap_or(line).chars().peekable();
    loop {
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next()? {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => break,
                    c => field.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ',' {
                    break;
                }
                if c == '"' {
                    return None;
                }
                field.push(c);
                chars.next();
            }
        }
        fields.push(field);
        match chars.next() {
            None => return Some(fields),
            Some(',') => {}
            Some(_) => return None,
        }
    }
}

/// The text a neutralised field was made from (see [`neutralised`]).
pub fn unneutralised(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest)
            if rest
                .trim_start_matches(' ')
                .starts_with(['=', '+', '-', '@', '\t', '\r']) =>
        {
            rest
        }
        _ => field,
    }
}

/// Quotes a field holding a comma, a quote, CR or LF (RFC 4180 §2.6), or a leading or trailing
/// space (which some readers trim unless quoted); a quote inside is doubled (§2.7).
fn quoted_if_needed(out: &mut String, field: &str) {
    let must =
        field.contains([',', '"', '\r', '\n']) || field.starts_with(' ') || field.ends_with(' ');
    if !must {
        out.push_str(field);
        return;
    }
    out.push('"');
    out.push_str(&field.replace('"', "\"\""));
    out.push('"');
}

/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some, after a leading
/// tab or CR, or spaces) as a formula, which a record published in DNS could use to run
/// commands or leak the sheet (CSV injection). As OWASP advises, such a field gets a leading
/// `'`, which spreadsheets read as "text" and do not show.
fn neutralised(text: String) -> String {
    if text
        .trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
    {
        format!("'{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outside(text: &str) -> Cell {
        Cell::Outside(text.into())
    }

    #[test]
    fn fields_are_quoted_only_when_rfc_4180_requires_it() {
        assert_eq!(header(&["domain", "spf"]), "domain,spf\r\n");
        let cells = [
            outside("plain"),
            outside("a,b"),
            outside("say \"hi\""),
            Cell::from(" padded"),
            Cell::from("trailing "),
            Cell::from("line\nbreak"),
            Cell::from("cr\rhere"),
            Cell::empty(),
            Cell::from(7),
            Cell::from(true),
        ];
        assert_eq!(
            row(&cells),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\" padded\",\"trailing \",\"line\nbreak\",\
             \"cr\rhere\",,7,true\r\n"
        );
    }

    #[test]
    fn outside_text_is_escaped_and_never_a_formula() {
        let cells = [
            outside("=HYPERLINK(\"https://evil.example\")"),
            outside("+1"),
            outside("-2+3"),
            outside("@SUM(A1)"),
            outside("\tx"),
            outside("\r=1"),
            outside("a\x1b[31mb\nc"),
            outside("  =1"),
            outside("mail.example.com"),
        ];
        assert_eq!(
            row(&cells),
            "\"'=HYPERLINK(\"\"https://evil.example\"\")\",'+1,'-2+3,'@SUM(A1),\\tx,\\r=1,\
             a\\x1b[31mb\\nc,'  =1,mail.example.com\r\n"
        );
        // mailaudit's own words are written as they are.
        assert_eq!(row(&[Cell::from("-")]), "-\r\n");
    }

    #[test]
    fn fields_read_back_what_row_wrote() {
        let cells = [
            outside("plain"),
            outside("a,b"),
            outside("say \"hi\""),
            outside("=cmd()"),
            Cell::from(" padded"),
            Cell::empty(),
            Cell::from(7),
        ];
        let line = row(&cells);
        let read = fields(line.trim_end_matches('\n')).unwrap();
        assert_eq!(
            read,
            ["plain", "a,b", "say \"hi\"", "'=cmd()", " padded", "", "7"]
        );
        assert_eq!(unneutralised(&read[3]), "=cmd()");
        assert_eq!(unneutralised("'plain"), "'plain");
        for bad in ["\"open", "a\"b", "\"x\"y"] {
            assert_eq!(fields(bad), None, "{bad}");
        }
    }
}
