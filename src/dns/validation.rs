//! hickory's DNSSEC validation (RFC 4035 §5) in mailaudit's terms: the status of an answer
//! from the `proof` hickory sets on each record, and the trust anchors it validates from.

use std::sync::Arc;

use hickory_proto::dnssec::{Proof, PublicKeyBuf, TrustAnchors};
use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{Record, RecordType as HickoryType};
use hickory_resolver::lookup::Lookup;
use hickory_resolver::net::{DnsError, NetError};

use super::anchor::Anchor;
use super::security::{Dnssec, Security};

pub(super) fn security(proof: Proof) -> Security {
    match proof {
        Proof::Secure => Security::Secure,
        Proof::Insecure => Security::Insecure,
        Proof::Bogus => Security::Bogus,
        Proof::Indeterminate => Security::Indeterminate,
    }
}

/// The weakest status among `records`, leaving out signatures (hickory marks only the RRSIG
/// it used); `None` without records.
fn weakest<'a>(records: impl Iterator<Item = &'a Record>) -> Option<Security> {
    records
        .filter(|r| r.record_type() != HickoryType::RRSIG)
        .map(|r| security(r.proof))
        .min()
}

/// The status of what a validating lookup returned; `None` for a lookup that failed, which
/// has no data to judge.
pub(super) fn judge(asked: &Result<Lookup, NetError>) -> Option<Dnssec> {
    match asked {
        // The wanted records and the CNAMEs that led to them: the chain is as strong as its
        // weakest link.
        Ok(lookup) => Some(Dnssec::new(
            weakest(lookup.answers().iter()).unwrap_or(Security::Indeterminate),
        )),
        Err(NetError::Dns(DnsError::NoRecordsFound(no))) => {
            let authorities = no.authorities.iter().flat_map(|a| a.iter());
            let status = weakest(authorities).or_else(|| {
                // Only the SOA came back: hickory passes negative answers of unsigned zones so.
                no.soa.as_ref().map(|soa| security(soa.proof))
            });
            Some(match status {
                Some(status) => Dnssec::new(status),
                None => Dnssec::because(
                    Security::Indeterminate,
                    "the negative answer carried no SOA or NSEC records to judge",
                ),
            })
        }
        Err(NetError::Dns(DnsError::Nsec { proof, .. })) => Some(Dnssec::because(
            security(*proof),
            "the NSEC/NSEC3 records do not prove the name or type absent",
        )),
        Err(NetError::Dns(DnsError::DnssecBogus)) => Some(Dnssec::new(Security::Bogus)),
        Err(_) => None,
    }
}

/// The response code of a negative answer whose denial of existence failed validation.
pub(super) fn unproven_denial(e: &NetError) -> Option<ResponseCode> {
    match e {
        NetError::Dns(DnsError::Nsec { response, .. }) => Some(response.response_code),
        _ => None,
    }
}

/// The keys hickory trusts: DNSKEY anchors as given, DS anchors through the keys they match
/// (`keys` are the DNSKEY records fetched for each DS anchor's owner).
pub(super) fn trust_anchors(
    anchors: &[Anchor],
    keys: &[(
        hickory_proto::rr::Name,
        Vec<hickory_proto::dnssec::rdata::DNSKEY>,
    )],
) -> Result<Arc<TrustAnchors>, String> {
    let mut trusted = TrustAnchors::empty();
    let mut count = 0;
    for anchor in anchors {
        let name = anchor.name();
        let keys: Vec<PublicKeyBuf> = match anchor {
            Anchor::Dnskey(_, key) => vec![key.public_key().clone()],
            Anchor::Ds(_, ds) => keys
                .iter()
                .filter(|(owner, _)| owner == name)
                .flat_map(|(_, k)| k)
                .filter(|key| ds.covers(name, key).unwrap_or(false))
                .map(|key| key.public_key().clone())
                .collect(),
        };
        for key in keys {
            trusted.insert_with_name(&key, name.into());
            count += 1;
        }
    }
    if count == 0 {
        return Err("no DNSKEY matches the trust anchor file's DS records".into());
    }
    Ok(Arc::new(trusted))
}
