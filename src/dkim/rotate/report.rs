//! What `dkim rotate` and `dkim status` report (RFC 6376 §3.1 rotation): the keys acted on with
//! the records to publish, what to change in the signer, and, for status, what is due.

use serde::Serialize;

use crate::date::Date;
use crate::dkim::KeyType;
use crate::dkim::keygen::TxtRecord;

use super::plan::Due;
use super::state::{ExecRecord, KeyEntry, KeyStatus};

/// Which step `dkim rotate` took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// New key(s) made: publish their records.
    Generated,
    /// Key(s) were already pending: shown again, nothing made.
    Pending,
    Activate,
    Revoke,
}

/// `dkim rotate`.
#[derive(Debug, Clone, Serialize)]
pub struct RotateReport {
    pub domain: String,
    pub state_file: String,
    pub date: Date,
    pub step: Step,
    /// Whether the step is complete (activation or revocation verified and recorded).
    pub done: bool,
    pub keys: Vec<RotatedKey>,
    /// What to change in the signer after an activation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<SignerChange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exec: Option<ExecRecord>,
    /// What to do next, in sentences.
    pub next: Vec<String>,
}

/// One key the step was about.
#[derive(Debug, Clone, Serialize)]
pub struct RotatedKey {
    pub selector: String,
    pub algorithm: KeyType,
    pub file: String,
    pub status: KeyStatus,
    /// The record to publish (the key's, or the empty revocation record).
    pub record: Option<TxtRecord>,
    /// What DNS showed, when it was checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns: Option<String>,
    /// `--verify-signing`: how a test message signed with the key fared through DNS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signing: Option<String>,
}

/// The signer settings after an activation, with examples for two common signers.
#[derive(Debug, Clone, Serialize)]
pub struct SignerChange {
    pub selectors: Vec<String>,
    pub key_files: Vec<String>,
    /// OpenDKIM KeyTable and SigningTable lines.
    pub opendkim: Vec<String>,
    /// An Rspamd `dkim_signing.conf` block.
    pub rspamd: String,
}

/// `dkim status`.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    pub state_file: String,
    pub date: Date,
    pub domains: Vec<DomainStatus>,
    /// How many things are due, over all domains.
    pub due: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct DomainStatus {
    pub domain: String,
    pub interval_days: u32,
    pub overlap_days: u32,
    pub keys: Vec<KeyView>,
    /// When the oldest active key is due for rotation.
    pub next_rotation: Option<Date>,
    pub due: Vec<Due>,
}

/// A key as status shows it.
#[derive(Debug, Clone, Serialize)]
pub struct KeyView {
    pub selector: String,
    pub algorithm: KeyType,
    pub status: KeyStatus,
    pub file: String,
    pub created: Date,
    pub published: Option<Date>,
    pub activated: Option<Date>,
    pub retiring: Option<Date>,
    pub revoked: Option<Date>,
}

impl From<&KeyEntry> for KeyView {
    fn from(k: &KeyEntry) -> Self {
        Self {
            selector: k.selector.to_string(),
            algorithm: k.algorithm,
            status: k.status(),
            file: k.file.display().to_string(),
            created: k.created,
            published: k.published,
            activated: k.activated,
            retiring: k.retiring,
            revoked: k.revoked,
        }
    }
}

impl SignerChange {
    /// The settings for `keys` (selector, key file) of `domain`, and a sentence for each key
    /// file a signer's configuration cannot name (its lines are left out).
    pub fn new(domain: &str, keys: &[(&str, &str)]) -> (Self, Vec<String>) {
        let mut opendkim = Vec::new();
        let mut blocks = Vec::new();
        let mut unnamed = Vec::new();
        for (selector, file) in keys {
            if opendkim_path(file) {
                opendkim.push(format!(
                    "KeyTable:     {selector}._domainkey.{domain} {domain}:{selector}:{file}"
                ));
                opendkim.push(format!(
                    "SigningTable: *@{domain} {selector}._domainkey.{domain}"
                ));
            } else {
                unnamed.push(format!(
                    "an OpenDKIM KeyTable cannot name {file} (it holds '#', '%' or a line break): \
                     copy the key of {selector} to a path without them for OpenDKIM"
                ));
            }
            match rspamd_path(file) {
                Some(path) => blocks.push(format!(
                    "      {{ path = {path}; selector = \"{selector}\"; }}"
                )),
                None => unnamed.push(format!(
                    "Rspamd reads '$' followed by a name in {file} as a variable: copy the key of \
                     {selector} to a path without '$' for Rspamd"
                )),
            }
        }
        let rspamd = if blocks.is_empty() {
            "# no key file Rspamd can name: see below".to_string()
        } else {
            format!(
                "domain {{\n  {domain} {{\n    selectors = [\n{}\n    ];\n  }}\n}}",
                blocks.join(",\n")
            )
        };
        let change = Self {
            selectors: keys.iter().map(|(s, _)| (*s).to_string()).collect(),
            key_files: keys.iter().map(|(_, f)| (*f).to_string()).collect(),
            opendkim,
            rspamd,
        };
        (change, unnamed)
    }
}

/// Whether a KeyTable line can hold `file` as it is. OpenDKIM reads the key path as the rest of
/// the line after the last field separator, so spaces, quotes and ':' need no quoting (there is
/// none), but a comment ('#') or a line break would end it, and it puts the domain in place of
/// every '%'.
fn opendkim_path(file: &str) -> bool {
    !file.contains(['#', '%', '\n', '\r'])
}

/// `file` as a UCL string for Rspamd: double-quoted with JSON escapes, which UCL reads. `None`
/// when Rspamd would read part of it as a variable: its dkim_signing module replaces `$name` and
/// `${name}` in key paths, with no way to escape them.
fn rspamd_path(file: &str) -> Option<String> {
    let variable = file.match_indices('$').any(|(at, _)| {
        file[at + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '{')
    });
    (!variable).then(|| serde_json::Value::from(file).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_paths_are_quoted_for_each_signer_or_left_out_with_a_reason() {
        let (change, unnamed) = SignerChange::new(
            "example.com",
            &[
                ("s1", "/my keys/it's \"q\":1.pem"),
                ("s2", "/k#%/$HOME/s2.pem"),
            ],
        );
        assert_eq!(
            change.opendkim,
            [
                "KeyTable:     s1._domainkey.example.com example.com:s1:/my keys/it's \"q\":1.pem",
                "SigningTable: *@example.com s1._domainkey.example.com",
            ]
        );
        assert!(
            change
                .rspamd
                .contains(r#"{ path = "/my keys/it's \"q\":1.pem"; selector = "s1"; }"#),
            "{}",
            change.rspamd
        );
        assert!(!change.rspamd.contains("s2"), "{}", change.rspamd);
        assert_eq!(unnamed.len(), 2, "{unnamed:?}");
        assert_eq!(rspamd_path("/a$/b$"), Some(r#""/a$/b$""#.to_string()));
        assert_eq!(rspamd_path("/a/${x}"), None);
        assert_eq!(rspamd_path("/a\tb"), Some(r#""/a\tb""#.to_string()));
    }
}
