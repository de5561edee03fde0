//! A DKIM private key read from PEM for signing (RFC 6376 §3.3, RFC 8463 §4, RFC 5958,
//! RFC 8017 Appendix A.1.2): PKCS#8 (`PRIVATE KEY`, RSA or Ed25519, as `dkim keygen` and
//! OpenSSL write them) or PKCS#1 (`RSA PRIVATE KEY`).

use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::der::{Decode, pem};
use rsa::pkcs8::{DecodePrivateKey, PrivateKeyInfoRef};
use rsa::traits::PublicKeyParts;

use crate::dkim::KeyType;
use crate::dkim::key::{ED25519_OID, KeyError, RSA_OID};
use crate::dkim::lints::RSA_MIN_BITS;

/// A private key that can sign.
pub enum SigningKey {
    Rsa(Box<rsa::PrivateKey>),
    Ed25519(Box<ed25519_dalek::SigningKey>),
}

impl SigningKey {
    /// Reads a PEM private key; RSA keys under 1024 bits are refused (RFC 8301 §3.2).
    pub fn from_pem(text: &str) -> Result<Self, KeyError> {
        let label = pem::decode_label(text.as_bytes()).map_err(|e| KeyError::Pem(e.to_string()))?;
        let private = |e: &dyn std::fmt::Display| KeyError::PrivateKey(e.to_string());
        let key = match label {
            "RSA PRIVATE KEY" => Self::Rsa(Box::new(
                rsa::PrivateKey::from_pkcs1_pem(text).map_err(|e| private(&e))?,
            )),
            "PRIVATE KEY" => {
                let (_, der) = pem::decode_vec(text.as_bytes()).map_err(|e| private(&e))?;
                let info = PrivateKeyInfoRef::from_der(&der).map_err(|e| private(&e))?;
                let oid = info.algorithm.oid;
                if oid == RSA_OID {
                    Self::Rsa(Box::new(
                        rsa::PrivateKey::from_pkcs8_der(&der).map_err(|e| private(&e))?,
                    ))
                } else if oid == ED25519_OID {
                    Self::Ed25519(Box::new(
                        ed25519_dalek::SigningKey::from_pkcs8_der(&der).map_err(|e| private(&e))?,
                    ))
                } else {
                    return Err(KeyError::PrivateKey(format!(
                        "a key of algorithm {oid}, neither RSA nor Ed25519"
                    )));
                }
            }
            other => {
                return Err(KeyError::Pem(format!(
                    "its label is {}; expected PRIVATE KEY (PKCS#8) or RSA PRIVATE KEY (PKCS#1)",
                    crate::sanitize::quoted(other)
                )));
            }
        };
        if let Self::Rsa(rsa) = &key
            && rsa.size() * 8 < RSA_MIN_BITS
        {
            return Err(KeyError::PrivateKey(format!(
                "the RSA key has {} bits; verifiers refuse keys under {RSA_MIN_BITS} (RFC 8301)",
                rsa.size() * 8
            )));
        }
        Ok(key)
    }

    pub fn key_type(&self) -> KeyType {
        match self {
            Self::Rsa(_) => KeyType::Rsa,
            Self::Ed25519(_) => KeyType::Ed25519,
        }
    }

    /// Signs the SHA-256 `hash` of the header data (RSASSA-PKCS1-v1_5, or Ed25519 over the
    /// hash: RFC 8463 §3).
    pub fn sign(&self, hash: &[u8; 32]) -> Result<Vec<u8>, String> {
        match self {
            Self::Rsa(key) => key
                .sign(rsa::Pkcs1v15Sign::new::<rsa::sha2::Sha256>(), hash)
                .map_err(|e| format!("cannot sign with the RSA key: {e}")),
            Self::Ed25519(key) => {
                use ed25519_dalek::Signer;
                Ok(key.sign(hash).to_bytes().to_vec())
            }
        }
    }
}
