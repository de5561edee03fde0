//! The fetch phase of the SPF audit (RFC 7208 §4.6.4, DESIGN.md "DNS"): every name an SPF tree
//! reaches — include and redirect targets, and the names `a`, `mx` and `exists` look up — is
//! fetched once, concurrently, however many paths lead to it. The walk is bounded by caps on
//! distinct records, depth and queries, and by a deadline; what a bound stops is remembered as
//! such, so the report can say which bound it was.

use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use tokio::time::Instant;

use crate::dns::{Answer, BoxFuture, Dns, LookupError, RecordType, Txt};
use crate::spf::macros::MacroString;
use crate::spf::select::{self, Selection};
use crate::spf::{Mechanism, Modifier, SpfRecord, TermKind};

/// Distinct include/redirect targets one audit follows. A receiver stops at 10 lookups; the largest real
/// trees (several big providers' includes) hold a few dozen records, so this leaves room to show
/// where the lookups go while ending self-multiplying trees at once.
pub const MAX_RECORDS: usize = 100;
/// Include/redirect depth below the domain's own record. Past 10 levels a receiver has already
/// given up; twice that shows how deep the chain goes.
pub const MAX_DEPTH: usize = 20;
/// DNS queries of one audit (records plus `a`, `mx` and `exists` names).
pub const MAX_QUERIES: usize = 400;

/// Which bound stopped the walk somewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bound {
    Records,
    Depth,
    Queries,
    Deadline,
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Records => write!(f, "its limit of {MAX_RECORDS} distinct include targets"),
            Self::Depth => write!(f, "its limit of {MAX_DEPTH} levels of include/redirect"),
            Self::Queries => write!(f, "its limit of {MAX_QUERIES} DNS queries"),
            Self::Deadline => f.write_str("the end of its time budget (--budget)"),
        }
    }
}

/// A record reached by the walk, parsed once.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub txt: Txt,
    pub record: SpfRecord,
    /// Whether a receiver can reach each term: those before `all`, and redirect only without
    /// `all` (§5.1, §6.1).
    pub reached: Vec<bool>,
}

impl Parsed {
    pub fn new(txt: Txt) -> Self {
        let record = SpfRecord::parse(&txt.text());
        let all = record.all();
        let reached = record
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| match (&t.kind, all) {
                (TermKind::Modifier(Modifier::Redirect { .. }), Some(_)) => false,
                (TermKind::Directive(_), Some(a)) => i <= a,
                _ => true,
            })
            .collect();
        Self {
            txt,
            record,
            reached,
        }
    }
}

/// What the TXT lookup of an include or redirect target found.
#[derive(Debug, Clone)]
pub enum Target {
    Record(Box<Parsed>),
    NoRecord,
    Many(Vec<Txt>),
    Failed(LookupError),
    /// Not fetched: a bound stopped the walk before it.
    Stopped(Bound),
}

/// What the lookup an `a`, `mx` or `exists` term makes found.
#[derive(Debug, Clone)]
pub enum Host {
    Answer(Answer),
    Failed(LookupError),
    Stopped(Bound),
}

/// A name one term of a record asks DNS about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Follow {
    Record(String),
    Host(String, RecordType),
    /// The name holds macros: it depends on the sender.
    Macro,
    /// `a` or `mx` without a name, in a record given as text: its domain is unknown.
    OwnDomainUnknown,
}

