//! `generate bimi` (draft-brand-indicators-for-message-identification §4.3): the BIMI Assertion
//! Record at `SELECTOR._bimi.DOMAIN`, naming the logo (an SVG over HTTPS) and the mark
//! certificate that vouches for it.

use std::fmt::Write as _;

use crate::dkim::Selector;
use crate::dns::Txt;
use crate::fix::{Change, Changes, Manual};
use crate::policy::bimi::lints::lint_record;
use crate::policy::bimi::parse::VERSION;
use crate::policy::bimi::{BimiRecord, codes};

use super::{GenerateError, domain, invalid, tag_value, vetted, with_notes};

/// The logo a domain asks mail programs to show.
#[derive(Debug, Clone)]
pub struct BimiIntent {
    pub domain: String,
    /// The logo: an `https:` URL of an SVG file.
    pub logo: String,
    /// The mark certificate (VMC or CMC): an `https:` URL of a PEM file.
    pub authority: Option<String>,
    /// `default` unless the mail names another in its BIMI-Selector header.
    pub selector: Selector,
    pub ttl: u32,
}

/// The BIMI record for `intent`; DMARC enforcement, which receivers require, is for a person
/// to see to.
pub fn bimi(intent: &BimiIntent) -> Result<Changes, GenerateError> {
    let domain = domain(&intent.domain)?;
    let logo = https(&intent.logo, "--logo")?;
    let mut value = format!("v={VERSION}; l={logo}");
    if let Some(authority) = &intent.authority {
        let _ = write!(value, "; a={}", https(authority, "--authority")?);
    }
    let name = format!("{}._bimi.{domain}", intent.selector);
    let record = BimiRecord::parse(&value);
    let notes = vetted(&lint_record(&name, &Txt::single(&value), &record))?;
    let evidence = if intent.authority.is_some() {
        "with the mark certificate that vouches for it"
    } else {
        "without a mark certificate, which Gmail and Apple Mail require"
    };
    let why =
        format!("BIMI record of {domain}: mail programs may show the logo at {logo}, {evidence}.");
    let manual = Manual {
        code: codes::DMARC_NOT_ENFORCED.as_str().to_string(),
        subject: domain.clone(),
        why: format!(
            "Receivers show the logo only when DMARC for {domain} and its Organizational Domain \
             is at p=quarantine or p=reject, without t=y and with sp not none: `mailaudit \
             generate dmarc --policy reject` makes the record, `mailaudit bimi {domain}` checks."
        ),
    };
    Ok(Changes {
        changes: vec![Change::add_txt(
            &name,
            &value,
            intent.ttl,
            with_notes(why, &notes),
        )],
        manual: vec![manual],
        ..Changes::default()
    })
}

/// A URL that must be `https:`; the rest is for the record's own parser to judge.
fn https<'a>(url: &'a str, option: &str) -> Result<&'a str, GenerateError> {
    let url = tag_value(url, option)?;
    if !url
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
    {
        return Err(invalid(format!(
            "{option} {}: only https:// URLs are fetched",
            crate::sanitize::quoted(url)
        )));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generate(logo: &str, authority: Option<&str>) -> Result<Changes, GenerateError> {
        bimi(&BimiIntent {
            domain: "example.com".into(),
            logo: logo.into(),
            authority: authority.map(str::to_string),
            selector: Selector::new("brand").unwrap(),
            ttl: 3600,
        })
    }

    #[test]
    fn record_with_and_without_evidence() {
        let c = generate(
            "https://example.com/logo.svg",
            Some("https://example.com/vmc.pem"),
        )
        .unwrap();
        assert_eq!(c.changes[0].name, "brand._bimi.example.com.");
        assert_eq!(
            c.changes[0].new,
            ["\"v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem\""]
        );
        assert_eq!(c.manual[0].code, "bimi-dmarc-not-enforced");
        assert!(generate("https://example.com/logo.svg", None).is_ok());
    }

    #[test]
    fn refusals() {
        let e = generate("http://example.com/logo.svg", None).unwrap_err();
        assert!(e.to_string().contains("only https://"), "{e}");
        let e = generate("https://example.com/logo.png", None).unwrap_err();
        assert!(e.to_string().contains("bimi-invalid-location"), "{e}");
        let e = generate("https://example.com/l.svg", Some("https://example.com/vmc")).unwrap_err();
        assert!(e.to_string().contains("bimi-invalid-evidence"), "{e}");
    }
}
