//! One rotation at a time per state file: an advisory lock (flock) on `.NAME.lock` beside the
//! state, held for the whole run. Two `dkim rotate` runs at once (a cron job and a person, say)
//! would otherwise each read the state, and the later save would drop what the earlier recorded.
//! The lock goes with the process, so a run that is killed leaves nothing to clean up. It is
//! taken beside the real state (see `file::resolve_state`), is never opened through a symlink
//! and must be a regular file.

use std::fs::{self, File, TryLockError};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use crate::sanitize::escape;

use super::file::{OpenFail, open_lock};

/// Why the state could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another mailaudit is rotating keys with the state {} (it holds {}); try again when it has \
         finished",
        escape(&.state.display().to_string()),
        escape(&.lock.display().to_string())
    )]
    Busy { state: PathBuf, lock: PathBuf },
    #[error("cannot lock {}: {}", escape(&.lock.display().to_string()), escape(&.source.to_string()))]
    Io {
        lock: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot lock {}: it is {kind}, not a regular file", escape(&.lock.display().to_string()))]
    NotRegular { lock: PathBuf, kind: &'static str },
}

/// The held lock; dropping it lets the next run in.
#[derive(Debug)]
pub struct StateLock {
    _file: File,
}

/// Locks the state at `state` (its real path) without waiting (creating its directory, mode
/// 0700, if needed).
pub fn lock(state: &Path) -> Result<StateLock, LockError> {
    let dir = match state.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = state
        .file_name()
        .map_or_else(|| "state".into(), |n| n.to_string_lossy().into_owned());
    let lock = dir.join(format!(".{name}.lock"));
    let io = |source| LockError::Io {
        lock: lock.clone(),
        source,
    };
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(io)?;
    let file = open_lock(&lock).map_err(|fail| match fail {
        OpenFail::Io(source) => io(source),
        OpenFail::NotRegular(kind) => LockError::NotRegular {
            lock: lock.clone(),
            kind,
        },
    })?;
    match file.try_lock() {
        Ok(()) => Ok(StateLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(LockError::Busy {
            state: state.to_path_buf(),
            lock,
        }),
        Err(TryLockError::Error(e)) => Err(io(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_of_the_same_state_is_refused_until_the_first_is_dropped() {
        let dir = std::env::temp_dir().join(format!("mailaudit-lock-{}", std::process::id()));
        let state = dir.join("dkim-rotation.yaml");
        let first = lock(&state).unwrap();
        assert!(matches!(lock(&state), Err(LockError::Busy { .. })));
        drop(first);
        assert!(lock(&state).is_ok());
        let _ = fs::remove_dir_all(&dir);
    }
}
