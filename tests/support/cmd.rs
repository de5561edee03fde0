//! A builder that runs the built `mailaudit` binary the way a user would: it knows the test DNS
//! server ([`TestDns`]) and adds `--resolver` and `--timeout` itself, so that no test spells them
//! out; a run that takes longer than a minute is killed and fails the test, and so does one whose
//! stdout or stderr stays open after it has exited (a process it started holds them).
//! [`Mailaudit::spawn`] starts a run and returns while it goes on, for tests that feed it, watch
//! it and signal it.
//!
//! ```ignore
//! let out = Mailaudit::new()
//!     .dns(&dns)
//!     .format("json")
//!     .args(["spf", "example.com"])
//!     .run();
//! out.assert_code(1);
//! let report: SpfReport = out.json_as();
//! ```

#![allow(dead_code)]

use std::any::type_name;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

use super::dns_server::TestDns;

/// How long one run may take before it is killed and the test fails.
const GUARD: Duration = Duration::from_secs(60);

/// The `--timeout` given with [`Mailaudit::dns`] unless the test sets one: the test server
/// answers in milliseconds, so this matters only for names it leaves unanswered.
const DNS_TIMEOUT: &str = "2";

/// One `mailaudit` command line, its environment and its stdin. Every method takes and returns
/// the builder, so calls chain; clone it to run variations of one command.
#[derive(Debug, Clone, Default)]
pub struct Mailaudit {
    resolver: Option<String>,
    timeout: Option<String>,
    zone: Option<OsString>,
    format: Option<String>,
    color: Option<String>,
    args: Vec<OsString>,
    dir: Option<PathBuf>,
    stdin: Option<Vec<u8>>,
    /// Set (`Some`) or removed (`None`), in order, after `NO_COLOR` is removed.
    env: Vec<(OsString, Option<OsString>)>,
}

impl Mailaudit {
    /// `mailaudit` with no arguments, `NO_COLOR` unset and stdin closed.
    pub fn new() -> Self {
        Self::default()
    }

    /// Ask `dns` (`--resolver 127.0.0.1:PORT`), with a `--timeout` of 2 s unless
    /// [`Mailaudit::timeout`] sets another.
    pub fn dns(self, dns: &TestDns) -> Self {
        self.resolver(&dns.resolver_arg())
    }

    /// `--resolver VALUE` verbatim, for tests of the option itself; [`Mailaudit::dns`] otherwise.
    pub fn resolver(mut self, value: &str) -> Self {
        self.resolver = Some(value.to_string());
        self
    }

    /// `--timeout SECS` (seconds per DNS query, as mailaudit reads it).
    pub fn timeout(mut self, secs: &str) -> Self {
        self.timeout = Some(secs.to_string());
        self
    }

    /// `--zone FILE`: answer from a zone file instead of a DNS server.
    pub fn zone(mut self, file: impl AsRef<Path>) -> Self {
        self.zone = Some(file.as_ref().as_os_str().to_owned());
        self
    }

    /// `--format FORMAT` (`text`, `json`, `yaml`, ...).
    pub fn format(mut self, format: &str) -> Self {
        self.format = Some(format.to_string());
        self
    }

    /// `--color WHEN` (`auto`, `always`, `never`).
    pub fn color(mut self, when: &str) -> Self {
        self.color = Some(when.to_string());
        self
    }

