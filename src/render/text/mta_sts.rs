//! Text for MTA-STS (RFC 8461): the record, how the policy fetch went (status, media type,
//! certificate), the policy's lines, the MX hosts and the pattern that covers each, and the
//! findings; and the lints of a record or a policy file.

use std::fmt::Write;

use crate::policy::mta_sts::{
    FetchInfo, HOST_LABEL, MtaStsReport, PolicyInfo, PolicyLint, RECORD_LABEL, StsRecordLint,
};
use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;
use crate::tls::CertVerdict;

use super::findings::{findings, quiet_findings};

/// Policy lines shown; a longer file is cut with a count.
const SHOWN_LINES: usize = 20;
/// The width of the row labels.
const LABEL: usize = 9;

impl Report for MtaStsReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        if style.quiet {
            return quiet_findings(p, &self.findings);
        }
        let mut out = String::new();
        let domain = escape(&self.domain);
        let _ = writeln!(out, "{} {}", p.bold("MTA-STS"), p.bold(&domain));
        if self.records.is_empty() {
            row(
                &mut out,
                "record",
                &p.dim(&format!("none at {RECORD_LABEL}.{domain}")),
            );
        }
        for r in &self.records {
            row(&mut out, "record", &escape(&r.text));
        }
        match &self.fetch {
            None => row(
                &mut out,
                "policy",
                &p.dim(&format!(
                    "not fetched: {HOST_LABEL}.{domain} has no address"
                )),
            ),
            Some(fetch) => fetch_rows(&mut out, p, fetch),
        }
        if let Some(policy) = &self.policy {
            policy_lines(&mut out, p, policy);
        }
        let width = self
            .mx_hosts
            .iter()
            .map(|mx| escape(&mx.host).chars().count())
            .max()
            .unwrap_or(0);
        for (i, mx) in self.mx_hosts.iter().enumerate() {
            let covered = match &mx.pattern {
                Some(pattern) => p.dim(&format!("mx: {}", escape(pattern))),
                None => p.paint(Paint::RedBold, "matches no mx pattern"),
            };
            let label = if i == 0 { "MX hosts" } else { "" };
            let host = format!("{:<width$}", escape(&mx.host));
            row(&mut out, label, &format!("{host}  {covered}"));
        }
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

fn row(out: &mut String, label: &str, text: &str) {
    let _ = writeln!(out, "  {label:<LABEL$}{text}");
}

fn fetch_rows(out: &mut String, p: Palette, fetch: &FetchInfo) {
    row(out, "policy", &escape(&fetch.url));
    let mut facts = Vec::new();
    if let Some(status) = fetch.status {
        facts.push(format!("HTTP {status}"));
    }
    if let Some(t) = &fetch.content_type {
        facts.push(escape(t));
    }
    if let Some(to) = &fetch.location {
        facts.push(format!("Location {}", escape(to)));
    }
    if let Some(n) = fetch.bytes {
        facts.push(format!("{n} bytes"));
    }
    if !facts.is_empty() {
        row(out, "", &facts.join(", "));
    }
    if let Some(error) = &fetch.error {
        row(out, "", &p.paint(Paint::Red, &escape(error)));
    }
    if let Some(c) = &fetch.certificate {
        let paint = if c.verdict == CertVerdict::Valid {
            Paint::Plain
        } else {
            Paint::Red
        };
        let issuer = format!(" (issued by {})", escape(&c.issuer));
        let line = format!("certificate {}{}", escape(&c.detail), issuer);
        row(out, "", &p.paint(paint, &line));
    }
}

/// The policy's lines, indented under the fetch.
fn policy_lines(out: &mut String, p: Palette, policy: &PolicyInfo) {
    let lines: Vec<&str> = policy.text.lines().collect();
    for line in lines.iter().take(SHOWN_LINES) {
        let line = line.strip_suffix('\r').unwrap_or(line);
        row(out, "", &p.dim(&escape(line)));
    }
    if lines.len() > SHOWN_LINES {
        let more = lines.len() - SHOWN_LINES;
        row(out, "", &p.dim(&format!("... {more} more lines")));
    }
}

impl Report for StsRecordLint {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        if style.quiet {
            return quiet_findings(p, &self.findings);
        }
        let mut out = String::new();
        let _ = writeln!(out, "{} {}", p.bold("MTA-STS"), p.bold("record"));
        row(&mut out, "record", &escape(&self.record.text));
        if let Some(id) = &self.record.id {
            row(&mut out, "id", &escape(id));
        }
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

impl Report for PolicyLint {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        if style.quiet {
            return quiet_findings(p, &self.findings);
        }
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} {}",
            p.bold("MTA-STS policy"),
            p.bold(&escape(&self.source))
        );
        policy_lines(&mut out, p, &self.policy);
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}
