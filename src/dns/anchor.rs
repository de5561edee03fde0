//! Trust anchors from a file (`--trust-anchor`): DNSKEY or DS records in zone-file form
//! (RFC 4034 §2.2, §5.3; RFC 7958's DS form of the root anchor), for private roots, lab zones
//! and tests. Without a file, hickory's built-in root anchors (KSK-2017 and KSK-2024) apply.

use std::path::Path;

use base64ct::{Base64, Encoding};
use hickory_proto::dnssec::rdata::{DNSKEY, DS};
use hickory_proto::dnssec::{Algorithm, DigestType, PublicKeyBuf};
use hickory_proto::rr::Name;

/// At most this many anchors are read from one file.
const MAX_ANCHORS: usize = 64;

/// One anchor as written.
#[derive(Debug, Clone)]
pub enum Anchor {
    Dnskey(Name, DNSKEY),
    Ds(Name, DS),
}

impl Anchor {
    pub fn name(&self) -> &Name {
        match self {
            Self::Dnskey(name, _) | Self::Ds(name, _) => name,
        }
    }
}

/// Reads the anchors in `path`: one record a line (`;` starts a comment), parentheses joining
/// lines as in zone files.
pub fn read_anchors(path: &Path) -> Result<Vec<Anchor>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the trust anchor file {}: {e}", path.display()))?;
    let anchors =
        parse_anchors(&text).map_err(|e| format!("trust anchor file {}: {e}", path.display()))?;
    if anchors.is_empty() {
        return Err(format!(
            "trust anchor file {} holds no DNSKEY or DS record",
            path.display()
        ));
    }
    Ok(anchors)
}

fn parse_anchors(text: &str) -> Result<Vec<Anchor>, String> {
    let mut anchors = Vec::new();
    for (number, record) in records(text).into_iter().enumerate() {
        if anchors.len() == MAX_ANCHORS {
            return Err(format!("more than {MAX_ANCHORS} anchors"));
        }
        let anchor = parse_record(&record).map_err(|e| format!("record {}: {e}", number + 1))?;
        anchors.push(anchor);
    }
    Ok(anchors)
}

/// The file's records as token lists: comments removed, parenthesised groups joined.
fn records(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let line = line.split(';').next().unwrap_or("");
        let spaced = line.replace('(', " ( ").replace(')', " ) ");
        for token in spaced.split_whitespace() {
            match token {
                "(" => open = true,
                ")" => open = false,
                t => current.push(t.to_string()),
            }
        }
        if !open && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn parse_record(tokens: &[String]) -> Result<Anchor, String> {
    let (owner, rest) = tokens.split_first().ok_or("empty record")?;
    let name = Name::from_ascii(owner).map_err(|e| format!("owner {owner:?}: {e}"))?;
    let mut name = name;
    name.set_fqdn(true);
    // TTL and class are optional and may come in either order.
    let start = rest
        .iter()
        .position(|t| t.eq_ignore_ascii_case("DNSKEY") || t.eq_ignore_ascii_case("DS"))
        .ok_or("not a DNSKEY or DS record")?;
    let (rtype, data) = (&rest[start], &rest[start + 1..]);
    let number = |i: usize, what: &str| -> Result<u16, String> {
        data.get(i)
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| format!("{what} is missing or not a number"))
    };
    let byte = |i: usize, what: &str| -> Result<u8, String> {
        u8::try_from(number(i, what)?).map_err(|_| format!("{what} is over 255"))
    };
    if rtype.eq_ignore_ascii_case("DNSKEY") {
        let flags = number(0, "flags")?;
        if byte(1, "protocol")? != 3 {
            return Err("a DNSKEY's protocol is 3 (RFC 4034 §2.1.2)".into());
        }
        let algorithm = Algorithm::from_u8(byte(2, "algorithm")?);
        let key = Base64::decode_vec(&data.get(3..).unwrap_or_default().concat())
            .map_err(|_| "the public key is not base64".to_string())?;
        if key.is_empty() {
            return Err("the public key is missing".into());
        }
        let dnskey = DNSKEY::with_flags(flags, PublicKeyBuf::new(key, algorithm));
        Ok(Anchor::Dnskey(name, dnskey))
    } else {
        let tag = number(0, "key tag")?;
        let algorithm = Algorithm::from_u8(byte(1, "algorithm")?);
        let digest_type = DigestType::from(byte(2, "digest type")?);
        let digest = crate::hex::decode(data.get(3..).unwrap_or_default().concat().as_bytes())
            .filter(|d| !d.is_empty())
            .ok_or("the digest is not hexadecimal")?;
        Ok(Anchor::Ds(
            name,
            DS::new(tag, algorithm, digest_type, digest),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dnskey_and_ds_lines_are_read_with_comments_and_parentheses() {
        let text = "; the lab root\n. 3600 IN DNSKEY 257 3 13 (\n  mdsswUyr3DPW132mOi8V9xESWE8jTo0d\n  xCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ== )\n\
                    example. IN DS 12345 13 2 ABCDEF0123\n";
        let anchors = parse_anchors(text).unwrap();
        assert_eq!(anchors.len(), 2);
        assert!(matches!(&anchors[0], Anchor::Dnskey(n, k) if n.is_root() && k.flags() == 257));
        assert!(
            matches!(&anchors[1], Anchor::Ds(n, ds) if n.to_ascii() == "example." && ds.key_tag() == 12345)
        );
    }

    #[test]
    fn bad_lines_are_one_line_errors() {
        for bad in [
            ". DNSKEY 257 3 13 !!!",
            ". DNSKEY 257 2 13 AAAA",
            ". IN A 192.0.2.1",
            ". DS 1 13 2 XYZ",
            ". DS 1 13",
        ] {
            let e = parse_anchors(bad).unwrap_err();
            assert!(!e.contains('\n'), "{e}");
        }
    }
}
