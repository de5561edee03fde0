//! Why an answer is bogus (RFC 4035 §5.3, RFC 8914's reasons in words): the RRset and its
//! signatures fetched again as sent, judged against the signer's keys and the chain above.

use hickory_proto::rr::{Name, RecordType as HickoryType};

use super::chain::{Chain, display};
use super::records::{SigVerdict, dnskeys, judge_sig, now_secs, rrsigs, sig_problem};
use crate::dns::{Dns, Judged, Security};

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
        return (
            answer.dnssec.status,
            "the NSEC/NSEC3 records of the negative answer do not prove it".into(),
        );
    };
    let set: Vec<_> = raw
        .answers
        .iter()
        .filter(|r| r.name == owner && r.record_type() == rtype)
        .collect();
    let sigs = rrsigs(&raw.answers, &owner, rtype);
    let shown = display(&owner);
    let Some(first) = sigs.first() else {
        return (
            Security::Bogus,
            format!("no RRSIG over {shown} {rtype}, though its zone is signed"),
        );
    };
    let signer = first.input().signer_name.clone();
    if let Some(link) = chain
        .into_iter()
        .flat_map(|c| &c.zones)
        .find(|l| l.zone == display(&signer))
        && link.status != Security::Secure
        && link.status != Security::Insecure
    {
        let reason = link.reason.clone().unwrap_or_default();
        return (link.status, reason);
    }
    let keys = match dns.raw(&signer, HickoryType::DNSKEY).await {
        Ok(k) => dnskeys(&k.answers, &signer),
        Err(e) => {
            let reason = format!("fetching the DNSKEY records of {}: {e}", display(&signer));
            return (Security::Indeterminate, reason);
        }
    };
    let judged: Vec<_> = sigs
        .iter()
        .map(|sig| judge_sig(sig, &owner, &set, &keys, now_secs()))
        .collect();
    if judged.iter().any(|s| s.verdict == SigVerdict::Valid) {
        return (
            Security::Indeterminate,
            "validation failed, yet the records and signatures fetched again verify: a DS or \
             DNSKEY query probably failed on the way"
                .into(),
        );
    }
    let reason = judged
        .iter()
        .find_map(|s| sig_problem(s, &shown))
        .unwrap_or_else(|| "the signatures do not verify".into());
    (Security::Bogus, reason)
}
