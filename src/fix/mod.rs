//! Records to publish (RFC 1035 §5 presentation): the changes a domain's zone needs, the files
//! to serve beside them and what only a person can do — what `generate` builds from intent, and
//! the shape `fix` reports in. Pure data: nothing here looks anything up or writes anything.

pub mod generate;
pub mod plan;
mod presentation;

use serde::Serialize;

use crate::dns::RecordType;

pub use presentation::{quoted_strings, split_txt, txt_rdata, zone_lines};

/// The TTL of a record when nothing else is asked for: an hour, short enough to correct a
/// mistake the same day.
pub const DEFAULT_TTL: u32 = 3600;

/// Everything to do: DNS changes, files to serve, and work outside DNS.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub changes: Vec<Change>,
    pub files: Vec<File>,
    pub manual: Vec<Manual>,
}

/// What to do with a record set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Add,
    Replace,
    Delete,
}

/// One change to a zone: the records of one type at one name, before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Absolute, with the trailing dot.
    pub name: String,
    #[serde(rename = "type")]
    pub rtype: RecordType,
    pub action: Action,
    /// The records as published now (for `replace` and `delete`), in zone-file presentation.
    pub old: Vec<String>,
    /// The records to publish, in zone-file presentation: TXT data as quoted strings of at most
    /// 255 bytes each.
    pub new: Vec<String>,
    pub ttl: u32,
    /// The finding codes the change clears (empty for records generated from intent).
    pub fixes: Vec<String>,
    /// Why, in a sentence or two.
    pub why: String,
}

impl Change {
    /// A TXT record set of one record to add at `name` (with or without the trailing dot).
    pub fn add_txt(name: &str, value: &str, ttl: u32, why: impl Into<String>) -> Self {
        Self::add(name, RecordType::Txt, txt_rdata(value), ttl, why)
    }

    /// A record set of one record to add, its data already in presentation form.
    pub fn add(
        name: &str,
        rtype: RecordType,
        rdata: String,
        ttl: u32,
        why: impl Into<String>,
    ) -> Self {
        Self {
            name: absolute(name),
            rtype,
            action: Action::Add,
            old: Vec::new(),
            new: vec![rdata],
            ttl,
            fixes: Vec::new(),
            why: why.into(),
        }
    }
}

/// A file to serve over HTTPS, such as an MTA-STS policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct File {
    pub url: String,
    /// Exactly as it is to be served (an MTA-STS policy's lines end in CRLF).
    pub content: String,
}

/// Work DNS cannot do — a certificate, a web server, a setting elsewhere — with the finding it
/// is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Manual {
    pub code: String,
    pub subject: String,
    pub why: String,
}

/// `name` with exactly one trailing dot.
pub fn absolute(name: &str) -> String {
    format!("{}.", name.trim_end_matches('.'))
}
