//! RFC 6186 discovery: each service's SRV records (RFC 2782) looked up concurrently, checked —
//! the "." target that says a service is not offered, port 0, targets that are not host names,
//! targets that are aliases or have no address — and ordered as a client tries them: lowest
//! priority first, then the heaviest weight.

use std::net::IpAddr;

use futures_util::future::join_all;

use crate::dns::{Answer, Dns, Rdata, RecordType};
use crate::finding::Finding;

use super::{Published, Service, ServiceRecords, SrvTarget, codes};

/// SRV records read per service; real services have one to a handful.
pub const MAX_RECORDS: usize = 32;
/// Addresses kept per target host.
pub const MAX_ADDRESSES: usize = 8;

/// What discovery found, and the findings on the way.
#[derive(Debug, Default)]
pub struct Discovery {
    pub services: Vec<ServiceRecords>,
    pub findings: Vec<Finding>,
    /// A lookup failed, so a service or an address may be missing.
    pub incomplete: bool,
}

/// The SRV records of every one of `services` under `domain`, with their targets' addresses.
pub async fn discover(dns: &Dns, domain: &str, services: &[Service]) -> Discovery {
    let answers = join_all(services.iter().map(|s| async move {
        let name = s.srv_name(domain);
        let answer = dns.lookup(&name, RecordType::Srv).await;
        (*s, name, answer)
    }))
    .await;
    let mut discovery = Discovery::default();
    for (service, name, answer) in answers {
        let records = match answer {
            Ok(answer) => read_records(&name, &answer, &mut discovery.findings),
            Err(e) => {
                discovery.findings.push(e.finding(&name));
                discovery.incomplete = true;
                discovery.services.push(ServiceRecords {
                    service,
                    name,
                    published: Published::Unknown,
                    records: Vec::new(),
                });
                continue;
            }
        };
        discovery
            .services
            .push(classify(service, name, records, &mut discovery.findings));
    }
    resolve_targets(dns, &mut discovery).await;
    if discovery
        .services
        .iter()
        .all(|s| s.published == Published::Absent)
    {
        discovery.findings.push(Finding::new(
            codes::SRV_NONE,
            domain,
            format!(
                "{domain} publishes no RFC 6186 SRV record (_submissions._tcp, _imaps._tcp, \
                 ...): mail programs cannot configure themselves from the address alone"
            ),
        ));
    }
    discovery
}

/// The SRV records of one answer, at most [`MAX_RECORDS`], in the order clients try them.
fn read_records(name: &str, answer: &Answer, findings: &mut Vec<Finding>) -> Vec<SrvTarget> {
    let mut records: Vec<SrvTarget> = answer
        .records()
        .iter()
        .filter_map(|r| match r {
            Rdata::Srv {
                priority,
                weight,
                port,
                target,
            } => Some(SrvTarget {
                priority: *priority,
                weight: *weight,
                port: *port,
                target: target.clone(),
                alias_of: None,
                addresses: Vec::new(),
            }),
            _ => None,
        })
        .collect();
    records.sort_by_key(|r| (r.priority, std::cmp::Reverse(r.weight)));
    if records.len() > MAX_RECORDS {
        findings.push(Finding::new(
            codes::PROBE_LIMIT,
            name,
            format!(
                "{name} has {} SRV records; the first {MAX_RECORDS} are looked at",
                records.len()
            ),
        ));
        records.truncate(MAX_RECORDS);
    }
    records
}

/// Whether the service is offered, keeping only the records a client can use.
fn classify(
    service: Service,
    name: String,
    records: Vec<SrvTarget>,
    findings: &mut Vec<Finding>,
) -> ServiceRecords {
    let published = if records.is_empty() {
        Published::Absent
    } else if records.len() == 1 && records[0].target.is_empty() {
        findings.push(Finding::new(
            codes::SRV_NOT_OFFERED,
            &name,
            format!("{name} is \".\": {} is not offered", service.name()),
        ));
        Published::NotOffered
    } else {
        Published::Offered
    };
    let mut usable = Vec::new();
    for record in records {
        if published == Published::NotOffered {
            usable.push(record);
        } else if let Some(why) = unusable(&record) {
            findings.push(Finding::new(
                codes::SRV_INVALID,
                &name,
                format!(
                    "{name} SRV {} {} {} {}: {why}",
                    record.priority,
                    record.weight,
                    record.port,
                    shown_target(&record.target)
                ),
            ));
        } else {
            usable.push(record);
        }
    }
    ServiceRecords {
        service,
        name,
        published,
        records: usable,
    }
}

/// Why a record among others cannot be used.
fn unusable(record: &SrvTarget) -> Option<&'static str> {
    if record.target.is_empty() {
        Some("the target \".\" says the service is not offered, but other records say it is")
    } else if record.port == 0 {
        Some("port 0 cannot be connected to")
    } else if !is_host_name(&record.target) {
        Some("the target is not a host name (letters, digits and hyphens in each label)")
    } else {
        None
    }
}

