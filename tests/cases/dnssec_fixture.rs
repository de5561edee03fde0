//! The test DNS server's signed zones (tests/support/dns_server/secure.rs), checked with
//! hickory-resolver's own DNSSEC validator (RFC 4035 §5) trusting the server's root through a
//! trust-anchor file: what a validating product sees for each case the fixture offers.

use std::fmt::Write as _;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64ct::{Base64, Encoding};
use hickory_proto::dnssec::rdata::{DNSKEY, DNSSECRData};
use hickory_proto::dnssec::{Algorithm, DigestType, Proof, PublicKey, PublicKeyBuf, TrustAnchors};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use hickory_resolver::TokioResolver;

use crate::support::dns_server::{AnchorForm, TestDns};
use crate::support::signed_zones::fixture;
use crate::support::temp::TempDir;
use crate::support::validating::{Seen, raw_query, seen, validating};

/// A day in seconds.
const DAY: i64 = 86_400;

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
        .write(dir.path(), "root.key", AnchorForm::Dnskey);
    let resolver = validating(&server, &anchor, timeout);
    Signed {
        server,
        _dir: dir,
        resolver,
    }
}

/// Records of `rtype` only, each proven `Secure`, and at least one.
fn assert_secure(seen: &Seen, what: &str) {
    match seen {
        Seen::Records(proofs)
            if !proofs.is_empty() && proofs.iter().all(|p| *p == Proof::Secure) => {}
        other => panic!("{what}: expected secure records, got {other:?}"),
    }
}

/// A validated negative answer: `NoRecordsFound` with this response code and authority
/// records that are all `Secure`.
fn assert_secure_denial(seen: &Seen, code: &str, what: &str) {
    match seen {
        Seen::NoRecords(got, proofs)
            if got == code && !proofs.is_empty() && proofs.iter().all(|p| *p == Proof::Secure) => {}
        other => panic!("{what}: expected a secure {code}, got {other:?}"),
    }
}

#[tokio::test]
async fn signed_zones_answer_secure_a_txt_mx_and_tlsa() {
    let s = start(Duration::from_secs(2));
    for domain in ["signed.test", "nsec3.test", "soon.test", "ed.test"] {
        for (name, rtype) in [
            (format!("{domain}."), RecordType::A),
            (format!("{domain}."), RecordType::TXT),
            (format!("{domain}."), RecordType::MX),
            (format!("mx.{domain}."), RecordType::A),
            (format!("_25._tcp.mx.{domain}."), RecordType::TLSA),
        ] {
            let got = seen(&s.resolver, &name, rtype).await;
            assert_secure(&got, &format!("{name} {rtype}"));
        }
    }
    for (name, rtype) in [
        (".", RecordType::DNSKEY),
        ("test.", RecordType::DNSKEY),
        ("signed.test.", RecordType::DS),
    ] {
        assert_secure(
            &seen(&s.resolver, name, rtype).await,
            &format!("{name} {rtype}"),
        );
    }
}

#[tokio::test]
async fn an_unsigned_delegation_is_insecure_and_its_missing_ds_is_proven() {
    let s = start(Duration::from_secs(2));
    assert_eq!(
        seen(&s.resolver, "unsigned.test.", RecordType::A).await,
        Seen::Records(vec![Proof::Insecure])
    );
    assert_eq!(
        seen(&s.resolver, "_25._tcp.mx.unsigned.test.", RecordType::TLSA).await,
        Seen::Records(vec![Proof::Insecure])
    );
    assert_eq!(
        seen(&s.resolver, "missing.unsigned.test.", RecordType::A).await,
        Seen::NoRecords("Non-Existent Domain".into(), vec![Proof::Insecure])
    );
    // The parent's NSEC at the delegation point: NS, no DS.
    let got = seen(&s.resolver, "unsigned.test.", RecordType::DS).await;
    assert_secure_denial(&got, "No Error", "unsigned.test DS");
    let wire = raw_query(&s.server, "unsigned.test.", RecordType::DS, true);
    let nsec = wire
        .authorities
        .iter()
        .find_map(|r| match &r.data {
            RData::DNSSEC(DNSSECRData::NSEC(nsec)) => Some((r.name.to_ascii(), nsec.clone())),
            _ => None,
        })
        .expect("an NSEC in the authority section");
    assert_eq!(nsec.0, "unsigned.test.");
    assert!(nsec.1.type_set().contains(RecordType::NS));
    assert!(!nsec.1.type_set().contains(RecordType::DS));
}

