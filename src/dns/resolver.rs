//! The one resolver of a run (DESIGN.md "DNS"): answers cached in a bounded cache, identical
//! queries in flight shared, the number of queries in flight bounded, and each scope's lookups
//! counted when it asks for it.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::{OnceCell, Semaphore};

use super::count::QueryCounter;
use super::{DnsSource, Judged, Judgement, LookupError, LookupResult, RawAnswer, RecordType};

type Key = (String, RecordType);
type Slot = Arc<OnceCell<Judgement>>;

/// How much the resolver does at once and remembers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DnsSettings {
    /// Queries sent at once; more wait their turn.
    pub concurrency: usize,
    /// Answers kept; the oldest are forgotten first, so a long bulk run keeps flat memory.
    pub cache_entries: usize,
}

impl Default for DnsSettings {
    fn default() -> Self {
        Self {
            // One domain's DKIM discovery (about 92 names) and its other areas' queries in
            // flight at once, with room for several domains.
            concurrency: 256,
            cache_entries: 50_000,
        }
    }
}

/// Shared handle to the run's resolver; clone it freely.
#[derive(Clone)]
pub struct Dns {
    inner: Arc<Inner>,
    /// Where this handle's lookups are counted, for a handle from [`Dns::counted`].
    counter: Option<QueryCounter>,
}

struct Inner {
    source: Box<dyn DnsSource>,
    cache: Mutex<Cache>,
    permits: Semaphore,
    /// Answers with their signatures, for chains of trust: every domain of a long list walks
    /// the same root and TLD.
    raw: Mutex<HashMap<RawKey, RawAnswer>>,
}

type RawKey = (hickory_proto::rr::Name, hickory_proto::rr::RecordType);

/// Raw answers kept; past it the cache starts over, so memory stays flat.
const RAW_ENTRIES: usize = 4_096;

/// Slots by key, and the keys in the order they were added, for eviction.
struct Cache {
    slots: HashMap<Key, Slot>,
    order: VecDeque<Key>,
    capacity: usize,
}

impl Dns {
    pub fn new(source: impl DnsSource + 'static) -> Self {
        Self::with_settings(source, DnsSettings::default())
    }

    pub fn with_settings(source: impl DnsSource + 'static, settings: DnsSettings) -> Self {
        Self {
            inner: Arc::new(Inner {
                source: Box::new(source),
                cache: Mutex::new(Cache {
                    slots: HashMap::new(),
                    order: VecDeque::new(),
                    capacity: settings.cache_entries.max(1),
                }),
                permits: Semaphore::new(settings.concurrency.max(1)),
                raw: Mutex::new(HashMap::new()),
            }),
            counter: None,
        }
    }

    /// A handle on the same resolver and cache whose lookups (and those of its clones) are
    /// counted, on their own: not in the counter of the handle it was made from.
    pub fn counted(&self) -> (Dns, QueryCounter) {
        let counter = QueryCounter::default();
        let dns = Self {
            inner: self.inner.clone(),
            counter: Some(counter.clone()),
        };
        (dns, counter)
    }

    /// Looks `name` up once while its answer is cached; later and concurrent callers share the
    /// first answer.
    pub async fn lookup(&self, name: &str, rtype: RecordType) -> LookupResult {
        self.lookup_judged(name, rtype).await.0
    }

    /// [`Dns::lookup`] with the answer's DNSSEC status when the source validates; a counted
    /// scope notes the status of each answer it used.
    pub async fn lookup_judged(&self, name: &str, rtype: RecordType) -> Judgement {
        let key = (super::name::canonical(name), rtype);
        let slot = self.slot(&key);
        let sent = AtomicBool::new(false);
        let result = slot
            .get_or_init(|| async {
                // The semaphore is never closed, so acquiring only waits.
                let _permit = self.inner.permits.acquire().await.ok();
                // Counted as it goes out: a lookup abandoned halfway still cost a query.
                sent.store(true, Ordering::Relaxed);
                if let Some(counter) = &self.counter {
                    counter.sent();
                }
                self.inner.source.judged(&key.0, rtype).await
            })
            .await
            .clone();
        if let Some(counter) = &self.counter {
            match (sent.load(Ordering::Relaxed), &result.0) {
                (true, Err(_)) => counter.failed(),
                (true, Ok(_)) => {}
                (false, _) => counter.cached(),
            }
            if let Some(dnssec) = &result.1 {
                counter.judged_one(Judged {
                    name: key.0.clone(),
                    rtype,
                    dnssec: dnssec.clone(),
                });
            }
        }
        result
    }

    /// The records as the upstream sent them, signatures included; answers are cached,
    /// failures are not.
    pub async fn raw(
        &self,
        name: &hickory_proto::rr::Name,
        rtype: hickory_proto::rr::RecordType,
    ) -> Result<RawAnswer, LookupError> {
        let key = (name.to_lowercase(), rtype);
        let cached = self.raw_cache().get(&key).cloned();
        if let Some(answer) = cached {
            if let Some(counter) = &self.counter {
                counter.cached();
            }
            return Ok(answer);
        }
        let _permit = self.inner.permits.acquire().await.ok();
        if let Some(counter) = &self.counter {
            counter.sent();
        }
        let answer = self.inner.source.raw(name, rtype).await?;
        let mut cache = self.raw_cache();
        if cache.len() >= RAW_ENTRIES {
            cache.clear();
        }
        cache.insert(key, answer.clone());
        Ok(answer)
    }

