//! Answers from the network: the system's resolvers or the ones given with `--resolver`, UDP
//! with TCP fallback on truncation (RFC 1035 §4.2, RFC 7766), paced per server with `--qps`.
//! Through hickory-resolver; with one server and no `--qps`, most queries over the long-lived
//! sockets of udp.rs instead, which cost a bulk run far less than a socket per query.

mod validating;

use std::future::Future;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use hickory_proto::rr::{Name, RecordType as HickoryType};
use hickory_resolver::TokioResolver;
use hickory_resolver::config::{
    ConnectionConfig, NameServerConfig, ProtocolConfig, ResolverConfig, ResolverOpts,
};
use hickory_resolver::lookup::Lookup;
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError};
use hickory_resolver::system_conf::read_system_conf;

use hickory_proto::dnssec::TrustAnchors;
use tokio::sync::OnceCell;

use super::anchor::Anchor;
use super::failure::{classify, failure, passes_on, server_failure};
use super::rate::Pacer;
use super::raw::RawAnswer;
use super::udp::{Reply, UdpClient};
use super::wire::{
    MAX_CNAME_CHAIN, answered_loop, chain_problem, cname_of, convert, direct_answer, hickory_type,
};
use super::{
    Answer, BoxFuture, DnsSource, FailureKind, Judgement, LookupError, LookupResult, Rdata,
    RecordType, Validation,
};
use validating::Validator;

