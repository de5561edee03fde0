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
use super::located::ParseError;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_is_read_into_its_settings() {
        let text = "[domains.\"Example.COM.\"]\nselectors = [\"S1\"]\nbimi_selector = \"Brand\"\n\
            parked = true\nstate = \"s.yaml\"\n[policy.\"*.example.com\"]\nmin_rsa_bits = 2048\n\
            [[ignore]]\ncode = \"mx-no-aaaa\"\nreason = \"later\"\nuntil = 2027-03-01\n";
        let s = parse(text).unwrap();
        let d = &s.domains["example.com"];
        assert_eq!(d.selectors[0].to_string(), "s1");
        assert_eq!(d.bimi_selector.as_deref(), Some("brand"));
        assert!(d.parked);
        assert_eq!(d.state.as_deref(), Some(Path::new("s.yaml")));
        let (glob, desired) = &s.desired.policies[0];
        assert!(glob.matches("a.example.com"));
        assert_eq!(desired.min_rsa_bits, Some(2048));
        let rule = &s.desired.ignores[0];
        assert_eq!(rule.code.as_str(), "mx-no-aaaa");
        assert_eq!(rule.until, Date::from_ymd(2027, 3, 1));
    }

    #[test]
    fn errors_point_at_the_line_of_the_key() {
        let text = "# comment\n\n[policy.\"example.com\"]\n  min_rsa_bits = \"many\"\n";
        let err = parse(text)
            .unwrap_err()
            .into_error("f.toml", text)
            .to_string();
        let err = err.trim_start_matches("config ");
        assert!(err.starts_with("f.toml:4: min_rsa_bits: "), "{err}");
    }
}
