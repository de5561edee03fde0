//! Text for `explain`: one catalog entry in full, or the list of every code.

use std::fmt::Write;

use serde::Serialize;

use crate::finding::Entry;
use crate::render::{Report, TextStyle};

use super::findings::severity;

/// Every catalog entry, for `explain` without a code.
#[derive(Serialize)]
#[serde(transparent)]
pub struct EntryList(pub Vec<&'static Entry>);

impl Report for Entry {
    fn text(&self, style: TextStyle) -> String {
        let (e, p) = (self, style.palette);
        let mut out = String::new();
        let _ = writeln!(out, "{}  {}", p.bold(e.code), severity(p, e.severity));
        let _ = writeln!(out, "{}", p.bold(e.summary));
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", wrap(e.explanation, 88));
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", p.bold("Fix"));
        let _ = writeln!(out, "{}", wrap(e.fix, 88));
        let _ = writeln!(out);
        let _ = writeln!(out, "{} {}", p.dim("Reference:"), e.rfc);
        out
    }
}

impl Report for EntryList {
    fn text(&self, style: TextStyle) -> String {
        let width = self.0.iter().map(|e| e.code.len()).max().unwrap_or(0);
        let mut out = String::new();
        for e in &self.0 {
            let _ = writeln!(
                out,
                "{:<width$}  {} {}",
                e.code,
                severity(style.palette, e.severity),
                e.summary
            );
        }
        out
    }
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