/// The resolver could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum ResolverError {
    #[error("cannot read the system's resolver configuration: {0}")]
    SystemConfig(#[source] NetError),
    #[error("cannot start the DNS resolver: {0}")]
    Start(#[source] NetError),
}

pub struct LiveSource {
    route: Route,
    /// With one server and no `--qps`: most queries go over long-lived sockets (udp.rs), the
    /// rest through `route`.
    direct: Option<Direct>,
    pub(super) timeout: Duration,
    /// Where DNSSEC records are asked for as sent: the first server.
    pub(super) raw: Option<(SocketAddr, UdpClient)>,
    validator: Option<Validator>,
}

/// How a query reaches the upstream resolvers.
pub(super) enum Route {
    /// Without `--qps`: every server in one pool (hickory asks them in parallel and moves on
    /// past timeouts), and each server on its own when there are several: the pool takes a
    /// SERVFAIL or REFUSED from whichever server answers first as final, so those are asked
    /// again.
    Pool {
        resolver: Box<TokioResolver>,
        each: Vec<TokioResolver>,
    },
    /// With `--qps`: one server at a time, in turn, each at its own pace. The pool may send one
    /// query to two servers at once and picks servers by latency, which would break a cap per
    /// server.
    Paced {
        servers: Vec<Upstream>,
        turn: AtomicUsize,
    },
}

/// The one server over long-lived UDP sockets, and over TCP for the answers too large for UDP.
pub(super) struct Direct {
    udp: UdpClient,
    tcp: TokioResolver,
}

/// One upstream resolver and its pace.
pub(super) struct Upstream {
    resolver: TokioResolver,
    pacer: Pacer,
}

impl LiveSource {
    /// `servers` empty means the system configuration (`/etc/resolv.conf`).
    pub fn new(servers: &[SocketAddr], timeout: Duration) -> Result<Self, ResolverError> {
        Self::with_qps(servers, timeout, None)
    }

    /// Like [`LiveSource::new`], sending at most `qps` queries a second to each server when
    /// given (every query, re-asks and CNAME probes included).
    pub fn with_qps(
        servers: &[SocketAddr],
        timeout: Duration,
        qps: Option<NonZeroU32>,
    ) -> Result<Self, ResolverError> {
        Self::with_options(servers, timeout, qps, None)
    }

    /// Like [`LiveSource::with_qps`]; with `dnssec`, every answer is validated, from these
    /// anchors or (when empty) from hickory's root anchors.
    pub fn with_options(
        servers: &[SocketAddr],
        timeout: Duration,
        qps: Option<NonZeroU32>,
        dnssec: Option<Vec<Anchor>>,
    ) -> Result<Self, ResolverError> {
        let (config, opts) = configure(servers, timeout)?;
        let route = route(&config, &opts, qps, &Validate::Off)?;
        let first = config.name_servers().first();
        let raw = first.map(|one| {
            let addr = SocketAddr::new(one.ip, port_of(one, true));
            (addr, UdpClient::new(addr))
        });
        let direct = match (qps, config.name_servers(), &dnssec) {
            (None, [one], None) => Some(Direct {
                udp: UdpClient::new(SocketAddr::new(one.ip, port_of(one, true))),
                tcp: tcp_only(&config, one, opts.clone())?,
            }),
            _ => None,
        };
        let validator = dnssec.map(|anchors| Validator {
            anchors,
            config,
            opts,
            qps,
            route: OnceCell::new(),
        });
        Ok(Self {
            route,
            direct,
            timeout,
            raw,
            validator,
        })
    }
}

/// Whether a resolver validates, and from which anchors.
#[derive(Clone)]
pub(super) enum Validate {
    Off,
    /// From hickory's root anchors.
    BuiltInRoot,
    From(Arc<TrustAnchors>),
}

/// The resolvers a query goes through.
pub(super) fn route(
    config: &ResolverConfig,
    opts: &ResolverOpts,
    qps: Option<NonZeroU32>,
    anchors: &Validate,
) -> Result<Route, ResolverError> {
    let build = |config: ResolverConfig| build(config, opts.clone(), anchors);
    let alone = |server: &NameServerConfig| {
        let parts = (config.domain().cloned(), config.search().to_vec());
        build(ResolverConfig::from_parts(
            parts.0,
            parts.1,
            vec![server.clone()],
        ))
    };
    Ok(match (qps, config.name_servers()) {
        (Some(qps), all) => Route::Paced {
            servers: all
                .iter()
                .map(|server| {
                    Ok(Upstream {
                        resolver: alone(server)?,
                        pacer: Pacer::new(qps),
                    })
                })
                .collect::<Result<_, ResolverError>>()?,
            turn: AtomicUsize::new(0),
        },
        (None, all @ [_, _, ..]) => Route::Pool {
            resolver: Box::new(build(config.clone())?),
            each: all.iter().map(alone).collect::<Result<_, _>>()?,
        },
        (None, _) => Route::Pool {
            resolver: Box::new(build(config.clone())?),
            each: Vec::new(),
        },
    })
}

impl LiveSource {
    /// One query, to the pool or to the paced servers in turn.
    pub(super) async fn ask(&self, name: &Name, rtype: HickoryType) -> Result<Lookup, NetError> {
        self.ask_on(&self.route, name, rtype).await
    }

    pub(super) async fn ask_on(
        &self,
        route: &Route,
        name: &Name,
        rtype: HickoryType,
    ) -> Result<Lookup, NetError> {
        match route {
            Route::Pool { resolver, each } => {
                self.bounded(pooled(resolver, each, name, rtype)).await
            }
            Route::Paced { servers, turn } => {
                let first = turn.fetch_add(1, Ordering::Relaxed);
                self.paced(servers, first, name, rtype).await
            }
        }
    }

    /// Asks the servers one after another from `first`, each when its pace allows, until one
    /// answers with more than its own failure (RFC 1035 §7.2: try the next server). When every
    /// server fails, the first failure stands.
    async fn paced(
        &self,
        servers: &[Upstream],
        first: usize,
        name: &Name,
        rtype: HickoryType,
    ) -> Result<Lookup, NetError> {
        let mut failure = None;
        for i in 0..servers.len() {
            let server = &servers[(first + i) % servers.len()];
            // Waiting for the slot is not part of the query's --timeout.
            server.pacer.wait().await;
            match self
                .bounded(server.resolver.lookup(name.clone(), rtype))
                .await
            {
                Err(e) if passes_on(&e) => {
                    failure.get_or_insert(e);
                }
                other => return other,
            }
        }
        Err(failure.unwrap_or(NetError::NoConnections))
    }

    /// A hard bound on top of hickory's own, so that no query outlives --timeout by much.
    async fn bounded(
        &self,
        query: impl Future<Output = Result<Lookup, NetError>>,
    ) -> Result<Lookup, NetError> {
        let guard = self.timeout + Duration::from_millis(250);
        tokio::time::timeout(guard, query)
            .await
            .unwrap_or(Err(NetError::Timeout))
    }

    pub(super) async fn query(&self, name: &str, rtype: RecordType) -> LookupResult {
        let fqdn = fqdn(name)?;
        let wanted = hickory_type(rtype);
        let asked = match &self.direct {
            Some(direct) => match direct.udp.ask(&fqdn, wanted, self.timeout, false).await {
                Ok(Reply::Timeout) => {
                    return Err(failure(FailureKind::Timeout, name, rtype, "timed out"));
                }
                // Too large for UDP: over TCP at once (RFC 7766).
                Ok(Reply::Answer(answer)) if answer.metadata.truncation => {
                    self.bounded(direct.tcp.lookup(fqdn.clone(), wanted)).await
                }
                Ok(Reply::Answer(answer)) => match direct_answer(&answer, &fqdn, wanted) {
                    Some(result) => {
                        return result.map_err(|(kind, what)| failure(kind, name, rtype, &what));
                    }
                    None => self.ask(&fqdn, wanted).await,
                },
                // A socket error: the full resolver asks again, and names the failure.
                Err(_) => self.ask(&fqdn, wanted).await,
            },
            None => self.ask(&fqdn, wanted).await,
        };
        self.conclude(asked, &fqdn, name, rtype).await
    }

    /// What a lookup through hickory says, in mailaudit's terms.
    pub(super) async fn conclude(
        &self,
        asked: Result<Lookup, NetError>,
        fqdn: &Name,
        name: &str,
        rtype: RecordType,
    ) -> LookupResult {
        let (fqdn, wanted) = (fqdn.clone(), hickory_type(rtype));
        let lookup = match asked {
            // A negative answer reached through a CNAME chain, or without the SOA that RFC 2308
            // asks every negative answer to carry, may hide a loop.
            Err(NetError::Dns(DnsError::NoRecordsFound(no)))
                if no.query.name() != &fqdn || no.soa.is_none() =>
            {
                if let Some(chain) = self.cname_loop(&fqdn).await {
                    return Err(failure(FailureKind::CnameLoop, name, rtype, &chain));
                }
                return classify(NetError::Dns(DnsError::NoRecordsFound(no)), name, rtype);
            }
            Err(e) => return classify(e, name, rtype),
            Ok(lookup) => lookup,
        };
        // An authoritative server answers a loop with the CNAMEs alone (NOERROR). And one bound
        // for every chain: the CNAMEs hickory gathered by asking again and those a server put
        // in one answer count alike, so a chain too long to ask for is too long to accept.
        if let Some(chain) = answered_loop(lookup.answers(), &fqdn) {
            return Err(failure(FailureKind::CnameLoop, name, rtype, &chain));
        }
        let records: Vec<Rdata> = lookup
            .answers()
            .iter()
            .filter(|r| r.record_type() == wanted)
            .filter_map(|r| convert(&r.data))
            .collect();
        if records.is_empty() {
            return Ok(Answer::NoData);
        }
        Ok(Answer::Records(records))
    }

    /// hickory reports a CNAME loop as the loop's last name having no records, so a loop looks
    /// like NODATA. Following the chain with CNAME queries (which hickory does not chase) tells
    /// the two apart.
    async fn cname_loop(&self, start: &Name) -> Option<String> {
        let mut links: Vec<(Name, Name)> = Vec::new();
        let mut name = start.clone();
        while links.len() <= MAX_CNAME_CHAIN && !links.iter().any(|(owner, _)| *owner == name) {
            let Ok(lookup) = self.ask(&name, HickoryType::CNAME).await else {
                break;
            };
            let Some(target) = cname_of(lookup.answers(), &name) else {
                break;
            };
            links.push((name, target.clone()));
            name = target;
        }
        chain_problem(start, |n| {
            links
                .iter()
                .find(|(owner, _)| owner == n)
                .map(|(_, target)| target.clone())
        })
    }
}

impl DnsSource for LiveSource {
    fn lookup<'a>(&'a self, name: &'a str, rtype: RecordType) -> BoxFuture<'a, LookupResult> {
        Box::pin(async move { self.query_judged(name, rtype).await.0 })
    }

    fn judged<'a>(&'a self, name: &'a str, rtype: RecordType) -> BoxFuture<'a, Judgement> {
        Box::pin(self.query_judged(name, rtype))
    }

    fn raw<'a>(
        &'a self,
        name: &'a Name,
        rtype: HickoryType,
    ) -> BoxFuture<'a, Result<RawAnswer, LookupError>> {
        Box::pin(self.raw_query(name, rtype))
    }

    fn validation(&self) -> Option<Validation> {
        self.validator.as_ref().map(|v| {
            if v.anchors.is_empty() {
                Validation::BuiltInRoot
            } else {
                Validation::GivenAnchors
            }
        })
    }
}

