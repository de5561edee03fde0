//! Where DMARC reports go (RFC 9990 §3.2.3, RFC 5321 §5.1): each `mailto:` destination of `rua`
//! and `ruf` in another Organizational Domain than the policy must authorise the reports with a
//! `v=DMARC1` TXT record at `<policy domain>._report._dmarc.<destination>` (a `*` wildcard label
//! there authorises every domain), and every destination must be able to receive mail.

use std::sync::Arc;

use futures_util::future::join_all;
use serde::Serialize;

use crate::dns::{Answer, Dns, LookupError, RecordType, txts};
use crate::finding::{Capped, Finding};

use super::discovery::{PolicyRecord, discover};
use super::{DmarcRecord, ReportUri, codes};

/// Distinct destination domains checked per record; receivers send to two per tag at most
/// (RFC 7489 §6.2), so this only bounds the work a hostile record can cause.
pub const MAX_DESTINATIONS: usize = 8;

/// The longest name DNS can ask for (RFC 1035 §2.3.4), without the trailing dot.
const MAX_NAME: usize = 253;

/// One report address and what DNS says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Destination {
    /// `rua` or `ruf`.
    pub tag: &'static str,
    pub uri: String,
    pub domain: String,
    /// In another Organizational Domain than the policy; `null` when unknown or not checked.
    pub external: Option<bool>,
    /// For an external destination: whether it authorised the reports.
    pub authorized: Option<bool>,
    /// Whether the domain can receive mail (MX, or A/AAAA as the implicit MX).
    pub accepts_mail: Option<bool>,
}

/// What DNS says about one destination domain.
#[derive(Debug, Clone, Default)]
struct Checked {
    external: Option<bool>,
    authorized: Option<Result<bool, String>>,
    mail: Option<Result<bool, String>>,
    failures: Vec<(String, LookupError)>,
}