    /// One more argument after the options the builder adds.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    /// More arguments after the options the builder adds.
    pub fn args<I>(mut self, args: I) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// Runs in `dir` (else in the test's own working directory, the package root).
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// What the run reads on stdin (else stdin is closed).
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(input.into());
        self
    }

    /// Sets an environment variable for the run.
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.env
            .push((key.as_ref().to_owned(), Some(value.as_ref().to_owned())));
        self
    }

    /// Removes an environment variable for the run.
    pub fn env_remove(mut self, key: impl AsRef<OsStr>) -> Self {
        self.env.push((key.as_ref().to_owned(), None));
        self
    }

    /// The full argument list: the builder's options first (they are global options, valid
    /// before the command), then the test's arguments.
    pub fn command_line(&self) -> Vec<OsString> {
        let mut line: Vec<OsString> = Vec::new();
        let mut option = |name: &str, value: &OsStr| {
            line.push(name.into());
            line.push(value.to_owned());
        };
        if let Some(resolver) = &self.resolver {
            option("--resolver", resolver.as_ref());
        }
        let timeout = match (&self.timeout, &self.resolver) {
            (Some(secs), _) => Some(secs.as_str()),
            (None, Some(_)) => Some(DNS_TIMEOUT),
            (None, None) => None,
        };
        if let Some(secs) = timeout {
            option("--timeout", secs.as_ref());
        }
        if let Some(zone) = &self.zone {
            option("--zone", zone);
        }
        // The test server is no root: the built-in root anchors cannot validate its answers.
        // Tests of DNSSEC give --trust-anchor (the signed server's own root) instead.
        let dnssec_given = self
            .args
            .iter()
            .any(|a| a == "--trust-anchor" || a == "--no-dnssec");
        let resolver_given = self.resolver.is_some() || self.args.iter().any(|a| a == "--resolver");
        let no_dnssec = resolver_given && !dnssec_given;
        if let Some(format) = &self.format {
            option("--format", format.as_ref());
        }
        if let Some(color) = &self.color {
            option("--color", color.as_ref());
        }
        if no_dnssec {
            line.push("--no-dnssec".into());
        }
        line.extend(self.args.iter().cloned());
        line
    }

    /// The process to start, and the command line as a shell would take it back.
    fn command(&self) -> (Command, String) {
        let line = self.command_line();
        let shown = show_command(&line);
        let mut command = Command::new(env!("CARGO_BIN_EXE_mailaudit"));
        command
            .args(&line)
            .env_remove("NO_COLOR")
            // The user's own mailaudit.toml must not change what a test sees; a test of the
            // config file sets or removes this itself.
            .env(
                "MAILAUDIT_CONFIG",
                concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/empty-config.toml"
                ),
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(dir) = &self.dir {
            command.current_dir(dir);
        }
        for (key, value) in &self.env {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            };
        }
        (command, shown)
    }

    /// Runs the command to its end (killing it after a minute) and returns what it printed.
    pub fn run(&self) -> Output {
        let deadline = Instant::now() + GUARD;
        let (mut command, shown) = self.command();
        command.stdin(if self.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {shown}: {e}"));

        // Feed stdin and drain both pipes on threads of their own, so that a child blocked on a
        // full pipe never blocks the test.
        let feeder = match (child.stdin.take(), self.stdin.clone()) {
            (Some(mut pipe), Some(input)) => Some(thread::spawn(move || {
                // A child that exits without reading everything closes the pipe: not our
                // business, its output and status tell.
                let _ = pipe.write_all(&input);
            })),
            _ => None,
        };
        let stdout = drain(child.stdout.take().expect("stdout is piped"));
        let stderr = drain(child.stderr.take().expect("stderr is piped"));
        let status = wait_guarded(&mut child, &shown);
        if let Some(feeder) = feeder {
            feeder.join().expect("stdin writer panicked");
        }
        // The pipes end when the last process holding them closes them: a process the command
        // left running (a daemon that did not detach) would keep a reader of them waiting.
        let collect = |pipe: mpsc::Receiver<String>, name: &str| {
            let left = deadline.saturating_duration_since(Instant::now());
            pipe.recv_timeout(left).unwrap_or_else(|_| {
                panic!("{shown} exited, but its {name} was still open {} s after it started: a process it started holds it", GUARD.as_secs())
            })
        };
        Output {
            stdout: collect(stdout, "stdout"),
            stderr: collect(stderr, "stderr"),
            command: shown,
            code: status.code().unwrap_or(-1),
        }
    }

    /// Starts the command and returns while it runs, its stdin a pipe the test writes to and
    /// closes when it likes (the stdin given with [`Mailaudit::stdin`] is written first), so
    /// that a test can watch stdout, read the process's memory and send it signals.
    pub fn spawn(&self) -> Running {
        let (mut command, shown) = self.command();
        command.stdin(Stdio::piped());
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {shown}: {e}"));
        let stdin = child.stdin.take();
        let stdout = Arc::new(Watched::default());
        let reader = {
            let stdout = stdout.clone();
            let pipe = child.stdout.take().expect("stdout is piped");
            thread::spawn(move || stdout.read_from(pipe))
        };
        let stderr = drain(child.stderr.take().expect("stderr is piped"));
        let mut running = Running {
            command: shown,
            child,
            stdin,
            stdout,
            reader: Some(reader),
            stderr: Some(stderr),
        };
        if let Some(input) = &self.stdin {
            running.write_stdin(input);
        }
        running
    }
}

