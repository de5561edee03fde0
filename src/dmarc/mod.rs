//! DMARC (RFC 9989, which obsoletes RFC 7489): the policy record in the RFC's words, and the
//! limits of policy discovery, defined once. `parse` reads a record losslessly on top of the
//! shared tag-value list, `lints` checks one record, `discovery` is the DNS Tree Walk (§4.10),
//! `audit` puts a domain's report together with `destinations` (RFC 9990 external report
//! destinations) and `alignment` (§4.4 in words); `verdict` judges one message.

pub mod alignment;
pub mod audit;
pub mod codes;
mod destinations;
pub mod discovery;
pub mod lints;
pub mod parse;
pub mod policy;
pub mod uri;
pub mod verdict;

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::finding::Finding;
use crate::tags::TagList;

use alignment::Alignment;
use destinations::Destination;
use policy::{EffectivePolicy, Existence};

/// §4.10: no tree walk makes more DNS queries than this, however many labels the name has.
pub const MAX_WALK_QUERIES: usize = 8;
/// §4.10 step 4: a name of eight or more labels is shortened to this many for the walk's next
/// query.
pub const WALK_SHORTENED_LABELS: usize = 7;
/// RFC 7489 §6.2: receivers may send reports to no more than two URIs of a tag. RFC 9989 asks
/// them to send to every one (Appendix C.7), but receivers built to RFC 7489 are the rule.
pub const REPORT_URIS_HONOURED: usize = 2;

/// The Domain Owner Assessment Policy of `p`, `sp` and `np` (§4.7), weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    None,
    Quarantine,
    Reject,
}

impl Policy {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Quarantine => "quarantine",
            Self::Reject => "reject",
        }
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Identifier Alignment mode of `adkim` and `aspf` (§4.4, §3.2.10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AlignmentMode {
    #[default]
    Relaxed,
    Strict,
}

/// The `psd` flag (§4.7): whether the record's domain is a Public Suffix Domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Psd {
    #[serde(rename = "y")]
    Yes,
    #[serde(rename = "n")]
    No,
    /// `u`, the default: the tree walk decides.
    #[default]
    #[serde(rename = "u")]
    Unknown,
}

/// One DMARC Reporting URI of `rua` or `ruf` (§4.6, §4.8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportUri {
    /// The URI as written, without an obsolete `!size` suffix.
    pub uri: String,
    /// Lowercase.
    pub scheme: String,
    /// The domain of a `mailto:` address, or the host of a URI with an authority; lowercase.
    pub host: Option<String>,
    /// The obsolete `!size` suffix (§4.8 `obs-dmarc-report-size`), without the `!`.
    pub size: Option<String>,
    /// The whole element, suffix included, in the record's text.
    pub span: Range<usize>,
}

impl ReportUri {
    pub fn is_mailto(&self) -> bool {
        self.scheme == "mailto"
    }
}

/// What is wrong with part of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// Not a `tag=value` element, or characters a value may not hold.
    Syntax,
    /// `v=DMARC1` is present but not the first tag.
    VersionNotFirst,
    DuplicateTag,
    UnknownTag,
    InvalidValue,
}

/// A problem with part of the record.
pub type RecordError = crate::tags::RecordError<ErrorKind>;

/// A parsed DMARC Policy Record. Values that are missing or invalid are `None` (the defaults
/// of §4.7 are applied by the methods); `errors` says what was wrong and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DmarcRecord {
    pub tags: TagList,
    /// The first tag is `v=DMARC1`: receivers use the record (§4.7 `v`).
    pub valid_version: bool,
    pub p: Option<Policy>,
    pub sp: Option<Policy>,
    pub np: Option<Policy>,
    pub adkim: Option<AlignmentMode>,
    pub aspf: Option<AlignmentMode>,
    pub psd: Option<Psd>,
    pub t: Option<bool>,
    /// RFC 7489's `pct`, removed by RFC 9989.
    pub pct: Option<u8>,
    pub rua: Vec<ReportUri>,
    pub ruf: Vec<ReportUri>,
    pub errors: Vec<RecordError>,
}

impl DmarcRecord {
    pub fn text(&self) -> &str {
        &self.tags.text
    }

    pub fn adkim(&self) -> AlignmentMode {
        self.adkim.unwrap_or_default()
    }

    pub fn aspf(&self) -> AlignmentMode {
        self.aspf.unwrap_or_default()
    }

    pub fn psd(&self) -> Psd {
        self.psd.unwrap_or_default()
    }

    /// `t=y`: the Domain Owner is testing; receivers apply the policy one level below.
    pub fn testing(&self) -> bool {
        self.t == Some(true)
    }

    /// Whether the value of `tag` was present but invalid.
    pub fn invalid(&self, tag: &str) -> bool {
        self.errors
            .iter()
            .any(|e| e.kind == ErrorKind::InvalidValue && e.tag.as_deref() == Some(tag))
    }

    /// §4.10.1: at least one syntactically valid `rua` URI, which keeps a record whose `p` is
    /// missing or invalid in use as `p=none`.
    pub fn has_valid_rua(&self) -> bool {
        !self.rua.is_empty()
    }
}

/// The audit of one domain's DMARC policy, or of a record given as text.
#[derive(Debug, Clone, Serialize)]
pub struct DmarcReport {
    pub domain: String,
    /// The record that applies to the domain.
    pub record: Option<RecordView>,
    pub organizational_domain: Option<String>,
    /// Whether the domain exists, which decides between `sp` and `np` for an inherited record.
    pub existence: Option<Existence>,
    pub policy: Option<EffectivePolicy>,
    pub alignment: Option<Alignment>,
    pub report_destinations: Vec<Destination>,
    /// The names the tree walk asked for, in order.
    pub walk: Vec<WalkStep>,
    pub findings: Vec<Finding>,
    /// Which policy applies could not be found out: the run is not complete.
    #[serde(skip)]
    pub incomplete: bool,
    /// The DNSSEC status of the answer this came from; set by `check` when it validates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dnssec: Option<crate::dns::Dnssec>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecordView {
    /// Where it is published: `_dmarc.<domain>`.
    pub name: String,
    pub domain: String,
    pub text: String,
    pub strings: Vec<String>,
    /// Found above the domain rather than at its own `_dmarc` name.
    pub inherited: bool,
    /// The target, when `_dmarc.<domain>` is a CNAME.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cname: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WalkStep {
    pub name: String,
    pub result: StepResult,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub psd: Option<Psd>,
    /// Records meant as DMARC here that receivers ignore: the findings about those at the
    /// domain's own name point into their text, shown here once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepResult {
    Record,
    NoRecord,
    #[serde(rename = "nxdomain")]
    NxDomain,
    Multiple,
    Failed,
}

crate::finding::outcome!(incomplete: DmarcReport);
