//! One domain's DNSSEC audit: the chain of trust to its zone and what it says (RFC 4035 §5,
//! RFC 8624), and the status of the answers another audit used, with the reason for each bogus
//! one.

use futures_util::future::join_all;
use hickory_proto::rr::Name;

use super::chain::{Chain, ZoneLink, walk};
use super::codes;
use super::diagnose::diagnose;
use super::records::{EXPIRING_DAYS, SigVerdict, now_secs};
use super::report::DnssecReport;
use crate::dns::anchor::Anchor;
use crate::dns::{Dns, Judged, Security};
use crate::finding::Finding;

/// Bogus answers explained one by one; the rest are counted in one finding.
const MAX_EXPLAINED: usize = 20;

/// The chain of trust to `domain`'s zone, its MX hosts' TLSA records, and their findings.
/// `anchors` are those of `--trust-anchor` (empty: the root's built-in ones); with
/// `lint_tlsa`, the TLSA records' own findings too (the probe lints them where it runs).
pub async fn audit_domain(
    dns: &Dns,
    domain: &str,
    anchors: &[Anchor],
    lint_tlsa: bool,
) -> DnssecReport {
    let validation = dns.validation();
    let mut report = DnssecReport {
        domain: domain.to_string(),
        validation,
        chain: None,
        answers: Vec::new(),
        dane: Vec::new(),
        findings: Vec::new(),
        incomplete: false,
    };
    if validation.is_none() {
        return report;
    }
    let Ok(mut name) = Name::from_ascii(domain) else {
        report.incomplete = true;
        return report;
    };
    name.set_fqdn(true);
    let (chain, dane) = tokio::join!(
        walk(dns, &name, anchors, now_secs()),
        mx_dane(dns, domain, lint_tlsa)
    );
    report.findings = chain_findings(&chain, domain, anchors.is_empty());
    report.findings.extend(dane.findings);
    report.dane = dane.hosts;
    report.incomplete = chain.status == Security::Indeterminate;
    report.chain = Some(chain);
    report
}

/// Adds the answers another audit used, explaining each bogus one (re-fetched as sent).
pub async fn judge_answers(dns: &Dns, report: &mut DnssecReport, mut answers: Vec<Judged>) {
    // Lookups run at once, so the order they were used in differs from run to run.
    answers.sort_by(|a, b| (&a.name, a.rtype).cmp(&(&b.name, b.rtype)));
    let chain = report.chain.clone();
    if chain.as_ref().is_some_and(|c| c.upstream_strips) {
        // Nothing could validate through this resolver: no answer's own fault.
        for answer in &mut answers {
            answer.dnssec = crate::dns::Dnssec::because(
                Security::Indeterminate,
                "the resolver returns no DNSSEC records",
            );
        }
        report.answers = answers;
        return;
    }
    let failed = |a: &Judged| matches!(a.dnssec.status, Security::Bogus | Security::Indeterminate);
    // The first MAX_EXPLAINED failed answers, each explained: all at once, as each re-fetches
    // its own records.
    let explained: Vec<usize> = (0..answers.len())
        .filter(|&i| failed(&answers[i]))
        .take(MAX_EXPLAINED)
        .collect();
    let (seen, chain) = (&answers, chain.as_ref());
    let diagnoses = join_all(
        explained
            .iter()
            .filter(|&&i| seen[i].dnssec.reason.is_none())
            .map(|&i| async move { (i, diagnose(dns, &seen[i], chain).await) }),
    )
    .await;
    for (i, (status, reason)) in diagnoses {
        answers[i].dnssec.status = status;
        answers[i].dnssec.reason = Some(reason);
    }
    let bogus = answers.iter().filter(|a| failed(a)).count();
    // Answers failing for one reason (a zone's broken chain fails all of its answers) make one
    // finding each: (status, reason, the answers).
    let mut groups: Vec<(Security, String, Vec<String>)> = Vec::new();
    for &i in &explained {
        let answer = &answers[i];
        let status = answer.dnssec.status;
        let reason = answer
            .dnssec
            .reason
            .clone()
            .unwrap_or_else(|| "validation failed".into());
        let subject = format!("{} {}", answer.name, answer.rtype);
        match groups.iter_mut().find(|g| g.0 == status && g.1 == reason) {
            Some(group) => group.2.push(subject),
            None => groups.push((status, reason, vec![subject])),
        }
    }
    for (status, reason, subjects) in &groups {
        report
            .findings
            .push(answers_finding(*status, reason, subjects));
    }
    if bogus > MAX_EXPLAINED {
        report.findings.push(Finding::new(
            codes::BOGUS,
            report.domain.clone(),
            format!(
                "{} more answers failed validation; the first {MAX_EXPLAINED} are explained",
                bogus - MAX_EXPLAINED
            ),
        ));
    }
    report.answers = answers;
}

