//! The test DNS server's view of its declared zones (RFC 4035 §3.1): each zone's key, made at
//! server start; answers with the SOA, NS, DNSKEY and DS that zone cuts imply; and, for queries
//! with the DO bit, an RRSIG on every RRset by the key of the zone it belongs to and the
//! NSEC/NSEC3 records of negative answers.

use std::collections::BTreeSet;

use hickory_proto::dnssec::rdata::{DNSSECRData, DS};
use hickory_proto::op::ResponseCode;
use hickory_proto::rr::rdata::{CNAME, NS, SOA};
use hickory_proto::rr::{Name, RData, Record, RecordType};

use super::Zone;
use super::anchor::TrustAnchor;
use super::cuts::Signing;
use super::denial::{self, Owners};
use super::names::{Key, key_of_name};
use super::signing::ZoneKey;
use super::zone::TTL;

/// One declared zone, with its key when signed.
#[derive(Debug)]
pub(super) struct LiveZone {
    pub(super) apex: Name,
    pub(super) apex_key: Key,
    pub(super) signing: Option<Signing>,
    pub(super) key: Option<ZoneKey>,
    /// The DS RRset its parent publishes (empty: unsigned).
    ds: Vec<DS>,
    /// The zone above it; `None` for the root.
    parent: Option<usize>,
}

/// Every declared zone, keyed at start.
#[derive(Debug)]
pub struct SignedView {
    pub(super) zones: Vec<LiveZone>,
}

/// A response: its code, answer section and authority section.
pub(super) type Sections = (ResponseCode, Vec<Record>, Vec<Record>);

impl SignedView {
    /// Keys every zone `zone` declares; `None` when it declares none. Panics when zones are
    /// declared without the root.
    pub(super) fn new(zone: &Zone) -> Option<SignedView> {
        if zone.cuts.is_empty() {
            return None;
        }
        let mut cuts = zone.cuts.clone();
        // Shallowest first, so each zone's parent precedes it.
        cuts.sort_by_key(|cut| cut.apex.len());
        assert!(
            cuts[0].apex.is_empty(),
            "zones are declared, but not the root \".\": declare it with Zone::signed_zone"
        );
        let mut zones: Vec<LiveZone> = Vec::with_capacity(cuts.len());
        for cut in cuts {
            let apex = Name::from_labels(cut.apex.iter().map(Vec::as_slice)).expect("apex name");
            let parent = zones.iter().rposition(|z| cut.apex.ends_with(&z.apex_key));
            let key = cut.signing.as_ref().map(|s| ZoneKey::generate(s.algorithm));
            let ds = match (&cut.signing, &key) {
                (Some(signing), Some(_)) if signing.ds_mismatch => {
                    vec![ZoneKey::generate(signing.algorithm).ds(&apex, signing.ds_digest)]
                }
                (Some(signing), Some(key)) => vec![key.ds(&apex, signing.ds_digest)],
                _ => Vec::new(),
            };
            zones.push(LiveZone {
                apex,
                apex_key: cut.apex,
                signing: cut.signing,
                key,
                ds,
                parent,
            });
        }
        Some(SignedView { zones })
    }

    /// The root's trust anchor, when the root is signed.
    pub(super) fn trust_anchor(&self) -> Option<TrustAnchor> {
        let root = self.zones.first()?;
        let (Some(key), Some(signing)) = (&root.key, &root.signing) else {
            return None;
        };
        Some(TrustAnchor {
            dnskey: key.dnskey.clone(),
            ds: key.ds(&root.apex, signing.ds_digest),
        })
    }

    /// The deepest zone whose apex is `key` or above it.
    fn deepest(&self, key: &Key) -> usize {
        self.zones
            .iter()
            .rposition(|z| key.ends_with(&z.apex_key))
            .unwrap_or(0)
    }

    /// The zone that answers for `key`/`rtype`: the deepest one, except that DS at a zone's
    /// apex is its parent's (RFC 4035 §2.4).
    fn zone_for(&self, key: &Key, rtype: RecordType) -> usize {
        let z = self.deepest(key);
        match (rtype, self.zones[z].parent) {
            (RecordType::DS, Some(parent)) if self.zones[z].apex_key == *key => parent,
            _ => z,
        }
    }

    /// The records zone cuts give `key`/`rtype` in zone `z`: SOA, NS and DNSKEY at its apex, DS
    /// at its delegations to signed zones.
    fn cut_records(&self, z: usize, key: &Key, rtype: RecordType) -> Vec<Record> {
        let zone = &self.zones[z];
        if rtype == RecordType::DS {
            let Some(child) = self
                .zones
                .iter()
                .find(|c| c.apex_key == *key && c.parent == Some(z))
            else {
                return Vec::new();
            };
            return child
                .ds
                .iter()
                .map(|ds| rr(&child.apex, RData::DNSSEC(DNSSECRData::DS(ds.clone()))))
                .collect();
        }
        if zone.apex_key != *key {
            return Vec::new();
        }
        match (rtype, &zone.key) {
            (RecordType::SOA, _) => vec![apex_soa(&zone.apex)],
            (RecordType::NS, _) => {
                let ns = Name::from_labels([&b"ns"[..], b"test-dns", b"invalid"]).expect("name");
                vec![rr(&zone.apex, RData::NS(NS(ns)))]
            }
            (RecordType::DNSKEY, Some(key)) => {
                let dnskey = RData::DNSSEC(DNSSECRData::DNSKEY(key.dnskey.clone()));
                vec![rr(&zone.apex, dnskey)]
            }
            _ => Vec::new(),
        }
    }

