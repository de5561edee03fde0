//! Cache warming for SPF check_host() (RFC 7208 §4.6, bounded by §4.6.4): while the evaluation
//! walks the terms one at a time, as §4.6 orders, this walks the same include/redirect tree
//! ahead of it and asks DNS for what the terms will need, so that the evaluation mostly finds
//! its answers waiting in the run's cache.
//!
//! Nothing here decides anything: answers only land in [`Dns`]'s cache, which gives the
//! evaluation the very answers it would have got itself. The walk stays within the limits the
//! evaluation obeys — at most [`MAX_DNS_TERMS`] DNS-querying terms in all, at most ten MX names
//! per `mx`, and a few address lookups — so it never queries more than a complete evaluation
//! could. Terms whose target needs `%{p}` are left to the evaluation.

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;

use crate::dns::name::reverse_name;
use crate::dns::{Answer, BoxFuture, Dns, RecordType};

use crate::spf::macros::MacroString;
use crate::spf::select::{self, Selection};
use crate::spf::{MAX_DNS_TERMS, MAX_NAMES_PER_MECHANISM, Mechanism, SpfRecord};

use super::expand::{MacroContext, Values, expand_domain, needs_ptr};

/// Address lookups of MX hosts the walk may make in all.
const MAX_ADDRESS_LOOKUPS: usize = 20;

/// What one finished lookup leads to.
enum Fetched {
    /// An SPF record (valid) at this domain: its terms come next.
    Record(String, SpfRecord),
    /// MX host names, in preference order: their addresses come next.
    Hosts(Vec<String>),
    Nothing,
}

struct Warmer<'a> {
    dns: &'a Dns,
    ctx: &'a MacroContext,
    address_type: RecordType,
    terms_left: usize,
    addresses_left: usize,
    jobs: FuturesUnordered<BoxFuture<'a, Fetched>>,
}

/// Walks the SPF tree of `domain` ahead of the evaluation; returns when there is nothing more
/// to fetch. The caller drops it once the evaluation is done.
pub(super) async fn warm(dns: &Dns, ctx: &MacroContext, domain: &str) {
    let mut walk = Warmer {
        dns,
        ctx,
        address_type: if ctx.ip.is_ipv4() {
            RecordType::A
        } else {
            RecordType::Aaaa
        },
        terms_left: MAX_DNS_TERMS,
        addresses_left: MAX_ADDRESS_LOOKUPS,
        jobs: FuturesUnordered::new(),
    };
    walk.jobs
        .push(Box::pin(fetch_record(dns, domain.to_string())));
    while let Some(fetched) = walk.jobs.next().await {
        match fetched {
            Fetched::Record(domain, record) => walk.plan(&domain, &record),
            Fetched::Hosts(hosts) => {
                for host in hosts {
                    if walk.addresses_left == 0 {
                        break;
                    }
                    walk.addresses_left -= 1;
                    walk.jobs.push(Box::pin(ask(dns, host, walk.address_type)));
                }
            }
            Fetched::Nothing => {}
        }
    }
}

impl<'a> Warmer<'a> {
    /// Queues the lookups of a record's DNS-querying terms, in order, while the budget lasts.
    fn plan(&mut self, domain: &str, record: &SpfRecord) {
        for (_, directive) in record.directives() {
            let mechanism = &directive.mechanism;
            if matches!(mechanism, Mechanism::All) {
                // Nothing after `all` is evaluated, redirect= included.
                return;
            }
            if !mechanism.queries_dns() {
                continue;
            }
            if self.terms_left == 0 {
                return;
            }
            self.terms_left -= 1;
            let dns = self.dns;
            let job: BoxFuture<'a, Fetched> = match mechanism {
                Mechanism::Include { domain: spec } => match self.target(Some(spec), domain) {
                    Some(target) => Box::pin(fetch_record(dns, target)),
                    None => continue,
                },
                Mechanism::A { domain: spec, .. } => match self.target(spec.as_ref(), domain) {
                    Some(target) => Box::pin(ask(dns, target, self.address_type)),
                    None => continue,
                },
                Mechanism::Mx { domain: spec, .. } => match self.target(spec.as_ref(), domain) {
                    Some(target) => Box::pin(hosts(dns, target)),
                    None => continue,
                },
                Mechanism::Exists { domain: spec } => match self.target(Some(spec), domain) {
                    Some(target) => Box::pin(ask(dns, target, RecordType::A)),
                    None => continue,
                },
                Mechanism::Ptr { .. } => {
                    Box::pin(ask(dns, reverse_name(self.ctx.ip), RecordType::Ptr))
                }
                Mechanism::All | Mechanism::Ip4 { .. } | Mechanism::Ip6 { .. } => continue,
            };
            self.jobs.push(job);
        }
        if let Some(spec) = record.redirect()
            && self.terms_left > 0
        {
            self.terms_left -= 1;
            if let Some(target) = self.target(Some(spec), domain) {
                self.jobs.push(Box::pin(fetch_record(self.dns, target)));
            }
        }
    }

    /// The expanded target, unless it needs `%{p}` or cannot be a DNS name.
    fn target(&self, spec: Option<&MacroString>, domain: &str) -> Option<String> {
        let Some(spec) = spec else {
            return Some(domain.to_string());
        };
        if needs_ptr(spec) {
            return None;
        }
        let values = Values {
            ctx: self.ctx,
            domain,
            ptr: None,
        };
        expand_domain(spec, &values).ok()
    }
}

/// The TXT lookup of check_host(), and the record it would select.
async fn fetch_record(dns: &Dns, domain: String) -> Fetched {
    let Ok(select::Lookup {
        selection: Selection::One(txt),
        ..
    }) = select::lookup(dns, &domain).await
    else {
        return Fetched::Nothing;
    };
    let record = SpfRecord::parse(&txt.text());
    if record.errors.is_empty() {
        Fetched::Record(domain, record)
    } else {
        Fetched::Nothing
    }
}

async fn hosts(dns: &Dns, target: String) -> Fetched {
    let Ok(Answer::Records(records)) = dns.lookup(&target, RecordType::Mx).await else {
        return Fetched::Nothing;
    };
    let hosts = crate::dns::mx_exchanges(&records);
    if hosts.len() > MAX_NAMES_PER_MECHANISM {
        // The evaluation stops with a permerror here.
        return Fetched::Nothing;
    }
    Fetched::Hosts(hosts)
}

async fn ask(dns: &Dns, name: String, rtype: RecordType) -> Fetched {
    // Only the cache wants the answer.
    let _ = dns.lookup(&name, rtype).await;
    Fetched::Nothing
}
