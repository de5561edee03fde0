//! The chain of trust (RFC 4035 §5): from the trust anchor down to the zone that holds a name,
//! each zone cut with its DS records at the parent, its DNSKEY records and the signatures over
//! them, and where the chain holds, turns insecure, or breaks.

use futures_util::future::join_all;
use hickory_proto::dnssec::TrustAnchors;
use hickory_proto::dnssec::rdata::DNSKEY;
use hickory_proto::rr::{Name, RecordType};
use serde::Serialize;

use super::records::{
    DsInfo, KeyInfo, SigInfo, SigVerdict, dnskeys, ds_info, ds_records, judge_sig, key_info, rrset,
    rrsigs, sig_problem,
};
use crate::dns::anchor::Anchor;
use crate::dns::{Dns, LookupError, RawAnswer, Security};

/// Zone cuts looked for below the anchor: a name has at most 127 labels, real chains 2 to 5.
const MAX_DEPTH: usize = 16;

/// The chain from the anchor to a name's zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chain {
    /// Where trust starts: "the root's built-in anchors" or the `--trust-anchor` file's zone.
    pub anchor: String,
    pub zones: Vec<ZoneLink>,
    /// The status of the last zone: the name's own.
    pub status: Security,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The upstream validated the anchor's keys itself (it set AD).
    #[serde(skip)]
    pub upstream_validates: bool,
    /// The upstream returned the anchor's keys without signatures.
    #[serde(skip)]
    pub upstream_strips: bool,
}

/// One zone of the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZoneLink {
    /// The zone's apex, "." for the root.
    pub zone: String,
    /// It serves DNSKEY records.
    pub signed: bool,
    pub status: Security,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The DS records at the parent (none for the anchor's zone).
    pub ds: Vec<DsInfo>,
    pub keys: Vec<KeyInfo>,
    /// The signatures over its DNSKEY and SOA RRsets, and over its DS at the parent.
    pub signatures: Vec<SigInfo>,
}

impl ZoneLink {
    fn new(zone: &Name) -> Self {
        Self {
            zone: display(zone),
            signed: false,
            status: Security::Indeterminate,
            reason: None,
            ds: Vec::new(),
            keys: Vec::new(),
            signatures: Vec::new(),
        }
    }

    fn ends(mut self, status: Security, reason: impl Into<String>) -> Self {
        self.status = status;
        self.reason = Some(reason.into());
        self
    }
}

/// The zone name as people write it: "example.com", "." for the root.
pub fn display(name: &Name) -> String {
    if name.is_root() {
        return ".".into();
    }
    let text = name.to_ascii().to_ascii_lowercase();
    text.strip_suffix('.').unwrap_or(&text).to_string()
}

/// Walks from the anchor (`anchors`, or hickory's root anchors when empty) down to the zone of
/// `domain`, at `now` (RRSIG time).
pub async fn walk(dns: &Dns, domain: &Name, anchors: &[Anchor], now: u32) -> Chain {
    let ancestors: Vec<Name> = (0..=domain.num_labels())
        .rev()
        .map(|n| domain.trim_to(usize::from(n)))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let start = match anchors
        .iter()
        .map(Anchor::name)
        .filter(|a| a.zone_of(domain))
        .max_by_key(|a| a.num_labels())
    {
        Some(name) => name.clone(),
        None if anchors.is_empty() => Name::root(),
        None => {
            return Chain {
                anchor: "--trust-anchor".into(),
                zones: Vec::new(),
                status: Security::Indeterminate,
                reason: Some(format!(
                    "no trust anchor is at or above {}",
                    display(domain)
                )),
                upstream_validates: false,
                upstream_strips: false,
            };
        }
    };
    let anchor = if anchors.is_empty() {
        "the root's built-in anchors".to_string()
    } else {
        format!("--trust-anchor for {}", display(&start))
    };
    let below: Vec<Name> = ancestors
        .into_iter()
        .filter(|n| start.zone_of(n) && *n != start)
        .take(MAX_DEPTH)
        .collect();
    let cuts = zone_cuts(dns, &start, &below).await;
    let mut zones: Vec<ZoneLink> = Vec::new();
    let mut parent: Option<Vec<DNSKEY>> = None;
    let mut chain = Chain {
        anchor,
        zones: Vec::new(),
        status: Security::Indeterminate,
        reason: None,
        upstream_validates: false,
        upstream_strips: false,
    };
    let mut fetched = fetch(dns, &cuts).await.into_iter();
    for (i, cut) in cuts.into_iter().enumerate() {
        let (zone, soa) = match cut {
            Ok(found) => found,
            Err(reason) => {
                zones.push(ZoneLink::new(&start).ends(Security::Indeterminate, reason));
                break;
            }
        };
        let Some((key_answer, ds_answer)) = fetched.next() else {
            break;
        };
        let (link, keys, answer) = match ds_answer {
            None => anchored(&zone, key_answer, anchors, now),
            Some(ds_answer) => {
                let inherited = zones.last().map_or(Security::Indeterminate, |l| l.status);
                let answers = (ds_answer, key_answer);
                delegated(&zone, answers, parent.as_deref(), inherited, now)
            }
        };
        if i == 0
            && let Some(answer) = &answer
        {
            chain.upstream_validates = answer.authentic;
            chain.upstream_strips = rrsigs(&answer.answers, &zone, RecordType::DNSKEY).is_empty();
        }
        let mut link = link;
        // Without the zone's keys its SOA signature cannot be judged: "no such key" would be
        // the fetch's failure, said wrongly.
        if let Some(soa) = soa.as_ref().filter(|_| link.signed) {
            for sig in rrsigs(&soa.answers, &zone, RecordType::SOA) {
                let set = rrset(soa, &zone, RecordType::SOA);
                link.signatures
                    .push(judge_sig(sig, &zone, &set, &keys, now));
            }
        }
        let stop = matches!(link.status, Security::Indeterminate) && link.keys.is_empty();
        zones.push(link);
        parent = Some(keys);
        if stop {
            break;
        }
    }
    if let Some(last) = zones.last() {
        chain.status = last.status;
        chain.reason.clone_from(&last.reason);
    }
    chain.zones = zones;
    chain
}

