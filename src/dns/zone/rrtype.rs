//! Record type mnemonics as IANA's "Resource Record (RR) TYPEs" registry lists them (RFC 6895),
//! and RFC 3597 §5's `TYPEnnn` for any type: the type field of a zone-file record, the type an
//! RRSIG covers and the type lists of NSEC and NSEC3 (RFC 4034 §3.2, §4.2; RFC 5155 §3.3).

/// Data types of the registry, by mnemonic. Obsolete ones are here too: an old zone may hold
/// them, and reading it must not fail on a name.
const TYPES: &[(&str, u16)] = &[
    ("A", 1),
    ("NS", 2),
    ("MD", 3),
    ("MF", 4),
    ("CNAME", 5),
    ("SOA", 6),
    ("MB", 7),
    ("MG", 8),
    ("MR", 9),
    ("NULL", 10),
    ("WKS", 11),
    ("PTR", 12),
    ("HINFO", 13),
    ("MINFO", 14),
    ("MX", 15),
    ("TXT", 16),
    ("RP", 17),
    ("AFSDB", 18),
    ("X25", 19),
    ("ISDN", 20),
    ("RT", 21),
    ("NSAP", 22),
    ("NSAP-PTR", 23),
    ("SIG", 24),
    ("KEY", 25),
    ("PX", 26),
    ("GPOS", 27),
    ("AAAA", 28),
    ("LOC", 29),
    ("NXT", 30),
    ("EID", 31),
    ("NIMLOC", 32),
    ("SRV", 33),
    ("ATMA", 34),
    ("NAPTR", 35),
    ("KX", 36),
    ("CERT", 37),
    ("A6", 38),
    ("DNAME", 39),
    ("SINK", 40),
    ("OPT", 41),
    ("APL", 42),
    ("DS", 43),
    ("SSHFP", 44),
    ("IPSECKEY", 45),
    ("RRSIG", 46),
    ("NSEC", 47),
    ("DNSKEY", 48),
    ("DHCID", 49),
    ("NSEC3", 50),
    ("NSEC3PARAM", 51),
    ("TLSA", 52),
    ("SMIMEA", 53),
    ("HIP", 55),
    ("NINFO", 56),
    ("RKEY", 57),
    ("TALINK", 58),
    ("CDS", 59),
    ("CDNSKEY", 60),
    ("OPENPGPKEY", 61),
    ("CSYNC", 62),
    ("ZONEMD", 63),
    ("SVCB", 64),
    ("HTTPS", 65),
    ("DSYNC", 66),
    ("HHIT", 67),
    ("BRID", 68),
    ("SPF", 99),
    ("UINFO", 100),
    ("UID", 101),
    ("GID", 102),
    ("UNSPEC", 103),
    ("NID", 104),
    ("L32", 105),
    ("L64", 106),
    ("LP", 107),
    ("EUI48", 108),
    ("EUI64", 109),
    ("NXNAME", 128),
    ("TKEY", 249),
    ("TSIG", 250),
    ("IXFR", 251),
    ("AXFR", 252),
    ("MAILB", 253),
    ("MAILA", 254),
    ("ANY", 255),
    ("URI", 256),
    ("CAA", 257),
    ("AVC", 258),
    ("DOA", 259),
    ("AMTRELAY", 260),
    ("RESINFO", 261),
    ("WALLET", 262),
    ("CLA", 263),
    ("IPN", 264),
    ("TA", 32768),
    ("DLV", 32769),
];

/// The number of a type mnemonic or of `TYPEnnn`, in any case.
pub(super) fn number(text: &str) -> Option<u16> {
    if let Some(&(_, n)) = TYPES.iter().find(|(m, _)| m.eq_ignore_ascii_case(text)) {
        return Some(n);
    }
    let digits = text
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("TYPE"))
        .and(text.get(4..))?;
    // RFC 3597 §5 writes the number in decimal, without a sign or leading zeros.
    let plain = digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0');
    plain.then(|| digits.parse().ok()).flatten()
}

/// The registry's mnemonic of `n`, if it has one.
pub(super) fn mnemonic(n: u16) -> Option<&'static str> {
    TYPES.iter().find(|&&(_, v)| v == n).map(|&(m, _)| m)
}

/// Types that exist only in queries and in the transport of messages (RFC 6895 §3.1: OPT,
/// NXNAME, TKEY, TSIG, and the QTYPEs): a zone cannot hold them.
pub(super) fn is_meta(n: u16) -> bool {
    n == 41 || n == 128 || (249..=255).contains(&n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mnemonics_and_type_numbers() {
        assert_eq!(number("rrsig"), Some(46));
        assert_eq!(number("NSEC3PARAM"), Some(51));
        assert_eq!(number("TYPE65534"), Some(65534));
        assert_eq!(number("type1"), Some(1));
        for bad in [
            "TYPE",
            "TYPE0x1",
            "TYPE+1",
            "TYPE65536",
            "TYPE01",
            "BOGUS",
            "",
        ] {
            assert_eq!(number(bad), None, "{bad}");
        }
        assert_eq!(mnemonic(257), Some("CAA"));
        assert_eq!(mnemonic(65534), None);
        assert!(is_meta(255) && is_meta(41) && !is_meta(46));
    }
}
