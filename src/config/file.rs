//! The config file, `mailaudit.toml` (TOML 1.0): where it is found, read bounded, and parsed
//! into the run's defaults, per-domain settings, desired state and suppressions. Any unknown
//! key or bad value is an error naming the file, the line and the key, never ignored.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::date::Date;
use crate::desired::{Desired, DesiredState, Glob, IgnoreRule};
use crate::dkim::Selector;
use crate::error::Error;

use super::defaults::Defaults;

/// Largest config file read: a hand-written file is far smaller.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    defaults: Defaults,
    #[serde(default)]
    domains: BTreeMap<Spanned<String>, RawDomain>,
    #[serde(default)]
    policy: BTreeMap<Spanned<String>, Desired>,
    #[serde(default)]
    ignore: Vec<RawIgnore>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDomain {
    #[serde(default)]
    selectors: Vec<Spanned<String>>,
    bimi_selector: Option<Spanned<String>>,
    parked: Option<bool>,
    state: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    code: Spanned<String>,
    domain: Option<Spanned<String>>,
    subject: Option<String>,
    reason: String,
    until: Option<Spanned<Datetime>>,
}

/// One domain's settings (`[domains."example.com"]`), used where the command line says nothing.
#[derive(Debug, Clone, Default)]
pub struct DomainSettings {
    /// DKIM selectors, when no `--selector` is given.
    pub selectors: Vec<Selector>,
    /// Lowercase.
    pub bimi_selector: Option<String>,
    pub parked: bool,
    /// The DKIM rotation state file whose selectors are tried for this domain.
    pub state: Option<PathBuf>,
}

/// What the config file says, read and checked.
#[derive(Debug, Default)]
pub struct FileSettings {
    pub defaults: Defaults,
    /// By domain, normalised.
    pub domains: BTreeMap<String, DomainSettings>,
    pub desired: DesiredState,
    /// Where it was read from, for messages.
    pub path: Option<PathBuf>,
}

