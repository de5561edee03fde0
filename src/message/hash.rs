//! The two DKIM hashes (RFC 6376 §3.7): the body hash of `bh=` over the canonical body (cut
//! at `l=`), and the header hash the signature covers — the fields `h=` selects, then the
//! DKIM-Signature field itself with `b=`'s value deleted and no final CRLF.

use rsa::sha2::{Digest, Sha256};

use super::canon::{self, Canonicalization};
use super::read::Message;

/// `l=` is longer than the canonical body (RFC 6376 §6.1.3 treats it as a failure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LengthBeyondBody {
    pub body_bytes: usize,
}

/// SHA-256 of the whole canonical body (what a signer without `l=` signs).
pub fn whole_body_hash(c: Canonicalization, body: &[u8]) -> [u8; 32] {
    Sha256::digest(canon::body(c, body)).into()
}

/// SHA-256 of the canonical body, the first `length` bytes of it when given.
pub fn body_hash(
    c: Canonicalization,
    body: &[u8],
    length: Option<u64>,
) -> Result<[u8; 32], LengthBeyondBody> {
    let canonical = canon::body(c, body);
    let signed = match length {
        None => &canonical[..],
        Some(l) => {
            let l = usize::try_from(l).unwrap_or(usize::MAX);
            canonical.get(..l).ok_or(LengthBeyondBody {
                body_bytes: canonical.len(),
            })?
        }
    };
    Ok(Sha256::digest(signed).into())
}

/// SHA-256 of the header data: the fields `names` select, canonicalized, then `own_field` (the
/// DKIM-Signature field as written, `b=` emptied) canonicalized without its CRLF.
pub fn header_hash(
    c: Canonicalization,
    message: &Message,
    names: &[String],
    own_field: &[u8],
) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for field in canon::selected(message, names) {
        hasher.update(canon::header(c, &field.raw));
    }
    let own = canon::header(c, own_field);
    hasher.update(&own[..own.len() - 2]);
    hasher.finalize().into()
}