#[tokio::test]
async fn expired_or_future_signatures_a_mismatched_ds_and_missing_rrsigs_are_bogus() {
    let s = start(Duration::from_secs(2));
    for domain in ["expired.test", "future.test", "mismatch.test", "nosig.test"] {
        for (name, rtype) in [
            (format!("{domain}."), RecordType::A),
            (format!("_25._tcp.mx.{domain}."), RecordType::TLSA),
            (format!("missing.{domain}."), RecordType::A),
        ] {
            assert_eq!(
                seen(&s.resolver, &name, rtype).await,
                Seen::Bogus,
                "{name} {rtype}"
            );
        }
    }
}

#[tokio::test]
async fn nsec_nxdomain_and_nodata_validate() {
    let s = start(Duration::from_secs(2));
    for (name, rtype, code) in [
        ("missing.signed.test.", RecordType::A, "Non-Existent Domain"),
        (
            "deep.missing.signed.test.",
            RecordType::TXT,
            "Non-Existent Domain",
        ),
        ("nothere.test.", RecordType::A, "Non-Existent Domain"),
        ("signed.test.", RecordType::AAAA, "No Error"),
        ("mx.signed.test.", RecordType::TLSA, "No Error"),
    ] {
        assert_secure_denial(&seen(&s.resolver, name, rtype).await, code, name);
        let wire = raw_query(&s.server, name, rtype, true);
        assert!(
            has_type(&wire.authorities, RecordType::NSEC),
            "{name}: {wire:?}"
        );
        assert!(!has_type(&wire.authorities, RecordType::NSEC3), "{name}");
    }
}

#[tokio::test]
async fn nsec3_nxdomain_and_nodata_validate() {
    let s = start(Duration::from_secs(2));
    for (name, rtype, code) in [
        ("missing.nsec3.test.", RecordType::A, "Non-Existent Domain"),
        ("a.b.c.nsec3.test.", RecordType::A, "Non-Existent Domain"),
        ("nsec3.test.", RecordType::AAAA, "No Error"),
        ("mx.nsec3.test.", RecordType::TXT, "No Error"),
        // An empty non-terminal has an NSEC3 of its own (RFC 5155 §7.1).
        ("_tcp.mx.nsec3.test.", RecordType::A, "No Error"),
        ("missing.rsa.test.", RecordType::A, "Non-Existent Domain"),
    ] {
        assert_secure_denial(&seen(&s.resolver, name, rtype).await, code, name);
        let wire = raw_query(&s.server, name, rtype, true);
        assert!(
            has_type(&wire.authorities, RecordType::NSEC3),
            "{name}: {wire:?}"
        );
        assert!(!has_type(&wire.authorities, RecordType::NSEC), "{name}");
    }
}

/// hickory reports a DNSKEY or DS fetch that times out as `DnssecBogus`, like a real bogus
/// answer.
#[tokio::test]
async fn a_dnskey_or_ds_timeout_is_reported_as_bogus() {
    let s = start(Duration::from_millis(300));
    for (zone, rtype) in [("silent.test", "DNSKEY"), ("nods.test", "DS")] {
        let name = format!("{zone}.");
        assert_eq!(
            seen(&s.resolver, &name, RecordType::A).await,
            Seen::Bogus,
            "{zone}"
        );
        assert!(
            s.server
                .queries()
                .contains(&(zone.to_string(), rtype.to_string())),
            "the validator asked for the {rtype}: {:?}",
            s.server.queries()
        );
    }
}

/// Each RRset of a CNAME chain is signed by its own zone; the answer is as secure as its least
/// secure link.
#[tokio::test]
async fn cname_chains_across_zones_validate_link_by_link() {
    let s = start(Duration::from_secs(2));
    assert_secure(
        &seen(&s.resolver, "alias.signed.test.", RecordType::A).await,
        "alias",
    );
    assert_secure(
        &seen(&s.resolver, "_25._tcp.alias.signed.test.", RecordType::TLSA).await,
        "TLSA through a CNAME",
    );
    assert_eq!(
        seen(&s.resolver, "plain.signed.test.", RecordType::A).await,
        Seen::Records(vec![Proof::Insecure])
    );
    let wire = raw_query(&s.server, "plain.signed.test.", RecordType::A, true);
    let signers: Vec<String> = wire
        .answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::DNSSEC(DNSSECRData::RRSIG(sig)) => Some(sig.input().signer_name.to_ascii()),
            _ => None,
        })
        .collect();
    assert_eq!(signers, ["signed.test."], "only the CNAME is signed");
}

