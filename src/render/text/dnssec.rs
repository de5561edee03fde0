//! Text for DNSSEC (RFC 4033-4035): the chain of trust zone by zone — DS at the parent, DNSKEY,
//! signatures with their validity and days left — the answers' statuses, and the findings.

use std::fmt::Write;

use crate::dns::Security;
use crate::dnssec::DnssecReport;
use crate::dnssec::chain::ZoneLink;
use crate::dnssec::records::SigVerdict;
use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;

use super::findings::{findings, quiet_findings};
use super::layout::Card;

/// Answers listed one by one; beyond, only counted.
const MAX_ANSWERS_SHOWN: usize = 40;

impl Report for DnssecReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        if style.quiet {
            return quiet_findings(p, &self.findings);
        }
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} {}",
            p.bold("DNSSEC"),
            p.bold(&escape(&self.domain))
        );
        match &self.chain {
            None => {
                let _ = writeln!(
                    out,
                    "  {}",
                    p.dim("not validated: the answers come from zone files")
                );
            }
            Some(chain) => {
                let _ = writeln!(out, "  trust    {}", escape(&chain.anchor));
                for zone in &chain.zones {
                    zone_lines(&mut out, p, zone);
                }
            }
        }
        dane(&mut out, p, self);
        answers(&mut out, p, self);
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

fn status(p: Palette, s: Security) -> String {
    let paint = match s {
        Security::Secure => Paint::GreenBold,
        Security::Insecure => Paint::Cyan,
        Security::Bogus => Paint::RedBold,
        Security::Indeterminate => Paint::YellowBold,
    };
    p.paint(paint, &format!("{s:<13}"))
}

fn zone_lines(out: &mut String, p: Palette, z: &ZoneLink) {
    let _ = writeln!(
        out,
        "  {}  {}",
        p.bold(&format!("{:<22}", escape(&z.zone))),
        status(p, z.status)
    );
    let pad = " ".repeat(4);
    for ds in &z.ds {
        let matched = if ds.matches_key {
            "matches a key"
        } else {
            "matches no key"
        };
        let _ = writeln!(
            out,
            "{pad}DS      {} {} {} ({matched})",
            ds.key_tag, ds.algorithm, ds.digest
        );
    }
    for key in &z.keys {
        let mut notes = Vec::new();
        if key.trusted {
            notes.push("trusted");
        }
        if key.revoked {
            notes.push("revoked");
        }
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", notes.join(", "))
        };
        let _ = writeln!(
            out,
            "{pad}DNSKEY  {} {} {}{notes}",
            key.key_tag, key.role, key.algorithm
        );
    }
    for sig in &z.signatures {
        let verdict = match sig.verdict {
            SigVerdict::Valid if sig.days_left == 1 => "1 day left".to_string(),
            SigVerdict::Valid => format!("{} days left", sig.days_left),
            SigVerdict::Expired => p.paint(Paint::Red, "expired"),
            SigVerdict::NotYetValid => p.paint(Paint::Red, "not yet valid"),
            SigVerdict::DoesNotVerify => p.paint(Paint::Red, "does not verify"),
            SigVerdict::NoKey => p.paint(Paint::Red, "no such key"),
            SigVerdict::Unsupported => p.paint(Paint::YellowBold, "unsupported algorithm"),
        };
        let _ = writeln!(
            out,
            "{pad}RRSIG   {:<6} by {} {} to {}, {verdict}",
            sig.covers, sig.key_tag, sig.inception, sig.expiration
        );
    }
    if let Some(reason) = &z.reason {
        let _ = writeln!(out, "{pad}{}", p.dim(&escape(reason)));
    }
}

/// Each MX host's TLSA records and whether a DANE sender uses them.
fn dane(out: &mut String, p: Palette, r: &DnssecReport) {
    for (i, host) in r.dane.iter().enumerate() {
        let label = if i == 0 { "DANE" } else { "" };
        let verdict = match (&host.tlsa_dnssec, host.applies) {
            (_, true) => p.paint(Paint::GreenBold, "applies"),
            (Some(d), false) => format!("ignored: TLSA {}", d.status),
            (None, false) => p.paint(Paint::RedBold, "TLSA lookup failed"),
        };
        let _ = writeln!(out, "  {label:<9}{}  {verdict}", escape(&host.host));
        for tlsa in &host.tlsa {
            let _ = writeln!(out, "           TLSA {}", tlsa.short());
        }
    }
}

fn answers(out: &mut String, p: Palette, r: &DnssecReport) {
    if r.answers.is_empty() {
        return;
    }
    let count = |s: Security| r.answers.iter().filter(|a| a.dnssec.status == s).count();
    let _ = writeln!(
        out,
        "  answers  {} secure, {} insecure, {} bogus, {} indeterminate",
        count(Security::Secure),
        count(Security::Insecure),
        count(Security::Bogus),
        count(Security::Indeterminate)
    );
    let shown = &r.answers[..r.answers.len().min(MAX_ANSWERS_SHOWN)];
    // Names in a column, as long as the longest (up to a point).
    let width = shown
        .iter()
        .map(|a| escape(&a.name).chars().count())
        .max()
        .unwrap_or(0)
        .min(48);
    for a in shown {
        let reason = a
            .dnssec
            .reason
            .as_deref()
            .map(|r| format!("  {}", p.dim(&escape(r))))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    {:<width$} {:<5} {}{reason}",
            escape(&a.name),
            // RecordType's Display ignores width: padded as text.
            a.rtype.to_string(),
            status(p, a.dnssec.status).trim_end()
        );
    }
    if r.answers.len() > MAX_ANSWERS_SHOWN {
        let _ = writeln!(
            out,
            "    … and {} more",
            r.answers.len() - MAX_ANSWERS_SHOWN
        );
    }
}

/// The check's scorecard line: signed and valid (with the algorithm), unsigned, or why not.
pub(super) fn card(r: &DnssecReport) -> Card {
    let Some(zone) = r.zone() else {
        return Card {
            facts: "not validated (zone files)".into(),
            none: true,
        };
    };
    let mut algorithms: Vec<String> = zone
        .keys
        .iter()
        .map(|k| k.algorithm.name.to_string())
        .collect();
    algorithms.dedup();
    match zone.status {
        Security::Secure => format!("signed and valid ({})", algorithms.join(", ")).into(),
        Security::Insecure => Card {
            facts: "unsigned".into(),
            none: true,
        },
        Security::Bogus => format!(
            "bogus: {}",
            zone.reason.as_deref().unwrap_or("validation failed")
        )
        .into(),
        Security::Indeterminate => "indeterminate".to_string().into(),
    }
}
