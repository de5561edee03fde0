//! Lints of one SPF record on its own (RFC 7208 §3, §4.6, §5, §6): syntax, sizes, the `all`
//! mechanism, unreachable terms, `ptr`, modifiers. Lints across the include tree live in
//! the audit itself.

use std::fmt::Write as _;
use std::sync::Arc;

use crate::dns::Txt;
use crate::finding::{Capped, Finding, SHOWN_PER_CODE};
use crate::spf::{ErrorKind, Mechanism, Modifier, Qualifier, SpfRecord, Term, TermKind, codes};

/// §3.4: records longer than this may not fit a UDP answer.
pub const RECORD_SIZE_LIMIT: usize = 450;
/// RFC 1035 §3.3: one character-string.
pub const STRING_SIZE_LIMIT: usize = 255;

/// How a record is reached, which decides what its `all` means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The domain's own policy: the record at the domain, or a redirect= target.
    Policy,
    /// Reached through include: its default result only means "no match".
    Included,
}

/// Every finding about `record` (published as `txt` at `domain`) on its own, capped per code:
/// a hostile 64 KiB record may hold thousands of bad terms.
pub fn lint_record(domain: &str, txt: &Txt, record: &SpfRecord, role: Role) -> Vec<Finding> {
    let mut out = Capped::new();
    // One copy of the text, shared by every finding that points into it.
    let text: Arc<str> = record.text.as_str().into();
    for e in &record.errors {
        let code = match e.kind {
            ErrorKind::Syntax => codes::SYNTAX_ERROR,
            ErrorKind::Network => codes::INVALID_NETWORK,
            ErrorKind::Macro => codes::BAD_MACRO,
            ErrorKind::DuplicateModifier => codes::DUPLICATE_MODIFIER,
        };
        let message = format!("{} (at byte {})", e.message, e.span.start);
        out.push(Finding::new(code, domain, message).at(&text, e.span.start, e.span.end));
    }
    if let Some((at, byte)) = txt.first_non_ascii() {
        let message = format!(
            "byte {at} is 0x{byte:02x}, not ASCII; receivers return permerror for the record"
        );
        // Underline the whole character (or the `\xNN` that shows an invalid byte).
        let joined = txt.joined();
        let width = joined[at..]
            .utf8_chunks()
            .next()
            .and_then(|c| c.valid().chars().next())
            .map_or(1, char::len_utf8);
        let (start, end) = (text_offset(txt, at), text_offset(txt, at + width));
        out.push(Finding::new(codes::SYNTAX_ERROR, domain, message).at(&text, start, end));
    }
    lint_sizes(domain, txt, record, &text, &mut out);
    lint_all(domain, record, &text, role, &mut out);
    for term in &record.terms {
        let term_text = record.term_text(term);
        let at = |f: Finding| f.at(&text, term.span.start, term.span.end);
        match &term.kind {
            TermKind::Directive(d) if matches!(d.mechanism, Mechanism::Ptr { .. }) => {
                out.push(at(Finding::new(
                    codes::PTR,
                    domain,
                    format!("'{term_text}' should not be used"),
                )));
            }
            TermKind::Directive(d) if d.qualifier == Qualifier::Pass => {
                if let Some(share) = too_broad(&d.mechanism) {
                    out.push(at(Finding::new(
                        codes::NETWORK_TOO_BROAD,
                        domain,
                        format!("'{term_text}' authorises {share}"),
                    )));
                }
            }
            TermKind::Modifier(Modifier::Unknown { name, .. }) => {
                out.push(at(Finding::new(
                    codes::UNKNOWN_MODIFIER,
                    domain,
                    format!("modifier '{name}=' is not defined by SPF and is ignored"),
                )));
            }
            _ => {}
        }
    }
    out.into_vec()
}

/// Where published byte `at` lands in the record's text, which shows bytes that are not UTF-8
/// as `\xNN`.
fn text_offset(txt: &Txt, at: usize) -> usize {
    let joined = txt.joined();
    crate::dns::bytes_text(&joined[..at.min(joined.len())]).len()
}

/// Passing networks shorter than /8 (IPv4) or /16 (IPv6): what share of the Internet they
/// authorise.
fn too_broad(mechanism: &Mechanism) -> Option<String> {
    let (family, prefix, shortest) = match mechanism {
        Mechanism::Ip4 { prefix, .. } => ("IPv4", *prefix, 8),
        Mechanism::Ip6 { prefix, .. } => ("IPv6", *prefix, 16),
        _ => return None,
    };
    match prefix {
        0 => Some(format!("every {family} address, as +all does")),
        p if p < shortest => Some(format!("1/{} of all {family} addresses", 1u32 << p)),
        _ => None,
    }
}

