//! Text for `check`: a one-screen scorecard (each area ok / warnings / errors with its key
//! facts), then the findings grouped by area, each with its one-line fix and the `explain` hint;
//! for a list of domains, a closing table with one row per domain.

use std::fmt::Write;

use serde::Serialize;

use crate::check::CheckReport;
use crate::check::bulk::{CheckResult, InvalidInput};
use crate::dkim::SelectorStatus;
use crate::finding::{Finding, Severity};
use crate::mx::Delivery;
use crate::policy::mta_sts::Mode;
use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;

use super::findings::{quiet_findings, severity};

impl Report for CheckResult {
    fn text(&self, style: TextStyle) -> String {
        match self {
            Self::Report(report) => report_text(report, style),
            Self::Invalid(invalid) => {
                let p = style.palette;
                format!(
                    "{} {}: {}\n\n",
                    p.paint(Paint::RedBold, "not checked"),
                    escape(&invalid.input),
                    escape(&invalid.error)
                )
            }
        }
    }
}

fn report_text(r: &CheckReport, style: TextStyle) -> String {
    let p = style.palette;
    let all: Vec<(&str, &Finding)> = r.all_findings().collect();
    if style.quiet {
        let findings: Vec<Finding> = all.iter().map(|(_, f)| (*f).clone()).collect();
        return quiet_findings(p, &findings);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}",
        p.bold("Mail check"),
        p.bold(&escape(&r.domain))
    );
    for (area, facts) in scorecard(r) {
        let mine: Vec<&Finding> = all
            .iter()
            .filter(|(a, _)| *a == area)
            .map(|(_, f)| *f)
            .collect();
        let verdict = if facts.is_none() {
            p.paint(Paint::MagentaBold, "unfinished")
        } else {
            verdict(p, &mine)
        };
        let facts = facts.map_or_else(String::new, |f| escape(&f));
        let _ = writeln!(
            out,
            "  {area:<8} {verdict:<w$}  {facts}",
            w = padded_width(p)
        );
    }
    let _ = writeln!(out);
    grouped_findings(&mut out, p, &all);
    out.push('\n');
    out
}

/// The width of a painted verdict column, so facts line up with and without colour.
fn padded_width(p: Palette) -> usize {
    p.paint(Paint::RedBold, "warnings").len() + ("unfinished".len() - "warnings".len())
}

fn verdict(p: Palette, findings: &[&Finding]) -> String {
    match findings.iter().map(|f| f.severity).max() {
        None => p.paint(Paint::GreenBold, "ok"),
        Some(Severity::Info) => p.paint(Paint::Cyan, "ok"),
        Some(Severity::Warning) => p.paint(Paint::YellowBold, "warnings"),
        Some(Severity::Error) => p.paint(Paint::RedBold, "errors"),
    }
}

/// Each area with its key facts; `None` when the area did not finish.
fn scorecard(r: &CheckReport) -> Vec<(&'static str, Option<String>)> {
    let mut card = vec![
        (
            "SPF",
            r.spf.as_ref().map(|s| match &s.tree {
                Some(_) => format!("{}/{} DNS lookups", s.lookups, s.lookup_limit),
                None => "no usable record".into(),
            }),
        ),
        (
            "DMARC",
            r.dmarc.as_ref().map(|d| {
                let policy = d.policy.as_ref().and_then(|p| p.policy);
                match (&d.record, policy) {
                    (Some(record), Some(policy)) if record.domain != d.domain => {
                        format!("p={policy} (from {})", record.name)
                    }
                    (Some(_), Some(policy)) => format!("p={policy}"),
                    (Some(_), None) => "no policy applied".into(),
                    (None, _) => "no record".into(),
                }
            }),
        ),
        ("DKIM", r.dkim.as_ref().map(dkim_facts)),
        ("MX", r.mx.as_ref().map(mx_facts)),
        (
            "MTA-STS",
            r.mta_sts.as_ref().map(|m| {
                match (m.records.is_empty(), m.policy.as_ref().and_then(|p| p.mode)) {
                    (true, _) => "no record".into(),
                    (false, Some(Mode::Enforce)) => "mode enforce".into(),
                    (false, Some(Mode::Testing)) => "mode testing".into(),
                    (false, Some(Mode::None)) => "mode none (withdrawn)".into(),
                    (false, None) => "record, but no usable policy".into(),
                }
            }),
        ),
        (
            "TLS-RPT",
            r.tls_rpt.as_ref().map(|t| match t.records.first() {
                Some(record) => format!("reports to {}", record.rua.join(", ")),
                None => "no record".into(),
            }),
        ),
        (
            "BIMI",
            r.bimi.as_ref().map(|b| match (&b.record, b.declined) {
                (None, _) => "no record".into(),
                (Some(_), true) => "declined".into(),
                (Some(_), false) => b.location.clone().unwrap_or_else(|| "record".into()),
            }),
        ),
    ];
    // Without the probe (`--no-probe`) the card has no SMTP line; a probe that did not finish
    // shows as unfinished.
    let unfinished_probe = r
        .findings
        .iter()
        .any(|f| f.message.contains("the SMTP audit"));
    if r.probe.is_some() || unfinished_probe {
        card.push(("SMTP", r.probe.as_ref().map(probe_facts)));
    }
    let unfinished_clients = r
        .findings
        .iter()
        .any(|f| f.message.contains("the Clients audit"));
    if r.clients.is_some() || unfinished_clients {
        card.push(("Clients", r.clients.as_ref().map(clients_facts)));
    }
    card
}

