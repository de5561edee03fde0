//! The MX lints over resolved hosts (RFC 5321 §5.1, RFC 2181 §10.3, RFC 6890, RFC 8601 §3):
//! aliases and IP addresses as MX targets, hosts without addresses, addresses the Internet
//! cannot reach, reverse DNS, hosts named twice, and no IPv6 anywhere.

use std::collections::BTreeSet;
use std::net::IpAddr;

use crate::dns::name::reverse_name;
use crate::finding::Finding;

use super::{Delivery, HostStatus, MxAddress, MxHost, MxReport, ReverseDns, codes};

/// Whether an MX exchange is an address written where a host name belongs: `192.0.2.1`,
/// `[192.0.2.1]` or `[IPv6:2001:db8::1]` (the address-literal forms of RFC 5321 §4.1.3).
pub fn is_ip_literal(name: &str) -> bool {
    let inner = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    let inner = inner
        .get(..5)
        .filter(|tag| tag.eq_ignore_ascii_case("ipv6:"))
        .map_or(inner, |_| &inner[5..]);
    inner.parse::<IpAddr>().is_ok()
}

/// The finding for a host named by several MX records.
pub fn duplicate_host(name: &str, preferences: &[u16]) -> Finding {
    let listed: Vec<String> = preferences.iter().map(u16::to_string).collect();
    Finding::new(
        codes::DUPLICATE_HOST,
        name,
        format!(
            "{name} is named by {} MX records (preferences {})",
            preferences.len(),
            listed.join(", ")
        ),
    )
}

/// A null MX alone: the domain accepts no mail.
pub fn null_mx(domain: &str, preferences: &[u16]) -> Finding {
    let odd = if preferences.iter().any(|p| *p != 0) {
        " (RFC 7505 writes it with preference 0)"
    } else {
        ""
    };
    Finding::new(
        codes::NULL_MX,
        domain,
        format!(
            "{domain} publishes a null MX ({}){odd}: it accepts no mail",
            null_text(preferences)
        ),
    )
}

/// A null MX beside `others`.
pub fn null_mx_mixed(domain: &str, preferences: &[u16], others: &[&(u16, String)]) -> Finding {
    let listed: Vec<String> = others.iter().map(|(p, n)| format!("MX {p} {n}")).collect();
    Finding::new(
        codes::NULL_MX_MIXED,
        domain,
        format!(
            "a null MX ({}) beside {}",
            null_text(preferences),
            listed.join(", ")
        ),
    )
}

fn null_text(preferences: &[u16]) -> String {
    let records: Vec<String> = preferences.iter().map(|p| format!("MX {p} .")).collect();
    records.join(", ")
}

/// Every finding about the report's hosts and addresses; each address's reverse DNS is judged
/// once, however many hosts share it.
pub fn lint_hosts(report: &MxReport) -> Vec<Finding> {
    let implicit = matches!(report.delivery, Delivery::Implicit | Delivery::None);
    let mut findings = Vec::new();
    let mut judged: BTreeSet<IpAddr> = BTreeSet::new();
    for host in &report.hosts {
        if !implicit {
            findings.extend(target_findings(host));
        }
        findings.extend(reachability(host));
        for address in &host.addresses {
            if judged.insert(address.ip) {
                findings.extend(reverse_finding(&host.name, address));
            }
        }
    }
    findings.extend(no_aaaa(report));
    findings
}

/// What is wrong with the name an MX record points to.
fn target_findings(host: &MxHost) -> Vec<Finding> {
    let name = &host.name;
    let mut findings = Vec::new();
    let nothing = match host.status {
        HostStatus::NxDomain => Some("it does not exist (NXDOMAIN)"),
        HostStatus::NoAddress => Some("it has neither an A nor an AAAA record"),
        _ => None,
    };
    if host.ip_literal {
        let outcome = nothing.map_or(String::new(), |why| format!(", and {why}"));
        findings.push(Finding::new(
            codes::TARGET_IP_LITERAL,
            name,
            format!(
                "MX {} {name} is an IP address where a host name belongs; senders look it up \
                 as a name{outcome}",
                host.preference
            ),
        ));
    } else if let Some(why) = nothing {
        findings.push(Finding::new(
            codes::HOST_NO_ADDRESS,
            name,
            format!("MX {} {name}: {why}", host.preference),
        ));
    }
    if let Some(target) = &host.cname {
        findings.push(Finding::new(
            codes::TARGET_CNAME,
            name,
            format!("{name} is an alias (CNAME) for {target}"),
        ));
    }
    findings
}

