//! Many domains in one run, as a stream of results: the input lines (one domain per line, `#`
//! comments, blank lines) read as they are needed and each bounded in bytes, shards that split
//! a list across machines with no coordination, `jobs` domains in flight, Ctrl-C and SIGTERM;
//! and the one result every input line gets — a report, or why the line is not a domain.

use std::fmt;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use futures_util::stream::{self, BoxStream, LocalBoxStream, StreamExt};
use serde::Serialize;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, BufReader};

use crate::dns::Dns;

use super::{CheckReport, CheckSettings, check_domain};

/// Longest input line kept; the rest of a longer line is skipped (a domain is at most 253).
const MAX_LINE: usize = 1024;

/// Bytes read of one line before the input is judged not to be a list of domains (a binary
/// file, `/dev/zero`): that line is reported as not a domain and nothing more is read.
const MAX_READ: usize = 64 * 1024;

/// `--shard I/N`: of the input entries (numbered from 0), those whose number is I modulo N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Whether entry `number` (from 0, counting every domain line) belongs to this shard.
    pub fn takes(self, number: u64) -> bool {
        number % self.count == self.index
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let parse = |part: Option<&str>| part.and_then(|p| p.trim().parse::<u64>().ok());
        let mut parts = s.splitn(2, '/');
        match (parse(parts.next()), parse(parts.next())) {
            (Some(index), Some(count)) if count > 0 && index < count => Ok(Self { index, count }),
            _ => Err(format!(
                "{} is not I/N with 0 <= I < N (e.g. 0/4 for the first of four shards)",
                crate::sanitize::quoted(s)
            )),
        }
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// What one input line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Domain(String),
    /// Not a domain: the line as given and why.
    Invalid {
        input: String,
        error: String,
    },
}

/// Reads one line of a domain list: `None` for blank lines and `#` comments (also after the
/// domain); otherwise the normalised domain, or why it is not one. Lines longer than a domain
/// can be are cut before they are kept.
pub fn entry(line: &str) -> Option<Entry> {
    let content = line.split('#').next().unwrap_or("").trim();
    if content.is_empty() {
        return None;
    }
    Some(match crate::dns::name::normalize_domain(content) {
        Ok(domain) => Entry::Domain(domain),
        Err(e) => Entry::Invalid {
            input: content.chars().take(300).collect(),
            error: e.reason,
        },
    })
}

/// The one result of an input entry.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum CheckResult {
    Report(Box<CheckReport>),
    Invalid(InvalidInput),
}

/// An input line that is not a domain, reported in the stream of results like any other.
#[derive(Debug, Clone, Serialize)]
pub struct InvalidInput {
    pub input: String,
    pub error: String,
}

/// Where the domains come from and how they are run.
#[derive(Debug, Clone, Default)]
pub struct BulkInput {
    /// Given on the command line, checked first.
    pub domains: Vec<String>,
    /// A list, one domain a line, read as it is needed (`-`: standard input).
    pub file: Option<PathBuf>,
    pub shard: Option<Shard>,
    /// Domains in flight at once.
    pub jobs: usize,
}

/// The input list could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {path}: {source}")]
pub struct InputError {
    pub path: String,
    #[source]
    pub source: std::io::Error,
}

/// Why the stream of results ended early.
#[derive(Debug, thiserror::Error)]
pub enum BulkError {
    #[error(transparent)]
    Input(#[from] InputError),
    /// Ctrl-C: every result before this one is whole.
    #[error("interrupted")]
    Interrupted,
}

/// The results of every entry of `input` in this shard, `jobs` domains at a time, in the order
/// they finish. The list is read as results are taken, so a list of millions costs no more
/// memory than a short one. Ctrl-C or SIGTERM ends the stream with [`BulkError::Interrupted`].
pub async fn results<'a>(
    dns: &'a Dns,
    settings: &'a CheckSettings,
    input: &BulkInput,
) -> Result<LocalBoxStream<'a, Result<CheckResult, BulkError>>, InputError> {
    let shard = input.shard;
    let results = entries(&input.domains, input.file.as_deref())
        .await?
        .enumerate()
        .filter(move |(number, _)| {
            std::future::ready(shard.is_none_or(|s| s.takes(*number as u64)))
        })
        .map(move |(_, entry)| async move {
            Ok(match entry? {
                // Boxed: every area's future together is large, and `jobs` of them wait.
                Entry::Domain(domain) => CheckResult::Report(Box::new(
                    Box::pin(check_domain(dns, &domain, settings)).await,
                )),
                Entry::Invalid { input, error } => {
                    CheckResult::Invalid(InvalidInput { input, error })
                }
            })
        })
        .buffer_unordered(input.jobs.max(1));
    let interrupted = Arc::new(AtomicBool::new(false));
    let stop = {
        let interrupted = interrupted.clone();
        let signal = stop_signal();
        async move {
            signal.await;
            interrupted.store(true, Ordering::Relaxed);
        }
    };
    let end = stream::once(async move { interrupted.load(Ordering::Relaxed) })
        .filter_map(|stopped| std::future::ready(stopped.then_some(Err(BulkError::Interrupted))));
    Ok(results.take_until(stop).chain(end).boxed_local())
}

/// Resolves on Ctrl-C (SIGINT) or SIGTERM (timeout(1), systemd, docker stop), which must end
/// a run as cleanly; never where no handler can be installed (the run goes to its end). The
/// handlers are installed before this returns, so no signal slips past them.
#[cfg(unix)]
fn stop_signal() -> impl Future<Output = ()> {
    use tokio::signal::unix::{SignalKind, signal};
    let interrupt = signal(SignalKind::interrupt()).ok();
    let terminate = signal(SignalKind::terminate()).ok();
    async move {
        tokio::select! {
            () = arrives(interrupt) => {}
            () = arrives(terminate) => {}
        }
    }
}

