//! The TXT record shape MTA-STS (RFC 8461 §3.1) and TLS-RPT (RFC 8460 §3) share: `v=VERSION`
//! first, then fields separated by `*WSP ";" *WSP`, each `name=value` with no space around `=`,
//! names of at most 32 letters, digits, `_`, `-` and `.` starting with a letter or digit, and
//! extension values of visible characters other than `=` and `;`. Read on top of the shared
//! tag-value parser, which keeps every byte position.

use std::ops::Range;

use crate::tags::{Tag, TagList, repeats};

/// Something in the record a sender would not accept, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// Not the record grammar.
    Syntax { span: Range<usize>, message: String },
    /// The record does not start with `v=VERSION`: senders discard it.
    VersionNotFirst { span: Range<usize>, message: String },
    /// A field given again; `span` is the repeat.
    Duplicate { span: Range<usize>, name: String },
    /// A well-formed field this version does not define; senders ignore it.
    Unknown { span: Range<usize>, name: String },
}

/// A record read as fields, with what is wrong with its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRecord {
    pub text: String,
    pub fields: Vec<Tag>,
    pub issues: Vec<Issue>,
}

impl FieldRecord {
    /// Reads `text` as a record of `version` whose defined fields are `known` (besides `v`).
    /// Extension fields are checked against the extension value grammar; the values of known
    /// fields are the caller's to check.
    pub fn parse(text: &str, version: &str, known: &[&str]) -> Self {
        let list = TagList::parse(text);
        let mut issues = Vec::new();
        let mut fields = list.tags.clone();
        for error in &list.errors {
            match extension_pair(text, error.span.clone()) {
                Some(tag) => fields.push(tag),
                None => issues.push(Issue::Syntax {
                    span: error.span.clone(),
                    message: error.message.clone(),
                }),
            }
        }
        fields.sort_by_key(|t| t.span.start);
        if let Some(at) = text.find(['\r', '\n']) {
            issues.push(Issue::Syntax {
                span: at..at + 1,
                message: "a line break inside the record; only spaces and tabs may separate fields"
                    .into(),
            });
        }
        for tag in &fields {
            issues.extend(field_issue(text, tag, known));
        }
        issues.extend(version_issue(text, &fields, version));
        for (tag, repeat) in fields.iter().zip(repeats(&fields)) {
            if repeat {
                issues.push(Issue::Duplicate {
                    span: tag.span.clone(),
                    name: tag.name.clone(),
                });
            }
        }
        Self {
            text: text.to_string(),
            fields,
            issues,
        }
    }

    /// The first field named `name`.
    pub fn get(&self, name: &str) -> Option<&Tag> {
        self.fields.iter().find(|t| t.name == name)
    }
}

/// Whether `text` starts with `v=VERSION` as a whole field: what senders select records by.
pub fn starts_with_version(text: &str, version: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("v=")
        .and_then(|r| r.strip_prefix(version))
    else {
        return false;
    };
    rest.is_empty() || rest.starts_with([';', ' ', '\t'])
}

/// An element the tag-value parser refused, read again with the extension name grammar, which
/// also allows `-`, `.` and a leading digit.
fn extension_pair(text: &str, span: Range<usize>) -> Option<Tag> {
    let piece = &text[span.clone()];
    let eq = piece.find('=')?;
    let name = piece[..eq].trim_end_matches([' ', '\t']);
    if !is_ext_name(name) {
        return None;
    }
    let value_start = span.start + eq + 1;
    let value = piece[eq + 1..].trim_start_matches([' ', '\t']);
    let value_start = value_start + (piece.len() - eq - 1 - value.len());
    Some(Tag {
        name: name.to_string(),
        value: value.to_string(),
        span: span.clone(),
        name_span: span.start..span.start + name.len(),
        value_span: value_start..span.end,
    })
}

/// `(ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")`.
fn is_ext_name(name: &str) -> bool {
    name.len() <= 32
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// `1*(%x21-3A / %x3C / %x3E-7E)`: visible ASCII but `;` and `=`.
pub fn is_ext_value(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| matches!(b, 0x21..=0x3a | 0x3c | 0x3e..=0x7e))
}

