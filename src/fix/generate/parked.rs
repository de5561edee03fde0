//! `generate parked`: the records of a domain that sends and receives no mail (M3AAWG's parked
//! domain advice) — a null MX (RFC 7505), `v=spf1 -all` (RFC 7208), a DMARC policy that rejects
//! everything in its name (RFC 9989), and an empty DKIM key at every selector (RFC 6376 §3.6.1).

use crate::dkim::lints::lint_record;
use crate::dmarc::{AlignmentMode, Policy};
use crate::dns::{RecordType, Txt};
use crate::fix::{Change, Changes};

use super::dmarc::{DmarcIntent, records};
use super::spf::{SpfIntent, spf};
use super::{GenerateError, domain, vetted, with_notes};

/// A domain that sends and receives no mail.
#[derive(Debug, Clone)]
pub struct ParkedIntent {
    pub domain: String,
    /// Aggregate report addresses, to see who sends mail in the domain's name (none by default).
    pub rua: Vec<String>,
    pub ttl: u32,
}

/// The parked domain's records.
pub fn parked(intent: &ParkedIntent) -> Result<Changes, GenerateError> {
    let domain = domain(&intent.domain)?;
    let ttl = intent.ttl;
    if let Some(rua) = intent.rua.iter().find(|r| address_domain(r) == domain) {
        return Err(super::invalid(format!(
            "--rua {}: {domain} gets a null MX and cannot receive the reports; give an address \
             in another domain",
            crate::sanitize::quoted(rua)
        )));
    }
    let null_mx = Change::add(
        &domain,
        RecordType::Mx,
        "0 .".into(),
        ttl,
        format!(
            "Null MX of {domain} (RFC 7505): it accepts no mail, so senders fail at once instead \
             of retrying for days."
        ),
    );
    let mut changes = vec![null_mx];
    changes.extend(
        spf(&SpfIntent {
            domain: domain.clone(),
            ttl,
            ..SpfIntent::default()
        })?
        .changes,
    );
    changes.extend(records(
        &domain,
        &DmarcIntent {
            domain: domain.clone(),
            policy: Policy::Reject,
            rua: intent.rua.clone(),
            ruf: Vec::new(),
            sp: Some(Policy::Reject),
            np: None,
            adkim: Some(AlignmentMode::Strict),
            aspf: Some(AlignmentMode::Strict),
            testing: false,
            ttl,
        },
    )?);
    let name = format!("*._domainkey.{domain}");
    let key = "v=DKIM1; p=";
    let notes = vetted(&lint_record(&name, &Txt::single(key)).findings)?;
    let why = format!(
        "Every DKIM selector of {domain} answers with an empty key (RFC 6376 §3.6.1): no \
         signature in its name verifies."
    );
    changes.push(Change::add_txt(&name, key, ttl, with_notes(why, &notes)));
    Ok(Changes {
        changes,
        ..Changes::default()
    })
}

/// The domain of an address or `mailto:` URI, lowercase, without a trailing dot.
fn address_domain(address: &str) -> String {
    let address = address.split('?').next().unwrap_or_default();
    address.rsplit_once('@').map_or(String::new(), |(_, d)| {
        d.trim_end_matches('.').to_ascii_lowercase()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::zone_lines;

    #[test]
    fn the_four_records() {
        let c = parked(&ParkedIntent {
            domain: "parked.example".into(),
            rua: Vec::new(),
            ttl: 3600,
        })
        .unwrap();
        let lines: Vec<String> = c.changes.iter().flat_map(zone_lines).collect();
        assert_eq!(
            lines,
            [
                "parked.example. 3600 IN MX 0 .",
                "parked.example. 3600 IN TXT \"v=spf1 -all\"",
                "_dmarc.parked.example. 3600 IN TXT \"v=DMARC1; p=reject; sp=reject; adkim=s; \
                 aspf=s\"",
                "*._domainkey.parked.example. 3600 IN TXT \"v=DKIM1; p=\"",
            ]
        );
        assert!(c.changes[2].why.contains("dmarc-no-rua"));
        let own = parked(&ParkedIntent {
            domain: "parked.example".into(),
            rua: vec!["mailto:DMARC@Parked.Example".into()],
            ttl: 3600,
        });
        assert!(own.unwrap_err().to_string().contains("null MX"));
    }
}
