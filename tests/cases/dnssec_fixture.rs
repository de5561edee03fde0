//! The test DNS server's signed zones (tests/support/dns_server/secure.rs), checked with
//! hickory-resolver's own DNSSEC validator (RFC 4035 §5) trusting the server's root through a
//! trust-anchor file: what a validating product sees for each case the fixture offers.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use hickory_proto::dnssec::{Proof, TrustAnchors};
use hickory_proto::rr::{Name, RecordType};
use hickory_resolver::TokioResolver;
use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolveHosts, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError};

use crate::support::dns_server::{AnchorForm, KeyAlgorithm, Signing, TestDns, Zone};
use crate::support::temp::TempDir;

/// An EE certificate's SPKI SHA-256 (any 32 bytes do for the fixture).
const SPKI_SHA256: &str = "8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1";

/// Every case, one tree: a signed root and `test.`, and a zone below `test.` per case.
fn fixture() -> Zone {
    let mut zone = Zone::new();
    zone.signed_zone(".", Signing::nsec())
        .signed_zone("test", Signing::nsec())
        .signed_zone("signed.test", Signing::nsec())
        .signed_zone("nsec3.test", Signing::nsec3())
        .unsigned_zone("unsigned.test")
        .signed_zone("expired.test", Signing::nsec().expired())
        .signed_zone("soon.test", Signing::nsec().expiring_in_days(2))
        .signed_zone("mismatch.test", Signing::nsec().ds_mismatch())
        .signed_zone("nosig.test", Signing::nsec().without_rrsigs())
        .signed_zone("silent.test", Signing::nsec().silent_dnskey())
        .signed_zone(
            "rsa.test",
            Signing::nsec3()
                .algorithm(KeyAlgorithm::RsaSha256)
                .ds_sha1(),
        )
        .signed_zone(
            "sha1.test",
            Signing::nsec().algorithm(KeyAlgorithm::RsaSha1),
        )
        .signed_zone("ed.test", Signing::nsec().algorithm(KeyAlgorithm::Ed25519));
    for domain in [
        "signed.test",
        "nsec3.test",
        "unsigned.test",
        "expired.test",
        "soon.test",
        "mismatch.test",
        "nosig.test",
        "silent.test",
        "rsa.test",
        "sha1.test",
        "ed.test",
    ] {
        let mx = format!("mx.{domain}");
        zone.a(domain, "192.0.2.1")
            .txt(domain, &["v=spf1 -all"])
            .mx(domain, 10, &mx)
            .a(&mx, "192.0.2.25")
            .tlsa(&format!("_25._tcp.{mx}"), 3, 1, 1, SPKI_SHA256);
    }
    zone
}

struct Signed {
    server: TestDns,
    _dir: TempDir,
    resolver: TokioResolver,
}

/// The fixture served, and a validating resolver that trusts its root through a DNSKEY anchor
/// file, giving up on a query after `timeout`.
fn start(timeout: Duration) -> Signed {
    let server = TestDns::start(fixture());
    let dir = TempDir::new("dnssec-anchor");
    let anchor = server
        .trust_anchor()
        .write(&dir, "root.key", AnchorForm::Dnskey);
    let resolver = validating(&server, &anchor, timeout);
    Signed {
        server,
        _dir: dir,
        resolver,
    }
}

fn validating(server: &TestDns, anchor: &Path, timeout: Duration) -> TokioResolver {
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

/// What hickory made of one lookup.
#[derive(Debug, PartialEq, Eq)]
enum Seen {
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

async fn seen(resolver: &TokioResolver, name: &str, rtype: RecordType) -> Seen {
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

fn all_secure(n: usize) -> Seen {
    Seen::Records(vec![Proof::Secure; n])
}

#[tokio::test]
async fn explore() {
    let s = start(Duration::from_millis(300));
    for (name, rtype) in [
        ("signed.test.", RecordType::A),
        ("signed.test.", RecordType::TXT),
        ("signed.test.", RecordType::MX),
        ("_25._tcp.mx.signed.test.", RecordType::TLSA),
        ("nsec3.test.", RecordType::A),
        ("_25._tcp.mx.nsec3.test.", RecordType::TLSA),
        ("unsigned.test.", RecordType::A),
        ("expired.test.", RecordType::A),
        ("soon.test.", RecordType::A),
        ("mismatch.test.", RecordType::A),
        ("nosig.test.", RecordType::A),
        ("rsa.test.", RecordType::A),
        ("sha1.test.", RecordType::A),
        ("ed.test.", RecordType::A),
        ("missing.signed.test.", RecordType::A),
        ("signed.test.", RecordType::AAAA),
        ("missing.nsec3.test.", RecordType::A),
        ("nsec3.test.", RecordType::AAAA),
        ("missing.unsigned.test.", RecordType::A),
        ("unsigned.test.", RecordType::AAAA),
        ("silent.test.", RecordType::A),
        ("missing.nosig.test.", RecordType::A),
        ("missing.expired.test.", RecordType::A),
        ("missing.mismatch.test.", RecordType::A),
        ("unsigned.test.", RecordType::DS),
        ("signed.test.", RecordType::DS),
        ("nsec3.test.", RecordType::DS),
        ("signed.test.", RecordType::DNSKEY),
        ("test.", RecordType::DNSKEY),
        (".", RecordType::DNSKEY),
        ("nothere.test.", RecordType::A),
        ("mx.signed.test.", RecordType::AAAA),
        ("_tcp.mx.signed.test.", RecordType::A),
        ("_tcp.mx.nsec3.test.", RecordType::A),
        ("a.b.c.nsec3.test.", RecordType::A),
        ("silent.test.", RecordType::AAAA),
    ] {
        let got = seen(&s.resolver, name, rtype).await;
        eprintln!("{name} {rtype}: {got:?}");
    }
    drop(s.server);
}
