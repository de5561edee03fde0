//! Fixture data for the test DNS server: the records of a [`Zone`], the failures, silences and
//! delays a test asks for, and how a query is answered from them (NODATA vs NXDOMAIN, CNAME
//! chasing, wildcards; RFC 1034 §4.3.2, RFC 2308, RFC 4592, RFC 6604).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use hickory_server::proto::op::ResponseCode;
use hickory_server::proto::rr::rdata::{A, AAAA, CNAME, MX, NULL, PTR, SOA, SRV, TLSA, TXT};
use hickory_server::proto::rr::{Name, RData, Record, RecordType};

use super::cuts::Cut;
use super::names::{
    Key, SPF_TYPE, check_strings, key_of, key_of_name, parse_type, text_of_key, wire_name,
};

/// TTL of every fixture record, and the negative TTL of the made-up SOA.
pub(super) const TTL: u32 = 300;
/// CNAME hops followed within one answer, unless [`Zone::cname_hops`] sets another number.
pub(super) const MAX_CNAME_HOPS: usize = 8;

/// The records a [`Zone::txt_below`] closure gives a name: one string per TXT record.
type TxtFn = dyn Fn(&str) -> Vec<String> + Send + Sync;

/// A [`Zone::txt_below`] closure, shared by the clones of a zone.
#[derive(Clone)]
pub(super) struct ComputedTxt(Arc<TxtFn>);

impl fmt::Debug for ComputedTxt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ComputedTxt(..)")
    }
}

/// What a [`Zone::exists_below`] closure says of a name: whether it exists.
type ExistsFn = dyn Fn(&str) -> bool + Send + Sync;

/// A [`Zone::exists_below`] closure, shared by the clones of a zone.
#[derive(Clone)]
pub(super) struct ComputedExists(Arc<ExistsFn>);

impl fmt::Debug for ComputedExists {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ComputedExists(..)")
    }
}

/// In-memory fixture data for [`TestDns`]. Every builder method returns `&mut Self`, so calls
/// chain. Names are case-insensitive and may be given with or without the trailing dot.
///
/// Builder methods panic on data that cannot be served (a label longer than 63 bytes, a TXT
/// character-string longer than 255 bytes, a malformed IP address), naming the culprit.
#[derive(Debug, Clone, Default)]
pub struct Zone {
    pub(super) records: HashMap<Key, Vec<RData>>,
    /// Names whose every query is answered with this response code.
    pub(super) failures: HashMap<Key, ResponseCode>,
    /// The response code of every query for any name, before the records are looked at.
    pub(super) fail_every_name: Option<ResponseCode>,
    /// Names left unanswered: `None` for every type, else only these types.
    pub(super) silent: HashMap<Key, Option<Vec<RecordType>>>,
    pub(super) truncate_udp: HashSet<Key>,
    pub(super) delay: Duration,
    /// Suffixes every name strictly below which is left unanswered.
    pub(super) silent_below: HashSet<Key>,
    /// Suffixes every name strictly below which is answered this much later.
    pub(super) delay_below: HashMap<Key, Duration>,
    /// Suffixes every name strictly below which has TXT records computed from its name.
    pub(super) txt_below: HashMap<Key, ComputedTxt>,
    /// Suffixes below which a name exists (without data of its own) when the closure says so.
    pub(super) exists_below: HashMap<Key, ComputedExists>,
    /// Names whose own records answer queries of their types, CNAME or not.
    pub(super) data_beside_cname: HashSet<Key>,
    /// CNAME hops followed within one answer; [`MAX_CNAME_HOPS`] when `None`.
    pub(super) cname_hops: Option<usize>,
    /// Declared zones, signed or not (see cuts.rs); none: one unsigned tree, as before.
    pub(super) cuts: Vec<Cut>,
}