/// The TLSA records of the domain's MX hosts (the MX audit's bound on hosts).
async fn mx_dane(dns: &Dns, domain: &str, lint: bool) -> super::dane::DaneHosts {
    let Ok(answer) = dns.lookup(domain, crate::dns::RecordType::Mx).await else {
        return super::dane::DaneHosts::default();
    };
    let mut hosts = crate::dns::mx_exchanges(answer.records());
    // A host named at two preferences is one host.
    let mut seen = std::collections::HashSet::new();
    hosts.retain(|h| seen.insert(h.clone()));
    hosts.truncate(crate::mx::MAX_HOSTS);
    super::dane::lookup(dns, domain, &hosts, lint).await
}

/// What the chain says of the domain's zone.
fn chain_findings(chain: &Chain, domain: &str, built_in: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    if chain.upstream_strips {
        let anchor = chain.zones.first().map_or(".", |z| z.zone.as_str());
        findings.push(Finding::new(
            codes::NO_DNSSEC_DATA,
            anchor,
            format!("the resolver returned the DNSKEY records of {anchor} without RRSIGs, or none"),
        ));
        return findings;
    } else if built_in && !chain.upstream_validates {
        findings.push(Finding::new(
            codes::RESOLVER_NOT_VALIDATING,
            ".",
            "the resolver did not set AD on the root's DNSKEY records; mailaudit validated \
             every answer itself",
        ));
    }
    let Some(zone) = chain.zones.last() else {
        return findings;
    };
    let reason = chain.reason.clone().unwrap_or_default();
    match chain.status {
        Security::Insecure => findings.push(Finding::new(
            codes::UNSIGNED,
            zone.zone.clone(),
            format!("{domain} is not protected by DNSSEC: {reason}"),
        )),
        Security::Indeterminate => findings.push(Finding::new(
            codes::INDETERMINATE,
            zone.zone.clone(),
            format!("the chain of trust could not be followed: {reason}"),
        )),
        Security::Bogus => findings.push(broken(chain, zone)),
        Security::Secure => {}
    }
    if !zone.signed {
        return findings;
    }
    for sig in &zone.signatures {
        if sig.verdict == SigVerdict::Valid && sig.days_left < EXPIRING_DAYS {
            findings.push(Finding::new(
                codes::SIGNATURE_EXPIRING,
                format!("{} {}", zone.zone, sig.covers),
                format!(
                    "the RRSIG over {} {} (key tag {}) expires on {}, in {}",
                    zone.zone,
                    sig.covers,
                    sig.key_tag,
                    sig.expiration,
                    days(sig.days_left)
                ),
            ));
        }
    }
    for key in zone.keys.iter().filter(|k| k.algorithm.deprecated()) {
        findings.push(Finding::new(
            codes::DEPRECATED_ALGORITHM,
            format!("{} DNSKEY", zone.zone),
            format!("key tag {} uses {}", key.key_tag, key.algorithm),
        ));
    }
    for ds in zone.ds.iter().filter(|d| d.digest_type == 1) {
        findings.push(Finding::new(
            codes::SHA1_DS,
            format!("{} DS", zone.zone),
            format!(
                "the DS for key tag {} uses digest type 1 (SHA-1)",
                ds.key_tag
            ),
        ));
    }
    findings
}

/// Answers bogus or indeterminate for one `reason`, named by the first; a few more listed.
fn answers_finding(status: Security, reason: &str, subjects: &[String]) -> Finding {
    const LISTED: usize = 4;
    let code = if status == Security::Bogus {
        codes::BOGUS
    } else {
        codes::INDETERMINATE
    };
    let (one, many) = if status == Security::Bogus {
        ("is bogus", "are bogus")
    } else {
        ("could not be validated", "could not be validated")
    };
    let Some((first, _)) = subjects.split_first() else {
        return Finding::new(code, "", reason.to_string());
    };
    if subjects.len() == 1 {
        return Finding::new(code, first.clone(), format!("the answer {one}: {reason}"));
    }
    let mut listed: Vec<String> = subjects.iter().take(LISTED).cloned().collect();
    if subjects.len() > LISTED {
        listed.push(format!("and {} more", subjects.len() - LISTED));
    }
    let listed = listed.join(", ");
    Finding::new(
        code,
        first.clone(),
        format!("{} answers {many} ({listed}): {reason}", subjects.len()),
    )
}

/// Where a bogus chain breaks: the first bogus zone from the anchor down (the zones below it
/// only inherit its status).
fn broken(chain: &Chain, last: &ZoneLink) -> Finding {
    let first = chain
        .zones
        .iter()
        .find(|z| z.status == Security::Bogus)
        .unwrap_or(last);
    let reason = first.reason.clone().unwrap_or_default();
    if first.ds.iter().all(|d| !d.matches_key) && !first.ds.is_empty() {
        return Finding::new(codes::DS_NO_DNSKEY, first.zone.clone(), reason);
    }
    Finding::new(
        codes::BOGUS,
        first.zone.clone(),
        format!("the chain of trust breaks at {}: {reason}", first.zone),
    )
}

/// "less than a day", "1 day", "2 days".
fn days(n: i64) -> String {
    match n {
        ..=0 => "less than a day".into(),
        1 => "1 day".into(),
        _ => format!("{n} days"),
    }
}