/// What one term follows, if anything. `own` is the record's own domain, when known.
pub fn follow(kind: &TermKind, own: Option<&str>) -> Option<Follow> {
    let name = |spec: Option<&MacroString>| match spec {
        Some(spec) if spec.has_macros() => Err(Follow::Macro),
        Some(spec) => Ok(crate::dns::name::canonical(&spec.text)),
        None => own.map(str::to_string).ok_or(Follow::OwnDomainUnknown),
    };
    let host = |spec: Option<&MacroString>, rtype| {
        Some(name(spec).map_or_else(|f| f, |n| Follow::Host(n, rtype)))
    };
    match kind {
        TermKind::Directive(d) => match &d.mechanism {
            Mechanism::Include { domain } => {
                Some(name(Some(domain)).map_or_else(|f| f, Follow::Record))
            }
            Mechanism::A { domain, .. } => host(domain.as_ref(), RecordType::A),
            Mechanism::Mx { domain, .. } => host(domain.as_ref(), RecordType::Mx),
            Mechanism::Exists { domain } => host(Some(domain), RecordType::A),
            _ => None,
        },
        TermKind::Modifier(Modifier::Redirect { domain }) => {
            Some(name(Some(domain)).map_or_else(|f| f, Follow::Record))
        }
        _ => None,
    }
}

/// Everything the walk fetched, by name.
#[derive(Debug, Default)]
pub struct Fetched {
    pub targets: HashMap<String, Target>,
    pub hosts: HashMap<(String, RecordType), Host>,
    pub queries: usize,
}

enum Job {
    Target(String, usize, Result<select::Lookup, LookupError>),
    Host(String, RecordType, Result<Answer, LookupError>),
}

/// Fetches everything reachable from `root` (found at `root_name`, or given as text when
/// `root_is_domain` is false), within the bounds and before `deadline`.
pub async fn fetch_all(
    dns: &Dns,
    root_name: &str,
    root: &Parsed,
    root_is_domain: bool,
    budget: Duration,
) -> Fetched {
    let deadline = Instant::now() + budget;
    let mut walk = Fetcher {
        dns,
        fetched: Fetched::default(),
        jobs: FuturesUnordered::new(),
    };
    walk.plan(root, root_is_domain.then_some(root_name), 0);
    loop {
        match tokio::time::timeout_at(deadline, walk.jobs.next()).await {
            Ok(Some(Job::Target(name, depth, result))) => walk.target_done(name, depth, result),
            Ok(Some(Job::Host(name, rtype, result))) => {
                let host = result.map_or_else(Host::Failed, Host::Answer);
                walk.fetched.hosts.insert((name, rtype), host);
            }
            Ok(None) => break,
            Err(_) => {
                walk.stop_pending();
                break;
            }
        }
    }
    walk.fetched
}

struct Fetcher<'a> {
    dns: &'a Dns,
    fetched: Fetched,
    jobs: FuturesUnordered<BoxFuture<'a, Job>>,
}

