//! Text for the DMARC audit (RFC 9989): the record that applies and where it was found, the
//! Organizational Domain, the effective policy, alignment in words, report destinations, the
//! tree walk and the findings.

use std::fmt::Write;

use crate::dmarc::Policy;
use crate::dmarc::policy::{EffectivePolicy, Existence, PolicySource};
use crate::dmarc::{DmarcReport, StepResult, WalkStep};
use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;

use super::findings::{findings, quiet_findings};
use super::layout::{heading, row};

/// Width of the labels in the left column.
const LABEL: usize = 14;

impl Report for DmarcReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        if style.quiet {
            return quiet_findings(p, &self.findings);
        }
        let mut out = String::new();
        let _ = writeln!(out, "{}", heading(p, "DMARC", &self.domain));
        record(&mut out, p, self);
        if let Some(org) = &self.organizational_domain {
            row(&mut out, LABEL, "org. domain", &escape(org));
        }
        row(&mut out, LABEL, "policy", &policy(p, self));
        if let Some(alignment) = &self.alignment {
            row(&mut out, LABEL, "alignment", &escape(&alignment.text));
        }
        destinations(&mut out, p, self);
        walk(&mut out, p, &self.walk);
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

fn record(out: &mut String, p: Palette, r: &DmarcReport) {
    let Some(record) = &r.record else {
        row(out, LABEL, "record", &p.dim("none applies"));
        return;
    };
    if record.name == "record" {
        row(out, LABEL, "record", &escape(&record.text));
    } else {
        let mut at = escape(&record.name);
        if record.inherited {
            let _ = write!(at, "  {}", p.dim("(inherited)"));
        }
        if let Some(target) = &record.cname {
            let _ = write!(at, "  {}", p.dim(&format!("(CNAME to {})", escape(target))));
        }
        row(out, LABEL, "record", &at);
        row(out, LABEL, "", &escape(&record.text));
    }
    if record.strings.len() > 1 {
        let quoted: Vec<String> = record
            .strings
            .iter()
            .map(|s| format!("\"{}\"", escape(s)))
            .collect();
        row(
            out,
            LABEL,
            "",
            &p.dim(&format!("published as {}", quoted.join(" "))),
        );
    }
}

fn policy(p: Palette, r: &DmarcReport) -> String {
    let Some(e) = r.policy else {
        return if r.incomplete {
            p.paint(Paint::RedBold, "unknown: a lookup failed")
        } else {
            p.paint(Paint::RedBold, "no DMARC policy applies")
        };
    };
    let Some(policy) = e.policy else {
        return p.paint(
            Paint::RedBold,
            "not applied: no valid p= and no valid rua=, so receivers skip DMARC",
        );
    };
    let name = match policy {
        Policy::None => p.paint(Paint::YellowBold, policy.as_str()),
        _ => p.paint(Paint::GreenBold, policy.as_str()),
    };
    let why = source(e, &r.domain, r.existence);
    let mut text = format!("{name}  {}", p.dim(&format!("({why})")));
    if e.testing && policy != Policy::None {
        let below = if policy == Policy::Reject {
            Policy::Quarantine
        } else {
            Policy::None
        };
        let _ = write!(text, "  t=y: applied as {below}");
    }
    text
}

fn source(e: EffectivePolicy, domain: &str, existence: Option<Existence>) -> String {
    let domain = escape(domain);
    match (e.source, existence) {
        (PolicySource::P, _) => "from p=".into(),
        (PolicySource::Sp, Some(Existence::Unknown)) => {
            format!("from sp=; whether {domain} exists is unknown")
        }
        (PolicySource::Sp, _) => format!("from sp=: {domain} is a subdomain that exists"),
        (PolicySource::Np, _) => format!("from np=: {domain} does not exist"),
        (PolicySource::Fallback, _) => {
            "p= missing or invalid, or sp=/np= invalid: treated as p=none".into()
        }
    }
}

fn destinations(out: &mut String, p: Palette, r: &DmarcReport) {
    for (i, d) in r.report_destinations.iter().enumerate() {
        let mut notes = Vec::new();
        match (d.external, d.authorized) {
            (Some(true), Some(true)) => notes.push("external, authorised".to_string()),
            (Some(true), Some(false)) => {
                notes.push(p.paint(Paint::YellowBold, "external, not authorised"));
            }
            (Some(true), None) => notes.push("external".to_string()),
            _ => {}
        }
        match d.accepts_mail {
            Some(true) => notes.push("accepts mail".into()),
            Some(false) => notes.push(p.paint(Paint::YellowBold, "cannot receive mail")),
            None => {}
        }
        let text = format!("{} {}  {}", d.tag, escape(&d.uri), p.dim(&notes.join(", ")));
        if i == 0 {
            row(out, LABEL, "reports", &text);
        } else {
            row(out, LABEL, "", &text);
        }
    }
}

fn walk(out: &mut String, p: Palette, steps: &[WalkStep]) {
    let width = steps.iter().map(|s| s.name.len()).max().unwrap_or(0);
    for (i, step) in steps.iter().enumerate() {
        let result = match (step.result, step.psd) {
            (StepResult::Record, Some(psd)) if psd != crate::dmarc::Psd::Unknown => {
                let flag = if psd == crate::dmarc::Psd::Yes {
                    "y"
                } else {
                    "n"
                };
                format!("record (psd={flag})")
            }
            (StepResult::Record, _) => "record".into(),
            (StepResult::NoRecord, _) => p.dim("no record"),
            (StepResult::NxDomain, _) => p.dim("NXDOMAIN"),
            (StepResult::Multiple, _) => p.paint(Paint::RedBold, "several records, all discarded"),
            (StepResult::Failed, _) => p.paint(Paint::RedBold, "lookup failed"),
        };
        let text = format!("{:<width$}  {result}", escape(&step.name));
        if i == 0 {
            row(out, LABEL, "tree walk", &text);
        } else {
            row(out, LABEL, "", &text);
        }
    }
}

/// The check's scorecard line.
pub(super) fn card(d: &DmarcReport) -> String {
    let policy = d.policy.as_ref().and_then(|p| p.policy);
    match (&d.record, policy) {
        (Some(record), Some(policy)) if record.domain != d.domain => {
            format!("p={policy} (from {})", record.name)
        }
        (Some(_), Some(policy)) => format!("p={policy}"),
        (Some(_), None) => "no policy applied".into(),
        (None, _) => "no record".into(),
    }
}
