//! Many domains in one run, as a stream of results: the input lines (one domain per line, `#`
//! comments, blank lines) read as they are needed and each bounded in bytes, the entries of one
//! shard ([`super::shard`]) less those a resumed run has already, `jobs` domains in flight,
//! Ctrl-C and SIGTERM; and the one result every input line gets — a report, or why the line is
//! not a domain.

use std::collections::HashMap;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use futures_util::stream::{self, BoxStream, LocalBoxStream, StreamExt};
use serde::Serialize;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, BufReader};

use crate::dns::Dns;

use super::shard::Shard;
use super::{CheckReport, CheckSettings, check_domain};

/// Longest input line kept; the rest of a longer line is skipped (a domain is at most 253).
const MAX_LINE: usize = 1024;

/// Bytes read of one line before the input is judged not to be a list of domains (a binary
/// file, `/dev/zero`): that line is reported as not a domain and nothing more is read.
const MAX_READ: usize = 64 * 1024;

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

/// The one result of an input entry. Its machine form (the report with its scorecard) is written
/// by the renderer, which owns the scorecard's words.
#[derive(Debug, Clone)]
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
    /// Entries of the shard whose results a resumed run has already: skipped.
    pub finished: Finished,
    /// Domains in flight at once.
    pub jobs: usize,
}

/// The entries a run has results for already (`--resume`), each as many times as it has them,
/// so a list that names a domain twice still gets its two results.
#[derive(Debug, Clone, Default)]
pub struct Finished(HashMap<Key, u32>);

/// An entry as its result names it: the domain, or the input line that is not one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Domain(String),
    Input(String),
}

impl Finished {
    /// One more result for `domain` (normalised, as a report names it).
    pub fn add_domain(&mut self, domain: String) {
        *self.0.entry(Key::Domain(domain)).or_default() += 1;
    }

    /// One more result for an input line that is not a domain (as its result quotes it).
    pub fn add_input(&mut self, input: String) {
        *self.0.entry(Key::Input(input)).or_default() += 1;
    }

    /// Whether `entry` has a result already; each result answers for one entry only.
    fn take(&mut self, entry: &Entry) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let key = match entry {
            Entry::Domain(domain) => Key::Domain(domain.clone()),
            Entry::Invalid { input, .. } => Key::Input(input.clone()),
        };
        match self.0.get_mut(&key) {
            Some(1) => self.0.remove(&key).is_some(),
            Some(n) => {
                *n -= 1;
                true
            }
            None => false,
        }
    }
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

/// The results of every entry of `input` in this shard that has none yet, `jobs` domains at a
/// time, in the order they finish. The list is read as results are taken, so a list of millions
/// costs no more memory than a short one. Ctrl-C or SIGTERM ends the stream with
/// [`BulkError::Interrupted`].
pub async fn results(
    dns: &Dns,
    settings: &CheckSettings,
    input: BulkInput,
) -> Result<LocalBoxStream<'static, Result<CheckResult, BulkError>>, InputError> {
    let shard = input.shard;
    let mut finished = input.finished;
    let (dns, settings) = (dns.clone(), Arc::new(settings.clone()));
    let results = entries(&input.domains, input.file.as_deref())
        .await?
        .enumerate()
        // Entries are numbered before anything is skipped, so a resumed shard is the same shard.
        .filter(move |(number, _)| {
            std::future::ready(shard.is_none_or(|s| s.takes(*number as u64)))
        })
        .filter(move |(_, entry)| {
            std::future::ready(entry.as_ref().map_or(true, |e| !finished.take(e)))
        })
        .map(move |(_, entry)| {
            let (dns, settings) = (dns.clone(), settings.clone());
            async move {
                Ok(match entry? {
                    Entry::Domain(domain) => {
                        CheckResult::Report(Box::new(on_a_worker(dns, domain, settings).await))
                    }
                    Entry::Invalid { input, error } => {
                        CheckResult::Invalid(InvalidInput { input, error })
                    }
                })
            }
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

/// Checks `domain` as a task of its own, so that a run keeps every worker thread of the runtime
/// busy, not one; the task is aborted when its result is no longer wanted (an interrupted run).
async fn on_a_worker(dns: Dns, domain: String, settings: Arc<CheckSettings>) -> CheckReport {
    /// Aborts the task when dropped before it ended.
    struct Aborting(tokio::task::JoinHandle<CheckReport>);
    impl Drop for Aborting {
        fn drop(&mut self) {
            self.0.abort();
        }
    }
    // Boxed: every area's future together is large.
    let check = async move { Box::pin(check_domain(&dns, &domain, &settings)).await };
    let mut task = Aborting(tokio::spawn(check));
    match (&mut task.0).await {
        Ok(report) => report,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        // Cancelled: only when the runtime shuts down, and then nobody waits for this.
        Err(_) => std::future::pending().await,
    }
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
    let lines = stream::unfold(Some(reader), {
        let label = label.clone();
        move |reader| {
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
        }
    });
    let from_file = lines.flat_map(move |line| {
        stream::iter(match line {
            Ok(Line::Whole(line)) => entry(&line).map(Ok).into_iter().collect(),
            Ok(Line::Endless(start)) => endless(&label, &start),
            Err(e) => vec![Err(e)],
        })
    });
    Ok(given.chain(from_file).boxed())
}

/// A line without end: its result (not a domain), then the error that ends the run, since the
/// rest of the list is not read.
fn endless(label: &str, start: &str) -> Vec<Result<Entry, InputError>> {
    let why = format!(
        "no newline within {} KiB: not a list of domains; the rest is not read",
        MAX_READ / 1024
    );
    vec![
        Ok(Entry::Invalid {
            input: start.chars().take(300).collect(),
            error: why.clone(),
        }),
        Err(InputError {
            path: label.to_string(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, why),
        }),
    ]
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

    #[test]
    fn a_resumed_run_skips_each_finished_entry_as_often_as_it_has_a_result() {
        let mut finished = Finished::default();
        finished.add_domain("a.example".into());
        finished.add_domain("a.example".into());
        finished.add_input("not a domain!".into());
        let a = Entry::Domain("a.example".into());
        let invalid = entry("not a domain!").unwrap();
        assert!(finished.take(&a));
        assert!(finished.take(&invalid));
        assert!(!finished.take(&Entry::Domain("b.example".into())));
        assert!(finished.take(&a));
        assert!(!finished.take(&a), "a third a.example has no result yet");
        assert!(!finished.take(&invalid));
    }
}
