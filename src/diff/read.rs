//! Reading a saved run of `check`: JSON Lines line by line (each line bounded), or a `--format
//! json` document (one result, or an array of them) read whole up to a bound. A line that is not
//! a result becomes a notice with its line number and the rest is read; an input error line
//! (`{"input", "error"}`) is skipped, as it names no domain to compare.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use serde_json::Value;

use super::summary::DomainState;
use super::{MAX_DOCUMENT_BYTES, MAX_DOMAINS, MAX_LINE_BYTES, MAX_NOTICES, Notice};

/// The bounds a read keeps to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub line_bytes: usize,
    pub domains: usize,
    pub document_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            line_bytes: MAX_LINE_BYTES,
            domains: MAX_DOMAINS,
            document_bytes: MAX_DOCUMENT_BYTES,
        }
    }
}

/// One run, read.
#[derive(Debug, Default)]
pub struct Run {
    pub domains: BTreeMap<String, DomainState>,
    pub notices: Vec<Notice>,
    /// The domain limit was reached: domains after it were not read.
    pub capped: bool,
    /// Notices beyond [`MAX_NOTICES`], counted.
    dropped: u64,
}

/// Reads the run saved at `path`; `label` names the file in notices. Only a file that cannot be
/// read at all is an error.
pub fn read_run(path: &Path, label: &str, limits: Limits) -> io::Result<Run> {
    let mut reader = BufReader::new(std::fs::File::open(path)?);
    let mut run = Run::default();
    let mut line = Vec::new();
    let mut number = 0u64;
    let mut first = true;
    loop {
        number += 1;
        match read_line(&mut reader, &mut line, limits.line_bytes)? {
            Line::End => break,
            Line::TooLong => {
                let message = format!("line longer than {} bytes, skipped", limits.line_bytes);
                run.notice(label, Some(number), message);
            }
            Line::Read if line.trim_ascii().is_empty() => {}
            Line::Read => {
                let parsed = serde_json::from_slice::<Value>(&line);
                // A pretty-printed `--format json` file does not parse line by line.
                if std::mem::take(&mut first)
                    && parsed.as_ref().is_err_and(serde_json::Error::is_eof)
                {
                    return read_document(path, label, limits);
                }
                match parsed {
                    Ok(value) => run.add(value, label, Some(number), limits),
                    Err(e) => run.notice(label, Some(number), format!("not JSON: {e}")),
                }
                if run.capped {
                    break;
                }
            }
        }
    }
    run.finish(label);
    Ok(run)
}

/// A `--format json` file: one result, or an array of results.
fn read_document(path: &Path, label: &str, limits: Limits) -> io::Result<Run> {
    let mut bytes = Vec::new();
    let bound = u64::try_from(limits.document_bytes).unwrap_or(u64::MAX);
    std::fs::File::open(path)?
        .take(bound.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let mut run = Run::default();
    if bytes.len() > limits.document_bytes {
        let message = format!(
            "a JSON document larger than {} bytes is not read; save the run with --format jsonl",
            limits.document_bytes
        );
        run.notice(label, None, message);
        return Ok(run);
    }
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Array(items)) => {
            for (i, item) in items.into_iter().enumerate() {
                if let Value::Object(_) = item {
                    run.add(item, label, None, limits);
                } else {
                    run.notice(label, None, format!("item {} is not a result", i + 1));
                }
                if run.capped {
                    break;
                }
            }
        }
        Ok(value) => run.add(value, label, None, limits),
        Err(e) => run.notice(label, Some(e.line() as u64), format!("not JSON: {e}")),
    }
    run.finish(label);
    Ok(run)
}

impl Run {
    fn add(&mut self, value: Value, label: &str, line: Option<u64>, limits: Limits) {
        let domain = match value.get("domain") {
            Some(Value::String(d)) => d.trim_end_matches('.').to_ascii_lowercase(),
            // An input the check could not read names no domain: nothing to compare.
            _ if value.get("input").is_some() && value.get("error").is_some() => return,
            _ => {
                let message = "not a result of `check` (no \"domain\")".to_string();
                return self.notice(label, line, message);
            }
        };
        if !self.domains.contains_key(&domain) && self.domains.len() >= limits.domains {
            self.capped = true;
            let message = format!(
                "only the first {} domains are compared; the rest of the file is not read",
                limits.domains
            );
            return self.notice(label, line, message);
        }
        let state = DomainState::from_result(&domain, &value);
        // A domain twice (a run resumed by hand): the later result counts.
        self.domains.insert(domain, state);
    }

    fn notice(&mut self, label: &str, line: Option<u64>, message: String) {
        if self.notices.len() >= MAX_NOTICES {
            self.dropped += 1;
            return;
        }
        self.notices.push(Notice {
            file: label.to_string(),
            line,
            message,
        });
    }

    fn finish(&mut self, label: &str) {
        if self.dropped > 0 {
            self.notices.push(Notice {
                file: label.to_string(),
                line: None,
                message: format!("{} more lines that are not results", self.dropped),
            });
        }
    }
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

    fn run_of(text: &str, limits: Limits) -> Run {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!("mailaudit-diff-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = dir.join(format!("{n}.jsonl"));
        std::fs::write(&path, text).unwrap();
        let run = read_run(&path, "f", limits).unwrap();
        let _ = std::fs::remove_file(path);
        run
    }

    #[test]
    fn reads_lines_and_reports_the_others_by_number() {
        let text = "{\"domain\":\"A.example.\"}\nnot json\n\n{\"input\":\"x\",\"error\":\"e\"}\n\
                    [1]\n{\"domain\":\"b.example\"}";
        let run = run_of(text, Limits::default());
        let domains: Vec<&String> = run.domains.keys().collect();
        assert_eq!(domains, ["a.example", "b.example"]);
        let lines: Vec<Option<u64>> = run.notices.iter().map(|n| n.line).collect();
        assert_eq!(lines, [Some(2), Some(5)]);
    }

    #[test]
    fn bounds_lines_and_domains() {
        let long = format!(
            "{{\"domain\":\"{}\"}}\n{{\"domain\":\"c.example\"}}\n",
            "a".repeat(100)
        );
        let limits = Limits {
            line_bytes: 50,
            ..Limits::default()
        };
        let run = run_of(&long, limits);
        assert_eq!(run.domains.len(), 1);
        assert_eq!(run.notices[0].line, Some(1));
        assert!(run.notices[0].message.contains("longer than 50"));

        let many =
            "{\"domain\":\"a.example\"}\n{\"domain\":\"b.example\"}\n{\"domain\":\"c.example\"}\n";
        let limits = Limits {
            domains: 2,
            ..Limits::default()
        };
        let run = run_of(many, limits);
        assert!(run.capped);
        assert_eq!(run.domains.len(), 2);
        assert!(run.notices[0].message.contains("only the first 2"));
    }

    #[test]
    fn reads_a_json_document_whole() {
        let one = "{\n  \"domain\": \"a.example\"\n}\n";
        assert_eq!(run_of(one, Limits::default()).domains.len(), 1);
        let list = "[\n{\n  \"domain\": \"a.example\"\n},\n{\n  \"domain\": \"b.example\"\n}\n]\n";
        assert_eq!(run_of(list, Limits::default()).domains.len(), 2);
    }
}
