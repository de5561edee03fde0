//! Opening the files of a DKIM key rotation (RFC 6376 §3.1: the keys, the state and its lock) so
//! that a mistaken or hostile filesystem cannot stall a run from cron: only regular files are
//! used, opened without blocking (opening a FIFO would wait for a writer for ever), and the
//! state path is resolved through symlinks, so that the lock and the atomic rename act on the
//! real file, which every path to it then shares.

use std::fs::{self, File, FileType, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Symlinks followed at the state path before giving up (the kernel's own limit).
const MAX_LINKS: usize = 40;

/// Why a file could not be opened.
#[derive(Debug)]
pub enum OpenFail {
    Io(io::Error),
    /// It exists but is not a regular file; what it is instead ("a FIFO", ...).
    NotRegular(&'static str),
}

/// What a file that is not a regular file is, in words.
pub fn kind(t: FileType) -> &'static str {
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_dir() {
        "a directory"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "of an unknown type"
    }
}

/// Opens `path` (following symlinks) to read it, if it is a regular file.
pub fn open_regular(path: &Path) -> Result<File, OpenFail> {
    let meta = fs::metadata(path).map_err(OpenFail::Io)?;
    if !meta.is_file() {
        return Err(OpenFail::NotRegular(kind(meta.file_type())));
    }
    // Should it have become a FIFO since, O_NONBLOCK keeps the open from waiting for a writer;
    // reads of a regular file do not heed it.
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(OpenFail::Io)?;
    regular(&file)?;
    Ok(file)
}

/// Opens the lock file at `path` to write, creating it (mode 0600): never through a symlink,
/// and only a regular file.
pub fn open_lock(path: &Path) -> Result<File, OpenFail> {
    match fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_file() => return Err(OpenFail::NotRegular(kind(meta.file_type()))),
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(OpenFail::Io(e)),
        _ => {}
    }
    // O_NOFOLLOW and O_NONBLOCK again, for a file swapped in since the look above.
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .map_err(OpenFail::Io)?;
    regular(&file)?;
    Ok(file)
}

fn regular(file: &File) -> Result<(), OpenFail> {
    let t = file.metadata().map_err(OpenFail::Io)?.file_type();
    if t.is_file() {
        Ok(())
    } else {
        Err(OpenFail::NotRegular(kind(t)))
    }
}

/// The real path of the state at `path`: symlinks at the path itself followed (also one
/// pointing at a file not made yet), and its directory made canonical, created (mode 0700)
/// when missing. Writing there keeps a symlinked state a symlink, and two paths to one state
/// share one lock.
pub fn resolve_state(path: &Path) -> io::Result<PathBuf> {
    let mut path = std::path::absolute(path)?;
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&path)?;
                // A relative target is relative to the link's directory; `join` keeps an
                // absolute one as it is.
                path = path.parent().unwrap_or(Path::new("/")).join(target);
            }
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => return in_canonical_dir(&path),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row"
    )))
}

fn in_canonical_dir(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let dir = path.parent().unwrap_or(Path::new("/"));
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    Ok(fs::canonicalize(dir)?.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_links_at_the_state_path_and_refuses_what_is_not_a_file() {
        let dir = std::env::temp_dir().join(format!("mailaudit-file-{}", std::process::id()));
        let real = dir.join("real");
        fs::create_dir_all(&real).unwrap();
        let real = fs::canonicalize(&real).unwrap();
        std::os::unix::fs::symlink("real/state.yaml", dir.join("link.yaml")).unwrap();
        std::os::unix::fs::symlink("link.yaml", dir.join("chain.yaml")).unwrap();
        assert_eq!(
            resolve_state(&dir.join("chain.yaml")).unwrap(),
            real.join("state.yaml"),
            "a chain of links to a file not made yet"
        );
        assert_eq!(
            resolve_state(&dir.join("new/s.yaml")).unwrap(),
            fs::canonicalize(dir.join("new")).unwrap().join("s.yaml"),
            "the directory is made"
        );
        std::os::unix::fs::symlink("loop.yaml", dir.join("loop.yaml")).unwrap();
        assert!(resolve_state(&dir.join("loop.yaml")).is_err());
        assert!(matches!(
            open_regular(&real),
            Err(OpenFail::NotRegular("a directory"))
        ));
        assert!(matches!(
            open_lock(&dir.join("link.yaml")),
            Err(OpenFail::NotRegular("a symbolic link"))
        ));
        fs::remove_dir_all(&dir).unwrap();
    }
}
