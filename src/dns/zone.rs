//! Answers from RFC 1035 master files (`--zone`), for auditing a zone before it is published.
//! Names not in the data are NXDOMAIN; a name that owns other types (or has names below it) is
//! NODATA. Wildcards answer as RFC 4592 says; CNAMEs are followed as a resolver would, and a
//! loop is a lookup failure. The files are read byte-exactly by [`master`].

mod fields;
mod generic;
mod lexer;
mod master;
mod rrtype;

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{
    Answer, BoxFuture, DnsSource, Dnssec, FailureKind, Judgement, LookupError, LookupResult, Rdata,
    RecordType, Security,
};
use crate::sanitize::escape;

const MIB: u64 = 1024 * 1024;

/// The largest zone file read. About a million records: far beyond any zone whose mail set-up
/// one audits (a busy domain's zone is kilobytes), yet small enough that the parsed records fit
/// comfortably in memory. A bigger "zone" is the wrong file (a device, an image, a log); reading
/// it whole is what got `--zone /dev/zero` killed.
pub const MAX_ZONE_FILE_BYTES: u64 = 64 * MIB;

/// The most zone data one run reads, over every `--zone` file and every `$INCLUDE`: a file may
/// include others, so the per-file bound alone does not bound the run.
pub const MAX_ZONE_BYTES: u64 = 4 * MAX_ZONE_FILE_BYTES;

/// CNAME chains longer than this are a lookup failure, like a loop.
const MAX_CNAME_CHAIN: usize = 8;

/// Why zone data could not be loaded. The text is one line, safe to print: control characters
/// from paths and file contents are escaped.
#[derive(Debug, thiserror::Error)]
pub enum ZoneError {
    #[error("cannot read zone file {}: {}", shown(.path), escape(&.source.to_string()))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("zone file {} is larger than {}: refused", shown(.path), size(*.limit))]
    TooLarge { path: PathBuf, limit: u64 },
    #[error(
        "zone file {} brings the zone data of this run over {}: refused",
        shown(.path),
        size(*.limit)
    )]
    TotalTooLarge { path: PathBuf, limit: u64 },
    #[error("{}:{line}: {}", .path.as_deref().map_or_else(|| "zone data".into(), shown), escape(.message))]
    Parse {
        /// `None` for text given to [`ZoneSource::add_text`] without a file.
        path: Option<PathBuf>,
        line: usize,
        message: String,
    },
}

fn shown(path: &Path) -> String {
    escape(&path.display().to_string())
}

