//! The networks SPF terms stand for (RFC 7208 §5.3 `a`, §5.4 `mx`, §5.5 `ptr`): what `fix`
//! writes in their place when it replaces a term or flattens an include. Looked up once, before
//! planning, within a cap on queries and the check's time budget; a bound reached is a reason
//! in the data, never a hang.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::net::IpAddr;
use std::time::Duration;

use tokio::time::Instant;

use crate::dns::{Dns, Rdata, RecordType};
use crate::spf::{DualCidr, MAX_NAMES_PER_MECHANISM, Mechanism, SpfNode, SpfRecord, TermKind};

/// DNS queries the look-up of networks makes for one domain: a few per `a`/`mx` term of a large
/// tree, and the PTR checks of the domain's own hosts.
pub const MAX_QUERIES: usize = 200;
/// Records of the tree looked at, and addresses tried for one `ptr`.
const MAX_RECORDS: usize = 100;
const MAX_ADDRESSES: usize = 20;

/// One network: an address (masked to the prefix) and its prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Network {
    pub address: IpAddr,
    pub prefix: u8,
}

impl Network {
    /// `address` with the bits past `prefix` cleared (a prefix past the family's width is the
    /// full address).
    pub fn new(address: IpAddr, prefix: Option<u8>) -> Self {
        match address {
            IpAddr::V4(v4) => {
                let prefix = prefix.unwrap_or(32).min(32);
                let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
                let bits = u32::from(v4) & mask;
                Self {
                    address: IpAddr::V4(bits.into()),
                    prefix,
                }
            }
            IpAddr::V6(v6) => {
                let prefix = prefix.unwrap_or(128).min(128);
                let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
                let bits = u128::from(v6) & mask;
                Self {
                    address: IpAddr::V6(bits.into()),
                    prefix,
                }
            }
        }
    }

    /// Whether every address of `other` is in this network.
    pub fn contains(&self, other: &Self) -> bool {
        self.address.is_ipv4() == other.address.is_ipv4()
            && self.prefix <= other.prefix
            && Self::new(other.address, Some(self.prefix)) == *self
    }

    /// The network of an `ip4:`/`ip6:` term, its qualifier aside; `None` for any other term.
    pub fn of_term(term: &str) -> Option<Self> {
        let bare = term
            .trim_start_matches(['+', '-', '~', '?'])
            .to_ascii_lowercase();
        let rest = bare
            .strip_prefix("ip4:")
            .or_else(|| bare.strip_prefix("ip6:"))?;
        let (address, prefix) = match rest.split_once('/') {
            Some((a, p)) => (a, Some(p.parse().ok()?)),
            None => (rest, None),
        };
        Some(Self::new(address.parse().ok()?, prefix))
    }

    fn with_cidr(address: IpAddr, cidr: DualCidr) -> Self {
        let prefix = if address.is_ipv4() { cidr.v4 } else { cidr.v6 };
        Self::new(address, prefix)
    }
}

/// The SPF mechanism for the network: `ip4:192.0.2.0/24`, `ip6:2001:db8::1` (a full address
/// without its length).
impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, full) = if self.address.is_ipv4() {
            ("ip4", 32)
        } else {
            ("ip6", 128)
        };
        write!(f, "{name}:{}", self.address)?;
        if self.prefix != full {
            write!(f, "/{}", self.prefix)?;
        }
        Ok(())
    }
}

/// What one term stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermNetworks {
    /// These networks, in answer order, each once (none: the lookups found nothing).
    Found(Vec<Network>),
    /// Cannot be known now: why.
    Unknown(String),
}

/// The networks of the tree's `a` and `mx` terms, and of the `ptr` terms of the records the
/// domain owns, by (record domain, term text).
#[derive(Debug, Clone, Default)]
pub struct SpfNetworks {
    terms: HashMap<(String, String), TermNetworks>,
}

impl SpfNetworks {
    pub fn get(&self, record: &str, term: &str) -> Option<&TermNetworks> {
        self.terms.get(&(record.to_string(), term.to_string()))
    }

    /// For tests of the planner: `term` of `record` stands for `networks`.
    pub fn insert(&mut self, record: &str, term: &str, networks: TermNetworks) {
        self.terms
            .insert((record.to_string(), term.to_string()), networks);
    }
}

/// Whether `record` (a domain of the tree) is `domain` or under it: a record its owner edits.
pub fn owned(domain: &str, record: &str) -> bool {
    record == domain
        || record
            .strip_suffix(domain)
            .is_some_and(|head| head.ends_with('.'))
}