/// Addresses in special-purpose blocks: an error when the host has no other, else a warning.
fn reachability(host: &MxHost) -> Option<Finding> {
    let special: Vec<String> = host
        .addresses
        .iter()
        .filter_map(|a| {
            let block = a.special?;
            Some(format!(
                "{} is in {}, {}, {}",
                a.ip, block.block, block.name, block.rfc
            ))
        })
        .collect();
    if special.is_empty() {
        return None;
    }
    let name = &host.name;
    let all = special.len() == host.addresses.len() && host.complete;
    let (code, lead) = if all {
        (
            codes::HOST_NOT_PUBLIC,
            format!("no address of {name} is reachable from the Internet"),
        )
    } else {
        (
            codes::ADDRESS_NOT_PUBLIC,
            format!(
                "{} of the {} addresses of {name} {} not reachable from the Internet",
                special.len(),
                host.addresses.len(),
                if special.len() == 1 { "is" } else { "are" }
            ),
        )
    };
    Some(Finding::new(
        code,
        name,
        format!("{lead}: {}", special.join("; ")),
    ))
}

fn reverse_finding(host: &str, address: &MxAddress) -> Option<Finding> {
    let ip = address.ip;
    match address.reverse_dns {
        ReverseDns::NoPtr => Some(Finding::new(
            codes::PTR_MISSING,
            ip.to_string(),
            format!("{ip} ({host}) has no PTR record at {}", reverse_name(ip)),
        )),
        ReverseDns::NotConfirmed => {
            let family = if ip.is_ipv4() { "A" } else { "AAAA" };
            let names = address.ptr.join(", ");
            let none = if address.ptr.len() == 1 {
                format!("which has no {family} record with {ip}")
            } else {
                format!("none of which has an {family} record with {ip}")
            };
            Some(Finding::new(
                codes::PTR_NOT_CONFIRMED,
                ip.to_string(),
                format!("{ip} ({host}) has PTR {names}, {none}"),
            ))
        }
        ReverseDns::Confirmed | ReverseDns::Unknown => None,
    }
}

/// No AAAA on any host, when every AAAA lookup was answered and some host has an address.
fn no_aaaa(report: &MxReport) -> Option<Finding> {
    if !matches!(report.delivery, Delivery::Mx | Delivery::Implicit) {
        return None;
    }
    let followed: Vec<&MxHost> = report
        .hosts
        .iter()
        .filter(|h| h.status != HostStatus::NotFollowed)
        .collect();
    let addresses = || followed.iter().flat_map(|h| &h.addresses);
    if !followed.iter().all(|h| h.complete)
        || addresses().next().is_none()
        || addresses().any(|a| a.ip.is_ipv6())
    {
        return None;
    }
    let message = if report.delivery == Delivery::Implicit {
        format!("{} (the implicit MX) has no AAAA record", report.domain)
    } else if followed.len() == 1 {
        format!("the only MX host, {}, has no AAAA record", followed[0].name)
    } else {
        format!("none of the {} MX hosts has an AAAA record", followed.len())
    };
    Some(Finding::new(codes::NO_AAAA, &report.domain, message))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Any text, of any bytes a DNS name may carry, is judged without panicking.
        #[test]
        fn never_panics(name in "\\PC{0,80}") {
            let _ = is_ip_literal(&name);
        }

        /// Every address is a literal, bare and in brackets; no host name with a letter after
        /// its last dot is.
        #[test]
        fn addresses_are_literals_names_are_not(ip in any::<IpAddr>(), label in "[a-z]{1,10}") {
            let bare = ip.to_string();
            prop_assert!(is_ip_literal(&bare));
            let bracketed = match ip {
                IpAddr::V4(v4) => format!("[{v4}]"),
                IpAddr::V6(v6) => format!("[IPv6:{v6}]"),
            };
            prop_assert!(is_ip_literal(&bracketed));
            let name = format!("{ip}.{label}");
            prop_assert!(!is_ip_literal(&name));
        }
    }

    #[test]
    fn ip_literals_in_every_written_form() {
        for literal in [
            "192.0.2.1",
            "[192.0.2.1]",
            "2001:db8::1",
            "[ipv6:2001:db8::1]",
            "[IPv6:2001:db8::1]",
        ] {
            assert!(is_ip_literal(literal), "{literal}");
        }
        for name in [
            "mail.example.com",
            "192.0.2.1.example.com",
            "1.2.3",
            "[]",
            "ipv6:",
            "é",
        ] {
            assert!(!is_ip_literal(name), "{name}");
        }
    }
}
