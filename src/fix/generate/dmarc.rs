//! `generate dmarc` (RFC 9989 §4.7): the `_dmarc` policy record, and for each report address
//! outside the domain's Organizational Domain the authorization record its domain must publish,
//! `DOMAIN._report._dmarc.DEST` (RFC 9990 §3.2.3).

use crate::dmarc::discovery::{PolicyRecord, organizational_domain_among};
use crate::dmarc::lints::lint_record;
use crate::dmarc::uri::report_uri;
use crate::dmarc::{AlignmentMode, DmarcRecord, Policy};
use crate::dns::Txt;
use crate::fix::{Change, Changes};

use super::{GenerateError, distinct, domain, invalid, tag_value, vetted, with_mailto, with_notes};

/// The longest name DNS can ask for (RFC 1035 §2.3.4), without the trailing dot.
const MAX_NAME: usize = 253;

/// What a domain asks receivers to do with mail that fails DMARC, and where reports go.
#[derive(Debug, Clone)]
pub struct DmarcIntent {
    pub domain: String,
    pub policy: Policy,
    /// Aggregate report addresses; one without a scheme is a `mailto:` address.
    pub rua: Vec<String>,
    /// Failure report addresses.
    pub ruf: Vec<String>,
    /// For existing subdomains.
    pub sp: Option<Policy>,
    /// For subdomains that do not exist.
    pub np: Option<Policy>,
    pub adkim: Option<AlignmentMode>,
    pub aspf: Option<AlignmentMode>,
    /// `t=y`: receivers apply the policy one step below (RFC 9989's replacement of `pct`).
    pub testing: bool,
    pub ttl: u32,
}

/// The DMARC record for `intent`, and the authorizations its report addresses need.
pub fn dmarc(intent: &DmarcIntent) -> Result<Changes, GenerateError> {
    let domain = domain(&intent.domain)?;
    Ok(Changes {
        changes: records(&domain, intent)?,
        ..Changes::default()
    })
}

/// The `_dmarc` record of the (normalised) `domain`, then the authorization records.
pub(super) fn records(domain: &str, intent: &DmarcIntent) -> Result<Vec<Change>, GenerateError> {
    let rua = report_uris(&intent.rua, "--rua")?;
    let ruf = report_uris(&intent.ruf, "--ruf")?;
    let mut tags = vec!["v=DMARC1".to_string(), format!("p={}", intent.policy)];
    tags.extend(intent.sp.map(|p| format!("sp={p}")));
    tags.extend(intent.np.map(|p| format!("np={p}")));
    tags.extend(intent.adkim.map(|m| format!("adkim={}", mode(m))));
    tags.extend(intent.aspf.map(|m| format!("aspf={}", mode(m))));
    tags.extend(intent.testing.then(|| "t=y".to_string()));
    tags.extend((!rua.is_empty()).then(|| format!("rua={}", rua.join(","))));
    tags.extend((!ruf.is_empty()).then(|| format!("ruf={}", ruf.join(","))));
    let value = tags.join("; ");
    let record = DmarcRecord::parse(&value);
    let name = format!("_dmarc.{domain}");
    let txt = Txt::single(&value);
    let notes = vetted(&lint_record(&name, &txt, &record))?;
    let why = with_notes(why(domain, intent, &rua), &notes);
    let mut changes = vec![Change::add_txt(&name, &value, intent.ttl, why)];
    let published = PolicyRecord {
        domain: domain.to_string(),
        txt,
        record,
    };
    changes.extend(authorizations(&published, intent.ttl)?);
    Ok(changes)
}

fn mode(mode: AlignmentMode) -> &'static str {
    match mode {
        AlignmentMode::Relaxed => "r",
        AlignmentMode::Strict => "s",
    }
}

/// The report addresses as `mailto:` URIs, each once; other schemes are refused, since
/// receivers send reports only by mail.
fn report_uris(inputs: &[String], option: &str) -> Result<Vec<String>, GenerateError> {
    let mut out = Vec::new();
    for input in inputs {
        let uri = with_mailto(tag_value(input, option)?);
        let said = |why: &str| {
            invalid(format!(
                "{option} {}: {why}",
                crate::sanitize::quoted(input)
            ))
        };
        let parsed = report_uri(&uri, 0..uri.len()).map_err(|why| said(&why))?;
        if !parsed.is_mailto() {
            return Err(said(
                "receivers send DMARC reports by mail only; give an address (mailto:)",
            ));
        }
        out.push(uri);
    }
    Ok(distinct(out))
}

