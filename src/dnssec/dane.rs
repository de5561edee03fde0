//! Whether DANE applies to each MX host (RFC 7672 §2.2): its TLSA RRset at `_25._tcp.HOST`, and
//! the DNSSEC status of the domain's MX RRset, the host's address records and the TLSA RRset.
//! DANE applies only when all three are secure; the matching of a presented chain is
//! `tls::dane`'s.

use futures_util::future::join_all;
use serde::Serialize;

use crate::dns::{Answer, Dns, Dnssec, LookupResult, RecordType, Security};
use crate::finding::Finding;
use crate::tls::dane::{Tlsa, codes};

/// Records read from one TLSA RRset, as `tls::dane` bounds them.
const MAX_TLSA: usize = 32;

/// One MX host's TLSA records and what a DANE sender makes of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DaneHost {
    pub host: String,
    pub tlsa: Vec<Tlsa>,
    /// The TLSA RRset's status; `None` when it could not be looked up.
    pub tlsa_dnssec: Option<Dnssec>,
    /// The MX RRset, the addresses and the TLSA RRset are secure, and there are records.
    pub applies: bool,
}

/// The DANE side of a domain's DNS: each host's TLSA records and the findings.
#[derive(Debug, Clone, Default)]
pub struct DaneHosts {
    pub hosts: Vec<DaneHost>,
    pub findings: Vec<Finding>,
}

impl DaneHosts {
    /// The host's TLSA records, when DANE applies to it.
    pub fn applying(&self, host: &str) -> Option<&DaneHost> {
        self.hosts.iter().find(|h| h.host == host && h.applies)
    }
}

/// The TLSA records of `hosts` (the domain's MX hosts) and whether DANE applies to each; with
/// `lint`, the records' own findings too (the probe lints them where it runs).
pub async fn lookup(dns: &Dns, domain: &str, hosts: &[String], lint: bool) -> DaneHosts {
    let (_, mx) = dns.lookup_judged(domain, RecordType::Mx).await;
    let Some(mx) = mx else {
        // Not validating: nothing can be said of DANE.
        return DaneHosts::default();
    };
    let looked = join_all(hosts.iter().map(|h| host(dns, domain, h, mx.status, lint))).await;
    let mut out = DaneHosts::default();
    for (host, findings) in looked {
        out.hosts.extend(host);
        out.findings.extend(findings);
    }
    out
}

async fn host(
    dns: &Dns,
    domain: &str,
    name: &str,
    mx: Security,
    lint: bool,
) -> (Option<DaneHost>, Vec<Finding>) {
    let base = format!("_25._tcp.{name}");
    let (a, aaaa, (tlsa, tlsa_dnssec)) = tokio::join!(
        dns.lookup_judged(name, RecordType::A),
        dns.lookup_judged(name, RecordType::Aaaa),
        dns.lookup_judged(&base, RecordType::Tlsa)
    );
    let addresses = weakest_with_records([&a, &aaaa]);
    let mut findings = Vec::new();
    let records: Vec<Tlsa> = match &tlsa {
        Ok(answer) => answer
            .records()
            .iter()
            .take(MAX_TLSA)
            .filter_map(|r| match r {
                crate::dns::Rdata::Tlsa(wire) => Tlsa::from_rdata(wire).ok(),
                _ => None,
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let tlsa_status = tlsa_dnssec.as_ref().map(|d| d.status);
    let secure_path = mx == Security::Secure && addresses == Some(Security::Secure);
    if mx == Security::Secure && addresses == Some(Security::Insecure) {
        findings.push(Finding::new(
            codes::MX_UNSIGNED,
            name,
            format!("{name} is in an unsigned zone while {domain}'s MX records are secure"),
        ));
    }
    match (&tlsa, tlsa_status) {
        (Err(e), _) if secure_path => findings.push(Finding::new(
            codes::TLSA_BOGUS,
            base.as_str(),
            format!("the TLSA lookup failed ({e}): DANE senders defer mail to {name}"),
        )),
        (Ok(_), Some(Security::Bogus | Security::Indeterminate)) if secure_path => {
            let reason = tlsa_dnssec
                .as_ref()
                .and_then(|d| d.reason.clone())
                .unwrap_or_else(|| "it does not validate".into());
            findings.push(Finding::new(
                codes::TLSA_BOGUS,
                base.as_str(),
                format!(
                    "the TLSA answer is {}: {reason}",
                    tlsa_status.unwrap_or(Security::Bogus)
                ),
            ));
        }
        // Bogus or indeterminate MX or address records are the dnssec- findings' to tell.
        (Ok(Answer::Records(_)), Some(status))
            if status == Security::Insecure
                || (status == Security::Secure
                    && (mx == Security::Insecure || addresses == Some(Security::Insecure))) =>
        {
            let what = if status == Security::Secure {
                "the MX records or the host's addresses are not secure"
            } else {
                "the TLSA records are not secure"
            };
            findings.push(Finding::new(
                codes::TLSA_INSECURE,
                base.as_str(),
                format!("{what}: DANE senders ignore the TLSA records of {name}"),
            ));
        }
        _ => {}
    }
    let applies = secure_path && tlsa_status == Some(Security::Secure) && !records.is_empty();
    if applies && lint {
        findings.extend(crate::tls::dane::lints(&base, &records));
    }
    let shown = !records.is_empty() || tlsa.is_err();
    let host = shown.then(|| DaneHost {
        host: name.to_string(),
        tlsa: records,
        tlsa_dnssec,
        applies,
    });
    (host, findings)
}

/// The weakest status among the answers that hold records; `None` when none does.
fn weakest_with_records(answers: [&(LookupResult, Option<Dnssec>); 2]) -> Option<Security> {
    answers
        .iter()
        .filter(|(result, _)| result.as_ref().is_ok_and(|a| !a.is_void()))
        .filter_map(|(_, dnssec)| dnssec.as_ref().map(|d| d.status))
        .min()
}
