//! Domain names: the canonical form used as a cache key, validation of names users type
//! (RFC 1035 §2.3.4 lengths, IDNA per RFC 5891 via UTS #46), and the reverse-mapping names of
//! addresses (RFC 1035 §3.5, RFC 3596 §2.5).

use std::net::{IpAddr, Ipv6Addr};

/// Lowercase, without the trailing dot.
pub fn canonical(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// A domain a user typed that cannot be a mail domain; the text says why, in one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid domain {}: {reason}", crate::sanitize::quoted(.input))]
pub struct NameError {
    pub input: String,
    pub reason: String,
}

/// Validates and normalises a domain typed by a user: IDNA to punycode, lowercase, one trailing
/// dot accepted.
pub fn normalize_domain(input: &str) -> Result<String, NameError> {
    let invalid = |reason: String| NameError {
        input: input.to_string(),
        reason,
    };
    let trimmed = input.strip_suffix('.').unwrap_or(input);
    if trimmed.is_empty() {
        return Err(invalid("it is empty".into()));
    }
    let ascii = idna::domain_to_ascii(trimmed)
        .map_err(|_| invalid("not a valid internationalised name".into()))?;
    if ascii.len() > 253 {
        let n = ascii.len();
        return Err(invalid(format!("{n} characters, at most 253 allowed")));
    }
    for label in ascii.split('.') {
        if label.is_empty() {
            return Err(invalid("it has an empty label".into()));
        }
        if label.len() > 63 {
            let n = label.len();
            return Err(invalid(format!(
                "label {} is {n} characters, at most 63 allowed",
                crate::sanitize::quoted(label)
            )));
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        {
            return Err(invalid(format!(
                "character {} is not allowed",
                crate::sanitize::quoted_char(c)
            )));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(invalid(format!(
                "label {} starts or ends with '-'",
                crate::sanitize::quoted(label)
            )));
        }
    }
    if !ascii.contains('.') {
        return Err(invalid("a mail domain has at least two labels".into()));
    }
    if ascii
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(invalid("looks like an IP address, not a domain".into()));
    }
    Ok(ascii)
}

/// The name a PTR query for `ip` asks: the octets reversed under in-addr.arpa (RFC 1035 §3.5),
/// or the 32 nibbles reversed under ip6.arpa (RFC 3596 §2.5).
pub fn reverse_name(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, d] = v4.octets();
            format!("{d}.{c}.{b}.{a}.in-addr.arpa")
        }
        IpAddr::V6(v6) => {
            let mut parts = nibbles(&v6);
            parts.reverse();
            format!("{}.ip6.arpa", parts.join("."))
        }
    }
}

/// The 32 hexadecimal nibbles of an IPv6 address, most significant first, lowercase.
pub fn nibbles(ip: &Ipv6Addr) -> Vec<String> {
    ip.octets()
        .iter()
        .flat_map(|b| [b >> 4, b & 0x0f])
        .map(|n| format!("{n:x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_trailing_dot_and_idna() {
        assert_eq!(normalize_domain("Example.COM.").unwrap(), "example.com");
        assert_eq!(
            normalize_domain("bücher.example").unwrap(),
            "xn--bcher-kva.example"
        );
    }

    #[test]
    fn rejects_bad_names() {
        for bad in [
            "",
            ".",
            "a..b",
            "exa mple.com",
            "-a.com",
            "com",
            "1.2.3.4",
            "a.b..",
            &"x".repeat(64),
        ] {
            assert!(normalize_domain(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn reverse_names() {
        assert_eq!(
            reverse_name("192.0.2.3".parse().unwrap()),
            "3.2.0.192.in-addr.arpa"
        );
        assert_eq!(
            reverse_name("2001:db8::cb01".parse().unwrap()),
            "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"
        );
    }
}
