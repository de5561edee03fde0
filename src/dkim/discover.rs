//! Selector discovery (RFC 6376 §3.1): selectors cannot be enumerated. DNS has no way to list the
//! names under `_domainkey`, and a selector is only learnt from the `s=` tag of signed mail. So
//! the audit tries names that are likely to exist: the defaults that mail providers and mail
//! software document or generate, date-style names for recent quarters and years, and the names
//! of the rotation template. Finding none proves nothing; the report says so. The names were
//! gathered from providers' and projects' set-up guides; providers change them, and any domain
//! may choose its own, so the list helps but is never complete.

use super::Selector;
use crate::date::Date;

/// Providers' documented selectors (from their DKIM setup guides).
const PROVIDERS: &[&str] = &[
    // Google Workspace: "google" is the default prefix in the admin console.
    "google",
    // Microsoft 365 / Exchange Online: two CNAMEs, selector1 and selector2.
    "selector1",
    "selector2",
    // Mailchimp / Mandrill: k1 (and k2, k3 for the CNAME set-up), mandrill.
    "k1",
    "k2",
    "k3",
    "mandrill",
    // SendGrid (Twilio): s1 and s2 for automated security, smtpapi for legacy set-ups.
    "s1",
    "s2",
    "smtpapi",
    // Mailgun: the selector offered at domain set-up.
    "mailo",
    "mx",
    "krs",
    "pic",
    // Fastmail: fm1 to fm3.
    "fm1",
    "fm2",
    "fm3",
    // Proton Mail: protonmail, protonmail2, protonmail3.
    "protonmail",
    "protonmail2",
    "protonmail3",
    // Zoho Mail: zoho and zmail are the names its console suggests.
    "zoho",
    "zmail",
    // Yahoo and AOL sign with size-named selectors.
    "s1024",
    "s2048",
    // Apple iCloud custom domains.
    "sig1",
    // Amazon SES (besides its per-domain random tokens, which cannot be guessed).
    "amazonses",
    // HubSpot, Salesforce, Zendesk, Brevo (Sendinblue), Mailjet, Klaviyo, Constant Contact,
    // Campaign Monitor, Postmark.
    "hs1",
    "hs2",
    "sf1",
    "sf2",
    "zendesk1",
    "zendesk2",
    "mail",
    "brevo1",
    "brevo2",
    "sendinblue",
    "mailjet",
    "kl",
    "kl2",
    "ctct1",
    "ctct2",
    "cm",
    "pm",
];

/// Mail software's defaults (from their manuals and set-up tools).
const SOFTWARE: &[&str] = &[
    // OpenDKIM's opendkim-genkey, cPanel, Plesk, DirectAdmin: "default".
    "default", // Rspamd's dkim_signing, mailcow, iRedMail, Amavis examples: "dkim".
    "dkim",
    // Mail-in-a-Box, many how-tos: "mail"; Exchange DKIM signers, generic names.
    "email", "key1", "key2", "selector", "smtp", "dkim1", "dkim2",
];

/// Quarters tried back from today with the rotation template (`s{year}q{quarter}`), and the
/// next one (a key published ahead of its rotation).
const QUARTERS_BACK: i64 = 8;
/// Months tried back from today as `YYYYMM` and `YYYYMMDD` of the 1st, and years as `YYYY`.
const MONTHS_BACK: i64 = 12;
const YEARS_BACK: i64 = 3;

/// The selectors discovery tries on `today`, without duplicates, in a stable order.
pub fn builtin_selectors(today: Date) -> Vec<Selector> {
    let mut names: Vec<String> = PROVIDERS
        .iter()
        .chain(SOFTWARE)
        .map(|s| (*s).to_string())
        .collect();
    let (year, month, _) = today.ymd();
    let index = year * 4 + i64::from(today.quarter()) - 1;
    for i in (index - QUARTERS_BACK..=index + 1).rev() {
        names.push(format!("s{}q{}", i.div_euclid(4), i.rem_euclid(4) + 1));
    }
    let month_index = year * 12 + i64::from(month) - 1;
    for i in (month_index - MONTHS_BACK + 1..=month_index).rev() {
        let (y, m) = (i.div_euclid(12), i.rem_euclid(12) + 1);
        names.push(format!("{y}{m:02}"));
        names.push(format!("{y}{m:02}01"));
    }
    for y in (year - YEARS_BACK + 1..=year).rev() {
        names.push(format!("{y}"));
        names.push(format!("s{y}"));
    }
    let mut seen = std::collections::HashSet::new();
    names
        .into_iter()
        .filter(|n| seen.insert(n.clone()))
        .filter_map(|n| Selector::new(&n).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_providers_and_recent_dates_once() {
        let list = builtin_selectors("2026-11-15".parse().unwrap());
        let names: Vec<&str> = list.iter().map(Selector::as_str).collect();
        for n in [
            "google",
            "selector1",
            "default",
            "s2026q4",
            "s2027q1",
            "s2024q4",
            "202611",
        ] {
            assert!(names.contains(&n), "{n}");
        }
        assert!(!names.contains(&"s2024q3"));
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
    }
}
