//! BIMI (draft-brand-indicators-for-message-identification-12): the Assertion Record in the
//! draft's words. `parse` reads it on top of the shared tag-value list, `lints` checks one
//! record, `audit` finds a domain's record (at the domain, else at its Organizational Domain)
//! and checks the DMARC policy receivers require before they show a logo, through DMARC's own
//! discovery.

pub mod audit;
pub mod codes;
pub mod lints;
pub mod parse;

use serde::Serialize;

use crate::dmarc::policy::EffectivePolicy;
use crate::finding::Finding;
use crate::tags::TagList;

/// The selector used when a message names none (§4.4).
pub const DEFAULT_SELECTOR: &str = "default";

/// What is wrong with part of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    Syntax,
    /// `v=BIMI1` is present but not the first tag, or not exactly `BIMI1`.
    VersionNotFirst,
    DuplicateTag,
    UnknownTag,
    /// `l=` is missing, or not an HTTPS URI of an SVG file.
    InvalidLocation,
    /// `a=` is not an HTTPS URI of a PEM file.
    InvalidEvidence,
    /// Another tag's value (`lps`, `avp`).
    InvalidValue,
}

/// A problem with part of the record.
pub type RecordError = crate::tags::RecordError<ErrorKind>;

/// A parsed BIMI Assertion Record (§4.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BimiRecord {
    pub tags: TagList,
    /// The first tag is exactly `v=BIMI1`: receivers use the record.
    pub valid_version: bool,
    /// `l=`: the Indicator's location; empty declines, unless `a=` carries the logo.
    pub location: Option<String>,
    /// `a=`: the Authority Evidence Location (a mark certificate); absent counts as empty.
    pub evidence: Option<String>,
    pub errors: Vec<RecordError>,
}

impl BimiRecord {
    pub fn text(&self) -> &str {
        &self.tags.text
    }

    /// §4.3.1: `l=` and `a=` both empty (a missing `a=` is empty) is an explicit refusal to
    /// take part in BIMI.
    pub fn declined(&self) -> bool {
        self.location.as_deref() == Some("") && self.evidence.as_deref().unwrap_or("").is_empty()
    }
}

/// The audit of one domain's BIMI record, or of a record given as text.
#[derive(Debug, Clone, Serialize)]
pub struct BimiReport {
    pub domain: String,
    pub selector: String,
    /// The Assertion Record receivers use.
    pub record: Option<RecordView>,
    /// Records meant as BIMI at the domain's own name that receivers ignore: the findings about
    /// them point into their text, shown here once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<String>,
    pub declined: bool,
    /// The Indicator (`l=`), when the record gives one.
    pub location: Option<String>,
    /// The evidence document (`a=`), when the record gives one.
    pub evidence: Option<String>,
    /// The DMARC policies BIMI depends on; absent for a record given as text.
    pub dmarc: Option<Prerequisites>,
    pub findings: Vec<Finding>,
    #[serde(skip)]
    pub incomplete: bool,
    /// The DNSSEC status of the answer this came from; set by `check` when it validates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dnssec: Option<crate::dns::Dnssec>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecordView {
    pub name: String,
    pub text: String,
    pub strings: Vec<String>,
    /// Found at the Organizational Domain because the domain has none.
    pub inherited: bool,
}

/// DMARC as BIMI needs it (§7.1).
#[derive(Debug, Clone, Serialize)]
pub struct Prerequisites {
    pub organizational_domain: Option<String>,
    /// The domain, then its Organizational Domain when that is another name.
    pub policies: Vec<DomainPolicy>,
    /// Whether every prerequisite holds; `null` when a lookup failed.
    pub met: Option<bool>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DomainPolicy {
    pub domain: String,
    /// Where the DMARC record that applies is published.
    pub record: Option<String>,
    /// Its text, which the findings about it point into.
    pub text: Option<String>,
    pub policy: Option<EffectivePolicy>,
}

crate::finding::outcome!(incomplete: BimiReport);
