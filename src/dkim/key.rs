//! The public key of `p=` (RFC 6376 §3.6.1, RFC 8017 Appendix A.1.1, RFC 5280 §4.1.2.7,
//! RFC 8463 §4): base64 decoded, then read as what `k=` says it is. RSA keys are
//! SubjectPublicKeyInfo (what RFC 6376's examples and receivers use) or, as some generators
//! publish them, a bare PKCS#1 RSAPublicKey; Ed25519 keys are the raw 32 bytes. Decoded by hand
//! from DER (not through the RSA crate's key type) so that keys below the sizes it accepts can
//! still be measured and reported. Private keys from PEM files are read here too, to compare
//! their public half with what is published.

use base64ct::{Base64, Encoding};
use rsa::pkcs1::{DecodeRsaPrivateKey, RsaPublicKeyRef};
use rsa::pkcs8::der::{Decode, pem};
use rsa::pkcs8::{DecodePrivateKey, ObjectIdentifier, PrivateKeyInfoRef, SubjectPublicKeyInfoRef};
use rsa::traits::PublicKeyParts;
use serde::Serialize;

use super::KeyType;

/// rsaEncryption (RFC 8017 Appendix A.1).
pub const RSA_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// id-Ed25519 (RFC 8410 §3).
pub const ED25519_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
/// An Ed25519 public key (RFC 8032 §5.1.5).
pub const ED25519_KEY_BYTES: usize = 32;

/// How the key bytes of `p=` are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyEncoding {
    /// SubjectPublicKeyInfo (RFC 5280): what RSA keys should be published as.
    Spki,
    /// A bare RSAPublicKey (RFC 8017): accepted by some verifiers, not by others.
    Pkcs1,
    /// The raw key bytes, as RFC 8463 publishes Ed25519 keys.
    Raw,
}

/// A public key's essentials, for comparing a published key with a private key file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKeyData {
    /// Modulus and exponent, big-endian without leading zeros.
    Rsa {
        modulus: Vec<u8>,
        exponent: Vec<u8>,
    },
    Ed25519([u8; ED25519_KEY_BYTES]),
}

impl PublicKeyData {
    pub fn key_type(&self) -> KeyType {
        match self {
            Self::Rsa { .. } => KeyType::Rsa,
            Self::Ed25519(_) => KeyType::Ed25519,
        }
    }

    /// Key size in bits: the RSA modulus length, 256 for Ed25519.
    pub fn bits(&self) -> usize {
        match self {
            Self::Rsa { modulus, .. } => modulus.first().map_or(0, |first| {
                (modulus.len() - 1) * 8 + (8 - first.leading_zeros() as usize)
            }),
            Self::Ed25519(_) => ED25519_KEY_BYTES * 8,
        }
    }
}

/// A decoded `p=`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedKey {
    pub data: PublicKeyData,
    pub encoding: KeyEncoding,
}

/// Why `p=` could not be used as the key `k=` names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("p= is not valid base64: {0}")]
    Base64(String),
    #[error(
        "p= decodes to {len} bytes that are neither a SubjectPublicKeyInfo nor an RSAPublicKey: {detail}"
    )]
    Der { len: usize, detail: String },
    #[error("k={declared} but p= holds {found}")]
    Mismatch { declared: KeyType, found: String },
    #[error("the Ed25519 key is {len} bytes, not 32{hint}")]
    Ed25519Size { len: usize, hint: &'static str },
    #[error("the 32 bytes of p= are not an Ed25519 public key (not a point on the curve)")]
    Ed25519Point,
    #[error("the key file is not a PEM private key: {0}")]
    Pem(String),
    #[error("the key file's private key cannot be read: {0}")]
    PrivateKey(String),
}

/// Decodes `p` (white space already removed) as a key of type `declared`.
pub fn decode(declared: KeyType, p: &str) -> Result<DecodedKey, KeyError> {
    let bytes = Base64::decode_vec(p).map_err(|e| KeyError::Base64(e.to_string()))?;
    match declared {
        KeyType::Rsa => decode_rsa(&bytes),
        KeyType::Ed25519 => decode_ed25519(&bytes),
    }
}

