//! The DMARC Policy Record parser (RFC 9989 §4.7, §4.8) on top of the shared tag-value list:
//! every tag is read and checked against the grammar of its value, and every problem keeps the
//! byte span of the tag it is in. Nothing is thrown away: a record with errors still yields every
//! value that could be read, so the report shows what receivers make of it.

use std::ops::Range;

use crate::tags::{Tag, TagList, repeats};

use super::uri::report_uri;
use super::{AlignmentMode, DmarcRecord, ErrorKind, Policy, Psd, RecordError};

/// The version tag's only value; case-sensitive (§4.7 `v`, §4.8 `%s"DMARC1"`).
pub const VERSION: &str = "DMARC1";

/// The tags of the IANA DMARC Tags registry, RFC 7489's removed ones included (§9.3).
pub const KNOWN_TAGS: &[&str] = &[
    "v", "p", "sp", "np", "adkim", "aspf", "fo", "rua", "ruf", "psd", "t", "pct", "rf", "ri",
];

/// Whether a TXT record is meant as a DMARC record: it has a `v` tag of `DMARC1` in any case, or
/// starts so. Receivers use only records whose first tag is exactly `v=DMARC1`; the others are
/// still worth a finding.
pub fn is_candidate(tags: &TagList) -> bool {
    let starts = tags
        .text
        .trim_start()
        .get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("v=DMARC1"));
    starts
        || tags
            .tags
            .iter()
            .any(|t| t.name.eq_ignore_ascii_case("v") && t.value.eq_ignore_ascii_case(VERSION))
}

