//! The DKIM-Signature header field (RFC 6376 §3.5): its tags read with positions through the
//! shared tag-list parser (`crate::tags`), and the typed values a verifier acts on.

use std::ops::Range;

use serde::Serialize;

use crate::tags::TagList;

use super::canon::Canonicalization;

/// Most names `h=` may list: every field of the largest header section read, each over-signed.
pub const MAX_SIGNED_NAMES: usize = 2 * super::read::MAX_HEADER_FIELDS;

/// `a=` (RFC 6376 §3.3, RFC 8463 §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SigningAlgorithm {
    RsaSha256,
    /// Still parsed, to say why it fails (RFC 8301 §3.1).
    RsaSha1,
    Ed25519Sha256,
}

impl SigningAlgorithm {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RsaSha256 => "rsa-sha256",
            Self::RsaSha1 => "rsa-sha1",
            Self::Ed25519Sha256 => "ed25519-sha256",
        }
    }

    pub(crate) fn from_tag(value: &str) -> Option<Self> {
        match value.to_ascii_lowercase().as_str() {
            "rsa-sha256" => Some(Self::RsaSha256),
            "rsa-sha1" => Some(Self::RsaSha1),
            "ed25519-sha256" => Some(Self::Ed25519Sha256),
            _ => None,
        }
    }
}

/// A DKIM-Signature field's value, parsed (RFC 6376 §3.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DkimSignature {
    /// Every tag with its byte span in the field's value.
    pub tags: TagList,
    /// `v=` (must be `1`).
    pub version: String,
    /// `a=`.
    pub algorithm: SigningAlgorithm,
    /// `b=` without white space (base64).
    pub signature: String,
    /// `bh=` without white space (base64).
    pub body_hash: String,
    /// `c=`: header and body canonicalization (absent means simple/simple).
    pub header_canonicalization: Canonicalization,
    pub body_canonicalization: Canonicalization,
    /// `d=`, the signing domain.
    pub domain: String,
    /// `h=`, the signed header field names in order.
    pub headers: Vec<String>,
    /// `i=`, the agent or user identifier.
    pub identity: Option<String>,
    /// `l=`, how many body bytes are signed.
    pub length: Option<u64>,
    /// `q=`, query methods.
    pub query: Option<String>,
    /// `s=`, the selector.
    pub selector: String,
    /// `t=`, when it was signed (seconds since 1970).
    pub timestamp: Option<u64>,
    /// `x=`, when it expires.
    pub expiration: Option<u64>,
    /// `z=`, copied header fields.
    pub copied_headers: Option<String>,
    /// The bytes of the value (after `b=`'s `=`) a verifier deletes before hashing the field.
    #[serde(skip)]
    pub b_value: Range<usize>,
}

/// Why a DKIM-Signature cannot be used, with the place in the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SignatureError {
    pub message: String,
    pub span: Range<usize>,
}

fn err(span: Range<usize>, message: impl Into<String>) -> SignatureError {
    SignatureError {
        message: message.into(),
        span,
    }
}

/// Removes folding white space (base64 values may be folded anywhere).
fn without_fws(value: &str) -> String {
    value.chars().filter(|c| !c.is_ascii_whitespace()).collect()
}

impl DkimSignature {
    /// Parses a DKIM-Signature field's value.
    pub fn parse(value: &str) -> Result<Self, SignatureError> {
        Self::parse_as(value, true)
    }

    /// Parses an ARC-Message-Signature field's value (RFC 8617 §4.1.2): the DKIM tags without
    /// `v=`, and `i=` the ARC instance (read by `arc`), not an identity: `version` is empty and
    /// `identity` `None`.
    pub fn parse_ams(value: &str) -> Result<Self, SignatureError> {
        Self::parse_as(value, false)
    }

    fn parse_as(value: &str, dkim: bool) -> Result<Self, SignatureError> {
        let tags = TagList::parse(value);
        if let Some(e) = tags.errors.first() {
            return Err(err(e.span.clone(), e.message.clone()));
        }
        if let Some(dup) = tags.duplicates().next() {
            return Err(err(
                dup.span.clone(),
                format!("tag {}= appears more than once", dup.name),
            ));
        }
        let end = value.len()..value.len();
        let required = |name: &str| {
            tags.get(name)
                .ok_or_else(|| err(end.clone(), format!("the required tag {name}= is missing")))
        };
        let version = if dkim {
            let v = required("v")?;
            if v.value != "1" {
                return Err(err(v.value_span.clone(), "v= is not 1"));
            }
            v.value.clone()
        } else {
            String::new()
        };
        let a = required("a")?;
        let algorithm = SigningAlgorithm::from_tag(&a.value).ok_or_else(|| {
            err(
                a.value_span.clone(),
                format!(
                    "a={} is not a known algorithm",
                    crate::sanitize::quoted(&a.value)
                ),
            )
        })?;
        let b = required("b")?;
        let b_value = b_value_range(value, b.name_span.end);
        let (header_canonicalization, body_canonicalization) = canonicalization(&tags)?;
        let domain = required("d")?;
        let selector = required("s")?;
        let h = required("h")?;
        let headers = signed_names(h)?;
        Ok(Self {
            version,
            algorithm,
            signature: without_fws(&b.value),
            body_hash: without_fws(&required("bh")?.value),
            header_canonicalization,
            body_canonicalization,
            domain: domain.value.clone(),
            headers,
            identity: tags.get("i").filter(|_| dkim).map(|t| t.value.clone()),
            length: number(&tags, "l")?,
            query: tags.get("q").map(|t| t.value.clone()),
            selector: selector.value.clone(),
            timestamp: number(&tags, "t")?,
            expiration: number(&tags, "x")?,
            copied_headers: tags.get("z").map(|t| t.value.clone()),
            b_value,
            tags,
        })
    }
}

