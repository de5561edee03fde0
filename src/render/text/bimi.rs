//! Text for the BIMI audit (draft-brand-indicators-for-message-identification-12): the record
//! and where it was found, the logo and certificate it names, the DMARC policies it depends on,
//! and the findings.

use std::fmt::Write;

use crate::dmarc::Policy;
use crate::policy::bimi::{BimiReport, DomainPolicy, Prerequisites};
use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;

use super::findings::{findings, quiet_findings};
use super::layout::{heading, row};

const LABEL: usize = 14;

impl Report for BimiReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        if style.quiet {
            return quiet_findings(p, &self.findings);
        }
        let mut out = String::new();
        let _ = write!(out, "{}", heading(p, "BIMI", &self.domain));
        // A record given as text (`lint bimi`) has no selector.
        if self.domain != "record" {
            let _ = write!(
                out,
                "  {}",
                p.dim(&format!("(selector {})", escape(&self.selector)))
            );
        }
        let _ = writeln!(out);
        record(&mut out, p, self);
        if self.declined {
            row(&mut out, LABEL, "logo", &p.dim("declined"));
        }
        if let Some(l) = &self.location {
            row(&mut out, LABEL, "logo", &escape(l));
        }
        if let Some(a) = &self.evidence {
            row(&mut out, LABEL, "certificate", &escape(a));
        }
        if let Some(dmarc) = &self.dmarc {
            prerequisites(&mut out, p, dmarc);
        }
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

/// The Assertion Record and where it was found.
fn record(out: &mut String, p: Palette, r: &BimiReport) {
    match &r.record {
        None => row(out, LABEL, "record", &p.dim("none")),
        Some(r) if r.name == "record" => row(out, LABEL, "record", &escape(&r.text)),
        Some(r) => {
            let inherited = if r.inherited {
                format!("  {}", p.dim("(at the Organizational Domain)"))
            } else {
                String::new()
            };
            row(
                out,
                LABEL,
                "record",
                &format!("{}{inherited}", escape(&r.name)),
            );
            row(out, LABEL, "", &escape(&r.text));
        }
    }
}

/// The DMARC policies BIMI needs, and whether they are met.
fn prerequisites(out: &mut String, p: Palette, dmarc: &Prerequisites) {
    for (i, policy) in dmarc.policies.iter().enumerate() {
        row(
            out,
            LABEL,
            if i == 0 { "DMARC" } else { "" },
            &domain_policy(p, policy),
        );
    }
    let met = match dmarc.met {
        Some(true) => p.paint(Paint::GreenBold, "met"),
        Some(false) => p.paint(Paint::RedBold, "not met"),
        None => p.paint(Paint::YellowBold, "unknown: a lookup failed"),
    };
    row(out, LABEL, "prerequisites", &met);
}

fn domain_policy(p: Palette, d: &DomainPolicy) -> String {
    let policy = match d.policy.and_then(|e| e.policy) {
        Some(Policy::None) => p.paint(Paint::YellowBold, "none"),
        Some(policy) => p.paint(Paint::GreenBold, policy.as_str()),
        None => p.paint(Paint::RedBold, "no policy"),
    };
    let from = d
        .record
        .as_ref()
        .map(|r| format!("  {}", p.dim(&format!("(from {})", escape(r)))))
        .unwrap_or_default();
    format!("{}  {policy}{from}", escape(&d.domain))
}

/// The check's scorecard line.
pub(super) fn card(b: &BimiReport) -> String {
    match (&b.record, b.declined) {
        (None, _) => "no record".into(),
        (Some(_), true) => "declined".into(),
        (Some(_), false) => b.location.clone().unwrap_or_else(|| "record".into()),
    }
}
