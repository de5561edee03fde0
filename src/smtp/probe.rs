//! The probe of many endpoints at once (RFC 5321 §5.1: every address of every MX host): which
//! endpoints a set of hosts and ports makes, and their sessions run concurrently, at most `jobs`
//! at a time, each within its own budget — so a run against hosts that never answer ends within
//! one budget (plus a little) when `jobs` covers them all.

use std::future::Future;

use futures_util::StreamExt;
use futures_util::stream;

use crate::dns::Dns;
use crate::finding::Finding;

use super::targets::{Targets, for_domain};
use super::{Endpoint, ProbeHost, ProbeReport, Role, Session, Settings, TlsMode, session};

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
    done: &dyn Fn(&Session),
) -> ProbeReport {
    let targets = for_domain(dns, domain).await;
    probe_targets(targets, Some(domain.to_string()), settings, done).await
}

/// The probe of every endpoint of `targets` (`probe --host`, or a domain's MX hosts).
pub async fn probe_targets(
    targets: Targets,
    domain: Option<String>,
    settings: &ProbeSettings,
    done: &dyn Fn(&Session),
) -> ProbeReport {
    let endpoints = endpoints(&targets.hosts, &settings.ports, &settings.implicit_tls);
    let (sessions, session_findings) =
        probe_all(&endpoints, &settings.session, settings.jobs, done).await;
    let mut findings = targets.findings;
    findings.extend(session_findings);
    ProbeReport {
        domain,
        hosts: targets.hosts,
        sessions,
        findings,
        incomplete: targets.incomplete,
    }
}

/// Every (address, port) of every host: a host's own port when it has one, else each of
/// `ports`. Ports in `implicit_tls` speak TLS from the start; they and the submission ports are
/// held to a client's standard of certificate validation.
pub fn endpoints(hosts: &[ProbeHost], ports: &[u16], implicit_tls: &[u16]) -> Vec<Endpoint> {
    let mut out: Vec<Endpoint> = Vec::new();
    for host in hosts {
        let host_ports = host.port.map_or_else(|| ports.to_vec(), |p| vec![p]);
        for &address in &host.addresses {
            for &port in &host_ports {
                let implicit = implicit_tls.contains(&port);
                let endpoint = Endpoint {
                    host: host.name.clone(),
                    address,
                    port,
                    tls: if implicit {
                        TlsMode::Implicit
                    } else {
                        TlsMode::Starttls
                    },
                    role: if implicit || SUBMISSION_PORTS.contains(&port) {
                        Role::Submission
                    } else {
                        Role::Relay
                    },
                };
                if !out.contains(&endpoint) {
                    out.push(endpoint);
                }
            }
        }
    }
    out
}

/// Probes every endpoint, `jobs` at a time; `done` is told of each session as it ends. Sessions
/// come back in the order of `endpoints`, with all their findings.
async fn probe_all(
    endpoints: &[Endpoint],
    settings: &Settings,
    jobs: usize,
    done: &dyn Fn(&Session),
) -> (Vec<Session>, Vec<Finding>) {
    let results = in_order(
        endpoints,
        jobs,
        |endpoint| session::run(endpoint, settings),
        |(session, _)| done(session),
    )
    .await;
    let mut sessions = Vec::with_capacity(results.len());
    let mut findings = Vec::new();
    for (session, f) in results {
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
    let mut results: Vec<(usize, R)> = stream::iter(items.iter().enumerate())
        .map(|(i, item)| {
            let fut = run(item);
            async move { (i, fut.await) }
        })
        .buffer_unordered(jobs.max(1))
        .inspect(|(_, r)| done(r))
        .collect()
        .await;
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
            },
            ProbeHost {
                name: "smtp.example.com".into(),
                preference: None,
                port: Some(2525),
                addresses: vec!["192.0.2.2".parse().unwrap()],
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
}