/// `h=`: the signed field names, colon-separated with folding white space around them.
fn signed_names(h: &crate::tags::Tag) -> Result<Vec<String>, SignatureError> {
    let headers: Vec<String> = h
        .value
        .split(':')
        .map(|n| {
            n.trim_matches(|c: char| c.is_ascii_whitespace())
                .to_string()
        })
        .collect();
    if headers.len() > MAX_SIGNED_NAMES {
        return Err(err(
            h.value_span.clone(),
            format!("h= names more than {MAX_SIGNED_NAMES} fields"),
        ));
    }
    if headers.iter().any(String::is_empty) {
        return Err(err(h.value_span.clone(), "h= has an empty element"));
    }
    Ok(headers)
}

/// From just after `b=`'s `=` to the `;` ending the tag (or the end): the value and the folding
/// white space around it, which verifiers delete (RFC 6376 §3.5 `b=`).
pub(crate) fn b_value_range(value: &str, name_end: usize) -> Range<usize> {
    let eq = value[name_end..]
        .find('=')
        .map_or(name_end, |p| name_end + p + 1);
    let end = value[eq..].find(';').map_or(value.len(), |p| eq + p);
    eq..end
}

/// `c=header/body`; a missing body half means simple (§3.5).
fn canonicalization(
    tags: &TagList,
) -> Result<(Canonicalization, Canonicalization), SignatureError> {
    let Some(c) = tags.get("c") else {
        return Ok((Canonicalization::Simple, Canonicalization::Simple));
    };
    let (head, body) = c.value.split_once('/').unwrap_or((&c.value, "simple"));
    let read = |half: &str| {
        Canonicalization::from_tag(half).ok_or_else(|| {
            err(
                c.value_span.clone(),
                format!(
                    "c={} is not simple or relaxed",
                    crate::sanitize::quoted(&c.value)
                ),
            )
        })
    };
    Ok((read(head)?, read(body)?))
}

/// A decimal tag (`l=`, `t=`, `x=`): at most 76 bits by the grammar; more than u64 is refused.
fn number(tags: &TagList, name: &str) -> Result<Option<u64>, SignatureError> {
    let Some(t) = tags.get(name) else {
        return Ok(None);
    };
    if t.value.is_empty() || !t.value.bytes().all(|b| b.is_ascii_digit()) || t.value.len() > 19 {
        return Err(err(
            t.value_span.clone(),
            format!(
                "{name}={} is not a number",
                crate::sanitize::quoted(&t.value)
            ),
        ));
    }
    Ok(t.value.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_tags_and_where_b_is() {
        let value = " v=1; a=rsa-sha256; c=relaxed; d=example.com; s=sel;\r\n\th=From : To;\
                     bh=AAAA; l=10; t=5; x=9; b=ab\r\n\tcd ; z=x";
        let s = DkimSignature::parse(value).unwrap();
        assert_eq!(s.algorithm, SigningAlgorithm::RsaSha256);
        assert_eq!(s.header_canonicalization, Canonicalization::Relaxed);
        assert_eq!(s.body_canonicalization, Canonicalization::Simple);
        assert_eq!(s.headers, ["From", "To"]);
        assert_eq!(s.signature, "abcd");
        assert_eq!(
            (s.length, s.timestamp, s.expiration),
            (Some(10), Some(5), Some(9))
        );
        assert_eq!(&value[s.b_value.clone()], "ab\r\n\tcd ");
    }

    #[test]
    fn says_what_is_wrong() {
        let bad = |v: &str| DkimSignature::parse(v).unwrap_err().message;
        assert!(bad("v=1; a=rsa-sha256").contains("b="));
        assert!(bad("v=2; a=rsa-sha256").contains("v="));
        assert!(bad("v=1; a=dsa; b=; bh=; d=a; s=b; h=from").contains("a="));
        assert!(bad("v=1; v=1").contains("more than once"));
        assert!(bad("v=1; a=rsa-sha256; b=; bh=; d=a; s=b; h=from; c=odd").contains("c="));
        assert!(bad("v=1; a=rsa-sha256; b=; bh=; d=a; s=b; h=from; l=-1").contains("l="));
        assert!(bad("v=1; a=rsa-sha256; b=; bh=; d=a; s=b; h=from:").contains("h="));
        let many = format!(
            "v=1; a=rsa-sha256; b=; bh=; d=a; s=b; h=a{}",
            ":a".repeat(2000)
        );
        assert!(bad(&many).contains("more than 2000"));
    }
}
