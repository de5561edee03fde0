//! The `Authentication-Results:` header field (RFC 8601): the verdicts `verify` reaches written
//! as a receiver would write them, to hold beside the ones the message carries — and those read
//! back as `method=result` pairs. Reading is lenient and bounded: a field of another shape is
//! kept as text, never an error.

use std::fmt::Write as _;

use serde::Serialize;

/// One method's result (§2.2): `dkim=pass header.d=example.com header.s=s1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MethodResult {
    /// `spf`, `dkim`, `dmarc`, `arc`.
    pub method: String,
    /// `pass`, `fail`, `none`, `neutral`, `policy`, `temperror`, `permerror`, ...
    pub result: String,
    /// Why, in words (`reason=`, §2.2).
    pub reason: Option<String>,
    /// `ptype.property=value` pairs: `smtp.mailfrom`, `header.d`, `header.from`, ...
    pub properties: Vec<(String, String)>,
}

/// A whole field: who wrote it and what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuthResults {
    pub authserv_id: String,
    pub results: Vec<MethodResult>,
}

/// Results read from one field at most: a field with more is cut there.
pub const MAX_RESULTS: usize = 64;

impl AuthResults {
    /// The field's value, folded before 78 columns as RFC 5322 §2.1.1 asks.
    pub fn header_value(&self) -> String {
        let mut parts = vec![self.authserv_id.clone()];
        if self.results.is_empty() {
            parts.push("none".into());
        }
        for r in &self.results {
            let mut text = format!("{}={}", r.method, r.result);
            if let Some(reason) = &r.reason {
                let _ = write!(text, " reason=\"{}\"", reason.replace(['"', '\\'], "'"));
            }
            for (name, value) in &r.properties {
                let _ = write!(text, " {name}={}", value_text(value));
            }
            parts.push(text);
        }
        fold("Authentication-Results: ", &parts.join(";\r\n\t"))
    }

    /// Reads a field's value (unfolded); `None` when it has no authserv-id.
    pub fn parse(value: &str) -> Option<Self> {
        let mut pieces = split_outside_quotes(value, ';').into_iter();
        let authserv_id = pieces.next()?.split_whitespace().next()?.to_string();
        let results = pieces
            .filter_map(|p| method_result(&p))
            .take(MAX_RESULTS)
            .collect();
        Some(Self {
            authserv_id,
            results,
        })
    }
}

/// A property value as RFC 8601 §2.2 allows: a token, or a quoted string.
fn value_text(value: &str) -> String {
    let token = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"()<>,;:\\\"[]?=".contains(&b) || b == b'@');
    if token {
        value.to_string()
    } else {
        format!("\"{}\"", value.replace(['"', '\\'], "'"))
    }
}

/// `method=result [reason=...] [ptype.property=value ...]`, comments `(...)` left out.
fn method_result(text: &str) -> Option<MethodResult> {
    let text = without_comments(text);
    let mut words = split_outside_quotes(&text, ' ')
        .into_iter()
        .filter(|w| !w.is_empty());
    let first = words.next()?;
    let (method, result) = first.split_once('=')?;
    let mut out = MethodResult {
        method: method.trim().to_ascii_lowercase(),
        result: result.trim().to_ascii_lowercase(),
        reason: None,
        properties: Vec::new(),
    };
    for word in words {
        let Some((name, value)) = word.split_once('=') else {
            continue;
        };
        let value = value.trim_matches('"').to_string();
        if name.eq_ignore_ascii_case("reason") {
            out.reason = Some(value);
        } else {
            out.properties.push((name.to_ascii_lowercase(), value));
        }
    }
    Some(out)
}

fn without_comments(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' if depth == 0 => {
                quoted = !quoted;
                out.push(c);
            }
            '(' if !quoted => depth += 1,
            ')' if !quoted && depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn split_outside_quotes(text: &str, at: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c == at && !quoted {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts.into_iter().map(|p| p.trim().to_string()).collect()
}

/// `name` and `value` as one field, each line kept under 78 characters where spaces allow.
fn fold(name: &str, value: &str) -> String {
    let mut out = String::from(name);
    let mut column = name.len();
    for (i, line) in value.split("\r\n\t").enumerate() {
        if i > 0 {
            out.push_str("\r\n\t");
            column = 8;
        }
        for (j, word) in line.split(' ').enumerate() {
            if j > 0 {
                if column + 1 + word.len() > 78 {
                    out.push_str("\r\n\t ");
                    column = 9;
                } else {
                    out.push(' ');
                    column += 1;
                }
            }
            out.push_str(word);
            column += word.len();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(method: &str, result: &str, props: &[(&str, &str)]) -> MethodResult {
        MethodResult {
            method: method.into(),
            result: result.into(),
            reason: None,
            properties: props
                .iter()
                .map(|(n, v)| ((*n).to_string(), (*v).to_string()))
                .collect(),
        }
    }

    #[test]
    fn written_and_read_back() {
        let ours = AuthResults {
            authserv_id: "mailaudit".into(),
            results: vec![
                result("spf", "pass", &[("smtp.mailfrom", "bounce@example.com")]),
                result(
                    "dkim",
                    "pass",
                    &[("header.d", "example.com"), ("header.s", "s1")],
                ),
                result("dmarc", "pass", &[("header.from", "example.com")]),
            ],
        };
        let field = ours.header_value();
        assert!(field.starts_with("Authentication-Results: mailaudit;\r\n\tspf=pass"));
        assert!(field.lines().all(|l| l.len() <= 78), "{field}");
        let value = field["Authentication-Results: ".len()..].replace("\r\n\t", " ");
        assert_eq!(AuthResults::parse(&value), Some(ours));
    }

    #[test]
    fn a_receivers_field_with_comments_and_reasons() {
        let theirs = "mx.google.com; dkim=pass header.i=@example.com header.s=s1 \
                      header.b=abc; spf=softfail (google.com: domain of transitioning \
                      x@example.net does not designate 192.0.2.1 as permitted sender) \
                      smtp.mailfrom=x@example.net; dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) \
                      header.from=example.com; arc=none reason=\"no; chain\"";
        let read = AuthResults::parse(theirs).unwrap();
        assert_eq!(read.authserv_id, "mx.google.com");
        let pairs: Vec<(&str, &str)> = read
            .results
            .iter()
            .map(|r| (r.method.as_str(), r.result.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("dkim", "pass"),
                ("spf", "softfail"),
                ("dmarc", "fail"),
                ("arc", "none")
            ]
        );
        assert_eq!(read.results[3].reason.as_deref(), Some("no; chain"));
        assert_eq!(
            read.results[1].properties,
            [("smtp.mailfrom".into(), "x@example.net".into())]
        );
    }

    #[test]
    fn never_panics_on_odd_text() {
        for odd in ["", ";", "a;=", "a; b", "a; (((", "a; \"", "a; x=\"y"] {
            let _ = AuthResults::parse(odd);
        }
    }
}
