//! Identifier Alignment in words (RFC 9989 §3.2.10, §4.4): which SPF MAIL FROM domains and DKIM
//! `d=` domains make mail from a domain pass DMARC, computed from `adkim` and `aspf` and the
//! Organizational Domain the tree walk found.

use serde::Serialize;

use super::AlignmentMode;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alignment {
    pub dkim: AlignmentMode,
    pub spf: AlignmentMode,
    /// The rule as a sentence.
    pub text: String,
}

/// The alignment rule for mail whose From domain is `domain`. Relaxed alignment needs the
/// Organizational Domain; without it (the walk failed) only strict rules can be said.
pub fn describe(
    domain: &str,
    organizational: Option<&str>,
    dkim: AlignmentMode,
    spf: AlignmentMode,
) -> Option<Alignment> {
    let target = |mode| match (mode, organizational) {
        (AlignmentMode::Strict, _) => Some(format!("exactly {domain} (strict)")),
        (AlignmentMode::Relaxed, Some(org)) => {
            Some(format!("{org} or any of its subdomains (relaxed)"))
        }
        (AlignmentMode::Relaxed, None) => None,
    };
    let (dkim_target, spf_target) = (target(dkim)?, target(spf)?);
    let condition = if dkim == spf {
        format!("SPF's MAIL FROM domain or a DKIM d= is {spf_target}")
    } else {
        format!("SPF's MAIL FROM domain is {spf_target}, or a DKIM d= is {dkim_target}")
    };
    Some(Alignment {
        dkim,
        spf,
        text: format!(
            "mail whose From is {domain} passes DMARC when {condition}, and that SPF or DKIM \
             check passes"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use AlignmentMode::{Relaxed, Strict};

    #[test]
    fn says_which_domains_align() {
        let relaxed = describe("news.example.com", Some("example.com"), Relaxed, Relaxed);
        assert_eq!(
            relaxed.unwrap().text,
            "mail whose From is news.example.com passes DMARC when SPF's MAIL FROM domain or a \
             DKIM d= is example.com or any of its subdomains (relaxed), and that SPF or DKIM \
             check passes"
        );
        let mixed = describe("example.com", Some("example.com"), Strict, Relaxed).unwrap();
        assert!(mixed.text.contains(
            "SPF's MAIL FROM domain is example.com or any of its subdomains (relaxed), or a \
             DKIM d= is exactly example.com (strict)"
        ));
        assert!(describe("example.com", None, Relaxed, Strict).is_none());
        assert!(describe("example.com", None, Strict, Strict).is_some());
    }
}
