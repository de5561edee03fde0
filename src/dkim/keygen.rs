//! DKIM key generation (RFC 6376 §3.6.1, RFC 8301 §3.2, RFC 8463 §4): a new RSA or Ed25519 key
//! pair from the operating system's random source, the private key as unencrypted PKCS#8 PEM,
//! and the key record to publish, as text and as a zone-file line of character-strings of at
//! most 255 bytes (RFC 1035 §3.3). Pure: nothing is written here; the command writes the files.

use base64ct::{Base64, Encoding};
use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
use serde::Serialize;

use super::key::{PublicKeyData, rsa_public_data};
use super::lints::STRING_SIZE_LIMIT;
use super::{KeyType, Selector};

/// RSA sizes offered: 1024 is the least verifiers accept (RFC 8301), 2048 the default.
pub const RSA_BITS: &[usize] = &[1024, 2048, 3072, 4096];
pub const DEFAULT_RSA_BITS: usize = 2048;

#[derive(Debug, thiserror::Error)]
pub enum KeygenError {
    #[error("RSA keys of {0} bits are not offered; choose 1024, 2048, 3072 or 4096")]
    Bits(usize),
    #[error("cannot generate the RSA key: {0}")]
    Rsa(String),
    #[error("cannot read random bytes from the operating system: {0}")]
    Random(String),
    #[error("cannot encode the key: {0}")]
    Encode(String),
}

/// A freshly generated private key.
pub enum PrivateKey {
    Rsa(Box<rsa::PrivateKey>),
    Ed25519(Box<ed25519_dalek::SigningKey>),
}

impl PrivateKey {
    /// A new key: RSA of `bits` (one of [`RSA_BITS`]), or Ed25519 (`bits` ignored).
    pub fn generate(algorithm: KeyType, bits: usize) -> Result<Self, KeygenError> {
        match algorithm {
            KeyType::Rsa => {
                if !RSA_BITS.contains(&bits) {
                    return Err(KeygenError::Bits(bits));
                }
                let key = rsa::PrivateKey::new(&mut getrandom::SysRng, bits)
                    .map_err(|e| KeygenError::Rsa(e.to_string()))?;
                Ok(Self::Rsa(Box::new(key)))
            }
            KeyType::Ed25519 => {
                let mut secret = [0u8; 32];
                getrandom::fill(&mut secret).map_err(|e| KeygenError::Random(e.to_string()))?;
                let key = ed25519_dalek::SigningKey::from_bytes(&secret);
                secret.fill(0);
                Ok(Self::Ed25519(Box::new(key)))
            }
        }
    }

    pub fn algorithm(&self) -> KeyType {
        match self {
            Self::Rsa(_) => KeyType::Rsa,
            Self::Ed25519(_) => KeyType::Ed25519,
        }
    }

    /// Unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), zeroed when dropped.
    pub fn to_pkcs8_pem(&self) -> Result<rsa::pkcs8::der::zeroize::Zeroizing<String>, KeygenError> {
        let encoded = match self {
            Self::Rsa(key) => key.to_pkcs8_pem(LineEnding::LF),
            // Version 1 PKCS#8, without the optional public key of RFC 5958's version 2:
            // OpenSSL 3.0, which OpenDKIM and Rspamd load keys with, refuses version 2.
            Self::Ed25519(key) => ed25519_dalek::pkcs8::KeypairBytes {
                secret_key: key.to_bytes(),
                public_key: None,
            }
            .to_pkcs8_pem(LineEnding::LF),
        };
        encoded.map_err(|e| KeygenError::Encode(e.to_string()))
    }

    pub fn public_data(&self) -> PublicKeyData {
        match self {
            Self::Rsa(key) => rsa_public_data(key.as_public_key()),
            Self::Ed25519(key) => PublicKeyData::Ed25519(key.verifying_key().to_bytes()),
        }
    }

    /// The value of `p=`: SubjectPublicKeyInfo for RSA, the raw 32 bytes for Ed25519, base64.
    pub fn p_value(&self) -> Result<String, KeygenError> {
        let der = match self {
            Self::Rsa(key) => key
                .as_public_key()
                .to_public_key_der()
                .map_err(|e| KeygenError::Encode(e.to_string()))?
                .into_vec(),
            Self::Ed25519(key) => key.verifying_key().to_bytes().to_vec(),
        };
        Ok(Base64::encode_string(&der))
    }
}

