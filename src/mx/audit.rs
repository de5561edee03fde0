//! The MX audit of a domain as a sender resolves it (RFC 5321 §5.1): the MX records, or the
//! implicit MX when there are none, or a null MX (RFC 7505); then every host's A and AAAA
//! records and its CNAME, concurrently, and for every address its reverse DNS — all within
//! the time budget, and bounded in hosts, addresses and PTR names.

use std::collections::BTreeMap;
use std::net::IpAddr;

use futures_util::future::join_all;
use tokio::time::Instant;

use crate::dns::{Answer, Dns, Rdata, RecordType};
use crate::finding::Finding;

use super::lints::{self, is_ip_literal};
use super::lookup::{Asker, Miss, Notes};
use super::{
    Delivery, HostStatus, MAX_ADDRESSES_PER_FAMILY, MAX_HOSTS, MxAddress, MxHost, MxReport,
    MxSettings, ReverseDns, codes, reverse, special_block,
};

/// A host to look up: its name and lowest preference.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Planned {
    preference: u16,
    name: String,
    /// The domain itself, standing in for missing MX records.
    implicit: bool,
}

/// Audits where mail for `domain` (normalised) goes.
pub async fn audit_domain(dns: &Dns, domain: &str, settings: MxSettings) -> MxReport {
    let asker = Asker {
        dns,
        deadline: Instant::now() + settings.budget,
    };
    let mut report = MxReport {
        dnssec: None,
        domain: domain.to_string(),
        delivery: Delivery::Unknown,
        null_mx: false,
        hosts: Vec::new(),
        records: Vec::new(),
        findings: Vec::new(),
        incomplete: false,
    };
    let mut notes = Notes::default();
    match asker.ask(domain, RecordType::Mx).await {
        Err(miss) => {
            notes.miss(&miss, domain);
            report.incomplete = true;
        }
        Ok(Answer::NxDomain) => {
            report.delivery = Delivery::None;
            report.findings.push(Finding::new(
                codes::UNDELIVERABLE,
                domain,
                format!("{domain} does not exist (NXDOMAIN): mail to it bounces"),
            ));
        }
        Ok(answer) => {
            let records = mx_records(answer.records());
            report.records.clone_from(&records);
            if records.is_empty() {
                implicit(asker, settings, &mut report, &mut notes).await;
            } else {
                explicit(asker, settings, &records, &mut report, &mut notes).await;
            }
        }
    }
    report.findings.extend(notes.findings);
    report.findings.extend(lints::lint_hosts(&report));
    if notes.deadline {
        let secs = settings.budget.as_secs_f64();
        let message = if report.incomplete {
            format!("{domain} MX was not answered within {secs} s")
        } else {
            format!(
                "not every lookup was answered within {secs} s; what was not is shown as unknown"
            )
        };
        report
            .findings
            .push(Finding::new(codes::AUDIT_DEADLINE, domain, message));
    }
    report
}

/// The (preference, exchange) pairs of an MX answer; the null MX's exchange is "".
fn mx_records(records: &[Rdata]) -> Vec<(u16, String)> {
    records
        .iter()
        .filter_map(|r| match r {
            Rdata::Mx {
                preference,
                exchange,
            } => Some((*preference, crate::dns::name::canonical(exchange))),
            _ => None,
        })
        .collect()
}

/// No MX records: the domain is its own mail exchanger, with preference 0 (RFC 5321 §5.1).
async fn implicit(
    asker: Asker<'_>,
    settings: MxSettings,
    report: &mut MxReport,
    notes: &mut Notes,
) {
    let domain = report.domain.clone();
    let plan = Planned {
        preference: 0,
        name: domain.clone(),
        implicit: true,
    };
    let (host, host_notes) = resolve_host(asker, &plan, settings).await;
    notes.merge(host_notes);
    let (delivery, finding) = match host.status {
        HostStatus::NoAddress | HostStatus::NxDomain => (
            Delivery::None,
            Finding::new(
                codes::UNDELIVERABLE,
                &domain,
                format!("{domain} has no MX records and no A or AAAA record: mail to it bounces"),
            ),
        ),
        HostStatus::Resolved => {
            let ips: Vec<String> = host.addresses.iter().map(|a| a.ip.to_string()).collect();
            (
                Delivery::Implicit,
                Finding::new(
                    codes::MISSING,
                    &domain,
                    format!(
                        "no MX records: mail goes to {domain}'s own address{} {} (implicit MX)",
                        if ips.len() == 1 { "" } else { "es" },
                        ips.join(", ")
                    ),
                ),
            )
        }
        HostStatus::Failed | HostStatus::NotFollowed => (
            Delivery::Implicit,
            Finding::new(
                codes::MISSING,
                &domain,
                format!(
                    "no MX records: mail goes to {domain}'s own A/AAAA addresses (implicit MX), \
                     which could not be looked up"
                ),
            ),
        ),
    };
    report.delivery = delivery;
    report.findings.push(finding);
    report.hosts.push(host);
}

/// MX records exist: a null MX alone, or hosts to follow.
async fn explicit(
    asker: Asker<'_>,
    settings: MxSettings,
    records: &[(u16, String)],
    report: &mut MxReport,
    notes: &mut Notes,
) {
    let (null, others): (Vec<_>, Vec<_>) = records.iter().partition(|(_, name)| name.is_empty());
    let null: Vec<u16> = null.iter().map(|(preference, _)| *preference).collect();
    report.null_mx = !null.is_empty();
    if others.is_empty() {
        report.delivery = Delivery::NullMx;
        report.findings.push(lints::null_mx(&report.domain, &null));
        return;
    }
    report.delivery = Delivery::Mx;
    if report.null_mx {
        let mixed = lints::null_mx_mixed(&report.domain, &null, &others);
        report.findings.push(mixed);
    }
    let (planned, duplicates) = plan_hosts(&others);
    report.findings.extend(duplicates);
    follow(asker, settings, &planned, report, notes).await;
}

