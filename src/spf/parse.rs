//! SPF record parser for the RFC 7208 §12 grammar. Lossless: every term keeps its byte span in
//! the record text, and a record with syntax errors still yields every term it could read.

use std::ops::Range;

use super::macros::MacroString;
use super::{
    Directive, DualCidr, ErrorKind, Mechanism, Modifier, Qualifier, SpfRecord, SyntaxError, Term,
    TermKind,
};

/// The version section: case-insensitive, ended by a space or the end of the record (§4.5).
pub fn is_spf1(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 6 && b[..6].eq_ignore_ascii_case(b"v=spf1") && matches!(b.get(6), None | Some(b' '))
}

type TermResult = Result<TermKind, (ErrorKind, Range<usize>, String)>;

impl SpfRecord {
    pub fn parse(text: &str) -> Self {
        let mut record = Self {
            text: text.to_string(),
            terms: Vec::new(),
            errors: Vec::new(),
        };
        if !is_spf1(text) {
            let end = text.find(' ').unwrap_or(text.len());
            record.error(
                ErrorKind::Syntax,
                0..end,
                "the record must start with v=spf1",
            );
            return record;
        }
        let mut offset = 6;
        for piece in text[6..].split(' ') {
            let start = offset;
            offset += piece.len() + 1;
            if piece.is_empty() {
                continue;
            }
            let span = start..start + piece.len();
            let kind = match parse_term(piece) {
                Ok(kind) => kind,
                Err((kind, at, message)) => {
                    record.error(kind, start + at.start..start + at.end, message);
                    TermKind::Invalid
                }
            };
            record.terms.push(Term { span, kind });
        }
        record.check_duplicate_modifiers();
        record
    }

    fn error(&mut self, kind: ErrorKind, span: Range<usize>, message: impl Into<String>) {
        self.errors.push(SyntaxError {
            kind,
            span,
            message: message.into(),
        });
    }

    fn check_duplicate_modifiers(&mut self) {
        for name in ["redirect", "exp"] {
            let spans: Vec<Range<usize>> = self
                .terms
                .iter()
                .filter(|t| match &t.kind {
                    TermKind::Modifier(Modifier::Redirect { .. }) => name == "redirect",
                    TermKind::Modifier(Modifier::Exp { .. }) => name == "exp",
                    _ => false,
                })
                .map(|t| t.span.clone())
                .collect();
            for span in spans.into_iter().skip(1) {
                self.error(
                    ErrorKind::DuplicateModifier,
                    span,
                    format!("{name}= appears more than once"),
                );
            }
        }
    }
}

fn parse_term(term: &str) -> TermResult {
    if let Some(eq) = term.find('=') {
        let name = &term[..eq];
        if is_modifier_name(name) {
            return parse_modifier(name, &term[eq + 1..], eq + 1);
        }
    }
    let (qualifier, body_at) = match term.as_bytes()[0] {
        b'+' => (Qualifier::Pass, 1),
        b'-' => (Qualifier::Fail, 1),
        b'~' => (Qualifier::SoftFail, 1),
        b'?' => (Qualifier::Neutral, 1),
        _ => (Qualifier::Pass, 0),
    };
    let body = &term[body_at..];
    let name_len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = body[..name_len].to_ascii_lowercase();
    let rest = &body[name_len..];
    let at = body_at + name_len;
    let mechanism = parse_mechanism(&name, rest, at).map_err(|(k, r, m)| {
        if name_len == 0 || !KNOWN.contains(&name.as_str()) {
            (k, 0..term.len(), m)
        } else {
            (k, r, m)
        }
    })?;
    Ok(TermKind::Directive(Directive {
        qualifier,
        mechanism,
    }))
}

const KNOWN: [&str; 8] = ["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"];

/// `name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )`
fn is_modifier_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn parse_modifier(name: &str, value: &str, at: usize) -> TermResult {
    let lower = name.to_ascii_lowercase();
    Ok(TermKind::Modifier(match lower.as_str() {
        "redirect" => Modifier::Redirect {
            domain: domain_spec(value, at)?,
        },
        "exp" => Modifier::Exp {
            domain: domain_spec(value, at)?,
        },
        _ => Modifier::Unknown {
            name: name.to_string(),
            value: MacroString::parse(value, false)
                .map_err(|e| (ErrorKind::Macro, at + e.start..at + e.end, e.message))?,
        },
    }))
}

