//! `dkim rotate --activate --exec CMD`: the command that switches the signer, run through
//! `sh -c` with the new keys in its environment, bounded in time, its output on stderr.

use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::dkim::rotate::{ExecRecord, KeyEntry, Rotation};
use crate::error::Error;

/// Runs `command` through `sh -c` with a time limit. Its output goes to stderr, so that it never
/// mixes with the report. The state records that it started before it runs, so an interruption
/// during it is visible to `dkim status`.
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
    let selectors: Vec<String> = keys.iter().map(|k| k.selector.to_string()).collect();
    let files: Vec<String> = keys.iter().map(|k| k.file.display().to_string()).collect();
    let stdout = std::os::fd::AsFd::as_fd(&std::io::stderr())
        .try_clone_to_owned()
        .map_or_else(|_| Stdio::null(), Stdio::from);
    let child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .env("MAILAUDIT_DOMAIN", &rotation.domain)
        .env("MAILAUDIT_SELECTORS", selectors.join(" "))
        .env("MAILAUDIT_KEY_FILES", files.join(" "))
        .stdin(Stdio::null())
        .stdout(stdout)
        // A group of its own, so that a timeout ends everything the command started.
        .process_group(0)
        .spawn();
    (record.ok, record.outcome) = match child {
        Err(e) => (false, format!("cannot start sh: {e}")),
        Ok(mut child) => wait_bounded(&mut child, limit),
    };
    rotation.settings_mut().last_exec = Some(record.clone());
    rotation.save()?;
    Ok(record)
}

fn wait_bounded(child: &mut std::process::Child, limit: Duration) -> (bool, String) {
    // `--exec-timeout` is bounded on the command line; a limit past the clock's end would only
    // mean "no limit", never a panic after the activation was recorded.
    let deadline = Instant::now().checked_add(limit);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                return match status.code() {
                    Some(0) => (true, "exit status 0".into()),
                    Some(code) => (false, format!("exit status {code}")),
                    None => (false, "ended by a signal".into()),
                };
            }
            Ok(None) if deadline.is_some_and(|d| Instant::now() >= d) => {
                // The whole group: `sh -c` may have children of its own holding on.
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .stderr(Stdio::null())
                    .status();
                let _ = child.kill();
                let _ = child.wait();
                return (false, format!("killed after {} s", limit.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return (false, format!("cannot wait for it: {e}")),
        }
    }
}
