//! An in-memory DNS source, the test double every protocol's unit tests use: fixture records,
//! injected failures, an optional delay, a log of queries and a count of lookups in flight.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{
    Answer, BoxFuture, DnsSource, FailureKind, LookupError, LookupResult, Rdata, RecordType, Txt,
};

/// Fixture DNS: names with records answer them, other types at known names and at names with
/// known names below them (empty non-terminals) are NODATA, the rest NXDOMAIN; `fail` makes one (name, type) an error. `delay` slows every answer down.
#[derive(Default, Clone)]
pub(crate) struct FakeDns {
    pub records: HashMap<(String, RecordType), Vec<Rdata>>,
    pub errors: HashMap<(String, RecordType), FailureKind>,
    pub delay: Option<Duration>,
    pub in_flight: Arc<AtomicUsize>,
    pub peak: Arc<AtomicUsize>,
    pub log: Arc<Mutex<Vec<(String, RecordType)>>>,
}

impl FakeDns {
    pub fn add(mut self, name: &str, rtype: RecordType, data: Rdata) -> Self {
        self.records
            .entry((name.to_ascii_lowercase(), rtype))
            .or_default()
            .push(data);
        self
    }
    pub fn txt(self, name: &str, text: &str) -> Self {
        let strings = vec![text.as_bytes().to_vec()];
        self.add(name, RecordType::Txt, Rdata::Txt(Txt { strings }))
    }
    pub fn a(self, name: &str, ip: &str) -> Self {
        self.add(name, RecordType::A, Rdata::A(ip.parse().unwrap()))
    }
    pub fn aaaa(self, name: &str, ip: &str) -> Self {
        self.add(name, RecordType::Aaaa, Rdata::Aaaa(ip.parse().unwrap()))
    }
    pub fn mx(self, name: &str, preference: u16, exchange: &str) -> Self {
        let exchange = exchange.to_string();
        self.add(
            name,
            RecordType::Mx,
            Rdata::Mx {
                preference,
                exchange,
            },
        )
    }
    pub fn ptr(self, name: &str, target: &str) -> Self {
        self.add(name, RecordType::Ptr, Rdata::Ptr(target.to_string()))
    }
    pub fn fail(mut self, name: &str, rtype: RecordType, kind: FailureKind) -> Self {
        self.errors.insert((name.to_string(), rtype), kind);
        self
    }

    fn answer(&self, name: &str, rtype: RecordType) -> LookupResult {
        self.log.lock().unwrap().push((name.to_string(), rtype));
        if let Some(kind) = self.errors.get(&(name.to_string(), rtype)) {
            return Err(LookupError {
                kind: *kind,
                detail: format!("{name} {rtype}: {kind:?}"),
            });
        }
        if let Some(records) = self.records.get(&(name.to_string(), rtype)) {
            return Ok(Answer::Records(records.clone()));
        }
        let below = format!(".{name}");
        if self
            .records
            .keys()
            .any(|(n, _)| n == name || n.ends_with(&below))
        {
            Ok(Answer::NoData)
        } else {
            Ok(Answer::NxDomain)
        }
    }
}

impl DnsSource for FakeDns {
    fn lookup<'a>(&'a self, name: &'a str, rtype: RecordType) -> BoxFuture<'a, LookupResult> {
        Box::pin(async move {
            let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            self.peak.fetch_max(now, Ordering::SeqCst);
            if let Some(d) = self.delay {
                tokio::time::sleep(d).await;
            }
            self.in_flight.fetch_sub(1, Ordering::SeqCst);
            self.answer(name, rtype)
        })
    }
}