fn size(bytes: u64) -> String {
    if bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[derive(Default)]
pub struct ZoneSource {
    records: HashMap<(String, RecordType), RrSet>,
    cnames: HashMap<String, String>,
    /// Every owner name and every name above one (empty non-terminals are NODATA, not NXDOMAIN).
    names: HashSet<String>,
    /// Zone data read from files so far, against [`MAX_ZONE_BYTES`].
    bytes_read: u64,
    /// Answers carry a DNSSEC status: insecure, as nothing chains them to an anchor.
    pub judged: bool,
}

impl ZoneSource {
    /// Loads every file; the error names the file and what is wrong with it.
    pub fn load(paths: &[impl AsRef<Path>]) -> Result<Self, ZoneError> {
        let mut zone = Self::default();
        for path in paths {
            let path = path.as_ref();
            let bytes = zone.read_file(path)?;
            zone.add_bytes(&bytes, Some(path))?;
        }
        Ok(zone)
    }

    /// Adds the records of one master file's text. `path` names it in errors and anchors
    /// relative `$INCLUDE`s.
    pub fn add_text(&mut self, text: &str, path: Option<&Path>) -> Result<(), ZoneError> {
        self.add_bytes(text.as_bytes(), path)
    }

    /// Like [`Self::add_text`], for a file that need not be UTF-8 (TXT data is bytes).
    pub fn add_bytes(&mut self, bytes: &[u8], path: Option<&Path>) -> Result<(), ZoneError> {
        master::read(self, bytes, path)
    }

    /// Reads a whole file, but never more than the bounds allow.
    fn read_file(&mut self, path: &Path) -> Result<Vec<u8>, ZoneError> {
        let bytes = read_bounded(path, MAX_ZONE_FILE_BYTES)?;
        self.bytes_read += bytes.len() as u64;
        if self.bytes_read > MAX_ZONE_BYTES {
            return Err(ZoneError::TotalTooLarge {
                path: path.to_path_buf(),
                limit: MAX_ZONE_BYTES,
            });
        }
        Ok(bytes)
    }

    fn add_name(&mut self, owner: &str) {
        let mut name = owner;
        loop {
            if !self.names.insert(name.to_string()) {
                break; // its ancestors are there already
            }
            match name.split_once('.') {
                Some((_, parent)) if !parent.is_empty() => name = parent,
                _ => break,
            }
        }
    }

    fn answer(&self, qname: &str, rtype: RecordType) -> LookupResult {
        let mut chain = vec![qname.to_string()];
        loop {
            let Some(node) = self.node(chain.last().expect("never empty")) else {
                return Ok(Answer::NxDomain);
            };
            // A CNAME query asks for the alias itself, which is not chased.
            if rtype == RecordType::Cname {
                return Ok(self.cnames.get(node).map_or(Answer::NoData, |target| {
                    Answer::Records(vec![Rdata::Cname(target.clone())])
                }));
            }
            if let Some(set) = self.records.get(&(node.to_string(), rtype)) {
                return Ok(Answer::Records(set.records.clone()));
            }
            let Some(target) = self.cnames.get(node) else {
                return Ok(Answer::NoData);
            };
            let looped = chain.contains(target);
            if looped || chain.len() > MAX_CNAME_CHAIN {
                chain.push(target.clone());
                let what = if looped {
                    "CNAME loop".to_string()
                } else {
                    format!("CNAME chain longer than {MAX_CNAME_CHAIN}")
                };
                return Err(LookupError {
                    kind: FailureKind::CnameLoop,
                    detail: format!("{qname} {what}: {}", chain.join(" -> ")),
                });
            }
            chain.push(target.clone());
        }
    }

    /// The owner whose data answers `name`: the name itself when it exists, else the wildcard
    /// `*.<closest encloser>` when that exists (RFC 4592 §3.3.1). The closest encloser is the
    /// longest existing ancestor; an existing name, even an empty non-terminal, blocks wildcards
    /// above it.
    fn node(&self, name: &str) -> Option<&str> {
        if let Some(owner) = self.names.get(name) {
            return Some(owner);
        }
        let mut encloser = name;
        loop {
            encloser = encloser.split_once('.').map_or("", |(_, parent)| parent);
            if encloser.is_empty() || self.names.contains(encloser) {
                let source = if encloser.is_empty() {
                    "*".to_string()
                } else {
                    format!("*.{encloser}")
                };
                return self.names.get(&source).map(String::as_str);
            }
        }
    }
}

impl master::Sink for ZoneSource {
    fn include(&mut self, path: &Path) -> Result<Vec<u8>, ZoneError> {
        self.read_file(path)
    }

    fn record(&mut self, owner: String, data: Data) -> Result<(), String> {
        self.add_name(&owner);
        match data {
            Data::Cname(target) => match self.cnames.get(&owner) {
                Some(old) if *old != target => Err(format!(
                    "{owner} has two CNAMEs, {old} and {target}; a name has at most one \
                     (RFC 2181 §10.1)"
                )),
                _ => {
                    self.cnames.insert(owner, target);
                    Ok(())
                }
            },
            Data::Rdata(rtype, rdata) => {
                self.records
                    .entry((owner, rtype))
                    .or_default()
                    .insert(rdata);
                Ok(())
            }
            Data::Other => Ok(()),
        }
    }
}

impl DnsSource for ZoneSource {
    fn lookup<'a>(&'a self, name: &'a str, rtype: RecordType) -> BoxFuture<'a, LookupResult> {
        Box::pin(async move { self.answer(name, rtype) })
    }

    fn judged<'a>(&'a self, name: &'a str, rtype: RecordType) -> BoxFuture<'a, Judgement> {
        let dnssec = self.judged.then(|| {
            Dnssec::because(
                Security::Insecure,
                "from a zone file: no chain of trust reaches it",
            )
        });
        Box::pin(async move { (self.answer(name, rtype), dnssec) })
    }
}

/// An RRset: a set, so the same record given twice (or the same file loaded twice) is one
/// record (RFC 2181 §5). Kept in file order, with a hash index so large sets stay fast.
#[derive(Default)]
struct RrSet {
    records: Vec<Rdata>,
    by_hash: HashMap<u64, Vec<usize>>,
}

impl RrSet {
    fn insert(&mut self, data: Rdata) {
        // `Rdata` has no `Hash`; its derived `Debug` text is equal exactly when the values are.
        let mut hasher = DefaultHasher::new();
        format!("{data:?}").hash(&mut hasher);
        let same_hash = self.by_hash.entry(hasher.finish()).or_default();
        if same_hash.iter().any(|&i| self.records[i] == data) {
            return;
        }
        same_hash.push(self.records.len());
        self.records.push(data);
    }
}

/// Reads at most `limit` bytes of `path`. A regular file over the limit is refused before it is
/// read; anything else (a pipe, a device) is read up to one byte past the limit, which is enough
/// to know it is too large.
fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ZoneError> {
    let read_error = |source| ZoneError::Read {
        path: path.to_path_buf(),
        source,
    };
    let too_large = || ZoneError::TooLarge {
        path: path.to_path_buf(),
        limit,
    };
    let file = File::open(path).map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    if meta.is_file() && meta.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// What one record adds to the zone.
pub(super) enum Data {
    Rdata(RecordType, Rdata),
    Cname(String),
    /// A type mailaudit never asks for: the owner name exists, nothing more.
    Other,
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod type_tests;