    fn raw_cache(&self) -> std::sync::MutexGuard<'_, HashMap<RawKey, RawAnswer>> {
        self.inner
            .raw
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// How the source validates answers; `None`: it does not.
    pub fn validation(&self) -> Option<super::Validation> {
        self.inner.source.validation()
    }

    /// Answers held in the cache now (for tests of its bound).
    pub fn cached(&self) -> usize {
        self.lock().slots.len()
    }

    fn slot(&self, key: &Key) -> Slot {
        let mut cache = self.lock();
        if let Some(slot) = cache.slots.get(key) {
            return slot.clone();
        }
        // Callers already waiting on an evicted slot keep it alive through their own handle.
        while cache.slots.len() >= cache.capacity {
            let Some(oldest) = cache.order.pop_front() else {
                break;
            };
            cache.slots.remove(&oldest);
        }
        let slot = Slot::default();
        cache.slots.insert(key.clone(), slot.clone());
        cache.order.push_back(key.clone());
        slot
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        // A panic elsewhere cannot leave the map half-changed; keep using it.
        self.inner
            .cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::fake::FakeDns;
    use crate::dns::{QueryCount, Rdata};

    #[tokio::test]
    async fn the_cache_is_bounded_and_forgets_the_oldest_first() {
        let mut fake = FakeDns::default();
        for i in 0..10 {
            fake = fake.add(
                &format!("h{i}.example"),
                RecordType::A,
                Rdata::A([192, 0, 2, i].into()),
            );
        }
        let log = fake.log.clone();
        let dns = Dns::with_settings(
            fake,
            DnsSettings {
                concurrency: 4,
                cache_entries: 3,
            },
        );
        for i in 0..10 {
            dns.lookup(&format!("h{i}.example"), RecordType::A)
                .await
                .unwrap();
        }
        assert_eq!(dns.cached(), 3);
        // The newest answer is still cached; the first was forgotten and is asked again.
        dns.lookup("h9.example", RecordType::A).await.unwrap();
        dns.lookup("h0.example", RecordType::A).await.unwrap();
        let asked = log.lock().unwrap().len();
        assert_eq!(asked, 11);
    }

    #[tokio::test]
    async fn a_counted_scope_counts_sent_cached_and_failed_lookups() {
        let fake = FakeDns::default().a("h.example", "192.0.2.1").fail(
            "bad.example",
            RecordType::A,
            crate::dns::FailureKind::Servfail,
        );
        let dns = Dns::new(fake);
        let (first, counter) = dns.counted();
        first.lookup("h.example", RecordType::A).await.unwrap();
        first.lookup("H.example.", RecordType::A).await.unwrap();
        first
            .clone()
            .lookup("bad.example", RecordType::A)
            .await
            .unwrap_err();
        first
            .lookup("bad.example", RecordType::A)
            .await
            .unwrap_err();
        let want = QueryCount {
            sent: 2,
            cached: 2,
            failed: 1,
        };
        assert_eq!(counter.get(), want);
        // Another scope shares the cache and counts on its own; the plain handle counts nowhere.
        let (second, other) = dns.counted();
        second.lookup("h.example", RecordType::A).await.unwrap();
        dns.lookup("new.example", RecordType::A).await.unwrap();
        assert_eq!(
            other.get(),
            QueryCount {
                sent: 0,
                cached: 1,
                failed: 0
            }
        );
        assert_eq!(counter.get(), want);
    }

    #[tokio::test]
    async fn a_lookup_sharing_a_query_in_flight_counts_as_cached() {
        let mut fake = FakeDns::default().a("h.example", "192.0.2.1");
        fake.delay = Some(std::time::Duration::from_millis(20));
        let dns = Dns::new(fake);
        let ((one, c1), (two, c2)) = (dns.counted(), dns.counted());
        let (a, b) = tokio::join!(
            one.lookup("h.example", RecordType::A),
            two.lookup("h.example", RecordType::A)
        );
        assert_eq!(a, b);
        let (c1, c2) = (c1.get(), c2.get());
        assert_eq!((c1.sent + c2.sent, c1.cached + c2.cached), (1, 1));
    }

    /// A source of raw answers that counts how often it is asked.
    struct RawCounter(std::sync::atomic::AtomicUsize);

    impl DnsSource for RawCounter {
        fn lookup<'a>(
            &'a self,
            _: &'a str,
            _: RecordType,
        ) -> crate::dns::BoxFuture<'a, LookupResult> {
            Box::pin(async { Ok(crate::dns::Answer::NoData) })
        }

        fn raw<'a>(
            &'a self,
            _: &'a hickory_proto::rr::Name,
            _: hickory_proto::rr::RecordType,
        ) -> crate::dns::BoxFuture<'a, Result<RawAnswer, LookupError>> {
            self.0.fetch_add(1, Ordering::Relaxed);
            Box::pin(async {
                Ok(RawAnswer {
                    code: hickory_proto::op::ResponseCode::NoError,
                    answers: Vec::new(),
                    authorities: Vec::new(),
                    authentic: false,
                })
            })
        }
    }

    #[tokio::test]
    async fn raw_answers_are_asked_once_and_counted_as_cached_after() {
        let dns = Dns::new(RawCounter(std::sync::atomic::AtomicUsize::new(0)));
        let (scope, counter) = dns.counted();
        let root = hickory_proto::rr::Name::root();
        for _ in 0..3 {
            scope
                .raw(&root, hickory_proto::rr::RecordType::DNSKEY)
                .await
                .unwrap();
        }
        let c = counter.get();
        assert_eq!((c.sent, c.cached), (1, 2));
    }
}