/// Looks up the networks of `tree`'s terms for `domain`, for at most `budget`.
pub async fn lookup(dns: &Dns, domain: &str, tree: &SpfNode, budget: Duration) -> SpfNetworks {
    let mut asker = Asker {
        dns,
        deadline: Instant::now() + budget,
        queries: 0,
        own_hosts: None,
    };
    let mut out = SpfNetworks::default();
    for node in nodes(tree) {
        let own = owned(domain, &node.domain);
        for term in &node.terms {
            let key = (node.domain.clone(), term.term.clone());
            if out.terms.contains_key(&key) {
                continue;
            }
            if let Some(found) = asker.term(domain, &node.domain, &term.term, own).await {
                out.terms.insert(key, found);
            }
        }
    }
    out
}

/// The records of the tree, nearest the root first, at most `MAX_RECORDS`.
fn nodes(tree: &SpfNode) -> Vec<&SpfNode> {
    let mut out = vec![tree];
    let mut next = 0;
    while next < out.len() && out.len() < MAX_RECORDS {
        let children: Vec<&SpfNode> = out[next]
            .terms
            .iter()
            .filter_map(|t| t.target.as_ref())
            .collect();
        out.extend(children);
        next += 1;
    }
    out.truncate(MAX_RECORDS);
    out
}

struct Asker<'a> {
    dns: &'a Dns,
    deadline: Instant,
    queries: usize,
    /// The addresses of the domain's MX hosts and of the domain itself, once asked.
    own_hosts: Option<Result<Vec<IpAddr>, String>>,
}

impl Asker<'_> {
    /// The networks of one term of the record at `record`; `None` for terms that name none.
    async fn term(
        &mut self,
        domain: &str,
        record: &str,
        text: &str,
        own: bool,
    ) -> Option<TermNetworks> {
        let parsed = SpfRecord::parse(&format!("v=spf1 {text}"));
        let TermKind::Directive(d) = &parsed.terms.first()?.kind else {
            return None;
        };
        let target = |spec: &Option<crate::spf::macros::MacroString>| match spec {
            Some(s) if s.has_macros() => Err("the name holds macros: it depends on the sender"),
            Some(s) => Ok(crate::dns::name::canonical(&s.text)),
            None => Ok(record.to_string()),
        };
        let result = match &d.mechanism {
            Mechanism::A { domain: spec, cidr } => match target(spec) {
                Ok(name) => self.a(&name, *cidr).await,
                Err(why) => Err(why.to_string()),
            },
            Mechanism::Mx { domain: spec, cidr } => match target(spec) {
                Ok(name) => self.mx(&name, *cidr).await,
                Err(why) => Err(why.to_string()),
            },
            Mechanism::Ptr { domain: spec } if own => match target(spec) {
                Ok(name) => self.ptr(domain, &name).await,
                Err(why) => Err(why.to_string()),
            },
            _ => return None,
        };
        Some(result.map_or_else(TermNetworks::Unknown, TermNetworks::Found))
    }

    async fn a(&mut self, name: &str, cidr: DualCidr) -> Result<Vec<Network>, String> {
        let addresses = self.addresses(name).await?;
        Ok(dedup(
            addresses.into_iter().map(|a| Network::with_cidr(a, cidr)),
        ))
    }

    async fn mx(&mut self, name: &str, cidr: DualCidr) -> Result<Vec<Network>, String> {
        let exchanges = self.exchanges(name).await?;
        let mut out = Vec::new();
        for host in exchanges {
            let addresses = self.addresses(&host).await?;
            out.extend(addresses.into_iter().map(|a| Network::with_cidr(a, cidr)));
        }
        Ok(dedup(out.into_iter()))
    }

    /// §5.5: the domain's own hosts whose PTR name, confirmed by its forward lookup, is
    /// `target` or under it.
    async fn ptr(&mut self, domain: &str, target: &str) -> Result<Vec<Network>, String> {
        let hosts = self.own_hosts(domain).await?;
        let mut out = Vec::new();
        for address in hosts.into_iter().take(MAX_ADDRESSES) {
            let reverse = crate::dns::name::reverse_name(address);
            let names: Vec<String> = self
                .ask(&reverse, RecordType::Ptr)
                .await?
                .into_iter()
                .filter_map(|r| match r {
                    Rdata::Ptr(name) => Some(name),
                    _ => None,
                })
                .take(MAX_NAMES_PER_MECHANISM)
                .collect();
            for name in names.iter().filter(|n| owned(target, n)) {
                if self.addresses(name).await?.contains(&address) {
                    out.push(Network::new(address, None));
                    break;
                }
            }
        }
        Ok(dedup(out.into_iter()))
    }

    /// The addresses of the domain's MX hosts and of the domain itself, asked once.
    async fn own_hosts(&mut self, domain: &str) -> Result<Vec<IpAddr>, String> {
        if let Some(known) = &self.own_hosts {
            return known.clone();
        }
        let mut found = Vec::new();
        let mut result = Ok(());
        match self.exchanges(domain).await {
            Ok(hosts) => {
                for host in hosts {
                    match self.addresses(&host).await {
                        Ok(a) => found.extend(a),
                        Err(e) => result = Err(e),
                    }
                }
            }
            Err(e) => result = Err(e),
        }
        match self.addresses(domain).await {
            Ok(a) => found.extend(a),
            Err(e) => result = Err(e),
        }
        let mut seen = BTreeSet::new();
        found.retain(|a| seen.insert(*a));
        let known = result.map(|()| found);
        self.own_hosts = Some(known.clone());
        known
    }

    async fn exchanges(&mut self, name: &str) -> Result<Vec<String>, String> {
        let records = self.ask(name, RecordType::Mx).await?;
        let hosts = crate::dns::mx_exchanges(&records);
        if hosts.len() > MAX_NAMES_PER_MECHANISM {
            return Err(format!(
                "{name} has {} MX names, more than the {MAX_NAMES_PER_MECHANISM} a receiver \
                 looks at",
                hosts.len()
            ));
        }
        Ok(hosts)
    }

    async fn addresses(&mut self, name: &str) -> Result<Vec<IpAddr>, String> {
        let mut out = crate::dns::addresses(&self.ask(name, RecordType::A).await?);
        out.extend(crate::dns::addresses(
            &self.ask(name, RecordType::Aaaa).await?,
        ));
        Ok(out)
    }

    /// One query, within the cap and the deadline: its records (none for NODATA/NXDOMAIN).
    async fn ask(&mut self, name: &str, rtype: RecordType) -> Result<Vec<Rdata>, String> {
        if self.queries >= MAX_QUERIES {
            return Err(format!(
                "not looked up: fix's limit of {MAX_QUERIES} DNS queries was reached"
            ));
        }
        self.queries += 1;
        match tokio::time::timeout_at(self.deadline, self.dns.lookup(name, rtype)).await {
            Err(_) => Err("not looked up: the time budget (--budget) ran out".to_string()),
            Ok(Err(e)) => Err(format!("the lookup failed: {e}")),
            Ok(Ok(answer)) => Ok(answer.records().to_vec()),
        }
    }
}

