//! Writing a new private key and its TXT record to disk (DESIGN.md "Keys and state"): both files
//! are created new, never over an existing file; the key first, with mode 0600 from its
//! creation, so nothing ever points at a key that is not on disk; and when the TXT file cannot be
//! made, the key just written is removed again, leaving things as they were.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::dkim::Selector;
use crate::dkim::rotate::file::{OpenFail, open_regular};
use crate::error::KeyFileError;

/// Largest key file read: a 4096-bit RSA key in PEM is about 3.3 KiB.
const MAX_KEY_FILE_BYTES: u64 = 64 * 1024;

/// Creates `key` (mode 0600) holding `pem` and, when given, `txt` holding its record. Refuses,
/// writing nothing, when either exists.
pub fn write_new(key: &Path, pem: &str, txt: Option<(&Path, &str)>) -> Result<(), KeyFileError> {
    for path in std::iter::once(key).chain(txt.map(|(p, _)| p)) {
        if fs::symlink_metadata(path).is_ok() {
            return Err(KeyFileError::Exists(path.to_path_buf()));
        }
    }
    create(key, pem.as_bytes(), 0o600)?;
    if let Some((path, text)) = txt
        && let Err(e) = create(path, text.as_bytes(), 0o644)
    {
        // The key is new and nothing names it yet: taking it back loses nothing.
        let _ = fs::remove_file(key);
        return Err(e);
    }
    if let Some(dir) = key.parent().filter(|d| !d.as_os_str().is_empty()) {
        // The new names themselves are on disk only once the directory is.
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

fn create(path: &Path, bytes: &[u8], mode: u32) -> Result<(), KeyFileError> {
    let fail = |source: std::io::Error| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            KeyFileError::Exists(path.to_path_buf())
        } else {
            KeyFileError::Create {
                path: path.to_path_buf(),
                source,
            }
        }
    };
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .map_err(fail)?;
    if let Err(e) = file.write_all(bytes).and_then(|()| file.sync_all()) {
        let _ = fs::remove_file(path);
        return Err(fail(e));
    }
    Ok(())
}

/// Reads a key file, bounded; only a regular file (a FIFO would block the run).
pub fn read_key(path: &Path) -> Result<String, KeyFileError> {
    let read = |source| KeyFileError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = open_regular(path).map_err(|fail| match fail {
        OpenFail::Io(source) => read(source),
        OpenFail::NotRegular(kind) => KeyFileError::NotRegular {
            path: path.to_path_buf(),
            kind,
        },
    })?;
    let mut text = String::new();
    file.take(MAX_KEY_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(read)?;
    if text.len() as u64 > MAX_KEY_FILE_BYTES {
        return Err(KeyFileError::TooLarge {
            path: path.to_path_buf(),
            limit: MAX_KEY_FILE_BYTES,
        });
    }
    Ok(text)
}

/// `SELECTOR.DOMAIN.pem` and `SELECTOR.DOMAIN.txt` in `dir`; selectors and normalised domains
/// hold only letters, digits, '-', '_' and '.', so the names are safe.
pub fn file_names(dir: &Path, selector: &Selector, domain: &str) -> (PathBuf, PathBuf) {
    let stem = format!("{selector}.{domain}");
    (
        dir.join(format!("{stem}.pem")),
        dir.join(format!("{stem}.txt")),
    )
}
