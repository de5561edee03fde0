//! `dkim rotate --activate --exec CMD`: the command that switches the signer, run through
//! `sh -c` with the new keys in its environment, bounded in time. Its output (stdout and stderr)
//! comes through a pipe of its own and is copied to stderr, escaped and bounded, so that it never
//! mixes with the report or drives the terminal, and so that a process it leaves running (a
//! daemon that does not detach) does not hold mailaudit's own stderr: `mailaudit ... 2>&1 | cat`,
//! as cron and systemd run it, would wait for that process otherwise.

use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::dkim::rotate::{ExecRecord, KeyEntry, Rotation};
use crate::error::Error;
use crate::sanitize::escape;

/// The most of the command's output shown; the rest is counted.
const MAX_SHOWN: usize = 64 * 1024;
/// The most read at one look at the pipe, so that a command writing without a pause still has
/// its deadline checked.
const READ_PER_LOOK: usize = 1024 * 1024;

/// Runs `command` through `sh -c` with a time limit. The state records that it started before
/// it runs, so an interruption during it is visible to `dkim status`.
pub fn run_exec(
    rotation: &mut Rotation,
    command: &str,
    keys: &[KeyEntry],
    limit: Duration,
) -> Result<ExecRecord, Error> {
    let mut record = ExecRecord {
        date: rotation.now,
        command: command.to_string(),
        ok: false,
        outcome: "started, never finished: mailaudit was interrupted while it ran".into(),
    };
    rotation.settings_mut().last_exec = Some(record.clone());
    rotation.save()?;
    (record.ok, record.outcome) = match spawn(command, &rotation.domain, keys) {
        Err(e) => (false, format!("cannot start sh: {e}")),
        Ok((mut child, output)) => supervise(&mut child, output, limit),
    };
    rotation.settings_mut().last_exec = Some(record.clone());
    rotation.save()?;
    Ok(record)
}

/// Starts `sh -c command` in a process group of its own (so that a timeout ends everything it
/// started), its stdout and stderr the write end of a new pipe; returns it and the read end,
/// which never blocks.
fn spawn(command: &str, domain: &str, keys: &[KeyEntry]) -> std::io::Result<(Child, File)> {
    let (writer, reader) = tokio::net::unix::pipe::pipe()?;
    let output = File::from(reader.into_nonblocking_fd()?);
    let writer = writer.into_blocking_fd()?;
    let selectors: Vec<String> = keys.iter().map(|k| k.selector.to_string()).collect();
    let files: Vec<String> = keys
        .iter()
        .map(|k| shell_word(&k.file.display().to_string()))
        .collect();
    // The Command, and with it this process's copies of the write end, is dropped at the end
    // of the statement: once the command and what it started close theirs, the pipe ends.
    let child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .env("MAILAUDIT_DOMAIN", domain)
        .env("MAILAUDIT_SELECTORS", selectors.join(" "))
        .env("MAILAUDIT_KEY_FILES", files.join(" "))
        .stdin(Stdio::null())
        .stdout(Stdio::from(writer.try_clone()?))
        .stderr(Stdio::from(writer))
        .process_group(0)
        .spawn()?;
    Ok((child, output))
}

