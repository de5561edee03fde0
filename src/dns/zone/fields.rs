//! The presentation format of record types the audit does not read, field by field, so that a
//! malformed one is refused with its line (a signed zone is full of them): DNSSEC's DS, DNSKEY,
//! RRSIG and NSEC (RFC 4034 §2.2, §3.2, §4.2, §5.3), NSEC3 and NSEC3PARAM (RFC 5155 §3.3, §4.3),
//! CDS and CDNSKEY (RFC 7344 §3.1), ZONEMD (RFC 8976 §2.3), URI (RFC 7553 §4.4), and the types
//! whose data is domain names (DNAME, RP, AFSDB, ...). The records are checked, not kept.

use base64ct::{Base64, Encoding};
use hickory_proto::rr::Name;

use super::lexer::Token;
use super::lexer::{parse_name, show};
use super::rrtype;

/// One field of a format. The last three take every remaining token: their text may be split
/// by blanks anywhere (RFC 4034 §2.2, §3.2, §4.2, §5.3).
#[derive(Clone, Copy)]
enum Field {
    /// An unsigned decimal number up to the maximum.
    Number(&'static str, u32),
    /// A DNSSEC algorithm, as a number or a mnemonic (RFC 4034 §A.1).
    Algorithm,
    Name(&'static str),
    /// A type mnemonic or `TYPEnnn`.
    Type(&'static str),
    /// `YYYYMMDDHHmmSS` in UTC, or seconds since 1970 (RFC 4034 §3.2).
    Time(&'static str),
    /// NSEC3's salt: hex digits, or `-` for none (RFC 5155 §3.3).
    Salt,
    /// NSEC3's next hashed owner name, in base32hex without padding (RFC 4648 §7).
    Base32Hex,
    /// One character-string.
    Text(&'static str),
    Hex(&'static str),
    Base64(&'static str),
    Types,
}

use Field::{Algorithm, Base32Hex, Base64 as B64, Hex, Number, Salt, Text, Time, Type, Types};

const U8: u32 = 0xFF;
const U16: u32 = 0xFFFF;

const DS: &[Field] = &[
    Number("key tag", U16),
    Algorithm,
    Number("digest type", U8),
    Hex("digest"),
];
const DNSKEY: &[Field] = &[
    Number("flags", U16),
    Number("protocol", U8),
    Algorithm,
    B64("public key"),
];
const RRSIG: &[Field] = &[
    Type("type covered"),
    Algorithm,
    Number("labels", U8),
    Number("original TTL", u32::MAX),
    Time("signature expiration"),
    Time("signature inception"),
    Number("key tag", U16),
    Field::Name("signer's name"),
    B64("signature"),
];
const NSEC3PARAM: &[Field] = &[
    Number("hash algorithm", U8),
    Number("flags", U8),
    Number("iterations", U16),
    Salt,
];
const NSEC3: &[Field] = &[
    Number("hash algorithm", U8),
    Number("flags", U8),
    Number("iterations", U16),
    Salt,
    Base32Hex,
    Types,
];
const ZONEMD: &[Field] = &[
    Number("serial", u32::MAX),
    Number("scheme", U8),
    Number("hash algorithm", U8),
    Hex("digest"),
];

/// The format of `rtype` (a registry mnemonic), when this module knows it.
fn format(rtype: &str) -> Option<&'static [Field]> {
    Some(match rtype {
        "DS" | "CDS" | "TA" | "DLV" => DS,
        "DNSKEY" | "CDNSKEY" => DNSKEY,
        "RRSIG" | "SIG" => RRSIG,
        "NSEC" => &[Field::Name("next domain name"), Types],
        "NSEC3" => NSEC3,
        "NSEC3PARAM" => NSEC3PARAM,
        "ZONEMD" => ZONEMD,
        "URI" => &[
            Number("priority", U16),
            Number("weight", U16),
            Text("target"),
        ],
        "DNAME" | "MB" | "MG" | "MR" | "MD" | "MF" => &[Field::Name("target")],
        "RP" => &[Field::Name("mailbox"), Field::Name("TXT owner")],
        "MINFO" => &[
            Field::Name("responsible mailbox"),
            Field::Name("error mailbox"),
        ],
        "AFSDB" | "RT" | "KX" | "LP" => &[Number("preference", U16), Field::Name("host")],
        "PX" => &[
            Number("preference", U16),
            Field::Name("MAP822"),
            Field::Name("MAPX400"),
        ],
        "DHCID" => &[B64("digest")],
        _ => return None,
    })
}

/// Checks `rdata` against the format of `rtype`; `None` when there is no format for it here.
pub(super) fn check(
    rtype: &str,
    rdata: &[&Token],
    origin: Option<&Name>,
) -> Option<Result<(), String>> {
    let format = format(rtype)?;
    Some(values(rtype, format, rdata, origin).and_then(|values| consistent(rtype, &values)))
}

/// What each field held: its number, or the byte length of its data (0 for the others).
fn values(
    rtype: &str,
    format: &[Field],
    rdata: &[&Token],
    origin: Option<&Name>,
) -> Result<Vec<u64>, String> {
    let mut values = Vec::with_capacity(format.len());
    let mut tokens = rdata;
    for field in format {
        let label = label(*field);
        let value = match field {
            Hex(_) | B64(_) | Types => std::mem::take(&mut tokens),
            _ => match tokens.split_first() {
                Some((first, rest)) => {
                    tokens = rest;
                    std::slice::from_ref(first)
                }
                None => return Err(format!("{rtype} lacks its {label}")),
            },
        };
        values.push(read(*field, value, origin).map_err(|e| format!("{rtype} {label}: {e}"))?);
    }
    if !tokens.is_empty() {
        let counted = rdata.len();
        return Err(format!(
            "{rtype} has {} data fields, not {counted}",
            format.len()
        ));
    }
    Ok(values)
}

fn label(field: Field) -> &'static str {
    match field {
        Number(l, _) | Field::Name(l) | Type(l) | Time(l) | Text(l) | Hex(l) | B64(l) => l,
        Algorithm => "algorithm",
        Salt => "salt",
        Base32Hex => "next hashed owner name",
        Types => "type list",
    }
}

/// Reads one field from its tokens (exactly one, except for the last three kinds).
fn read(field: Field, tokens: &[&Token], origin: Option<&Name>) -> Result<u64, String> {
    let joined = || -> Vec<u8> { tokens.iter().flat_map(|t| t.text.iter().copied()).collect() };
    let Some(token) = tokens.first() else {
        return match field {
            Types => Ok(0),
            _ => Err("missing".into()),
        };
    };
    if let Some(quoted) = tokens
        .iter()
        .find(|t| t.quoted && !matches!(field, Text(_)))
    {
        return Err(format!("{} is a quoted string", show(quoted.raw)));
    }
    let text = String::from_utf8_lossy(&token.text);
    let bad = || format!("{} is not valid here", show(token.raw));
    match field {
        Number(_, max) => decimal(&text, max)
            .ok_or_else(|| format!("{} is not a number from 0 to {max}", show(token.raw))),
        Algorithm => algorithm(&text)
            .ok_or_else(|| format!("{} is not an algorithm number or mnemonic", show(token.raw))),
        Field::Name(_) => parse_name(token, origin).map(|_| 0),
        Type(_) => type_number(token),
        Time(_) => time(&text)
            .then_some(0)
            .ok_or_else(|| format!("{} is not YYYYMMDDHHmmSS or seconds", show(token.raw))),
        Salt if text == "-" => Ok(0),
        Salt => hex(&token.text).filter(|&n| n <= 255).ok_or_else(bad),
        Base32Hex => base32hex(&token.text).ok_or_else(bad),
        Text(_) if token.text.is_empty() => Err("empty".into()),
        Text(_) => Ok(0),
        Hex(_) => hex(&joined())
            .filter(|&n| n > 0)
            .ok_or_else(|| "not an even number of hex digits".into()),
        B64(_) => std::str::from_utf8(&joined())
            .ok()
            .and_then(|b| Base64::decode_vec(b).ok())
            .filter(|bytes| !bytes.is_empty())
            .map(|bytes| bytes.len() as u64)
            .ok_or_else(|| "not base64".into()),
        Types => tokens
            .iter()
            .try_fold(0, |n, t| type_number(t).map(|_| n + 1)),
    }
}

/// Checks across fields: digests of the length their type makes, and DNSKEY's fixed protocol.
fn consistent(rtype: &str, values: &[u64]) -> Result<(), String> {
    let expected = match (rtype, values) {
        ("DS" | "CDS" | "TA" | "DLV", [_, _, digest_type, len]) => {
            // RFC 4034 §5.1.4 (SHA-1), RFC 4509 (SHA-256), RFC 5933 (GOST), RFC 6605 (SHA-384).
            let wanted = match digest_type {
                1 => 20,
                2 | 3 => 32,
                4 => 48,
                _ => return Ok(()),
            };
            Some(("digest", *len, wanted))
        }
        ("ZONEMD", [_, _, algorithm, len]) => {
            // RFC 8976 §5.3: SHA-384 and SHA-512.
            let wanted = match algorithm {
                1 => 48,
                2 => 64,
                _ => return Ok(()),
            };
            Some(("digest", *len, wanted))
        }
        ("DNSKEY" | "CDNSKEY", [_, protocol, ..]) if *protocol != 3 => {
            return Err(format!(
                "{rtype} protocol {protocol} is not 3 (RFC 4034 §2.1.2)"
            ));
        }
        _ => None,
    };
    match expected {
        Some((what, len, wanted)) if len != wanted => Err(format!(
            "{rtype} {what} is {len} bytes, not the {wanted} of its type"
        )),
        _ => Ok(()),
    }
}

fn decimal(text: &str, max: u32) -> Option<u64> {
    let plain = !text.is_empty() && text.len() <= 10 && text.bytes().all(|b| b.is_ascii_digit());
    let n: u64 = plain.then(|| text.parse().ok()).flatten()?;
    (n <= u64::from(max)).then_some(n)
}

/// DNSSEC algorithm mnemonics (IANA "DNS Security Algorithm Numbers").
const ALGORITHMS: &[(&str, u64)] = &[
    ("RSAMD5", 1),
    ("DH", 2),
    ("DSA", 3),
    ("RSASHA1", 5),
    ("DSA-NSEC3-SHA1", 6),
    ("RSASHA1-NSEC3-SHA1", 7),
    ("RSASHA256", 8),
    ("RSASHA512", 10),
    ("ECC-GOST", 12),
    ("ECDSAP256SHA256", 13),
    ("ECDSAP384SHA384", 14),
    ("ED25519", 15),
    ("ED448", 16),
    ("SM2SM3", 17),
    ("ECC-GOST12", 23),
    ("INDIRECT", 252),
    ("PRIVATEDNS", 253),
    ("PRIVATEOID", 254),
];

fn algorithm(text: &str) -> Option<u64> {
    let named = ALGORITHMS
        .iter()
        .find(|(m, _)| m.eq_ignore_ascii_case(text));
    named.map(|&(_, n)| n).or_else(|| decimal(text, U8))
}

fn type_number(token: &Token) -> Result<u64, String> {
    let text = std::str::from_utf8(&token.text).unwrap_or("");
    rrtype::number(text)
        .map(u64::from)
        .ok_or_else(|| format!("{} is not a record type", show(token.raw)))
}

/// `YYYYMMDDHHmmSS` (a real date and time) or a number of seconds that fits 32 bits.
fn time(text: &str) -> bool {
    if text.len() != 14 {
        return decimal(text, u32::MAX).is_some();
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let part = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(u32::MAX);
    let (year, month, day) = (part(0..4), part(4..6), part(6..8));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day) && part(8..10) < 24 && part(10..12) < 60 && part(12..14) < 60
}

/// The byte length of an even number of hex digits.
fn hex(digits: &[u8]) -> Option<u64> {
    let valid = digits.len().is_multiple_of(2) && digits.iter().all(u8::is_ascii_hexdigit);
    valid.then_some(digits.len() as u64 / 2)
}

/// The byte length of base32hex text without padding: 1 to 255 bytes (RFC 5155 §3.3).
fn base32hex(text: &[u8]) -> Option<u64> {
    let alphabet = |b: &u8| matches!(b.to_ascii_uppercase(), b'0'..=b'9' | b'A'..=b'V');
    // A final group of 8 characters holds 5 bytes; 1, 3 or 6 characters hold no whole byte.
    let whole = !matches!(text.len() % 8, 1 | 3 | 6);
    let bytes = text.len() as u64 * 5 / 8;
    (whole && text.iter().all(alphabet) && (1..=255).contains(&bytes)).then_some(bytes)
}
