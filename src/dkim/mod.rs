//! DKIM (RFC 6376, RFC 8301, RFC 8463): the key record a selector publishes in the RFC's words.
//! `parse` reads it losslessly on top of the shared tag-list parser, `key` decodes `p=`, `lints`
//! checks it, `audit` looks selectors up (with `discover`'s list when none is given), `keygen`
//! makes new keys and their TXT text, and `rotate/` is the rotation state and plan.

pub mod audit;
pub mod codes;
pub mod discover;
pub mod key;
pub mod keygen;
pub mod lints;
pub mod parse;
pub mod rotate;
pub mod verify;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::dns::Txt;
use crate::finding::Finding;
use crate::tags::TagList;

use lints::{KeyInfo, Linted};

pub use key::{DecodedKey, KeyEncoding, KeyError, PublicKeyData};

/// The key algorithms of `k=` (RFC 6376 §3.6.1, RFC 8463 §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyType {
    Rsa,
    Ed25519,
}

impl KeyType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Rsa => "rsa",
            Self::Ed25519 => "ed25519",
        }
    }

    /// The `k=` value, when it names a known algorithm (case-insensitively, as receivers compare).
    pub fn from_tag(value: &str) -> Option<Self> {
        match value.to_ascii_lowercase().as_str() {
            "rsa" => Some(Self::Rsa),
            "ed25519" => Some(Self::Ed25519),
            _ => None,
        }
    }
}

impl fmt::Display for KeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A selector (RFC 6376 §3.1): one or more labels of letters, digits and hyphens, under
/// `_domainkey` of the signing domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Selector(String);

impl Selector {
    /// Checks the RFC 6376 `selector` syntax (`sub-domain *( "." sub-domain )`), lowercased.
    pub fn new(text: &str) -> Result<Self, String> {
        let text = text.trim().trim_end_matches('.').to_ascii_lowercase();
        let label_ok = |l: &str| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        };
        if text.is_empty() || text.len() > 200 || !text.split('.').all(label_ok) {
            return Err(format!(
                "{} is not a selector: labels of letters, digits and inner hyphens, separated by \
                 dots",
                crate::sanitize::quoted(&text)
            ));
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where the key record lives: `selector._domainkey.domain` (RFC 6376 §3.6.2.1).
    pub fn record_name(&self, domain: &str) -> String {
        format!("{}._domainkey.{domain}", self.0)
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A DKIM key record (RFC 6376 §3.6.1) as published: every tag with its position, and the
/// values verifiers act on. Unknown tags are kept in `tags` and otherwise ignored, as the RFC
/// says verifiers do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DkimKeyRecord {
    pub tags: TagList,
    /// `v=`, when present (it must be first and `DKIM1`).
    pub version: Option<String>,
    /// `k=` as written; absent means `rsa`.
    pub key_type: Option<String>,
    /// `h=`: hash algorithms the key may be used with; absent means any.
    pub hashes: Option<Vec<String>>,
    /// `s=`: service types; absent means `*`.
    pub services: Option<Vec<String>>,
    /// `t=` flags (`y` testing, `s` strict).
    pub flags: Vec<String>,
    /// `p=` with folding white space removed; empty means revoked; `None` when missing.
    pub public_key: Option<String>,
    /// `g=` (RFC 4871 granularity, removed by RFC 6376).
    pub granularity: Option<String>,
    /// `n=` notes.
    pub notes: Option<String>,
}

impl DkimKeyRecord {
    /// The key algorithm `k=` names: `Ok(None)` for an unknown one, given as `Err(value)`.
    pub fn key_algorithm(&self) -> Result<KeyType, &str> {
        match self.key_type.as_deref() {
            None => Ok(KeyType::Rsa),
            Some(k) => KeyType::from_tag(k).ok_or(k),
        }
    }

    pub fn testing(&self) -> bool {
        self.flags.iter().any(|f| f == "y")
    }

    /// An empty `p=`: the key has been revoked (RFC 6376 §3.6.1).
    pub fn revoked(&self) -> bool {
        self.public_key.as_deref() == Some("")
    }
}

/// The audit of one domain's DKIM keys.
#[derive(Debug, Clone, Serialize)]
pub struct DkimReport {
    pub domain: String,
    /// Whether the selectors were guessed (no `--selector` given).
    pub discovery: bool,
    /// How many selectors were looked up.
    pub selectors_tried: usize,
    /// Discovery found `_domainkey.DOMAIN` to be NXDOMAIN: no selector can exist (RFC 8020), so
    /// none was looked up.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub no_domainkey: bool,
    /// The selectors that hold a record (all of those asked for, with `--selector`).
    pub selectors: Vec<SelectorReport>,
    /// What discovery can and cannot tell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub findings: Vec<Finding>,
    /// No selector could be looked up at all: the audit is not complete.
    #[serde(skip)]
    pub incomplete: bool,
}

/// `lint dkim RECORD`: one record given as text.
#[derive(Debug, Clone, Serialize)]
pub struct DkimLintReport {
    pub record: KeyRecordReport,
    pub findings: Vec<Finding>,
}

/// One selector's key record(s).
#[derive(Debug, Clone, Serialize)]
pub struct SelectorReport {
    pub selector: String,
    /// `selector._domainkey.domain`.
    pub name: String,
    /// Where the name is delegated to by CNAME (e.g. a mail provider's key).
    pub cname: Option<String>,
    /// `found`, `not-found` or `lookup-failed`.
    pub status: SelectorStatus,
    pub records: Vec<KeyRecordReport>,
    /// The DNSSEC status of the answer this came from; set by `check` when it validates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dnssec: Option<crate::dns::Dnssec>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SelectorStatus {
    Found,
    NotFound,
    LookupFailed,
}

/// One key record and what it holds.
#[derive(Debug, Clone, Serialize)]
pub struct KeyRecordReport {
    /// The character-strings joined; bytes that are not UTF-8 as `\xNN`.
    pub record: String,
    pub strings: Vec<String>,
    /// The decoded key; `null` when revoked, missing or undecodable.
    pub key: Option<KeyInfo>,
    pub testing: bool,
    pub revoked: bool,
}

impl KeyRecordReport {
    pub fn new(txt: &Txt, linted: &Linted) -> Self {
        Self {
            record: txt.text(),
            strings: txt.string_texts(),
            key: linted.key_info(),
            testing: linted.record.testing(),
            revoked: linted.record.revoked(),
        }
    }
}

/// `dkim verify-published`: does the selector publish the key of a private key file?
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub domain: String,
    pub selector: String,
    pub name: String,
    pub key_file: String,
    /// The key in the file.
    pub algorithm: KeyType,
    pub bits: usize,
    /// The record found, if any.
    pub published: Option<KeyRecordReport>,
    pub matches: bool,
    /// Why it matches or not, in a line.
    pub reason: String,
}

crate::finding::outcome!(incomplete: DkimReport);
crate::finding::outcome!(DkimLintReport);