/// Looks the first [`MAX_HOSTS`] hosts up at once; the rest are listed, not followed.
async fn follow(
    asker: Asker<'_>,
    settings: MxSettings,
    planned: &[Planned],
    report: &mut MxReport,
    notes: &mut Notes,
) {
    let followed = planned.len().min(MAX_HOSTS);
    let resolved = join_all(
        planned[..followed]
            .iter()
            .map(|plan| resolve_host(asker, plan, settings)),
    )
    .await;
    for (host, host_notes) in resolved {
        report.hosts.push(host);
        notes.merge(host_notes);
    }
    for plan in &planned[followed..] {
        report.hosts.push(unresolved(plan, HostStatus::NotFollowed));
    }
    if planned.len() > MAX_HOSTS {
        report.findings.push(Finding::new(
            codes::AUDIT_LIMIT,
            &report.domain,
            format!(
                "{} MX hosts; the first {MAX_HOSTS} by preference were looked up",
                planned.len()
            ),
        ));
    }
}

/// Each host once, by preference then name, with its lowest preference; a finding for each host
/// named more than once.
fn plan_hosts(records: &[&(u16, String)]) -> (Vec<Planned>, Vec<Finding>) {
    let mut by_name: BTreeMap<&str, Vec<u16>> = BTreeMap::new();
    for (preference, name) in records {
        by_name.entry(name.as_str()).or_default().push(*preference);
    }
    let mut duplicates = Vec::new();
    let mut planned: Vec<Planned> = by_name
        .into_iter()
        .map(|(name, mut preferences)| {
            preferences.sort_unstable();
            if preferences.len() > 1 {
                duplicates.push(lints::duplicate_host(name, &preferences));
            }
            Planned {
                preference: preferences[0],
                name: name.to_string(),
                implicit: false,
            }
        })
        .collect();
    planned.sort_by(|a, b| (a.preference, &a.name).cmp(&(b.preference, &b.name)));
    (planned, duplicates)
}

fn unresolved(plan: &Planned, status: HostStatus) -> MxHost {
    MxHost {
        dnssec: None,
        preference: plan.preference,
        name: plan.name.clone(),
        cname: None,
        ip_literal: is_ip_literal(&plan.name),
        status,
        addresses: Vec::new(),
        complete: false,
    }
}

/// One host's CNAME, A and AAAA records, asked at once, then its addresses' reverse DNS.
async fn resolve_host(asker: Asker<'_>, plan: &Planned, settings: MxSettings) -> (MxHost, Notes) {
    let name = plan.name.as_str();
    // The domain itself may be an alias: RFC 5321 §5.1 follows it. Only MX data must not be.
    let cname = async {
        if plan.implicit {
            None
        } else {
            Some(asker.ask(name, RecordType::Cname).await)
        }
    };
    let (a, aaaa, cname) = tokio::join!(
        asker.ask(name, RecordType::A),
        asker.ask(name, RecordType::Aaaa),
        cname
    );
    let mut notes = Notes::default();
    let mut host = unresolved(plan, HostStatus::Failed);
    host.cname = match cname {
        Some(Ok(answer)) => answer.records().iter().find_map(|r| match r {
            Rdata::Cname(target) => Some(target.clone()),
            _ => None,
        }),
        Some(Err(miss)) => {
            notes.miss(&miss, name);
            None
        }
        None => None,
    };
    let v4 = family(&a, name, &mut notes);
    let v6 = family(&aaaa, name, &mut notes);
    host.complete = a.is_ok() && aaaa.is_ok();
    host.status = status(&a, &aaaa, v4.len() + v6.len());
    let ips = v4.into_iter().chain(v6).collect::<Vec<_>>();
    let checked = join_all(ips.into_iter().map(|ip| async move {
        if settings.reverse_dns {
            reverse::check(asker, ip, name).await
        } else {
            (unchecked(ip), Notes::default())
        }
    }))
    .await;
    for (address, address_notes) in checked {
        host.addresses.push(address);
        notes.merge(address_notes);
    }
    (host, notes)
}

/// The addresses of one A or AAAA answer, in numeric order and capped; a lookup that gave no
/// answer is noted.
fn family(answer: &Result<Answer, Miss>, name: &str, notes: &mut Notes) -> Vec<IpAddr> {
    let answer = match answer {
        Ok(answer) => answer,
        Err(miss) => {
            notes.miss(miss, name);
            return Vec::new();
        }
    };
    let (ips, over) = super::bounded_addresses(answer);
    if let Some((total, kind)) = over {
        notes.findings.push(Finding::new(
            codes::AUDIT_LIMIT,
            name,
            format!(
                "{name} has {total} {kind} records; the first {MAX_ADDRESSES_PER_FAMILY} were checked"
            ),
        ));
    }
    ips
}

fn status(a: &Result<Answer, Miss>, aaaa: &Result<Answer, Miss>, found: usize) -> HostStatus {
    match (a, aaaa) {
        _ if found > 0 => HostStatus::Resolved,
        (Err(_), _) | (_, Err(_)) => HostStatus::Failed,
        (Ok(Answer::NxDomain), Ok(Answer::NxDomain)) => HostStatus::NxDomain,
        _ => HostStatus::NoAddress,
    }
}

fn unchecked(ip: IpAddr) -> MxAddress {
    MxAddress {
        ip,
        special: special_block(ip),
        ptr: Vec::new(),
        reverse_dns: ReverseDns::Unknown,
        confirmed_by: None,
    }
}
