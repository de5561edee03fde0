//! Text for DKIM (RFC 6376): the audit of a domain's selectors, `lint dkim`, `dkim keygen` and
//! `dkim verify-published`.

use std::fmt::Write;

use crate::dkim::KeyEncoding;
use crate::dkim::VerifyReport;
use crate::dkim::keygen::{KeygenReport, TxtRecord};
use crate::dkim::lints::KeyInfo;
use crate::dkim::{DkimLintReport, DkimReport, KeyRecordReport, SelectorReport, SelectorStatus};
use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;

use super::findings::{findings, quiet_findings};
use super::layout::heading;

impl Report for DkimReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        if style.quiet {
            return quiet_findings(p, &self.findings);
        }
        let mut out = String::new();
        let _ = writeln!(out, "{}", heading(p, "DKIM", &self.domain));
        if self.no_domainkey {
            let line = format!(
                "no _domainkey.{} (NXDOMAIN): no selector to try",
                self.domain
            );
            let _ = writeln!(out, "  {}", p.dim(&escape(&line)));
        } else if self.discovery {
            let found = self
                .selectors
                .iter()
                .filter(|s| s.status == SelectorStatus::Found)
                .count();
            let _ = writeln!(
                out,
                "  {}",
                p.dim(&format!(
                    "{} selectors tried, {found} found",
                    self.selectors_tried
                ))
            );
        }
        for s in &self.selectors {
            selector(&mut out, p, s);
        }
        if let Some(note) = &self.note {
            let _ = writeln!(out, "\n  {}", p.dim(&escape(note)));
        }
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

fn selector(out: &mut String, p: Palette, s: &SelectorReport) {
    let state = match s.status {
        SelectorStatus::Found => String::new(),
        SelectorStatus::NotFound => format!("  {}", p.paint(Paint::RedBold, "not found")),
        SelectorStatus::LookupFailed => format!("  {}", p.paint(Paint::RedBold, "lookup failed")),
    };
    let _ = writeln!(
        out,
        "\n  {} {}{state}",
        p.bold(&escape(&s.selector)),
        p.dim(&escape(&s.name))
    );
    if let Some(target) = &s.cname {
        let _ = writeln!(out, "    CNAME → {}", escape(target));
    }
    for r in &s.records {
        record(out, p, r, "    ");
    }
}

fn record(out: &mut String, p: Palette, r: &KeyRecordReport, indent: &str) {
    let _ = writeln!(out, "{indent}{}", escape(&shortened(&r.record)));
    if r.strings.len() > 1 {
        let sizes: Vec<String> = r.strings.iter().map(|s| s.len().to_string()).collect();
        let _ = writeln!(
            out,
            "{indent}{}",
            p.dim(&format!(
                "published as {} strings of {} bytes",
                r.strings.len(),
                sizes.join(", ")
            ))
        );
    }
    let what = match (&r.key, r.revoked) {
        (_, true) => "revoked (empty p=)".to_string(),
        (Some(k), _) => key_text(k),
        (None, _) => "no usable key".to_string(),
    };
    let testing = if r.testing { ", testing (t=y)" } else { "" };
    let _ = writeln!(
        out,
        "{indent}{}",
        p.paint(
            if r.key.is_some() {
                Paint::Green
            } else {
                Paint::Red
            },
            &format!("{what}{testing}")
        )
    );
}

fn key_text(k: &KeyInfo) -> String {
    let encoding = match k.encoding {
        KeyEncoding::Spki => "SubjectPublicKeyInfo",
        KeyEncoding::Pkcs1 => "RSAPublicKey",
        KeyEncoding::Raw => "raw",
    };
    format!("{} key, {} bits, {encoding}", k.algorithm, k.bits)
}

/// The record with a long `p=` cut in the middle: people recognise a key by its ends.
fn shortened(record: &str) -> String {
    let Some(at) = record.find("p=") else {
        return record.to_string();
    };
    let value_start = at + 2;
    let end = record[value_start..]
        .find(';')
        .map_or(record.len(), |i| value_start + i);
    let value = &record[value_start..end];
    if value.len() <= 64 || !value.is_ascii() {
        return record.to_string();
    }
    format!(
        "{}{}…{} ({} characters){}",
        &record[..value_start],
        &value[..24],
        &value[value.len() - 12..],
        value.len(),
        &record[end..]
    )
}

impl Report for DkimLintReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        if style.quiet {
            return quiet_findings(p, &self.findings);
        }
        let mut out = String::new();
        let _ = writeln!(out, "{}", p.bold("DKIM key record"));
        record(&mut out, p, &self.record, "  ");
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

impl Report for KeygenReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} {} for {} ({} bits)",
            p.bold("New DKIM key"),
            escape(&self.selector),
            escape(&self.domain),
            self.bits
        );
        let _ = writeln!(
            out,
            "  private key  {}  (PKCS#8 PEM, mode 0600)",
            escape(&self.key_file)
        );
        let _ = writeln!(out, "  TXT record   {}", escape(&self.txt_file));
        let _ = writeln!(out);
        zone_line(&mut out, p, &self.record);
        out
    }
}

/// The record as a zone-file line, one string per line so it can be copied.
pub fn zone_line(out: &mut String, p: Palette, r: &TxtRecord) {
    let _ = writeln!(out, "  {}", p.dim("Publish:"));
    let _ = writeln!(out, "  {}. IN TXT (", escape(&r.name));
    for s in &r.strings {
        let _ = writeln!(out, "    \"{}\"", escape(s));
    }
    let _ = writeln!(out, "  )");
}

impl Report for VerifyReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        let mut out = String::new();
        let verdict = if self.matches {
            p.paint(Paint::GreenBold, "published")
        } else {
            p.paint(Paint::RedBold, "not published")
        };
        let _ = writeln!(
            out,
            "{} {}  {verdict}",
            p.bold("DKIM key"),
            escape(&self.name)
        );
        let _ = writeln!(
            out,
            "  key file  {} ({} key, {} bits)",
            escape(&self.key_file),
            self.algorithm,
            self.bits
        );
        if let Some(r) = &self.published {
            let _ = writeln!(out, "  published {}", escape(&shortened(&r.record)));
        }
        let _ = writeln!(out, "  {}", escape(&self.reason));
        out
    }
}

/// The check's scorecard line.
pub(super) fn card(d: &DkimReport) -> String {
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
    if d.no_domainkey {
        "no key: no _domainkey (NXDOMAIN)".to_string()
    } else if keys.is_empty() {
        format!("no key found ({} selectors tried)", d.selectors_tried)
    } else {
        keys.join(", ")
    }
}
