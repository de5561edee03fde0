//! Matching a presented chain against an MX host's TLSA records (RFC 7672 §3.1, RFC 7671 §5,
//! RFC 6698 §2.1): DANE-EE by the server's certificate or its key, with no name or expiry check;
//! DANE-TA by a certificate of the chain (or the record's full data) as the only trust anchor,
//! then the path to it at the time asked for and the names; PKIX usages and malformed records
//! are never tried.

use std::time::SystemTime;

use rsa::sha2::{Digest, Sha256, Sha512};
use rustls::pki_types::CertificateDer;

use super::anchor::{self, Failure};
use super::{DaneInput, DaneStatus, DaneVerdict, RecordCheck, RecordOutcome, Tlsa, Usability};
use crate::date::utc_text;
use crate::tls::x509::spki_der;

/// Records of one RRset tried; real RRsets have one to four.
const MAX_RECORDS: usize = 32;
/// Certificates of a chain tried as DANE-TA anchors; real chains have two to four.
const MAX_CHAIN: usize = 16;

/// The verdict on `chain` (the server's certificate first) against `input`'s records, with
/// DANE-TA chains judged at `at`.
pub fn verify(chain: &[CertificateDer<'_>], input: &DaneInput, at: SystemTime) -> DaneVerdict {
    let chain = &chain[..chain.len().min(MAX_CHAIN)];
    let mut records = Vec::new();
    for (i, record) in input.tlsa.iter().take(MAX_RECORDS).enumerate() {
        let (outcome, depth, detail) = match record.usability() {
            Usability::Malformed => (
                RecordOutcome::Malformed,
                None,
                record.malformation().unwrap_or_default(),
            ),
            Usability::UnusableUsage => (
                RecordOutcome::UnusableUsage,
                None,
                format!(
                    "usage {} ({}) is not used by SMTP senders",
                    record.usage,
                    record.usage_name()
                ),
            ),
            Usability::Usable if chain.is_empty() => (
                RecordOutcome::NotTried,
                None,
                "no certificate was presented".to_string(),
            ),
            Usability::Usable => judge(record, chain, &input.names, at),
        };
        records.push(RecordCheck {
            index: i + 1,
            record: record.clone(),
            outcome,
            depth,
            detail,
        });
    }
    let matched = records
        .iter()
        .find(|r| r.outcome == RecordOutcome::Matched)
        .map(|r| r.index);
    let usable = records
        .iter()
        .any(|r| r.record.usability() == Usability::Usable);
    let status = match (matched, usable, chain.is_empty()) {
        (Some(_), _, _) => DaneStatus::Matched,
        (None, false, _) => DaneStatus::NoUsableRecords,
        (None, true, true) => DaneStatus::NoCertificate,
        (None, true, false) => DaneStatus::NoMatch,
    };
    DaneVerdict {
        status,
        matched,
        at: utc_text(at),
        records,
    }
}

type Judged = (RecordOutcome, Option<usize>, String);

/// One usable record against a non-empty chain.
fn judge(record: &Tlsa, chain: &[CertificateDer<'_>], names: &[String], at: SystemTime) -> Judged {
    if record.usage == 3 {
        return dane_ee(record, &chain[0]);
    }
    let mut first_failure: Option<(usize, Failure)> = None;
    for (depth, cert) in chain.iter().enumerate() {
        if !describes(record, cert) {
            continue;
        }
        let result = if depth == 0 {
            anchor::authenticate_self(cert, names, at)
        } else {
            anchor::from_certificate(cert)
                .map_err(|e| (RecordOutcome::ChainInvalid, e))
                .and_then(|ta| anchor::authenticate(&chain[0], &chain[1..depth], ta, names, at))
        };
        match result {
            Ok(name) => {
                return (
                    RecordOutcome::Matched,
                    Some(depth),
                    format!(
                        "DANE-TA: the chain leads to {} at depth {depth}, valid at {} for {name}",
                        subject(cert),
                        utc_text(at)
                    ),
                );
            }
            Err(failure) => {
                first_failure.get_or_insert((depth, failure));
            }
        }
    }
    if let Some((depth, (outcome, detail))) = first_failure {
        return (
            outcome,
            Some(depth),
            format!(
                "DANE-TA {} at depth {depth}: {detail}",
                subject(&chain[depth])
            ),
        );
    }
    if record.matching == 0 {
        return anchor_outside(record, chain, names, at);
    }
    (
        RecordOutcome::DigestDiffers,
        None,
        format!(
            "DANE-TA: matches none of the {} certificates of the chain",
            chain.len()
        ),
    )
}

/// DANE-EE: the server's certificate or key, nothing else (RFC 7672 §3.1.1).
fn dane_ee(record: &Tlsa, leaf: &CertificateDer<'_>) -> Judged {
    let what = if record.selector == 0 {
        "certificate"
    } else {
        "public key"
    };
    if describes(record, leaf) {
        return (
            RecordOutcome::Matched,
            Some(0),
            format!("DANE-EE: the server's {what} matches (no name or expiry check)"),
        );
    }
    let actual = match (selected(record.selector, leaf), record.matching) {
        (Some(bytes), 1 | 2) => format!(
            ": its {} is {}",
            if record.matching == 1 {
                "SHA-256"
            } else {
                "SHA-512"
            },
            crate::hex::encode(&digest(record.matching, bytes))
        ),
        (None, _) => " (it cannot be read)".to_string(),
        _ => String::new(),
    };
    (
        RecordOutcome::DigestDiffers,
        None,
        format!("DANE-EE: the server's {what} does not match{actual}"),
    )
}

/// A `2 0 0` or `2 1 0` record whose anchor the server did not send: the record's own data is
/// the anchor (RFC 7671 §5.2.3).
fn anchor_outside(
    record: &Tlsa,
    chain: &[CertificateDer<'_>],
    names: &[String],
    at: SystemTime,
) -> Judged {
    let top = &chain[chain.len() - 1];
    let anchor = if record.selector == 0 {
        anchor::from_certificate(&record.data)
    } else {
        anchor::from_key(&record.data, top)
            .ok_or_else(|| "the record's data is not a SubjectPublicKeyInfo".to_string())
    };
    let result = anchor
        .map_err(|e| (RecordOutcome::ChainInvalid, e))
        .and_then(|ta| anchor::authenticate(&chain[0], &chain[1..], ta, names, at));
    match result {
        Ok(name) => (
            RecordOutcome::Matched,
            None,
            format!(
                "DANE-TA: the chain leads to the record's own {} (not sent by the server), \
                 valid at {} for {name}",
                if record.selector == 0 {
                    "certificate"
                } else {
                    "key"
                },
                utc_text(at)
            ),
        ),
        Err((outcome, detail)) => (
            outcome,
            None,
            format!("DANE-TA with the record's own data as the anchor: {detail}"),
        ),
    }
}

/// Whether `record` describes `cert` (its selector, then its matching type).
fn describes(record: &Tlsa, cert: &[u8]) -> bool {
    selected(record.selector, cert).is_some_and(|bytes| match record.matching {
        0 => bytes == record.data.as_slice(),
        m => digest(m, bytes) == record.data,
    })
}

/// The certificate (selector 0) or its SubjectPublicKeyInfo (selector 1).
fn selected(selector: u8, cert: &[u8]) -> Option<&[u8]> {
    match selector {
        0 => Some(cert),
        1 => spki_der(cert),
        _ => None,
    }
}

fn digest(matching: u8, bytes: &[u8]) -> Vec<u8> {
    if matching == 2 {
        Sha512::digest(bytes).to_vec()
    } else {
        Sha256::digest(bytes).to_vec()
    }
}

fn subject(cert: &[u8]) -> String {
    crate::tls::facts(cert).map_or_else(|| "a certificate".into(), |f| f.subject)
}

#[cfg(test)]
mod tests;
