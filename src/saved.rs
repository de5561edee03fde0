//! Saved results of `check` read back as JSON values: JSON Lines a line at a time (each line
//! bounded), or a `--format json` document (one result, or an array of them) read whole up to a
//! bound. `diff` and `report` read results written by other versions too, so they get values,
//! not typed reports; what a value means is theirs to say.

use std::io::{self, BufRead, Read};
use std::ops::ControlFlow;

use serde_json::Value;

/// The longest line of a JSON Lines file that is read (a check result is rarely 1 MiB).
pub const MAX_LINE_BYTES: usize = 16 << 20;
/// The largest `--format json` document read whole (JSON Lines is read line by line).
pub const MAX_DOCUMENT_BYTES: usize = 256 << 20;

/// The bounds a read keeps to.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub line_bytes: usize,
    pub document_bytes: usize,
}

impl Default for Bounds {
    fn default() -> Self {
        Self {
            line_bytes: MAX_LINE_BYTES,
            document_bytes: MAX_DOCUMENT_BYTES,
        }
    }
}

/// What a read meets, in order.
#[derive(Debug)]
pub enum Item {
    /// A JSON value: a line of a JSON Lines file (with its number), or an item of a document.
    Value { value: Value, line: Option<u64> },
    /// Something that is not one: a line too long or not JSON, an array item that is not an
    /// object, a document too large.
    Skipped { line: Option<u64>, message: String },
}

/// Reads `reader` to its end, or until `visit` breaks. Only a failing reader is an error.
pub fn read(
    reader: &mut impl BufRead,
    bounds: Bounds,
    visit: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> io::Result<()> {
    let mut line = Vec::new();
    let mut number = 0u64;
    let mut first = true;
    loop {
        number += 1;
        let item = match read_line(reader, &mut line, bounds.line_bytes)? {
            Line::End => return Ok(()),
            Line::TooLong => Item::Skipped {
                line: Some(number),
                message: format!("line longer than {} bytes, skipped", bounds.line_bytes),
            },
            Line::Read if line.trim_ascii().is_empty() => continue,
            Line::Read => {
                let parsed = serde_json::from_slice::<Value>(&line);
                // A pretty-printed `--format json` file does not parse line by line.
                if std::mem::take(&mut first)
                    && parsed.as_ref().is_err_and(serde_json::Error::is_eof)
                {
                    line.push(b'\n');
                    return read_document(line, reader, bounds, visit);
                }
                match parsed {
                    Ok(value) => Item::Value {
                        value,
                        line: Some(number),
                    },
                    Err(e) => Item::Skipped {
                        line: Some(number),
                        message: format!("not JSON: {e}"),
                    },
                }
            }
        };
        if visit(item).is_break() {
            return Ok(());
        }
    }
}

/// A `--format json` document whose first line is `start`: one result, or an array of them.
fn read_document(
    mut bytes: Vec<u8>,
    reader: &mut impl BufRead,
    bounds: Bounds,
    visit: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> io::Result<()> {
    let room = bounds.document_bytes.saturating_sub(bytes.len());
    let room = u64::try_from(room).unwrap_or(u64::MAX);
    reader
        .take(room.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() > bounds.document_bytes {
        let message = format!(
            "a JSON document larger than {} bytes is not read; save the run with --format jsonl",
            bounds.document_bytes
        );
        let _ = visit(Item::Skipped {
            line: None,
            message,
        });
        return Ok(());
    }
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Array(items)) => {
            for (i, item) in items.into_iter().enumerate() {
                let item = if item.is_object() {
                    Item::Value {
                        value: item,
                        line: None,
                    }
                } else {
                    Item::Skipped {
                        line: None,
                        message: format!("item {} is not a result", i + 1),
                    }
                };
                if visit(item).is_break() {
                    break;
                }
            }
        }
        Ok(value) => {
            let _ = visit(Item::Value { value, line: None });
        }
        Err(e) => {
            let _ = visit(Item::Skipped {
                line: Some(e.line() as u64),
                message: format!("not JSON: {e}"),
            });
        }
    }
    Ok(())
}

enum Line {
    Read,
    TooLong,
    End,
}

/// Reads one line into `buf` (without its end), never holding more than `max` bytes: a longer
/// line is read past and reported as such.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        if !too_long && buf.len() + part.len() <= max {
            buf.extend_from_slice(part);
        } else {
            too_long = true;
            buf.clear();
        }
        let used = done.unwrap_or(chunk.len());
        reader.consume(used);
        if done.is_some() {
            break;
        }
    }
    Ok(match (any, too_long) {
        (false, _) => Line::End,
        (true, true) => Line::TooLong,
        (true, false) => Line::Read,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str, bounds: Bounds) -> Vec<Item> {
        let mut out = Vec::new();
        read(&mut text.as_bytes(), bounds, &mut |item| {
            out.push(item);
            ControlFlow::Continue(())
        })
        .unwrap();
        out
    }

    fn lines(items: &[Item]) -> Vec<(bool, Option<u64>)> {
        items
            .iter()
            .map(|item| match item {
                Item::Value { line, .. } => (true, *line),
                Item::Skipped { line, .. } => (false, *line),
            })
            .collect()
    }

    #[test]
    fn reads_lines_and_numbers_what_it_skips() {
        let text = "{\"domain\":\"a\"}\nnot json\n\n[1]\n{\"domain\":\"b\"}";
        let read = items(text, Bounds::default());
        let expected = [
            (true, Some(1)),
            (false, Some(2)),
            (true, Some(4)),
            (true, Some(5)),
        ];
        assert_eq!(lines(&read), expected);
    }

    #[test]
    fn a_long_line_is_skipped_and_the_next_read() {
        let text = format!(
            "{{\"domain\":\"{}\"}}\n{{\"domain\":\"c\"}}\n",
            "a".repeat(100)
        );
        let bounds = Bounds {
            line_bytes: 50,
            ..Bounds::default()
        };
        let read = items(&text, bounds);
        assert_eq!(lines(&read), [(false, Some(1)), (true, Some(2))]);
    }

    #[test]
    fn reads_a_document_whole_from_any_reader() {
        let list = "[\n{\n  \"domain\": \"a\"\n},\n7,\n{\n  \"domain\": \"b\"\n}\n]\n";
        let read = items(list, Bounds::default());
        assert_eq!(lines(&read), [(true, None), (false, None), (true, None)]);
        let bounds = Bounds {
            document_bytes: 10,
            ..Bounds::default()
        };
        let read = items(list, bounds);
        assert_eq!(lines(&read), [(false, None)]);
    }

    #[test]
    fn stops_when_told() {
        let mut seen = 0;
        read(
            &mut "{}\n{}\n{}\n".as_bytes(),
            Bounds::default(),
            &mut |_| {
                seen += 1;
                ControlFlow::Break(())
            },
        )
        .unwrap();
        assert_eq!(seen, 1);
    }
}
