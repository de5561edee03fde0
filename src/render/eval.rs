//! Text for `spf eval` (RFC 7208 check_host()): the result, the deciding term, the explanation
//! and, with --trace, every step of the evaluation.

use std::fmt::Write;

use colored::{ColoredString, Colorize};

use crate::spf::eval::{Evaluation, Identity, SpfResult};
use crate::spf::trace::{Step, TermOutcome};

use super::sanitize::escape;
use super::text::{dim, heading};

pub fn evaluation(e: &Evaluation, ip: &str) -> String {
    let mut out = String::new();
    let identity = match e.identity {
        Some(Identity::MailFrom) => format!("MAIL FROM <{}>", escape(&e.sender)),
        Some(Identity::Helo) => format!("HELO {}", escape(&e.domain)),
        None => "no identity".to_string(),
    };
    let _ = writeln!(out, "{} {ip} for {identity}", heading("SPF eval"));
    let _ = writeln!(out, "  result       {}", result(e.result));
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
        dim(&format!(
            "{} of {} DNS-querying terms, {} of {} void lookups",
            e.dns_terms,
            crate::spf::eval::MAX_DNS_TERMS,
            e.void_lookups,
            crate::spf::eval::MAX_VOID_LOOKUPS
        ))
    );
    if !e.trace.is_empty() {
        let _ = writeln!(out, "\n{}", heading("Trace"));
        // A term's own queries follow it in the trace; indent them under it.
        let mut under_term = false;
        for event in &e.trace {
            let is_query = matches!(event.step, Step::Query { .. });
            let extra = usize::from(is_query && under_term);
            let indent = "  ".repeat(event.depth + 1 + extra);
            let _ = writeln!(out, "{indent}{}", step(&event.step));
            if !is_query {
                under_term = matches!(event.step, Step::Term { .. });
            }
        }
    }
    out
}

fn step(s: &Step) -> String {
    match s {
        Step::CheckHost { domain } => format!("{} {}", "check_host".bold(), escape(domain)),
        Step::Query {
            name,
            rtype,
            answer,
            ..
        } => format!(
            "{} {} {} {} {}",
            dim("query"),
            escape(name),
            rtype,
            dim("→"),
            escape(answer)
        ),
        Step::Record { domain, text } => {
            format!("{} {}: {}", dim("record"), escape(domain), escape(text))
        }
        Step::Term {
            term,
            target,
            outcome,
            detail,
        } => {
            let mut line = format!("{} {}", dim("term"), escape(term).bold());
            if let Some(t) = target {
                let _ = write!(line, " ({})", escape(t));
            }
            let _ = write!(line, " {} {}", dim("→"), term_outcome(*outcome));
            if let Some(d) = detail {
                let _ = write!(line, ": {}", escape(d));
            }
            line
        }
        Step::Result { domain, result: r } => {
            format!("{} {}: {}", dim("result"), escape(domain), result(*r))
        }
    }
}

fn term_outcome(o: TermOutcome) -> ColoredString {
    match o {
        TermOutcome::Match => "match".green().bold(),
        TermOutcome::NoMatch => "no match".normal(),
        TermOutcome::Applied => "applied".cyan(),
        TermOutcome::Ignored => "ignored".dimmed(),
        TermOutcome::TempError => "temperror".magenta(),
        TermOutcome::PermError => "permerror".red(),
    }
}

fn result(r: SpfResult) -> ColoredString {
    let s = r.as_str();
    match r {
        SpfResult::Pass => s.green().bold(),
        SpfResult::Fail => s.red().bold(),
        SpfResult::SoftFail => s.yellow().bold(),
        SpfResult::Neutral | SpfResult::None => s.bold(),
        SpfResult::TempError | SpfResult::PermError => s.magenta().bold(),
    }
}
