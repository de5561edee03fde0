//! Selector templates (RFC 6376 §3.1: a new key gets a new selector): `{year}`, `{quarter}`,
//! `{month}` and `{alg}` filled in from the day and the key's algorithm.

use crate::date::Date;
use crate::dkim::{KeyType, Selector};

/// The selector of the next key: the template with `{year}`, `{quarter}`, `{month}` and `{alg}`
/// filled in. With more than one algorithm and no `{alg}` in the template, `-rsa` or `-ed25519`
/// is added so that the keys get selectors of their own.
pub fn next_selector(
    template: &str,
    now: Date,
    algorithm: KeyType,
    several: bool,
) -> Result<Selector, String> {
    let mut text = template
        .replace("{year}", &now.year().to_string())
        .replace("{quarter}", &now.quarter().to_string())
        .replace("{month}", &format!("{:02}", now.month()))
        .replace("{alg}", algorithm.as_str());
    if several && !template.contains("{alg}") {
        text = format!("{text}-{algorithm}");
    }
    Selector::new(&text).map_err(|e| {
        let template = crate::sanitize::quoted(template);
        format!("selector template {template}: {e}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_the_template() {
        let now: Date = "2026-11-15".parse().unwrap();
        assert_eq!(
            next_selector("s{year}q{quarter}", now, KeyType::Rsa, false)
                .unwrap()
                .as_str(),
            "s2026q4"
        );
        assert_eq!(
            next_selector("s{year}q{quarter}", now, KeyType::Ed25519, true)
                .unwrap()
                .as_str(),
            "s2026q4-ed25519"
        );
        assert_eq!(
            next_selector("{alg}{year}{month}", now, KeyType::Rsa, true)
                .unwrap()
                .as_str(),
            "rsa202611"
        );
        assert!(next_selector("s_{year}", now, KeyType::Rsa, false).is_err());
    }
}
