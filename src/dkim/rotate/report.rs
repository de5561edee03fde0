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
    pub fn new(domain: &str, keys: &[(&str, &str)]) -> Self {
        let mut opendkim = Vec::new();
        let mut blocks = Vec::new();
        for (selector, file) in keys {
            opendkim.push(format!(
                "KeyTable:     {selector}._domainkey.{domain} {domain}:{selector}:{file}"
            ));
            opendkim.push(format!(
                "SigningTable: *@{domain} {selector}._domainkey.{domain}"
            ));
            blocks.push(format!(
                "      {{ path = \"{file}\"; selector = \"{selector}\"; }}"
            ));
        }
        let rspamd = format!(
            "domain {{\n  {domain} {{\n    selectors = [\n{}\n    ];\n  }}\n}}",
            blocks.join(",\n")
        );
        Self {
            selectors: keys.iter().map(|(s, _)| (*s).to_string()).collect(),
            key_files: keys.iter().map(|(_, f)| (*f).to_string()).collect(),
            opendkim,
            rspamd,
        }
    }
}
