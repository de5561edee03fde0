//! DNS answers and the shared, caching resolver every protocol module asks (RFC 1035, RFC 2308).
//!
//! A lookup ends in one of three answers — records, NODATA, NXDOMAIN — or in a [`LookupError`]
//! (timeout, SERVFAIL, REFUSED, I/O). Keeping "the name has no such record" apart from "we could
//! not find out" is what lets a failed lookup never be reported as a missing record.

pub mod anchor;
pub mod codes;
mod count;
mod failure;
#[cfg(test)]
pub(crate) mod fake;
pub mod live;
pub mod name;
pub mod rate;
pub mod raw;
mod resolver;
pub mod security;
mod txt;
mod udp;
mod validation;
mod wire;
pub mod zone;

use std::fmt;
use std::future::Future;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::pin::Pin;

use serde::Serialize;

use crate::finding::Finding;

pub use count::{QueryCount, QueryCounter};
pub use raw::RawAnswer;
pub use resolver::{Dns, DnsSettings};
pub use security::{Dnssec, Judged, Security};
pub use txt::{Txt, TxtInputError, bytes_text};

/// The record types mailaudit asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum RecordType {
    A,
    Aaaa,
    Mx,
    Txt,
    Ptr,
    /// The obsolete SPF RR (type 99, RFC 7208 §3.1).
    Spf,
    /// Asked for on its own (not chased) to say where a name is delegated, e.g. a DKIM selector.
    Cname,
    /// Service locations (RFC 2782), e.g. the mail-client endpoints of RFC 6186.
    Srv,
    /// DANE certificate associations (RFC 6698), e.g. `_25._tcp.<MX host>` (RFC 7672).
    Tlsa,
}

impl RecordType {
    /// The type as hickory names it.
    pub fn hickory(self) -> hickory_proto::rr::RecordType {
        wire::hickory_type(self)
    }
}

impl fmt::Display for RecordType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::A => "A",
            Self::Aaaa => "AAAA",
            Self::Mx => "MX",
            Self::Txt => "TXT",
            Self::Ptr => "PTR",
            Self::Spf => "SPF",
            Self::Cname => "CNAME",
            Self::Srv => "SRV",
            Self::Tlsa => "TLSA",
        })
    }
}

/// One record's data. Names are absolute, lowercase, without the trailing dot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rdata {
    A(Ipv4Addr),
    Aaaa(Ipv6Addr),
    Mx {
        preference: u16,
        exchange: String,
    },
    Txt(Txt),
    Ptr(String),
    /// The target of a CNAME, in answers to CNAME queries only.
    Cname(String),
    /// An SRV record (RFC 2782). A `target` of "" is the root: "the service is decidedly not
    /// available at this domain", as the empty `exchange` of a null MX is.
    Srv {
        priority: u16,
        weight: u16,
        port: u16,
        target: String,
    },
    /// A TLSA record's RDATA as on the wire (RFC 6698 §2.1): usage, selector and matching type,
    /// one byte each, then the certificate association data. `tls::tlsa` reads it.
    Tlsa(Vec<u8>),
}

impl Rdata {
    /// The address of an A or AAAA record.
    pub fn address(&self) -> Option<std::net::IpAddr> {
        match self {
            Self::A(ip) => Some((*ip).into()),
            Self::Aaaa(ip) => Some((*ip).into()),
            _ => None,
        }
    }
}

/// A completed lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Records(Vec<Rdata>),
    NoData,
    NxDomain,
}

impl Answer {
    pub fn records(&self) -> &[Rdata] {
        match self {
            Self::Records(r) => r,
            Self::NoData | Self::NxDomain => &[],
        }
    }

    /// NODATA and NXDOMAIN: what RFC 7208 §4.6.4 calls a void lookup.
    pub fn is_void(&self) -> bool {
        self.records().is_empty()
    }
}