/// A zone's DNSKEY answer, and its DS answer at the parent (none for the anchor's zone).
type Fetched = (
    Result<RawAnswer, LookupError>,
    Option<Result<RawAnswer, LookupError>>,
);

/// Every zone's DNSKEY and DS records at once: the chain is judged in order afterwards, but its
/// queries depend on nothing but the zone cuts.
async fn fetch(dns: &Dns, cuts: &[Result<(Name, Option<RawAnswer>), String>]) -> Vec<Fetched> {
    let zones = cuts
        .iter()
        .map_while(|cut| cut.as_ref().ok().map(|(zone, _)| zone));
    join_all(zones.enumerate().map(|(i, zone)| async move {
        let ds = async {
            if i == 0 {
                None
            } else {
                Some(dns.raw(zone, RecordType::DS).await)
            }
        };
        tokio::join!(dns.raw(zone, RecordType::DNSKEY), ds)
    }))
    .await
}

/// The zone apexes from `start` down, each with its SOA answer: `start` itself, then each
/// name whose SOA query is answered by its own SOA. Asked all at once.
async fn zone_cuts(
    dns: &Dns,
    start: &Name,
    below: &[Name],
) -> Vec<Result<(Name, Option<RawAnswer>), String>> {
    let names: Vec<&Name> = std::iter::once(start).chain(below).collect();
    let answers = join_all(names.iter().map(|n| dns.raw(n, RecordType::SOA))).await;
    let mut cuts = Vec::new();
    for (name, answer) in names.into_iter().zip(answers) {
        match answer {
            Ok(a) if name == start || !rrset(&a, name, RecordType::SOA).is_empty() => {
                cuts.push(Ok((name.clone(), Some(a))));
            }
            Ok(_) => {}
            Err(e) => {
                cuts.push(Err(format!("finding the zone of {}: {e}", display(name))));
                break;
            }
        }
    }
    cuts
}

/// The anchor's zone: its keys are trusted when they match an anchor.
fn anchored(
    zone: &Name,
    key_answer: Result<RawAnswer, LookupError>,
    anchors: &[Anchor],
    now: u32,
) -> (ZoneLink, Vec<DNSKEY>, Option<RawAnswer>) {
    let link = ZoneLink::new(zone);
    let answer = match key_answer {
        Ok(a) => a,
        Err(e) => {
            let reason = format!("fetching the DNSKEY records of {}: {e}", display(zone));
            return (link.ends(Security::Indeterminate, reason), Vec::new(), None);
        }
    };
    let keys = dnskeys(&answer.answers, zone);
    if keys.is_empty() {
        let reason = format!(
            "the resolver returned no DNSKEY records for {}",
            display(zone)
        );
        return (
            link.ends(Security::Indeterminate, reason),
            keys,
            Some(answer),
        );
    }
    let builtin = TrustAnchors::default();
    let trusted: Vec<bool> = keys
        .iter()
        .map(|k| {
            if anchors.is_empty() {
                builtin.contains(k.public_key())
            } else {
                anchors.iter().any(|a| match a {
                    Anchor::Dnskey(n, key) => n == zone && key.public_key() == k.public_key(),
                    Anchor::Ds(n, ds) => n == zone && ds.covers(zone, k).unwrap_or(false),
                })
            }
        })
        .collect();
    let link = signed_keys(link, zone, &answer, &keys, &trusted, now);
    let link = if link.status == Security::Secure || !trusted.iter().all(|t| !t) {
        link
    } else {
        let reason = format!("no DNSKEY of {} matches the trust anchor", display(zone));
        link.ends(Security::Bogus, reason)
    };
    (link, keys, Some(answer))
}

