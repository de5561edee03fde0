//! Text for the SPF audit (RFC 7208): the record, the include/redirect tree with what each term
//! costs, the lookup totals and the findings.

use std::fmt::Write;

use colored::Colorize;

use crate::spf::audit::{SpfNode, SpfReport};

use super::sanitize::escape;
use super::text::{self, Style, dim, heading};

pub fn report(r: &SpfReport, style: Style) -> String {
    if style.quiet {
        return text::quiet_findings(&r.findings);
    }
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", heading("SPF"), escape(&r.domain).bold());
    match &r.tree {
        None => {
            let _ = writeln!(out, "  {}", dim("no usable SPF record"));
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
                    dim(&format!(
                        "published as {} strings: {}",
                        root.strings.len(),
                        quoted.join(" ")
                    ))
                );
            }
            let _ = writeln!(out);
            let _ = writeln!(out, "  {}  {}", escape(&root.domain), lookups(root.lookups));
            tree(&mut out, root, "  ");
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "  DNS lookups: {} · void lookups: {}",
                over(r.lookups, r.lookup_limit),
                over(r.void_lookups, r.void_lookup_limit)
            );
        }
    }
    let _ = writeln!(out);
    text::findings(&mut out, &r.findings);
    out
}

fn tree(out: &mut String, node: &SpfNode, prefix: &str) {
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
            let _ = write!(line, "  {}", lookups(term.lookups));
        }
        if let Some(note) = &term.note {
            let _ = write!(line, "  {}", dim(&format!("({})", escape(note))));
        }
        let _ = writeln!(out, "{line}");
        if let Some(target) = &term.target {
            tree(out, target, &format!("{prefix}{indent}"));
        }
    }
}

fn lookups(n: usize) -> String {
    let word = if n == 1 { "lookup" } else { "lookups" };
    dim(&format!("[{n} {word}]")).to_string()
}

fn over(n: usize, limit: usize) -> String {
    let s = format!("{n} of {limit} allowed");
    if n > limit {
        s.red().bold().to_string()
    } else {
        s
    }
}
