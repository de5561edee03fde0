//! The results file of a bulk run (`check --output FILE [--resume]`): written to FILE.partial
//! and renamed to FILE, flushed to disk first, only once every entry of the shard has its
//! result, so a FILE is always whole; and a resumed run's reading of FILE.partial: its whole
//! results kept (a cut last line taken off, a line that is no result dropped), and the entries
//! they answer, which the run then skips.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::check::bulk::Finished;
use crate::error::Error;
use crate::finding::Severity;
use crate::render::check_csv::COLUMNS;
use crate::render::{Format, OutputError};

/// Longest result line a resumed run reads; a longer one is dropped (a check report in JSON is
/// tens of KiB at most).
const MAX_RESULT_LINE: usize = 16 * 1024 * 1024;

/// How many dropped lines a resumed run names; it counts the rest.
const NAMED_DROPS: usize = 5;

/// Whether results in `format` can be appended to, as `--resume` does: JSON Lines and CSV rows
/// are one result a line.
pub fn resumable(format: Format) -> bool {
    matches!(format, Format::Jsonl | Format::Csv)
}

/// `FILE.partial`: where the results go until the shard is done.
pub fn partial_path(path: &Path) -> PathBuf {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    PathBuf::from(partial)
}

/// The results file being written.
#[derive(Debug)]
pub struct Output {
    path: PathBuf,
    partial: PathBuf,
    file: File,
}

/// What opening the results file found.
#[derive(Debug)]
pub enum Opened {
    /// `--resume` and FILE is there: the shard is done.
    Done,
    /// FILE.partial, new or emptied.
    Fresh(Output),
    /// FILE.partial as an earlier run left it, its whole results kept.
    Resumed(Output, Resumed),
}

/// What a resumed run keeps of FILE.partial.
#[derive(Debug, Default)]
pub struct Resumed {
    /// The entries its results answer.
    pub finished: Finished,
    /// Results kept.
    pub results: u64,
    /// The worst severity among their findings (they count toward the exit status).
    pub worst: Option<Severity>,
    /// Results that are incomplete reports or input lines that are not domains.
    pub incomplete: u64,
    /// A last line without its newline was cut off.
    pub cut: bool,
    /// The CSV header row is there already.
    pub header: bool,
    /// Lines that are no result, dropped: the first few line numbers, and how many in all.
    pub dropped_lines: Vec<u64>,
    pub dropped: u64,
}

/// Opens FILE.partial for `path`: emptied, or with `resume` read and continued (when FILE is
/// there, nothing is opened: the shard is done).
pub fn open(path: &Path, resume: bool, format: Format) -> Result<Opened, Error> {
    let partial = partial_path(path);
    if resume {
        if fs::symlink_metadata(path).is_ok() {
            return Ok(Opened::Done);
        }
        if let Some((file, resumed)) = continue_partial(&partial, format)? {
            let output = Output {
                path: path.to_path_buf(),
                partial,
                file,
            };
            return Ok(Opened::Resumed(output, resumed));
        }
    }
    let file = options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&partial)
        .and_then(regular)
        .map_err(|e| write_error(&partial, &e))?;
    Ok(Opened::Fresh(Output {
        path: path.to_path_buf(),
        partial,
        file,
    }))
}

impl Output {
    /// The file the printer writes to (`&File` writes, so the file stays here to be finished).
    pub fn file(&self) -> &File {
        &self.file
    }

    pub fn partial(&self) -> &Path {
        &self.partial
    }

    /// The shard is done: FILE.partial to disk, then renamed to FILE.
    pub fn finish(self) -> Result<(), Error> {
        self.file
            .sync_all()
            .map_err(|e| write_error(&self.partial, &e))?;
        drop(self.file);
        fs::rename(&self.partial, &self.path).map_err(|e| write_error(&self.path, &e))?;
        sync_dir(&self.path);
        Ok(())
    }
}

/// O_NONBLOCK: a FIFO in the file's place must not keep the run waiting (regular files do not
/// heed it).
fn options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.custom_flags(libc::O_NONBLOCK);
    options
}

/// Only a regular file holds results.
fn regular(file: File) -> io::Result<File> {
    if file.metadata()?.is_file() {
        Ok(file)
    } else {
        Err(io::Error::other("not a regular file"))
    }
}

/// A renamed or new name is on disk only once its directory is.
fn sync_dir(path: &Path) {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    // Best effort: the data itself is on disk already.
    let _ = File::open(dir.unwrap_or(Path::new("."))).and_then(|d| d.sync_all());
}

fn write_error(path: &Path, e: &io::Error) -> Error {
    let shown = io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    Error::Output(OutputError::Io(shown))
}

