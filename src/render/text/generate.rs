//! Text for records to publish (`generate`): each change as zone-file lines (RFC 1035 §5) under
//! a `;` comment saying why; then each file to serve, with its URL; then what only a person can
//! do. Everything but the records is a comment, so the whole output loads as a zone file.

use std::fmt::Write;

use crate::fix::{Action, Change, Changes, zone_lines};
use crate::render::{Palette, Report, TextStyle};
use crate::sanitize::escape;

/// Comment lines are wrapped to this width, so they read in a terminal and a zone file alike.
const WIDTH: usize = 98;

impl Report for Changes {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        let mut out = String::new();
        for (i, change) in self.changes.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            change_text(&mut out, p, change);
        }
        for file in &self.files {
            out.push('\n');
            comment(&mut out, p, &format!("Serve this file at {},", file.url));
            comment(
                &mut out,
                p,
                "its lines ending in CRLF (--out DIR writes it):",
            );
            for line in file.content.lines() {
                let _ = writeln!(out, "{}", p.dim(&format!(";   {}", escape(line))));
            }
        }
        for m in &self.manual {
            out.push('\n');
            comment(
                &mut out,
                p,
                &format!("By hand, for {} ({}): {}", m.subject, m.code, m.why),
            );
        }
        out
    }
}

/// `text` as `;` comment lines, escaped and wrapped.
fn comment(out: &mut String, p: Palette, text: &str) {
    for line in wrapped(&escape(text), WIDTH - 2) {
        let _ = writeln!(out, "{}", p.dim(&format!("; {line}")));
    }
}

/// `; why`, `; fixes ...`, the records replaced, then the zone-file lines; a deletion's lines
/// are comments, so pasting them removes nothing by mistake.
fn change_text(out: &mut String, p: Palette, change: &Change) {
    if !change.why.is_empty() {
        comment(out, p, &change.why);
    }
    if !change.fixes.is_empty() {
        comment(out, p, &format!("fixes {}", change.fixes.join(", ")));
    }
    if change.action == Action::Replace {
        for old in &change.old {
            comment(out, p, &format!("replaces {old}"));
        }
    }
    for line in zone_lines(change) {
        let line = escape(&line);
        if change.action == Action::Delete {
            let _ = writeln!(out, "{}", p.dim(&format!("; delete: {line}")));
        } else {
            let _ = writeln!(out, "{line}");
        }
    }
}

/// `text` in lines of at most `width` characters, broken at spaces (a longer word stands alone).
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::RecordType;
    use crate::fix::{File, Manual};

    #[test]
    fn zone_lines_under_their_reasons_then_files_and_manual_work() {
        let mut replace = Change::add_txt("example.com", "v=spf1 -all", 300, "Why.");
        replace.action = Action::Replace;
        replace.old = vec!["\"v=spf1 +all\"".into()];
        replace.fixes = vec!["spf-pass-all".into()];
        let mut delete = Change::add("example.com", RecordType::Mx, String::new(), 300, "");
        delete.action = Action::Delete;
        delete.old = vec!["10 old.example.com.".into()];
        let changes = Changes {
            changes: vec![replace, delete],
            files: vec![File {
                url: "https://mta-sts.example.com/.well-known/mta-sts.txt".into(),
                content: "version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n".into(),
            }],
            manual: vec![Manual {
                code: "mta-sts-policy-host-missing".into(),
                subject: "mta-sts.example.com".into(),
                why: "Serve it.".into(),
            }],
        };
        assert_eq!(
            changes.text(TextStyle::default()),
            "; Why.\n\
             ; fixes spf-pass-all\n\
             ; replaces \"v=spf1 +all\"\n\
             example.com. 300 IN TXT \"v=spf1 -all\"\n\
             \n\
             ; delete: example.com. 300 IN MX 10 old.example.com.\n\
             \n\
             ; Serve this file at https://mta-sts.example.com/.well-known/mta-sts.txt,\n\
             ; its lines ending in CRLF (--out DIR writes it):\n\
             ;   version: STSv1\n\
             ;   mode: none\n\
             ;   max_age: 86400\n\
             \n\
             ; By hand, for mta-sts.example.com (mta-sts-policy-host-missing): Serve it.\n"
        );
    }

    #[test]
    fn comments_wrap_at_spaces() {
        let text = "word ".repeat(40);
        let lines = wrapped(&text, 20);
        assert!(lines.iter().all(|l| l.len() <= 20));
        assert_eq!(lines.join(" "), text.trim_end());
        assert_eq!(wrapped(&"x".repeat(30), 20), ["x".repeat(30)]);
    }
}
