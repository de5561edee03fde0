//! Runs the built `mailaudit` binary the way a user would, with a guard against hangs.

#![allow(dead_code)]

use std::io::Read;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How long one run may take before it is killed and the test fails.
const GUARD: Duration = Duration::from_secs(60);

/// What a run printed and how it exited.
#[derive(Debug, Clone)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// The exit code; -1 when the process was ended by a signal.
    pub code: i32,
}

/// Runs `mailaudit ARGS` with `NO_COLOR` unset and stdin closed.
pub fn mailaudit(args: &[&str]) -> Output {
    mailaudit_env(args, &[])
}

/// Like [`mailaudit`], with these variables added to the environment.
pub fn mailaudit_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mailaudit"));
    command
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run mailaudit {args:?}: {e}"));

    // Drain both pipes on their own threads, so a chatty child never blocks on a full pipe.
    let stdout = drain(child.stdout.take().expect("stdout is piped"));
    let stderr = drain(child.stderr.take().expect("stderr is piped"));

    let deadline = Instant::now() + GUARD;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "mailaudit {args:?} still running after {} s: killed",
                    GUARD.as_secs()
                );
            }
            Ok(None) => thread::sleep(Duration::from_millis(10)),
            Err(e) => panic!("cannot wait for mailaudit {args:?}: {e}"),
        }
    };

    Output {
        stdout: stdout.join().expect("stdout reader panicked"),
        stderr: stderr.join().expect("stderr reader panicked"),
        code: status.code().unwrap_or(-1),
    }
}

fn drain(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        // A read error leaves what was read so far; the exit status tells the rest.
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}