/// Resolves on Ctrl-C; never where no handler can be installed.
#[cfg(not(unix))]
fn stop_signal() -> impl Future<Output = ()> {
    async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// Resolves when `signal` arrives; never without a handler.
#[cfg(unix)]
async fn arrives(signal: Option<tokio::signal::unix::Signal>) {
    if let Some(mut signal) = signal
        && signal.recv().await.is_some()
    {
        return;
    }
    std::future::pending::<()>().await;
}

type Entries = BoxStream<'static, Result<Entry, InputError>>;

/// The domains of the command line, then those of `--domains-file`, read as they are needed.
async fn entries(domains: &[String], file: Option<&Path>) -> Result<Entries, InputError> {
    let given = domains
        .iter()
        .filter_map(|d| entry(d))
        .map(Ok)
        .collect::<Vec<_>>();
    let given = stream::iter(given);
    let Some(path) = file else {
        return Ok(given.boxed());
    };
    let reader: Box<dyn AsyncBufRead + Send + Unpin> = if path == Path::new("-") {
        Box::new(BufReader::new(tokio::io::stdin()))
    } else {
        let file = tokio::fs::File::open(path)
            .await
            .map_err(|source| InputError {
                path: path.display().to_string(),
                source,
            })?;
        Box::new(BufReader::new(file))
    };
    let label = path.display().to_string();
    let lines = stream::unfold(Some(reader), move |reader| {
        let label = label.clone();
        async move {
            let mut reader = reader?;
            match bounded_line(&mut reader).await {
                // Nothing is read after a line without end.
                Ok(Some(line @ Line::Endless(_))) => Some((Ok(line), None)),
                Ok(Some(line)) => Some((Ok(line), Some(reader))),
                Ok(None) => None,
                Err(source) => Some((
                    Err(InputError {
                        path: label,
                        source,
                    }),
                    None,
                )),
            }
        }
    });
    let from_file = lines.filter_map(|line| {
        std::future::ready(match line {
            Ok(Line::Whole(line)) => entry(&line).map(Ok),
            Ok(Line::Endless(start)) => Some(Ok(Entry::Invalid {
                input: start.chars().take(300).collect(),
                error: format!(
                    "no newline within {} KiB: not a list of domains; the rest is not read",
                    MAX_READ / 1024
                ),
            })),
            Err(e) => Some(Err(e)),
        })
    });
    Ok(given.chain(from_file).boxed())
}

/// One line of the input, as far as it is kept.
enum Line {
    Whole(String),
    /// No newline within [`MAX_READ`] bytes: the start of the line.
    Endless(String),
}

/// The next line, at most [`MAX_LINE`] bytes of it kept and [`MAX_READ`] read; `None` at the
/// end of the input.
async fn bounded_line(
    reader: &mut (dyn AsyncBufRead + Send + Unpin),
) -> std::io::Result<Option<Line>> {
    let mut line = Vec::new();
    let mut read = 0;
    loop {
        let buf = reader.fill_buf().await?;
        if buf.is_empty() {
            let text = String::from_utf8_lossy(&line).into_owned();
            return Ok((read > 0).then_some(Line::Whole(text)));
        }
        let (part, used, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], i + 1, true),
            None => (buf, buf.len(), false),
        };
        let room = MAX_LINE.saturating_sub(line.len());
        line.extend_from_slice(&part[..part.len().min(room)]);
        reader.consume(used);
        read += used;
        let text = || String::from_utf8_lossy(&line).into_owned();
        if done {
            return Ok(Some(Line::Whole(text())));
        }
        if read > MAX_READ {
            return Ok(Some(Line::Endless(text())));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_a_list_without_overlap() {
        let shards: Vec<Shard> = ["0/3", "1/3", "2/3"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        for number in 0..30 {
            assert_eq!(shards.iter().filter(|s| s.takes(number)).count(), 1);
        }
        for bad in ["3/3", "1/0", "x/2", "1", "-1/2"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[tokio::test]
    async fn a_line_without_end_is_read_only_to_its_bound() {
        let mut input = vec![0u8; 3 * MAX_READ];
        input.extend_from_slice(b"\nexample.com\n");
        let mut reader = BufReader::new(input.as_slice());
        let Ok(Some(Line::Endless(start))) = bounded_line(&mut reader).await else {
            panic!("not an endless line");
        };
        assert_eq!(start.len(), MAX_LINE);
        let mut rest = Vec::new();
        tokio::io::AsyncReadExt::read_to_end(&mut reader, &mut rest)
            .await
            .unwrap();
        assert!(rest.len() > MAX_READ, "{} bytes left", rest.len());

        let mut reader = BufReader::new(&b"a.example\nb.example"[..]);
        for expected in ["a.example", "b.example"] {
            let Ok(Some(Line::Whole(line))) = bounded_line(&mut reader).await else {
                panic!("no line");
            };
            assert_eq!(line, expected);
        }
        assert!(bounded_line(&mut reader).await.unwrap().is_none());
    }

    #[test]
    fn reads_lines_with_comments_and_blanks() {
        assert_eq!(entry("  # a comment"), None);
        assert_eq!(entry(""), None);
        assert_eq!(
            entry("Example.COM  # ours"),
            Some(Entry::Domain("example.com".into()))
        );
        assert!(matches!(entry("not a domain"), Some(Entry::Invalid { .. })));
    }
}