    /// Whether `key` exists because of a zone cut (a zone's apex, a delegation point).
    fn is_apex(&self, key: &Key) -> bool {
        self.zones.iter().any(|z| z.apex_key == *key)
    }

    /// Answers `qname`/`qtype` from `zone` and the zone cuts; with `dnssec_ok`, signed.
    pub(super) fn answer(
        &self,
        zone: &Zone,
        qname: &Name,
        qtype: RecordType,
        dnssec_ok: bool,
    ) -> Sections {
        let key = key_of_name(qname);
        let z = self.zone_for(&key, qtype);
        let from_cut = self.cut_records(z, &key, qtype);
        // `resolve` gives an SOA for a negative answer only: not for data, nor for a chain of
        // CNAMEs cut short (`Zone::cname_hops`), which the client follows itself.
        let (mut code, answers, negative) = if from_cut.is_empty() {
            let (code, answers, soa) = zone.resolve(qname, qtype);
            (code, answers, !soa.is_empty())
        } else {
            (ResponseCode::NoError, from_cut, false)
        };
        let last = final_name(qname, &answers);
        let last_key = key_of_name(&last);
        if code == ResponseCode::NXDomain && self.is_apex(&last_key) {
            code = ResponseCode::NoError;
        }
        let answers = self.sign_all(answers, dnssec_ok);
        if !negative {
            return (code, answers, Vec::new());
        }
        let fz = self.zone_for(&last_key, qtype);
        let mut authority = self.signed(fz, vec![apex_soa(&self.zones[fz].apex)], dnssec_ok);
        if let (true, Some(signing)) = (dnssec_ok, &self.zones[fz].signing) {
            let owners = self.owners(zone, fz);
            let nxdomain = code == ResponseCode::NXDomain;
            let apex = &self.zones[fz].apex;
            for record in denial::proof(signing.denial, apex, &owners, &last, nxdomain) {
                authority.extend(self.signed(fz, vec![record], true));
            }
        }
        (code, answers, authority)
    }

    /// `records` grouped into RRsets in order, each followed by its RRSIG.
    fn sign_all(&self, records: Vec<Record>, dnssec_ok: bool) -> Vec<Record> {
        let mut out = Vec::new();
        let mut rest = records;
        while let Some(first) = rest.first() {
            let (name, rtype) = (first.name.clone(), first.record_type());
            let (rrset, others): (Vec<Record>, Vec<Record>) = rest
                .into_iter()
                .partition(|r| r.name == name && r.record_type() == rtype);
            let z = self.zone_for(&key_of_name(&name), rtype);
            out.extend(self.signed(z, rrset, dnssec_ok));
            rest = others;
        }
        out
    }

    /// `rrset` and, when zone `z` signs it and the client asked, its RRSIG.
    fn signed(&self, z: usize, mut rrset: Vec<Record>, dnssec_ok: bool) -> Vec<Record> {
        let zone = &self.zones[z];
        let (Some(signing), Some(key), true) = (&zone.signing, &zone.key, dnssec_ok) else {
            return rrset;
        };
        let dnskey = rrset.first().map(Record::record_type) == Some(RecordType::DNSKEY);
        if rrset.is_empty() || signing.without_rrsigs && !dnskey {
            return rrset;
        }
        let refs: Vec<&Record> = rrset.iter().collect();
        let rrsig = key.sign(&zone.apex, &refs, signing.window);
        rrset.push(rrsig);
        rrset
    }

    /// Zone `z`'s owner names and their types: its apex (SOA, NS, DNSKEY and any fixture
    /// data), the fixture names it holds, and its delegation points (NS, and DS when the child
    /// is signed). Computed names (`txt_below`, `exists_below`) are not in it.
    fn owners(&self, zone: &Zone, z: usize) -> Owners {
        let live = &self.zones[z];
        let mut owners = Owners::new();
        let mut apex_types = BTreeSet::from([RecordType::SOA, RecordType::NS]);
        if live.key.is_some() {
            apex_types.insert(RecordType::DNSKEY);
        }
        owners.insert(live.apex.clone(), apex_types);
        for (key, data) in &zone.records {
            if self.deepest(key) == z {
                let name = Name::from_labels(key.iter().map(Vec::as_slice)).expect("owner name");
                owners
                    .entry(name)
                    .or_default()
                    .extend(data.iter().map(RData::record_type));
            }
        }
        for child in self.zones.iter().filter(|c| c.parent == Some(z)) {
            let types = owners.entry(child.apex.clone()).or_default();
            types.insert(RecordType::NS);
            if !child.ds.is_empty() {
                types.insert(RecordType::DS);
            }
        }
        owners
    }
}

/// The name an answer ends at: `qname`, or the target of the last CNAME chased from it.
fn final_name(qname: &Name, answers: &[Record]) -> Name {
    let mut name = qname.clone();
    for _ in 0..=answers.len() {
        let next = answers.iter().find_map(|r| match &r.data {
            RData::CNAME(CNAME(target)) if r.name == name => Some(target.clone()),
            _ => None,
        });
        match next {
            Some(target) if target != name => name = target,
            _ => break,
        }
    }
    name
}

fn rr(owner: &Name, data: RData) -> Record {
    Record::from_rdata(owner.clone(), TTL, data)
}

/// The SOA at a zone's apex (its negative TTL is the fixtures' TTL).
fn apex_soa(apex: &Name) -> Record {
    let mname = Name::from_labels([&b"ns"[..], b"test-dns", b"invalid"]).expect("valid name");
    let rname =
        Name::from_labels([&b"hostmaster"[..], b"test-dns", b"invalid"]).expect("valid name");
    rr(
        apex,
        RData::SOA(SOA::new(mname, rname, 1, 3600, 600, 86400, TTL)),
    )
}
