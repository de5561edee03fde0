//! Text for the ARC chain of `verify` (RFC 8617 §5.2): the summary line's words, and a section
//! with each set (its seal, its message signature, what its hop's results said), the oldest
//! pass, and what the first hop said when the chain holds.

use std::fmt::Write;

use crate::message::DkimResult;
use crate::message::arc_report::{ArcResult, ArcSignatureCheck, ArcVerification};
use crate::message::auth_results::AuthResults;
use crate::render::{Paint, Palette};
use crate::sanitize::escape;

/// The summary line after `ARC`.
pub(super) fn summary(p: Palette, a: &ArcVerification) -> String {
    match a.result {
        ArcResult::None => p.paint(Paint::Bold, "none") + "  no ARC set",
        ArcResult::Fail => format!("{}  {}", p.paint(Paint::RedBold, "fail"), escape(&a.reason)),
        ArcResult::Pass => {
            let first = a
                .origin_results
                .as_ref()
                .map_or_else(String::new, |r| format!("; the first hop said {}", said(r)));
            format!(
                "{}  {} set{}{first}",
                p.paint(Paint::GreenBold, "pass"),
                a.sets.len(),
                if a.sets.len() == 1 { "" } else { "s" }
            )
        }
    }
}

/// `authserv-id: method=result ...`, escaped.
fn said(r: &AuthResults) -> String {
    let results: Vec<String> = r
        .results
        .iter()
        .map(|m| format!("{}={}", m.method, m.result))
        .collect();
    let results = if results.is_empty() {
        "none".to_string()
    } else {
        results.join(" ")
    };
    escape(&format!("{}: {results}", r.authserv_id))
}

/// The section; nothing when the message has no ARC set.
pub(super) fn section(out: &mut String, p: Palette, a: &ArcVerification) {
    if a.result == ArcResult::None {
        return;
    }
    let _ = writeln!(out, "\n{}", p.bold("ARC chain"));
    for set in &a.sets {
        let cv = set
            .cv
            .as_deref()
            .map_or_else(String::new, |c| format!("  cv={}", escape(c)));
        let _ = writeln!(out, "  instance {}{cv}", set.instance);
        signature(out, p, "seal", &set.seal);
        signature(out, p, "message signature", &set.message_signature);
        if let Some(r) = &set.authentication_results {
            let _ = writeln!(out, "     results: {}", escape(r));
        }
    }
    match (a.result, a.oldest_pass) {
        (ArcResult::Pass, Some(0)) => {
            let _ = writeln!(
                out,
                "  oldest pass: 0 (every hop's message signature still verifies)"
            );
        }
        (ArcResult::Pass, Some(o)) => {
            let _ = writeln!(
                out,
                "  oldest pass: {o} (the message changed after instance {} signed it; the seals \
                 still vouch for what each hop found)",
                o - 1
            );
        }
        _ => {}
    }
    if let Some(r) = &a.origin_results {
        let _ = writeln!(out, "  first hop said: {}", said(r));
    }
    if a.result == ArcResult::Fail {
        let _ = writeln!(
            out,
            "  {} {}",
            p.paint(Paint::RedBold, "fail:"),
            escape(&a.reason)
        );
    }
}

fn signature(out: &mut String, p: Palette, label: &str, s: &ArcSignatureCheck) {
    let who = match (&s.domain, &s.selector) {
        (Some(d), Some(sel)) => format!("d={} s={}", escape(d), escape(sel)),
        _ => "(does not parse)".to_string(),
    };
    let verdict = match s.result {
        None => p.paint(Paint::Dim, "not checked"),
        Some(r) => {
            let paint = if r == DkimResult::Pass {
                Paint::GreenBold
            } else {
                Paint::RedBold
            };
            let why = if r == DkimResult::Pass {
                String::new()
            } else {
                format!(": {}", escape(&s.reason))
            };
            p.paint(paint, r.as_str()) + &why
        }
    };
    let _ = writeln!(out, "     {label} {who}  {verdict}");
}
