//! Zone keys and signatures for the test DNS server's signed zones (RFC 4034 §2-§5, RFC 4035
//! §2.2): one key per zone, made at server start, its DNSKEY and DS, and RRSIGs over RRsets
//! within a chosen validity window.

use std::time::{SystemTime, UNIX_EPOCH};

use hickory_proto::dnssec::crypto::{Digest, EcdsaSigningKey, Ed25519SigningKey};
use hickory_proto::dnssec::rdata::{DNSKEY, DNSSECRData, DS, RRSIG, SigInput};
use hickory_proto::dnssec::{
    Algorithm, DigestType, DnsSecResult, PublicKey, PublicKeyBuf, SigningKey, TBS,
};
use hickory_proto::rr::{DNSClass, Name, RData, Record, SerialNumber};
use rsa::traits::PublicKeyParts;

/// The DNSSEC algorithm of a zone's key (RFC 8624 §3.1 lists which are current).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAlgorithm {
    /// 13, ECDSAP256SHA256: the default.
    EcdsaP256,
    /// 14, ECDSAP384SHA384.
    EcdsaP384,
    /// 15, ED25519.
    Ed25519,
    /// 8, RSASHA256 (a 1024-bit key, made with the `rsa` crate: ring cannot make RSA keys).
    RsaSha256,
    /// 5, RSASHA1: deprecated (RFC 8624 §3.1: MUST NOT sign); signed with the `rsa` crate
    /// since ring no longer signs with SHA-1.
    RsaSha1,
    /// A number validators cannot verify (e.g. 1 RSAMD5, 3 DSA, 12 ECC-GOST, 253 PRIVATEDNS): the
    /// key and signatures are P-256 ones labelled with this number, which a validator without
    /// the algorithm treats as unsigned (RFC 4035 §5.2, RFC 6840 §5.2).
    Unverifiable(u8),
}

impl KeyAlgorithm {
    pub fn number(self) -> u8 {
        u8::from(self.hickory())
    }

    #[allow(deprecated)]
    pub(super) fn hickory(self) -> Algorithm {
        match self {
            Self::Unverifiable(number) => Algorithm::from_u8(number),
            Self::EcdsaP256 => Algorithm::ECDSAP256SHA256,
            Self::EcdsaP384 => Algorithm::ECDSAP384SHA384,
            Self::Ed25519 => Algorithm::ED25519,
            Self::RsaSha256 => Algorithm::RSASHA256,
            Self::RsaSha1 => Algorithm::RSASHA1,
        }
    }
}

/// When the signatures of a zone are valid (RRSIG inception and expiration, RFC 4034 §3.1.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// From an hour ago to 30 days from now.
    Valid,
    /// From 30 days ago to 1 day ago: every signature has expired.
    Expired,
    /// From a day ago to an hour less than this many days from now: valid, expiring soon.
    ExpiringInDays(u32),
    /// From a day from now to 30 days from now: not valid yet.
    NotYetValid,
}

impl Window {
    /// (inception, expiration) in seconds since the epoch, as of now.
    fn bounds(self) -> (u32, u32) {
        const DAY: u64 = 86_400;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let (inception, expiration) = match self {
            Self::Valid => (now - 3600, now + 30 * DAY),
            Self::Expired => (now - 30 * DAY, now - DAY),
            Self::ExpiringInDays(days) => (now - DAY, now + u64::from(days) * DAY - 3600),
            Self::NotYetValid => (now + DAY, now + 30 * DAY),
        };
        // RRSIG times are 32-bit serial numbers (RFC 4034 §3.1.5): modulo 2^32.
        let serial = |t: u64| u32::try_from(t & u64::from(u32::MAX)).unwrap_or_default();
        (serial(inception), serial(expiration))
    }
}

/// A zone's only key (a combined signing key: flags 257, SEP set) and its DNSKEY.
pub struct ZoneKey {
    key: Box<dyn SigningKey>,
    pub(super) dnskey: DNSKEY,
    pub(super) tag: u16,
}

impl std::fmt::Debug for ZoneKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ZoneKey({} tag {})",
            self.dnskey.public_key().algorithm(),
            self.tag
        )
    }
}

impl ZoneKey {
    /// A fresh key of `algorithm`.
    pub fn generate(algorithm: KeyAlgorithm) -> ZoneKey {
        let key: Box<dyn SigningKey> = match algorithm {
            KeyAlgorithm::EcdsaP256 | KeyAlgorithm::EcdsaP384 => {
                let alg = algorithm.hickory();
                let pkcs8 = EcdsaSigningKey::generate_pkcs8(alg).expect("ECDSA key generation");
                Box::new(EcdsaSigningKey::from_pkcs8(&pkcs8, alg).expect("fresh ECDSA key"))
            }
            KeyAlgorithm::Ed25519 => {
                let pkcs8 = Ed25519SigningKey::generate_pkcs8().expect("Ed25519 key generation");
                Box::new(Ed25519SigningKey::from_pkcs8(&pkcs8).expect("fresh Ed25519 key"))
            }
            KeyAlgorithm::RsaSha256 | KeyAlgorithm::RsaSha1 => {
                Box::new(RsaKey::generate(algorithm))
            }
            KeyAlgorithm::Unverifiable(number) => Box::new(Relabelled {
                inner: Self::generate(KeyAlgorithm::EcdsaP256).key,
                algorithm: Algorithm::from_u8(number),
            }),
        };
        let public = key.to_public_key().expect("a public key");
        let dnskey = DNSKEY::new(true, true, false, public);
        let tag = dnskey.calculate_key_tag().expect("a key tag");
        ZoneKey { key, dnskey, tag }
    }

