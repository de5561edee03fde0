//! The BIMI Assertion Record parser (draft-brand-indicators-for-message-identification-12 §4.3)
//! on top of the shared tag-value list: the version first and exact, `l=` an HTTPS URI of an SVG
//! Indicator, `a=` an HTTPS URI of a PEM evidence document, `lps=` and `avp=` by their grammar;
//! every problem keeps the byte span of its tag.

use std::ops::Range;

use crate::tags::{Tag, TagList, repeats};

use super::{BimiRecord, ErrorKind, RecordError};

/// The version tag's only value; it must match exactly (§4.3 `v`).
pub const VERSION: &str = "BIMI1";

/// The tags the draft defines (§4.3).
pub const KNOWN_TAGS: &[&str] = &["v", "l", "a", "lps", "avp"];

/// Indicator formats of the BIMI formats registry: SVG and SVGZ (§4.3.2, §9.2).
const INDICATOR_EXTENSIONS: &[&str] = &[".svg", ".svgz"];
const EVIDENCE_EXTENSIONS: &[&str] = &[".pem"];

/// Whether a TXT record is meant as a BIMI record: a `v` tag of `BIMI1` in any case.
pub fn is_candidate(tags: &TagList) -> bool {
    tags.tags
        .iter()
        .any(|t| t.name.eq_ignore_ascii_case("v") && t.value.eq_ignore_ascii_case(VERSION))
}

impl BimiRecord {
    pub fn parse(text: &str) -> Self {
        let tags = TagList::parse(text);
        let mut record = Self {
            valid_version: false,
            location: None,
            evidence: None,
            errors: RecordError::syntax(&tags, ErrorKind::Syntax),
            tags,
        };
        record.read_version();
        let tags = record.tags.tags.clone();
        for (tag, repeat) in tags.iter().zip(repeats(&tags)) {
            if repeat {
                let message = format!("{}= appears more than once", tag.name);
                record.error(ErrorKind::DuplicateTag, tag, tag.span.clone(), message);
                continue;
            }
            if tag.name != "v" {
                record.read_tag(tag);
            }
        }
        if record.valid_version && record.location.is_none() {
            let end = record.tags.text.len();
            record.errors.push(RecordError {
                kind: ErrorKind::InvalidLocation,
                tag: Some("l".into()),
                span: end..end,
                message: "l= is missing; it is required (an empty l= declines BIMI)".into(),
            });
        }
        record.errors.sort_by_key(|e| e.span.start);
        record
    }

    fn error(&mut self, kind: ErrorKind, tag: &Tag, span: Range<usize>, message: String) {
        self.errors.push(RecordError {
            kind,
            tag: Some(tag.name.clone()),
            span,
            message,
        });
    }

    fn read_version(&mut self) {
        let first = self.tags.tags.first().cloned();
        let message = match &first {
            Some(t) if t.name == "v" && t.value == VERSION => {
                self.valid_version = true;
                return;
            }
            Some(t) if t.name == "v" => format!("v={}: the version must be exactly BIMI1", t.value),
            Some(t) => format!("the record starts with {}=, not v=BIMI1", t.name),
            None => "the record does not start with v=BIMI1".into(),
        };
        let span = first.map_or(0..self.tags.text.len(), |t| t.span);
        self.errors.push(RecordError {
            kind: ErrorKind::VersionNotFirst,
            tag: Some("v".into()),
            span,
            message,
        });
    }

    fn read_tag(&mut self, tag: &Tag) {
        if let Some((offset, c)) = tag.value.char_indices().find(|(_, c)| c.is_control()) {
            let at = tag.value_span.start + offset;
            let message = format!(
                "{}= holds the control character {}",
                tag.name,
                crate::sanitize::quoted_char(c)
            );
            self.error(ErrorKind::Syntax, tag, at..at + c.len_utf8(), message);
            return;
        }
        let value = tag.value.as_str();
        let (kind, result) = match tag.name.as_str() {
            "l" => {
                self.location = Some(value.to_string());
                let check = https_uri(value, "an SVG file (.svg)", INDICATOR_EXTENSIONS);
                (ErrorKind::InvalidLocation, check)
            }
            "a" => {
                self.evidence = Some(value.to_string());
                let check = https_uri(value, "a PEM file (.pem)", EVIDENCE_EXTENSIONS);
                (ErrorKind::InvalidEvidence, check)
            }
            "lps" => (ErrorKind::InvalidValue, local_part_prefixes(value)),
            "avp" => (ErrorKind::InvalidValue, avatar_preference(value)),
            name => {
                let message = format!("{name}= is not a BIMI tag and is ignored");
                self.error(ErrorKind::UnknownTag, tag, tag.name_span.clone(), message);
                return;
            }
        };
        if let Err(why) = result {
            let message = format!("{}={}: {why}", tag.name, tag.value);
            self.error(kind, tag, tag.span.clone(), message);
        }
    }
}

