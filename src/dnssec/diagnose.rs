//! Why an answer is bogus (RFC 4035 §5.3, RFC 8914's reasons in words): the RRset and its
//! signatures fetched again as sent, judged against the signer's keys and the chain above.

use hickory_proto::dnssec::rdata::RRSIG;
use hickory_proto::rr::{Name, Record, RecordType as HickoryType};

use super::chain::{Chain, display};
use super::records::{SigVerdict, dnskeys, judge_sig, now_secs, rrsigs, sig_problem};
use crate::dns::{Dns, Judged, RawAnswer, Security};

/// The types that prove a negative answer (RFC 4035 §3.1.3): the SOA and the denial records.
const DENIAL_TYPES: [HickoryType; 3] = [HickoryType::SOA, HickoryType::NSEC, HickoryType::NSEC3];

/// The status and reason of a bogus or indeterminate `answer`; a validation that fails while
/// everything fetched again validates is taken for a failed DS or DNSKEY query inside the
/// validator: indeterminate, not bogus.
pub async fn diagnose(dns: &Dns, answer: &Judged, chain: Option<&Chain>) -> (Security, String) {
    let Ok(mut name) = Name::from_ascii(&answer.name) else {
        return (answer.dnssec.status, "the name cannot be asked for".into());
    };
    name.set_fqdn(true);
    let rtype = answer.rtype.hickory();
    let raw = match dns.raw(&name, rtype).await {
        Ok(raw) => raw,
        Err(e) => return (Security::Indeterminate, format!("asking again: {e}")),
    };
    // Through a CNAME the RRset is owned by the chain's end.
    let Some(owner) = raw
        .answers
        .iter()
        .find(|r| r.record_type() == rtype)
        .map(|r| r.name.clone())
    else {
        return negative(dns, (&name, answer.dnssec.status), &raw, chain).await;
    };
    let set: Vec<&Record> = raw
        .answers
        .iter()
        .filter(|r| r.name == owner && r.record_type() == rtype)
        .collect();
    let sigs = rrsigs(&raw.answers, &owner, rtype);
    let shown = display(&owner);
    let Some(first) = sigs.first() else {
        if let Some(broken) = broken_zone(chain, &owner) {
            return broken;
        }
        return (
            Security::Bogus,
            format!("no RRSIG over {shown} {rtype}, though its zone is signed"),
        );
    };
    let signer = first.input().signer_name.clone();
    judged_by_signer(dns, &signer, chain, &[(owner, set, sigs)])
        .await
        .unwrap_or_else(|| {
            (
                Security::Indeterminate,
                "validation failed, yet the records and signatures fetched again verify: a DS \
                 or DNSKEY query probably failed on the way"
                    .into(),
            )
        })
}

/// A negative answer: judged by the signatures over its SOA and NSEC/NSEC3 records.
async fn negative(
    dns: &Dns,
    (name, status): (&Name, Security),
    raw: &RawAnswer,
    chain: Option<&Chain>,
) -> (Security, String) {
    let mut groups = Vec::new();
    for record in raw
        .authorities
        .iter()
        .filter(|r| DENIAL_TYPES.contains(&r.record_type()))
    {
        let (owner, rtype) = (&record.name, record.record_type());
        if groups.iter().any(|(o, set, _): &(Name, Vec<&Record>, _)| {
            o == owner && set[0].record_type() == rtype
        }) {
            continue;
        }
        let set: Vec<&Record> = raw
            .authorities
            .iter()
            .filter(|r| r.name == *owner && r.record_type() == rtype)
            .collect();
        groups.push((owner.clone(), set, rrsigs(&raw.authorities, owner, rtype)));
    }
    let signer = groups
        .iter()
        .flat_map(|(_, _, sigs)| sigs)
        .map(|s| s.input().signer_name.clone())
        .next();
    match signer {
        Some(signer) => judged_by_signer(dns, &signer, chain, &groups)
            .await
            .unwrap_or_else(|| {
                (
                    status,
                    "the NSEC/NSEC3 records of the negative answer do not prove it, though their \
                     signatures verify"
                        .into(),
                )
            }),
        None => broken_zone(chain, name).unwrap_or_else(|| {
            (
                Security::Bogus,
                format!(
                    "no RRSIG over the SOA or NSEC/NSEC3 records denying {}, though its zone is \
                     signed",
                    display(name)
                ),
            )
        }),
    }
}

/// The status and reason of the deepest zone of the chain holding `name`, when it is not
/// secure or insecure: the answer fails because its zone's keys do.
fn broken_zone(chain: Option<&Chain>, name: &Name) -> Option<(Security, String)> {
    let link = chain?.zones.iter().rev().find(|l| {
        Name::from_ascii(&l.zone).is_ok_and(|mut z| {
            z.set_fqdn(true);
            z.zone_of(name)
        })
    })?;
    matches!(link.status, Security::Bogus | Security::Indeterminate)
        .then(|| (link.status, link.reason.clone().unwrap_or_default()))
}

/// RRsets (owner, records, their RRSIGs) judged with the keys of `signer`: what is wrong, or
/// `None` when every RRset has a valid signature.
async fn judged_by_signer(
    dns: &Dns,
    signer: &Name,
    chain: Option<&Chain>,
    groups: &[(Name, Vec<&Record>, Vec<&RRSIG>)],
) -> Option<(Security, String)> {
    if let Some(broken) = broken_zone(chain, signer) {
        return Some(broken);
    }
    let keys = match dns.raw(signer, HickoryType::DNSKEY).await {
        Ok(k) => dnskeys(&k.answers, signer),
        Err(e) => {
            let reason = format!("fetching the DNSKEY records of {}: {e}", display(signer));
            return Some((Security::Indeterminate, reason));
        }
    };
    let now = now_secs();
    let mut problem = None;
    for (owner, set, sigs) in groups {
        let shown = display(owner);
        let covers = set.first().map(|r| r.record_type().to_string());
        if sigs.is_empty() {
            problem.get_or_insert_with(|| {
                format!(
                    "no RRSIG over {shown} {}, though its zone is signed",
                    covers.unwrap_or_default()
                )
            });
            continue;
        }
        let judged: Vec<_> = sigs
            .iter()
            .map(|sig| judge_sig(sig, owner, set, &keys, now))
            .collect();
        if !judged.iter().any(|s| s.verdict == SigVerdict::Valid) {
            let reason = judged
                .iter()
                .find_map(|s| sig_problem(s, &shown))
                .unwrap_or_else(|| "the signatures do not verify".into());
            problem.get_or_insert(reason);
        }
    }
    problem.map(|reason| (Security::Bogus, reason))
}
