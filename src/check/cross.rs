//! The checks of `check` that need several areas at once: a domain that does not exist (RFC
//! 8020), DMARC with nothing that can align (RFC 9989 §4.4), a domain that sends no mail without
//! the records that say so (RFC 7505, RFC 7208 §10.1.2), and areas that did not finish.

use crate::dkim::SelectorStatus;
use crate::dmarc::Policy;
use crate::finding::Finding;
use crate::mx::Delivery;
use crate::policy::mta_sts::Mode;
use crate::tls::CertVerdict;

use super::{CheckReport, CheckSettings, codes};

/// The domain does not exist, so nothing below it does either (RFC 8020): the areas whose
/// records live there keep only their failed lookups, and the report says it once. DMARC and
/// BIMI keep theirs when an Organizational Domain above the domain holds the policy.
pub fn nothing_below(report: &mut CheckReport) {
    report.nxdomain = true;
    let inherits = report.inherits_policy();
    let below = [
        report.spf.as_mut().map(|r| &mut r.findings),
        report
            .dmarc
            .as_mut()
            .filter(|_| !inherits)
            .map(|r| &mut r.findings),
        report.dkim.as_mut().map(|r| &mut r.findings),
        report
            .bimi
            .as_mut()
            .filter(|_| !inherits)
            .map(|r| &mut r.findings),
        report.mx.as_mut().map(|r| &mut r.findings),
        report.mta_sts.as_mut().map(|r| &mut r.findings),
        report.tls_rpt.as_mut().map(|r| &mut r.findings),
        report.probe.as_mut().map(|r| &mut r.findings),
        report.clients.as_mut().map(|r| &mut r.findings),
    ];
    for findings in below.into_iter().flatten() {
        findings.retain(|f| f.code.as_str().starts_with(crate::dns::codes::PREFIX));
    }
}

/// Hosts with both DANE and an MTA-STS policy: DANE senders apply DANE (RFC 8461 §2).
fn dane_over_mta_sts(report: &CheckReport) -> Option<Finding> {
    let dane: Vec<&str> = report
        .dnssec
        .iter()
        .flat_map(|d| &d.dane)
        .filter(|h| h.applies)
        .map(|h| h.host.as_str())
        .collect();
    report.mta_sts.as_ref()?.policy.as_ref()?;
    if dane.is_empty() {
        return None;
    }
    Some(Finding::new(
        crate::tls::dane::codes::OVER_MTA_STS,
        &report.domain,
        format!(
            "{} {} usable TLSA records and the domain an MTA-STS policy: DANE senders apply \
             DANE to {}, the others the policy; both are checked",
            dane.join(", "),
            if dane.len() == 1 { "has" } else { "have" },
            if dane.len() == 1 { "it" } else { "them" },
        ),
    ))
}

pub fn findings(report: &CheckReport, settings: &CheckSettings) -> Vec<Finding> {
    if report.nxdomain {
        let mut out = vec![Finding::new(
            codes::DOMAIN_NOT_FOUND,
            &report.domain,
            format!(
                "{} does not exist (NXDOMAIN): no record can be published below it, and mail \
                 to and from it fails",
                report.domain
            ),
        )];
        out.extend(unfinished(report, settings));
        return out;
    }
    // A null MX alone: the domain says it accepts (and so sends) no mail.
    let null_mx = report
        .mx
        .as_ref()
        .is_some_and(|mx| mx.delivery == Delivery::NullMx);
    let domain = report.domain.as_str();
    let mut out = unfinished(report, settings);
    if let Some(finding) = nothing_aligns(report) {
        out.push(finding);
    }
    out.extend(enforce_broken(report));
    out.extend(dane_over_mta_sts(report));
    if settings.parked || null_mx {
        let why = if settings.parked {
            "the domain is declared to send no mail (--parked)"
        } else {
            "the domain publishes a null MX (RFC 7505), so it receives and sends no mail"
        };
        out.extend(parked(report, domain, why));
    }
    out
}

