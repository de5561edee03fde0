//! `generate spf` (RFC 7208): a domain's SPF policy from the hosts and networks that send its
//! mail — networks first (they cost no lookup), then `a`, `mx` and the includes — ending in
//! `-all` or `~all`; refused when it would cost receivers more than 10 DNS lookups (§4.6.4).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::dns::Txt;
use crate::fix::{Change, Changes, split_txt};
use crate::spf::audit::{Role, lint_record};
use crate::spf::{MAX_DNS_TERMS, SpfRecord};

use super::{GenerateError, distinct, domain, invalid, vetted, with_notes};

/// What happens to mail from a host the record does not name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AllPolicy {
    /// `-all`: it fails, and receivers may reject it.
    #[default]
    Fail,
    /// `~all`: it soft-fails, and receivers accept it but may mark it.
    SoftFail,
}

/// Who may send a domain's mail.
#[derive(Debug, Clone, Default)]
pub struct SpfIntent {
    pub domain: String,
    /// The domain's MX hosts (`mx`).
    pub mx: bool,
    /// The domain's own addresses (`a`).
    pub a: bool,
    /// Domains whose SPF records name more senders (`include:`), e.g. a mail provider's.
    pub include: Vec<String>,
    /// IPv4 networks (`192.0.2.0/24`) or addresses.
    pub ip4: Vec<String>,
    /// IPv6 networks (`2001:db8::/32`) or addresses.
    pub ip6: Vec<String>,
    pub all: AllPolicy,
    pub ttl: u32,
}

/// The SPF record for `intent`.
pub fn spf(intent: &SpfIntent) -> Result<Changes, GenerateError> {
    let domain = domain(&intent.domain)?;
    let ip4 = distinct(
        intent
            .ip4
            .iter()
            .map(|n| network(n, false))
            .collect::<Result<_, _>>()?,
    );
    let ip6 = distinct(
        intent
            .ip6
            .iter()
            .map(|n| network(n, true))
            .collect::<Result<_, _>>()?,
    );
    let mut include = Vec::new();
    for name in &intent.include {
        let name = super::domain(name)?;
        if name == domain {
            return Err(invalid(format!(
                "--include {name} is the domain itself: receivers would loop and fail the record"
            )));
        }
        include.push(name);
    }
    let include = distinct(include);
    let mut terms: Vec<String> = ip4.iter().chain(&ip6).cloned().collect();
    terms.extend(intent.a.then(|| "a".to_string()));
    terms.extend(intent.mx.then(|| "mx".to_string()));
    terms.extend(include.iter().map(|d| format!("include:{d}")));
    terms.push(match intent.all {
        AllPolicy::Fail => "-all".into(),
        AllPolicy::SoftFail => "~all".into(),
    });
    let value = format!("v=spf1 {}", terms.join(" "));
    let record = SpfRecord::parse(&value);
    let lookups = record
        .directives()
        .filter(|(_, d)| d.mechanism.queries_dns())
        .count();
    if lookups > MAX_DNS_TERMS {
        return Err(invalid(format!(
            "the record would cost {lookups} DNS lookups (a, mx and each include count one), \
             more than the {MAX_DNS_TERMS} receivers allow (RFC 7208 §4.6.4); name some senders \
             by their networks with --ip4/--ip6 instead"
        )));
    }
    let txt = Txt {
        strings: split_txt(value.as_bytes()),
    };
    let notes = vetted(&lint_record(&domain, &txt, &record, Role::Policy))?;
    let why = with_notes(
        why(&domain, intent, ip4.len() + ip6.len(), &include),
        &notes,
    );
    Ok(Changes {
        changes: vec![Change::add_txt(&domain, &value, intent.ttl, why)],
        ..Changes::default()
    })
}

/// `ip4:` or `ip6:` for a network typed as `ADDRESS[/PREFIX]`: the address of the family asked
/// for, a prefix it allows, and no host bits set (the network is said, in case a /32 was
/// meant). A single address is written without its prefix.
fn network(input: &str, v6: bool) -> Result<String, GenerateError> {
    let (option, family, example, bits) = if v6 {
        ("--ip6", "IPv6", "2001:db8::/32", 128)
    } else {
        ("--ip4", "IPv4", "192.0.2.0/24", 32)
    };
    let not_one = || {
        invalid(format!(
            "{option} {}: not an {family} network (like {example}) or address",
            crate::sanitize::quoted(input)
        ))
    };
    let (address, prefix) = match input.trim().split_once('/') {
        Some((a, p)) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
            (a, p.parse::<u8>().map_err(|_| not_one())?)
        }
        Some(_) => return Err(not_one()),
        None => (input.trim(), bits),
    };
    let ip: IpAddr = address.parse().map_err(|_| not_one())?;
    if ip.is_ipv6() != v6 {
        let other = if v6 { "--ip4" } else { "--ip6" };
        return Err(invalid(format!(
            "{option} {}: an address of the other family; give it with {other}",
            crate::sanitize::quoted(input)
        )));
    }
    if prefix > bits {
        return Err(invalid(format!(
            "{option} {}: the prefix is at most /{bits}",
            crate::sanitize::quoted(input)
        )));
    }
    let network = masked(ip, prefix);
    if network != ip {
        return Err(invalid(format!(
            "{option} {}: host bits are set; the network is {network}/{prefix} (or give the \
             address alone)",
            crate::sanitize::quoted(input)
        )));
    }
    let mechanism = if v6 { "ip6" } else { "ip4" };
    Ok(if prefix == bits {
        format!("{mechanism}:{ip}")
    } else {
        format!("{mechanism}:{ip}/{prefix}")
    })
}

