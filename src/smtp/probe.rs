//! The probe of many endpoints at once (RFC 5321 §5.1: every address of every MX host): which
//! endpoints a set of hosts and ports makes, and their sessions run concurrently, at most `jobs`
//! at a time, each within its own budget — so a run against hosts that never answer ends within
//! one budget (plus a little) when `jobs` covers them all — and all within the run's deadline:
//! an endpoint whose turn comes after it is not started, only counted.

use std::collections::HashSet;
use std::future::Future;
use std::net::IpAddr;
use std::sync::Arc;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;

use crate::dns::Dns;
use crate::finding::Finding;
use crate::tls::dane::DaneInput;

use super::targets::{Targets, for_domain};
use super::{Endpoint, ProbeHost, ProbeReport, Role, Session, Settings, TlsMode, codes, session};

/// Ports whose clients are users' mail programs (RFC 8314 §3, RFC 6409).
const SUBMISSION_PORTS: &[u16] = &[465, 587];

/// How the hosts are probed: the session settings, the ports and the concurrency.
#[derive(Debug, Clone)]
pub struct ProbeSettings {
    pub session: Settings,
    /// Ports probed with STARTTLS (25 by default).
    pub ports: Vec<u16>,
    /// Ports that speak TLS first (465).
    pub implicit_tls: Vec<u16>,
    /// Sessions at once.
    pub jobs: usize,
}

/// The probe of every address of every MX host of `domain` (already normalised), as `probe
/// DOMAIN` and `check` do it; `done` is told of each session as it ends.
pub async fn probe_domain(
    dns: &Dns,
    domain: &str,
    settings: &ProbeSettings,
    done: &(dyn Fn(&Session) + Sync),
) -> ProbeReport {
    let mut targets = for_domain(dns, domain).await;
    dane_inputs(dns, domain, &mut targets.hosts).await;
    probe_targets(targets, Some(domain.to_string()), settings, done).await
}

/// Each host's TLSA records, where DANE applies to it (secure MX, addresses and TLSA): its
/// addresses' chains are then matched against them. The names a DANE-TA certificate may carry
/// are the MX host and the domain (RFC 7672 §3.2.2).
async fn dane_inputs(dns: &Dns, domain: &str, hosts: &mut [ProbeHost]) {
    let names: Vec<String> = hosts.iter().map(|h| h.name.clone()).collect();
    let dane = crate::dnssec::dane::lookup(dns, domain, &names, false).await;
    for host in hosts {
        if let Some(found) = dane.applying(&host.name) {
            host.dane = Some(Arc::new(DaneInput {
                tlsa: found.tlsa.clone(),
                names: vec![host.name.clone(), domain.to_string()],
            }));
        }
    }
}

/// The probe of every endpoint of `targets` (`probe --host`, or a domain's MX hosts).
pub async fn probe_targets(
    targets: Targets,
    domain: Option<String>,
    settings: &ProbeSettings,
    done: &(dyn Fn(&Session) + Sync),
) -> ProbeReport {
    let endpoints = endpoints(&targets.hosts, &settings.ports, &settings.implicit_tls);
    let (sessions, session_findings) =
        probe_all(&endpoints, &settings.session, settings.jobs, done).await;
    let mut findings = targets.findings;
    findings.extend(tlsa_findings(&targets.hosts));
    findings.extend(session_findings);
    let subject = domain
        .as_deref()
        .or(endpoints.first().map(|e| e.host.as_str()));
    let not_probed = subject.and_then(|subject| {
        not_probed(&settings.session, subject, endpoints.len(), sessions.len())
    });
    let incomplete = targets.incomplete || not_probed.is_some();
    findings.extend(not_probed);
    ProbeReport {
        domain,
        hosts: targets.hosts,
        sessions,
        findings,
        incomplete,
    }
}

/// What each host's TLSA RRset is worth before any chain is looked at (RFC 7672 §3.1).
fn tlsa_findings(hosts: &[ProbeHost]) -> Vec<Finding> {
    hosts
        .iter()
        .filter_map(|h| Some((h, h.dane.as_ref()?)))
        .flat_map(|(host, dane)| {
            crate::tls::dane::lints(&format!("_25._tcp.{}", host.name), &dane.tlsa)
        })
        .collect()
}

/// The finding for the endpoints of a run that were not started because its deadline had
/// passed — the run's own, not any server's — when `probed` of `total` falls short.
pub fn not_probed(
    settings: &Settings,
    subject: &str,
    total: usize,
    probed: usize,
) -> Option<Finding> {
    let deadline = settings.deadline.as_ref()?;
    let missing = total.checked_sub(probed).filter(|&n| n > 0)?;
    Some(Finding::new(
        codes::PROBE_DEADLINE,
        subject,
        format!(
            "{missing} of {total} endpoints were not probed: {} of {} s ran out first",
            deadline.named,
            deadline.length.as_secs_f64()
        ),
    ))
}