impl Zone {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds ONE TXT record made of these character-strings, each at most 255 bytes (call again
    /// for a second record at the same name; see [`Zone::txt_split`] for longer text).
    pub fn txt(&mut self, name: &str, strings: &[&str]) -> &mut Self {
        self.txt_bytes(
            name,
            strings.iter().map(|s| s.as_bytes().to_vec()).collect(),
        )
    }

    /// Like [`Zone::txt`] with raw bytes (e.g. latin-1 test data). A character-string cannot
    /// exceed 255 bytes on the wire: longer ones panic, split them yourself.
    pub fn txt_bytes(&mut self, name: &str, strings: Vec<Vec<u8>>) -> &mut Self {
        check_strings(name, &strings);
        let data = TXT::from_bytes(strings.iter().map(Vec::as_slice).collect());
        self.add(name, RData::TXT(data))
    }

    /// Adds ONE TXT record holding `text` cut into 255-byte character-strings.
    pub fn txt_split(&mut self, name: &str, text: &str) -> &mut Self {
        let strings = text.as_bytes().chunks(255).map(<[u8]>::to_vec).collect();
        self.txt_bytes(name, strings)
    }

    /// Adds ONE record of the obsolete SPF RR type 99, which has TXT's wire format.
    pub fn spf_rr(&mut self, name: &str, strings: &[&str]) -> &mut Self {
        let strings: Vec<Vec<u8>> = strings.iter().map(|s| s.as_bytes().to_vec()).collect();
        check_strings(name, &strings);
        let mut wire = Vec::new();
        for s in &strings {
            wire.push(u8::try_from(s.len()).expect("a character-string holds at most 255 bytes"));
            wire.extend_from_slice(s);
        }
        // `NULL::with` debug-asserts non-empty data; an SPF record with no strings is empty.
        let rdata = if wire.is_empty() {
            NULL::new()
        } else {
            NULL::with(wire)
        };
        self.add(
            name,
            RData::Unknown {
                code: RecordType::Unknown(SPF_TYPE),
                rdata,
            },
        )
    }

    pub fn a(&mut self, name: &str, ip: &str) -> &mut Self {
        let ip = Ipv4Addr::from_str(ip).unwrap_or_else(|e| {
            panic!("fixture A record {name}: {ip:?} is not an IPv4 address: {e}")
        });
        self.add(name, RData::A(A(ip)))
    }

    pub fn aaaa(&mut self, name: &str, ip: &str) -> &mut Self {
        let ip = Ipv6Addr::from_str(ip).unwrap_or_else(|e| {
            panic!("fixture AAAA record {name}: {ip:?} is not an IPv6 address: {e}")
        });
        self.add(name, RData::AAAA(AAAA(ip)))
    }

    pub fn mx(&mut self, name: &str, preference: u16, exchange: &str) -> &mut Self {
        self.add(name, RData::MX(MX::new(preference, wire_name(exchange))))
    }

    /// Adds an SRV record (RFC 2782); a `target` of "." is the root (no such service here).
    pub fn srv(
        &mut self,
        name: &str,
        priority: u16,
        weight: u16,
        port: u16,
        target: &str,
    ) -> &mut Self {
        let srv = SRV::new(priority, weight, port, wire_name(target));
        self.add(name, RData::SRV(srv))
    }

    /// Adds a TLSA record (RFC 6698 §2): usage, selector, matching type, data in hex.
    pub fn tlsa(
        &mut self,
        name: &str,
        usage: u8,
        selector: u8,
        matching: u8,
        hex: &str,
    ) -> &mut Self {
        let data = super::names::bytes_of_hex(hex)
            .unwrap_or_else(|| panic!("fixture TLSA record {name}: {hex:?} is not hex"));
        let tlsa = TLSA::new(usage.into(), selector.into(), matching.into(), data);
        self.add(name, RData::TLSA(tlsa))
    }

    pub fn ptr(&mut self, name: &str, target: &str) -> &mut Self {
        self.add(name, RData::PTR(PTR(wire_name(target))))
    }

    /// Adds a CNAME; queries for other types at `name` follow it.
    pub fn cname(&mut self, name: &str, target: &str) -> &mut Self {
        self.add(name, RData::CNAME(CNAME(wire_name(target))))
    }

    /// Queries for `name` of a type it holds records of are answered with those records instead
    /// of through its CNAME, as servers that accept a CNAME beside other data (against RFC 2181
    /// §10.1) answer; other types still follow the CNAME.
    pub fn data_beside_cname(&mut self, name: &str) -> &mut Self {
        self.data_beside_cname.insert(key_of(name));
        self
    }

    /// Follows at most `hops` CNAMEs within one answer (instead of 8): 0 hands a chain over one
    /// CNAME per answer, as chains that cross servers come; a large number hands it over whole,
    /// as a recursive resolver may.
    pub fn cname_hops(&mut self, hops: usize) -> &mut Self {
        self.cname_hops = Some(hops);
        self
    }

    /// Every query for `name` (exactly this name, any type) is answered SERVFAIL.
    pub fn servfail(&mut self, name: &str) -> &mut Self {
        self.failures.insert(key_of(name), ResponseCode::ServFail);
        self
    }

    /// Every query for `name` (exactly this name, any type) is answered REFUSED.
    pub fn refused(&mut self, name: &str) -> &mut Self {
        self.failures.insert(key_of(name), ResponseCode::Refused);
        self
    }

    /// Every query, for any name and type, is answered SERVFAIL: a broken resolver.
    pub fn servfail_everything(&mut self) -> &mut Self {
        self.fail_every_name = Some(ResponseCode::ServFail);
        self
    }

    /// Every query, for any name and type, is answered REFUSED: a resolver that does not serve
    /// us.
    pub fn refuse_everything(&mut self) -> &mut Self {
        self.fail_every_name = Some(ResponseCode::Refused);
        self
    }

    /// Queries for `name` get no answer at all: of every type (`None`) or only of the given type
    /// mnemonic (`Some("TXT")`, `"A"`, `"MX"`, `"SRV"`, `"SPF"`, ...). Call again to add types.
    pub fn silent(&mut self, name: &str, rtype: Option<&str>) -> &mut Self {
        let key = key_of(name);
        match rtype {
            None => {
                self.silent.insert(key, None);
            }
            Some(mnemonic) => {
                let rtype = parse_type(mnemonic);
                let entry = self.silent.entry(key).or_insert_with(|| Some(Vec::new()));
                if let Some(types) = entry {
                    types.push(rtype);
                }
            }
        }
        self
    }

    /// Delays every answer (and every error answer) by `d`.
    pub fn delay(&mut self, d: Duration) -> &mut Self {
        self.delay = d;
        self
    }

    /// Queries for every name strictly below `suffix` (the names `*.suffix` would match, at any
    /// depth, whatever their data) get no answer at all, of any type; `suffix` itself answers
    /// as usual. Costs one set entry whatever the number of names asked for.
    pub fn silent_below(&mut self, suffix: &str) -> &mut Self {
        self.silent_below.insert(key_of(suffix));
        self
    }

    /// Answers (and error answers) for every name strictly below `suffix` are held back by `d`,
    /// on top of [`Zone::delay`]; `suffix` itself is not delayed. When several suffixes match a
    /// name, the longest one's delay applies. Delayed answers wait concurrently, so a thousand
    /// slow names take `d`, not a thousand times `d`.
    pub fn delay_below(&mut self, suffix: &str, d: Duration) -> &mut Self {
        self.delay_below.insert(key_of(suffix), d);
        self
    }

    /// Every name N strictly below `suffix` that has no fixture records of its own gets TXT
    /// records computed from N: one record per string `txt(N)` returns (cut into 255-byte
    /// character-strings), N given lowercase without the trailing dot. A name for which `txt`
    /// returns nothing does not exist (NXDOMAIN); one for which it returns something has no
    /// other types (NODATA); names starting with a `*` label get nothing. Since a wildcard's
    /// owner cannot name the query name, this is how a fixture serves e.g.
    /// `v=spf1 include:a.N include:b.N -all` at every N: an endless tree.
    pub fn txt_below(
        &mut self,
        suffix: &str,
        txt: impl Fn(&str) -> Vec<String> + Send + Sync + 'static,
    ) -> &mut Self {
        self.txt_below
            .insert(key_of(suffix), ComputedTxt(Arc::new(txt)));
        self
    }

    /// Every name N strictly below `suffix` for which `exists(N)` is true exists, even with no
    /// records of its own (fixture or [`Zone::txt_below`]): it is answered NOERROR with no data
    /// (NODATA) for every type it has none of, never NXDOMAIN. `txt_below` alone makes a
    /// computed name without TXT NXDOMAIN whatever lies below it; this is how a fixture serves
    /// empty non-terminals among computed names, e.g. `_domainkey.N` above a key computed at
    /// `s1._domainkey.N`. N is given lowercase without the trailing dot; `suffix` itself exists
    /// too; names starting with a `*` label are left out.
    pub fn exists_below(
        &mut self,
        suffix: &str,
        exists: impl Fn(&str) -> bool + Send + Sync + 'static,
    ) -> &mut Self {
        self.exists_below
            .insert(key_of(suffix), ComputedExists(Arc::new(exists)));
        self
    }

    /// Over UDP, queries for `name` are answered with TC set and no records, so the client must
    /// repeat them over TCP; TCP answers normally.
    pub fn truncate_udp(&mut self, name: &str) -> &mut Self {
        self.truncate_udp.insert(key_of(name));
        self
    }

    pub(super) fn add(&mut self, name: &str, data: RData) -> &mut Self {
        self.records.entry(key_of(name)).or_default().push(data);
        self
    }

    pub(super) fn is_silent(&self, key: &Key, rtype: RecordType) -> bool {
        let exact = match self.silent.get(key) {
            None => false,
            Some(None) => true,
            Some(Some(types)) => types.contains(&rtype),
        };
        exact || closest_suffix(key, |s| self.silent_below.contains(s).then_some(())).is_some()
    }

    /// How long the answer for `key` is held back: [`Zone::delay`] plus the delay of the longest
    /// [`Zone::delay_below`] suffix above it.
    pub(super) fn delay_for(&self, key: &Key) -> Duration {
        self.delay + closest_suffix(key, |s| self.delay_below.get(s).copied()).unwrap_or_default()
    }

    /// The records owned by `key`: its fixture records, else TXT computed for it by the longest
    /// [`Zone::txt_below`] suffix above it; `None` when it owns nothing.
    pub(super) fn data_at(&self, key: &Key) -> Option<Vec<RData>> {
        if let Some(data) = self.records.get(key) {
            return Some(data.clone());
        }
        // A wildcard owner is not a name to compute for: `txt_below` is no wildcard.
        if key.first().is_some_and(|label| label == b"*") {
            return None;
        }
        let ComputedTxt(txt) = closest_suffix(key, |s| self.txt_below.get(s))?;
        let records: Vec<RData> = txt(&text_of_key(key))
            .iter()
            .map(|text| {
                let strings: Vec<&[u8]> = text.as_bytes().chunks(255).collect();
                // An empty string is one empty character-string, as with `Zone::txt(n, &[""])`.
                let strings = if strings.is_empty() {
                    vec![&b""[..]]
                } else {
                    strings
                };
                RData::TXT(TXT::from_bytes(strings))
            })
            .collect();
        (!records.is_empty()).then_some(records)
    }

    /// An empty non-terminal: some name with data lies below `key` (a fixture record, or a
    /// [`Zone::txt_below`] or [`Zone::exists_below`] suffix at or below it, whose names may
    /// exist).
    pub(super) fn has_descendant(&self, key: &Key) -> bool {
        let suffixes = || self.txt_below.keys().chain(self.exists_below.keys());
        self.records
            .keys()
            .chain(suffixes())
            .any(|k| k.len() > key.len() && k.ends_with(key))
            || suffixes().any(|k| k == key)
    }

    /// A computed name that exists without data: its [`Zone::exists_below`] closure says so.
    fn computed_exists(&self, key: &Key) -> bool {
        if key.first().is_some_and(|label| label == b"*") {
            return false;
        }
        closest_suffix(key, |s| self.exists_below.get(s))
            .is_some_and(|ComputedExists(exists)| exists(&text_of_key(key)))
    }

    /// Whether `key` exists in the tree: it owns records, or names exist below it, or a
    /// closure says it does.
    fn exists(&self, key: &Key) -> bool {
        self.data_at(key).is_some() || self.has_descendant(key) || self.computed_exists(key)
    }

    /// What `key` answers from, per RFC 4592 §3.3.1: its own records; nothing but existence (an
    /// empty non-terminal, NODATA); or, when it does not exist, the records of the source of
    /// synthesis `*.<closest encloser>` when that exists; else `Missing` (NXDOMAIN).
    fn node(&self, key: &Key) -> Node {
        if let Some(data) = self.data_at(key) {
            return Node::Data(data);
        }
        if self.has_descendant(key) || self.computed_exists(key) {
            return Node::Empty;
        }
        // The closest encloser: the longest existing ancestor. Its wildcard, if any, answers.
        let Some(encloser) = (1..=key.len())
            .map(|i| key[i..].to_vec())
            .find(|ancestor| self.exists(ancestor))
        else {
            return Node::Missing;
        };
        let mut source = vec![b"*".to_vec()];
        source.extend(encloser);
        match self.data_at(&source) {
            Some(data) => Node::Data(data),
            None if self.has_descendant(&source) => Node::Empty,
            None => Node::Missing,
        }
    }

    /// Looks `qname` up, chasing CNAMEs: the response code, the answer records and, for a
    /// negative answer, the SOA for the authority section. Records found through a wildcard are
    /// synthesised with the name asked for as their owner (RFC 4592 §2.1).
    ///
    /// A CNAME loop (a → b → a) is answered NOERROR with each CNAME of the loop once and no
    /// final answer, the way authoritative servers commonly answer it: RFC 1034 §4.3.2 step 3a
    /// restarts at each target, and an RRset already in the answer is not added again. A chain
    /// longer than [`MAX_CNAME_HOPS`] (or [`Zone::cname_hops`]) ends the same way after that many
    /// hops.
    pub(super) fn resolve(
        &self,
        qname: &Name,
        qtype: RecordType,
    ) -> (ResponseCode, Vec<Record>, Vec<Record>) {
        let mut owner = qname.clone();
        let mut answers = Vec::new();
        let mut seen: HashSet<Key> = HashSet::new();
        for _ in 0..=self.cname_hops.unwrap_or(MAX_CNAME_HOPS) {
            let key = key_of_name(&owner);
            if !seen.insert(key.clone()) {
                break;
            }
            let data = match self.node(&key) {
                Node::Data(data) => data,
                Node::Empty => return (ResponseCode::NoError, answers, vec![soa_for(&owner)]),
                Node::Missing => return (ResponseCode::NXDomain, answers, vec![soa_for(&owner)]),
            };
            let own_data = self.data_beside_cname.contains(&key)
                && data.iter().any(|d| d.record_type() == qtype);
            if qtype != RecordType::CNAME && !own_data {
                let target = data.iter().find_map(|d| match d {
                    RData::CNAME(CNAME(target)) => Some(target.clone()),
                    _ => None,
                });
                if let Some(target) = target {
                    let cname = RData::CNAME(CNAME(target.clone()));
                    answers.push(Record::from_rdata(owner, TTL, cname));
                    owner = target;
                    continue;
                }
            }
            let before = answers.len();
            answers.extend(
                data.iter()
                    .filter(|d| qtype == RecordType::ANY || d.record_type() == qtype)
                    .map(|d| Record::from_rdata(owner.clone(), TTL, d.clone())),
            );
            let soa = if answers.len() == before {
                vec![soa_for(&owner)]
            } else {
                Vec::new()
            };
            return (ResponseCode::NoError, answers, soa);
        }
        // A loop, or a longer chain: hand over the hops followed so far.
        (ResponseCode::NoError, answers, Vec::new())
    }
}

/// What a name answers from.
enum Node {
    Data(Vec<RData>),
    /// Exists without records (an empty non-terminal, or an empty wildcard): NODATA.
    Empty,
    /// NXDOMAIN.
    Missing,
}

/// For the longest proper suffix of `key` (its parent, grandparent, ..., the root) that `get`
/// knows, what `get` says of it.
fn closest_suffix<T>(key: &Key, get: impl Fn(&[Vec<u8>]) -> Option<T>) -> Option<T> {
    (1..=key.len()).find_map(|i| get(&key[i..]))
}

/// A made-up SOA owned by the parent of `name`, for the authority section of negative answers.
pub(super) fn soa_for(name: &Name) -> Record {
    let zone = name.base_name();
    let mname = Name::from_labels([&b"ns"[..], b"test-dns", b"invalid"]).expect("valid name");
    let rname =
        Name::from_labels([&b"hostmaster"[..], b"test-dns", b"invalid"]).expect("valid name");
    let soa = SOA::new(mname, rname, 1, 3600, 600, 86400, TTL);
    Record::from_rdata(zone, TTL, RData::SOA(soa))
}
