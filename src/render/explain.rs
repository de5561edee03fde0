//! Text for `explain`: one catalog entry in full, or the list of every code.

use std::fmt::Write;

use colored::Colorize;

use crate::lint::Entry;

use super::text::{dim, heading, severity};

pub fn entry(e: &Entry) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}  {}", e.code.bold(), severity(e.severity));
    let _ = writeln!(out, "{}", heading(e.summary));
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", wrap(e.explanation, 88));
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", heading("Fix"));
    let _ = writeln!(out, "{}", wrap(e.fix, 88));
    let _ = writeln!(out);
    let _ = writeln!(out, "{} {}", dim("Reference:"), e.rfc);
    out
}

pub fn list(entries: &[&Entry]) -> String {
    let width = entries.iter().map(|e| e.code.len()).max().unwrap_or(0);
    let mut out = String::new();
    for e in entries {
        let _ = writeln!(
            out,
            "{:<width$}  {} {}",
            e.code,
            severity(e.severity),
            e.summary
        );
    }
    out
}

/// Wraps prose at `width` columns on word boundaries.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}