/// A zone below the anchor: trusted through the DS records its parent signed.
fn delegated(
    zone: &Name,
    (ds_answer, key_answer): (
        Result<RawAnswer, LookupError>,
        Result<RawAnswer, LookupError>,
    ),
    parent_keys: Option<&[DNSKEY]>,
    inherited: Security,
    now: u32,
) -> (ZoneLink, Vec<DNSKEY>, Option<RawAnswer>) {
    let link = ZoneLink::new(zone);
    let key_answer = match key_answer {
        Ok(a) => a,
        Err(e) => {
            let reason = format!("fetching the DNSKEY records of {}: {e}", display(zone));
            return (link.ends(Security::Indeterminate, reason), Vec::new(), None);
        }
    };
    let keys = dnskeys(&key_answer.answers, zone);
    let ds_answer = match ds_answer {
        Ok(a) => a,
        Err(e) => {
            let reason = format!(
                "fetching the DS records of {} at its parent: {e}",
                display(zone)
            );
            let mut link = link.ends(Security::Indeterminate, reason);
            link.keys = keys.iter().map(|k| key_info(k, false)).collect();
            link.signed = !keys.is_empty();
            return (link, keys, Some(key_answer));
        }
    };
    let ds = ds_records(&ds_answer.answers, zone);
    let mut link = link;
    link.ds = ds.iter().map(|d| ds_info(d, zone, &keys)).collect();
    let ds_set = rrset(&ds_answer, zone, RecordType::DS);
    for sig in rrsigs(&ds_answer.answers, zone, RecordType::DS) {
        let parent = parent_keys.unwrap_or_default();
        link.signatures
            .push(judge_sig(sig, zone, &ds_set, parent, now));
    }
    let trusted: Vec<bool> = keys
        .iter()
        .map(|k| ds.iter().any(|d| d.covers(zone, k).unwrap_or(false)))
        .collect();
    let link = signed_keys(link, zone, &key_answer, &keys, &trusted, now);
    let name = display(zone);
    let link = if inherited != Security::Secure {
        let status = if inherited == Security::Insecure {
            Security::Insecure
        } else {
            inherited
        };
        let reason = link
            .reason
            .clone()
            .unwrap_or_else(|| format!("its parent is {inherited}"));
        link.ends(status, reason)
    } else if ds.is_empty() {
        link.ends(
            Security::Insecure,
            format!("no DS record for {name} at its parent: an insecure delegation"),
        )
    } else if !link
        .signatures
        .iter()
        .any(|s| s.covers == "DS" && s.verdict == SigVerdict::Valid)
    {
        let problem = link
            .signatures
            .iter()
            .filter(|s| s.covers == "DS")
            .find_map(|s| sig_problem(s, &name))
            .unwrap_or_else(|| format!("the DS records of {name} at its parent are not signed"));
        link.ends(Security::Bogus, problem)
    } else if !ds
        .iter()
        .any(|d| d.algorithm().is_supported() && d.digest_type().is_supported())
    {
        link.ends(
            Security::Insecure,
            format!("the DS records of {name} use only algorithms this validator does not support"),
        )
    } else if !trusted.iter().any(|t| *t) {
        link.ends(
            Security::Bogus,
            format!("no DS record at the parent matches a DNSKEY of {name}"),
        )
    } else {
        link
    };
    (link, keys, Some(key_answer))
}

/// The zone's keys and the signatures over its DNSKEY RRset: secure when one made by a
/// trusted key is valid.
fn signed_keys(
    mut link: ZoneLink,
    zone: &Name,
    answer: &RawAnswer,
    keys: &[DNSKEY],
    trusted: &[bool],
    now: u32,
) -> ZoneLink {
    link.signed = !keys.is_empty();
    link.keys = keys
        .iter()
        .zip(trusted)
        .map(|(k, t)| key_info(k, *t))
        .collect();
    let set = rrset(answer, zone, RecordType::DNSKEY);
    let trusted_keys: Vec<DNSKEY> = keys
        .iter()
        .zip(trusted)
        .filter(|(_, t)| **t)
        .map(|(k, _)| k.clone())
        .collect();
    let mut by_trusted = false;
    for sig in rrsigs(&answer.answers, zone, RecordType::DNSKEY) {
        let judged = judge_sig(sig, zone, &set, keys, now);
        let with_trusted = judge_sig(sig, zone, &set, &trusted_keys, now);
        by_trusted |= with_trusted.verdict == SigVerdict::Valid;
        link.signatures.push(judged);
    }
    if !link.signed {
        return link.ends(
            Security::Insecure,
            format!("{} serves no DNSKEY records", display(zone)),
        );
    }
    if by_trusted {
        link.status = Security::Secure;
        return link;
    }
    let name = display(zone);
    let reason = link
        .signatures
        .iter()
        .filter(|s| s.covers == "DNSKEY")
        .find_map(|s| sig_problem(s, &name))
        .unwrap_or_else(|| format!("no trusted key signs the DNSKEY records of {name}"));
    link.ends(Security::Bogus, reason)
}
