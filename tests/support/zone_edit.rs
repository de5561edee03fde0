//! Taking record sets out of a master file's text (RFC 1035 §5.1) as a person applying `fix`'s
//! changes would: owners written relative to `$ORIGIN`, as `@`, or left blank (the previous
//! line's), and records continued over lines in parentheses. Enough of the syntax for the
//! fixture and example zones, not a parser.

use std::collections::BTreeSet;

/// `zone` without the records whose `(absolute owner, TYPE)` is in `gone` (lowercase owner with
/// the trailing dot, type in capitals); directives, comments and every other record are kept.
pub fn without(zone: &str, gone: &BTreeSet<(String, String)>) -> String {
    let mut origin = String::new();
    let mut owner = String::new();
    let mut out = String::new();
    let mut lines = zone.lines();
    while let Some(first) = lines.next() {
        let mut record = vec![first];
        let mut depth = parentheses(first);
        while depth > 0 {
            let Some(next) = lines.next() else { break };
            depth += parentheses(next);
            record.push(next);
        }
        let fields: Vec<&str> = code(first).split_whitespace().collect();
        let drop = match fields.first() {
            None => false,
            Some(&"$ORIGIN") => {
                origin = fields.get(1).map_or_else(String::new, |o| absolute(o, ""));
                false
            }
            Some(d) if d.starts_with('$') => false,
            Some(_) => {
                if !first.starts_with(char::is_whitespace) {
                    owner = absolute(fields[0], &origin);
                }
                rtype(&fields, first.starts_with(char::is_whitespace))
                    .is_some_and(|t| gone.contains(&(owner.clone(), t)))
            }
        };
        if !drop {
            for line in record {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// The line without its comment (a `;` outside quotes).
fn code(line: &str) -> &str {
    let mut quoted = false;
    for (at, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => return &line[..at],
            _ => {}
        }
    }
    line
}

/// How many parentheses the line opens minus how many it closes, outside quotes and comments.
fn parentheses(line: &str) -> i32 {
    let mut quoted = false;
    code(line).chars().fold(0, |n, c| match c {
        '"' => {
            quoted = !quoted;
            n
        }
        '(' if !quoted => n + 1,
        ')' if !quoted => n - 1,
        _ => n,
    })
}

fn absolute(name: &str, origin: &str) -> String {
    let name = name.to_ascii_lowercase();
    if name == "@" {
        origin.to_string()
    } else if name.ends_with('.') {
        name
    } else if origin.is_empty() {
        format!("{name}.")
    } else {
        format!("{name}.{origin}")
    }
}

/// The record's type: the first field after the owner (when written) that is neither a TTL nor
/// a class.
fn rtype(fields: &[&str], blank_owner: bool) -> Option<String> {
    let skip = usize::from(!blank_owner);
    fields
        .iter()
        .skip(skip)
        .find(|f| {
            !f.bytes().all(|b| b.is_ascii_digit())
                && !matches!(f.to_ascii_uppercase().as_str(), "IN" | "CH" | "HS")
        })
        .map(|f| f.to_ascii_uppercase())
}

#[test]
fn relative_blank_and_continued_owners() {
    let zone = "$ORIGIN example.com.\n@ IN MX 10 mail\n  IN TXT \"v=spf1 ; -all\"\n\
                s1._domainkey IN TXT ( \"a\"\n \"b\" )\nmail 300 IN A 192.0.2.1\n";
    let gone: BTreeSet<(String, String)> = [
        ("example.com.".to_string(), "TXT".to_string()),
        ("s1._domainkey.example.com.".to_string(), "TXT".to_string()),
    ]
    .into_iter()
    .collect();
    assert_eq!(
        without(zone, &gone),
        "$ORIGIN example.com.\n@ IN MX 10 mail\nmail 300 IN A 192.0.2.1\n"
    );
}