/// Where the config file is: `--config`, else `$MAILAUDIT_CONFIG` (both must exist), else
/// `mailaudit/config.toml` in the XDG config directory (read only when there).
pub fn locate(given: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(path) = given {
        return Some((path.to_path_buf(), true));
    }
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(path) = var("MAILAUDIT_CONFIG") {
        return Some((PathBuf::from(path), true));
    }
    let base = var("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|h| Path::new(&h).join(".config")))?;
    Some((base.join("mailaudit").join("config.toml"), false))
}

/// Reads and checks the config file at `path`; `None` when it is optional and absent.
pub fn load(path: &Path, required: bool) -> Result<Option<FileSettings>, Error> {
    let shown = path.display().to_string();
    let fail = |why: String| Error::Usage(format!("config {shown}: {why}"));
    let meta = match std::fs::metadata(path) {
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(fail(format!("cannot read it: {e}"))),
        Ok(meta) => meta,
    };
    if !meta.is_file() {
        return Err(fail("not a regular file".into()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(format!("cannot read it: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(fail(format!("larger than {MAX_BYTES} bytes; not read")));
    }
    let text = String::from_utf8(bytes).map_err(|_| fail("not UTF-8 text".into()))?;
    let mut settings = parse(&text).map_err(|e| e.into_error(&shown, &text))?;
    settings.path = Some(path.to_path_buf());
    Ok(Some(settings))
}

/// Something wrong in the file, at a byte span; the key when it is not on the line.
#[derive(Debug)]
pub struct ParseError {
    pub span: Option<std::ops::Range<usize>>,
    pub key: Option<String>,
    pub message: String,
}

impl ParseError {
    pub fn at(span: std::ops::Range<usize>, key: &str, message: impl Into<String>) -> Self {
        Self {
            span: Some(span),
            key: Some(key.to_string()),
            message: message.into(),
        }
    }

    /// The one-line message: `config FILE:LINE: KEY: what is wrong`.
    fn into_error(self, file: &str, text: &str) -> Error {
        let Some(span) = self.span else {
            return Error::Usage(format!("config {file}: {}", self.message));
        };
        let start = span.start.min(text.len());
        let line = text[..start].bytes().filter(|b| *b == b'\n').count() + 1;
        let key = self.key.or_else(|| key_on_line(text, start));
        let key = key.map(|k| format!("{k}: ")).unwrap_or_default();
        Error::Usage(format!("config {file}:{line}: {key}{}", self.message))
    }
}

/// The key of a `key = value` line that holds byte `at`.
fn key_on_line(text: &str, at: usize) -> Option<String> {
    let begin = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[begin..].lines().next().unwrap_or("");
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.starts_with('[')).then(|| key.to_string())
}

/// Parses and checks the text of a config file.
pub fn parse(text: &str) -> Result<FileSettings, ParseError> {
    let raw: Raw = toml::from_str(text).map_err(|e| ParseError {
        span: e.span(),
        key: None,
        message: e.message().trim().replace('\n', " "),
    })?;
    raw.defaults.check()?;
    let mut domains = BTreeMap::new();
    for (name, settings) in raw.domains {
        let domain = crate::dns::name::normalize_domain(name.get_ref())
            .map_err(|e| ParseError::at(name.span(), "domains", e.to_string()))?;
        domains.insert(domain, domain_settings(settings)?);
    }
    let mut policies = Vec::new();
    for (glob, desired) in raw.policy {
        let parsed =
            Glob::parse(glob.get_ref()).map_err(|e| ParseError::at(glob.span(), "policy", e))?;
        policies.push((parsed, desired));
    }
    let ignores = raw
        .ignore
        .into_iter()
        .map(ignore_rule)
        .collect::<Result<_, _>>()?;
    Ok(FileSettings {
        defaults: raw.defaults,
        domains,
        desired: DesiredState { policies, ignores },
        path: None,
    })
}

fn domain_settings(raw: RawDomain) -> Result<DomainSettings, ParseError> {
    let selectors = raw
        .selectors
        .iter()
        .map(|s| Selector::new(s.get_ref()).map_err(|e| ParseError::at(s.span(), "selectors", e)))
        .collect::<Result<_, _>>()?;
    if let Some(s) = &raw.bimi_selector {
        Selector::new(s.get_ref()).map_err(|e| ParseError::at(s.span(), "bimi_selector", e))?;
    }
    Ok(DomainSettings {
        selectors,
        bimi_selector: raw
            .bimi_selector
            .map(|s| s.into_inner().to_ascii_lowercase()),
        parked: raw.parked.unwrap_or(false),
        state: raw.state,
    })
}

fn ignore_rule(raw: RawIgnore) -> Result<IgnoreRule, ParseError> {
    let code = crate::catalog::find(raw.code.get_ref()).ok_or_else(|| {
        ParseError::at(
            raw.code.span(),
            "code",
            format!(
                "unknown finding code {}; `mailaudit explain` lists them all",
                crate::sanitize::quoted(raw.code.get_ref())
            ),
        )
    })?;
    let domain = match &raw.domain {
        Some(g) => {
            Some(Glob::parse(g.get_ref()).map_err(|e| ParseError::at(g.span(), "domain", e))?)
        }
        None => None,
    };
    let until = match &raw.until {
        Some(d) => Some(date(d.get_ref()).ok_or_else(|| {
            ParseError::at(d.span(), "until", "not a date as YYYY-MM-DD (no time)")
        })?),
        None => None,
    };
    Ok(IgnoreRule {
        code,
        domain,
        subject: raw.subject,
        reason: raw.reason,
        until,
    })
}

/// A TOML local date (`2027-03-01`), without a time.
fn date(value: &Datetime) -> Option<Date> {
    if value.time.is_some() || value.offset.is_some() {
        return None;
    }
    let d = value.date?;
    Date::from_ymd(i64::from(d.year), u32::from(d.month), u32::from(d.day))
}
