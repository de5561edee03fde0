//! SPF mechanisms (RFC 7208 §5): whether all, include, a, mx, ptr, ip4, ip6 and exists match the
//! client, with §5's DNS error rules and the per-mechanism limits of §4.6.4.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::dns::name::reverse_name;
use crate::dns::{Answer, FailureKind, LookupResult, Rdata, RecordType};

use crate::spf::macros::MacroString;
use crate::spf::{Directive, DualCidr, MAX_NAMES_PER_MECHANISM, Mechanism};

use super::evaluator::{Abort, Evaluator, term_label};
use super::result::SpfResult;
use super::trace::TermOutcome;

impl Evaluator<'_> {
    /// Evaluates one directive: `Some(chain)` when it matches, the chain naming the deciding
    /// term through includes.
    pub(super) async fn directive(
        &mut self,
        directive: &Directive,
        text: &str,
        domain: &str,
    ) -> Result<Option<String>, Abort> {
        let index = self.trace.open_term(text);
        let result = self
            .mechanism(&directive.mechanism, text, domain, index)
            .await;
        match &result {
            Ok(Some(_)) => self.trace.close_term(index, TermOutcome::Match, None),
            Ok(None) => self.trace.close_term(index, TermOutcome::NoMatch, None),
            Err(abort) => {
                self.trace
                    .close_term(index, abort.outcome(), Some(abort.problem.clone()));
            }
        }
        result
    }

    async fn mechanism(
        &mut self,
        mechanism: &Mechanism,
        text: &str,
        domain: &str,
        index: usize,
    ) -> Result<Option<String>, Abort> {
        if mechanism.queries_dns() {
            self.count_term()?;
        }
        let ip = self.ctx.ip;
        let matched = match mechanism {
            Mechanism::All => true,
            Mechanism::Ip4 { network, prefix } => match ip {
                IpAddr::V4(ip) => in_v4(ip, *network, *prefix),
                IpAddr::V6(_) => false,
            },
            Mechanism::Ip6 { network, prefix } => match ip {
                IpAddr::V6(ip) => in_v6(ip, *network, *prefix),
                IpAddr::V4(_) => false,
            },
            Mechanism::Include { domain: spec } => {
                return self.include(spec, text, domain, index).await;
            }
            Mechanism::A { .. }
            | Mechanism::Mx { .. }
            | Mechanism::Ptr { .. }
            | Mechanism::Exists { .. } => self.host_mechanism(mechanism, domain, index).await?,
        };
        Ok(matched.then(|| text.to_string()))
    }

    /// a, mx, ptr and exists: their target-name, then their own lookups.
    async fn host_mechanism(
        &mut self,
        mechanism: &Mechanism,
        domain: &str,
        index: usize,
    ) -> Result<bool, Abort> {
        let (spec, rtype) = match mechanism {
            Mechanism::A { domain: spec, .. } => (spec.as_ref(), self.address_type()),
            Mechanism::Mx { domain: spec, .. } => (spec.as_ref(), RecordType::Mx),
            Mechanism::Ptr { domain: spec } => (spec.as_ref(), RecordType::Ptr),
            Mechanism::Exists { domain: spec } => (Some(spec), RecordType::A),
            _ => return Ok(false),
        };
        let Some(target) = self.term_target(spec, domain, rtype, index).await else {
            return Ok(false);
        };
        match mechanism {
            Mechanism::A { cidr, .. } => self.a(&target, *cidr).await,
            Mechanism::Mx { cidr, .. } => self.mx(&target, *cidr).await,
            Mechanism::Ptr { .. } => self.ptr(&target, &reverse_name(self.ctx.ip)).await,
            _ => self.exists(&target).await,
        }
    }

    /// The target-name, recorded in the trace; `None` when it cannot exist in DNS, which the
    /// mechanism treats as a name without records (§4.3 by analogy; the suite accepts it).
    async fn term_target(
        &mut self,
        spec: Option<&MacroString>,
        domain: &str,
        rtype: RecordType,
        index: usize,
    ) -> Option<String> {
        let target = self.target(spec, domain, rtype).await.ok()?;
        if spec.is_some() {
            self.trace.set_target(index, &target);
        }
        Some(target)
    }

    /// §5.2: a recursive check_host(); pass matches, fail/softfail/neutral do not, temperror
    /// stays temperror, permerror and none become permerror.
    async fn include(
        &mut self,
        spec: &MacroString,
        text: &str,
        domain: &str,
        index: usize,
    ) -> Result<Option<String>, Abort> {
        let Some(target) = self
            .term_target(Some(spec), domain, RecordType::Txt, index)
            .await
        else {
            return Err(Abort::perm(format!(
                "{text}: the target cannot exist in DNS, so it has no SPF record"
            )));
        };
        self.trace.depth += 1;
        let inner = self.check(&target).await;
        self.trace.depth -= 1;
        let label = term_label(text, &target);
        let chained = |p: Option<String>| match p {
            Some(p) => format!("{label} -> {p}"),
            None => label.clone(),
        };
        match inner.result {
            SpfResult::Pass => Ok(Some(chained(inner.mechanism))),
            SpfResult::Fail | SpfResult::SoftFail | SpfResult::Neutral => Ok(None),
            SpfResult::TempError => Err(Abort::temp(chained(inner.problem))),
            SpfResult::PermError => Err(Abort::perm(chained(inner.problem))),
            SpfResult::None => Err(Abort::perm(format!("{label} has no SPF record"))),
        }
    }

    /// §5.3: an address of the target, within the CIDR length.
    async fn a(&mut self, target: &str, cidr: DualCidr) -> Result<bool, Abort> {
        let rtype = self.address_type();
        let answer = self.lookup(target, rtype).await;
        let Some(records) = self.records_or_void(answer)? else {
            return Ok(false);
        };
        Ok(records.iter().any(|r| self.covers(r, cidr)))
    }

    /// §5.4: an address of one of the target's MX hosts (at most ten; more is a permerror).
    /// The hosts' address lookups go out together; in preference order, the first host that
    /// matches or fails to resolve decides.
    async fn mx(&mut self, target: &str, cidr: DualCidr) -> Result<bool, Abort> {
        let answer = self.lookup(target, RecordType::Mx).await;
        let Some(records) = self.records_or_void(answer)? else {
            return Ok(false);
        };
        let count = records
            .iter()
            .filter(|r| matches!(r, Rdata::Mx { .. }))
            .count();
        if count > MAX_NAMES_PER_MECHANISM {
            return Err(Abort::perm(format!(
                "{target} has {count} MX records; the mx mechanism may look at {MAX_NAMES_PER_MECHANISM} \
                 at most (RFC 7208 §4.6.4)"
            )));
        }
        let names = crate::dns::mx_exchanges(&records);
        let rtype = self.address_type();
        for answer in self.lookup_all(&names, rtype).await {
            match answer {
                Ok(answer) => {
                    if answer.records().iter().any(|r| self.covers(r, cidr)) {
                        return Ok(true);
                    }
                }
                Err(e) if e.kind == FailureKind::InvalidName => {}
                Err(e) => return Err(Abort::temp(e.detail)),
            }
        }
        Ok(false)
    }

    /// §5.5: a validated name of the client equal to or below the target. A failed PTR lookup
    /// is no match; only the first ten PTR names are looked at.
    async fn ptr(&mut self, target: &str, reverse: &str) -> Result<bool, Abort> {
        // The PTR answer of `validated_names` comes from the cache: look at it for the void
        // count first.
        let answer = self.dns.lookup(reverse, RecordType::Ptr).await;
        if matches!(answer, Ok(Answer::NoData | Answer::NxDomain)) {
            self.trace.query(reverse, RecordType::Ptr, &answer);
            self.count_void()?;
            return Ok(false);
        }
        let target = target.to_ascii_lowercase();
        Ok(!self.validated_names(Some(&target)).await.is_empty())
    }

    /// §5.7: the target has an A record, whatever the client's address family.
    async fn exists(&mut self, target: &str) -> Result<bool, Abort> {
        let answer = self.lookup(target, RecordType::A).await;
        Ok(self.records_or_void(answer)?.is_some_and(|r| !r.is_empty()))
    }

    /// §5: a DNS error is a temperror, NXDOMAIN and NODATA are void lookups (§4.6.4), a name
    /// the resolver cannot ask about has no records.
    fn records_or_void(&mut self, answer: LookupResult) -> Result<Option<Vec<Rdata>>, Abort> {
        match answer {
            Ok(Answer::Records(records)) => Ok(Some(records)),
            Ok(Answer::NoData | Answer::NxDomain) => {
                self.count_void()?;
                Ok(None)
            }
            Err(e) if e.kind == FailureKind::InvalidName => Ok(None),
            Err(e) => Err(Abort::temp(e.detail)),
        }
    }

    /// Whether an address record covers the client within the CIDR length of its family.
    fn covers(&self, record: &Rdata, cidr: DualCidr) -> bool {
        match (record.address(), self.ctx.ip) {
            (Some(IpAddr::V4(net)), IpAddr::V4(ip)) => in_v4(ip, net, cidr.v4.unwrap_or(32)),
            (Some(IpAddr::V6(net)), IpAddr::V6(ip)) => in_v6(ip, net, cidr.v6.unwrap_or(128)),
            _ => false,
        }
    }
}