fn read_error(path: &Path, source: io::Error) -> Error {
    Error::Input {
        path: path.display().to_string(),
        source,
    }
}

/// FILE.partial with only its whole results, open to append to; `None` when there is none.
fn continue_partial(partial: &Path, format: Format) -> Result<Option<(File, Resumed)>, Error> {
    let file = match options().read(true).append(true).open(partial) {
        Ok(file) => regular(file).map_err(|e| read_error(partial, e))?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(read_error(partial, e)),
    };
    let mut resumed = Resumed::default();
    let mut rewrite: Option<Rewrite> = None;
    let mut kept_end = 0u64;
    let mut line_number = 0u64;
    let mut reader = BufReader::new(&file);
    let mut line = Vec::new();
    loop {
        let (read, len) = next_line(&mut reader, &mut line).map_err(|e| read_error(partial, e))?;
        line_number += 1;
        match read {
            Read::End => break,
            Read::Cut => {
                resumed.cut = true;
                break;
            }
            Read::Line if take_line(format, &line, &mut resumed) => {
                if let Some(rewrite) = &mut rewrite {
                    rewrite.keep(&line)?;
                }
                kept_end += len;
            }
            Read::Line | Read::TooLong => {
                resumed.dropped += 1;
                if resumed.dropped_lines.len() < NAMED_DROPS {
                    resumed.dropped_lines.push(line_number);
                }
                if rewrite.is_none() {
                    rewrite = Some(Rewrite::start(partial, kept_end)?);
                }
            }
        }
    }
    drop(reader);
    let file = if let Some(rewrite) = rewrite {
        rewrite.finish(partial)?
    } else {
        // At most a cut last line to take off: the whole lines stay where they are.
        file.set_len(kept_end)
            .map_err(|e| write_error(partial, &e))?;
        file
    };
    Ok(Some((file, resumed)))
}

/// A copy of FILE.partial without the lines that are no result, made once one is met, which
/// then takes its place: the kept lines stay whole however the run ends.
struct Rewrite {
    path: PathBuf,
    file: File,
}

impl Rewrite {
    /// The copy, holding the first `kept` bytes of `partial` (its results before the first
    /// dropped line).
    fn start(partial: &Path, kept: u64) -> Result<Self, Error> {
        let mut path = partial.as_os_str().to_owned();
        path.push(".new");
        let path = PathBuf::from(path);
        let mut file = options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)
            .and_then(regular)
            .map_err(|e| write_error(&path, &e))?;
        // Opened again: a clone of `original` would share its offset, which the reading needs.
        let source = File::open(partial).map_err(|e| read_error(partial, e))?;
        io::copy(&mut io::Read::take(source, kept), &mut file)
            .map_err(|e| write_error(&path, &e))?;
        Ok(Self { path, file })
    }

    fn keep(&mut self, line: &[u8]) -> Result<(), Error> {
        self.file
            .write_all(line)
            .and_then(|()| self.file.write_all(b"\n"))
            .map_err(|e| write_error(&self.path, &e))
    }

    /// The copy to disk and in the place of FILE.partial, open to append to.
    fn finish(self, partial: &Path) -> Result<File, Error> {
        self.file
            .sync_all()
            .map_err(|e| write_error(&self.path, &e))?;
        fs::rename(&self.path, partial).map_err(|e| write_error(partial, &e))?;
        sync_dir(partial);
        Ok(self.file)
    }
}

/// What one read of FILE.partial found.
#[derive(Debug, PartialEq, Eq)]
enum Read {
    /// A whole line (without its newline) in the buffer.
    Line,
    /// A whole line longer than [`MAX_RESULT_LINE`]: read past, not kept.
    TooLong,
    /// The last line, without its newline: cut off by the end of an earlier run.
    Cut,
    End,
}

/// Reads the next line into `line`, at most [`MAX_RESULT_LINE`] bytes of it kept; also says how
/// many bytes it took (the newline included).
fn next_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<(Read, u64)> {
    line.clear();
    let mut taken = 0u64;
    let mut too_long = false;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok((if taken == 0 { Read::End } else { Read::Cut }, taken));
        }
        let (part, used, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], i + 1, true),
            None => (buf, buf.len(), false),
        };
        if line.len() + part.len() > MAX_RESULT_LINE {
            too_long = true;
            line.clear();
        } else if !too_long {
            line.extend_from_slice(part);
        }
        reader.consume(used);
        taken += used as u64;
        if done {
            return Ok((if too_long { Read::TooLong } else { Read::Line }, taken));
        }
    }
}

