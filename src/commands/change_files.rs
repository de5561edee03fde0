//! Writing the files a set of changes asks to serve (an MTA-STS policy) under a directory with a
//! web root per host: `DIR/<the URL's host>/<its path>`, so that `DIR` itself (where `fix` also
//! writes DKIM private keys) is never served. Every file is created new — when any of them is
//! already there, nothing is written — so an existing policy is never overwritten.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::fix::File;
use crate::sanitize::escape;

/// Writes each of `files` under `dir`; refuses, writing nothing, when one exists.
pub fn write_new(dir: &Path, files: &[File]) -> Result<(), Error> {
    let paths = files
        .iter()
        .map(|f| path_in(dir, &f.url))
        .collect::<Result<Vec<_>, _>>()?;
    for path in &paths {
        if fs::symlink_metadata(path).is_ok() {
            return Err(Error::FileExists(shown(path)));
        }
    }
    for (path, file) in paths.iter().zip(files) {
        create(path, file.content.as_bytes())?;
    }
    Ok(())
}

/// `dir` joined with the host and path of `url` (`https://host/a/b` → `dir/host/a/b`); a host
/// that is not a plain name, or a path that is empty or climbs (`..`), is refused.
fn path_in(dir: &Path, url: &str) -> Result<PathBuf, Error> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (host, path) = after_scheme
        .find('/')
        .map_or((after_scheme, ""), |at| after_scheme.split_at(at));
    let host_ok = !host.is_empty()
        && !host.starts_with('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    let parts: Vec<&str> = std::iter::once(host)
        .chain(path.split('/').skip(1))
        .collect();
    if !host_ok
        || parts.len() < 2
        || parts
            .iter()
            .any(|p| p.is_empty() || *p == "." || *p == "..")
    {
        return Err(Error::Usage(format!(
            "cannot write {}: not a file path",
            escape(url)
        )));
    }
    Ok(parts.iter().fold(dir.to_path_buf(), |p, part| p.join(part)))
}

fn create(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |source: std::io::Error| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            Error::FileExists(shown(path))
        } else {
            Error::WriteFile {
                path: shown(path),
                source,
            }
        }
    };
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(fail)?;
    }
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(fail)?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(fail)
}

fn shown(path: &Path) -> String {
    escape(&path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_paths_under_the_directory() {
        let dir = Path::new("/srv/www");
        assert_eq!(
            path_in(dir, "https://mta-sts.example.com/.well-known/mta-sts.txt").unwrap(),
            Path::new("/srv/www/mta-sts.example.com/.well-known/mta-sts.txt")
        );
        for bad in [
            "https://h.example",
            "https://h.example/",
            "https://h.example/a/../b",
            "https://../a",
            "https://a:8443/x",
            "https:///a",
        ] {
            assert!(path_in(dir, bad).is_err(), "{bad}");
        }
    }
}
