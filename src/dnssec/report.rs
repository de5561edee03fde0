//! A domain's DNSSEC report: the chain of trust to its zone, the status of each answer the
//! audit used, and the `dnssec-` findings.

use serde::Serialize;

use super::chain::Chain;
use crate::dns::{Judged, Validation};
use crate::finding::Finding;

#[derive(Debug, Clone, Serialize)]
pub struct DnssecReport {
    pub domain: String,
    /// How answers were validated; `None` when they came from zone files.
    pub validation: Option<Validation>,
    /// `None` when answers came from zone files, which hold no chain.
    pub chain: Option<Chain>,
    /// Every answer the audit used, with its status (filled by `check`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Judged>,
    /// Each MX host's TLSA records and whether DANE applies to it (RFC 7672 §2.2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dane: Vec<super::dane::DaneHost>,
    pub findings: Vec<Finding>,
    /// The chain could not be followed to the domain's zone.
    pub incomplete: bool,
}

crate::finding::outcome!(incomplete: DnssecReport);

impl DnssecReport {
    /// The zone holding the domain: the chain's last link.
    pub fn zone(&self) -> Option<&super::chain::ZoneLink> {
        self.chain.as_ref().and_then(|c| c.zones.last())
    }
}