/// An empty value, or one `https:` URI with a fully qualified host whose path ends in one of
/// `extensions` (§4.3 `l`, `a`; commas within a URI must be encoded, so a comma means several).
fn https_uri(value: &str, file: &str, extensions: &[&str]) -> Result<(), String> {
    if value.is_empty() {
        return Ok(());
    }
    if value.contains(',') {
        return Err("holds more than one URI; give exactly one".into());
    }
    if let Some(c) = value.chars().find(|c| !is_uri_char(*c)) {
        return Err(format!(
            "{} is not allowed in a URI (percent-encode it)",
            crate::sanitize::quoted_char(c)
        ));
    }
    let Some(rest) = value
        .get(..8)
        .filter(|s| s.eq_ignore_ascii_case("https://"))
        .map(|_| &value[8..])
    else {
        return Err("must be an https:// URI".into());
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..end].split(':').next().unwrap_or_default();
    let fqdn = host.contains('.')
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    if !fqdn {
        return Err(format!(
            "{} is not a fully qualified host name",
            crate::sanitize::quoted(host)
        ));
    }
    let path = rest[end..].split(['?', '#']).next().unwrap_or_default();
    let lower = path.to_ascii_lowercase();
    if !extensions.iter().any(|e| lower.ends_with(e)) {
        return Err(format!("must point at {file}"));
    }
    Ok(())
}

/// RFC 3986 §2: unreserved, reserved and `%`.
fn is_uri_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

/// §4.3 `lps`: zero or more prefixes of 1 to 63 letters, digits and '-', comma-separated.
fn local_part_prefixes(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Ok(());
    }
    for prefix in value.split(',').map(|p| p.trim_matches([' ', '\t'])) {
        let ok = (1..=63).contains(&prefix.len())
            && prefix
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !ok {
            return Err(format!(
                "{} is not a local-part prefix (1 to 63 letters, digits or '-')",
                crate::sanitize::quoted(prefix)
            ));
        }
    }
    Ok(())
}

/// §4.3 `avp`: `personal` or `brand`, case-sensitive.
fn avatar_preference(value: &str) -> Result<(), String> {
    match value {
        "personal" | "brand" => Ok(()),
        _ => Err("must be personal or brand".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(r: &BimiRecord) -> Vec<(ErrorKind, &str)> {
        r.errors
            .iter()
            .map(|e| (e.kind, &r.text()[e.span.clone()]))
            .collect()
    }

    #[test]
    fn reads_a_record() {
        let r = BimiRecord::parse(
            "v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem; avp=brand",
        );
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert!(r.valid_version && !r.declined());
        assert_eq!(r.location.as_deref(), Some("https://example.com/logo.svg"));
        assert!(BimiRecord::parse("v=BIMI1; l=; a=;").declined());
        assert!(BimiRecord::parse("v=BIMI1; l=").declined());
        assert!(!BimiRecord::parse("v=BIMI1; l=; a=https://e.example/x.pem").declined());
    }

    #[test]
    fn locations_and_evidence_follow_the_draft() {
        let r = BimiRecord::parse(
            "v=BIMI1; l=http://example.com/logo.svg; a=https://example.com/vmc.crt; foo=1",
        );
        assert_eq!(
            kinds(&r),
            [
                (ErrorKind::InvalidLocation, "l=http://example.com/logo.svg"),
                (ErrorKind::InvalidEvidence, "a=https://example.com/vmc.crt"),
                (ErrorKind::UnknownTag, "foo"),
            ]
        );
        for bad in [
            "l=https://example.com/logo.png",
            "l=https://localhost/logo.svg",
            "l=https://a.example/1.svg,https://b.example/2.svg",
            "l=https://example.com/lo go.svg",
        ] {
            let r = BimiRecord::parse(&format!("v=BIMI1; {bad}"));
            assert_eq!(r.errors.len(), 1, "{bad}: {:?}", r.errors);
        }
        let missing = BimiRecord::parse("v=BIMI1; a=https://example.com/vmc.pem");
        assert_eq!(kinds(&missing), [(ErrorKind::InvalidLocation, "")]);
        let ok = BimiRecord::parse("v=BIMI1; l=HTTPS://Example.COM/Logo.SVGZ?x=1; lps=brand-, x");
        assert!(ok.errors.is_empty(), "{:?}", ok.errors);
    }

    #[test]
    fn the_version_is_first_and_exact() {
        assert_eq!(
            kinds(&BimiRecord::parse("l=; v=BIMI1")),
            [(ErrorKind::VersionNotFirst, "l=")]
        );
        assert_eq!(
            kinds(&BimiRecord::parse("v=bimi1; l=")),
            [(ErrorKind::VersionNotFirst, "v=bimi1")]
        );
        assert!(is_candidate(&TagList::parse("l=; v=bimi1")));
        let dup = BimiRecord::parse("v=BIMI1; l=; l=; avp=Brand");
        assert_eq!(
            kinds(&dup),
            [
                (ErrorKind::DuplicateTag, "l="),
                (ErrorKind::InvalidValue, "avp=Brand")
            ]
        );
    }
}