fn field_issue(text: &str, tag: &Tag, known: &[&str]) -> Option<Issue> {
    let between = &text[tag.name_span.end..tag.value_span.start.max(tag.name_span.end)];
    if between != "=" {
        return Some(Issue::Syntax {
            span: tag.span.clone(),
            message: format!(
                "no space is allowed around '=' in {}",
                crate::sanitize::quoted(&text[tag.span.clone()])
            ),
        });
    }
    if !is_ext_name(&tag.name) {
        return Some(Issue::Syntax {
            span: tag.name_span.clone(),
            message: format!(
                "{} is not a field name (at most 32 letters, digits, '_', '-' or '.')",
                crate::sanitize::quoted(&tag.name)
            ),
        });
    }
    if tag.name == "v" || known.contains(&tag.name.as_str()) {
        return None;
    }
    if !is_ext_value(&tag.value) {
        return Some(Issue::Syntax {
            span: tag.value_span.clone(),
            message: format!(
                "the value of {} is empty or holds spaces, '=' or ';'",
                tag.name
            ),
        });
    }
    Some(Issue::Unknown {
        span: tag.span.clone(),
        name: tag.name.clone(),
    })
}

fn version_issue(text: &str, fields: &[Tag], version: &str) -> Option<Issue> {
    let first = fields.first();
    if first.is_some_and(|t| t.name == "v" && t.value == version && t.span.start == 0) {
        return None;
    }
    let message = match fields.iter().find(|t| t.name == "v") {
        Some(v)
            if v.value.starts_with(version)
                && v.value[version.len()..].starts_with([' ', '\t']) =>
        {
            return Some(Issue::Syntax {
                span: v.span.clone(),
                message: format!("a ';' must follow v={version}"),
            });
        }
        Some(v) if v.value != version => {
            return Some(Issue::VersionNotFirst {
                span: v.value_span.clone(),
                message: format!(
                    "the version is {}, not {version}",
                    crate::sanitize::quoted(&v.value)
                ),
            });
        }
        Some(v) if v.span.start > 0 && first.is_some_and(|f| f.span != v.span) => {
            format!("v={version} is not the first field")
        }
        Some(_) => format!("the record must start with v={version}"),
        None => format!("no v={version} field"),
    };
    let span = first.map_or(0..text.len(), |f| f.span.clone());
    Some(Issue::VersionNotFirst { span, message })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        FieldRecord::parse(text, "STSv1", &["id"])
            .issues
            .iter()
            .map(|i| match i {
                Issue::Syntax { span, .. } => format!("syntax {}", &text[span.clone()]),
                Issue::VersionNotFirst { span, .. } => format!("version {}", &text[span.clone()]),
                Issue::Duplicate { name, .. } => format!("duplicate {name}"),
                Issue::Unknown { name, .. } => format!("unknown {name}"),
            })
            .collect()
    }

    #[test]
    fn a_clean_record_has_no_issues() {
        assert!(kinds("v=STSv1; id=20240101T000000;").is_empty());
        assert!(kinds("v=STSv1;id=1").is_empty());
    }

    #[test]
    fn extension_names_may_hold_dashes_dots_and_start_with_a_digit() {
        assert_eq!(
            kinds("v=STSv1; id=1; x-y.z=1; 9a=b"),
            ["unknown x-y.z", "unknown 9a"]
        );
        assert_eq!(kinds("v=STSv1; id=1; x=a b"), ["syntax a b"]);
    }

    #[test]
    fn version_must_come_first_and_match() {
        assert_eq!(kinds("id=1; v=STSv1"), ["version id=1"]);
        assert_eq!(kinds("v=STSv2; id=1"), ["version STSv2"]);
        assert_eq!(kinds("id=1"), ["version id=1"]);
        assert_eq!(kinds("v = STSv1; id=1"), ["syntax v = STSv1"]);
        assert_eq!(kinds("v=STSv1 id=1"), ["syntax v=STSv1 id=1"]);
    }

    #[test]
    fn duplicates_and_line_breaks() {
        assert_eq!(kinds("v=STSv1; id=1; id=2"), ["duplicate id"]);
        assert_eq!(kinds("v=STSv1;\nid=1"), ["syntax \n"]);
        assert!(starts_with_version("v=STSv1; id=1", "STSv1"));
        assert!(starts_with_version("v=STSv1", "STSv1"));
        assert!(!starts_with_version("v=STSv10", "STSv1"));
        assert!(!starts_with_version(" v=STSv1", "STSv1"));
    }
}