impl DmarcRecord {
    pub fn parse(text: &str) -> Self {
        let tags = TagList::parse(text);
        let mut record = Self {
            valid_version: false,
            p: None,
            sp: None,
            np: None,
            adkim: None,
            aspf: None,
            psd: None,
            t: None,
            pct: None,
            rua: Vec::new(),
            ruf: Vec::new(),
            errors: RecordError::syntax(&tags, ErrorKind::Syntax),
            tags,
        };
        record.read_version();
        let tags = record.tags.tags.clone();
        for (tag, repeat) in tags.iter().zip(repeats(&tags)) {
            let first = !repeat;
            if repeat {
                record.error(
                    ErrorKind::DuplicateTag,
                    tag,
                    tag.span.clone(),
                    format!("{}= appears more than once", tag.name),
                );
            }
            if tag.name != "v" {
                record.read_tag(tag, first);
            }
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

    /// §4.7 `v`: the first tag, exactly `DMARC1`.
    fn read_version(&mut self) {
        let Some(first) = self.tags.tags.first().cloned() else {
            let span = 0..self.tags.text.len();
            self.errors.push(RecordError {
                kind: ErrorKind::VersionNotFirst,
                tag: None,
                span,
                message: "the record does not start with v=DMARC1".into(),
            });
            return;
        };
        if first.name == "v" && first.value == VERSION {
            self.valid_version = true;
            return;
        }
        if first.name == "v" {
            let message = version_message(&first.value);
            self.error(ErrorKind::InvalidValue, &first, first.span.clone(), message);
            return;
        }
        let later = self.tags.tags.iter().find(|t| t.name == "v").cloned();
        let (span, message) = match &later {
            Some(v) => (
                v.span.clone(),
                format!(
                    "v={} is not the first tag (it follows {}=)",
                    v.value, first.name
                ),
            ),
            None => (
                first.span.clone(),
                format!("the record starts with {}=, not v=DMARC1", first.name),
            ),
        };
        let tag = later.unwrap_or(first);
        self.error(ErrorKind::VersionNotFirst, &tag, span, message);
    }

    /// Checks one tag's value and keeps it when it is the tag's first occurrence.
    fn read_tag(&mut self, tag: &Tag, first: bool) {
        if tag.value.is_empty() {
            let message = format!("{}= has no value", tag.name);
            self.error(ErrorKind::InvalidValue, tag, tag.span.clone(), message);
            return;
        }
        if self.control_character(tag) {
            return;
        }
        let name = tag.name.as_str();
        let result = match name {
            "p" | "sp" | "np" => policy(&tag.value).map(|v| {
                if first {
                    *self.policy_slot(name) = Some(v);
                }
            }),
            "adkim" | "aspf" => alignment(&tag.value).map(|v| {
                if first {
                    *self.alignment_slot(name) = Some(v);
                }
            }),
            "psd" => psd(&tag.value).map(|v| {
                if first {
                    self.psd = Some(v);
                }
            }),
            "t" => yes_no(&tag.value).map(|v| {
                if first {
                    self.t = Some(v);
                }
            }),
            "pct" => pct(&tag.value).map(|v| {
                if first {
                    self.pct = Some(v);
                }
            }),
            "fo" => fo(&tag.value),
            "rf" => rf(&tag.value),
            "ri" => ri(&tag.value),
            "rua" | "ruf" => {
                self.read_uris(tag, first);
                Ok(())
            }
            _ => {
                let message = unknown_message(name);
                self.error(ErrorKind::UnknownTag, tag, tag.name_span.clone(), message);
                Ok(())
            }
        };
        if let Err(why) = result {
            let message = format!("{}={}: {why}", tag.name, tag.value);
            self.error(ErrorKind::InvalidValue, tag, tag.span.clone(), message);
        }
    }

    /// Records a control character in the tag's value, if it holds one.
    fn control_character(&mut self, tag: &Tag) -> bool {
        let Some((offset, c)) = tag.value.char_indices().find(|(_, c)| c.is_control()) else {
            return false;
        };
        let at = tag.value_span.start + offset;
        let message = format!(
            "{}= holds the control character {}",
            tag.name,
            crate::sanitize::quoted_char(c)
        );
        let span = at..at + c.len_utf8();
        self.error(ErrorKind::Syntax, tag, span, message);
        true
    }

    fn alignment_slot(&mut self, name: &str) -> &mut Option<AlignmentMode> {
        if name == "adkim" {
            &mut self.adkim
        } else {
            &mut self.aspf
        }
    }

    fn policy_slot(&mut self, name: &str) -> &mut Option<Policy> {
        match name {
            "p" => &mut self.p,
            "sp" => &mut self.sp,
            _ => &mut self.np,
        }
    }

    /// §4.8 `dmarc-urilist`: URIs separated by commas, each perhaps with an obsolete `!size`.
    fn read_uris(&mut self, tag: &Tag, first: bool) {
        let mut uris = Vec::new();
        let mut offset = 0;
        for piece in tag.value.split(',') {
            let start = tag.value_span.start + offset;
            offset += piece.len() + 1;
            let lead = piece.len() - piece.trim_start_matches([' ', '\t']).len();
            let trimmed = piece.trim_matches([' ', '\t']);
            let span = start + lead..start + lead + trimmed.len();
            match report_uri(trimmed, span.clone()) {
                Ok(uri) => uris.push(uri),
                Err(why) => {
                    let message = format!(
                        "{}= URI {}: {why}",
                        tag.name,
                        crate::sanitize::quoted(trimmed)
                    );
                    self.error(ErrorKind::InvalidValue, tag, span, message);
                }
            }
        }
        if first {
            if tag.name == "rua" {
                self.rua = uris;
            } else {
                self.ruf = uris;
            }
        }
    }
}

fn version_message(value: &str) -> String {
    if value.eq_ignore_ascii_case(VERSION) {
        format!("v={value}: the version is case-sensitive and must be DMARC1")
    } else if value.starts_with(VERSION) {
        format!("v={value}: a ';' must separate v=DMARC1 from the next tag")
    } else {
        format!("v={value}: the version must be DMARC1")
    }
}

fn unknown_message(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if lower != name && KNOWN_TAGS.contains(&lower.as_str()) {
        format!(
            "{name}= is not a DMARC tag (tag names are case-sensitive: {lower}=) and is ignored"
        )
    } else {
        format!("{name}= is not a DMARC tag and is ignored")
    }
}

/// §4.8 `dmarc-request`. ABNF strings are case-insensitive (RFC 5234 §2.3).
fn policy(value: &str) -> Result<Policy, String> {
    match value.to_ascii_lowercase().as_str() {
        "none" => Ok(Policy::None),
        "quarantine" => Ok(Policy::Quarantine),
        "reject" => Ok(Policy::Reject),
        _ => Err("must be none, quarantine or reject".into()),
    }
}

fn alignment(value: &str) -> Result<AlignmentMode, String> {
    match value.to_ascii_lowercase().as_str() {
        "r" => Ok(AlignmentMode::Relaxed),
        "s" => Ok(AlignmentMode::Strict),
        _ => Err("must be r (relaxed) or s (strict)".into()),
    }
}

fn psd(value: &str) -> Result<Psd, String> {
    match value.to_ascii_lowercase().as_str() {
        "y" => Ok(Psd::Yes),
        "n" => Ok(Psd::No),
        "u" => Ok(Psd::Unknown),
        _ => Err("must be y, n or u".into()),
    }
}

fn yes_no(value: &str) -> Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "y" => Ok(true),
        "n" => Ok(false),
        _ => Err("must be y or n".into()),
    }
}

