//! Text for MTA-STS (RFC 8461): the record, how the policy fetch went (status, media type,
//! certificate), the policy's lines, the MX hosts and the pattern that covers each, and the
//! findings; and the lints of a record or a policy file.

use std::fmt::Write;

use crate::policy::mta_sts::Mode;
use crate::policy::mta_sts::{
    FetchInfo, HOST_LABEL, MtaStsReport, PolicyInfo, PolicyLint, RECORD_LABEL, StsRecordLint,
};
use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;
use crate::tls::CertVerdict;

use super::findings::{findings, quiet_findings};
use super::layout::{Card, heading, row};

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
                LABEL,
                "record",
                &p.dim(&format!("none at {RECORD_LABEL}.{domain}")),
            );
        }
        for r in &self.records {
            row(&mut out, LABEL, "record", &escape(&r.text));
        }
        match &self.fetch {
            None => row(
                &mut out,
                LABEL,
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
            row(&mut out, LABEL, label, &format!("{host}  {covered}"));
        }
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

fn fetch_rows(out: &mut String, p: Palette, fetch: &FetchInfo) {
    row(out, LABEL, "policy", &escape(&fetch.url));
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
        row(out, LABEL, "", &facts.join(", "));
    }
    if let Some(error) = &fetch.error {
        row(out, LABEL, "", &p.paint(Paint::Red, &escape(error)));
    }
    if let Some(c) = &fetch.certificate {
        let paint = if c.verdict == CertVerdict::Valid {
            Paint::Plain
        } else {
            Paint::Red
        };
        let issuer = format!(" (issued by {})", escape(&c.issuer));
        let line = format!("certificate {}{}", escape(&c.detail), issuer);
        row(out, LABEL, "", &p.paint(paint, &line));
    }
}

/// The policy's lines, indented under the fetch.
fn policy_lines(out: &mut String, p: Palette, policy: &PolicyInfo) {
    let lines: Vec<&str> = policy.text.lines().collect();
    for line in lines.iter().take(SHOWN_LINES) {
        let line = line.strip_suffix('\r').unwrap_or(line);
        row(out, LABEL, "", &p.dim(&escape(line)));
    }
    if lines.len() > SHOWN_LINES {
        let more = lines.len() - SHOWN_LINES;
        row(out, LABEL, "", &p.dim(&format!("... {more} more lines")));
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
        row(&mut out, LABEL, "record", &escape(&self.record.text));
        if let Some(id) = &self.record.id {
            row(&mut out, LABEL, "id", &escape(id));
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
        let _ = writeln!(out, "{}", heading(p, "MTA-STS policy", &self.source));
        policy_lines(&mut out, p, &self.policy);
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

/// The check's scorecard line: "none" without a record, which senders need to use TLS.
pub(super) fn card(m: &MtaStsReport) -> Card {
    let facts = match (m.records.is_empty(), m.policy.as_ref().and_then(|p| p.mode)) {
        (true, _) => "no record".into(),
        (false, Some(Mode::Enforce)) => "mode enforce".into(),
        (false, Some(Mode::Testing)) => "mode testing".into(),
        (false, Some(Mode::None)) => "mode none (withdrawn)".into(),
        (false, None) => "record, but no usable policy".into(),
    };
    Card {
        facts,
        none: m.records.is_empty(),
    }
}
