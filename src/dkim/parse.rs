//! Reading a DKIM key record (RFC 6376 §3.6.1) on top of the shared tag-list parser
//! (`crate::tags`, RFC 6376 §3.2): the values of v, k, h, s, t, p, g and n, and every syntax
//! problem with its byte span. Nothing is dropped: a record with errors still yields the tags it
//! could read, so the lints can say everything at once.

use std::ops::Range;

use crate::tags::{Tag, TagError, TagList};

use super::DkimKeyRecord;

/// A parsed record and its syntax problems (empty when the record is well formed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedRecord {
    pub record: DkimKeyRecord,
    pub errors: Vec<TagError>,
}

/// Parses `text` (the TXT record's strings joined).
pub fn parse(text: &str) -> ParsedRecord {
    let tags = TagList::parse(text);
    let mut errors = tags.errors.clone();
    for dup in tags.duplicates() {
        // §3.2: a tag given twice makes the whole tag-list invalid.
        errors.push(error(
            dup.span.clone(),
            format!("tag {}= appears more than once", dup.name),
        ));
    }
    let get = |name: &str| tags.get(name);
    let hashes = get("h").map(|t| list(t, &mut errors, is_token));
    let services = get("s").map(|t| list(t, &mut errors, |s| s == "*" || is_token(s)));
    let flags = get("t").map_or_else(Vec::new, |t| list(t, &mut errors, is_token));
    let public_key = if let Some(p) = get("p") {
        Some(base64_value(p, &mut errors))
    } else {
        errors.push(error(
            text.len()..text.len(),
            "p= (the public key) is missing; it is required".into(),
        ));
        None
    };
    if let Some(k) = get("k")
        && !is_token(&k.value)
    {
        errors.push(error(
            k.value_span.clone(),
            format!(
                "k={} is not a key type name",
                crate::sanitize::quoted(&k.value)
            ),
        ));
    }
    errors.sort_by_key(|e| e.span.start);
    let record = DkimKeyRecord {
        version: get("v").map(|t| t.value.clone()),
        key_type: get("k").map(|t| t.value.clone()),
        hashes,
        services,
        flags,
        public_key,
        granularity: get("g").map(|t| t.value.clone()),
        notes: get("n").map(|t| t.value.clone()),
        tags,
    };
    ParsedRecord { record, errors }
}

fn error(span: Range<usize>, message: String) -> TagError {
    TagError { span, message }
}

/// A colon-separated list (`h=`, `s=`, `t=`), with folding white space around the colons.
fn list(tag: &Tag, errors: &mut Vec<TagError>, valid: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = tag.value_span.start;
    for item in tag.value.split(':') {
        let trimmed = item.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\r' | '\n'));
        let start = at + item.find(trimmed).unwrap_or(0);
        if !valid(trimmed) {
            let what = if trimmed.is_empty() {
                format!("{}= has an empty element", tag.name)
            } else {
                format!(
                    "{} is not a valid {}= element",
                    crate::sanitize::quoted(trimmed),
                    tag.name
                )
            };
            errors.push(error(start..start + trimmed.len(), what));
        }
        out.push(trimmed.to_string());
        at += item.len() + 1;
    }
    out
}

/// RFC 6376's `hyphenated-word` / `x-sig-a-tag-alg`-style names: letters, digits and hyphens,
/// starting with a letter.
fn is_token(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// `p=`: base64 characters, with folding white space allowed anywhere (RFC 6376 §2.4, §3.6.1).
/// Returns the value without white space; characters outside base64 are syntax errors.
fn base64_value(tag: &Tag, errors: &mut Vec<TagError>) -> String {
    let mut out = String::with_capacity(tag.value.len());
    for (i, c) in tag.value.char_indices() {
        match c {
            ' ' | '\t' | '\r' | '\n' => {}
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=') => out.push(c),
            c => {
                let at = tag.value_span.start + i;
                errors.push(error(
                    at..at + c.len_utf8(),
                    format!(
                        "{} in p= is not a base64 character",
                        crate::sanitize::quoted_char(c)
                    ),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_tag_of_the_rfc_example() {
        let p =
            parse("v=DKIM1; k=rsa; h=sha256 : sha1; s=email; t=y:s; n=note; p=MIGf MA0G\r\n CSq");
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let r = &p.record;
        assert_eq!(r.version.as_deref(), Some("DKIM1"));
        assert_eq!(
            r.hashes.as_deref(),
            Some(&["sha256".into(), "sha1".into()][..])
        );
        assert_eq!(r.services.as_deref(), Some(&["email".to_string()][..]));
        assert_eq!(r.flags, ["y", "s"]);
        assert!(r.testing());
        assert_eq!(r.public_key.as_deref(), Some("MIGfMA0GCSq"));
        assert_eq!(r.notes.as_deref(), Some("note"));
    }

    #[test]
    fn reports_problems_with_spans() {
        let text = "v=DKIM1; h=sha256:; p=ab$c; v=DKIM1";
        let p = parse(text);
        let spans: Vec<&str> = p.errors.iter().map(|e| &text[e.span.clone()]).collect();
        assert_eq!(spans, ["", "$", "v=DKIM1"]);
        let missing = parse("v=DKIM1; k=rsa");
        assert_eq!(missing.errors.len(), 1);
        assert!(missing.errors[0].message.contains("p="));
        assert_eq!(missing.record.public_key, None);
        assert!(parse("v=DKIM1; p=").record.revoked());
    }
}
