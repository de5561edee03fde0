//! The zone source with the record types the audit does not ask for: a signed zone (RRSIG,
//! DNSKEY, DS, NSEC, NSEC3 ...), RFC 3597 generic data, and malformed records of each type.

use super::tests::{HEAD, answer, error, txt, zone};
use super::*;

/// The records a signed zone holds beside the mail records, each in a form the tools that sign
/// zones write; none is a type the audit asks for, but each owner name exists.
const SIGNED_TYPES: &str = "\
@ RRSIG SOA 13 2 3600 ( 20261231000000 20261201000000 31589 example.com.
        vQ1CgsqzpwdNXuqBXRaQcJkfoe1RDbx/8SWpuAGIj/Fc
        /7IRyzvjCqzRyz3WJuvHDRh5mYi0IuK3ZBxDA4cLYA== )
@ RRSIG TYPE65534 ECDSAP256SHA256 2 0 1798675200 1796083200 31589 example.com. AAECAw==
@ DNSKEY 257 3 13 ( mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+
                    KkxLbxILfDLUT0rAK9iUzy1L53eKGQ== ) ; KSK
@ DNSKEY 256 3 ECDSAP256SHA256 ( oJMRESz5E4gYzS/q6XDrvU1qMPYIjCWzJaOau8XNEZeqCYKD5ar0IRd8
                    KqXXFJkqmVfRvMGPmM1x8fGAa2XhSA== )
@ CDS 2371 13 2 1F987CC6583E92DF0890718C42 1B3E8D5C1B3E8D5C1B3E8D5C1B3E8D5C1B3E00
@ CDS 0 0 0 00
@ CDNSKEY 0 3 0 AA==
@ NSEC3PARAM 1 0 0 -
@ NSEC3PARAM 1 0 10 AABBCCDD
@ NSEC mail.example.com. A NS SOA MX TXT RRSIG NSEC DNSKEY TYPE65534
@ ZONEMD 2026120101 1 1 ( 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
                         0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF )
@ TYPE65534 \\# 5 0D7B930001
@ TYPE65535 \\# 0
@ CAA 0 issue \"letsencrypt.org\"
@ CAA 128 iodef \"mailto:security@example.com\"
@ HTTPS 1 . alpn=\"h2,h3\" ipv4hint=192.0.2.80 ipv6hint=2001:db8::80
@ URI 10 1 \"https://www.example.com/\"
_dns SVCB 1 ns1.example.com. alpn=dot port=853
_25._tcp.mail TLSA 3 1 1 0C72AC70B745AC19998811B131D662C9 AC69DBDBE7CB23E5B514B56664C5D3D6
sub DS 60485 RSASHA256 1 2BB183AF5F22588179A53B0A98631FAD1A292118
old DNAME new.example.net.
loc LOC 52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m
0p9mhaveqvm6t7vbl5lop2u3t2rp3tom NSEC3 1 1 12 aabbccdd (
        2t7b4g4vsa5smi47k61mv5bv1a22bojr A RRSIG )
2t7b4g4vsa5smi47k61mv5bv1a22bojr NSEC3 1 0 0 - 0p9mhaveqvm6t7vbl5lop2u3t2rp3tom
";

#[test]
fn a_signed_zone_and_every_other_type_load() {
    let z = zone(&format!("{HEAD}{SIGNED_TYPES}@ TXT \"v=spf1 -all\"\n"));
    assert_eq!(txt(&z, "example.com"), vec![b"v=spf1 -all".to_vec()]);
    for name in [
        "_25._tcp.mail.example.com",
        "sub.example.com",
        "old.example.com",
        "loc.example.com",
        "_dns.example.com",
        "2t7b4g4vsa5smi47k61mv5bv1a22bojr.example.com",
    ] {
        assert_eq!(answer(&z, name, RecordType::A), Answer::NoData, "{name}");
    }
}

#[test]
fn generic_data_is_read_for_every_type_and_decoded_for_the_audits() {
    let z = zone(&format!(
        "{HEAD}\
         a TYPE1 \\# 4 C0000201\n\
         b A \\# 4 ( C000 0202 )\n\
         six AAAA \\# 16 20010DB8000000000000000000000001\n\
         t TYPE16 \\# 12 05 68656C6C6F 05 776F726C64\n\
         m MX \\# 20 000A 046D61696C 076578616D706C65 03636F6D 00\n\
         s SRV \\# 12 0000 0001 03E1 04696D6170 00\n\
         p PTR \\# 1 00\n\
         c CNAME \\# 3 0162 00\n\
         x TYPE65280 \\# 0\n"
    ));
    let records = |name, rtype| answer(&z, name, rtype).records().to_vec();
    assert_eq!(
        records("a.example.com", RecordType::A),
        [Rdata::A([192, 0, 2, 1].into())]
    );
    assert_eq!(
        records("b.example.com", RecordType::A),
        [Rdata::A([192, 0, 2, 2].into())]
    );
    assert_eq!(
        records("six.example.com", RecordType::Aaaa),
        [Rdata::Aaaa("2001:db8::1".parse().unwrap())]
    );
    assert_eq!(
        txt(&z, "t.example.com"),
        [b"hello".to_vec(), b"world".to_vec()]
    );
    let mx = Rdata::Mx {
        preference: 10,
        exchange: "mail.example.com".into(),
    };
    assert_eq!(records("m.example.com", RecordType::Mx), [mx]);
    let srv = Rdata::Srv {
        priority: 0,
        weight: 1,
        port: 993,
        target: "imap".into(),
    };
    assert_eq!(records("s.example.com", RecordType::Srv), [srv]);
    assert_eq!(
        records("p.example.com", RecordType::Ptr),
        [Rdata::Ptr(String::new())]
    );
    assert_eq!(
        records("c.example.com", RecordType::Cname),
        [Rdata::Cname("b".into())]
    );
    assert_eq!(answer(&z, "x.example.com", RecordType::A), Answer::NoData);
}

