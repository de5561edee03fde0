//! Text for DKIM key rotation (RFC 6376 §3.1): what `dkim rotate` did and what to publish or
//! change next, and what `dkim status` finds due.

use std::fmt::Write;

use crate::dkim::rotate::{DomainStatus, RotateReport, StatusReport, Step};
use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;

use super::dkim::zone_line;

impl Report for RotateReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        let mut out = String::new();
        let step = match self.step {
            Step::Generated => "new key",
            Step::Pending => "key pending",
            Step::Activate if self.done => "activated",
            Step::Activate => "not activated",
            Step::Revoke if self.done => "revocation",
            Step::Revoke => "revocation pending",
        };
        let paint = if self.done {
            Paint::GreenBold
        } else {
            Paint::YellowBold
        };
        let _ = writeln!(
            out,
            "{} {}  {}  {}",
            p.bold("DKIM rotation"),
            escape(&self.domain),
            p.paint(paint, step),
            p.dim(&self.date.to_string())
        );
        for key in &self.keys {
            let _ = writeln!(
                out,
                "\n  {} {} ({}, {})",
                p.bold(&escape(&key.selector)),
                p.dim(&format!("{:?}", key.status).to_lowercase()),
                key.algorithm,
                escape(&key.file)
            );
            if let Some(dns) = &key.dns {
                let _ = writeln!(out, "  DNS: {}", escape(dns));
            }
            if let Some(signing) = &key.signing {
                let _ = writeln!(out, "  signing: {}", escape(signing));
            }
            // Once activated, the record is published already: no need to show it again.
            let shown = !(self.step == Step::Activate && self.done);
            if let Some(record) = key.record.as_ref().filter(|_| shown) {
                zone_line(&mut out, p, record);
            }
        }
        signer_and_exec(&mut out, p, self);
        let _ = writeln!(out);
        for line in &self.next {
            let _ = writeln!(out, "{}", escape(line));
        }
        let _ = writeln!(
            out,
            "{}",
            p.dim(&format!("state: {}", escape(&self.state_file)))
        );
        out
    }
}

/// After an activation: the signer's new settings and how `--exec` ended.
fn signer_and_exec(out: &mut String, p: Palette, r: &RotateReport) {
    if let Some(signer) = &r.signer {
        let _ = writeln!(out, "\n  {}", p.bold("Signer"));
        for line in &signer.opendkim {
            let _ = writeln!(out, "  OpenDKIM {}", escape(line));
        }
        let _ = writeln!(out, "  Rspamd dkim_signing.conf:");
        for line in signer.rspamd.lines() {
            let _ = writeln!(out, "    {}", escape(line));
        }
    }
    if let Some(exec) = &r.exec {
        let paint = if exec.ok {
            Paint::Green
        } else {
            Paint::RedBold
        };
        let _ = writeln!(
            out,
            "\n  exec `{}`: {}",
            escape(&exec.command),
            p.paint(paint, &escape(&exec.outcome))
        );
    }
}

impl Report for StatusReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        let mut out = String::new();
        if !style.quiet {
            let _ = writeln!(
                out,
                "{} {}  {}",
                p.bold("DKIM rotation status"),
                p.dim(&self.date.to_string()),
                p.dim(&escape(&self.state_file))
            );
        }
        for d in &self.domains {
            if style.quiet && d.due.is_empty() {
                continue;
            }
            domain(&mut out, style, d);
        }
        let summary = match self.due {
            0 => p.paint(Paint::Green, "nothing due"),
            1 => p.paint(Paint::YellowBold, "1 thing due"),
            n => p.paint(Paint::YellowBold, &format!("{n} things due")),
        };
        let _ = writeln!(out, "\n{summary}");
        out
    }
}

fn domain(out: &mut String, style: TextStyle, d: &DomainStatus) {
    let p = style.palette;
    let _ = writeln!(
        out,
        "\n{}  {}",
        p.bold(&escape(&d.domain)),
        p.dim(&format!(
            "every {} days, overlap {} days",
            d.interval_days, d.overlap_days
        ))
    );
    if !style.quiet {
        for k in &d.keys {
            let dates: Vec<String> = [
                ("created", Some(k.created)),
                ("published", k.published),
                ("activated", k.activated),
                ("retiring", k.retiring),
                ("revoked", k.revoked),
            ]
            .iter()
            .filter_map(|(name, date)| date.map(|d| format!("{name} {d}")))
            .collect();
            let status = format!("{:?}", k.status).to_lowercase();
            let _ = writeln!(
                out,
                "  {:<16} {:<8} {:<8} {}",
                escape(&k.selector),
                k.algorithm,
                status,
                p.dim(&dates.join(", "))
            );
        }
        if let Some(next) = d.next_rotation {
            let _ = writeln!(out, "  {}", p.dim(&format!("next rotation due {next}")));
        }
    }
    for due in &d.due {
        let kind = serde_json::to_value(due.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} {}  {}",
            p.paint(Paint::YellowBold, "due"),
            p.bold(&kind),
            escape(&due.message)
        );
    }
}