/// RFC 7489 §6.3 `pct`: an integer from 0 to 100.
fn pct(value: &str) -> Result<u8, String> {
    let n = (value.len() <= 3 && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| value.parse::<u8>().ok())
        .flatten()
        .filter(|n| *n <= 100);
    n.ok_or_else(|| "must be a whole number from 0 to 100".into())
}

/// §4.8 `dmarc-fo`: 0, 1, d and s joined by ':', each at most once, 0 and 1 not together.
fn fo(value: &str) -> Result<(), String> {
    let mut seen: Vec<String> = Vec::new();
    for option in value.split(':') {
        let option = option.to_ascii_lowercase();
        if !matches!(option.as_str(), "0" | "1" | "d" | "s") {
            return Err(format!(
                "{} is not an option (0, 1, d or s, joined by ':')",
                crate::sanitize::quoted(&option)
            ));
        }
        if seen.contains(&option) {
            return Err(format!("{option} is given twice"));
        }
        seen.push(option);
    }
    if seen.iter().any(|o| o == "0") && seen.iter().any(|o| o == "1") {
        return Err("0 and 1 exclude each other".into());
    }
    Ok(())
}

/// RFC 7489 §6.3 `rf`: report format keywords joined by ':' (RFC 5321 Keyword).
fn rf(value: &str) -> Result<(), String> {
    let keyword = |k: &str| {
        let k = k.trim_matches([' ', '\t']);
        k.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
            && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if value.split(':').all(keyword) {
        Ok(())
    } else {
        Err("must be report format names joined by ':' (afrf)".into())
    }
}

/// RFC 7489 §6.3 `ri`: seconds, a 32-bit unsigned integer.
fn ri(value: &str) -> Result<(), String> {
    if value.bytes().all(|b| b.is_ascii_digit()) && value.parse::<u32>().is_ok() {
        Ok(())
    } else {
        Err("must be a number of seconds (at most 4294967295)".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(r: &DmarcRecord) -> Vec<(ErrorKind, &str)> {
        r.errors
            .iter()
            .map(|e| (e.kind, &r.text()[e.span.clone()]))
            .collect()
    }

    #[test]
    fn reads_a_full_record() {
        let r = DmarcRecord::parse(
            "v=DMARC1; p=reject; sp=Quarantine; np=none; adkim=s; aspf=r; psd=n; t=y; \
             fo=1:d:s; rua=mailto:a@example.com, mailto:b@example.net!10m; \
             ruf=https://reports.example.org:8443/x",
        );
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert!(r.valid_version);
        assert_eq!(
            (r.p, r.sp, r.np),
            (
                Some(Policy::Reject),
                Some(Policy::Quarantine),
                Some(Policy::None)
            )
        );
        assert_eq!(
            (r.adkim(), r.aspf(), r.psd()),
            (AlignmentMode::Strict, AlignmentMode::Relaxed, Psd::No)
        );
        assert!(r.testing());
        let hosts: Vec<_> = r.rua.iter().map(|u| u.host.as_deref().unwrap()).collect();
        assert_eq!(hosts, ["example.com", "example.net"]);
        assert_eq!(r.rua[1].size.as_deref(), Some("10m"));
        assert_eq!(&r.text()[r.rua[1].span.clone()], "mailto:b@example.net!10m");
        assert_eq!(r.ruf[0].host.as_deref(), Some("reports.example.org"));
        assert!(!r.ruf[0].is_mailto());
    }

    #[test]
    fn problems_keep_their_spans() {
        let r = DmarcRecord::parse("v=DMARC1; p=rejet; P=none; p=none; foo=1; rua=dmarc@x.example");
        assert_eq!(
            kinds(&r),
            [
                (ErrorKind::InvalidValue, "p=rejet"),
                (ErrorKind::UnknownTag, "P"),
                (ErrorKind::DuplicateTag, "p=none"),
                (ErrorKind::UnknownTag, "foo"),
                (ErrorKind::InvalidValue, "dmarc@x.example"),
            ]
        );
        assert_eq!(
            r.p, None,
            "the first p= is invalid; a later one does not count"
        );
        assert!(r.invalid("p") && !r.has_valid_rua());
    }

    #[test]
    fn the_version_must_come_first_exactly() {
        let late = DmarcRecord::parse("p=reject; v=DMARC1");
        assert!(!late.valid_version);
        assert_eq!(kinds(&late), [(ErrorKind::VersionNotFirst, "v=DMARC1")]);
        assert!(is_candidate(&late.tags));
        let case = DmarcRecord::parse("v=dmarc1; p=none");
        assert_eq!(kinds(&case), [(ErrorKind::InvalidValue, "v=dmarc1")]);
        let joined = DmarcRecord::parse("v=DMARC1 p=none");
        assert!(!joined.valid_version && is_candidate(&joined.tags));
        assert!(!is_candidate(&TagList::parse("v=spf1 -all")));
        assert_eq!(
            kinds(&DmarcRecord::parse("")),
            [(ErrorKind::VersionNotFirst, "")]
        );
    }

    #[test]
    fn values_follow_their_grammar() {
        for bad in [
            "pct=101",
            "pct=-1",
            "fo=0:1",
            "fo=d:d",
            "fo=x",
            "ri=abc",
            "t=yes",
            "psd=x",
            "adkim=x",
            "rf=",
            "np=",
            "rua=mailto:",
            "rua=mailto:x@y",
            "rua=x y",
            "rua=mailto:a@example.com!",
            "rua=mailto:a@example.com!5q",
            "rua=,",
        ] {
            let r = DmarcRecord::parse(&format!("v=DMARC1; {bad}"));
            assert!(
                r.errors.iter().any(|e| e.kind == ErrorKind::InvalidValue),
                "{bad} accepted: {:?}",
                r.errors
            );
        }
        let ok = DmarcRecord::parse("v=DMARC1; pct=0; fo=d:0; rf=afrf; ri=86400; psd=U");
        assert!(ok.errors.is_empty(), "{:?}", ok.errors);
        assert_eq!(ok.pct, Some(0));
    }

    #[test]
    fn control_characters_are_syntax_errors() {
        let r = DmarcRecord::parse("v=DMARC1; p=re\u{1b}ject");
        assert_eq!(kinds(&r), [(ErrorKind::Syntax, "\u{1b}")]);
    }
}
