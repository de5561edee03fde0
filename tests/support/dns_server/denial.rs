//! Authenticated denial of existence for the test DNS server's signed zones: the NSEC chain
//! (RFC 4034 §4, RFC 4035 §3.1.3) and the NSEC3 chain (RFC 5155 §7.2), built from a zone's
//! owner names, and the records that prove a NODATA or an NXDOMAIN.

use std::collections::{BTreeMap, BTreeSet};

use hickory_proto::dnssec::Nsec3HashAlgorithm;
use hickory_proto::dnssec::rdata::{DNSSECRData, NSEC, NSEC3};
use hickory_proto::rr::{Name, RData, Record, RecordType};

use super::cuts::Denial;
use super::zone::TTL;

/// A zone's owner names (canonical order, RFC 4034 §6.1) and the types at each.
pub(super) type Owners = BTreeMap<Name, BTreeSet<RecordType>>;

/// The RRsets (each of one record) that prove `qname` has no `qtype` (NODATA, `nxdomain`
/// false) or does not exist, in the zone at `apex` whose owners are `owners` (its apex, its
/// names with data, its delegation points; without the NSEC/NSEC3/RRSIG types, added here).
pub(super) fn proof(
    denial: Denial,
    apex: &Name,
    owners: &Owners,
    qname: &Name,
    nxdomain: bool,
) -> Vec<Record> {
    match denial {
        Denial::Nsec => nsec_proof(owners, qname, nxdomain),
        Denial::Nsec3 => nsec3_proof(apex, owners, qname, nxdomain),
    }
}

/// The types an NSEC says exist at an owner: its own, RRSIG and NSEC (RFC 4035 §2.3).
fn nsec_types(types: &BTreeSet<RecordType>) -> Vec<RecordType> {
    let mut all = types.clone();
    all.extend([RecordType::RRSIG, RecordType::NSEC]);
    all.into_iter().collect()
}

fn nsec_proof(owners: &Owners, qname: &Name, nxdomain: bool) -> Vec<Record> {
    let names: Vec<&Name> = owners.keys().collect();
    let mut picks = BTreeSet::new();
    match (names.iter().position(|n| *n == qname), nxdomain) {
        (Some(at), false) => {
            picks.insert(at);
        }
        // An empty non-terminal (NODATA) or a missing name: the NSEC whose span covers it.
        _ => {
            picks.extend(covering(&names, qname));
        }
    }
    if nxdomain {
        // RFC 4035 §3.1.3.2: also prove that no wildcard at the closest encloser answers.
        let encloser = closest_encloser(&names, qname);
        if let Ok(wildcard) = encloser.prepend_label("*") {
            picks.extend(covering(&names, &wildcard));
        }
    }
    picks
        .into_iter()
        .map(|at| {
            let next = names[(at + 1) % names.len()].clone();
            let nsec = NSEC::new(next, nsec_types(&owners[names[at]]));
            Record::from_rdata(
                names[at].clone(),
                TTL,
                RData::DNSSEC(DNSSECRData::NSEC(nsec)),
            )
        })
        .collect()
}

/// The last owner before `name` in canonical order: the NSEC that covers it.
fn covering(names: &[&Name], name: &Name) -> Option<usize> {
    names.iter().rposition(|n| *n < name)
}

/// The longest ancestor of `qname` that exists in the zone: an owner, or an empty
/// non-terminal above one. The apex (the first owner) always exists.
fn closest_encloser(names: &[&Name], qname: &Name) -> Name {
    let mut candidate = qname.base_name();
    while !candidate.is_root() && !names.iter().any(|n| candidate.zone_of(n)) {
        candidate = candidate.base_name();
    }
    candidate
}

/// One NSEC3 owner: its hash, and the types at the name hashed.
struct Hashed {
    hash: Vec<u8>,
    types: BTreeSet<RecordType>,
}

fn nsec3_hash(name: &Name) -> Vec<u8> {
    Nsec3HashAlgorithm::SHA1
        .hash(&[], name, 0)
        .expect("an NSEC3 hash")
        .as_ref()
        .to_vec()
}

/// Every owner and every empty non-terminal between an owner and the apex (RFC 5155 §7.1),
/// by hash.
fn hashed_chain(apex: &Name, owners: &Owners) -> Vec<Hashed> {
    let mut all: BTreeMap<Vec<u8>, BTreeSet<RecordType>> = BTreeMap::new();
    for (name, types) in owners {
        all.insert(nsec3_hash(name), types.clone());
        let mut above = name.base_name();
        while above.num_labels() > apex.num_labels() {
            all.entry(nsec3_hash(&above)).or_default();
            above = above.base_name();
        }
    }
    all.into_iter()
        .map(|(hash, types)| Hashed { hash, types })
        .collect()
}

fn nsec3_proof(apex: &Name, owners: &Owners, qname: &Name, nxdomain: bool) -> Vec<Record> {
    let chain = hashed_chain(apex, owners);
    let matching = |name: &Name| {
        let hash = nsec3_hash(name);
        chain.iter().position(|h| h.hash == hash)
    };
    let covering = |name: &Name| {
        let hash = nsec3_hash(name);
        chain
            .iter()
            .rposition(|h| h.hash < hash)
            .or(chain.len().checked_sub(1))
    };
    let mut picks = BTreeSet::new();
    if nxdomain {
        // RFC 5155 §7.2.2: the closest encloser's NSEC3, one covering the next closer name,
        // one covering the wildcard at the closest encloser.
        let mut next_closer = qname.clone();
        let mut encloser = qname.base_name();
        while encloser.num_labels() > apex.num_labels() && matching(&encloser).is_none() {
            next_closer = encloser.clone();
            encloser = encloser.base_name();
        }
        picks.extend(matching(&encloser));
        picks.extend(covering(&next_closer));
        if let Ok(wildcard) = encloser.prepend_label("*") {
            picks.extend(covering(&wildcard));
        }
    } else {
        picks.extend(matching(qname).or_else(|| covering(qname)));
    }
    picks
        .into_iter()
        .map(|at| nsec3_record(apex, &chain, at))
        .collect()
}

fn nsec3_record(apex: &Name, chain: &[Hashed], at: usize) -> Record {
    let here = &chain[at];
    let next = &chain[(at + 1) % chain.len()];
    let mut types = here.types.clone();
    // An insecure delegation's NSEC3 lists NS alone (RFC 5155 §7.1); an empty non-terminal
    // lists nothing.
    if !(types.is_empty() || types.iter().eq([RecordType::NS].iter())) {
        types.insert(RecordType::RRSIG);
    }
    let nsec3 = NSEC3::new(
        Nsec3HashAlgorithm::SHA1,
        false,
        0,
        Vec::new(),
        next.hash.clone(),
        types,
    );
    let owner = apex
        .prepend_label(base32hex(&here.hash))
        .expect("an NSEC3 owner name");
    Record::from_rdata(owner, TTL, RData::DNSSEC(DNSSECRData::NSEC3(nsec3)))
}

/// RFC 4648 §7 "base32hex", lowercase, unpadded: how NSEC3 owner labels spell a hash.
fn base32hex(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}
