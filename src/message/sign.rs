//! DKIM signing (RFC 6376 §5, RFC 8463): the DKIM-Signature field for a message, made with a
//! private key, folded under 78 columns (RFC 5322 §2.1.1). Pure: key, message and time in,
//! the field's text out.

use base64ct::{Base64, Encoding};

use crate::dkim::{KeyType, Selector};

use super::canon::Canonicalization;
use super::hash::{header_hash, whole_body_hash};
use super::read::Message;
use super::signing_key::SigningKey;

/// The fields signed by default, each as often as present; From once more (over-signed), so
/// a second From cannot be added unnoticed (RFC 6376 §8.15).
pub const DEFAULT_HEADERS: &[&str] = &[
    "From",
    "To",
    "Cc",
    "Subject",
    "Date",
    "Message-ID",
    "In-Reply-To",
    "References",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
];

/// Longest line written: under RFC 5322 §2.1.1's 78 characters, folds indented by one space
/// (a tab would count as up to 8 columns).
const LINE_LIMIT: usize = 76;

/// What to sign with, and how.
#[derive(Debug, Clone)]
pub struct SignOptions {
    /// `d=`, a normalised domain name.
    pub domain: String,
    pub selector: Selector,
    pub header_canonicalization: Canonicalization,
    pub body_canonicalization: Canonicalization,
    /// Seconds since 1970: `t=`.
    pub now: u64,
    /// Seconds from `now` to `x=`, when the signature expires.
    pub expire_after: Option<u64>,
    /// The fields to sign, each as often as present, From once more; empty means
    /// [`DEFAULT_HEADERS`]. From is always signed (RFC 6376 §5.4).
    pub headers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error("the message has no From field; DKIM signs From, so it cannot be signed")]
    NoFrom,
    #[error("{0}")]
    Key(String),
}

/// One piece of the field's text: `glue` pieces continue a value (no space before them).
struct Piece {
    text: String,
    glue: bool,
}

/// The `h=` names: each of `wanted` (or the default fields) as often as present, From once
/// more; From is added when `wanted` lacks it.
pub fn signed_names(message: &Message, wanted: &[String]) -> Vec<String> {
    let mut list: Vec<String> = if wanted.is_empty() {
        DEFAULT_HEADERS.iter().map(ToString::to_string).collect()
    } else {
        wanted.to_vec()
    };
    if !list.iter().any(|n| n.eq_ignore_ascii_case("from")) {
        list.insert(0, "From".into());
    }
    let mut seen = std::collections::HashSet::new();
    list.retain(|n| seen.insert(n.to_ascii_lowercase()));
    let mut names = Vec::new();
    for name in &list {
        let present = message.fields(name).count();
        let times = if name.eq_ignore_ascii_case("from") {
            present + 1
        } else {
            present
        };
        names.extend(std::iter::repeat_n(name.to_ascii_lowercase(), times));
    }
    names
}

/// The DKIM-Signature field (with its final CRLF) to put on top of `message`.
pub fn sign(
    message: &Message,
    key: &SigningKey,
    options: &SignOptions,
) -> Result<String, SignError> {
    if message.fields("From").next().is_none() {
        return Err(SignError::NoFrom);
    }
    let names = signed_names(message, &options.headers);
    let algorithm = match key.key_type() {
        KeyType::Rsa => "rsa-sha256",
        KeyType::Ed25519 => "ed25519-sha256",
    };
    let bh = whole_body_hash(options.body_canonicalization, &message.body);
    let mut pieces = tag_pieces(options, algorithm, &names);
    pieces.push(tag("bh", &Base64::encode_string(&bh)));
    pieces.push(Piece {
        text: "b=".into(),
        glue: false,
    });
    let unsigned = fold(&pieces);
    let hash = header_hash(
        options.header_canonicalization,
        message,
        &names,
        unsigned.as_bytes(),
    );
    let signature = key.sign(&hash).map_err(SignError::Key)?;
    let b = Base64::encode_string(&signature);
    for chunk in b.as_bytes().chunks(4) {
        pieces.push(Piece {
            text: String::from_utf8_lossy(chunk).into_owned(),
            glue: true,
        });
    }
    Ok(fold(&pieces) + "\r\n")
}

/// Every tag but `bh=` and `b=`, in the usual order.
fn tag_pieces(options: &SignOptions, algorithm: &str, names: &[String]) -> Vec<Piece> {
    let c = format!(
        "{}/{}",
        options.header_canonicalization.as_str(),
        options.body_canonicalization.as_str()
    );
    let mut pieces = vec![
        tag("v", "1"),
        tag("a", algorithm),
        tag("c", &c),
        tag("d", &options.domain),
        tag("s", options.selector.as_str()),
        tag("t", &options.now.to_string()),
    ];
    if let Some(after) = options.expire_after {
        let x = options.now.saturating_add(after);
        pieces.push(tag("x", &x.to_string()));
    }
    // h= may fold after any colon.
    let mut first = true;
    let count = names.len();
    for (i, name) in names.iter().enumerate() {
        let mut text = if first {
            format!("h={name}")
        } else {
            name.clone()
        };
        text.push(if i + 1 == count { ';' } else { ':' });
        pieces.push(Piece { text, glue: !first });
        first = false;
    }
    pieces
}

/// `name=value;`, one piece.
fn tag(name: &str, value: &str) -> Piece {
    Piece {
        text: format!("{name}={value};"),
        glue: false,
    }
}

/// The field's text: pieces joined by a space (or nothing, when glued), folded with CRLF TAB
/// SP before a piece that would pass the line limit.
fn fold(pieces: &[Piece]) -> String {
    let mut out = String::from("DKIM-Signature:");
    let mut column = out.len();
    for piece in pieces {
        let gap = usize::from(!piece.glue);
        if column + gap + piece.text.len() > LINE_LIMIT {
            out.push_str("\r\n ");
            column = 1;
        } else if gap == 1 {
            out.push(' ');
            column += 1;
        }
        out.push_str(&piece.text);
        column += piece.text.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(message: &[u8], wanted: &[&str]) -> Vec<String> {
        let wanted: Vec<String> = wanted.iter().map(ToString::to_string).collect();
        signed_names(&Message::parse(message).unwrap(), &wanted)
    }

    #[test]
    fn each_present_field_is_signed_as_often_as_present_and_from_once_more() {
        let m = b"From: a\r\nTo: b\r\nTo: c\r\nX-Other: d\r\n\r\n";
        assert_eq!(names(m, &[]), ["from", "from", "to", "to"]);
        assert_eq!(
            names(m, &["X-Other", "x-other", "Cc"]),
            ["from", "from", "x-other"]
        );
    }
}
