//! SPF macro expansion (RFC 7208 §7.3, §7.4): a parsed macro-string becomes text, and an expanded
//! domain-spec becomes a name DNS can be asked about (trailing dot dropped, the 253-octet rule).

use std::fmt::Write;
use std::net::IpAddr;

use crate::dns::name::nibbles;

use crate::spf::macros::{MacroExpand, MacroPart, MacroString};

/// RFC 7208 §7.3: an expanded domain name longer than this loses labels on its left.
const MAX_DOMAIN_LEN: usize = 253;
/// RFC 1035 §2.3.4.
const MAX_LABEL_LEN: usize = 63;

/// What the macro letters of one evaluation refer to, except `d` (the domain being checked,
/// which changes with include and redirect) and `p` (which needs DNS queries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MacroContext {
    /// `l`: the local-part of <sender> ("postmaster" when it had none, §4.3).
    pub local_part: String,
    /// `o`: the domain of <sender>.
    pub sender_domain: String,
    /// `i`, `c`, `v`: the client address, IPv4-mapped IPv6 already turned into IPv4 (§5).
    pub ip: IpAddr,
    /// `h`: the HELO/EHLO domain as given.
    pub helo: String,
    /// `r`: the receiving host.
    pub receiver: String,
    /// `t`: seconds since the epoch.
    pub now: u64,
}

/// The values for one expansion: the context plus `d` and, when computed, `p`.
#[derive(Debug, Clone, Copy)]
pub struct Values<'a> {
    pub ctx: &'a MacroContext,
    pub domain: &'a str,
    /// The validated name of the client (§7.3 `p`); `None` expands to "unknown".
    pub ptr: Option<&'a str>,
}

/// Whether expanding `spec` needs the `p` value, which costs DNS queries.
pub fn needs_ptr(spec: &MacroString) -> bool {
    spec.parts
        .iter()
        .any(|p| matches!(p, MacroPart::Macro(m) if m.letter == 'p'))
}

/// Expands a macro-string as text (an explain-string, or a domain-spec before the domain rules).
pub fn expand(spec: &MacroString, values: &Values<'_>) -> String {
    let mut out = String::new();
    for part in &spec.parts {
        match part {
            MacroPart::Literal(text) => out.push_str(text),
            MacroPart::Percent => out.push('%'),
            MacroPart::Space => out.push(' '),
            MacroPart::UrlSpace => out.push_str("%20"),
            MacroPart::Macro(m) => out.push_str(&expand_one(m, values)),
        }
    }
    out
}

/// Expands a domain-spec into a name to query: one trailing dot is dropped and names over 253
/// octets lose labels on the left (§7.3). `Err` says why the result cannot be a DNS name (an
/// empty label, a label over 63 octets); check_host() treats such a name as non-existent.
pub fn expand_domain(spec: &MacroString, values: &Values<'_>) -> Result<String, String> {
    let expanded = expand(spec, values);
    let name = expanded.strip_suffix('.').unwrap_or(&expanded);
    let name = truncate_domain(name);
    check_name(name)?;
    Ok(name.to_string())
}

/// Drops labels from the left until the name fits in 253 octets (§7.3).
pub fn truncate_domain(mut name: &str) -> &str {
    while name.len() > MAX_DOMAIN_LEN {
        match name.split_once('.') {
            Some((_, rest)) => name = rest,
            None => return "",
        }
    }
    name
}

/// Whether `name` (no trailing dot) can be written as a DNS name.
pub fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("the name is empty".to_string());
    }
    for label in name.split('.') {
        if label.is_empty() {
            return Err(format!(
                "{} has an empty label",
                crate::sanitize::quoted(name)
            ));
        }
        if label.len() > MAX_LABEL_LEN {
            return Err(format!(
                "{} has a label of {} octets, at most {MAX_LABEL_LEN} allowed",
                crate::sanitize::quoted(name),
                label.len()
            ));
        }
    }
    Ok(())
}

/// One `%{...}`: the letter's value, split, reversed, cut to the right-hand parts, rejoined with
/// dots, then URL-escaped for an uppercase letter (§7.3).
fn expand_one(m: &MacroExpand, values: &Values<'_>) -> String {
    let value = letter_value(m.letter, values);
    let transformed = if m.keep.is_none() && !m.reverse && m.delimiters.is_empty() {
        value
    } else {
        let delimiters = if m.delimiters.is_empty() {
            "."
        } else {
            m.delimiters.as_str()
        };
        let mut parts: Vec<&str> = value.split(|c| delimiters.contains(c)).collect();
        if m.reverse {
            parts.reverse();
        }
        if let Some(keep) = m.keep {
            let skip = parts.len().saturating_sub(keep);
            parts.drain(..skip);
        }
        parts.join(".")
    };
    if m.url_escape {
        url_escape(&transformed)
    } else {
        transformed
    }
}

fn letter_value(letter: char, values: &Values<'_>) -> String {
    let ctx = values.ctx;
    match letter {
        's' => format!("{}@{}", ctx.local_part, ctx.sender_domain),
        'l' => ctx.local_part.clone(),
        'o' => ctx.sender_domain.clone(),
        'd' => values.domain.to_string(),
        'i' => dotted_ip(ctx.ip),
        'p' => values.ptr.unwrap_or("unknown").to_string(),
        'v' => match ctx.ip {
            IpAddr::V4(_) => "in-addr".to_string(),
            IpAddr::V6(_) => "ip6".to_string(),
        },
        'h' => ctx.helo.clone(),
        'c' => ctx.ip.to_string(),
        'r' => ctx.receiver.clone(),
        't' => ctx.now.to_string(),
        // The parser admits no other letter.
        _ => String::new(),
    }
}

