//! `generate tlsrpt` (RFC 8460 §3): the `_smtp._tls` record that tells senders where to report
//! failures to set up TLS with the domain's MX hosts, by mail (`mailto:`) or HTTPS (`https:`).

use crate::dns::Txt;
use crate::fix::{Change, Changes};
use crate::policy::tls_rpt::{RECORD_LABEL, VERSION, lint_text};

use super::{GenerateError, distinct, domain, tag_value, vetted, with_mailto, with_notes};

/// Where a domain's TLS reports go.
#[derive(Debug, Clone)]
pub struct TlsRptIntent {
    pub domain: String,
    /// `mailto:` or `https:` URIs; an address without a scheme is a `mailto:` address.
    pub rua: Vec<String>,
    pub ttl: u32,
}

/// The TLS-RPT record for `intent`.
pub fn tls_rpt(intent: &TlsRptIntent) -> Result<Changes, GenerateError> {
    let domain = domain(&intent.domain)?;
    let rua = intent
        .rua
        .iter()
        .map(|r| tag_value(r, "--rua").map(with_mailto))
        .collect::<Result<Vec<_>, _>>()?;
    let rua = distinct(rua);
    if rua.is_empty() {
        return Err(super::invalid(
            "give at least one --rua address or https: URI",
        ));
    }
    let value = format!("v={VERSION}; rua={}", rua.join(","));
    let notes = vetted(&lint_text(&Txt::single(&value)).findings)?;
    let why = format!(
        "TLS-RPT record of {domain}: senders report failures to set up TLS with its MX hosts to \
         {}.",
        rua.join(", ")
    );
    Ok(Changes {
        changes: vec![Change::add_txt(
            &format!("{RECORD_LABEL}.{domain}"),
            &value,
            intent.ttl,
            with_notes(why, &notes),
        )],
        ..Changes::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generate(rua: &[&str]) -> Result<Changes, GenerateError> {
        tls_rpt(&TlsRptIntent {
            domain: "example.com".into(),
            rua: rua.iter().map(|r| (*r).to_string()).collect(),
            ttl: 3600,
        })
    }

    #[test]
    fn mailto_and_https() {
        let c = generate(&["tls@example.com", "https://reports.example.net/tls"]).unwrap();
        assert_eq!(c.changes[0].name, "_smtp._tls.example.com.");
        assert_eq!(
            c.changes[0].new,
            ["\"v=TLSRPTv1; rua=mailto:tls@example.com,https://reports.example.net/tls\""]
        );
        for bad in [
            "http://reports.example.net/tls",
            "mailto:nobody",
            "a b@example.com",
        ] {
            assert!(generate(&[bad]).is_err(), "{bad}");
        }
        assert!(generate(&[]).is_err());
    }
}
