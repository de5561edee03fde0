//! Text for the SPF audit (RFC 7208): the record, the include/redirect tree with what each term
//! costs, the lookup totals and the findings.

use std::fmt::Write;

use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;
use crate::spf::{SpfNode, SpfReport};

use super::findings::{findings, quiet_findings};

impl Report for SpfReport {
    fn text(&self, style: TextStyle) -> String {
        report(self, style)
    }
}

fn report(r: &SpfReport, style: TextStyle) -> String {
    let p = style.palette;
    if style.quiet {
        return quiet_findings(p, &r.findings);
    }
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", p.bold("SPF"), p.bold(&escape(&r.domain)));
    match &r.tree {
        None => {
            let _ = writeln!(out, "  {}", p.dim("no usable SPF record"));
        }
        Some(root) => {
            let _ = writeln!(out, "  {}", escape(&root.record));
            if root.strings.len() > 1 {
                let quoted: Vec<String> = root
                    .strings
                    .iter()
                    .map(|s| format!("\"{}\"", escape(s)))
                    .collect();
                let _ = writeln!(
                    out,
                    "  {}",
                    p.dim(&format!(
                        "published as {} strings: {}",
                        root.strings.len(),
                        quoted.join(" ")
                    ))
                );
            }
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "  {}  {}",
                escape(&root.domain),
                lookups(p, root.lookups)
            );
            tree(&mut out, p, root, "  ");
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "  DNS lookups: {} · void lookups: {}",
                over(p, r.lookups, r.lookup_limit),
                over(p, r.void_lookups, r.void_lookup_limit)
            );
        }
    }
    let _ = writeln!(out);
    findings(&mut out, p, &r.findings);
    out
}

fn tree(out: &mut String, p: Palette, node: &SpfNode, prefix: &str) {
    let count = node.terms.len();
    for (i, term) in node.terms.iter().enumerate() {
        let last = i + 1 == count;
        let (branch, indent) = if last {
            ("└─ ", "   ")
        } else {
            ("├─ ", "│  ")
        };
        let mut line = format!("{prefix}{branch}{}", escape(&term.term));
        if term.lookups > 0 {
            let _ = write!(line, "  {}", lookups(p, term.lookups));
        }
        if let Some(note) = &term.note {
            let _ = write!(line, "  {}", p.dim(&format!("({})", escape(note))));
        }
        let _ = writeln!(out, "{line}");
        if let Some(target) = &term.target {
            tree(out, p, target, &format!("{prefix}{indent}"));
        }
    }
}

fn lookups(p: Palette, n: usize) -> String {
    let word = if n == 1 { "lookup" } else { "lookups" };
    p.dim(&format!("[{n} {word}]"))
}

fn over(p: Palette, n: usize, limit: usize) -> String {
    let s = format!("{n} of {limit} allowed");
    if n > limit {
        p.paint(Paint::RedBold, &s)
    } else {
        s
    }
}

/// The check's scorecard line.
pub(super) fn card(s: &SpfReport) -> String {
    match &s.tree {
        Some(_) => format!("{}/{} DNS lookups", s.lookups, s.lookup_limit),
        None => "no usable record".into(),
    }
}
