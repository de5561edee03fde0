//! Which endpoints to probe: every address of every SRV target at its published port (RFC 6186
//! §3, RFC 2782) — or, when nothing is published, each standard port of each host given with
//! `--host` (RFC 8314 §3.3, RFC 6409 §3.1, and 2525, where providers block 587) — within
//! [`MAX_ENDPOINTS`].

use std::net::IpAddr;

use futures_util::future::join_all;

use crate::dns::Dns;
use crate::finding::Finding;
use crate::sanitize::quoted;

use super::{ClientEndpoint, Published, Service, ServiceRecords, Source, codes, srv};

/// Endpoints probed in one run.
pub const MAX_ENDPOINTS: usize = 64;

/// A port to probe a service on at `--host` hosts, instead of its standard ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortOverride {
    pub service: Service,
    pub port: u16,
}

/// Reads `SERVICE=PORT` (as `--port imaps=10993` gives it).
pub fn parse_port_override(text: &str) -> Result<PortOverride, String> {
    let (service, port) = text
        .split_once('=')
        .ok_or_else(|| format!("{} is not SERVICE=PORT", quoted(text)))?;
    let service = Service::from_name(service.trim()).ok_or_else(|| {
        format!(
            "{} is not a service (submissions, submission, imaps, imap, pop3s, pop3)",
            quoted(service)
        )
    })?;
    let port = port
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|&p| p > 0)
        .ok_or_else(|| format!("{} is not a port (1-65535)", quoted(port)))?;
    Ok(PortOverride { service, port })
}

/// The endpoints the published SRV records name.
pub fn from_srv(services: &[ServiceRecords]) -> Vec<ClientEndpoint> {
    let mut out = Vec::new();
    for s in services
        .iter()
        .filter(|s| s.published == Published::Offered)
    {
        for r in &s.records {
            for &address in &r.addresses {
                out.push(ClientEndpoint {
                    service: s.service,
                    host: r.target.clone(),
                    address,
                    port: r.port,
                    source: Source::Srv,
                });
            }
        }
    }
    dedup(out)
}

/// The hosts' addresses, and an endpoint for each of `services` on its ports at each address.
pub async fn at_hosts(
    dns: &Dns,
    hosts: &[String],
    services: &[Service],
    ports: &[PortOverride],
) -> (Vec<ClientEndpoint>, Vec<Finding>, bool) {
    let looked_up = join_all(hosts.iter().map(|h| async move {
        match h.parse::<IpAddr>() {
            Ok(ip) => (vec![ip], Vec::new(), false),
            Err(_) => srv::addresses(dns, h).await,
        }
    }))
    .await;
    let mut out = Vec::new();
    let mut findings = Vec::new();
    let mut incomplete = false;
    for (host, (addresses, found, failed)) in hosts.iter().zip(looked_up) {
        findings.extend(found);
        incomplete |= failed;
        for &service in services {
            let given: Vec<u16> = ports
                .iter()
                .filter(|p| p.service == service)
                .map(|p| p.port)
                .collect();
            let ports = if given.is_empty() {
                service.standard_ports().to_vec()
            } else {
                given
            };
            for &address in &addresses {
                for &port in &ports {
                    out.push(ClientEndpoint {
                        service,
                        host: host.clone(),
                        address,
                        port,
                        source: Source::Host,
                    });
                }
            }
        }
    }
    (dedup(out), findings, incomplete)
}

/// Each endpoint once, at most [`MAX_ENDPOINTS`] (a finding says when some were left out).
pub fn bounded(
    mut endpoints: Vec<ClientEndpoint>,
    subject: &str,
) -> (Vec<ClientEndpoint>, Option<Finding>) {
    if endpoints.len() <= MAX_ENDPOINTS {
        return (endpoints, None);
    }
    let finding = Finding::new(
        codes::PROBE_LIMIT,
        subject,
        format!(
            "{} endpoints were found; the first {MAX_ENDPOINTS} are probed",
            endpoints.len()
        ),
    );
    endpoints.truncate(MAX_ENDPOINTS);
    (endpoints, Some(finding))
}

fn dedup(endpoints: Vec<ClientEndpoint>) -> Vec<ClientEndpoint> {
    let mut out: Vec<ClientEndpoint> = Vec::with_capacity(endpoints.len());
    for e in endpoints {
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_port_overrides() {
        let p = parse_port_override("IMAPS=10993").unwrap();
        assert_eq!((p.service, p.port), (Service::Imaps, 10993));
        for bad in ["imaps", "imaps=0", "imaps=70000", "smtp=25", "=1"] {
            assert!(parse_port_override(bad).is_err(), "{bad}");
        }
    }
}