/// A CNAME whose target does not exist (or lacks the type): the server proves the target's
/// denial in the target's zone, as RFC 4035 §3.1.3 asks. hickory 0.26 checks that proof against
/// the name it asked for, so with the whole chain in one answer it says Bogus; handed one CNAME
/// per answer (`Zone::cname_hops(0)`) it asks for the target itself and validates the denial.
#[tokio::test]
async fn a_denial_at_the_end_of_a_cname_chain() {
    let s = start(Duration::from_secs(2));
    let cases = [
        ("gone.signed.test.", RecordType::A, "Non-Existent Domain"),
        ("alias.signed.test.", RecordType::TXT, "No Error"),
    ];
    for (name, rtype, code) in cases {
        let wire = raw_query(&s.server, name, rtype, true);
        assert_eq!(wire.metadata.response_code.to_string(), code);
        assert!(has_type(&wire.answers, RecordType::CNAME), "{name}");
        assert!(
            has_type(&wire.authorities, RecordType::NSEC3),
            "{name}: the target's denial"
        );
        assert_eq!(seen(&s.resolver, name, rtype).await, Seen::Bogus, "{name}");
    }

    let mut zone = fixture();
    zone.cname_hops(0);
    let server = TestDns::start(zone);
    let dir = TempDir::new("dnssec-hops");
    let anchor = server
        .trust_anchor()
        .write(dir.path(), "root.key", AnchorForm::Dnskey);
    let resolver = validating(&server, &anchor, Duration::from_secs(2));
    for (name, rtype, code) in cases {
        assert_secure_denial(&seen(&resolver, name, rtype).await, code, name);
    }
    assert_secure(
        &seen(&resolver, "alias.signed.test.", RecordType::A).await,
        "alias",
    );
}

#[tokio::test]
async fn each_key_algorithm_and_a_sha1_ds_show_on_the_wire_and_validate() {
    let s = start(Duration::from_secs(2));
    for name in ["rsa.test.", "sha1.test."] {
        assert_secure(&seen(&s.resolver, name, RecordType::A).await, name);
    }
    let algorithm = |name: &str| {
        let wire = raw_query(&s.server, name, RecordType::DNSKEY, true);
        wire.answers.iter().find_map(|r| match &r.data {
            RData::DNSSEC(DNSSECRData::DNSKEY(key)) => Some(u8::from(key.public_key().algorithm())),
            _ => None,
        })
    };
    assert_eq!(algorithm("rsa.test."), Some(8));
    assert_eq!(algorithm("sha1.test."), Some(5));
    assert_eq!(algorithm("signed.test."), Some(13));
    assert_eq!(algorithm("ed.test."), Some(15));
    assert_eq!(algorithm("dsa.test."), Some(3));
    // An algorithm the validator lacks makes the zone insecure (RFC 4035 §5.2), not bogus.
    assert_eq!(
        seen(&s.resolver, "dsa.test.", RecordType::A).await,
        Seen::Records(vec![Proof::Insecure])
    );
    let wire = raw_query(&s.server, "rsa.test.", RecordType::DS, true);
    let digest = wire.answers.iter().find_map(|r| match &r.data {
        RData::DNSSEC(DNSSECRData::DS(ds)) => Some(ds.digest_type()),
        _ => None,
    });
    assert_eq!(digest, Some(DigestType::SHA1));
}

#[tokio::test]
async fn expiring_signatures_validate_and_show_their_expiry() {
    let s = start(Duration::from_secs(2));
    assert_secure(
        &seen(&s.resolver, "soon.test.", RecordType::A).await,
        "soon.test",
    );
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let expiry = |name: &str| {
        let wire = raw_query(&s.server, name, RecordType::A, true);
        wire.answers
            .iter()
            .find_map(|r| match &r.data {
                RData::DNSSEC(DNSSECRData::RRSIG(sig)) => {
                    Some(u64::from(sig.input().sig_expiration.get()))
                }
                _ => None,
            })
            .expect("an RRSIG")
    };
    let seconds_left =
        |name: &str| i64::try_from(expiry(name)).unwrap() - i64::try_from(now).unwrap();
    let soon = seconds_left("soon.test.");
    assert!(DAY < soon && soon < 2 * DAY, "{soon} s left");
    assert!(seconds_left("signed.test.") > 29 * DAY);
    assert!(seconds_left("expired.test.") < 0);
}