/// Takes `line` into `resumed` when it is a result in `format` (or CSV's header row).
fn take_line(format: Format, line: &[u8], resumed: &mut Resumed) -> bool {
    if format == Format::Csv {
        std::str::from_utf8(line).is_ok_and(|line| take_row(line, resumed))
    } else {
        take_result(line, resumed)
    }
}

/// Takes a CSV row into `resumed` when it is a result (a report's row, or that of an input line
/// that is not a domain, told by its `input_error`) or the header row. The row has counts of
/// errors and warnings, not severities: they bring their severity to the exit status.
fn take_row(line: &str, resumed: &mut Resumed) -> bool {
    let Some(fields) = crate::render::csv::fields(line) else {
        return false;
    };
    if fields
        .iter()
        .map(String::as_str)
        .eq(COLUMNS.iter().copied())
    {
        resumed.header = true;
        return true;
    }
    let column = |name: &str| {
        let i = COLUMNS.iter().position(|c| *c == name)?;
        fields.get(i).map(String::as_str)
    };
    let (Some(domain), Some(input_error)) = (column("domain"), column("input_error")) else {
        return false;
    };
    if fields.len() != COLUMNS.len() || domain.is_empty() {
        return false;
    }
    if input_error.is_empty() {
        resumed.finished.add_domain(domain.to_string());
        if column("incomplete") == Some("true") {
            resumed.incomplete += 1;
        }
    } else {
        let input = crate::render::csv::unneutralised(domain);
        resumed.finished.add_input(input.to_string());
        resumed.incomplete += 1;
    }
    let count = |name| {
        column(name)
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0)
    };
    if count("errors") > 0 {
        resumed.worst = resumed.worst.max(Some(Severity::Error));
    } else if count("warnings") > 0 {
        resumed.worst = resumed.worst.max(Some(Severity::Warning));
    }
    resumed.results += 1;
    true
}

/// Takes `line` into `resumed` when it is a result: a report (its "domain") or an input line
/// that is not a domain (its "input").
fn take_result(line: &[u8], resumed: &mut Resumed) -> bool {
    let Ok(Value::Object(result)) = serde_json::from_slice::<Value>(line) else {
        return false;
    };
    match (result.get("domain"), result.get("input")) {
        (Some(Value::String(domain)), _) => {
            resumed.finished.add_domain(domain.clone());
            if result.get("incomplete") == Some(&Value::Bool(true)) {
                resumed.incomplete += 1;
            }
        }
        (None, Some(Value::String(input))) => {
            resumed.finished.add_input(input.clone());
            resumed.incomplete += 1;
        }
        _ => return false,
    }
    resumed.results += 1;
    // Its findings count toward the exit status, as when it was written.
    resumed.worst = resumed
        .worst
        .max(crate::diff::worst_severity(&Value::Object(result)));
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_to_their_bound_and_tells_a_cut_last_line() {
        let long = vec![b'x'; MAX_RESULT_LINE + 1];
        let mut input = b"{\"a\":1}\n".to_vec();
        input.extend_from_slice(&long);
        input.extend_from_slice(b"\n{\"b\"");
        let mut reader = BufReader::with_capacity(1024, input.as_slice());
        let mut line = Vec::new();
        assert_eq!(next_line(&mut reader, &mut line).unwrap(), (Read::Line, 8));
        assert_eq!(line, b"{\"a\":1}");
        let (read, len) = next_line(&mut reader, &mut line).unwrap();
        assert_eq!((read, len), (Read::TooLong, long.len() as u64 + 1));
        assert!(line.is_empty());
        assert_eq!(next_line(&mut reader, &mut line).unwrap(), (Read::Cut, 4));
        assert_eq!(next_line(&mut reader, &mut line).unwrap(), (Read::End, 0));
    }

    #[test]
    fn a_result_is_a_report_or_an_invalid_line_and_brings_its_worst_finding() {
        let mut resumed = Resumed::default();
        let report = br#"{"domain":"a.example","incomplete":true,"findings":[],
            "spf":{"findings":[{"severity":"warning"}]},"dmarc":null}"#;
        assert!(take_result(report, &mut resumed));
        assert!(take_result(
            br#"{"input":"not a domain!","error":"x"}"#,
            &mut resumed
        ));
        for not in [
            &b"{\"domain\":"[..],
            b"[1]",
            b"{\"error\":\"x\"}",
            b"{\"domain\":7}",
        ] {
            assert!(!take_result(not, &mut resumed), "{not:?}");
        }
        assert_eq!(resumed.results, 2);
        assert_eq!(resumed.incomplete, 2);
        assert_eq!(resumed.worst, Some(Severity::Warning));
    }
}