/// Endpoints and their verdicts.
fn clients_facts(c: &crate::clients::ClientsReport) -> String {
    if c.endpoints.is_empty() {
        return "no endpoint published".into();
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for e in &c.endpoints {
        let verdict = e.verdict.as_str();
        match counts.iter_mut().find(|(v, _)| *v == verdict) {
            Some((_, n)) => *n += 1,
            None => counts.push((verdict, 1)),
        }
    }
    let counts: Vec<String> = counts.iter().map(|(v, n)| format!("{n} {v}")).collect();
    let n = c.endpoints.len();
    let s = if n == 1 { "" } else { "s" };
    format!("{n} endpoint{s}: {}", counts.join(", "))
}

/// Sessions, STARTTLS, TLS versions and the soonest certificate expiry.
fn probe_facts(p: &crate::smtp::ProbeReport) -> String {
    let total = p.sessions.len();
    if total == 0 {
        return "nothing to probe".into();
    }
    let connected = p.sessions.iter().filter(|s| s.connected).count();
    let tls: Vec<&crate::smtp::TlsOutcome> = p
        .sessions
        .iter()
        .filter_map(|s| s.tls.as_ref())
        .filter(|t| t.established)
        .collect();
    let mut versions: Vec<&str> = tls.iter().map(|t| t.facts.version.as_str()).collect();
    versions.sort_unstable();
    versions.dedup();
    let days = tls
        .iter()
        .filter_map(|t| t.facts.chain.first().and_then(|c| c.days_left))
        .min();
    let mut facts = format!("{connected}/{total} connected, TLS on {}", tls.len());
    if !versions.is_empty() {
        let _ = write!(facts, " ({})", versions.join(", "));
    }
    if let Some(days) = days {
        let _ = write!(facts, ", certificate expires in {days} days");
    }
    facts
}

fn mx_facts(m: &crate::mx::MxReport) -> String {
    let v6 = m
        .hosts
        .iter()
        .any(|h| h.addresses.iter().any(|a| a.ip.is_ipv6()));
    match m.delivery {
        Delivery::NullMx => "null MX: accepts no mail".into(),
        Delivery::Implicit => format!("no MX: mail goes to {} itself", m.domain),
        _ => format!(
            "{} host{}{}",
            m.hosts.len(),
            if m.hosts.len() == 1 { "" } else { "s" },
            if v6 { ", IPv4 and IPv6" } else { ", IPv4 only" }
        ),
    }
}

fn dkim_facts(d: &crate::dkim::DkimReport) -> String {
    let keys: Vec<String> = d
        .selectors
        .iter()
        .filter(|s| s.status == SelectorStatus::Found)
        .map(|s| {
            let key = s.records.iter().find_map(|r| r.key.as_ref());
            match key {
                Some(k) => format!("{} {}-{}", s.selector, k.algorithm, k.bits),
                None => format!("{} (no key)", s.selector),
            }
        })
        .collect();
    if keys.is_empty() {
        format!("no key found ({} selectors tried)", d.selectors_tried)
    } else {
        keys.join(", ")
    }
}

/// The findings by area, worst first within an area, each with the first sentence of its fix.
fn grouped_findings(out: &mut String, p: Palette, all: &[(&str, &Finding)]) {
    if all.is_empty() {
        let _ = writeln!(out, "{}", p.paint(Paint::Green, "No findings."));
        return;
    }
    let mut areas: Vec<&str> = Vec::new();
    for (area, _) in all {
        if !areas.contains(area) {
            areas.push(area);
        }
    }
    for (i, area) in areas.into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{}", p.bold(area));
        let mut mine: Vec<&Finding> = all
            .iter()
            .filter(|(a, _)| *a == area)
            .map(|(_, f)| *f)
            .collect();
        mine.sort_by_key(|f| std::cmp::Reverse(f.severity));
        for f in mine {
            let entry = f.code.entry();
            let _ = writeln!(
                out,
                "  {} {}  {}",
                severity(p, f.severity),
                p.bold(entry.code),
                escape(&f.subject)
            );
            let _ = writeln!(out, "          {}", escape(&f.message));
            let fix = first_sentence(entry.fix);
            let _ = writeln!(
                out,
                "          {} {}",
                p.dim("fix:"),
                p.dim(&format!("{fix} (mailaudit explain {})", entry.code))
            );
        }
    }
    let count = |s: Severity| all.iter().filter(|(_, f)| f.severity == s).count();
    let _ = writeln!(
        out,
        "\n{} errors, {} warnings, {} info",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
}

/// The first sentence of catalog prose: up to the first ". " that does not end an abbreviation.
fn first_sentence(text: &str) -> &str {
    let mut from = 0;
    while let Some(at) = text[from..].find(". ") {
        let end = from + at + 1;
        let word = text[..end - 1].rsplit(' ').next().unwrap_or("");
        if !matches!(word, "e.g" | "i.e" | "etc" | "cf") {
            return &text[..end];
        }
        from = end;
    }
    text
}

/// The closing table of a run over several domains (text only).
#[cfg(test)]
mod tests {
    #[test]
    fn the_first_sentence_does_not_end_at_an_abbreviation() {
        assert_eq!(
            super::first_sentence("Set a PTR, e.g. mail.example. Then wait."),
            "Set a PTR, e.g. mail.example."
        );
        assert_eq!(
            super::first_sentence("No period at all"),
            "No period at all"
        );
    }
}

#[derive(Debug, Default, Serialize)]
pub struct CheckSummary {
    pub rows: Vec<SummaryRow>,
}

#[derive(Debug, Serialize)]
pub struct SummaryRow {
    pub domain: String,
    pub errors: usize,
    pub warnings: usize,
    pub info: usize,
    /// "complete", "incomplete" or "not a domain".
    pub status: &'static str,
}

impl SummaryRow {
    pub fn of(report: &CheckReport) -> Self {
        let mut row = Self {
            domain: report.domain.clone(),
            errors: 0,
            warnings: 0,
            info: 0,
            status: if report.incomplete {
                "incomplete"
            } else {
                "complete"
            },
        };
        for (_, f) in report.all_findings() {
            match f.severity {
                Severity::Error => row.errors += 1,
                Severity::Warning => row.warnings += 1,
                Severity::Info => row.info += 1,
            }
        }
        row
    }

    pub fn invalid(input: &InvalidInput) -> Self {
        Self {
            domain: input.input.clone(),
            errors: 0,
            warnings: 0,
            info: 0,
            status: "not a domain",
        }
    }
}

impl Report for CheckSummary {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        let width = self
            .rows
            .iter()
            .map(|r| r.domain.len())
            .max()
            .unwrap_or(6)
            .max(6);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}",
            p.bold(&format!(
                "{:<width$}  errors  warnings  info  status",
                "domain"
            ))
        );
        for row in &self.rows {
            let _ = writeln!(
                out,
                "{:<width$}  {:>6}  {:>8}  {:>4}  {}",
                escape(&row.domain),
                row.errors,
                row.warnings,
                row.info,
                row.status
            );
        }
        let _ = writeln!(out, "{} domains", self.rows.len());
        out
    }
}