    /// The DS record data for this key at `apex` (RFC 4034 §5.1.4).
    pub fn ds(&self, apex: &Name, digest: DigestType) -> DS {
        let digest_bytes = self
            .dnskey
            .to_digest(apex, digest)
            .expect("a DNSKEY digest")
            .as_ref()
            .to_vec();
        DS::new(
            self.tag,
            self.dnskey.public_key().algorithm(),
            digest,
            digest_bytes,
        )
    }

    /// The RRSIG over `rrset` (records of one owner, type and class), by this key of zone
    /// `apex`, valid in `window`.
    pub fn sign(&self, apex: &Name, rrset: &[&Record], window: Window) -> Record {
        let first = rrset.first().expect("an RRset has records");
        let (inception, expiration) = window.bounds();
        let input = SigInput {
            type_covered: first.record_type(),
            algorithm: self.dnskey.public_key().algorithm(),
            num_labels: first.name.num_labels(),
            original_ttl: first.ttl,
            sig_expiration: SerialNumber::new(expiration),
            sig_inception: SerialNumber::new(inception),
            key_tag: self.tag,
            signer_name: apex.clone(),
        };
        let tbs = TBS::from_input(&first.name, DNSClass::IN, &input, rrset.iter().copied())
            .expect("an RRset to sign");
        let signature = self.key.sign(&tbs).expect("a signature");
        let rrsig = RRSIG::from_sig(input, signature);
        Record::from_rdata(
            first.name.clone(),
            first.ttl,
            RData::DNSSEC(DNSSECRData::RRSIG(rrsig)),
        )
    }
}

/// An RSA key, signing RSASSA-PKCS1-v1_5 (RFC 3110, RFC 5702) with the `rsa` crate.
struct RsaKey {
    key: rsa::PrivateKey,
    algorithm: KeyAlgorithm,
}

/// DER DigestInfo prefixes for PKCS#1 v1.5 (RFC 8017 §9.2, note 1).
const SHA1_PREFIX: [u8; 15] = [
    0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14,
];
const SHA256_PREFIX: [u8; 19] = [
    0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
    0x00, 0x04, 0x20,
];

impl RsaKey {
    fn generate(algorithm: KeyAlgorithm) -> RsaKey {
        // 1024 bits: the smallest hickory (ring) verifies, and quick to make in tests.
        let key = rsa::PrivateKey::new(&mut getrandom::SysRng, 1024).expect("RSA key generation");
        RsaKey { key, algorithm }
    }
}

impl SigningKey for RsaKey {
    fn sign(&self, tbs: &TBS) -> DnsSecResult<Vec<u8>> {
        let (digest_type, prefix, len): (_, &[u8], _) = match self.algorithm {
            KeyAlgorithm::RsaSha1 => (DigestType::SHA1, &SHA1_PREFIX, 20),
            _ => (DigestType::SHA256, &SHA256_PREFIX, 32),
        };
        let hashed = Digest::new(tbs.as_ref(), digest_type).map_err(|_| "digest")?;
        let padding = rsa::Pkcs1v15Sign {
            hash_len: Some(len),
            prefix: prefix.into(),
        };
        let signature = self
            .key
            .sign(padding, hashed.as_ref())
            .map_err(|_| "RSA signing")?;
        Ok(signature)
    }

    fn to_public_key(&self) -> DnsSecResult<PublicKeyBuf> {
        // RFC 3110 §2: exponent length (one octet), exponent, modulus; no leading zeros.
        let trim = |bytes: Vec<u8>| {
            let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
            bytes[start..].to_vec()
        };
        let exponent = trim(self.key.e_bytes().to_vec());
        let modulus = trim(self.key.n_bytes().to_vec());
        let mut buf = vec![u8::try_from(exponent.len()).map_err(|_| "exponent too long")?];
        buf.extend(exponent);
        buf.extend(modulus);
        Ok(PublicKeyBuf::new(buf, self.algorithm.hickory()))
    }

    fn algorithm(&self) -> Algorithm {
        self.algorithm.hickory()
    }
}

/// A key that signs as another does but says it is of `algorithm`.
struct Relabelled {
    inner: Box<dyn SigningKey>,
    algorithm: Algorithm,
}

impl SigningKey for Relabelled {
    fn sign(&self, tbs: &TBS) -> DnsSecResult<Vec<u8>> {
        self.inner.sign(tbs)
    }

    fn to_public_key(&self) -> DnsSecResult<PublicKeyBuf> {
        let inner = self.inner.to_public_key()?;
        Ok(PublicKeyBuf::new(
            inner.public_bytes().to_vec(),
            self.algorithm,
        ))
    }

    fn algorithm(&self) -> Algorithm {
        self.algorithm
    }
}