fn lint_sizes(domain: &str, txt: &Txt, record: &SpfRecord, text: &Arc<str>, out: &mut Capped) {
    for (i, s) in txt.strings.iter().enumerate() {
        if s.len() > STRING_SIZE_LIMIT {
            out.push(Finding::new(
                codes::STRING_TOO_LONG,
                domain,
                format!(
                    "string {} of the record is {} bytes, limit {STRING_SIZE_LIMIT}",
                    i + 1,
                    s.len()
                ),
            ));
        }
    }
    let len = txt.joined().len();
    if len > RECORD_SIZE_LIMIT {
        out.push(Finding::new(
            codes::RECORD_TOO_LONG,
            domain,
            format!("the record is {len} bytes, more than {RECORD_SIZE_LIMIT}"),
        ));
    }
    lint_splits(domain, txt, record, text, out);
}

/// A boundary between two strings that falls inside a term, where both halves are complete
/// terms on their own: the author expected a space to be added.
fn lint_splits(domain: &str, txt: &Txt, record: &SpfRecord, text: &Arc<str>, out: &mut Capped) {
    let mut boundary = 0;
    for s in &txt.strings[..txt.strings.len().saturating_sub(1)] {
        boundary += s.len();
        let Some(term) = record
            .terms
            .iter()
            .find(|t| t.span.start < boundary && boundary < t.span.end)
        else {
            continue;
        };
        let (Some(left), Some(right)) = (
            record.text.get(term.span.start..boundary),
            record.text.get(boundary..term.span.end),
        ) else {
            continue;
        };
        if is_complete_term(left) && is_complete_term(right) {
            out.push(
                Finding::new(
                    codes::SPLIT_IN_TERM,
                    domain,
                    format!("strings are joined as '{left}{right}'; a space is missing between '{left}' and '{right}'"),
                )
                .at(text, term.span.start, term.span.end),
            );
        }
    }
}

fn is_complete_term(text: &str) -> bool {
    let r = SpfRecord::parse(&format!("v=spf1 {text}"));
    r.errors.is_empty()
        && r.terms.len() == 1
        && !matches!(
            r.terms[0].kind,
            TermKind::Modifier(Modifier::Unknown { .. })
        )
}

fn lint_all(domain: &str, record: &SpfRecord, text: &Arc<str>, role: Role, out: &mut Capped) {
    let Some(index) = record.all() else {
        if role == Role::Policy && record.redirect().is_none() && record.errors.is_empty() {
            out.push(Finding::new(
                codes::NO_ALL,
                domain,
                "the record has neither 'all' nor redirect=, so unlisted senders get neutral",
            ));
        }
        return;
    };
    let term = &record.terms[index];
    let TermKind::Directive(d) = &term.kind else {
        return;
    };
    let term_text = record.term_text(term);
    let at = |f: Finding| f.at(text, term.span.start, term.span.end);
    match d.qualifier {
        Qualifier::Pass => {
            let message = match role {
                Role::Policy => format!("'{term_text}' authorises every IP address"),
                Role::Included => format!(
                    "'{term_text}' makes every include of this record match every IP address"
                ),
            };
            out.push(at(Finding::new(codes::PASS_ALL, domain, message)));
        }
        Qualifier::Neutral if role == Role::Policy => out.push(at(Finding::new(
            codes::NEUTRAL_ALL,
            domain,
            format!("'{term_text}' gives unlisted senders neutral"),
        ))),
        _ => {}
    }
    lint_after_all(domain, record, text, index, out);
}

/// Directives after `all` and a redirect= beside it: never evaluated.
fn lint_after_all(
    domain: &str,
    record: &SpfRecord,
    text: &Arc<str>,
    index: usize,
    out: &mut Capped,
) {
    let term_text = record.term_text(&record.terms[index]);
    let after: Vec<&Term> = record.terms[index + 1..]
        .iter()
        .filter(|t| matches!(t.kind, TermKind::Directive(_)))
        .collect();
    if let Some(last) = after.last() {
        let first = &record.terms[index + 1];
        // The location covers them all; a message listing thousands would repeat the record.
        let texts: Vec<&str> = after
            .iter()
            .take(SHOWN_PER_CODE)
            .map(|t| record.term_text(t))
            .collect();
        let mut listed = texts.join(" ");
        if after.len() > SHOWN_PER_CODE {
            let _ = write!(listed, " and {} more", after.len() - SHOWN_PER_CODE);
        }
        out.push(
            Finding::new(
                codes::TERMS_AFTER_ALL,
                domain,
                format!("never evaluated after '{term_text}': {listed}"),
            )
            .at(text, first.span.start, last.span.end),
        );
    }
    if let Some((t, _)) = record.redirect_term() {
        out.push(
            Finding::new(
                codes::REDIRECT_WITH_ALL,
                domain,
                format!(
                    "'{}' is ignored because of '{term_text}'",
                    record.term_text(t)
                ),
            )
            .at(text, t.span.start, t.span.end),
        );
    }
}