/// Checks the `mailto:` destinations of `policy`'s record; `organizational` is the policy
/// domain's Organizational Domain. Findings are about `subject`, pointing into the record.
pub async fn check(
    dns: &Dns,
    policy: &PolicyRecord,
    organizational: Option<&str>,
    subject: &str,
) -> (Vec<Destination>, Vec<Finding>) {
    let record = &policy.record;
    let uris: Vec<(&'static str, &ReportUri)> = record
        .rua
        .iter()
        .map(|u| ("rua", u))
        .chain(record.ruf.iter().map(|u| ("ruf", u)))
        .filter(|(_, u)| u.is_mailto())
        .collect();
    let domains = distinct_domains(&uris);
    let checked = join_all(
        domains
            .iter()
            .map(|d| check_domain(dns, &policy.domain, organizational, d)),
    )
    .await;
    let mut findings = Vec::new();
    // A finding per address, capped: a hostile record may list one address a thousand times.
    let mut per_uri = Capped::new();
    let text: Arc<str> = record.text().into();
    for (domain, c) in domains.iter().zip(&checked) {
        for (name, e) in &c.failures {
            findings.push(e.finding(name));
        }
        for (tag, uri) in uris
            .iter()
            .filter(|(_, u)| u.host.as_deref() == Some(domain))
        {
            per_uri.extend(uri_findings(subject, &text, tag, uri, c));
        }
    }
    findings.extend(per_uri.into_vec());
    let destinations = uris
        .iter()
        .map(|(tag, uri)| {
            let domain = uri.host.clone().unwrap_or_default();
            let c = domains
                .iter()
                .position(|d| *d == domain)
                .map(|i| &checked[i]);
            Destination {
                tag,
                uri: uri.uri.clone(),
                external: c.and_then(|c| c.external),
                // An `Err` is a verdict too (not authorised, cannot receive mail): false.
                authorized: c.and_then(|c| Some(c.authorized.as_ref()?.is_ok())),
                accepts_mail: c.and_then(|c| Some(c.mail.as_ref()?.is_ok())),
                domain,
            }
        })
        .collect();
    (destinations, findings)
}

/// The domains the mailto: URIs name, each once, at most [`MAX_DESTINATIONS`].
fn distinct_domains<'a>(uris: &[(&'static str, &'a ReportUri)]) -> Vec<&'a str> {
    let mut domains: Vec<&str> = Vec::new();
    for (_, uri) in uris {
        if let Some(host) = uri.host.as_deref()
            && !domains.contains(&host)
            && domains.len() < MAX_DESTINATIONS
        {
            domains.push(host);
        }
    }
    domains
}

fn uri_findings(
    subject: &str,
    text: &Arc<str>,
    tag: &str,
    uri: &ReportUri,
    c: &Checked,
) -> Vec<Finding> {
    let at = |f: Finding| f.at(text, uri.span.start, uri.span.end);
    let mut out = Vec::new();
    if let Some(Err(why)) = &c.authorized {
        let message = format!("{tag}={}: {why}", uri.uri);
        out.push(at(Finding::new(
            codes::REPORT_DESTINATION_UNAUTHORIZED,
            subject,
            message,
        )));
    }
    if let Some(Err(why)) = &c.mail {
        let message = format!("{tag}={}: {why}", uri.uri);
        out.push(at(Finding::new(
            codes::REPORT_DESTINATION_NO_MAIL,
            subject,
            message,
        )));
    }
    out
}

async fn check_domain(
    dns: &Dns,
    policy_domain: &str,
    organizational: Option<&str>,
    domain: &str,
) -> Checked {
    let (authorization, mail) = tokio::join!(
        authorization(dns, policy_domain, organizational, domain),
        accepts_mail(dns, domain)
    );
    let mut checked = Checked::default();
    match authorization {
        Ok((external, authorized)) => {
            checked.external = external;
            checked.authorized = authorized;
        }
        Err(failure) => checked.failures.push(failure),
    }
    match mail {
        Ok(mail) => checked.mail = Some(mail),
        Err(failure) => checked.failures.push(failure),
    }
    checked
}

type Failure = (String, LookupError);

/// Whether `domain` is external to the policy, and if so whether it authorised the reports
/// (`Err` says why not).
async fn authorization(
    dns: &Dns,
    policy_domain: &str,
    organizational: Option<&str>,
    domain: &str,
) -> Result<(Option<bool>, Option<Result<bool, String>>), Failure> {
    let Some(organizational) = organizational else {
        return Ok((None, None));
    };
    let walk = discover(dns, domain).await;
    if let Some(e) = walk.failure() {
        return Err((
            format!("_dmarc.{}", walk.steps.last().map_or(domain, |s| &s.domain)),
            e.clone(),
        ));
    }
    if walk.organizational_domain.as_deref() == Some(organizational) {
        return Ok((Some(false), None));
    }
    let name = format!("{policy_domain}._report._dmarc.{domain}");
    if name.len() > MAX_NAME {
        let why = format!("{name} is longer than DNS allows, so {domain} cannot authorise reports");
        return Ok((Some(true), Some(Err(why))));
    }
    let answer = dns
        .lookup(&name, RecordType::Txt)
        .await
        .map_err(|e| (name.clone(), e))?;
    let authorized = txts(answer.records())
        .iter()
        .any(|t| DmarcRecord::parse(&t.text()).valid_version);
    let verdict = if authorized {
        Ok(true)
    } else {
        Err(format!(
            "{domain} has not authorised reports about {policy_domain} (no v=DMARC1 TXT record at \
             {name})"
        ))
    };
    Ok((Some(true), Some(verdict)))
}

/// Whether mail can be delivered to `domain`: a non-null MX, or else an address (RFC 5321 §5.1).
async fn accepts_mail(dns: &Dns, domain: &str) -> Result<Result<bool, String>, Failure> {
    let failed = |rtype: RecordType| move |e| (format!("{domain} {rtype}"), e);
    let mx = dns
        .lookup(domain, RecordType::Mx)
        .await
        .map_err(failed(RecordType::Mx))?;
    match &mx {
        Answer::NxDomain => return Ok(Err(format!("{domain} does not exist (NXDOMAIN)"))),
        Answer::Records(records) => {
            // Only null MX records ("."), which `mx_exchanges` leaves out (RFC 7505).
            return Ok(if crate::dns::mx_exchanges(records).is_empty() {
                Err(format!("{domain} has a null MX: it accepts no mail"))
            } else {
                Ok(true)
            });
        }
        Answer::NoData => {}
    }
    let (a, aaaa) = tokio::join!(
        dns.lookup(domain, RecordType::A),
        dns.lookup(domain, RecordType::Aaaa)
    );
    let a = a.map_err(failed(RecordType::A))?;
    let aaaa = aaaa.map_err(failed(RecordType::Aaaa))?;
    Ok(if a.is_void() && aaaa.is_void() {
        Err(format!("{domain} has no MX, A or AAAA record"))
    } else {
        Ok(true)
    })
}