/// Waits for `child` to end, killing it after [`GUARD`] and failing the test.
fn wait_guarded(child: &mut Child, shown: &str) -> ExitStatus {
    let deadline = Instant::now() + GUARD;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{shown} still running after {} s: killed", GUARD.as_secs());
            }
            Ok(None) => thread::sleep(Duration::from_millis(10)),
            Err(e) => panic!("cannot wait for {shown}: {e}"),
        }
    }
}

/// Standard output of a [`Running`] command as it comes: its lines counted, its text kept
/// unless the test says otherwise (a run of a million lines need not be held).
#[derive(Default)]
struct Watched {
    lines: AtomicUsize,
    discard: AtomicBool,
    text: Mutex<Vec<u8>>,
}

impl Watched {
    fn read_from(&self, mut pipe: impl Read) {
        let mut buf = vec![0; 64 * 1024];
        // A read error ends the reading; the exit status tells the rest.
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            if !self.discard.load(Ordering::Relaxed) {
                lock(&self.text).extend_from_slice(&buf[..n]);
            }
            let lines = buf[..n].split(|&b| b == b'\n').count() - 1;
            self.lines.fetch_add(lines, Ordering::Relaxed);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A command started with [`Mailaudit::spawn`]; dropping it kills the process if it still runs.
pub struct Running {
    command: String,
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: Arc<Watched>,
    reader: Option<thread::JoinHandle<()>>,
    stderr: Option<mpsc::Receiver<String>>,
}

impl Running {
    /// Writes to the command's stdin (which stays open).
    pub fn write_stdin(&mut self, bytes: &[u8]) -> &mut Self {
        let pipe = self.stdin.as_mut().expect("stdin is still open");
        pipe.write_all(bytes)
            .unwrap_or_else(|e| panic!("cannot write to {}: {e}", self.command));
        self
    }

    /// Closes stdin: the end of the input.
    pub fn close_stdin(&mut self) -> &mut Self {
        self.stdin = None;
        self
    }

    /// Stops keeping stdout's text (lines are still counted).
    pub fn discard_stdout(&mut self) -> &mut Self {
        self.stdout.discard.store(true, Ordering::Relaxed);
        self
    }

    /// Lines written to stdout so far.
    pub fn stdout_lines(&self) -> usize {
        self.stdout.lines.load(Ordering::Relaxed)
    }

    /// Waits until stdout holds `n` lines; fails the test after [`GUARD`] or when the process
    /// ends first.
    #[track_caller]
    pub fn wait_for_lines(&mut self, n: usize) -> &mut Self {
        self.wait_until(&format!("{n} lines"), |r| r.stdout_lines() >= n)
    }

    /// Waits until stdout contains `needle` (stdout must be kept).
    #[track_caller]
    pub fn wait_for_stdout(&mut self, needle: &str) -> &mut Self {
        let needle = needle.as_bytes().to_vec();
        self.wait_until(
            &format!("{:?} on stdout", String::from_utf8_lossy(&needle)),
            |r| {
                lock(&r.stdout.text)
                    .windows(needle.len())
                    .any(|w| w == needle.as_slice())
            },
        )
    }

    #[track_caller]
    fn wait_until(&mut self, what: &str, done: impl Fn(&Self) -> bool) -> &mut Self {
        let deadline = Instant::now() + GUARD;
        while !done(self) {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("{} ended ({status}) before {what}", self.command);
            }
            assert!(
                Instant::now() < deadline,
                "{}: no {what} after {} s",
                self.command,
                GUARD.as_secs()
            );
            thread::sleep(Duration::from_millis(10));
        }
        self
    }

    /// Sends the signal `name` (`TERM`, `INT`, ...) with kill(1).
    pub fn signal(&mut self, name: &str) -> &mut Self {
        let status = Command::new("kill")
            .args([format!("-{name}"), self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{name} {}: {status}", self.command);
        self
    }

    /// Waits for the process to end by itself, stdin still open (after a signal: closing stdin
    /// first would let the run end at the end of its input, before the signal is handled).
    pub fn wait_for_exit(&mut self) -> &mut Self {
        wait_guarded(&mut self.child, &self.command);
        self
    }

    /// The process's peak resident memory so far (VmHWM of /proc/PID/status, Linux), in KiB.
    pub fn peak_rss_kib(&self) -> u64 {
        let path = format!("/proc/{}/status", self.child.id());
        let status =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or_else(|| panic!("no VmHWM in {path}"))
    }

    /// Closes stdin, waits for the end (killing the process after [`GUARD`] and failing the
    /// test) and returns what it printed; stdout is empty if it was discarded.
    pub fn finish(mut self) -> Output {
        self.close_stdin();
        let status = wait_guarded(&mut self.child, &self.command);
        if let Some(reader) = self.reader.take() {
            reader.join().expect("stdout reader panicked");
        }
        let stderr = self
            .stderr
            .take()
            .map(|rx| rx.recv_timeout(GUARD).unwrap_or_default());
        let stdout = std::mem::take(&mut *lock(&self.stdout.text));
        Output {
            command: self.command.clone(),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: stderr.unwrap_or_default(),
            code: status.code().unwrap_or(-1),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        // A test that failed half-way leaves no process behind.
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Reads `pipe` to its end on a thread of its own; the text arrives on the channel.
fn drain(mut pipe: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut bytes = Vec::new();
        // A read error leaves what was read so far; the exit status tells the rest.
        let _ = pipe.read_to_end(&mut bytes);
        let _ = tx.send(String::from_utf8_lossy(&bytes).into_owned());
    });
    rx
}

/// The command line as a shell would take it back, for failure messages.
fn show_command(line: &[OsString]) -> String {
    let mut shown = String::from("mailaudit");
    for arg in line {
        let arg = arg.to_string_lossy();
        let plain = !arg.is_empty()
            && arg
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.,:/@=%+".contains(&b));
        shown.push(' ');
        if plain {
            shown.push_str(&arg);
        } else {
            shown.push('\'');
            shown.push_str(&arg.replace('\'', r"'\''"));
            shown.push('\'');
        }
    }
    shown
}

/// What a run printed and how it exited.
#[derive(Debug, Clone)]
pub struct Output {
    /// The command line, for messages.
    pub command: String,
    pub stdout: String,
    pub stderr: String,
    /// The exit code; -1 when the process was ended by a signal.
    pub code: i32,
}

impl fmt::Display for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "$ {}", self.command)?;
        writeln!(f, "exit status {}", self.code)?;
        writeln!(f, "--- stdout")?;
        writeln!(f, "{}", self.stdout.trim_end_matches('\n'))?;
        writeln!(f, "--- stderr")?;
        write!(f, "{}", self.stderr.trim_end_matches('\n'))
    }
}

impl Output {
    /// Fails the test, showing the run, unless it exited with `code`.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert!(
            self.code == code,
            "expected exit status {code}, got {}\n{self}",
            self.code
        );
        self
    }

    /// Exit status 0.
    #[track_caller]
    pub fn assert_success(&self) -> &Self {
        self.assert_code(0)
    }

    #[track_caller]
    pub fn assert_stdout_contains(&self, needle: &str) -> &Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}\n{self}"
        );
        self
    }

    #[track_caller]
    pub fn assert_stderr_contains(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}\n{self}"
        );
        self
    }

    /// stdout as JSON; fails the test, showing the run, when it is not.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        self.json_as()
    }

    /// stdout as JSON read into `T` (e.g. a mirror struct of `support::model`, which refuses
    /// fields it does not know); fails the test, showing the run and why, when it does not fit.
    #[track_caller]
    pub fn json_as<T: DeserializeOwned>(&self) -> T {
        match serde_json::from_str(&self.stdout) {
            Ok(value) => value,
            Err(e) => panic!("stdout is not a JSON {}: {e}\n{self}", type_name::<T>()),
        }
    }

    /// stdout as YAML read into `T`; fails the test, showing the run and why, when it does not fit.
    #[track_caller]
    pub fn yaml_as<T: DeserializeOwned>(&self) -> T {
        match serde_yaml::from_str(&self.stdout) {
            Ok(value) => value,
            Err(e) => panic!("stdout is not a YAML {}: {e}\n{self}", type_name::<T>()),
        }
    }
}