impl Fetcher<'_> {
    /// Queues what the reached terms of a record at `depth` need and nobody has asked for yet.
    fn plan(&mut self, parsed: &Parsed, own: Option<&str>, depth: usize) {
        let terms = parsed.record.terms.iter().zip(&parsed.reached);
        for (term, _) in terms.filter(|(_, reached)| **reached) {
            match follow(&term.kind, own) {
                Some(Follow::Record(name)) => self.queue_target(name, depth + 1),
                Some(Follow::Host(name, rtype)) => self.queue_host(name, rtype),
                _ => {}
            }
        }
    }

    fn queue_target(&mut self, name: String, depth: usize) {
        // A name first met too deep may be met again higher up, where it is within bounds.
        match self.fetched.targets.get(&name) {
            Some(Target::Stopped(Bound::Depth)) if depth <= MAX_DEPTH => {}
            Some(_) => return,
            None => {}
        }
        let bound = if depth > MAX_DEPTH {
            Some(Bound::Depth)
        } else if self.fetched.targets.len() >= MAX_RECORDS {
            Some(Bound::Records)
        } else {
            self.query_bound()
        };
        // A queued name holds "stopped by the deadline" until its answer replaces it.
        let placeholder = Target::Stopped(bound.unwrap_or(Bound::Deadline));
        self.fetched.targets.insert(name.clone(), placeholder);
        if bound.is_none() {
            let dns = self.dns;
            self.jobs.push(Box::pin(async move {
                let result = select::lookup(dns, &name).await;
                Job::Target(name, depth, result)
            }));
        }
    }

    fn queue_host(&mut self, name: String, rtype: RecordType) {
        let key = (name, rtype);
        if self.fetched.hosts.contains_key(&key) {
            return;
        }
        let bound = self.query_bound();
        self.fetched
            .hosts
            .insert(key.clone(), Host::Stopped(bound.unwrap_or(Bound::Deadline)));
        if bound.is_none() {
            let dns = self.dns;
            self.jobs.push(Box::pin(async move {
                let result = dns.lookup(&key.0, key.1).await;
                Job::Host(key.0, key.1, result)
            }));
        }
    }

    /// Counts one more query, or says the query cap is reached.
    fn query_bound(&mut self) -> Option<Bound> {
        if self.fetched.queries >= MAX_QUERIES {
            return Some(Bound::Queries);
        }
        self.fetched.queries += 1;
        None
    }

    fn target_done(
        &mut self,
        name: String,
        depth: usize,
        result: Result<select::Lookup, LookupError>,
    ) {
        let target = match result {
            Err(e) => Target::Failed(e),
            Ok(found) => match found.selection {
                Selection::None => Target::NoRecord,
                Selection::Many(records) => Target::Many(records),
                Selection::One(txt) => {
                    let parsed = Parsed::new(txt);
                    self.plan(&parsed, Some(&name), depth);
                    Target::Record(Box::new(parsed))
                }
            },
        };
        self.fetched.targets.insert(name, target);
    }

    /// The deadline passed: whatever is still queued keeps its "stopped by the deadline" mark.
    fn stop_pending(&mut self) {
        self.jobs = FuturesUnordered::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::fake::FakeDns;

    fn parsed(text: &str) -> Parsed {
        Parsed::new(Txt::single(text))
    }

    #[tokio::test]
    async fn fetches_each_name_once_however_many_paths_reach_it() {
        // Each level includes the next twice: 2^15 paths, 16 distinct names.
        let mut fake = FakeDns::default();
        for i in 0..15 {
            let next = format!("l{}.example", i + 1);
            fake = fake.txt(
                &format!("l{i}.example"),
                &format!("v=spf1 include:{next} include:{next} -all"),
            );
        }
        fake = fake.txt("l15.example", "v=spf1 a:host.example -all");
        let log = fake.log.clone();
        let dns = Dns::new(fake);
        let root = parsed("v=spf1 include:l0.example -all");
        let fetched = fetch_all(&dns, "example.com", &root, true, Duration::from_secs(5)).await;
        assert_eq!(fetched.targets.len(), 16);
        assert_eq!(fetched.hosts.len(), 1);
        assert_eq!(log.lock().unwrap().len(), 17);
    }

    #[tokio::test]
    async fn bounds_stop_the_walk_and_say_which() {
        // A chain deeper than MAX_DEPTH.
        let mut fake = FakeDns::default();
        for i in 0..30 {
            fake = fake.txt(
                &format!("d{i}.example"),
                &format!("v=spf1 include:d{}.example -all", i + 1),
            );
        }
        let dns = Dns::new(fake);
        let root = parsed("v=spf1 include:d0.example -all");
        let fetched = fetch_all(&dns, "example.com", &root, true, Duration::from_secs(5)).await;
        let stopped: Vec<_> = fetched
            .targets
            .values()
            .filter_map(|t| match t {
                Target::Stopped(b) => Some(*b),
                _ => None,
            })
            .collect();
        assert_eq!(stopped, [Bound::Depth]);
        assert_eq!(fetched.targets.len(), MAX_DEPTH + 1);
    }

    #[tokio::test]
    async fn the_deadline_ends_a_slow_walk() {
        let fake = FakeDns {
            delay: Some(Duration::from_secs(30)),
            ..FakeDns::default()
        };
        let dns = Dns::new(fake);
        let root = parsed("v=spf1 include:slow.example -all");
        let started = std::time::Instant::now();
        let fetched = fetch_all(&dns, "example.com", &root, true, Duration::from_millis(50)).await;
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(matches!(
            fetched.targets.get("slow.example"),
            Some(Target::Stopped(Bound::Deadline))
        ));
    }
}
