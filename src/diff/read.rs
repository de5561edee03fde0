//! Reading a saved run of `check` for comparing (the file through `saved`): each result reduced
//! to what `diff` compares. A line that is not a result becomes a notice with its line number
//! and the rest is read; an input error line (`{"input", "error"}`) is skipped, as it names no
//! domain to compare.

use std::collections::BTreeMap;
use std::io::{self, BufReader};
use std::ops::ControlFlow;
use std::path::Path;

use serde_json::Value;

use crate::saved::{self, Bounds, Item};

use super::summary::DomainState;
use super::{MAX_DOMAINS, MAX_NOTICES, Notice};

/// The bounds a read keeps to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub file: Bounds,
    pub domains: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            file: Bounds::default(),
            domains: MAX_DOMAINS,
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
    saved::read(&mut reader, limits.file, &mut |item| {
        run.take(item, label, limits);
        if run.capped {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })?;
    run.finish(label);
    Ok(run)
}

impl Run {
    /// Takes one item of a saved run: a result is reduced and kept, anything else noted.
    pub fn take(&mut self, item: Item, label: &str, limits: Limits) {
        match item {
            Item::Value { value, line } => self.add(value, label, line, limits),
            Item::Skipped { line, message } => self.notice(label, line, message),
        }
    }

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
            file: Bounds {
                line_bytes: 50,
                ..Bounds::default()
            },
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