#[test]
fn malformed_records_of_other_types_are_refused_with_the_line() {
    let rrsig = "@ RRSIG A 13 2 3600 20261231000000 20261201000000 31589 example.com. AAECAw==";
    for (record, expected) in [
        (
            rrsig.replace("20261231", "20260231"),
            "RRSIG signature expiration: \"20260231000000\" is not YYYYMMDDHHmmSS or seconds",
        ),
        (
            rrsig.replace("A 13", "BOGUS 13"),
            "RRSIG type covered: \"BOGUS\" is not a record type",
        ),
        (
            rrsig.replace(" 13 ", " RSA "),
            "RRSIG algorithm: \"RSA\" is not an algorithm",
        ),
        (
            rrsig.replace("3600", "4294967296"),
            "RRSIG original TTL: \"4294967296\" is not a number from 0 to 4294967295",
        ),
        (
            rrsig.replace("AAECAw==", "AAECAw="),
            "RRSIG signature: not base64",
        ),
        (
            rrsig.replace(" example.com. AAECAw==", ""),
            "RRSIG lacks its signer's name",
        ),
        (
            "@ DNSKEY 257 4 13 AAECAw==".into(),
            "DNSKEY protocol 4 is not 3",
        ),
        ("@ DNSKEY 257 3 13".into(), "DNSKEY public key: missing"),
        (
            "@ DNSKEY 257 3 13 \"AAECAw==\"".into(),
            "is a quoted string",
        ),
        (
            "@ DS 1 13 2 0123456789ABCDEF".into(),
            "DS digest is 8 bytes, not the 32 of its type",
        ),
        (
            "@ DS 1 13 2 XYZ".into(),
            "DS digest: not an even number of hex digits",
        ),
        (
            "@ DS 70000 13 2 00".into(),
            "DS key tag: \"70000\" is not a number from 0 to 65535",
        ),
        (
            "@ NSEC a.example.com. A FOO".into(),
            "NSEC type list: \"FOO\" is not a record type",
        ),
        (
            "@ NSEC3 1 0 0 - 0p9mhaveqvm6t7vbl5lop2u3t2rp3toW A".into(),
            "NSEC3 next hashed owner name",
        ),
        (
            "@ NSEC3PARAM 1 0 0 abc".into(),
            "NSEC3PARAM salt: \"abc\" is not valid here",
        ),
        (
            "@ NSEC3PARAM 1 0 0 - extra".into(),
            "NSEC3PARAM has 4 data fields, not 5",
        ),
        (
            "@ ZONEMD 1 1 1 0123".into(),
            "ZONEMD digest is 2 bytes, not the 48 of its type",
        ),
        ("@ URI 10 1 \"\"".into(), "URI target: empty"),
        ("@ DNAME".into(), "DNAME lacks its target"),
        (
            "@ TYPE65534 0102".into(),
            "TYPE65534 data can only be written as \\# and its length",
        ),
        ("@ NULL 0102".into(), "NULL data can only be written as \\#"),
        (
            "@ TYPE65534 \\# 3 0102".into(),
            "\\# announces 3 bytes but holds 2",
        ),
        (
            "@ TYPE65534 \\# 2 01020".into(),
            "\\# data is not an even number of hex digits",
        ),
        (
            "@ TYPE65534 \\# two 0102".into(),
            "\\# length \"two\" is not 0-65535",
        ),
        ("@ TYPE65534 \\#".into(), "\\# needs the length"),
        ("@ A \\# 3 010203".into(), "A data is 4 bytes, not 3"),
        (
            "@ TXT \\# 3 05 6162".into(),
            "TXT data ends inside a character-string",
        ),
        ("@ MX \\# 4 000A C00C".into(), "compression pointer"),
        (
            "@ CNAME \\# 4 0162 00 00".into(),
            "CNAME data goes on after the domain name",
        ),
        ("@ TYPE0 \\# 0".into(), "unknown record type \"TYPE0\""),
        (
            "@ ANY \\# 0".into(),
            "\"ANY\" is a type of queries and messages",
        ),
        (
            "@ OPT \\# 0".into(),
            "\"OPT\" is a type of queries and messages",
        ),
        ("@ TLSA 3 1 1 zz".into(), "invalid TLSA record"),
        ("@ CAA 0 issue".into(), "invalid CAA record"),
        ("@ HTTPS 1 . bogus=1".into(), "invalid HTTPS record"),
    ] {
        let message = error(&format!("{HEAD}@ TXT \"x\"\n{record}\n"));
        assert!(message.starts_with("zone data:4: "), "{record}: {message}");
        assert!(message.contains(expected), "{record}: {message}");
    }
}