/// Every (address, port) of every host, each once: a host's own port when it has one, else
/// each of `ports`. Ports in `implicit_tls` speak TLS from the start; they and the submission
/// ports are held to a client's standard of certificate validation.
pub fn endpoints(hosts: &[ProbeHost], ports: &[u16], implicit_tls: &[u16]) -> Vec<Endpoint> {
    let mut seen: HashSet<(&str, IpAddr, u16)> = HashSet::new();
    let mut out: Vec<Endpoint> = Vec::new();
    for host in hosts {
        let host_ports = host.port.as_ref().map_or(ports, std::slice::from_ref);
        for &address in &host.addresses {
            for &port in host_ports {
                if !seen.insert((host.name.as_str(), address, port)) {
                    continue;
                }
                let implicit = implicit_tls.contains(&port);
                let relay = !implicit && !SUBMISSION_PORTS.contains(&port);
                out.push(Endpoint {
                    host: host.name.clone(),
                    address,
                    port,
                    tls: if implicit {
                        TlsMode::Implicit
                    } else {
                        TlsMode::Starttls
                    },
                    role: if relay { Role::Relay } else { Role::Submission },
                    dane: host.dane.clone().filter(|_| relay),
                });
            }
        }
    }
    out
}

/// Probes every endpoint, `jobs` at a time; `done` is told of each session as it ends. Sessions
/// come back in the order of `endpoints`, with all their findings; an endpoint whose turn comes
/// after the run's deadline is not started and has none.
async fn probe_all(
    endpoints: &[Endpoint],
    settings: &Settings,
    jobs: usize,
    done: &(dyn Fn(&Session) + Sync),
) -> (Vec<Session>, Vec<Finding>) {
    let results = in_order(
        endpoints,
        jobs,
        |endpoint| async move {
            if settings.out_of_time() {
                return None;
            }
            Some(session::run(endpoint, settings).await)
        },
        |result| {
            if let Some((session, _)) = result {
                done(session);
            }
        },
    )
    .await;
    let mut sessions = Vec::with_capacity(results.len());
    let mut findings = Vec::new();
    for (session, f) in results.into_iter().flatten() {
        sessions.push(session);
        findings.extend(f);
    }
    (sessions, findings)
}

/// `run` on every item, `jobs` at a time, `done` told of each result as it comes; the results
/// in the order of `items`, however they finished.
pub async fn in_order<'a, T, R, Fut>(
    items: &'a [T],
    jobs: usize,
    run: impl Fn(&'a T) -> Fut,
    done: impl Fn(&R),
) -> Vec<R>
where
    Fut: Future<Output = R>,
{
    // A loop rather than stream combinators: a closure over the items makes the future of a
    // whole domain's check not Send, and bulk runs spawn each domain's check as a task.
    let mut pending = FuturesUnordered::new();
    let mut next = items.iter().enumerate();
    let mut results: Vec<(usize, R)> = Vec::with_capacity(items.len());
    loop {
        while pending.len() < jobs.max(1) {
            let Some((i, item)) = next.next() else {
                break;
            };
            let fut = run(item);
            pending.push(async move { (i, fut.await) });
        }
        let Some((i, result)) = pending.next().await else {
            break;
        };
        done(&result);
        results.push((i, result));
    }
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_an_endpoint_per_address_and_port() {
        let hosts = [
            ProbeHost {
                name: "mx.example.com".into(),
                preference: Some(10),
                port: None,
                addresses: vec!["192.0.2.1".parse().unwrap(), "2001:db8::1".parse().unwrap()],
                dane: None,
            },
            ProbeHost {
                name: "smtp.example.com".into(),
                preference: None,
                port: Some(2525),
                addresses: vec!["192.0.2.2".parse().unwrap()],
                dane: None,
            },
        ];
        let all = endpoints(&hosts, &[25, 465, 587], &[465]);
        assert_eq!(all.len(), 7);
        assert_eq!(all[1].tls, TlsMode::Implicit);
        assert_eq!(all[1].role, Role::Submission);
        assert_eq!(all[2].role, Role::Submission);
        assert_eq!(all[0].role, Role::Relay);
        assert_eq!(all[6].port, 2525);
        assert_eq!(all[6].label(), "smtp.example.com [192.0.2.2]:2525");
    }

    #[test]
    fn makes_each_endpoint_once() {
        let host = ProbeHost {
            name: "mx.example.com".into(),
            preference: Some(10),
            port: None,
            addresses: vec!["192.0.2.1".parse().unwrap(); 3],
            dane: None,
        };
        let all = endpoints(&[host.clone(), host], &[25, 25, 587], &[465]);
        let ports: Vec<u16> = all.iter().map(|e| e.port).collect();
        assert_eq!(ports, [25, 587]);
    }
}
