//! Text for `verify` (RFC 7208, RFC 6376, RFC 8617, RFC 9989, RFC 8601): a line per mechanism,
//! then SPF's client and sender, each DKIM signature and why, the ARC chain (`verify_arc`), the
//! DMARC alignment in words, our Authentication-Results field, and the fields the message
//! already carries beside it.

use std::fmt::Write;

use crate::dmarc::verdict::{DmarcResult, DmarcVerdict};
use crate::message::arc_report::ArcResult;
use crate::message::report::{ClientSource, MessageReport, ReceivedResults, SpfCheck};
use crate::message::{DkimResult, DkimVerification, SignatureCheck};
use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;

use super::findings::findings;
use super::layout::row;

impl Report for MessageReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        let mut out = String::new();
        if style.quiet {
            if !self.findings.is_empty() {
                findings(&mut out, p, &self.findings);
            }
            return out;
        }
        summary(&mut out, p, self);
        spf(&mut out, p, &self.spf);
        dkim(&mut out, p, &self.dkim);
        super::verify_arc::section(&mut out, p, &self.arc);
        if let Some(d) = &self.dmarc {
            dmarc(&mut out, p, d);
        }
        let _ = writeln!(out, "\n{}", p.bold("Our result"));
        let ours = self.authentication_results.header_value();
        for line in ours.split("\r\n") {
            let _ = writeln!(out, "  {}", escape(&line.replace('\t', "    ")));
        }
        let _ = writeln!(
            out,
            "\n{}",
            p.bold("The message's own Authentication-Results")
        );
        if self.received_results.is_empty() {
            let _ = writeln!(out, "  {}", p.dim("none"));
        }
        for r in &self.received_results {
            let _ = writeln!(out, "  {}. {}", r.index, escape(&received(r)));
        }
        out.push('\n');
        findings(&mut out, p, &self.findings);
        out
    }
}

/// A receiver's field as `authserv-id: method=result ...`, or its text when it does not parse.
fn received(r: &ReceivedResults) -> String {
    let Some(parsed) = &r.parsed else {
        return r.text.clone();
    };
    let results: Vec<String> = parsed
        .results
        .iter()
        .map(|m| format!("{}={}", m.method, m.result))
        .collect();
    if results.is_empty() {
        return format!("{}: none", parsed.authserv_id);
    }
    format!("{}: {}", parsed.authserv_id, results.join(" "))
}

fn summary(out: &mut String, p: Palette, r: &MessageReport) {
    let spf = match &r.spf.evaluation {
        Some(e) => format!(
            "{}  {} for {}",
            super::spf_eval::result(p, e.result),
            r.spf.ip.map(|ip| ip.to_string()).unwrap_or_default(),
            escape(&e.domain)
        ),
        None => p.paint(Paint::Bold, "not evaluated"),
    };
    let passed = r
        .dkim
        .signatures
        .iter()
        .filter(|s| s.result == DkimResult::Pass)
        .count();
    let dkim = match r.dkim.signatures.len() {
        0 => p.paint(Paint::Bold, "none") + "  no DKIM-Signature field",
        n => format!(
            "{}  {passed} of {n} signature{} verified",
            if passed > 0 {
                p.paint(Paint::GreenBold, "pass")
            } else {
                p.paint(Paint::RedBold, "fail")
            },
            if n == 1 { "" } else { "s" }
        ),
    };
    let dmarc = match &r.dmarc {
        Some(d) => format!("{}  {}", dmarc_result(p, d.result), escape(&d.from_domain)),
        None => format!(
            "{}  no single From address",
            p.paint(Paint::RedBold, "fail")
        ),
    };
    let _ = writeln!(out, "{}", p.bold("Message authentication"));
    row(out, 7, "SPF", &spf);
    row(out, 7, "DKIM", &dkim);
    // Only forwarded mail carries ARC: without a set the line would say nothing.
    if r.arc.result != ArcResult::None {
        row(out, 7, "ARC", &super::verify_arc::summary(p, &r.arc));
    }
    row(out, 7, "DMARC", &dmarc);
}

