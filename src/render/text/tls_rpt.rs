//! Text for TLS-RPT (RFC 8460): the `_smtp._tls` record, its report destinations and the
//! findings.

use std::fmt::Write;

use crate::policy::tls_rpt::{RECORD_LABEL, TlsRptReport};
use crate::render::{Report, TextStyle};
use crate::sanitize::escape;

use super::findings::{findings, quiet_findings};
use super::layout::Card;

impl Report for TlsRptReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        if style.quiet {
            return quiet_findings(p, &self.findings);
        }
        let mut out = String::new();
        let domain = escape(&self.domain);
        let _ = writeln!(out, "{} {}", p.bold("TLS-RPT"), p.bold(&domain));
        if self.records.is_empty() {
            let none = format!("none at {RECORD_LABEL}.{domain}");
            let _ = writeln!(out, "  record   {}", p.dim(&none));
        }
        for r in &self.records {
            let _ = writeln!(out, "  record   {}", escape(&r.text));
            for (i, uri) in r.rua.iter().enumerate() {
                let label = if i == 0 { "reports" } else { "" };
                let _ = writeln!(out, "  {label:<9}{}", escape(uri));
            }
        }
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

/// The check's scorecard line: "none" without a record, which failures are reported by.
pub(super) fn card(t: &TlsRptReport) -> Card {
    match t.records.first() {
        Some(record) => format!("reports to {}", record.rua.join(", ")).into(),
        None => Card {
            facts: "no record".into(),
            none: true,
        },
    }
}
