//! YAML output (YAML 1.2 block style) that YAML 1.1 readers (PyYAML, Ruby's Psych) read back as
//! the same model as the JSON. A string is written plain only when no reader of either version
//! can take it for anything but a string; every other string is double-quoted, with JSON's
//! escapes for non-printable characters (YAML 1.2 §5.7, §7.3.1). So `yes`, `off`, `12:30`
//! (a YAML 1.1 base-60 number) or `~` stay strings everywhere.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Map, Value};

/// The YAML text of `value`: one document, ending in a newline.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    let value = serde_json::to_value(value)?;
    let mut out = String::new();
    match &value {
        Value::Object(map) if !map.is_empty() => mapping(&mut out, map, 0, false),
        Value::Array(items) if !items.is_empty() => sequence(&mut out, items, 0, false),
        scalar => {
            out.push_str(&scalar_text(scalar));
            out.push('\n');
        }
    }
    Ok(out)
}

/// Writes a mapping at `indent`; with `inline`, the first key goes on the current line (after
/// a sequence's `- `).
fn mapping(out: &mut String, map: &Map<String, Value>, indent: usize, inline: bool) {
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 || !inline {
            pad(out, indent);
        }
        out.push_str(&string_text(key));
        out.push(':');
        after_indicator(out, value, indent + 2, true);
    }
}

fn sequence(out: &mut String, items: &[Value], indent: usize, inline: bool) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !inline {
            pad(out, indent);
        }
        out.push('-');
        after_indicator(out, item, indent + 2, false);
    }
}

/// Writes `value` after a `key:` or `-` indicator.
fn after_indicator(out: &mut String, value: &Value, indent: usize, in_mapping: bool) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            if in_mapping {
                out.push('\n');
                mapping(out, map, indent, false);
            } else {
                out.push(' ');
                mapping(out, map, indent, true);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            if in_mapping {
                out.push('\n');
                sequence(out, items, indent, false);
            } else {
                out.push(' ');
                sequence(out, items, indent, true);
            }
        }
        scalar => {
            out.push(' ');
            out.push_str(&scalar_text(scalar));
            out.push('\n');
        }
    }
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string_text(s),
        Value::Object(_) => "{}".to_string(),
        Value::Array(_) => "[]".to_string(),
    }
}

fn string_text(s: &str) -> String {
    if plain_is_safe(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // YAML allows only printable characters unescaped (YAML 1.2 §5.1).
            c if c.is_control() || c == '\u{feff}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Words YAML 1.1 resolves to booleans or null (any case).
const YAML11_WORDS: [&str; 10] = [
    "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~",
];

/// Whether `s` can be written plain and still be read as this string by YAML 1.1 and 1.2
/// readers. Starting with a letter rules out numbers, timestamps and base-60 numbers, `.inf`,
/// `=` and `<<`; the allowed characters rule out indicators, comments and escapes.
fn plain_is_safe(s: &str) -> bool {
    let bytes = s.as_bytes();
    let Some(first) = bytes.first() else {
        return false;
    };
    first.is_ascii_alphabetic()
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains(" #")
        && bytes.iter().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b' ' | b'_' | b'-' | b'.' | b'/' | b'@' | b'+' | b'=' | b':'
                )
        })
        && !YAML11_WORDS.iter().any(|w| s.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Model {
        words: Vec<String>,
        nested: Vec<Inner>,
        empty: Vec<String>,
        none: Option<String>,
        count: u64,
        flag: bool,
    }

    #[derive(Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Inner {
        name: String,
        list: Vec<Vec<String>>,
    }

    fn model() -> Model {
        let words = [
            "yes",
            "No",
            "ON",
            "off",
            "y",
            "~",
            "null",
            "12:30",
            "1e3",
            "0x1F",
            "=",
            "<<",
            "-",
            "a: b",
            "x #y",
            "trailing ",
            "",
            "v=spf1 include:_spf.example.com -all",
            "multi\nline",
            "quote\"s",
            "back\\slash",
            "tab\t",
            "\u{1b}[31m",
            "del\u{7f}c1\u{85}",
            "ünï",
            "2001:db8::1",
            ".inf",
            "plain words",
        ];
        Model {
            words: words.iter().map(|w| (*w).to_string()).collect(),
            nested: vec![Inner {
                name: "off".into(),
                list: vec![vec!["a".into(), "yes".into()], vec![]],
            }],
            empty: vec![],
            none: None,
            count: 3,
            flag: true,
        }
    }

    #[test]
    fn reads_back_as_the_same_model() {
        let text = to_string(&model()).unwrap();
        let back: Model = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back, model());
    }

    #[test]
    fn quotes_what_yaml_1_1_would_read_as_something_else() {
        let text = to_string(&model()).unwrap();
        for risky in [
            "\"yes\"",
            "\"No\"",
            "\"ON\"",
            "\"off\"",
            "\"12:30\"",
            "\"~\"",
            "\"=\"",
        ] {
            assert!(text.contains(risky), "{risky} not quoted in\n{text}");
        }
        assert!(text.contains("- v=spf1 include:_spf.example.com -all\n"));
        assert!(text.contains("  name: \"off\"\n"));
    }
}
