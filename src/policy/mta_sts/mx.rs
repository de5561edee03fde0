//! MX host validation (RFC 8461 §4.1): which policy pattern allows each MX host — names compare
//! without regard to case, and `*.` stands for exactly one left-most label — and the coverage
//! both ways: every MX host matched by a pattern, every pattern matching some MX host.

use crate::finding::Finding;

use super::policy::{Field, PolicyFile, at_line};
use super::{Mode, MxCoverage, codes};

/// `["*."] Domain` (§3.2): why a pattern is not one.
pub fn check_pattern(pattern: &str) -> Result<(), String> {
    let name = pattern.strip_prefix("*.").unwrap_or(pattern);
    if !name.is_ascii() {
        let hint = idna::domain_to_ascii(name)
            .map(|a| {
                format!(
                    "; write it as {}{a}",
                    if name.len() < pattern.len() { "*." } else { "" }
                )
            })
            .unwrap_or_default();
        return Err(format!(
            "{} is not ASCII{hint}",
            crate::sanitize::quoted(pattern)
        ));
    }
    if name.contains('*') {
        return Err(format!(
            "{}: '*' may only stand alone as the whole left-most label, as in *.example.com",
            crate::sanitize::quoted(pattern)
        ));
    }
    if name.ends_with('.') {
        return Err(format!(
            "{} ends with a dot; write it without",
            crate::sanitize::quoted(pattern)
        ));
    }
    let valid_label = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if name.len() > 253 || !name.split('.').all(valid_label) {
        return Err(format!(
            "{} is not a host name",
            crate::sanitize::quoted(pattern)
        ));
    }
    Ok(())
}

/// Whether `pattern` matches the MX host `host` (§4.1): names compare without regard to case,
/// and `*.` stands for exactly one left-most label.
pub fn pattern_matches(pattern: &str, host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let pattern = pattern.to_ascii_lowercase();
    match pattern.strip_prefix("*.") {
        Some(suffix) => host
            .split_once('.')
            .is_some_and(|(label, rest)| !label.is_empty() && rest == suffix),
        None => host == pattern,
    }
}

/// Which pattern covers each MX host, and the findings both ways: hosts no pattern matches and
/// patterns that match no host. Invalid patterns match nothing and are reported elsewhere.
pub fn coverage(
    file: &PolicyFile,
    subject: &str,
    hosts: &[String],
    mode: Mode,
) -> (Vec<MxCoverage>, Vec<Finding>) {
    let patterns: Vec<&Field> = file
        .all("mx")
        .filter(|f| check_pattern(&f.value).is_ok())
        .collect();
    let mut findings = Vec::new();
    let covered: Vec<MxCoverage> = hosts
        .iter()
        .map(|host| MxCoverage {
            host: host.clone(),
            pattern: patterns
                .iter()
                .find(|p| pattern_matches(&p.value, host))
                .map(|p| p.value.clone()),
        })
        .collect();
    let mode_word = if mode == Mode::Enforce {
        "senders in enforce mode will not deliver to it"
    } else {
        "senders report a failure for it"
    };
    for c in covered.iter().filter(|c| c.pattern.is_none()) {
        findings.push(Finding::new(
            codes::MX_NOT_COVERED,
            &c.host,
            format!(
                "MX host {} matches no mx pattern of the policy; {mode_word}",
                c.host
            ),
        ));
    }
    for p in patterns {
        if !hosts.iter().any(|h| pattern_matches(&p.value, h)) {
            findings.push(at_line(
                file,
                codes::MX_PATTERN_UNUSED,
                subject,
                p.line,
                p.value_span.clone(),
                &format!(
                    "mx {} matches none of the MX hosts ({})",
                    p.value,
                    hosts.join(", ")
                ),
            ));
        }
    }
    (covered, findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_match_exactly_one_label() {
        assert!(pattern_matches("*.example.com", "mail.example.com"));
        assert!(pattern_matches("*.Example.com", "MAIL.example.com."));
        assert!(!pattern_matches("*.example.com", "example.com"));
        assert!(!pattern_matches("*.example.com", "a.b.example.com"));
        assert!(pattern_matches("mail.example.com", "mail.example.com"));
        assert!(!pattern_matches("mail.example.com", "mail2.example.com"));
    }

    #[test]
    fn patterns_are_host_names_or_wildcard_suffixes() {
        assert!(check_pattern("mail.example.com").is_ok());
        assert!(check_pattern("*.example.com").is_ok());
        for bad in [
            "mail.*.com",
            "*example.com",
            "mail.example.com.",
            "https://x",
            "mäil.example",
        ] {
            assert!(check_pattern(bad).is_err(), "{bad}");
        }
        assert!(
            check_pattern("bücher.example")
                .unwrap_err()
                .contains("xn--bcher-kva.example")
        );
    }
}