pub(super) fn in_v4(ip: Ipv4Addr, network: Ipv4Addr, prefix: u8) -> bool {
    let mask = u32::MAX
        .checked_shl(32 - u32::from(prefix.min(32)))
        .unwrap_or(0);
    u32::from(ip) & mask == u32::from(network) & mask
}

pub(super) fn in_v6(ip: Ipv6Addr, network: Ipv6Addr, prefix: u8) -> bool {
    let mask = u128::MAX
        .checked_shl(128 - u32::from(prefix.min(128)))
        .unwrap_or(0);
    u128::from(ip) & mask == u128::from(network) & mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidr_matching() {
        let v4 = |s: &str| s.parse::<Ipv4Addr>().unwrap();
        assert!(in_v4(v4("192.0.2.3"), v4("192.0.2.0"), 24));
        assert!(!in_v4(v4("192.0.3.3"), v4("192.0.2.0"), 24));
        assert!(in_v4(v4("203.0.113.9"), v4("1.1.1.1"), 0));
        assert!(in_v4(v4("192.0.2.3"), v4("192.0.2.3"), 32));
        assert!(!in_v4(v4("192.0.2.4"), v4("192.0.2.3"), 32));
        let v6 = |s: &str| s.parse::<Ipv6Addr>().unwrap();
        assert!(in_v6(v6("cafe:babe:8000::1"), v6("cafe:babe:8000::"), 33));
        assert!(!in_v6(v6("cafe:babe::1"), v6("cafe:babe:8000::"), 33));
        assert!(in_v6(v6("2001:db8::1"), v6("::"), 0));
        assert!(!in_v6(v6("2001:db8::1"), v6("2001:db8::2"), 128));
    }
}
