//! A tree of zones for DNSSEC tests (RFC 4033-4035), served by the test DNS server: a signed
//! root and `test.`, and below `test.` one zone per case, each holding the same data (A, TXT
//! "v=spf1 -all" and MX at the apex, `mx.<zone>` A, `_25._tcp.mx.<zone>` TLSA 3 1 1).
//!
//! Zones: `signed.test` (NSEC), `nsec3.test` (NSEC3), `unsigned.test` (insecure delegation),
//! `expired.test`, `future.test` (not valid yet), `soon.test` (expires within 2 days),
//! `mismatch.test` (DS matches no key), `nosig.test` (no RRSIGs), `silent.test` (DNSKEY
//! unanswered), `nods.test` (DS unanswered), `rsa.test` (RSASHA256, NSEC3, SHA-1 DS),
//! `sha1.test` (RSASHA1), `ed.test` (Ed25519), `dsa.test` (labelled DSA: unverifiable). CNAMEs:
//! `alias.signed.test` -> `mx.nsec3.test`, `_25._tcp.alias.signed.test` ->
//! `_25._tcp.mx.nsec3.test`, `plain.signed.test` -> `mx.unsigned.test`, `gone.signed.test` ->
//! `gone.nsec3.test` (which does not exist).

use super::dns_server::{KeyAlgorithm, Signing, Zone};

/// An EE certificate's SPKI SHA-256 (any 32 bytes do for the fixture).
pub const SPKI_SHA256: &str = "8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1";

/// Every case, one tree: a signed root and `test.`, and a zone below `test.` per case.
pub fn fixture() -> Zone {
    let mut zone = Zone::new();
    zone.signed_zone(".", Signing::nsec())
        .signed_zone("test", Signing::nsec())
        .signed_zone("signed.test", Signing::nsec())
        .signed_zone("nsec3.test", Signing::nsec3())
        .unsigned_zone("unsigned.test")
        .signed_zone("expired.test", Signing::nsec().expired())
        .signed_zone("future.test", Signing::nsec().not_yet_valid())
        .signed_zone("soon.test", Signing::nsec().expiring_in_days(2))
        .signed_zone("mismatch.test", Signing::nsec().ds_mismatch())
        .signed_zone("nosig.test", Signing::nsec().without_rrsigs())
        .signed_zone("silent.test", Signing::nsec().silent_dnskey())
        .signed_zone("nods.test", Signing::nsec3().silent_ds())
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
        .signed_zone("ed.test", Signing::nsec().algorithm(KeyAlgorithm::Ed25519))
        .signed_zone(
            "dsa.test",
            Signing::nsec().algorithm(KeyAlgorithm::Unverifiable(3)),
        );
    for domain in [
        "signed.test",
        "nsec3.test",
        "unsigned.test",
        "expired.test",
        "future.test",
        "soon.test",
        "mismatch.test",
        "nosig.test",
        "silent.test",
        "nods.test",
        "rsa.test",
        "sha1.test",
        "ed.test",
        "dsa.test",
    ] {
        let mx = format!("mx.{domain}");
        zone.a(domain, "192.0.2.1")
            .txt(domain, &["v=spf1 -all"])
            .mx(domain, 10, &mx)
            .a(&mx, "192.0.2.25")
            .tlsa(&format!("_25._tcp.{mx}"), 3, 1, 1, SPKI_SHA256);
    }
    // CNAMEs across zones: signed to signed, signed to unsigned.
    zone.cname("alias.signed.test", "mx.nsec3.test")
        .cname("_25._tcp.alias.signed.test", "_25._tcp.mx.nsec3.test")
        .cname("plain.signed.test", "mx.unsigned.test")
        .cname("gone.signed.test", "gone.nsec3.test");
    zone
}