fn spf(out: &mut String, p: Palette, s: &SpfCheck) {
    let _ = writeln!(out, "\n{}", p.bold("SPF"));
    let client = match (s.source, s.ip, &s.hop) {
        (ClientSource::Received, Some(ip), Some(hop)) => {
            let which = if hop.index == 0 {
                "the newest Received field".to_string()
            } else {
                format!("Received field {} from the top", hop.index + 1)
            };
            format!("{ip}, from {which}, added by {}", escape(&hop.by))
        }
        (_, Some(ip), _) => format!("{ip} (--ip)"),
        _ => "not known".to_string(),
    };
    row(out, 12, "client", &client);
    if let Some(m) = &s.mail_from {
        let from = s.mail_from_source.as_deref().unwrap_or("option");
        let shown = if m.is_empty() {
            "<> (the null sender)".to_string()
        } else {
            format!("<{}>", escape(m))
        };
        row(out, 12, "sender", &format!("{shown} ({from})"));
    }
    if let Some(h) = &s.helo {
        row(out, 12, "helo", &escape(h));
    }
    if let Some(why) = &s.not_evaluated {
        row(
            out,
            12,
            "result",
            &format!("not evaluated: {}", escape(why)),
        );
    }
    if let Some(e) = &s.evaluation {
        row(out, 12, "checked", &escape(&e.sender));
        row(out, 12, "result", &super::spf_eval::result(p, e.result));
        for (label, value) in [
            ("decided by", &e.mechanism),
            ("why", &e.problem),
            ("explained", &e.explanation),
        ] {
            if let Some(v) = value {
                row(out, 12, label, &escape(v));
            }
        }
    }
}

fn dkim(out: &mut String, p: Palette, d: &DkimVerification) {
    let _ = writeln!(out, "\n{}", p.bold("DKIM signatures"));
    if d.signatures.is_empty() {
        let _ = writeln!(out, "  {}", p.dim("none"));
    }
    for s in &d.signatures {
        signature(out, p, s);
    }
}

fn signature(out: &mut String, p: Palette, s: &SignatureCheck) {
    let tags = s.signature.as_ref().map_or_else(String::new, |sig| {
        format!(
            "d={} s={} a={} c={}/{}{}",
            escape(&sig.domain),
            escape(&sig.selector),
            sig.algorithm.as_str(),
            sig.header_canonicalization.as_str(),
            sig.body_canonicalization.as_str(),
            sig.length.map_or_else(String::new, |l| format!(" l={l}"))
        )
    });
    let _ = writeln!(out, "  {}. {}  {tags}", s.index, dkim_result(p, s.result));
    if let Some(name) = &s.key_name {
        let key = s.key.as_ref().map_or_else(
            || "no usable key".to_string(),
            |k| format!("{} {} bits", k.algorithm, k.bits),
        );
        let _ = writeln!(out, "     key {}: {key}", escape(name));
    }
    let _ = writeln!(out, "     {}", escape(&s.reason));
}

fn dmarc(out: &mut String, p: Palette, d: &DmarcVerdict) {
    let _ = writeln!(
        out,
        "\n{} {}",
        p.bold("DMARC"),
        p.bold(&escape(&d.from_domain))
    );
    if let Some(r) = &d.record {
        let _ = writeln!(out, "  {}", escape(r));
    }
    for c in &d.checks {
        let mark = if c.aligned && c.identifier.passed {
            p.paint(Paint::Green, "✓")
        } else {
            p.paint(Paint::Dim, "·")
        };
        let passed = if c.identifier.passed {
            "passed"
        } else {
            "did not pass"
        };
        let _ = writeln!(out, "  {mark} {} ({passed})", escape(&c.text));
    }
    let _ = writeln!(out, "  {}", escape(&d.text));
}

fn dkim_result(p: Palette, r: DkimResult) -> String {
    let paint = match r {
        DkimResult::Pass => Paint::GreenBold,
        DkimResult::Fail => Paint::RedBold,
        DkimResult::Neutral | DkimResult::Policy => Paint::YellowBold,
        DkimResult::Temperror | DkimResult::Permerror => Paint::MagentaBold,
    };
    p.paint(paint, r.as_str())
}

fn dmarc_result(p: Palette, r: DmarcResult) -> String {
    let (paint, text) = match r {
        DmarcResult::Pass => (Paint::GreenBold, "pass"),
        DmarcResult::Fail => (Paint::RedBold, "fail"),
        DmarcResult::None => (Paint::Bold, "none"),
        DmarcResult::TempError => (Paint::MagentaBold, "temperror"),
    };
    p.paint(paint, text)
}
