//! The errors that end a run with exit status 2, typed so callers can tell them apart; the
//! message is one line for stderr.

use crate::dkim::KeyError;
use crate::dkim::keygen::KeygenError;
use crate::dkim::rotate::StateError;
use crate::dns::TxtInputError;
use crate::dns::live::ResolverError;
use crate::dns::name::NameError;
use crate::dns::zone::ZoneError;
use crate::docs::DocsError;
use crate::render::OutputError;
use crate::tls::TrustError;

use std::path::{Path, PathBuf};

use crate::sanitize::escape;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Domain(#[from] NameError),
    #[error(transparent)]
    Resolver(#[from] ResolverError),
    #[error(transparent)]
    Zone(#[from] ZoneError),
    /// The `--trust-anchor` file could not be read; escaped for the terminal.
    #[error("{0}")]
    TrustAnchor(String),
    #[error("cannot read the record: {0}")]
    RecordInput(#[from] TxtInputError),
    /// A record file or stdin could not be read; both fields are escaped for the terminal.
    #[error("cannot read the record from {from}: {message}")]
    RecordRead { from: String, message: String },
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error(transparent)]
    Docs(#[from] DocsError),
    #[error(transparent)]
    Trust(#[from] TrustError),
    /// A file given to lint could not be read.
    #[error("cannot read {path}: {source}")]
    Input {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A file (or standard output) could not be written; the path is escaped for the terminal.
    #[error("cannot write {path}: {source}")]
    WriteFile {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A file to write is already there; the path is escaped for the terminal.
    #[error("{0} already exists; refusing to overwrite it (nothing was written)")]
    FileExists(String),
    #[error(transparent)]
    Generate(#[from] crate::fix::generate::GenerateError),
    #[error(transparent)]
    BulkInput(#[from] crate::check::bulk::InputError),
    #[error("cannot start the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
    /// An audit did not finish within `--budget`.
    #[error("the {what} did not finish within --budget {secs} s; DNS servers answer too slowly")]
    Deadline { what: String, secs: f64 },
    /// Arguments that clap accepts but that do not make sense together.
    #[error("{0}")]
    Usage(String),
    #[error("unknown finding code {}; `mailaudit explain` lists them all", crate::sanitize::quoted(.0))]
    UnknownCode(String),
    #[error(transparent)]
    KeyFile(#[from] KeyFileError),
    #[error(transparent)]
    Keygen(#[from] KeygenError),
    #[error(transparent)]
    Key(#[from] KeyError),
    /// A message to sign or verify cannot be read.
    #[error("cannot read the message {from}: {source}")]
    Message {
        from: String,
        #[source]
        source: crate::message::ReadError,
    },
    #[error(transparent)]
    Sign(#[from] crate::message::sign::SignError),
    #[error(transparent)]
    State(#[from] StateError),
    #[error(transparent)]
    StateLock(#[from] crate::dkim::rotate::lock::LockError),
    #[error(transparent)]
    Rotation(#[from] crate::dkim::rotate::OpenError),
}

/// A key file that could not be written or read (DESIGN.md "Keys and state").
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error("{} already exists; refusing to overwrite it (nothing was written)", shown(.0))]
    Exists(PathBuf),
    #[error("cannot create {}: {} (nothing was written)", shown(.path), escape(&.source.to_string()))]
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read the key file {}: {}", shown(.path), escape(&.source.to_string()))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the key file {} is larger than {limit} bytes: not a key", shown(.path))]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("the key file {} is {kind}, not a regular file", shown(.path))]
    NotRegular { path: PathBuf, kind: &'static str },
}

/// A path for a message, escaped for the terminal.
fn shown(path: &Path) -> String {
    escape(&path.display().to_string())
}