fn decode_rsa(bytes: &[u8]) -> Result<DecodedKey, KeyError> {
    let mismatch = |found: &str| KeyError::Mismatch {
        declared: KeyType::Rsa,
        found: found.to_string(),
    };
    if let Ok(spki) = SubjectPublicKeyInfoRef::from_der(bytes) {
        let oid = spki.algorithm.oid;
        if oid == ED25519_OID {
            return Err(mismatch("an Ed25519 key (SubjectPublicKeyInfo)"));
        }
        if oid != RSA_OID {
            return Err(mismatch(&format!("a key of algorithm {oid}")));
        }
        let inner = spki.subject_public_key.raw_bytes();
        let rsa = RsaPublicKeyRef::from_der(inner).map_err(|e| KeyError::Der {
            len: bytes.len(),
            detail: format!("the RSAPublicKey inside the SubjectPublicKeyInfo: {e}"),
        })?;
        return Ok(rsa_key(&rsa, KeyEncoding::Spki));
    }
    match RsaPublicKeyRef::from_der(bytes) {
        Ok(rsa) => Ok(rsa_key(&rsa, KeyEncoding::Pkcs1)),
        Err(_) if bytes.len() == ED25519_KEY_BYTES => {
            Err(mismatch("32 bytes, the size of a raw Ed25519 key"))
        }
        Err(e) => Err(KeyError::Der {
            len: bytes.len(),
            detail: e.to_string(),
        }),
    }
}

fn rsa_key(rsa: &RsaPublicKeyRef<'_>, encoding: KeyEncoding) -> DecodedKey {
    DecodedKey {
        data: PublicKeyData::Rsa {
            modulus: trim(rsa.modulus.as_bytes()),
            exponent: trim(rsa.public_exponent.as_bytes()),
        },
        encoding,
    }
}

fn trim(bytes: &[u8]) -> Vec<u8> {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    bytes[start..].to_vec()
}

fn decode_ed25519(bytes: &[u8]) -> Result<DecodedKey, KeyError> {
    if let Ok(raw) = <[u8; ED25519_KEY_BYTES]>::try_from(bytes) {
        ed25519_dalek::VerifyingKey::from_bytes(&raw).map_err(|_| KeyError::Ed25519Point)?;
        return Ok(DecodedKey {
            data: PublicKeyData::Ed25519(raw),
            encoding: KeyEncoding::Raw,
        });
    }
    let spki = SubjectPublicKeyInfoRef::from_der(bytes).ok();
    match spki.map(|s| s.algorithm.oid) {
        Some(oid) if oid == ED25519_OID => Err(KeyError::Ed25519Size {
            len: bytes.len(),
            hint: "; it is wrapped in a SubjectPublicKeyInfo, RFC 8463 publishes the raw key",
        }),
        Some(oid) if oid == RSA_OID => Err(KeyError::Mismatch {
            declared: KeyType::Ed25519,
            found: "an RSA key (SubjectPublicKeyInfo)".into(),
        }),
        _ if RsaPublicKeyRef::from_der(bytes).is_ok() => Err(KeyError::Mismatch {
            declared: KeyType::Ed25519,
            found: "an RSA key (RSAPublicKey)".into(),
        }),
        _ => Err(KeyError::Ed25519Size {
            len: bytes.len(),
            hint: "",
        }),
    }
}