/// `name` as a DNS name, label by label: SPF names may hold any printable byte (RFC 7208
/// §7.3), which hostname parsing would reject.
pub(super) fn fqdn(name: &str) -> Result<Name, LookupError> {
    Name::from_labels(name.split('.').map(str::as_bytes)).map_err(|e| LookupError {
        kind: FailureKind::InvalidName,
        detail: format!("{name} is not a valid DNS name: {e}"),
    })
}

/// The port of a server's UDP (or TCP) connection: 53 unless the configuration says otherwise.
fn port_of(server: &NameServerConfig, udp: bool) -> u16 {
    server
        .connections
        .iter()
        .find(|c| matches!(c.protocol, ProtocolConfig::Udp) == udp)
        .map_or(53, |c| c.port)
}

/// A resolver that asks `server` over TCP only.
fn tcp_only(
    config: &ResolverConfig,
    server: &NameServerConfig,
    opts: ResolverOpts,
) -> Result<TokioResolver, ResolverError> {
    let mut tcp = ConnectionConfig::tcp();
    tcp.port = port_of(server, false);
    let alone = NameServerConfig::new(server.ip, server.trust_negative_responses, vec![tcp]);
    let parts = (config.domain().cloned(), config.search().to_vec());
    build(
        ResolverConfig::from_parts(parts.0, parts.1, vec![alone]),
        opts,
        &Validate::Off,
    )
}

