//! The DNSSEC records of an answer (RFC 4034): DNSKEY, DS and RRSIG, described for people and
//! machines — key tags, algorithms by name (RFC 8624's registry), signature validity windows.

use hickory_proto::dnssec::rdata::{DNSKEY, DNSSECRData, DS, RRSIG};
use hickory_proto::dnssec::{Algorithm, DigestType, Verifier};
use hickory_proto::rr::{DNSClass, Name, RData, Record, RecordType};
use serde::Serialize;

use crate::date::Date;
use crate::dns::RawAnswer;

/// Signatures valid for fewer days than this are said to expire soon.
pub const EXPIRING_DAYS: i64 = 3;

/// A DNSSEC algorithm, by number and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlgorithmName {
    pub number: u8,
    pub name: &'static str,
}

impl AlgorithmName {
    pub fn of(algorithm: Algorithm) -> Self {
        let number = u8::from(algorithm);
        let name = match number {
            1 => "RSAMD5",
            3 => "DSA",
            5 => "RSASHA1",
            6 => "DSA-NSEC3-SHA1",
            7 => "RSASHA1-NSEC3-SHA1",
            8 => "RSASHA256",
            10 => "RSASHA512",
            12 => "ECC-GOST",
            13 => "ECDSAP256SHA256",
            14 => "ECDSAP384SHA384",
            15 => "ED25519",
            16 => "ED448",
            _ => "unknown",
        };
        Self { number, name }
    }

    /// Deprecated for signing by RFC 8624 §3.1 (MUST NOT / NOT RECOMMENDED).
    pub fn deprecated(&self) -> bool {
        matches!(self.number, 1 | 3 | 5 | 6 | 7 | 12)
    }
}

impl std::fmt::Display for AlgorithmName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.name, self.number)
    }
}

/// A DNSKEY as shown in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyInfo {
    pub key_tag: u16,
    pub algorithm: AlgorithmName,
    pub flags: u16,
    /// "KSK" (secure entry point, flags 257) or "ZSK" (256).
    pub role: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub revoked: bool,
    /// A DS at the parent (or a trust anchor) names it.
    pub trusted: bool,
}

/// A DS record as shown in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DsInfo {
    pub key_tag: u16,
    pub algorithm: AlgorithmName,
    pub digest_type: u8,
    pub digest: &'static str,
    /// Whether a DNSKEY of the zone has this digest.
    pub matches_key: bool,
}

/// How one RRSIG fares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SigVerdict {
    Valid,
    Expired,
    NotYetValid,
    /// The key it names verifies it not.
    DoesNotVerify,
    /// No DNSKEY of the signer has its key tag and algorithm.
    NoKey,
    /// Its algorithm cannot be verified here.
    Unsupported,
}

/// An RRSIG as shown in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SigInfo {
    pub covers: String,
    pub key_tag: u16,
    pub algorithm: AlgorithmName,
    pub inception: Date,
    pub expiration: Date,
    /// Whole days from now to its expiration (negative once expired).
    pub days_left: i64,
    pub verdict: SigVerdict,
}

pub fn dnskeys(records: &[Record], owner: &Name) -> Vec<DNSKEY> {
    records
        .iter()
        .filter(|r| r.name == *owner)
        .filter_map(|r| match &r.data {
            RData::DNSSEC(DNSSECRData::DNSKEY(k)) => Some(k.clone()),
            _ => None,
        })
        .collect()
}

pub fn ds_records(records: &[Record], owner: &Name) -> Vec<DS> {
    records
        .iter()
        .filter(|r| r.name == *owner)
        .filter_map(|r| match &r.data {
            RData::DNSSEC(DNSSECRData::DS(d)) => Some(d.clone()),
            _ => None,
        })
        .collect()
}

/// The RRSIGs over `owner`'s RRset of `covered`.
pub fn rrsigs<'a>(records: &'a [Record], owner: &Name, covered: RecordType) -> Vec<&'a RRSIG> {
    records
        .iter()
        .filter(|r| r.name == *owner)
        .filter_map(|r| match &r.data {
            RData::DNSSEC(DNSSECRData::RRSIG(sig)) if sig.input().type_covered == covered => {
                Some(sig)
            }
            _ => None,
        })
        .collect()
}

