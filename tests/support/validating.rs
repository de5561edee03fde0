//! A validating hickory resolver (RFC 4035 §5) pointed at the test DNS server and trusting a
//! trust-anchor file, what it makes of a lookup, and single raw queries with or without the DO
//! bit (RFC 3225): to see what the signed test zones look like to a validator and on the wire.

use std::net::UdpSocket;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use hickory_proto::dnssec::{Proof, TrustAnchors};
use hickory_proto::op::{Edns, Message, MessageType, OpCode, Query};
use hickory_proto::rr::{Name, RecordType};
use hickory_resolver::TokioResolver;
use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolveHosts, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError};

use super::dns_server::TestDns;

/// A resolver that validates against the DNSKEY lines of `anchor` (hickory reads no DS
/// lines), asks `server` only, once per query, and gives up after `timeout`; no cache.
pub fn validating(server: &TestDns, anchor: &Path, timeout: Duration) -> TokioResolver {
    let addr = server.addr();
    let mut udp = ConnectionConfig::udp();
    udp.port = addr.port();
    let mut tcp = ConnectionConfig::tcp();
    tcp.port = addr.port();
    let config = ResolverConfig::from_name_servers(vec![NameServerConfig::new(
        addr.ip(),
        true,
        vec![udp, tcp],
    )]);
    let anchors = TrustAnchors::from_file(anchor).expect("hickory reads the anchor file");
    let mut builder = TokioResolver::builder_with_config(config, TokioRuntimeProvider::default())
        .with_trust_anchor(Arc::new(anchors));
    let opts = builder.options_mut();
    opts.validate = true;
    opts.timeout = timeout;
    opts.attempts = 1;
    opts.ndots = 0;
    opts.edns0 = true;
    opts.cache_size = 0;
    opts.use_hosts_file = ResolveHosts::Never;
    builder.build().expect("resolver builds")
}

/// One query over UDP (TCP is not needed: the fixture's answers fit 4096 bytes), with EDNS and
/// the DO bit when `dnssec_ok`, without EDNS otherwise.
pub fn raw_query(server: &TestDns, name: &str, rtype: RecordType, dnssec_ok: bool) -> Message {
    let mut query = Message::new(0x5353, MessageType::Query, OpCode::Query);
    query.add_query(Query::query(Name::from_ascii(name).unwrap(), rtype));
    if dnssec_ok {
        let mut edns = Edns::new();
        edns.set_max_payload(4096);
        edns.set_dnssec_ok(true);
        query.set_edns(edns);
    }
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    socket
        .send_to(&query.to_vec().unwrap(), server.addr())
        .unwrap();
    let mut buf = [0u8; 4096];
    let (len, _) = socket.recv_from(&mut buf).expect("an answer within 5 s");
    let response = Message::from_vec(&buf[..len]).expect("a well-formed answer");
    assert!(!response.metadata.truncation, "{name} {rtype}: truncated");
    response
}

/// What hickory made of one lookup.
#[derive(Debug, PartialEq, Eq)]
pub enum Seen {
    /// Records of the asked type, with the proof each carries.
    Records(Vec<Proof>),
    /// `NoRecordsFound`: its response code, and the proofs of its authority records.
    NoRecords(String, Vec<Proof>),
    /// `DnsError::Nsec`: a negative answer whose denial did not prove secure.
    Nsec(Proof),
    /// `DnsError::DnssecBogus`.
    Bogus,
    /// Any other error, as text.
    Error(String),
}

pub async fn seen(resolver: &TokioResolver, name: &str, rtype: RecordType) -> Seen {
    let name = Name::from_ascii(name).expect("a name");
    match resolver.lookup(name, rtype).await {
        Ok(lookup) => Seen::Records(
            lookup
                .answers()
                .iter()
                .filter(|r| r.record_type() == rtype)
                .map(|r| r.proof)
                .collect(),
        ),
        Err(NetError::Dns(DnsError::NoRecordsFound(no))) => Seen::NoRecords(
            no.response_code.to_string(),
            no.authorities
                .iter()
                .flat_map(|a| a.iter().map(|r| r.proof))
                .collect(),
        ),
        Err(NetError::Dns(DnsError::Nsec { proof, .. })) => Seen::Nsec(proof),
        Err(NetError::Dns(DnsError::DnssecBogus)) => Seen::Bogus,
        Err(other) => Seen::Error(other.to_string()),
    }
}