fn shown_target(target: &str) -> String {
    if target.is_empty() {
        ".".into()
    } else {
        format!("{target}.")
    }
}

/// RFC 1123 §2.1: letters, digits and hyphens, no hyphen at either end of a label, and a last
/// label that is not all digits (which would be an address).
fn is_host_name(name: &str) -> bool {
    let labels: Vec<&str> = name.split('.').collect();
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    name.len() <= 253
        && labels.iter().all(|l| label_ok(l))
        && !labels
            .last()
            .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()))
}

/// Each distinct target's CNAME, A and AAAA, looked up at once.
async fn resolve_targets(dns: &Dns, discovery: &mut Discovery) {
    let mut targets: Vec<String> = Vec::new();
    for s in &discovery.services {
        for r in &s.records {
            if !r.target.is_empty() && !targets.contains(&r.target) {
                targets.push(r.target.clone());
            }
        }
    }
    let found = join_all(targets.iter().map(|t| look_up(dns, t))).await;
    for (target, (alias_of, addresses, findings, failed)) in targets.iter().zip(found) {
        discovery.findings.extend(findings);
        discovery.incomplete |= failed;
        for s in &mut discovery.services {
            for r in s.records.iter_mut().filter(|r| &r.target == target) {
                r.alias_of.clone_from(&alias_of);
                r.addresses.clone_from(&addresses);
            }
        }
    }
}

/// What a target is: the name it is an alias of, its addresses, the findings, and whether a
/// lookup failed.
async fn look_up(dns: &Dns, target: &str) -> (Option<String>, Vec<IpAddr>, Vec<Finding>, bool) {
    let (cname, (addresses, mut findings, failed)) = tokio::join!(
        dns.lookup(target, RecordType::Cname),
        addresses(dns, target)
    );
    let alias_of = cname.ok().and_then(|answer| {
        answer.records().iter().find_map(|r| match r {
            Rdata::Cname(to) => Some(to.clone()),
            _ => None,
        })
    });
    if let Some(to) = &alias_of {
        findings.push(Finding::new(
            codes::SRV_CNAME,
            target,
            format!("the SRV target {target} is an alias (CNAME) of {to}"),
        ));
    }
    (alias_of, addresses, findings, failed)
}

/// A host's A and AAAA addresses (at most [`MAX_ADDRESSES`]), the findings of the lookups, and
/// whether one failed. A host with none is `client-srv-no-address`.
pub async fn addresses(dns: &Dns, host: &str) -> (Vec<IpAddr>, Vec<Finding>, bool) {
    let (a, aaaa) = tokio::join!(
        dns.lookup(host, RecordType::A),
        dns.lookup(host, RecordType::Aaaa)
    );
    let mut addresses = Vec::new();
    let mut findings = Vec::new();
    let mut failed = false;
    for answer in [a, aaaa] {
        match answer {
            Ok(answer) => addresses.extend(answer.records().iter().filter_map(Rdata::address)),
            Err(e) => {
                failed = true;
                findings.push(e.finding(host));
            }
        }
    }
    if addresses.len() > MAX_ADDRESSES {
        findings.push(Finding::new(
            codes::PROBE_LIMIT,
            host,
            format!(
                "{host} has {} addresses; the first {MAX_ADDRESSES} are probed",
                addresses.len()
            ),
        ));
        addresses.truncate(MAX_ADDRESSES);
    }
    if addresses.is_empty() && !failed {
        findings.push(Finding::new(
            codes::SRV_NO_ADDRESS,
            host,
            format!("{host} has no A or AAAA record; mail programs sent to it cannot connect"),
        ));
    }
    (addresses, findings, failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_are_ldh_with_a_non_numeric_top_label() {
        for good in ["mail.example.com", "imap-1.example.net", "a", "x1.y2"] {
            assert!(is_host_name(good), "{good}");
        }
        for bad in [
            "_imap.example.com",
            "-a.example",
            "a-.example",
            "192.0.2.1",
            "a..b",
            "",
        ] {
            assert!(!is_host_name(bad), "{bad}");
        }
    }

    #[test]
    fn orders_by_priority_then_heaviest_weight() {
        let srv = |priority, weight, target: &str| Rdata::Srv {
            priority,
            weight,
            port: 993,
            target: target.into(),
        };
        let answer = Answer::Records(vec![srv(20, 0, "c"), srv(10, 5, "b"), srv(10, 60, "a")]);
        let mut findings = Vec::new();
        let order: Vec<String> = read_records("n", &answer, &mut findings)
            .into_iter()
            .map(|r| r.target)
            .collect();
        assert_eq!(order, ["a", "b", "c"]);
        assert!(findings.is_empty());
    }
}
