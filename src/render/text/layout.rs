//! The shape text reports share: a bold heading naming the report and its subject, rows of
//! labels and values in a column under it, and an area's line on the check's scorecard.

use std::fmt::Write;

use crate::render::Palette;
use crate::sanitize::escape;

/// "TITLE subject" in bold, the subject escaped.
pub fn heading(p: Palette, title: &str, subject: &str) -> String {
    format!("{} {}", p.bold(title), p.bold(&escape(subject)))
}

/// One row under a heading: the label padded to `width`, then the text.
pub fn row(out: &mut String, width: usize, label: &str, text: &str) {
    let _ = writeln!(out, "  {label:<width$}{text}");
}

/// An area's line on the check's scorecard: its key facts, and whether nothing is published
/// where publishing is advised (then the verdict is "none", not "ok").
pub struct Card {
    pub facts: String,
    pub none: bool,
}

impl From<String> for Card {
    fn from(facts: String) -> Self {
        Self { facts, none: false }
    }
}