/// `ip` with all but the first `prefix` bits cleared.
fn masked(ip: IpAddr, prefix: u8) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V4(Ipv4Addr::from(u32::from(v4) & mask))
        }
        IpAddr::V6(v6) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V6(Ipv6Addr::from(u128::from(v6) & mask))
        }
    }
}

fn why(domain: &str, intent: &SpfIntent, networks: usize, include: &[String]) -> String {
    let mut senders = Vec::new();
    if networks > 0 {
        let s = if networks == 1 { "" } else { "s" };
        senders.push(format!("{networks} network{s}"));
    }
    if intent.a {
        senders.push("its own addresses (a)".into());
    }
    if intent.mx {
        senders.push("its MX hosts (mx)".into());
    }
    if !include.is_empty() {
        senders.push(format!("the senders of {}", include.join(", ")));
    }
    let rest = match intent.all {
        AllPolicy::Fail => "fails (-all)",
        AllPolicy::SoftFail => "soft-fails (~all: accepted, perhaps marked)",
    };
    let mut why = if senders.is_empty() {
        format!("SPF policy of {domain}: it sends no mail; mail from anywhere {rest}.")
    } else {
        let last = senders.pop().unwrap_or_default();
        let listed = if senders.is_empty() {
            last
        } else {
            format!("{} and {last}", senders.join(", "))
        };
        format!(
            "SPF policy of {domain}: mail may come from {listed}; mail from anywhere else {rest}."
        )
    };
    if !include.is_empty() {
        why.push_str(
            " The included records' own lookups count toward the 10 as well: `mailaudit lint \
             spf --resolve` counts the whole tree.",
        );
    }
    why
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intent() -> SpfIntent {
        SpfIntent {
            domain: "Example.COM.".into(),
            ttl: 3600,
            ..SpfIntent::default()
        }
    }

    fn value(intent: &SpfIntent) -> String {
        let changes = spf(intent).unwrap();
        let txt = Txt::from_typed(&changes.changes[0].new[0]).unwrap();
        txt.text()
    }

    #[test]
    fn no_sender_is_minus_all() {
        assert_eq!(value(&intent()), "v=spf1 -all");
        let c = spf(&intent()).unwrap();
        assert_eq!(c.changes[0].name, "example.com.");
    }

    #[test]
    fn networks_first_then_lookups() {
        let mut i = intent();
        i.mx = true;
        i.a = true;
        i.include = vec!["_spf.Example.NET".into(), "_spf.example.net".into()];
        i.ip4 = vec!["192.0.2.0/24".into(), "198.51.100.7/32".into()];
        i.ip6 = vec!["2001:DB8::/32".into()];
        i.all = AllPolicy::SoftFail;
        assert_eq!(
            value(&i),
            "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.7 ip6:2001:db8::/32 a mx \
             include:_spf.example.net ~all"
        );
    }

    #[test]
    fn networks_are_checked() {
        assert_eq!(network("192.0.2.1", false).unwrap(), "ip4:192.0.2.1");
        assert_eq!(network("::1/128", true).unwrap(), "ip6:::1");
        for (bad, v6, says) in [
            ("192.0.2.1/24", false, "the network is 192.0.2.0/24"),
            ("192.0.2.0/33", false, "at most /32"),
            ("2001:db8::/32", false, "give it with --ip6"),
            ("192.0.2.0", true, "give it with --ip4"),
            ("192.0.2.0/", false, "not an IPv4 network"),
            ("192.0.2.0/+8", false, "not an IPv4 network"),
            ("host.example", false, "not an IPv4 network"),
        ] {
            let e = network(bad, v6).unwrap_err().to_string();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn too_broad_too_many_lookups_and_loops_are_refused() {
        let mut i = intent();
        i.ip4 = vec!["64.0.0.0/4".into()];
        let e = spf(&i).unwrap_err().to_string();
        assert!(e.contains("spf-network-too-broad"), "{e}");
        let mut i = intent();
        i.mx = true;
        i.a = true;
        i.include = (0..9).map(|n| format!("s{n}.example.net")).collect();
        let e = spf(&i).unwrap_err().to_string();
        assert!(e.contains("11 DNS lookups"), "{e}");
        i.a = false;
        assert!(spf(&i).is_ok(), "10 is allowed");
        let mut i = intent();
        i.include = vec!["example.com".into()];
        assert!(spf(&i).unwrap_err().to_string().contains("loop"));
    }
}
