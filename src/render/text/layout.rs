//! The shape text reports share: a bold heading naming the report and its subject, and rows of
//! labels and values in a column under it.

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
