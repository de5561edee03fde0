//! Names of the algorithms a certificate uses (RFC 3279, RFC 4055, RFC 5480, RFC 5758,
//! RFC 8410): the public key's type and size, and the signature algorithm, as people read them;
//! and which of them senders no longer accept (SHA-1 and MD5 signatures, RSA below 2048 bits —
//! CA/Browser Forum Baseline Requirements §6.1.5, §7.1.3).

use super::der::{Element, algorithm_oid, algorithm_parameter_oid, children};

/// Signature algorithms by OID.
const SIGNATURES: &[(&str, &str)] = &[
    ("1.2.840.113549.1.1.2", "md2WithRSAEncryption"),
    ("1.2.840.113549.1.1.4", "md5WithRSAEncryption"),
    ("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
    ("1.2.840.113549.1.1.10", "rsassa-pss"),
    ("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"),
    ("1.2.840.113549.1.1.12", "sha384WithRSAEncryption"),
    ("1.2.840.113549.1.1.13", "sha512WithRSAEncryption"),
    ("1.2.840.113549.1.1.14", "sha224WithRSAEncryption"),
    ("1.2.840.10045.4.1", "ecdsa-with-SHA1"),
    ("1.2.840.10045.4.3.1", "ecdsa-with-SHA224"),
    ("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"),
    ("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
    ("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
    ("1.2.840.10040.4.3", "dsa-with-sha1"),
    ("1.3.101.112", "Ed25519"),
    ("1.3.101.113", "Ed448"),
];

/// Named curves by OID, with their size in bits.
const CURVES: &[(&str, &str, u32)] = &[
    ("1.2.840.10045.3.1.7", "P-256", 256),
    ("1.3.132.0.34", "P-384", 384),
    ("1.3.132.0.35", "P-521", 521),
];

/// The smallest RSA key senders and CAs accept.
pub const MIN_RSA_BITS: u32 = 2048;

/// The name of a signature algorithm, or its OID when unknown.
pub fn signature_name(oid: &str) -> String {
    SIGNATURES
        .iter()
        .find(|(o, _)| *o == oid)
        .map_or_else(|| oid.to_string(), |(_, name)| (*name).to_string())
}

/// Whether a signature algorithm (as named by [`signature_name`]) rests on a broken hash.
pub fn weak_signature(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains("sha1") || lower.starts_with("md5") || lower.starts_with("md2")
}

/// A SubjectPublicKeyInfo's key type and size in bits.
pub(super) fn public_key(spki: &[u8]) -> (String, Option<u32>) {
    let parts = children(spki);
    let (Some(algorithm), Some(key)) = (parts.first(), parts.get(1)) else {
        return (String::new(), None);
    };
    let oid = algorithm_oid(algorithm.body);
    match oid.as_str() {
        "1.2.840.113549.1.1.1" | "1.2.840.113549.1.1.10" => ("RSA".into(), rsa_bits(key)),
        "1.2.840.10045.2.1" => {
            let curve = algorithm_parameter_oid(algorithm.body).unwrap_or_default();
            match CURVES.iter().find(|(o, _, _)| *o == curve) {
                Some((_, name, bits)) => (format!("ECDSA {name}"), Some(*bits)),
                None => (format!("ECDSA {curve}"), None),
            }
        }
        "1.3.101.112" => ("Ed25519".into(), Some(256)),
        "1.3.101.113" => ("Ed448".into(), Some(456)),
        "1.2.840.10040.4.1" => ("DSA".into(), None),
        _ => (oid, None),
    }
}

/// The size of an RSA modulus: the RSAPublicKey (RFC 8017 §A.1.1) inside the BIT STRING.
fn rsa_bits(key: &Element<'_>) -> Option<u32> {
    // The first octet of a BIT STRING counts unused bits; a DER key uses whole octets.
    let der = key.body.get(1..)?;
    let sequence = *children(der).first()?;
    let modulus = *children(sequence.body).first()?;
    let digits: &[u8] = {
        let start = modulus.body.iter().position(|&b| b != 0)?;
        &modulus.body[start..]
    };
    let bytes = u32::try_from(digits.len()).ok()?;
    // `leading_zeros` of a u8 widened to u32 counts 24 bits that are not there.
    let top_bits = 32 - u32::from(digits[0]).leading_zeros();
    Some((bytes - 1) * 8 + top_bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_signature_algorithms_and_spots_the_weak_ones() {
        assert_eq!(
            signature_name("1.2.840.113549.1.1.5"),
            "sha1WithRSAEncryption"
        );
        assert_eq!(signature_name("1.2.3.4"), "1.2.3.4");
        assert!(weak_signature("sha1WithRSAEncryption"));
        assert!(weak_signature("ecdsa-with-SHA1"));
        assert!(weak_signature("md5WithRSAEncryption"));
        assert!(!weak_signature("sha256WithRSAEncryption"));
        assert!(!weak_signature("Ed25519"));
    }

    #[test]
    fn measures_rsa_moduli() {
        use rsa::pkcs8::EncodePublicKey;
        for bits in [1024usize, 2048] {
            let key = rsa::PrivateKey::new(&mut getrandom::SysRng, bits).unwrap();
            let spki = key.as_public_key().to_public_key_der().unwrap();
            let (outer, _) = super::super::der::element(spki.as_bytes()).unwrap();
            let (kind, size) = public_key(outer.body);
            assert_eq!(kind, "RSA");
            assert_eq!(size, Some(u32::try_from(bits).unwrap()));
        }
    }
}
