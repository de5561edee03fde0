//! The rotation state file: a YAML document of domains, their rotation settings and their keys
//! with the dates each reached a stage. Written atomically (a temporary file in the same
//! directory, fsynced, renamed over the old one, the directory fsynced), so a crash leaves the
//! old state or the new one, never half of either. A first and a last comment line frame what
//! mailaudit writes, so a state cut short (a full disk, a copy or an editor gone wrong) is
//! refused instead of read as another state; values are held to what the command line allows.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::dkim::{KeyType, Selector};
use crate::sanitize::escape;

use super::file::{OpenFail, open_regular};
use super::selector::next_selector;
use super::shape;

/// The format version written; a later one is refused rather than misread.
pub const STATE_VERSION: u32 = 1;
/// A domain's state takes well under 1 KiB: a larger file is the wrong file, or an attack.
const MAX_STATE_BYTES: u64 = 1024 * 1024;

/// The first line mailaudit writes: a state that starts with it must end with [`END_LINE`].
const HEADER_LINE: &str =
    "# mailaudit DKIM rotation state; complete only with the end line below the last key";
/// The last line mailaudit writes, after everything else.
pub const END_LINE: &str = "# end of mailaudit state";

pub const DEFAULT_INTERVAL_DAYS: u32 = 90;
pub const DEFAULT_OVERLAP_DAYS: u32 = 7;
/// `--interval` and `--overlap` accept at most these, and so does the state.
pub const MAX_INTERVAL_DAYS: u32 = 3650;
pub const MAX_OVERLAP_DAYS: u32 = 365;
pub const DEFAULT_TEMPLATE: &str = "s{year}q{quarter}";

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("cannot read the rotation state {}: {}", shown(.path), escape(&.source.to_string()))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the rotation state {} is not valid: {}", shown(.path), escape(.message))]
    Invalid { path: PathBuf, message: String },
    #[error(
        "the rotation state {} looks truncated: it does not end with the line \"{END_LINE}\" that \
         mailaudit writes last; restore it from a backup (or add the line if it is complete)",
        shown(.path)
    )]
    Truncated { path: PathBuf },
    #[error("cannot write the rotation state {}: {}", shown(.path), escape(&.source.to_string()))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the rotation state {} is {kind}, not a regular file", shown(.path))]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("no rotation state path: set HOME or XDG_CONFIG_HOME, or give --state")]
    NoHome,
}

fn shown(path: &Path) -> String {
    escape(&path.display().to_string())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RotationState {
    pub version: u32,
    pub domains: BTreeMap<String, DomainState>,
}

impl Default for RotationState {
    fn default() -> Self {
        Self {
            version: STATE_VERSION,
            domains: BTreeMap::new(),
        }
    }
}

/// One domain's settings and keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainState {
    pub interval_days: u32,
    pub overlap_days: u32,
    pub selector_template: String,
    pub key_dir: PathBuf,
    pub algorithms: Vec<KeyType>,
    pub rsa_bits: usize,
    pub keys: Vec<KeyEntry>,
    /// The last `--exec` after an activation, and how it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_exec: Option<ExecRecord>,
}

/// One key and the dates it reached each stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyEntry {
    pub selector: Selector,
    pub algorithm: KeyType,
    /// The private key (PKCS#8 PEM).
    pub file: PathBuf,
    pub created: Date,
    /// Seen in DNS, matching the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// The signer was told to use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activated: Option<Date>,
    /// Replaced by a newer key; stays published for the overlap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retiring: Option<Date>,
    /// Its empty record was seen in DNS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyStatus {
    /// Made, waiting to be published and activated.
    Pending,
    Active,
    Retiring,
    Revoked,
}

impl KeyEntry {
    pub fn status_word(&self) -> &'static str {
        match self.status() {
            KeyStatus::Pending => "pending",
            KeyStatus::Active => "active",
            KeyStatus::Retiring => "retiring",
            KeyStatus::Revoked => "revoked",
        }
    }

    pub fn status(&self) -> KeyStatus {
        if self.revoked.is_some() {
            KeyStatus::Revoked
        } else if self.retiring.is_some() {
            KeyStatus::Retiring
        } else if self.activated.is_some() {
            KeyStatus::Active
        } else {
            KeyStatus::Pending
        }
    }
}