/// The servers and options: the system's or the ones given, with one attempt per query so that
/// `--timeout` bounds the whole query, as the user asked.
fn configure(
    servers: &[SocketAddr],
    timeout: Duration,
) -> Result<(ResolverConfig, ResolverOpts), ResolverError> {
    let (config, mut opts) = if servers.is_empty() {
        read_system_conf().map_err(ResolverError::SystemConfig)?
    } else {
        let name_servers = servers
            .iter()
            .map(|addr| {
                let mut udp = ConnectionConfig::udp();
                udp.port = addr.port();
                let mut tcp = ConnectionConfig::tcp();
                tcp.port = addr.port();
                NameServerConfig::new(addr.ip(), true, vec![udp, tcp])
            })
            .collect();
        let config = ResolverConfig::from_name_servers(name_servers);
        (config, ResolverOpts::default())
    };
    opts.timeout = timeout;
    opts.attempts = 1;
    opts.ndots = 0;
    opts.edns0 = true;
    opts.recursion_desired = true;
    // The run's own resolver caches every answer (dns/resolver.rs): a second cache inside
    // hickory would only cost time and memory.
    opts.cache_size = 0;
    // An audit reports what DNS says, never this machine's /etc/hosts.
    opts.use_hosts_file = hickory_resolver::config::ResolveHosts::Never;
    Ok((config, opts))
}

/// One query to the pool; a SERVFAIL or REFUSED from it sends the query to every server on its
/// own (RFC 1035 §7.2: on a server failure, try the next server). The first answer that is not
/// such a failure wins; when every server fails, the pool's error stands.
async fn pooled(
    resolver: &TokioResolver,
    each: &[TokioResolver],
    name: &Name,
    rtype: HickoryType,
) -> Result<Lookup, NetError> {
    let pooled = resolver.lookup(name.clone(), rtype).await;
    match &pooled {
        Err(e) if server_failure(e) && !each.is_empty() => {}
        _ => return pooled,
    }
    // All at once, so that a dead server before a working one does not use up the time.
    let mut asked: FuturesUnordered<_> = each
        .iter()
        .map(|single| single.lookup(name.clone(), rtype))
        .collect();
    while let Some(result) = asked.next().await {
        match result {
            Err(e) if passes_on(&e) => {}
            other => return other,
        }
    }
    pooled
}

fn build(
    config: ResolverConfig,
    mut opts: ResolverOpts,
    anchors: &Validate,
) -> Result<TokioResolver, ResolverError> {
    opts.validate = !matches!(anchors, Validate::Off);
    let mut builder = TokioResolver::builder_with_config(config, TokioRuntimeProvider::default());
    if let Validate::From(anchors) = anchors {
        builder = builder.with_trust_anchor(anchors.clone());
    }
    *builder.options_mut() = opts;
    builder.build().map_err(ResolverError::Start)
}