/// The records of `owner`'s RRset of `rtype` in `answer`.
pub fn rrset<'a>(answer: &'a RawAnswer, owner: &Name, rtype: RecordType) -> Vec<&'a Record> {
    answer
        .answers
        .iter()
        .filter(|r| r.name == *owner && r.record_type() == rtype)
        .collect()
}

pub fn key_tag(key: &DNSKEY) -> u16 {
    key.calculate_key_tag().unwrap_or(0)
}

pub fn key_info(key: &DNSKEY, trusted: bool) -> KeyInfo {
    KeyInfo {
        key_tag: key_tag(key),
        algorithm: AlgorithmName::of(key.algorithm()),
        flags: key.flags(),
        role: if key.secure_entry_point() {
            "KSK"
        } else {
            "ZSK"
        },
        revoked: key.revoke(),
        trusted,
    }
}

pub fn ds_info(ds: &DS, owner: &Name, keys: &[DNSKEY]) -> DsInfo {
    DsInfo {
        key_tag: ds.key_tag(),
        algorithm: AlgorithmName::of(ds.algorithm()),
        digest_type: u8::from(ds.digest_type()),
        digest: match ds.digest_type() {
            DigestType::SHA1 => "SHA-1",
            DigestType::SHA256 => "SHA-256",
            DigestType::SHA384 => "SHA-384",
            _ => "unknown",
        },
        matches_key: keys.iter().any(|k| ds.covers(owner, k).unwrap_or(false)),
    }
}

/// Judges `sig` over `records` (owned by `owner`) with the signer's `keys` at `now` (seconds
/// since 1970, as RRSIG times are, RFC 4034 §3.1.5).
pub fn judge_sig(
    sig: &RRSIG,
    owner: &Name,
    records: &[&Record],
    keys: &[DNSKEY],
    now: u32,
) -> SigInfo {
    let input = sig.input();
    let (inception, expiration) = (input.sig_inception.get(), input.sig_expiration.get());
    // Serial-number arithmetic (RFC 1982): the differences as signed 32-bit numbers.
    let left = expiration.wrapping_sub(now).cast_signed();
    let since = now.wrapping_sub(inception).cast_signed();
    let verdict = if left < 0 {
        SigVerdict::Expired
    } else if since < 0 {
        SigVerdict::NotYetValid
    } else if !input.algorithm.is_supported() {
        SigVerdict::Unsupported
    } else {
        let candidates: Vec<&DNSKEY> = keys
            .iter()
            .filter(|k| key_tag(k) == input.key_tag && k.algorithm() == input.algorithm)
            .collect();
        if candidates.is_empty() {
            SigVerdict::NoKey
        } else if candidates.iter().any(|k| {
            k.verify_rrsig(owner, DNSClass::IN, sig, records.iter().copied())
                .is_ok()
        }) {
            SigVerdict::Valid
        } else {
            SigVerdict::DoesNotVerify
        }
    };
    let at = |secs: u32| {
        Date::from_unix(i64::from(now) + i64::from(secs.wrapping_sub(now).cast_signed()))
    };
    SigInfo {
        covers: input.type_covered.to_string(),
        key_tag: input.key_tag,
        algorithm: AlgorithmName::of(input.algorithm),
        inception: at(inception),
        expiration: at(expiration),
        days_left: i64::from(left).div_euclid(86_400),
        verdict,
    }
}

/// Now, in RRSIG time (seconds since 1970, modulo 2^32).
pub fn now_secs() -> u32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // RRSIG times wrap every 136 years (RFC 4034 §3.1.5): the low 32 bits are the serial.
    u32::try_from(secs % (1 << 32)).unwrap_or(0)
}

/// Why a signature is not valid, in words.
pub fn sig_problem(sig: &SigInfo, owner: &str) -> Option<String> {
    let what = format!(
        "the RRSIG over {owner} {} (key tag {})",
        sig.covers, sig.key_tag
    );
    Some(match sig.verdict {
        SigVerdict::Valid => return None,
        SigVerdict::Expired => format!("{what} expired on {}", sig.expiration),
        SigVerdict::NotYetValid => format!("{what} is not valid before {}", sig.inception),
        SigVerdict::DoesNotVerify => format!("{what} does not verify with its key"),
        SigVerdict::NoKey => format!("{what} names no DNSKEY of its signer"),
        SigVerdict::Unsupported => format!("{what} uses unsupported algorithm {}", sig.algorithm),
    })
}
