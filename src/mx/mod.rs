//! Where mail for a domain goes (RFC 5321 §5.1, RFC 7505): the MX hosts by preference, or the
//! implicit MX, or a null MX; each host's A and AAAA addresses; for each address its PTR names
//! and whether one of them resolves back to it (forward-confirmed reverse DNS, RFC 8601 §3).
//! The report is typed so that the SMTP probe and the whole-domain check take their hosts and
//! addresses from it.

mod audit;
pub mod codes;
mod lints;
mod lookup;
pub mod ranges;
mod reverse;

crate::finding::outcome!(incomplete: MxReport);

#[cfg(test)]
mod tests;

use std::net::IpAddr;
use std::time::Duration;

use serde::Serialize;

use crate::finding::Finding;

pub use audit::audit_domain;
pub use ranges::{SpecialBlock, special_block};

/// Distinct MX hosts followed; more are listed but not looked up. Senders try far fewer: RFC
/// 5321 §5.1 asks for at least two addresses, Postfix tries five addresses by default.
pub const MAX_HOSTS: usize = 16;

/// Addresses checked per host and family (A, AAAA); a host with more is multihomed beyond what
/// any sender tries in one delivery.
pub const MAX_ADDRESSES_PER_FAMILY: usize = 8;

/// The addresses of one A or AAAA answer in numeric order, each once, at most
/// [`MAX_ADDRESSES_PER_FAMILY`] — what the MX audit and the probe both take of a host — and,
/// when there were more, how many and of which type ("A", "AAAA").
pub fn bounded_addresses(
    answer: &crate::dns::Answer,
) -> (Vec<IpAddr>, Option<(usize, &'static str)>) {
    let mut ips = crate::dns::addresses(answer.records());
    ips.sort_unstable();
    ips.dedup();
    let over = (ips.len() > MAX_ADDRESSES_PER_FAMILY)
        .then(|| (ips.len(), if ips[0].is_ipv4() { "A" } else { "AAAA" }));
    ips.truncate(MAX_ADDRESSES_PER_FAMILY);
    (ips, over)
}

/// PTR names whose addresses are looked up for one address. Almost every address has one; the
/// SPF `ptr` mechanism stops at 10 (RFC 7208 §4.6.4), and half of that is ample here.
pub const MAX_PTR_NAMES: usize = 5;

/// How the audit runs.
#[derive(Debug, Clone, Copy)]
pub struct MxSettings {
    /// The time the whole audit may take; lookups not answered by then are reported as such.
    pub budget: Duration,
    /// Look up PTR names and confirm them (off for callers that only need the addresses).
    pub reverse_dns: bool,
}

/// The MX audit of one domain.
#[derive(Debug, Clone, Serialize)]
pub struct MxReport {
    pub domain: String,
    pub delivery: Delivery,
    /// A null MX ("0 .", RFC 7505) is among the MX records.
    pub null_mx: bool,
    /// The hosts mail goes to, by preference (equal preferences by name); the implicit MX is the
    /// domain itself with preference 0. Each host once, with its lowest preference.
    pub hosts: Vec<MxHost>,
    /// The MX records as published, `(preference, exchange)`, the null MX's exchange empty: what
    /// a change to the record set replaces.
    #[serde(skip)]
    pub records: Vec<(u16, String)>,
    pub findings: Vec<Finding>,
    /// The MX lookup itself could not be completed: the run is not complete.
    #[serde(skip)]
    pub incomplete: bool,
    /// The DNSSEC status of the answer this came from; set by `check` when it validates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dnssec: Option<crate::dns::Dnssec>,
}

/// How mail for the domain is routed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Delivery {
    /// To the hosts the MX records name.
    Mx,
    /// No MX records: to the domain's own A/AAAA addresses (RFC 5321 §5.1).
    Implicit,
    /// A null MX alone: the domain accepts no mail (RFC 7505).
    NullMx,
    /// The domain does not exist, or has neither MX records nor addresses: mail bounces.
    None,
    /// The MX lookup failed: nothing can be said.
    Unknown,
}

/// One mail exchanger.
#[derive(Debug, Clone, Serialize)]
pub struct MxHost {
    pub preference: u16,
    /// Lowercase, without the trailing dot.
    pub name: String,
    /// The name is an alias (CNAME) for this one (RFC 2181 §10.3 forbids that in MX data).
    pub cname: Option<String>,
    /// The name is written as an IP address, which senders look up as a host name.
    pub ip_literal: bool,
    pub status: HostStatus,
    /// IPv4 first, then IPv6, each in numeric order.
    pub addresses: Vec<MxAddress>,
    /// Both the A and the AAAA lookup were answered, so `addresses` is all there is.
    #[serde(skip)]
    pub(crate) complete: bool,
    /// The DNSSEC status of the answer this came from; set by `check` when it validates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dnssec: Option<crate::dns::Dnssec>,
}

/// What looking the host's addresses up gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HostStatus {
    /// At least one address.
    Resolved,
    /// The name exists but has neither A nor AAAA records.
    NoAddress,
    /// The name does not exist.
    #[serde(rename = "nxdomain")]
    NxDomain,
    /// No address, and a lookup failed or was not answered within the budget.
    Failed,
    /// Beyond [`MAX_HOSTS`]: not looked up.
    NotFollowed,
}

/// One address of a host.
#[derive(Debug, Clone, Serialize)]
pub struct MxAddress {
    pub ip: IpAddr,
    /// The special-purpose block that makes the address unreachable from the Internet.
    pub special: Option<SpecialBlock>,
    /// The PTR names of the address, in name order.
    pub ptr: Vec<String>,
    pub reverse_dns: ReverseDns,
    /// The PTR name whose A/AAAA records hold the address.
    pub confirmed_by: Option<String>,
}

/// Forward-confirmed reverse DNS of one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReverseDns {
    /// A PTR name resolves back to the address.
    Confirmed,
    /// PTR names exist, but none resolves back to the address.
    NotConfirmed,
    /// The address has no PTR record.
    NoPtr,
    /// A lookup failed, or reverse DNS was not asked for.
    Unknown,
}

impl MxReport {
    /// Every address mail may be delivered to, in the order a sender tries them: hosts by
    /// preference, each host's addresses in report order.
    pub fn targets(&self) -> impl Iterator<Item = (&MxHost, IpAddr)> {
        self.hosts
            .iter()
            .flat_map(|host| host.addresses.iter().map(move |a| (host, a.ip)))
    }
}
