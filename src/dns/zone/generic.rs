//! RFC 3597 §5's generic form of record data, `\# length hex`, which any type may be written in
//! (tools write it for the types they do not know, such as BIND's private TYPE65534): read for
//! every type, and decoded into the audit's own data for the types it asks for.

use std::net::{Ipv4Addr, Ipv6Addr};

use hickory_proto::rr::Name;

use super::Data;
use super::lexer::Token;
use super::lexer::show;
use crate::dns::name::canonical;
use crate::dns::{Rdata, RecordType, Txt};

/// Whether `rdata` is in the generic form: its first field is `\#`, unquoted.
pub(super) fn is_generic(rdata: &[&Token]) -> bool {
    rdata.first().is_some_and(|t| !t.quoted && t.raw == b"\\#")
}

/// The bytes of generic data: `rdata` is what follows `\#`, the length and the hex digits (in
/// as many fields as the writer liked).
pub(super) fn bytes(rdata: &[&Token]) -> Result<Vec<u8>, String> {
    let Some((length, digits)) = rdata.split_first() else {
        return Err("\\# needs the length of the data".into());
    };
    let length = std::str::from_utf8(&length.text)
        .ok()
        .filter(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|l| l.parse::<u16>().ok())
        .ok_or_else(|| format!("\\# length {} is not 0-65535", show(length.raw)))?;
    let hex_digits: Vec<u8> = digits.iter().flat_map(|t| t.text.clone()).collect();
    let bytes = crate::hex::decode(&hex_digits)
        .filter(|_| !digits.iter().any(|t| t.quoted))
        .ok_or("\\# data is not an even number of hex digits")?;
    if bytes.len() != usize::from(length) {
        return Err(format!(
            "\\# announces {length} bytes but holds {}",
            bytes.len()
        ));
    }
    Ok(bytes)
}

/// What a record of `rtype` (a registry mnemonic, or `TYPEnnn`) with these wire bytes adds.
pub(super) fn data(rtype: &str, wire: &[u8]) -> Result<Data, String> {
    let rr = |rtype, rdata| Ok(Data::Rdata(rtype, rdata));
    let size = |n: usize| {
        (wire.len() == n)
            .then_some(())
            .ok_or_else(|| format!("{rtype} data is {n} bytes, not {}", wire.len()))
    };
    match rtype {
        "A" => {
            size(4)?;
            rr(RecordType::A, Rdata::A(Ipv4Addr::from(array(wire))))
        }
        "AAAA" => {
            size(16)?;
            rr(RecordType::Aaaa, Rdata::Aaaa(Ipv6Addr::from(array(wire))))
        }
        "TXT" | "SPF" => {
            let kind = if rtype == "TXT" {
                RecordType::Txt
            } else {
                RecordType::Spf
            };
            rr(kind, Rdata::Txt(character_strings(rtype, wire)?))
        }
        "MX" => {
            let (preference, exchange) = numbers_then_name::<1>(rtype, wire)?;
            let [preference] = preference;
            rr(
                RecordType::Mx,
                Rdata::Mx {
                    preference,
                    exchange,
                },
            )
        }
        "SRV" => {
            let ([priority, weight, port], target) = numbers_then_name::<3>(rtype, wire)?;
            let srv = Rdata::Srv {
                priority,
                weight,
                port,
                target,
            };
            rr(RecordType::Srv, srv)
        }
        "PTR" => rr(RecordType::Ptr, Rdata::Ptr(only_name(rtype, wire)?)),
        "CNAME" => Ok(Data::Cname(only_name(rtype, wire)?)),
        "TLSA" if wire.len() < 3 => Err(format!("TLSA data is {} bytes, under 3", wire.len())),
        "TLSA" => rr(RecordType::Tlsa, Rdata::Tlsa(wire.to_vec())),
        _ => Ok(Data::Other),
    }
}

fn array<const N: usize>(wire: &[u8]) -> [u8; N] {
    let mut out = [0; N];
    out.copy_from_slice(wire);
    out
}

/// TXT's length-prefixed character-strings (RFC 1035 §3.3.14): at least one, filling the data.
fn character_strings(rtype: &str, mut wire: &[u8]) -> Result<Txt, String> {
    let mut strings = Vec::new();
    while let Some((&len, rest)) = wire.split_first() {
        let len = usize::from(len);
        let string = rest
            .get(..len)
            .ok_or_else(|| format!("{rtype} data ends inside a character-string"))?;
        strings.push(string.to_vec());
        wire = &rest[len..];
    }
    if strings.is_empty() {
        return Err(format!("{rtype} has no strings"));
    }
    Ok(Txt { strings })
}

/// `N` 16-bit numbers and then a domain name filling the rest (MX, SRV).
fn numbers_then_name<const N: usize>(
    rtype: &str,
    wire: &[u8],
) -> Result<([u16; N], String), String> {
    let short = || format!("{rtype} data is too short");
    let numbers = wire.get(..2 * N).ok_or_else(short)?;
    let mut out = [0u16; N];
    for (n, pair) in out.iter_mut().zip(numbers.chunks(2)) {
        *n = u16::from_be_bytes([pair[0], pair[1]]);
    }
    Ok((out, only_name(rtype, &wire[2 * N..])?))
}

/// A domain name in uncompressed wire format (RFC 1035 §3.1) that fills `wire` exactly,
/// canonical as the zone's other names are. Generic data cannot be compressed (RFC 3597 §4).
fn only_name(rtype: &str, wire: &[u8]) -> Result<String, String> {
    let bad = |why: &str| format!("{rtype} data: the domain name {why}");
    let mut labels: Vec<&[u8]> = Vec::new();
    let mut rest = wire;
    loop {
        let (&len, tail) = rest.split_first().ok_or_else(|| bad("is not ended"))?;
        if len == 0 {
            rest = tail;
            break;
        }
        if len > 63 {
            return Err(bad(
                "has a label longer than 63 bytes or a compression pointer",
            ));
        }
        let label = tail
            .get(..usize::from(len))
            .ok_or_else(|| bad("is cut short"))?;
        labels.push(label);
        rest = &tail[usize::from(len)..];
    }
    if !rest.is_empty() {
        return Err(format!("{rtype} data goes on after the domain name"));
    }
    let name = Name::from_labels(labels).map_err(|e| bad(&format!("is invalid: {e}")))?;
    Ok(canonical(&name.to_ascii()))
}