/// `DOMAIN._report._dmarc.DEST` for each report domain in another Organizational Domain than
/// the policy's, judged by the records about to be published (§4.10.2): a parent domain without
/// a record of its own counts as another, where an authorization does no harm.
fn authorizations(published: &PolicyRecord, ttl: u32) -> Result<Vec<Change>, GenerateError> {
    let record = &published.record;
    let domain = published.domain.as_str();
    let own = organizational_domain_among(domain, std::slice::from_ref(published));
    let hosts = distinct(
        record
            .rua
            .iter()
            .chain(&record.ruf)
            .filter_map(|u| u.host.clone())
            .collect(),
    );
    let mut out = Vec::new();
    for host in hosts {
        if organizational_domain_among(&host, std::slice::from_ref(published)) == own {
            continue;
        }
        let name = format!("{domain}._report._dmarc.{host}");
        if name.len() > MAX_NAME {
            return Err(invalid(format!(
                "{name} is longer than DNS allows, so {host} cannot authorise reports about \
                 {domain}; use a report address in {domain}"
            )));
        }
        let why = format!(
            "{host} is outside {domain}'s Organizational Domain: receivers send it reports about \
             {domain} only once {host} publishes this record (RFC 9990 §3.2.3); a report \
             service may already publish *._report._dmarc.{host} for every domain."
        );
        out.push(Change::add_txt(&name, "v=DMARC1", ttl, why));
    }
    Ok(out)
}

fn why(domain: &str, intent: &DmarcIntent, rua: &[String]) -> String {
    let failing = match intent.policy {
        Policy::Reject => "rejected (p=reject)",
        Policy::Quarantine => "quarantined, as spam (p=quarantine)",
        Policy::None => "delivered as usual, only reported (p=none)",
    };
    // Without rua the lints' note says that no reports are sent.
    let reports = if rua.is_empty() {
        String::new()
    } else {
        format!("; aggregate reports go to {}", rua.join(", "))
    };
    format!(
        "DMARC policy of {domain}: mail failing both aligned SPF and aligned DKIM is \
         {failing}{reports}."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intent(policy: Policy) -> DmarcIntent {
        DmarcIntent {
            domain: "example.com".into(),
            policy,
            rua: vec!["dmarc@example.com".into()],
            ruf: Vec::new(),
            sp: None,
            np: None,
            adkim: None,
            aspf: None,
            testing: false,
            ttl: 3600,
        }
    }

    fn lines(c: &Changes) -> Vec<String> {
        c.changes.iter().flat_map(crate::fix::zone_lines).collect()
    }

    #[test]
    fn tags_in_order_and_mailto_added() {
        let mut i = intent(Policy::Reject);
        i.sp = Some(Policy::Quarantine);
        i.np = Some(Policy::Reject);
        i.adkim = Some(AlignmentMode::Strict);
        i.aspf = Some(AlignmentMode::Relaxed);
        i.testing = true;
        i.ruf = vec!["mailto:forensic@example.com".into()];
        let c = dmarc(&i).unwrap();
        assert_eq!(
            lines(&c),
            [
                "_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=reject; sp=quarantine; np=reject; \
                 adkim=s; aspf=r; t=y; rua=mailto:dmarc@example.com; \
                 ruf=mailto:forensic@example.com\""
            ]
        );
        // Choices the lints warn about are said, not refused.
        assert!(
            c.changes[0].why.contains("dmarc-testing"),
            "{}",
            c.changes[0].why
        );
        assert!(c.changes[0].why.contains("dmarc-subdomain-policy-weaker"));
    }

    #[test]
    fn external_destinations_get_an_authorization_record() {
        let mut i = intent(Policy::None);
        i.rua = vec![
            "d@example.com".into(),
            "d@reports.example.com".into(),
            "agg@reports.example.net".into(),
        ];
        let c = dmarc(&i).unwrap();
        let names: Vec<&str> = c.changes.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "_dmarc.example.com.",
                "example.com._report._dmarc.reports.example.net."
            ]
        );
        assert_eq!(c.changes[1].new, ["\"v=DMARC1\""]);
    }

    #[test]
    fn bad_addresses_are_refused() {
        for (bad, says) in [
            ("https://r.example.com/d", "by mail only"),
            ("not-an-address", "needs an address"),
            ("d@example", "not a mail domain"),
            ("a@b.example;p=none", "percent-encode"),
        ] {
            let mut i = intent(Policy::Reject);
            i.rua = vec![bad.into()];
            let e = dmarc(&i).unwrap_err().to_string();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }
}
