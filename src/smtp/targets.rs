//! What to probe (RFC 5321 §5.1): a domain's MX hosts in preference order — or the domain
//! itself when it has no MX (the implicit MX), or nothing for a null MX (RFC 7505) — or hosts
//! given by name or address; and each host's A and AAAA addresses, looked up concurrently.
//! All lookups go through the run's resolver. The hosts and addresses are bounded as the MX
//! audit bounds them (16 hosts, 8 addresses per host and family), and chosen the same way. This
//! is the one place that knows how hosts are found, so the MX audit's report can take its place.

use std::collections::BTreeMap;
use std::net::IpAddr;

use futures_util::future::join_all;

use crate::dns::{Answer, Dns, LookupError, Rdata, RecordType};
use crate::finding::Finding;
use crate::mx::{MAX_ADDRESSES_PER_FAMILY, MAX_HOSTS};

use super::{ProbeHost, codes};

/// Hosts to probe, and what the lookups found on the way.
#[derive(Debug, Default)]
pub struct Targets {
    pub hosts: Vec<ProbeHost>,
    pub findings: Vec<Finding>,
    /// A lookup failed, so a host may be missing.
    pub incomplete: bool,
}

/// A `--host` value: a name or an address, and a port that overrides `--port`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostSpec {
    pub name: String,
    pub port: Option<u16>,
}

/// Reads `HOST`, `HOST:PORT`, `IP`, `IPv4:PORT`, `[IPv6]:PORT`.
pub fn parse_host_spec(text: &str) -> Result<HostSpec, String> {
    let bad = || {
        format!(
            "{} is not HOST, HOST:PORT or [IPv6]:PORT",
            crate::sanitize::quoted(text)
        )
    };
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Ok(HostSpec {
            name: ip.to_string(),
            port: None,
        });
    }
    let (host, port) = if let Some(rest) = text.strip_prefix('[') {
        let (ip, after) = rest.split_once(']').ok_or_else(bad)?;
        let port = after.strip_prefix(':').ok_or_else(bad)?;
        (ip.to_string(), Some(port))
    } else {
        match text.rsplit_once(':') {
            Some((host, port)) => (host.to_string(), Some(port)),
            None => (text.to_string(), None),
        }
    };
    let port = match port {
        Some(p) => Some(p.parse::<u16>().ok().filter(|&p| p > 0).ok_or_else(bad)?),
        None => None,
    };
    let name = match host.parse::<IpAddr>() {
        Ok(ip) => ip.to_string(),
        Err(_) => crate::dns::name::normalize_domain(&host).map_err(|e| e.to_string())?,
    };
    Ok(HostSpec { name, port })
}

/// The MX hosts of `domain` and their addresses: each host once with its lowest preference, by
/// preference then name, at most [`MAX_HOSTS`] of them — the hosts the MX audit follows.
pub async fn for_domain(dns: &Dns, domain: &str) -> Targets {
    let mut targets = Targets::default();
    let answer = match dns.lookup(domain, RecordType::Mx).await {
        Ok(answer) => answer,
        Err(e) => {
            targets.findings.push(e.finding(domain));
            targets.incomplete = true;
            return targets;
        }
    };
    let (mut exchanges, null_mx) = exchanges(&answer);
    if null_mx {
        targets
            .findings
            .push(null_mx_finding(domain, exchanges.is_empty()));
        if exchanges.is_empty() {
            return targets;
        }
    }
    if exchanges.len() > MAX_HOSTS {
        targets.findings.push(Finding::new(
            codes::PROBE_LIMIT,
            domain,
            format!(
                "{domain} has {} MX hosts; the first {MAX_HOSTS} by preference are probed",
                exchanges.len()
            ),
        ));
        exchanges.truncate(MAX_HOSTS);
    }
    let named: Vec<(String, Option<u16>)> = if exchanges.is_empty() {
        targets.findings.push(implicit_mx_finding(domain, &answer));
        vec![(domain.to_string(), None)]
    } else {
        exchanges.into_iter().map(|(p, e)| (e, Some(p))).collect()
    };
    resolve(dns, named, &mut targets).await;
    targets
}

/// The exchanges of an MX answer, each once with its lowest preference, by preference then
/// name; and whether a null MX is among them.
fn exchanges(answer: &Answer) -> (Vec<(u16, String)>, bool) {
    let mut lowest: BTreeMap<&str, u16> = BTreeMap::new();
    let mut null_mx = false;
    for r in answer.records() {
        if let Rdata::Mx {
            preference,
            exchange,
        } = r
        {
            if exchange.is_empty() {
                null_mx = true;
            } else {
                let p = lowest.entry(exchange.as_str()).or_insert(*preference);
                *p = (*p).min(*preference);
            }
        }
    }
    let mut exchanges: Vec<(u16, String)> = lowest
        .into_iter()
        .map(|(name, preference)| (preference, name.to_string()))
        .collect();
    exchanges.sort();
    (exchanges, null_mx)
}