/// Each network once, in first-seen order.
fn dedup(networks: impl Iterator<Item = Network>) -> Vec<Network> {
    let mut seen = BTreeSet::new();
    networks.filter(|n| seen.insert(*n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::fake::FakeDns;

    #[test]
    fn networks_are_masked_and_written_as_mechanisms() {
        let v4: IpAddr = "192.0.2.77".parse().unwrap();
        assert_eq!(Network::new(v4, Some(24)).to_string(), "ip4:192.0.2.0/24");
        assert_eq!(Network::new(v4, None).to_string(), "ip4:192.0.2.77");
        assert_eq!(Network::new(v4, Some(0)).to_string(), "ip4:0.0.0.0/0");
        let v6: IpAddr = "2001:db8::1".parse().unwrap();
        assert_eq!(Network::new(v6, Some(64)).to_string(), "ip6:2001:db8::/64");
        assert_eq!(Network::new(v6, None).to_string(), "ip6:2001:db8::1");
    }

    #[test]
    fn ownership_is_the_domain_or_below_it() {
        assert!(owned("example.com", "example.com"));
        assert!(owned("example.com", "_spf.example.com"));
        assert!(!owned("example.com", "badexample.com"));
        assert!(!owned("example.com", "example.net"));
    }

    #[tokio::test]
    async fn a_mx_and_ptr_terms_get_their_networks() {
        let fake = FakeDns::default()
            .mx("example.com", 10, "mail.example.com")
            .a("mail.example.com", "192.0.2.25")
            .a("relay.example.net", "198.51.100.9")
            .ptr("25.2.0.192.in-addr.arpa", "mail.example.com");
        let dns = Dns::new(fake);
        let record = "v=spf1 mx/24 a:relay.example.net ptr a:none.example.net -all";
        let walked = crate::spf::audit::audit_text(
            None,
            "example.com",
            crate::dns::Txt::single(record),
            Duration::from_secs(1),
        )
        .await;
        let tree = walked.tree.unwrap();
        let found = lookup(&dns, "example.com", &tree, Duration::from_secs(5)).await;
        let text = |term: &str| match found.get("example.com", term) {
            Some(TermNetworks::Found(n)) => n.iter().map(ToString::to_string).collect(),
            other => vec![format!("{other:?}")],
        };
        assert_eq!(text("mx/24"), ["ip4:192.0.2.0/24"]);
        assert_eq!(text("a:relay.example.net"), ["ip4:198.51.100.9"]);
        assert_eq!(text("ptr"), ["ip4:192.0.2.25"]);
        assert!(text("a:none.example.net").is_empty());
    }
}