fn parse_mechanism(
    name: &str,
    rest: &str,
    at: usize,
) -> Result<Mechanism, (ErrorKind, Range<usize>, String)> {
    let syntax = |m: String| (ErrorKind::Syntax, at..at + rest.len(), m);
    let after_colon = |what: &str| {
        rest.strip_prefix(':')
            .filter(|r| !r.is_empty())
            .ok_or_else(|| syntax(format!("{what} needs ':' and a value")))
    };
    Ok(match name {
        "all" if rest.is_empty() => Mechanism::All,
        "all" => return Err(syntax("'all' takes no value".into())),
        "include" => Mechanism::Include {
            domain: domain_spec(after_colon("include")?, at + 1)?,
        },
        "exists" => Mechanism::Exists {
            domain: domain_spec(after_colon("exists")?, at + 1)?,
        },
        "ptr" => Mechanism::Ptr {
            domain: optional_domain(rest, at)?,
        },
        "a" | "mx" => {
            let (spec, cidr) = split_dual_cidr(rest, at)?;
            let domain = optional_domain(spec, at)?;
            if name == "a" {
                Mechanism::A { domain, cidr }
            } else {
                Mechanism::Mx { domain, cidr }
            }
        }
        "ip4" => {
            let value = after_colon("ip4")?;
            let (addr, prefix) = split_prefix(value, 32, at + 1)?;
            let network = addr
                .parse()
                .map_err(|_| network_error(addr, at + 1, "IPv4"))?;
            Mechanism::Ip4 { network, prefix }
        }
        "ip6" => {
            let value = after_colon("ip6")?;
            let (addr, prefix) = split_prefix(value, 128, at + 1)?;
            let network = addr
                .parse()
                .map_err(|_| network_error(addr, at + 1, "IPv6"))?;
            Mechanism::Ip6 { network, prefix }
        }
        "" => return Err(syntax("expected a mechanism or modifier".into())),
        other => {
            return Err(syntax(format!("unknown mechanism '{other}'")));
        }
    })
}

fn network_error(addr: &str, at: usize, family: &str) -> (ErrorKind, Range<usize>, String) {
    (
        ErrorKind::Network,
        at..at + addr.len(),
        format!(
            "{} is not a valid {family} address",
            crate::sanitize::quoted(addr)
        ),
    )
}

/// `[ ":" domain-spec ]` where the colon, if present, must be followed by a domain-spec.
fn optional_domain(
    rest: &str,
    at: usize,
) -> Result<Option<MacroString>, (ErrorKind, Range<usize>, String)> {
    match rest.strip_prefix(':') {
        None if rest.is_empty() => Ok(None),
        None => Err((
            ErrorKind::Syntax,
            at..at + rest.len(),
            format!(
                "unexpected {} (a domain is written after ':')",
                crate::sanitize::quoted(rest)
            ),
        )),
        Some("") => Err((
            ErrorKind::Syntax,
            at..at + 1,
            "empty domain after ':'".into(),
        )),
        Some(spec) => domain_spec(spec, at + 1).map(Some),
    }
}

/// A CIDR length: digits without a leading zero, at most `max`.
fn cidr_length(digits: &str, max: u8, at: usize) -> Result<u8, (ErrorKind, Range<usize>, String)> {
    let bad = |m: String| (ErrorKind::Network, at..at + digits.len(), m);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(format!(
            "{} is not a prefix length",
            crate::sanitize::quoted(digits)
        )));
    }
    if digits.len() > 1 && digits.starts_with('0') {
        return Err(bad(format!("prefix length {digits} has a leading zero")));
    }
    match digits.parse::<u8>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(bad(format!("prefix length {digits} is over {max}"))),
    }
}

/// `network [ "/" length ]` for ip4/ip6; networks contain no '/'.
fn split_prefix(
    value: &str,
    max: u8,
    at: usize,
) -> Result<(&str, u8), (ErrorKind, Range<usize>, String)> {
    match value.split_once('/') {
        None => Ok((value, max)),
        Some((addr, digits)) => Ok((addr, cidr_length(digits, max, at + addr.len() + 1)?)),
    }
}

/// Splits a trailing `[ "/" ip4-len ] [ "//" ip6-len ]` off an a/mx argument.
fn split_dual_cidr(
    rest: &str,
    at: usize,
) -> Result<(&str, DualCidr), (ErrorKind, Range<usize>, String)> {
    let mut cidr = DualCidr::default();
    let mut spec = rest;
    if let Some((head, len)) = trailing_number(spec, "//") {
        cidr.v6 = Some(cidr_length(len, 128, at + head.len() + 2)?);
        spec = head;
    }
    if let Some((head, len)) = trailing_number(spec, "/") {
        cidr.v4 = Some(cidr_length(len, 32, at + head.len() + 1)?);
        spec = head;
    }
    Ok((spec, cidr))
}

/// `head sep digits` at the end of `s`, with `head` not ending in another '/'.
fn trailing_number<'s>(s: &'s str, sep: &str) -> Option<(&'s str, &'s str)> {
    let digits = s.len() - s.bytes().rev().take_while(u8::is_ascii_digit).count();
    let head = s[..digits].strip_suffix(sep)?;
    if head.ends_with('/') {
        return None;
    }
    Some((head, &s[digits..]))
}