#[tokio::test]
async fn another_servers_anchor_makes_every_signed_answer_bogus() {
    let s = start(Duration::from_secs(2));
    let other = TestDns::start(fixture());
    let dir = TempDir::new("dnssec-other-anchor");
    let anchor = other
        .trust_anchor()
        .write(dir.path(), "root.key", AnchorForm::Dnskey);
    let stranger = validating(&s.server, &anchor, Duration::from_secs(2));
    assert_eq!(
        seen(&stranger, "signed.test.", RecordType::A).await,
        Seen::Bogus
    );
}

#[test]
fn the_anchor_file_holds_the_root_dnskey_and_its_ds() {
    let server = TestDns::start(fixture());
    let anchor = server.trust_anchor();
    let dnskey_line = anchor.dnskey_line();
    let fields: Vec<&str> = dnskey_line.split(' ').collect();
    assert_eq!(
        fields[..6],
        [".", "3600", "IN", "DNSKEY", "257", "3"],
        "{dnskey_line}"
    );
    assert_eq!(fields[6], "13");
    let public = Base64::decode_vec(fields[7]).expect("base64 key");
    assert_eq!(
        public.len(),
        64,
        "an uncompressed P-256 point without its 0x04 prefix"
    );

    let ds_line = anchor.ds_line();
    let ds: Vec<&str> = ds_line.split(' ').collect();
    assert_eq!(ds[..4], [".", "3600", "IN", "DS"], "{ds_line}");
    assert_eq!(ds[4], anchor.key_tag().to_string());
    assert_eq!(ds[5..7], ["13", "2"]);
    // The DS digest is the root DNSKEY's (RFC 4034 §5.1.4).
    let dnskey = DNSKEY::new(
        true,
        true,
        false,
        PublicKeyBuf::new(public, Algorithm::ECDSAP256SHA256),
    );
    assert_eq!(dnskey.calculate_key_tag().unwrap(), anchor.key_tag());
    let digest = dnskey.to_digest(&Name::root(), DigestType::SHA256).unwrap();
    let hex = digest.as_ref().iter().fold(String::new(), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    });
    assert_eq!(ds[7], hex);

    // The server's root DNSKEY is the anchor's.
    let wire = raw_query(&server, ".", RecordType::DNSKEY, true);
    assert!(wire.answers.iter().any(|r| matches!(&r.data,
        RData::DNSSEC(DNSSECRData::DNSKEY(key)) if *key == dnskey)));

    let dir = TempDir::new("dnssec-anchor-forms");
    let both = anchor.write(dir.path(), "both.key", AnchorForm::Both);
    assert_eq!(
        std::fs::read_to_string(&both).unwrap(),
        format!("{dnskey_line}\n{ds_line}\n")
    );
    assert!(TrustAnchors::from_file(&anchor.write(dir.path(), "key", AnchorForm::Dnskey)).is_ok());
    // hickory 0.26 reads DNSKEY lines only: a DS anchor is for the product to read itself.
    assert!(TrustAnchors::from_file(&anchor.write(dir.path(), "ds", AnchorForm::Ds)).is_err());
    assert!(TrustAnchors::from_file(&both).is_err());
}

#[test]
fn without_the_do_bit_answers_carry_no_dnssec_records() {
    let server = TestDns::start(fixture());
    let plain = raw_query(&server, "signed.test.", RecordType::A, false);
    assert!(has_type(&plain.answers, RecordType::A));
    assert!(!has_type(&plain.answers, RecordType::RRSIG));
    let negative = raw_query(&server, "missing.signed.test.", RecordType::A, false);
    assert_eq!(
        negative.metadata.response_code.to_string(),
        "Non-Existent Domain"
    );
    assert!(!has_type(&negative.authorities, RecordType::NSEC));
    assert!(!has_type(&negative.authorities, RecordType::RRSIG));
    // The SOA is the enclosing zone's, with or without DO.
    let soa = negative
        .authorities
        .iter()
        .find(|r| r.record_type() == RecordType::SOA);
    assert_eq!(
        soa.map(|r| r.name.to_ascii()),
        Some("signed.test.".to_string())
    );

    let signed = raw_query(&server, "signed.test.", RecordType::A, true);
    assert!(has_type(&signed.answers, RecordType::RRSIG));
    assert!(signed.edns.as_ref().is_some_and(|e| e.flags().dnssec_ok));
}

fn has_type(records: &[Record], rtype: RecordType) -> bool {
    records.iter().any(|r| r.record_type() == rtype)
}
