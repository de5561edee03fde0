//! Domain globs of the config file (`[policy."*.example.com"]`, `[[ignore]] domain`): an exact
//! domain, or `*.` and a domain for every name below it (not the domain itself); DNS names
//! compare without regard to case (RFC 4343).

use std::fmt;

/// A domain, or every name below one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    /// Lowercase, without a trailing dot.
    domain: String,
    /// `*.domain`: the names below `domain`.
    below: bool,
}

impl Glob {
    /// Reads `example.com` or `*.example.com`; a `*` anywhere else is an error.
    pub fn parse(text: &str) -> Result<Self, String> {
        let lower = text.trim_end_matches('.').to_ascii_lowercase();
        let (below, domain) = match lower.strip_prefix("*.") {
            Some(rest) => (true, rest.to_string()),
            None => (false, lower),
        };
        let labels_ok = domain.split('.').all(|l| {
            (1..=63).contains(&l.len())
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
        if domain.is_empty() || domain.len() > 253 || !labels_ok {
            return Err(format!(
                "{} is not a domain or *.domain",
                crate::sanitize::quoted(text)
            ));
        }
        Ok(Self { domain, below })
    }

    /// Whether `name` (a domain, any case, with or without the trailing dot) is matched.
    pub fn matches(&self, name: &str) -> bool {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        if !self.below {
            return name == self.domain;
        }
        name.strip_suffix(&self.domain)
            .is_some_and(|head| head.len() > 1 && head.ends_with('.'))
    }
}

impl fmt::Display for Glob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.below {
            f.write_str("*.")?;
        }
        f.write_str(&self.domain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_names_match_themselves_in_any_case() {
        let g = Glob::parse("Example.COM.").unwrap();
        assert!(g.matches("example.com"));
        assert!(g.matches("EXAMPLE.com."));
        assert!(!g.matches("mail.example.com"));
        assert!(!g.matches("example.co"));
        assert_eq!(g.to_string(), "example.com");
    }

    #[test]
    fn a_star_matches_every_name_below_but_not_the_domain() {
        let g = Glob::parse("*.example.com").unwrap();
        assert!(g.matches("a.example.com"));
        assert!(g.matches("a.b.EXAMPLE.com"));
        assert!(!g.matches("example.com"));
        assert!(!g.matches("badexample.com"));
        assert!(!g.matches(".example.com"));
        assert_eq!(g.to_string(), "*.example.com");
    }

    #[test]
    fn other_stars_and_bad_names_are_refused() {
        for bad in [
            "",
            "*",
            "a.*.com",
            "*example.com",
            "ex ample.com",
            "a..b",
            "**.a.com",
        ] {
            assert!(Glob::parse(bad).is_err(), "{bad:?}");
        }
    }
}