/// The value of `p=` for a public key: SubjectPublicKeyInfo for RSA, the raw key for Ed25519.
pub fn p_value_of(key: &PublicKeyData) -> Result<String, KeygenError> {
    let der = match key {
        PublicKeyData::Rsa { modulus, exponent } => {
            let uint = |bytes: &[u8]| {
                let bits = u32::try_from(bytes.len() * 8).unwrap_or(u32::MAX);
                rsa::BoxedUint::from_be_slice(bytes, bits)
                    .map_err(|e| KeygenError::Encode(e.to_string()))
            };
            let encode = |e: &dyn std::fmt::Display| KeygenError::Encode(e.to_string());
            rsa::PublicKey::new(uint(modulus)?, uint(exponent)?)
                .map_err(|e| encode(&e))?
                .to_public_key_der()
                .map_err(|e| encode(&e))?
                .into_vec()
        }
        PublicKeyData::Ed25519(raw) => raw.to_vec(),
    };
    Ok(Base64::encode_string(&der))
}

/// The optional tags of a generated record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordOptions {
    /// `t=y`.
    pub testing: bool,
    /// `h=`, e.g. `sha256`.
    pub hash: Option<String>,
    /// `s=`, e.g. `email`.
    pub service: Option<String>,
}

/// The key record's text: `v=DKIM1; k=...; [h=; s=; t=y; ]p=...`.
pub fn record_value(algorithm: KeyType, p: &str, options: &RecordOptions) -> String {
    let mut tags = vec!["v=DKIM1".to_string(), format!("k={algorithm}")];
    if let Some(h) = &options.hash {
        tags.push(format!("h={h}"));
    }
    if let Some(s) = &options.service {
        tags.push(format!("s={s}"));
    }
    if options.testing {
        tags.push("t=y".into());
    }
    tags.push(format!("p={p}"));
    tags.join("; ")
}

/// The record that revokes a key: the same type with an empty `p=` (RFC 6376 §3.6.1).
pub fn revocation_value(algorithm: KeyType) -> String {
    record_value(algorithm, "", &RecordOptions::default())
}

/// `value` cut into character-strings of at most 255 bytes. The record is ASCII, so every cut
/// is between characters; verifiers join the strings without separators.
pub fn split_strings(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = value;
    while rest.len() > STRING_SIZE_LIMIT {
        let mut cut = STRING_SIZE_LIMIT;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push(rest[..cut].to_string());
        rest = &rest[cut..];
    }
    out.push(rest.to_string());
    out
}

/// A record ready to publish.
#[derive(Debug, Clone, Serialize)]
pub struct TxtRecord {
    /// `selector._domainkey.domain`.
    pub name: String,
    pub value: String,
    /// `value` as character-strings of at most 255 bytes.
    pub strings: Vec<String>,
    /// `name. IN TXT ( "..." "..." )`, for a zone file.
    pub zone_line: String,
}

impl TxtRecord {
    pub fn new(selector: &Selector, domain: &str, value: String) -> Self {
        let name = selector.record_name(domain);
        let strings = split_strings(&value);
        let quoted: Vec<String> = strings.iter().map(|s| format!("\"{s}\"")).collect();
        let zone_line = format!("{name}. IN TXT ( {} )", quoted.join(" "));
        Self {
            name,
            value,
            strings,
            zone_line,
        }
    }
}

/// `dkim keygen`: what was generated and where it was written.
#[derive(Debug, Clone, Serialize)]
pub struct KeygenReport {
    pub domain: String,
    pub selector: String,
    pub algorithm: KeyType,
    pub bits: usize,
    pub record: TxtRecord,
    /// The private key, PKCS#8 PEM, mode 0600.
    pub key_file: String,
    /// The zone-file line.
    pub txt_file: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_255_bytes_and_builds_the_zone_line() {
        let value = format!("v=DKIM1; k=rsa; p={}", "A".repeat(600));
        let strings = split_strings(&value);
        assert_eq!(
            strings.iter().map(String::len).collect::<Vec<_>>(),
            [255, 255, 108]
        );
        assert_eq!(strings.concat(), value);
        let record = TxtRecord::new(
            &Selector::new("s1").unwrap(),
            "example.com",
            "v=DKIM1; p=".into(),
        );
        assert_eq!(
            record.zone_line,
            "s1._domainkey.example.com. IN TXT ( \"v=DKIM1; p=\" )"
        );
        assert_eq!(revocation_value(KeyType::Ed25519), "v=DKIM1; k=ed25519; p=");
        let options = RecordOptions {
            testing: true,
            hash: Some("sha256".into()),
            service: Some("email".into()),
        };
        assert_eq!(
            record_value(KeyType::Rsa, "AB", &options),
            "v=DKIM1; k=rsa; h=sha256; s=email; t=y; p=AB"
        );
    }
}