/// The public half of a private key in PEM: PKCS#8 (`PRIVATE KEY`, RSA or Ed25519) or PKCS#1
/// (`RSA PRIVATE KEY`).
pub fn public_half_of_pem(text: &str) -> Result<PublicKeyData, KeyError> {
    let label = pem::decode_label(text.as_bytes()).map_err(|e| KeyError::Pem(e.to_string()))?;
    let private = |e: &dyn std::fmt::Display| KeyError::PrivateKey(e.to_string());
    match label {
        "RSA PRIVATE KEY" => {
            let key = rsa::PrivateKey::from_pkcs1_pem(text).map_err(|e| private(&e))?;
            Ok(rsa_public_data(key.as_public_key()))
        }
        "PRIVATE KEY" => {
            let (_, der) = pem::decode_vec(text.as_bytes()).map_err(|e| private(&e))?;
            let info = PrivateKeyInfoRef::from_der(&der).map_err(|e| private(&e))?;
            let oid = info.algorithm.oid;
            if oid == RSA_OID {
                let key = rsa::PrivateKey::from_pkcs8_der(&der).map_err(|e| private(&e))?;
                Ok(rsa_public_data(key.as_public_key()))
            } else if oid == ED25519_OID {
                let key =
                    ed25519_dalek::SigningKey::from_pkcs8_der(&der).map_err(|e| private(&e))?;
                Ok(PublicKeyData::Ed25519(key.verifying_key().to_bytes()))
            } else {
                Err(KeyError::PrivateKey(format!(
                    "a key of algorithm {oid}, neither RSA nor Ed25519"
                )))
            }
        }
        other => Err(KeyError::Pem(format!(
            "its label is {}; expected PRIVATE KEY (PKCS#8) or RSA PRIVATE KEY (PKCS#1)",
            crate::sanitize::quoted(other)
        ))),
    }
}

pub fn rsa_public_data(key: &rsa::PublicKey) -> PublicKeyData {
    PublicKeyData::Rsa {
        modulus: trim(&key.n_bytes()),
        exponent: trim(&key.e_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6376 Appendix A's `brisbane` key (1024-bit RSA, SubjectPublicKeyInfo).
    pub(crate) const RFC6376_BRISBANE: &str = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB";
    /// RFC 8463 Appendix A's Ed25519 key (RFC 8032 §7.1 test 1).
    pub(crate) const RFC8463_BRISBANE: &str = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

    #[test]
    fn decodes_the_rfc_example_keys() {
        let rsa = decode(KeyType::Rsa, RFC6376_BRISBANE).unwrap();
        assert_eq!(rsa.encoding, KeyEncoding::Spki);
        assert_eq!(rsa.data.bits(), 1024);
        let PublicKeyData::Rsa { exponent, .. } = &rsa.data else {
            panic!()
        };
        assert_eq!(exponent, &[1, 0, 1]);
        let ed = decode(KeyType::Ed25519, RFC8463_BRISBANE).unwrap();
        assert_eq!(ed.encoding, KeyEncoding::Raw);
        assert_eq!(ed.data.bits(), 256);
    }

    #[test]
    fn a_bare_rsa_public_key_is_pkcs1() {
        // The SubjectPublicKeyInfo's BIT STRING holds the RSAPublicKey after its 22-byte header.
        let spki = Base64::decode_vec(RFC6376_BRISBANE).unwrap();
        let pkcs1 = Base64::encode_string(&spki[22..]);
        let key = decode(KeyType::Rsa, &pkcs1).unwrap();
        assert_eq!(key.encoding, KeyEncoding::Pkcs1);
        assert_eq!(
            key.data,
            decode(KeyType::Rsa, RFC6376_BRISBANE).unwrap().data
        );
    }

    #[test]
    fn says_why_a_key_cannot_be_used() {
        assert!(matches!(
            decode(KeyType::Rsa, "abc"),
            Err(KeyError::Base64(_))
        ));
        assert!(matches!(
            decode(KeyType::Rsa, "AAAA"),
            Err(KeyError::Der { .. })
        ));
        assert!(matches!(
            decode(KeyType::Rsa, RFC8463_BRISBANE),
            Err(KeyError::Mismatch { .. })
        ));
        assert!(matches!(
            decode(KeyType::Ed25519, RFC6376_BRISBANE),
            Err(KeyError::Mismatch { .. })
        ));
        // An Ed25519 SubjectPublicKeyInfo: 12 bytes of header, then the key.
        let mut spki = vec![
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
        ];
        spki.extend(Base64::decode_vec(RFC8463_BRISBANE).unwrap());
        let wrapped = Base64::encode_string(&spki);
        assert!(matches!(
            decode(KeyType::Ed25519, &wrapped),
            Err(KeyError::Ed25519Size { len: 44, .. })
        ));
        assert!(matches!(
            decode(KeyType::Rsa, &wrapped),
            Err(KeyError::Mismatch { .. })
        ));
    }
}
