//! Records built from intent (RFC 7208 SPF, RFC 9989 DMARC, RFC 8461 MTA-STS, RFC 8460 TLS-RPT,
//! BIMI, RFC 7505 null MX). Each generator composes a record from validated parts, then runs the
//! crate's own lints on it: an error means the input cannot make a working record, and it is
//! refused; a warning is a choice the caller made (`p=none`, `t=y`), and the change's `why` says
//! so. Pure: no lookups, no clock, nothing written.

mod bimi;
mod dmarc;
mod mta_sts;
mod parked;
mod spf;
mod tls_rpt;

pub use bimi::{BimiIntent, bimi};
pub use dmarc::{DmarcIntent, dmarc};
pub use mta_sts::{MtaStsIntent, fresh_id, mta_sts, pattern as mta_sts_pattern};
pub use parked::{ParkedIntent, parked};
pub use spf::{AllPolicy, SpfIntent, spf};
pub use tls_rpt::{TlsRptIntent, tls_rpt};

use crate::dns::name::{NameError, normalize_domain};
use crate::finding::{Finding, Severity};

/// Why a record cannot be built from what was asked; one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GenerateError {
    #[error(transparent)]
    Domain(#[from] NameError),
    #[error("{0}")]
    Invalid(String),
}

fn invalid(message: impl Into<String>) -> GenerateError {
    GenerateError::Invalid(message.into())
}

/// A domain as the user typed it, normalised (IDNA, lowercase, no trailing dot).
fn domain(input: &str) -> Result<String, GenerateError> {
    Ok(normalize_domain(input)?)
}

/// What the crate's lints say of a generated record: the first error refuses it (the input
/// cannot make a working record); warnings come back as notes for the change's `why`.
fn vetted(findings: &[Finding]) -> Result<Vec<String>, GenerateError> {
    if let Some(error) = findings.iter().find(|f| f.severity == Severity::Error) {
        return Err(invalid(format!(
            "the record would be flawed: {} ({})",
            error.message,
            error.code.as_str()
        )));
    }
    Ok(findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| format!("{} ({})", f.message, f.code.as_str()))
        .collect())
}

/// `why`, then the notes the lints left, as one text.
fn with_notes(why: String, notes: &[String]) -> String {
    if notes.is_empty() {
        return why;
    }
    format!("{why} Note: {}.", notes.join("; "))
}

/// A value that goes into a `tag=value` record whole: a `;` would end the tag, and white space
/// or a comma would make it several values.
fn tag_value<'a>(value: &'a str, what: &str) -> Result<&'a str, GenerateError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(invalid(format!("{what} is empty")));
    }
    if let Some(c) = value
        .chars()
        .find(|c| *c == ';' || *c == ',' || c.is_whitespace() || c.is_control())
    {
        return Err(invalid(format!(
            "{what} {} holds {}; percent-encode it",
            crate::sanitize::quoted(value),
            crate::sanitize::quoted_char(c)
        )));
    }
    Ok(value)
}

/// `ADDR` as a report URI: an address without a scheme becomes `mailto:ADDR`.
pub(in crate::fix) fn with_mailto(address: &str) -> String {
    if address.contains(':') {
        address.to_string()
    } else {
        format!("mailto:{address}")
    }
}

/// Each item once, in the order first given.
fn distinct(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_values_are_whole() {
        assert_eq!(tag_value(" a@b.example ", "--rua").unwrap(), "a@b.example");
        for bad in ["", "a;b", "a b", "a,b", "a\u{1b}b"] {
            assert!(tag_value(bad, "--rua").is_err(), "{bad:?}");
        }
        assert_eq!(with_mailto("d@example.com"), "mailto:d@example.com");
        assert_eq!(with_mailto("https://r.example/x"), "https://r.example/x");
        assert_eq!(
            distinct(vec!["a".into(), "b".into(), "a".into()]),
            ["a", "b"]
        );
    }
}
