//! Text building blocks shared by every report: severities, the findings list with the
//! offending term underlined, and the summary line.

use std::fmt::Write;

use crate::finding::{Finding, Severity};
use crate::render::{Paint, Palette};
use crate::sanitize::{escape, escaped_column};

pub fn severity(p: Palette, s: Severity) -> String {
    let label = format!("{:<7}", s.as_str());
    let paint = match s {
        Severity::Error => Paint::RedBold,
        Severity::Warning => Paint::YellowBold,
        Severity::Info => Paint::Cyan,
    };
    p.paint(paint, &label)
}

/// The findings section: one block per finding, worst first, then a summary line. Findings a
/// suppression of the config file covers are left out (the structured formats keep them).
pub fn findings(out: &mut String, p: Palette, findings: &[Finding]) {
    let findings: Vec<&Finding> = findings.iter().filter(|f| !f.is_suppressed()).collect();
    if findings.is_empty() {
        let _ = writeln!(out, "{}", p.paint(Paint::Green, "No findings."));
        return;
    }
    let mut sorted = findings.clone();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let _ = writeln!(out, "{}", p.bold("Findings"));
    for f in sorted {
        let entry = f.code.entry();
        let _ = writeln!(
            out,
            "  {} {}  {}",
            severity(p, f.severity),
            p.bold(f.code.as_str()),
            escape(&f.subject)
        );
        let _ = writeln!(out, "          {}", escape(&f.message));
        if let Some(loc) = &f.location {
            let start = escaped_column(&loc.record, loc.start);
            let end = escaped_column(&loc.record, loc.end).max(start + 1);
            let _ = writeln!(out, "          {}", escape(&loc.record));
            let marks = format!("{}{}", " ".repeat(start), "^".repeat(end - start));
            let _ = writeln!(out, "          {}", p.paint(Paint::RedBold, &marks));
        }
        let _ = writeln!(
            out,
            "          {}",
            p.dim(&format!(
                "{} ({}). Run `mailaudit explain {}`.",
                entry.summary, entry.rfc, entry.code
            ))
        );
    }
    summary(out, &findings);
}

fn summary(out: &mut String, findings: &[&Finding]) {
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
pub fn quiet_findings(p: Palette, findings: &[Finding]) -> String {
    let mut out = String::new();
    if findings.iter().any(|f| !f.is_suppressed()) {
        self::findings(&mut out, p, findings);
    }
    out
}