/// `text` as one word for sh: as it is when sh takes every character of it literally, else in
/// single quotes (a quote inside as `'\''`), so that `eval "set -- $MAILAUDIT_KEY_FILES"` gives
/// the files back.
pub fn shell_word(text: &str) -> String {
    let literal = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-./:@%+=,".contains(&b));
    if literal {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// Waits for the command within `limit`, copying its output meanwhile; then copies what it
/// wrote before it ended and lets go of the pipe, whoever else still holds it.
fn supervise(child: &mut Child, mut output: File, limit: Duration) -> (bool, String) {
    // `--exec-timeout` is bounded on the command line; a limit past the clock's end would only
    // mean "no limit", never a panic after the activation was recorded.
    let deadline = Instant::now().checked_add(limit);
    let mut shown = Shown::default();
    let ended = loop {
        shown.copy(&mut output);
        match child.try_wait() {
            Ok(Some(status)) => break outcome(status),
            Ok(None) if deadline.is_some_and(|d| Instant::now() >= d) => {
                kill_group(child);
                break (false, format!("killed after {} s", limit.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => break (false, format!("cannot wait for it: {e}")),
        }
    };
    shown.copy(&mut output);
    shown.finish();
    ended
}

fn outcome(status: ExitStatus) -> (bool, String) {
    match status.code() {
        Some(0) => (true, "exit status 0".into()),
        Some(code) => (false, format!("exit status {code}")),
        None => (false, "ended by a signal".into()),
    }
}

/// Kills `child` and its whole process group: `sh -c` may have children of its own holding on.
fn kill_group(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{}", child.id())])
        .stderr(Stdio::null())
        .status();
    let _ = child.kill();
    let _ = child.wait();
}

/// The command's output on its way to stderr: line by line, control characters escaped, at
/// most [`MAX_SHOWN`] bytes, the rest counted.
#[derive(Debug, Default)]
struct Shown {
    line: Vec<u8>,
    copied: usize,
    dropped: u64,
    ended: bool,
}

impl Shown {
    /// Copies what the pipe holds now (at most [`READ_PER_LOOK`] bytes).
    fn copy(&mut self, output: &mut File) {
        let mut buf = [0u8; 8192];
        let mut read = 0;
        while read < READ_PER_LOOK && !self.ended {
            match output.read(&mut buf) {
                Ok(0) => self.ended = true,
                Ok(n) => {
                    self.take(&buf[..n]);
                    read += n;
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                // WouldBlock: nothing more for now; another error: nothing more at all.
                Err(e) => {
                    self.ended = e.kind() != ErrorKind::WouldBlock;
                    return;
                }
            }
        }
    }

    fn take(&mut self, bytes: &[u8]) {
        let room = MAX_SHOWN.saturating_sub(self.copied);
        let (kept, dropped) = bytes.split_at(bytes.len().min(room));
        self.copied += kept.len();
        self.dropped += dropped.len() as u64;
        for &b in kept {
            if b == b'\n' {
                self.flush();
            } else {
                self.line.push(b);
            }
        }
    }

    fn flush(&mut self) {
        let text = escape(&String::from_utf8_lossy(&self.line));
        // Nothing more can be done when stderr is closed.
        let _ = writeln!(std::io::stderr().lock(), "{text}");
        self.line.clear();
    }

    fn finish(&mut self) {
        if !self.line.is_empty() {
            self.flush();
        }
        if self.dropped > 0 {
            let _ = writeln!(
                std::io::stderr().lock(),
                "[{} more bytes of its output not shown: mailaudit shows the first 64 KiB]",
                self.dropped
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_read_back_as_one_word() {
        assert_eq!(
            shell_word("/etc/keys/s1.example.com.pem"),
            "/etc/keys/s1.example.com.pem"
        );
        assert_eq!(shell_word("/my keys/it's"), r"'/my keys/it'\''s'");
        assert_eq!(shell_word(""), "''");
        let words = ["/a b/c", "it's \"q\" $x `y` \\z\n", "plain", "~", "*"];
        let line: Vec<String> = words.iter().map(|w| shell_word(w)).collect();
        let out = Command::new("sh")
            .arg("-c")
            .arg(r#"eval "set -- $W"; printf '%s\0' "$@""#)
            .env("W", line.join(" "))
            .output()
            .unwrap();
        let back: Vec<&str> = std::str::from_utf8(&out.stdout)
            .unwrap()
            .split_terminator('\0')
            .collect();
        assert_eq!(back, words);
    }

    #[test]
    fn shows_a_bounded_and_escaped_copy() {
        let mut shown = Shown::default();
        shown.take(b"a\x1b[31mb\n");
        shown.take(&vec![b'x'; MAX_SHOWN * 2]);
        assert_eq!(shown.copied, MAX_SHOWN);
        assert_eq!(shown.dropped, (MAX_SHOWN + 8) as u64);
    }
}