/// `domain-spec = macro-string domain-end` with `domain-end = ( "." toplabel [ "." ] ) /
/// macro-expand`.
fn domain_spec(text: &str, at: usize) -> Result<MacroString, (ErrorKind, Range<usize>, String)> {
    let spec = MacroString::parse(text, false)
        .map_err(|e| (ErrorKind::Macro, at + e.start..at + e.end, e.message))?;
    let bad = |m: String| (ErrorKind::Syntax, at..at + text.len(), m);
    match spec.parts.last() {
        Some(super::macros::MacroPart::Literal(tail)) => {
            let trimmed = tail.strip_suffix('.').unwrap_or(tail);
            let Some((_, top)) = trimmed.rsplit_once('.') else {
                return Err(bad(format!(
                    "{} is not a fully qualified domain",
                    crate::sanitize::quoted(text)
                )));
            };
            if !is_toplabel(top) {
                return Err(bad(format!(
                    "{} is not a valid top-level label",
                    crate::sanitize::quoted(top)
                )));
            }
        }
        Some(_) => {}
        None => return Err(bad("empty domain".into())),
    }
    Ok(spec)
}

/// `toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )`
fn is_toplabel(label: &str) -> bool {
    let b = label.as_bytes();
    if b.is_empty() || !b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-') {
        return false;
    }
    if b.contains(&b'-') {
        b[0].is_ascii_alphanumeric() && b[b.len() - 1].is_ascii_alphanumeric()
    } else {
        b.iter().any(u8::is_ascii_alphabetic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> SpfRecord {
        let r = SpfRecord::parse(text);
        assert!(r.errors.is_empty(), "{text}: {:?}", r.errors);
        r
    }

    fn err(text: &str) -> SyntaxError {
        let r = SpfRecord::parse(text);
        assert!(!r.errors.is_empty(), "{text} parsed");
        r.errors[0].clone()
    }

    #[test]
    fn parses_every_mechanism_and_modifier() {
        let r = ok(
            "v=spf1 +a -mx:mail.example.com/24//64 ~ptr ?ip4:192.0.2.0/24 ip6:2001:db8::/32 \
             include:_spf.example.net exists:%{i}.x.example all redirect=a.example exp=e.example foo=bar",
        );
        assert_eq!(r.terms.len(), 11);
        let TermKind::Directive(mx) = &r.terms[1].kind else {
            panic!()
        };
        assert_eq!(mx.qualifier, Qualifier::Fail);
        assert_eq!(
            mx.mechanism,
            Mechanism::Mx {
                domain: Some(MacroString::parse("mail.example.com", false).unwrap()),
                cidr: DualCidr {
                    v4: Some(24),
                    v6: Some(64)
                }
            }
        );
        assert_eq!(r.term_text(&r.terms[3]), "?ip4:192.0.2.0/24");
        assert!(r.redirect().is_some() && r.exp().is_some());
    }

    #[test]
    fn version_is_case_insensitive_and_space_terminated() {
        assert!(is_spf1("V=SPF1 -all") && is_spf1("v=spf1"));
        assert!(!is_spf1("v=spf10") && !is_spf1("v=spf1-all"));
        ok("v=spf1  a   -all  ");
    }

    #[test]
    fn reports_errors_with_spans() {
        let e = err("v=spf1 ip4:192.0.2.300 -all");
        assert_eq!((e.kind, e.span), (ErrorKind::Network, 11..22));
        let e = err("v=spf1 a/33");
        assert_eq!(e.kind, ErrorKind::Network);
        assert_eq!(err("v=spf1 ip4:1.2.3.4/032").kind, ErrorKind::Network);
        assert_eq!(err("v=spf1 foo:bar").span, 7..14);
        assert_eq!(err("v=spf1 include:%{z}.x.com").kind, ErrorKind::Macro);
        assert_eq!(
            err("v=spf1 redirect=a.com redirect=b.com").kind,
            ErrorKind::DuplicateModifier
        );
        for bad in [
            "v=spf1 a:museum",
            "v=spf1 a:1.2.3.4",
            "v=spf1 include:",
            "v=spf1 all:x",
            "v=spf1 mx:",
            "v=spf1 -",
            "v=spf1 a:foo.-com",
            "v=spf1 ip6:1.2.3.4",
        ] {
            err(bad);
        }
    }

    #[test]
    fn domain_specs_may_hold_odd_literals_and_end_in_macros() {
        ok("v=spf1 a:foo:bar/baz.example.com include:%{d} exists:x.%{l}.com.");
    }
}
