//! Renderers: a [`Printer`] writes each report as it is produced — as text for people, as
//! JSON, YAML or JSON Lines for machines, or as CSV (RFC 4180) rows for spreadsheets — to any
//! `io::Write`. Renderers only format what they are given; they never look anything up.

pub mod check_csv;
pub mod csv;
pub mod html;
mod json;
pub mod palette;
pub mod progress;
pub mod text;
mod yaml;

use std::io::{self, Write};

use serde::Serialize;

pub use palette::{Paint, Palette};

/// The output formats of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Yaml,
    /// JSON Lines: one compact JSON object per record, written as soon as it is produced.
    Jsonl,
    /// `check` only: one row per domain (RFC 4180), after a header row.
    Csv,
}

/// How text output is shaped.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextStyle {
    pub palette: Palette,
    /// Only findings; nothing at all when there are none.
    pub quiet: bool,
}

/// A record the printer can write: serializable for machines, with a text form for people.
pub trait Report: Serialize {
    fn text(&self, style: TextStyle) -> String;

    /// The record as one CSV row; `None` for a record that has no CSV form.
    fn csv(&self) -> Option<csv::Row> {
        None
    }
}

/// Why output could not be written. A closed pipe is not an error: see [`Printer::closed`].
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("cannot write output: {0}")]
    Io(#[source] io::Error),
    #[error("cannot render the report as {format}: {message}")]
    Serialize {
        format: &'static str,
        message: String,
    },
}

/// Writes records in one format. Each record is rendered whole before any of it is written, so
/// a serializer failure never leaves half a record behind, and is flushed once written. When the
/// reader goes away (`mailaudit ... | head`), writing stops quietly and [`Printer::closed`]
/// tells the command to stop working.
pub struct Printer<'w> {
    out: Box<dyn Write + 'w>,
    format: Format,
    style: TextStyle,
    records: usize,
    closed: bool,
    /// JSON records are elements of one array, opened by `begin_list`.
    in_list: bool,
    /// The CSV header is in the output: written before the first row, or already in the file
    /// a resumed run appends to.
    csv_header: bool,
}

impl<'w> Printer<'w> {
    pub fn new(out: impl Write + 'w, format: Format, style: TextStyle) -> Self {
        Self {
            out: Box::new(out),
            format,
            style,
            records: 0,
            closed: false,
            in_list: false,
            csv_header: false,
        }
    }

    /// Says the CSV header is already in the output (a resumed run appending to its file), so
    /// rows follow without another.
    pub fn csv_header_written(&mut self) {
        self.csv_header = true;
    }

    /// Starts a list of records: in JSON they become one array, written element by element as
    /// they come (the other formats write records one after another anyway).
    pub fn begin_list(&mut self) -> Result<(), OutputError> {
        self.in_list = true;
        if self.format == Format::Json {
            self.write(b"[")?;
        }
        Ok(())
    }

    /// Ends the list `begin_list` started.
    pub fn end_list(&mut self) -> Result<(), OutputError> {
        if std::mem::take(&mut self.in_list) && self.format == Format::Json {
            let end: &[u8] = if self.records > 0 { b"\n]\n" } else { b"]\n" };
            self.write(end)?;
        }
        Ok(())
    }

    /// Whether the reader has gone away; nothing more will be written.
    pub fn closed(&self) -> bool {
        self.closed
    }

    /// Writes text that is not a record (a completion script).
    pub fn raw(&mut self, bytes: &[u8]) -> Result<(), OutputError> {
        self.write(bytes)
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// Writes one record.
    pub fn record<R: Report + ?Sized>(&mut self, record: &R) -> Result<(), OutputError> {
        let bytes = match self.format {
            Format::Text => record.text(self.style).into_bytes(),
            Format::Json if self.in_list => {
                let separator: &[u8] = if self.records > 0 { b",\n" } else { b"\n" };
                let mut out = separator.to_vec();
                out.extend(json::to_vec_pretty(record).map_err(json_error)?);
                out
            }
            Format::Json => {
                let mut out = json::to_vec_pretty(record).map_err(json_error)?;
                out.push(b'\n');
                out
            }
            Format::Jsonl => {
                let mut out = json::to_vec(record).map_err(json_error)?;
                out.push(b'\n');
                out
            }
            Format::Yaml => {
                let text = yaml::to_string(record).map_err(|e| OutputError::Serialize {
                    format: "YAML",
                    message: e.to_string(),
                })?;
                // Several records are several YAML documents.
                let separator = if self.records > 0 { "---\n" } else { "" };
                format!("{separator}{text}").into_bytes()
            }
            Format::Csv => self.csv_record(record)?.into_bytes(),
        };
        self.records += 1;
        self.write(&bytes)
    }

    /// The record's row, after the header when it is the first.
    fn csv_record<R: Report + ?Sized>(&mut self, record: &R) -> Result<String, OutputError> {
        let row = record.csv().ok_or_else(|| OutputError::Serialize {
            format: "CSV",
            message: "only `check` results have a CSV form".into(),
        })?;
        let mut out = String::new();
        if !std::mem::replace(&mut self.csv_header, true) {
            out.push_str(&csv::header(row.header));
        }
        out.push_str(&csv::row(&row.cells));
        Ok(out)
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), OutputError> {
        self.stream(|out| out.write_all(bytes))
    }

    /// Lends the writer to output written piece by piece (the HTML page, joined from its
    /// parts), then flushes; a reader gone away ends it quietly, as for records.
    pub fn stream(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), OutputError> {
        if self.closed {
            return Ok(());
        }
        match write(&mut self.out).and_then(|()| self.out.flush()) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(OutputError::Io(e)),
            Ok(()) => Ok(()),
        }
    }
}