/// The hosts given with `--host`, with their addresses (looked up unless they are addresses).
pub async fn for_hosts(dns: &Dns, specs: &[HostSpec]) -> Targets {
    let mut targets = Targets::default();
    let mut named = Vec::new();
    for spec in specs {
        if let Ok(ip) = spec.name.parse::<IpAddr>() {
            targets.hosts.push(ProbeHost {
                name: spec.name.clone(),
                preference: None,
                port: spec.port,
                addresses: vec![ip],
                dane: None,
            });
        } else {
            named.push((spec.name.clone(), None));
        }
    }
    let before = targets.hosts.len();
    resolve(dns, named, &mut targets).await;
    // Ports given with a name apply to the host that name resolved to.
    let mut by_name = specs.iter().filter(|s| s.name.parse::<IpAddr>().is_err());
    for host in &mut targets.hosts[before..] {
        host.port = by_name.next().and_then(|s| s.port);
    }
    targets
}

/// Looks up every named host's A and AAAA at once and adds the hosts, in the given order.
async fn resolve(dns: &Dns, named: Vec<(String, Option<u16>)>, targets: &mut Targets) {
    let lookups = named.iter().map(|(name, _)| async move {
        tokio::join!(
            dns.lookup(name, RecordType::A),
            dns.lookup(name, RecordType::Aaaa)
        )
    });
    let answers = join_all(lookups).await;
    for ((name, preference), (a, aaaa)) in named.into_iter().zip(answers) {
        let mut addresses = Vec::new();
        let mut failed = false;
        for answer in [a, aaaa] {
            match answer {
                Ok(answer) => addresses.extend(family(&answer, &name, &mut targets.findings)),
                Err(e) => {
                    failed = true;
                    targets.findings.push(lookup_failed(&e, &name));
                }
            }
        }
        targets.incomplete |= failed;
        if addresses.is_empty() && !failed {
            targets.findings.push(Finding::new(
                codes::NO_ADDRESS,
                &name,
                format!("{name} has no A or AAAA record; there is nothing to connect to"),
            ));
        }
        targets.hosts.push(ProbeHost {
            name,
            preference,
            port: None,
            addresses,
            dane: None,
        });
    }
}

/// The addresses of one A or AAAA answer in numeric order, each once, at most
/// [`MAX_ADDRESSES_PER_FAMILY`] — those the MX audit checks; a finding when there were more.
fn family(answer: &Answer, name: &str, findings: &mut Vec<Finding>) -> Vec<IpAddr> {
    let (ips, over) = crate::mx::bounded_addresses(answer);
    if let Some((total, kind)) = over {
        findings.push(Finding::new(
            codes::PROBE_LIMIT,
            name,
            format!(
                "{name} has {total} {kind} records; the first {MAX_ADDRESSES_PER_FAMILY} are probed"
            ),
        ));
    }
    ips
}

fn lookup_failed(e: &LookupError, name: &str) -> Finding {
    e.finding(name)
}

fn null_mx_finding(domain: &str, alone: bool) -> Finding {
    let message = if alone {
        format!("{domain} publishes a null MX (\"0 .\"): it accepts no mail, so nothing is probed")
    } else {
        format!(
            "{domain} publishes a null MX beside other MX records (RFC 7505 forbids the mix); \
             the other hosts are probed"
        )
    };
    Finding::new(codes::NULL_MX, domain, message)
}

fn implicit_mx_finding(domain: &str, answer: &Answer) -> Finding {
    let why = if *answer == Answer::NxDomain {
        "does not exist (NXDOMAIN)"
    } else {
        "has no MX record"
    };
    Finding::new(
        codes::IMPLICIT_MX,
        domain,
        format!("{domain} {why}; senders deliver to its own A/AAAA addresses, so those are probed"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_each_exchange_once_with_its_lowest_preference() {
        let mx = |preference, exchange: &str| Rdata::Mx {
            preference,
            exchange: exchange.into(),
        };
        let answer = Answer::Records(vec![
            mx(20, "b.example"),
            mx(10, "c.example"),
            mx(30, "a.example"),
            mx(5, "b.example"),
            mx(10, "a.example"),
            mx(0, ""),
        ]);
        let (exchanges, null_mx) = exchanges(&answer);
        assert!(null_mx);
        let names: Vec<(u16, &str)> = exchanges.iter().map(|(p, n)| (*p, n.as_str())).collect();
        assert_eq!(
            names,
            [(5, "b.example"), (10, "a.example"), (10, "c.example")]
        );
    }

    #[test]
    fn reads_host_specs() {
        let spec = |t: &str| parse_host_spec(t).unwrap();
        assert_eq!(spec("Mail.Example.com").name, "mail.example.com");
        assert_eq!(spec("mail.example.com:2525").port, Some(2525));
        assert_eq!(spec("192.0.2.1:25").name, "192.0.2.1");
        assert_eq!(spec("[2001:db8::1]:587").port, Some(587));
        assert_eq!(spec("2001:db8::1").port, None);
        for bad in ["mail.example.com:0", "mail.example.com:x", "[::1]", "a..b"] {
            assert!(parse_host_spec(bad).is_err(), "{bad}");
        }
    }
}