/// `%{i}`: dotted quad for IPv4, 32 dot-separated nibbles for IPv6 (§7.3).
pub fn dotted_ip(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => nibbles(&v6).join("."),
    }
}

/// URL-escapes everything outside RFC 3986's unreserved set, byte by byte, uppercase hex.
fn url_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(ip: &str) -> MacroContext {
        MacroContext {
            local_part: "strong-bad".into(),
            sender_domain: "email.example.com".into(),
            ip: ip.parse().unwrap(),
            helo: "mx.example.org".into(),
            receiver: "mx.example.net".into(),
            now: 1_700_000_000,
        }
    }

    fn run(text: &str, ip: &str) -> String {
        let spec = MacroString::parse(text, true).unwrap();
        let ctx = ctx(ip);
        let values = Values {
            ctx: &ctx,
            domain: "email.example.com",
            ptr: None,
        };
        expand(&spec, &values)
    }

    #[test]
    fn rfc7208_section_7_4_examples() {
        let v4 = "192.0.2.3";
        for (spec, want) in [
            ("%{s}", "strong-bad@email.example.com"),
            ("%{o}", "email.example.com"),
            ("%{d}", "email.example.com"),
            ("%{d4}", "email.example.com"),
            ("%{d3}", "email.example.com"),
            ("%{d2}", "example.com"),
            ("%{d1}", "com"),
            ("%{dr}", "com.example.email"),
            ("%{d2r}", "example.email"),
            ("%{l}", "strong-bad"),
            ("%{l-}", "strong.bad"),
            ("%{lr}", "strong-bad"),
            ("%{lr-}", "bad.strong"),
            ("%{l1r-}", "strong"),
            (
                "%{ir}.%{v}._spf.%{d2}",
                "3.2.0.192.in-addr._spf.example.com",
            ),
            ("%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"),
            (
                "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}",
                "bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
            ),
            (
                "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}",
                "3.2.0.192.in-addr.strong.lp._spf.example.com",
            ),
            (
                "%{d2}.trusted-domains.example.net",
                "example.com.trusted-domains.example.net",
            ),
        ] {
            assert_eq!(run(spec, v4), want, "{spec}");
        }
        assert_eq!(
            run("%{ir}.%{v}._spf.%{d2}", "2001:db8::cb01"),
            "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com"
        );
    }

    #[test]
    fn special_letters_escapes_and_exp_only_letters() {
        assert_eq!(run("%%%_%-", "192.0.2.3"), "% %20");
        assert_eq!(
            run("%{c} %{r} %{t} %{h} %{p}", "2001:db8::cb01"),
            "2001:db8::cb01 mx.example.net 1700000000 mx.example.org unknown"
        );
        assert_eq!(run("%{v} %{i}", "192.0.2.3"), "in-addr 192.0.2.3");
        // Uppercase: URL-escaped after the transformers; unreserved characters stay.
        let mut c = ctx("192.0.2.3");
        c.local_part = "~jack&jill=up-a_b3.c".into();
        let spec = MacroString::parse("%{L}|%{L2r=}|%{S}", false).unwrap();
        let values = Values {
            ctx: &c,
            domain: "x.example",
            ptr: Some("mx.example"),
        };
        assert_eq!(
            expand(&spec, &values),
            "~jack%26jill%3Dup-a_b3.c|up-a_b3.c.~jack%26jill|~jack%26jill%3Dup-a_b3.c%40email.example.com"
        );
        let spec = MacroString::parse("%{p}.%{P}", false).unwrap();
        assert_eq!(expand(&spec, &values), "mx.example.mx.example");
    }

    #[test]
    fn splitting_keeps_empty_parts_and_large_counts_keep_all() {
        let mut c = ctx("192.0.2.3");
        c.local_part = "a..b+c".into();
        let values = Values {
            ctx: &c,
            domain: "d.example",
            ptr: None,
        };
        let e = |s: &str| expand(&MacroString::parse(s, false).unwrap(), &values);
        assert_eq!(e("%{l}"), "a..b+c");
        assert_eq!(e("%{l+.}"), "a..b.c");
        assert_eq!(e("%{l2+}"), "a..b.c");
        assert_eq!(e("%{l99r+}"), "c.a..b");
    }

    #[test]
    fn domain_names_are_trimmed_truncated_and_checked() {
        let c = ctx("192.0.2.3");
        let long = "a".repeat(60);
        let values = Values {
            ctx: &c,
            domain: &long,
            ptr: None,
        };
        let d = |s: &str| expand_domain(&MacroString::parse(s, false).unwrap(), &values);
        assert_eq!(d("example.com.").unwrap(), "example.com");
        // 7 + 5*61 + 11 = 323 octets: leftmost labels go until at most 253 remain (4*61 + 11
        // = 255 is still too long).
        let name = d("foobar.%{d}.%{d}.%{d}.%{d}.%{d}.example.com").unwrap();
        assert_eq!(name, format!("{long}.{long}.{long}.example.com"));
        assert!(name.len() <= 253);
        assert!(d("a..example.com").is_err());
        assert!(d("%{d}x1234.example.com").is_err());
        assert_eq!(truncate_domain(&"x".repeat(300)), "");
    }
}