fn json_error(e: serde_json::Error) -> OutputError {
    OutputError::Serialize {
        format: "JSON",
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Item {
        id: u32,
    }

    impl Report for Item {
        fn text(&self, _: TextStyle) -> String {
            format!("item {}\n", self.id)
        }
    }

    fn print(format: Format) -> String {
        let mut buf = Vec::new();
        let mut printer = Printer::new(&mut buf, format, TextStyle::default());
        printer.record(&Item { id: 1 }).unwrap();
        printer.record(&Item { id: 2 }).unwrap();
        drop(printer);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn a_json_list_is_one_array_written_as_it_comes() {
        let mut buf = Vec::new();
        let mut printer = Printer::new(&mut buf, Format::Json, TextStyle::default());
        printer.begin_list().unwrap();
        printer.record(&Item { id: 1 }).unwrap();
        printer.record(&Item { id: 2 }).unwrap();
        printer.end_list().unwrap();
        drop(printer);
        let text = String::from_utf8(buf).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value, serde_json::json!([{"id": 1}, {"id": 2}]));
        let mut empty = Vec::new();
        let mut printer = Printer::new(&mut empty, Format::Json, TextStyle::default());
        printer.begin_list().unwrap();
        printer.end_list().unwrap();
        drop(printer);
        assert_eq!(empty, b"[]\n");
    }

    #[test]
    fn writes_each_format() {
        assert_eq!(print(Format::Text), "item 1\nitem 2\n");
        assert_eq!(print(Format::Jsonl), "{\"id\":1}\n{\"id\":2}\n");
        assert_eq!(print(Format::Yaml), "id: 1\n---\nid: 2\n");
        assert_eq!(
            print(Format::Json),
            "{\n  \"id\": 1\n}\n{\n  \"id\": 2\n}\n"
        );
    }

    /// A record with a CSV form: its id, and a note that needs quoting.
    #[derive(Serialize)]
    struct Line {
        id: usize,
    }

    impl Report for Line {
        fn text(&self, _: TextStyle) -> String {
            String::new()
        }

        fn csv(&self) -> Option<csv::Row> {
            Some(csv::Row {
                header: &["id", "note"],
                cells: vec![self.id.into(), csv::Cell::Outside("a, b".into())],
            })
        }
    }

    #[test]
    fn csv_writes_the_header_once_unless_it_is_already_there() {
        let mut buf = Vec::new();
        let mut printer = Printer::new(&mut buf, Format::Csv, TextStyle::default());
        printer.begin_list().unwrap();
        printer.record(&Line { id: 1 }).unwrap();
        printer.record(&Line { id: 2 }).unwrap();
        printer.end_list().unwrap();
        drop(printer);
        assert_eq!(buf, b"id,note\r\n1,\"a, b\"\r\n2,\"a, b\"\r\n");

        let mut resumed = Vec::new();
        let mut printer = Printer::new(&mut resumed, Format::Csv, TextStyle::default());
        printer.csv_header_written();
        printer.record(&Line { id: 3 }).unwrap();
        drop(printer);
        assert_eq!(resumed, b"3,\"a, b\"\r\n");
    }

    #[test]
    fn a_record_without_a_csv_form_is_an_error_not_output() {
        let mut buf = Vec::new();
        let mut printer = Printer::new(&mut buf, Format::Csv, TextStyle::default());
        let error = printer.record(&Item { id: 1 }).unwrap_err();
        assert!(error.to_string().contains("CSV"), "{error}");
        drop(printer);
        assert!(buf.is_empty());
    }

    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_stops_output_quietly() {
        let mut printer = Printer::new(Closed, Format::Text, TextStyle::default());
        assert!(!printer.closed());
        printer.record(&Item { id: 1 }).unwrap();
        assert!(printer.closed());
        printer.record(&Item { id: 2 }).unwrap();
    }
}
