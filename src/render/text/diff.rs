//! Text for `mailaudit diff`, for the mail cron sends: nothing at all when nothing changed;
//! else each changed domain with its findings (one line each) and its records (old and new
//! text), the domains added and missing, and a count. Notices about the files go to stderr.

use std::fmt::Write;

use crate::diff::{Change, DiffReport, DomainDiff, RecordChange};
use crate::render::{Palette, Report, TextStyle};
use crate::sanitize::escape;

use super::findings::severity;

impl Report for DiffReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        let mut out = String::new();
        if self.unchanged() {
            return out;
        }
        for domain in &self.domains {
            domain_text(&mut out, p, domain);
        }
        for (label, list) in [("added", &self.added), ("missing", &self.missing)] {
            if !list.is_empty() {
                let names: Vec<String> = list.iter().map(|d| escape(d)).collect();
                let _ = writeln!(
                    out,
                    "{} {}",
                    p.bold(&format!("domains {label}:")),
                    names.join(", ")
                );
            }
        }
        let _ = writeln!(
            out,
            "{}",
            p.dim(&format!(
                "{} compared: {} changed, {} added, {} missing",
                plural(self.compared, "domain"),
                self.domains.len(),
                self.added.len(),
                self.missing.len()
            ))
        );
        out
    }
}

fn domain_text(out: &mut String, p: Palette, domain: &DomainDiff) {
    let _ = writeln!(out, "{}", p.bold(&escape(&domain.domain)));
    for f in &domain.findings {
        let change = match f.change {
            Change::New => "new",
            Change::Cleared => "cleared",
            Change::Changed => "changed",
        };
        let mut was = String::new();
        if let (Some(old_severity), Some(old_message)) = (f.old_severity, &f.old_message) {
            let old = if old_severity == f.severity {
                escape(old_message)
            } else {
                format!("{}: {}", old_severity.as_str(), escape(old_message))
            };
            was = format!(" (was {old})");
        }
        let suppressed = if f.suppressed { " [suppressed]" } else { "" };
        let _ = writeln!(
            out,
            "  {change:<8} {} {} {}: {}{was}{suppressed}",
            severity(p, f.severity),
            escape(&f.code),
            escape(&f.subject),
            escape(&f.message)
        );
    }
    for r in &domain.records {
        record_text(out, p, r);
    }
    let _ = writeln!(out);
}

fn record_text(out: &mut String, p: Palette, r: &RecordChange) {
    let _ = writeln!(out, "  {} {}", p.bold(r.kind.label()), escape(&r.subject));
    for (mark, text) in [("-", &r.old), ("+", &r.new)] {
        let text = text.as_deref().map_or_else(|| p.dim("(none)"), escape);
        let _ = writeln!(out, "    {mark} {text}");
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