/// Several v=spf1 records at one name (§4.5).
pub fn multiple_records(domain: &str, records: &[Txt]) -> Finding {
    let texts: Vec<String> = records
        .iter()
        .map(|t| format!("\"{}\"", t.text()))
        .collect();
    Finding::new(
        codes::MULTIPLE_RECORDS,
        domain,
        format!("{} v=spf1 records: {}", records.len(), texts.join(", ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(strings: &[&str], role: Role) -> Vec<crate::finding::Code> {
        let txt = Txt {
            strings: strings.iter().map(|s| s.as_bytes().to_vec()).collect(),
        };
        let record = SpfRecord::parse(&txt.text());
        lint_record("example.com", &txt, &record, role)
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn clean_records_raise_nothing() {
        assert!(codes(&["v=spf1 mx ip4:192.0.2.0/24 -all"], Role::Policy).is_empty());
        assert!(codes(&["v=spf1 ip4:192.0.2.1 ?all"], Role::Included).is_empty());
        assert!(codes(&["v=spf1 redirect=_spf.example.com"], Role::Policy).is_empty());
        assert!(codes(&["v=spf1 include:a.example", ".com -all"], Role::Policy).is_empty());
    }

    #[test]
    fn flags_all_problems() {
        assert_eq!(codes(&["v=spf1 +all"], Role::Policy), [codes::PASS_ALL]);
        assert_eq!(codes(&["v=spf1 all"], Role::Included), [codes::PASS_ALL]);
        assert_eq!(codes(&["v=spf1 ?all"], Role::Policy), [codes::NEUTRAL_ALL]);
        assert_eq!(codes(&["v=spf1 mx"], Role::Policy), [codes::NO_ALL]);
        assert!(codes(&["v=spf1 mx"], Role::Included).is_empty());
        assert_eq!(
            codes(&["v=spf1 -all mx"], Role::Policy),
            [codes::TERMS_AFTER_ALL]
        );
        assert_eq!(
            codes(&["v=spf1 -all redirect=x.example"], Role::Policy),
            [codes::REDIRECT_WITH_ALL]
        );
        assert_eq!(codes(&["v=spf1 ptr -all"], Role::Policy), [codes::PTR]);
        for broad in [
            "ip4:0.0.0.0/0",
            "+ip4:10.0.0.0/7",
            "ip6:::/0",
            "ip6:2000::/3",
        ] {
            let record = format!("v=spf1 {broad} -all");
            assert_eq!(
                codes(&[&record], Role::Policy),
                [codes::NETWORK_TOO_BROAD],
                "{broad}"
            );
        }
        for fine in ["ip4:10.0.0.0/8", "-ip4:0.0.0.0/0", "ip6:2001:db8::/32"] {
            let record = format!("v=spf1 {fine} -all");
            assert!(codes(&[&record], Role::Policy).is_empty(), "{fine}");
        }
        assert_eq!(
            codes(&["v=spf1 foo=bar -all"], Role::Policy),
            [codes::UNKNOWN_MODIFIER]
        );
    }

    #[test]
    fn flags_split_that_expected_a_space() {
        assert_eq!(
            codes(
                &["v=spf1 include:a.example", "include:b.example -all"],
                Role::Policy
            ),
            [codes::SPLIT_IN_TERM]
        );
    }

    #[test]
    fn flags_sizes() {
        let long = format!("v=spf1 {} -all", "ip4:192.0.2.1 ".repeat(20));
        assert_eq!(codes(&[&long], Role::Policy), [codes::STRING_TOO_LONG]);
        let longer = format!("v=spf1 {}-all", "ip4:192.0.2.1 ".repeat(33));
        let (a, b) = longer.split_at(240);
        assert_eq!(codes(&[a, b], Role::Policy), [codes::RECORD_TOO_LONG]);
    }

    #[test]
    fn problems_are_capped_per_code_and_listed_terms_too() {
        let text = format!("v=spf1 -all{}", " ptr".repeat(20));
        let record = SpfRecord::parse(&text);
        let findings = lint_record("example.com", &Txt::single(&text), &record, Role::Policy);
        let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(messages.len(), 1 + SHOWN_PER_CODE + 1, "{messages:?}");
        assert_eq!(
            messages[0],
            "never evaluated after '-all': ptr ptr ptr ptr ptr and 15 more"
        );
        assert_eq!(
            messages.last(),
            Some(&"15 more problems like these are not shown")
        );
    }
}
