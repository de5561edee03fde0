//! Domain names: the canonical form used as a cache key, and validation of names users type
//! (RFC 1035 §2.3.4 lengths, IDNA per RFC 5891 via UTS #46).

/// Lowercase, without the trailing dot.
pub fn canonical(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// Validates and normalises a domain typed by a user: IDNA to punycode, lowercase, one trailing
/// dot accepted. The error is one line that says what is wrong.
pub fn normalize_domain(input: &str) -> Result<String, String> {
    let trimmed = input.strip_suffix('.').unwrap_or(input);
    if trimmed.is_empty() {
        return Err(format!("invalid domain {input:?}: it is empty"));
    }
    let ascii = idna::domain_to_ascii(trimmed)
        .map_err(|_| format!("invalid domain {input:?}: not a valid internationalised name"))?;
    if ascii.len() > 253 {
        return Err(format!(
            "invalid domain {input:?}: {} characters, at most 253 allowed",
            ascii.len()
        ));
    }
    for label in ascii.split('.') {
        if label.is_empty() {
            return Err(format!("invalid domain {input:?}: it has an empty label"));
        }
        if label.len() > 63 {
            return Err(format!(
                "invalid domain {input:?}: label {label:?} is {} characters, at most 63 allowed",
                label.len()
            ));
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        {
            return Err(format!(
                "invalid domain {input:?}: character {c:?} is not allowed"
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(format!(
                "invalid domain {input:?}: label {label:?} starts or ends with '-'"
            ));
        }
    }
    if !ascii.contains('.') {
        return Err(format!(
            "invalid domain {input:?}: a mail domain has at least two labels"
        ));
    }
    if ascii
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!(
            "invalid domain {input:?}: looks like an IP address, not a domain"
        ));
    }
    Ok(ascii)
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
}
