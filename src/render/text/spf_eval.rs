//! Text for `spf eval` (RFC 7208 check_host()): the result, the deciding term, the explanation
//! and, with --trace, every step of the evaluation.

use std::fmt::Write;

use std::net::IpAddr;

use serde::{Serialize, Serializer};

use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;
use crate::spf::eval::trace::{Step, TermOutcome};
use crate::spf::eval::{Evaluation, Identity, SpfResult};
use crate::spf::{MAX_DNS_TERMS, MAX_VOID_LOOKUPS};

/// An evaluation with the client address it was made for; machines get the evaluation alone.
pub struct EvaluationFor<'a> {
    pub evaluation: &'a Evaluation,
    pub ip: IpAddr,
}

impl Serialize for EvaluationFor<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.evaluation.serialize(s)
    }
}

impl Report for EvaluationFor<'_> {
    fn text(&self, style: TextStyle) -> String {
        evaluation(self.evaluation, self.ip, style.palette)
    }
}

fn evaluation(e: &Evaluation, ip: IpAddr, p: Palette) -> String {
    let mut out = String::new();
    let identity = match e.identity {
        Some(Identity::MailFrom) => format!("MAIL FROM <{}>", escape(&e.sender)),
        Some(Identity::Helo) => format!("HELO {}", escape(&e.domain)),
        None => "no identity".to_string(),
    };
    let _ = writeln!(out, "{} {ip} for {identity}", p.bold("SPF eval"));
    let _ = writeln!(out, "  result       {}", result(p, e.result));
    let field = |out: &mut String, name: &str, value: &Option<String>| {
        if let Some(v) = value {
            let _ = writeln!(out, "  {name:<12} {}", escape(v));
        }
    };
    field(&mut out, "decided by", &e.mechanism);
    field(&mut out, "explanation", &e.explanation);
    field(&mut out, "why", &e.problem);
    let _ = writeln!(
        out,
        "  {}",
        p.dim(&format!(
            "{} of {MAX_DNS_TERMS} DNS-querying terms, {} of {MAX_VOID_LOOKUPS} void lookups",
            e.dns_terms, e.void_lookups,
        ))
    );
    if !e.trace.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Trace"));
        // A term's own queries follow it in the trace; indent them under it.
        let mut under_term = false;
        for event in &e.trace {
            let is_query = matches!(event.step, Step::Query { .. });
            let extra = usize::from(is_query && under_term);
            let indent = "  ".repeat(event.depth + 1 + extra);
            let _ = writeln!(out, "{indent}{}", step(p, &event.step));
            if !is_query {
                under_term = matches!(event.step, Step::Term { .. });
            }
        }
    }
    out
}

fn step(p: Palette, s: &Step) -> String {
    match s {
        Step::CheckHost { domain } => format!("{} {}", p.bold("check_host"), escape(domain)),
        Step::Query {
            name,
            rtype,
            answer,
            ..
        } => format!(
            "{} {} {} {} {}",
            p.dim("query"),
            escape(name),
            rtype,
            p.dim("→"),
            escape(answer)
        ),
        Step::Record { domain, text } => {
            format!("{} {}: {}", p.dim("record"), escape(domain), escape(text))
        }
        Step::Term {
            term,
            target,
            outcome,
            detail,
        } => {
            let mut line = format!("{} {}", p.dim("term"), p.bold(&escape(term)));
            if let Some(t) = target {
                let _ = write!(line, " ({})", escape(t));
            }
            let _ = write!(line, " {} {}", p.dim("→"), term_outcome(p, *outcome));
            if let Some(d) = detail {
                let _ = write!(line, ": {}", escape(d));
            }
            line
        }
        Step::Result { domain, result: r } => {
            format!("{} {}: {}", p.dim("result"), escape(domain), result(p, *r))
        }
    }
}

fn term_outcome(p: Palette, o: TermOutcome) -> String {
    let (text, paint) = match o {
        TermOutcome::Match => ("match", Paint::GreenBold),
        TermOutcome::NoMatch => ("no match", Paint::Plain),
        TermOutcome::Applied => ("applied", Paint::Cyan),
        TermOutcome::Ignored => ("ignored", Paint::Dim),
        TermOutcome::TempError => ("temperror", Paint::Magenta),
        TermOutcome::PermError => ("permerror", Paint::Red),
    };
    p.paint(paint, text)
}

/// An SPF result in its colour (also `verify`'s).
pub(super) fn result(p: Palette, r: SpfResult) -> String {
    let paint = match r {
        SpfResult::Pass => Paint::GreenBold,
        SpfResult::Fail => Paint::RedBold,
        SpfResult::SoftFail => Paint::YellowBold,
        SpfResult::Neutral | SpfResult::None => Paint::Bold,
        SpfResult::TempError | SpfResult::PermError => Paint::MagentaBold,
    };
    p.paint(paint, r.as_str())
}