/// The TXT data among `records`.
pub fn txts(records: &[Rdata]) -> Vec<Txt> {
    records
        .iter()
        .filter_map(|r| match r {
            Rdata::Txt(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// The addresses among `records` (A and AAAA), in answer order.
pub fn addresses(records: &[Rdata]) -> Vec<std::net::IpAddr> {
    records.iter().filter_map(Rdata::address).collect()
}

/// The MX exchanges among `records`, in preference order. A null MX (".", RFC 7505) names no
/// host and is left out.
pub fn mx_exchanges(records: &[Rdata]) -> Vec<String> {
    let mut hosts: Vec<(u16, &str)> = records
        .iter()
        .filter_map(|r| match r {
            Rdata::Mx {
                preference,
                exchange,
            } if !exchange.is_empty() => Some((*preference, exchange.as_str())),
            _ => None,
        })
        .collect();
    hosts.sort_by_key(|(preference, _)| *preference);
    hosts
        .into_iter()
        .map(|(_, name)| name.to_string())
        .collect()
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoData => f.write_str("NODATA"),
            Self::NxDomain => f.write_str("NXDOMAIN"),
            Self::Records(records) => {
                let parts: Vec<String> = records.iter().map(rdata_text).collect();
                f.write_str(&parts.join(", "))
            }
        }
    }
}

fn rdata_text(r: &Rdata) -> String {
    match r {
        Rdata::A(ip) => ip.to_string(),
        Rdata::Aaaa(ip) => ip.to_string(),
        Rdata::Mx {
            preference,
            exchange,
        } => format!("{preference} {exchange}"),
        Rdata::Txt(t) => t.to_string(),
        Rdata::Ptr(n) | Rdata::Cname(n) => n.clone(),
        Rdata::Srv {
            priority,
            weight,
            port,
            target,
        } => {
            let target = if target.is_empty() { "." } else { target };
            format!("{priority} {weight} {port} {target}")
        }
        Rdata::Tlsa(wire) => tlsa_text(wire),
    }
}

/// A TLSA record in presentation form (RFC 6698 §2.2): "3 1 1 <hex>".
fn tlsa_text(wire: &[u8]) -> String {
    let (fields, data) = wire.split_at(wire.len().min(3));
    let mut text: Vec<String> = fields.iter().map(u8::to_string).collect();
    text.push(crate::hex::encode(data));
    text.join(" ")
}

/// Why a lookup could not be completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailureKind {
    Timeout,
    Servfail,
    Refused,
    Io,
    /// The name cannot be asked for at all (too long, empty label, ...).
    InvalidName,
    /// CNAMEs that lead back to themselves, or a chain too long to follow.
    CnameLoop,
    Other,
}

/// A lookup that could not be completed; `detail` names the query and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{detail}")]
pub struct LookupError {
    pub kind: FailureKind,
    pub detail: String,
}

impl LookupError {
    /// The `dns-lookup-failed` finding for this failure, about `subject`.
    pub fn finding(&self, subject: &str) -> Finding {
        Finding::new(codes::LOOKUP_FAILED, subject, self.detail.clone())
    }
}

pub type LookupResult = Result<Answer, LookupError>;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A place answers come from: the network ([`live::LiveSource`]) or zone files
/// ([`zone::ZoneSource`]). `name` is absolute, lowercase and has no trailing dot.
pub trait DnsSource: Send + Sync {
    fn lookup<'a>(&'a self, name: &'a str, rtype: RecordType) -> BoxFuture<'a, LookupResult>;

    /// The answer with its DNSSEC status, from a source that judges it.
    fn judged<'a>(&'a self, name: &'a str, rtype: RecordType) -> BoxFuture<'a, Judgement> {
        Box::pin(async move { (self.lookup(name, rtype).await, None) })
    }

    /// The records as sent, signatures included (for the chain of trust).
    fn raw<'a>(
        &'a self,
        _name: &'a hickory_proto::rr::Name,
        _rtype: hickory_proto::rr::RecordType,
    ) -> BoxFuture<'a, Result<RawAnswer, LookupError>> {
        Box::pin(async {
            Err(LookupError {
                kind: FailureKind::Other,
                detail: "this source of answers holds no DNSSEC records".into(),
            })
        })
    }

    /// How answers are validated: `None` when they are not.
    fn validation(&self) -> Option<Validation> {
        None
    }
}

/// An answer and, from a validating source, its DNSSEC status.
pub type Judgement = (LookupResult, Option<Dnssec>);

/// How a source validates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Validation {
    /// From the root anchors built into hickory.
    BuiltInRoot,
    /// From the anchors of `--trust-anchor`.
    GivenAnchors,
}
