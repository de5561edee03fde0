//! Tag-value lists (RFC 6376 §3.2), the record syntax DMARC, DKIM, BIMI, TLS-RPT and MTA-STS's
//! TXT record share: `tag=value` pairs separated by `;`, with folding white space around tags,
//! `=` and values, and an optional `;` at the end. Parsed losslessly: every tag keeps the byte
//! spans of its name and value, and a list with errors still yields every tag it could read.

use std::ops::Range;

use serde::Serialize;

/// One `tag=value` pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tag {
    /// The name as written (tag names are case-sensitive, RFC 6376 §3.2).
    pub name: String,
    /// The value without surrounding white space.
    pub value: String,
    /// The whole pair, without surrounding white space.
    pub span: Range<usize>,
    pub name_span: Range<usize>,
    pub value_span: Range<usize>,
}

/// Something in the list that is not a well-formed `tag=value`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagError {
    pub span: Range<usize>,
    pub message: String,
}

/// A problem with part of a record built on a tag list, of the protocol's own `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordError<K> {
    pub kind: K,
    /// The tag the problem is in, when there is one.
    pub tag: Option<String>,
    pub span: Range<usize>,
    pub message: String,
}

impl<K: Copy> RecordError<K> {
    /// Each element of `list` that is not a well-formed pair, as a problem of `kind`.
    pub fn syntax(list: &TagList, kind: K) -> Vec<Self> {
        list.errors
            .iter()
            .map(|e| Self {
                kind,
                tag: None,
                span: e.span.clone(),
                message: e.message.clone(),
            })
            .collect()
    }
}

/// A parsed list. `errors` empty means every element was a well-formed pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagList {
    pub text: String,
    pub tags: Vec<Tag>,
    pub errors: Vec<TagError>,
}

impl TagList {
    pub fn parse(text: &str) -> Self {
        let mut list = Self {
            text: text.to_string(),
            tags: Vec::new(),
            errors: Vec::new(),
        };
        let mut start = 0;
        let pieces: Vec<&str> = text.split(';').collect();
        let last = pieces.len() - 1;
        for (i, piece) in pieces.iter().enumerate() {
            let range = trimmed(text, start..start + piece.len());
            start += piece.len() + 1;
            if range.is_empty() {
                // Only the end may be empty: `a=b;` is allowed, `a=b;;c=d` is not.
                if i != last && !(i == 0 && last == 0) {
                    list.errors.push(TagError {
                        span: range.start..range.start,
                        message: "an empty element between two ';'".into(),
                    });
                }
                continue;
            }
            match pair(text, range.clone()) {
                Ok(tag) => list.tags.push(tag),
                Err(message) => list.errors.push(TagError {
                    span: range,
                    message,
                }),
            }
        }
        list
    }

    /// The first tag named `name`.
    pub fn get(&self, name: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| t.name == name)
    }

    /// Tags whose name appeared before in the list.
    pub fn duplicates(&self) -> impl Iterator<Item = &Tag> {
        self.tags
            .iter()
            .zip(repeats(&self.tags))
            .filter_map(|(t, repeat)| repeat.then_some(t))
    }
}

/// For each tag, whether its name appeared earlier among `tags`. Linear in the number of tags:
/// a hostile 64 KiB record may hold thousands.
pub fn repeats(tags: &[Tag]) -> Vec<bool> {
    let mut seen = std::collections::HashSet::new();
    tags.iter().map(|t| !seen.insert(t.name.as_str())).collect()
}

/// `range` of `text` without folding white space at either end.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start_matches(is_fws).len();
    let trail = piece.len() - piece.trim_end_matches(is_fws).len();
    if lead == piece.len() {
        return range.start..range.start;
    }
    range.start + lead..range.end - trail
}

fn is_fws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// One element: `tag-name = tag-value` (RFC 6376 §3.2).
fn pair(text: &str, range: Range<usize>) -> Result<Tag, String> {
    let piece = &text[range.clone()];
    let Some(eq) = piece.find('=') else {
        return Err(format!(
            "{} is not tag=value",
            crate::sanitize::quoted(piece)
        ));
    };
    let name_span = trimmed(text, range.start..range.start + eq);
    let value_span = trimmed(text, range.start + eq + 1..range.end);
    let value_span = if value_span.is_empty() {
        range.end..range.end
    } else {
        value_span
    };
    let name = &text[name_span.clone()];
    let valid_name = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid_name {
        return Err(format!(
            "{} is not a tag name (a letter, then letters, digits or '_')",
            crate::sanitize::quoted(name)
        ));
    }
    Ok(Tag {
        name: name.to_string(),
        value: text[value_span.clone()].to_string(),
        span: range,
        name_span,
        value_span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pairs_with_their_spans() {
        let list = TagList::parse("v=DMARC1; p = reject ;rua=mailto:d@example.com;");
        assert!(list.errors.is_empty(), "{:?}", list.errors);
        let names: Vec<&str> = list.tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["v", "p", "rua"]);
        let p = list.get("p").unwrap();
        assert_eq!(p.value, "reject");
        assert_eq!(&list.text[p.value_span.clone()], "reject");
        assert_eq!(&list.text[p.span.clone()], "p = reject");
    }

    #[test]
    fn empty_values_are_values_and_bad_elements_are_errors() {
        let list = TagList::parse("v=BIMI1; l=; a=;");
        assert!(list.errors.is_empty());
        assert_eq!(list.get("l").unwrap().value, "");
        let bad = TagList::parse("v=DMARC1;; p reject; 9x=1; p=none; p=quarantine");
        let spans: Vec<&str> = bad
            .errors
            .iter()
            .map(|e| &bad.text[e.span.clone()])
            .collect();
        assert_eq!(spans, ["", "p reject", "9x=1"]);
        assert_eq!(bad.duplicates().count(), 1);
        assert!(TagList::parse("").errors.is_empty());
    }
}
