//! Text building blocks shared by every report: headings, severities, the findings list with
//! the offending term underlined, and the summary line. The only place colour is applied.

use std::fmt::Write;

use colored::{ColoredString, Colorize};

use crate::finding::{Finding, Severity};

use super::sanitize::{escape, escaped_column};

/// How text output is shaped (colour itself is switched globally by `colored`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Only findings; nothing at all when there are none.
    pub quiet: bool,
}

pub fn heading(text: &str) -> ColoredString {
    text.bold()
}

pub fn dim(text: &str) -> ColoredString {
    text.dimmed()
}

pub fn severity(s: Severity) -> ColoredString {
    let label = format!("{:<7}", s.as_str());
    match s {
        Severity::Error => label.red().bold(),
        Severity::Warning => label.yellow().bold(),
        Severity::Info => label.cyan(),
    }
}

/// The findings section: one block per finding, worst first, then a summary line.
pub fn findings(out: &mut String, findings: &[Finding]) {
    if findings.is_empty() {
        let _ = writeln!(out, "{}", "No findings.".green());
        return;
    }
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let _ = writeln!(out, "{}", heading("Findings"));
    for f in sorted {
        let entry = f.code.entry();
        let _ = writeln!(
            out,
            "  {} {}  {}",
            severity(f.severity),
            f.code.as_str().bold(),
            escape(&f.subject)
        );
        let _ = writeln!(out, "          {}", escape(&f.message));
        if let Some(loc) = &f.location {
            let start = escaped_column(&loc.record, loc.start);
            let end = escaped_column(&loc.record, loc.end).max(start + 1);
            let _ = writeln!(out, "          {}", escape(&loc.record));
            let marks = format!("{}{}", " ".repeat(start), "^".repeat(end - start));
            let _ = writeln!(out, "          {}", marks.red().bold());
        }
        let _ = writeln!(
            out,
            "          {}",
            dim(&format!(
                "{} ({}). Run `mailaudit explain {}`.",
                entry.summary, entry.rfc, entry.code
            ))
        );
    }
    summary(out, findings);
}

fn summary(out: &mut String, findings: &[Finding]) {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let _ = writeln!(
        out,
        "\n{}, {}, {} info",
        plural(e, "error"),
        plural(w, "warning"),
        i
    );
}

/// Quiet output: the findings alone, or nothing.
pub fn quiet_findings(findings: &[Finding]) -> String {
    let mut out = String::new();
    if !findings.is_empty() {
        self::findings(&mut out, findings);
    }
    out
}