/// An `--exec` run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExecRecord {
    pub date: Date,
    pub command: String,
    pub ok: bool,
    /// "exit status 0", "exit status 3", "killed after 60 s", "cannot start: ...".
    pub outcome: String,
}

impl DomainState {
    pub fn new(key_dir: PathBuf) -> Self {
        Self {
            interval_days: DEFAULT_INTERVAL_DAYS,
            overlap_days: DEFAULT_OVERLAP_DAYS,
            selector_template: DEFAULT_TEMPLATE.to_string(),
            key_dir,
            algorithms: vec![KeyType::Rsa],
            rsa_bits: crate::dkim::keygen::DEFAULT_RSA_BITS,
            keys: Vec::new(),
            last_exec: None,
        }
    }

    pub fn with_status(&self, status: KeyStatus) -> impl Iterator<Item = &KeyEntry> {
        self.keys.iter().filter(move |k| k.status() == status)
    }
}

/// `$XDG_CONFIG_HOME/mailaudit/dkim-rotation.yaml`, else `$HOME/.config/mailaudit/...`.
pub fn default_path() -> Result<PathBuf, StateError> {
    let absolute = |var: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let config = absolute("XDG_CONFIG_HOME")
        .or_else(|| absolute("HOME").map(|home| home.join(".config")))
        .ok_or(StateError::NoHome)?;
    Ok(config.join("mailaudit").join("dkim-rotation.yaml"))
}

impl RotationState {
    /// The selectors of every domain, by domain.
    pub fn selectors(&self) -> std::collections::HashMap<String, Vec<crate::dkim::Selector>> {
        self.domains
            .iter()
            .map(|(domain, d)| {
                (
                    domain.clone(),
                    d.keys.iter().map(|k| k.selector.clone()).collect(),
                )
            })
            .collect()
    }

    /// The selectors of the state at `path` (which must be readable), or of the default state
    /// when it is there and readable.
    pub fn selectors_at(
        path: Option<&Path>,
    ) -> Result<std::collections::HashMap<String, Vec<crate::dkim::Selector>>, StateError> {
        let state = match path {
            Some(path) => Self::load(path)?,
            None => default_path()
                .ok()
                .and_then(|path| Self::load(&path).ok().flatten()),
        };
        Ok(state.map(|s| s.selectors()).unwrap_or_default())
    }

    /// Reads the state at `path`; `Ok(None)` when there is no file yet.
    pub fn load(path: &Path) -> Result<Option<Self>, StateError> {
        Ok(Self::read(path)?.map(|(state, _)| state))
    }

    /// Reads the state at `path`, and whether it lacks the end line (written by a mailaudit
    /// from before it had one, and then held to the checks alone); `Ok(None)` when there is no
    /// file yet.
    pub fn read(path: &Path) -> Result<Option<(Self, bool)>, StateError> {
        let Some(text) = read_text(path)? else {
            return Ok(None);
        };
        let invalid = |message: String| StateError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        if text.len() as u64 > MAX_STATE_BYTES {
            return Err(invalid(format!(
                "it is larger than 1 MiB ({MAX_STATE_BYTES} bytes)"
            )));
        }
        let ended = ends_whole(&text);
        if text.starts_with(&format!("{HEADER_LINE}\n")) && !ended {
            return Err(StateError::Truncated {
                path: path.to_path_buf(),
            });
        }
        // Before the parser sees it: aliases would expand, deep nesting takes quadratic time.
        shape::check(&text).map_err(invalid)?;
        // The version first: a later one may have other fields, and is refused for it alone.
        if let Ok(Versioned { version }) = serde_yaml::from_str(&text)
            && version != STATE_VERSION
        {
            return Err(invalid(format!(
                "version {version} (this mailaudit reads version {STATE_VERSION})"
            )));
        }
        let state: Self =
            serde_yaml::from_str(&text).map_err(|e| invalid(clipped(&e.to_string())))?;
        state.check().map_err(invalid)?;
        Ok(Some((state, !ended)))
    }

