//! The few DER primitives (ITU-T X.690) certificates are read with: one element (tag, length,
//! contents), the elements inside a constructed one, OBJECT IDENTIFIERs as dotted decimal, and
//! the OID and parameters of an AlgorithmIdentifier (RFC 5280 §4.1.1.2). Malformed input yields
//! `None` or an empty value, never a panic.

/// OBJECT IDENTIFIER.
const OID: u8 = 0x06;

/// A DER element: its tag and contents.
#[derive(Debug, Clone, Copy)]
pub struct Element<'a> {
    pub tag: u8,
    pub body: &'a [u8],
}

/// Reads one element off the front of `input`; the rest follows it.
pub fn element(input: &[u8]) -> Option<(Element<'_>, &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, mut rest) = rest.split_first()?;
    let len = if first < 0x80 {
        usize::from(first)
    } else {
        // Long form: the low bits count the length octets; four are plenty for a certificate.
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let (octets, after) = rest.split_at(count);
        rest = after;
        octets
            .iter()
            .fold(0usize, |n, &b| (n << 8) | usize::from(b))
    };
    if rest.len() < len {
        return None;
    }
    let (body, rest) = rest.split_at(len);
    Some((Element { tag, body }, rest))
}

/// The elements inside a constructed element's contents, in order.
pub fn children(mut body: &[u8]) -> Vec<Element<'_>> {
    let mut out = Vec::new();
    while let Some((e, rest)) = element(body) {
        out.push(e);
        body = rest;
    }
    out
}

/// The OID of an AlgorithmIdentifier (RFC 5280 §4.1.1.2), dotted; empty when malformed.
pub fn algorithm_oid(algorithm: &[u8]) -> String {
    children(algorithm)
        .first()
        .filter(|e| e.tag == OID)
        .map(|e| oid_text(e.body))
        .unwrap_or_default()
}

/// The parameters of an AlgorithmIdentifier when they are an OID (a named curve).
pub fn algorithm_parameter_oid(algorithm: &[u8]) -> Option<String> {
    children(algorithm)
        .get(1)
        .filter(|e| e.tag == OID)
        .map(|e| oid_text(e.body))
}

/// An OBJECT IDENTIFIER's contents as dotted decimal (X.690 §8.19); the first octets hold the
/// first two arcs together.
pub fn oid_text(body: &[u8]) -> String {
    let mut arcs: Vec<u64> = Vec::new();
    let mut value: u64 = 0;
    for &b in body {
        // More than 9 groups of 7 bits would overflow; no algorithm OID has such an arc.
        value = value.saturating_mul(128) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            arcs.push(value);
            value = 0;
        }
    }
    let Some((&first, rest)) = arcs.split_first() else {
        return String::new();
    };
    let (a, b) = match first {
        0..40 => (0, first),
        40..80 => (1, first - 40),
        _ => (2, first - 80),
    };
    std::iter::once(a)
        .chain(std::iter::once(b))
        .chain(rest.iter().copied())
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oids_read_as_dotted_decimal() {
        assert_eq!(
            oid_text(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]),
            "1.2.840.113549.1.1.11"
        );
        assert_eq!(oid_text(&[0x2b, 0x65, 0x70]), "1.3.101.112");
        assert_eq!(oid_text(&[0x88, 0x37, 0x01]), "2.999.1");
        assert_eq!(oid_text(&[]), "");
    }
}