fn unfinished(report: &CheckReport, settings: &CheckSettings) -> Vec<Finding> {
    report
        .areas()
        .into_iter()
        .filter(|area| area.asked && area.report.is_none())
        .map(|area| {
            Finding::new(
                codes::UNFINISHED,
                &report.domain,
                format!(
                    "the {} audit did not finish within {} s",
                    area.name,
                    settings.budget.as_secs_f64()
                ),
            )
        })
        .collect()
}

/// A DMARC record, no SPF record and no DKIM key among the selectors tried.
fn nothing_aligns(report: &CheckReport) -> Option<Finding> {
    let dmarc = report.dmarc.as_ref()?.record.as_ref()?;
    let spf = report.spf.as_ref()?;
    let dkim = report.dkim.as_ref()?;
    if spf.tree.is_some() || spf.incomplete || dkim.incomplete {
        return None;
    }
    let key_found = dkim
        .selectors
        .iter()
        .any(|s| s.status == SelectorStatus::Found && s.records.iter().any(|r| r.key.is_some()));
    if key_found {
        return None;
    }
    let keys = if dkim.no_domainkey {
        format!("no DKIM key (_domainkey.{} does not exist)", dkim.domain)
    } else {
        format!(
            "no DKIM key among the {} selectors tried",
            dkim.selectors_tried
        )
    };
    Some(Finding::new(
        codes::NOTHING_ALIGNS,
        &report.domain,
        format!(
            "{} is published, but there is no SPF record and {keys}",
            dmarc.name
        ),
    ))
}

/// Sessions on an MX host that senders honouring an MTA-STS `enforce` policy would refuse.
fn enforce_broken(report: &CheckReport) -> Vec<Finding> {
    let enforce = report
        .mta_sts
        .as_ref()
        .and_then(|m| m.policy.as_ref())
        .is_some_and(|p| p.mode == Some(Mode::Enforce));
    let Some(probe) = report.probe.as_ref().filter(|_| enforce) else {
        return Vec::new();
    };
    probe
        .sessions
        .iter()
        .filter(|s| s.connected)
        .filter_map(|s| {
            let why = match &s.tls {
                None => "it offers no STARTTLS".to_string(),
                Some(tls) if !tls.established => format!(
                    "the TLS handshake fails ({})",
                    tls.error.as_deref().unwrap_or("no reason given")
                ),
                Some(tls) => match &tls.facts.certificate {
                    Some(cert) if cert.verdict != CertVerdict::Valid => {
                        format!("its certificate does not validate: {}", cert.detail)
                    }
                    _ => return None,
                },
            };
            Some(Finding::new(
                codes::STS_ENFORCE_BROKEN,
                format!("{} [{}]:{}", s.host, s.address, s.port),
                format!(
                    "the MTA-STS policy of {} is enforce, so senders that honour it will not deliver to {}: {why}",
                    report.domain, s.host
                ),
            ))
        })
        .collect()
}

/// What a domain that sends no mail should publish.
fn parked(report: &CheckReport, domain: &str, why: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(spf) = &report.spf {
        let blocks_all = spf.tree.as_ref().is_some_and(|root| {
            let terms: Vec<&str> = root.terms.iter().map(|t| t.term.as_str()).collect();
            terms == ["-all"]
        });
        if !blocks_all && !spf.incomplete {
            let has = spf.tree.as_ref().map_or_else(
                || "no SPF record".to_string(),
                |root| format!("\"{}\"", root.record),
            );
            out.push(Finding::new(
                codes::PARKED_SPF,
                domain,
                format!("{why}, but it has {has}, not \"v=spf1 -all\""),
            ));
        }
    }
    if let Some(dmarc) = &report.dmarc {
        let policy = dmarc.policy.as_ref().and_then(|p| p.policy);
        if policy != Some(Policy::Reject) && !dmarc.incomplete {
            let has = policy.map_or_else(|| "no DMARC policy".to_string(), |p| format!("p={p}"));
            out.push(Finding::new(
                codes::PARKED_DMARC,
                domain,
                format!("{why}, but its DMARC policy is {has}, not p=reject"),
            ));
        }
    }
    out
}