    /// Every value within what the command line accepts, so that a damaged state is refused
    /// rather than acted on.
    fn check(&self) -> Result<(), String> {
        for (name, d) in &self.domains {
            let problem = if crate::dns::name::normalize_domain(name).ok().as_ref() != Some(name) {
                Some("is not a normalised domain name".to_string())
            } else if !(1..=MAX_INTERVAL_DAYS).contains(&d.interval_days) {
                Some(format!(
                    "interval_days {} is not 1 to {MAX_INTERVAL_DAYS}",
                    d.interval_days
                ))
            } else if d.overlap_days > MAX_OVERLAP_DAYS {
                Some(format!(
                    "overlap_days {} is not 0 to {MAX_OVERLAP_DAYS}",
                    d.overlap_days
                ))
            } else if !crate::dkim::keygen::RSA_BITS.contains(&d.rsa_bits) {
                Some(format!(
                    "rsa_bits {} is not 1024, 2048, 3072 or 4096",
                    d.rsa_bits
                ))
            } else if d.algorithms.is_empty() {
                Some("algorithms is empty".to_string())
            } else {
                next_selector(&d.selector_template, Date::today(), KeyType::Rsa, true).err()
            };
            if let Some(problem) = problem {
                return Err(format!("domain {name}: {problem}"));
            }
        }
        Ok(())
    }

    /// Writes the state to `path` atomically: the old file stays whole until the new one is
    /// complete on disk. The directory is created (mode 0700) when missing.
    pub fn save(&self, path: &Path) -> Result<(), StateError> {
        let write = |source| StateError::Write {
            path: path.to_path_buf(),
            source,
        };
        let yaml = serde_yaml::to_string(self).map_err(|e| write(std::io::Error::other(e)))?;
        let text = format!("{HEADER_LINE}\n{yaml}{END_LINE}\n");
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .map_err(write)?;
        let name = path
            .file_name()
            .map_or_else(|| "state".into(), |n| n.to_string_lossy().into_owned());
        let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let result = write_synced(&temp, text.as_bytes())
            .and_then(|()| fs::rename(&temp, path))
            .and_then(|()| File::open(&dir)?.sync_all());
        if result.is_err() {
            let _ = fs::remove_file(&temp);
        }
        result.map_err(write)
    }
}

use std::os::unix::fs::DirBuilderExt;

/// The version of a state, whatever else it holds.
#[derive(Deserialize)]
struct Versioned {
    version: u32,
}

/// The text of the state at `path`, read only from a regular file and at most one byte more
/// than a state may have; `None` when there is no file.
fn read_text(path: &Path) -> Result<Option<String>, StateError> {
    let read = |source| StateError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = match open_regular(path) {
        Ok(file) => file,
        Err(OpenFail::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(OpenFail::Io(e)) => return Err(read(e)),
        Err(OpenFail::NotRegular(kind)) => {
            return Err(StateError::NotRegular {
                path: path.to_path_buf(),
                kind,
            });
        }
    };
    let mut text = String::new();
    file.take(MAX_STATE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(read)?;
    Ok(Some(text))
}

/// Whether `text` ends with the end line (its final line break may be missing).
fn ends_whole(text: &str) -> bool {
    let text = text.strip_suffix('\n').unwrap_or(text);
    text.strip_suffix(END_LINE)
        .is_some_and(|before| before.is_empty() || before.ends_with('\n'))
}

/// Writes `bytes` to a new file at `path` (mode 0600, replacing a leftover of an earlier crash
/// of this same process id) and waits until they are on disk.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let _ = fs::remove_file(path);
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The parser's message with what it quotes of the file (the first `piece` in backticks, and
/// "strings") cut to a few characters: the file given may be another (a password file, a key),
/// and its content is not for a terminal or a log. The names it expected stay whole.
fn clipped(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    let mut first_backtick = true;
    while let Some(at) = rest.find(['`', '"']) {
        let quote = rest[at..].chars().next().unwrap_or('"');
        out.push_str(&rest[..=at]);
        let inside = &rest[at + 1..];
        let Some(end) = inside.find(quote) else {
            rest = inside;
            break;
        };
        let found = quote == '"' || std::mem::take(&mut first_backtick);
        out.push_str(&clip(&inside[..end], found));
        out.push(quote);
        rest = &inside[end + 1..];
    }
    out.push_str(rest);
    out
}

fn clip(text: &str, found: bool) -> String {
    const SHOWN: usize = 8;
    if found && text.chars().count() > SHOWN {
        let mut short: String = text.chars().take(SHOWN).collect();
        short.push('…');
        short
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests;
