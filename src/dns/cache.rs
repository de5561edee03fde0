//! The one resolver of a run: answers cached, identical queries in flight shared, concurrency
//! bounded (DESIGN.md "DNS").

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::{OnceCell, Semaphore};

use super::{DnsSource, LookupResult, RecordType};

type Slot = Arc<OnceCell<LookupResult>>;

/// Queries at most this many names at once; more wait their turn.
const MAX_IN_FLIGHT: usize = 32;

/// Shared handle to the run's resolver; clone it freely.
#[derive(Clone)]
pub struct Dns {
    inner: Arc<Inner>,
}

struct Inner {
    source: Box<dyn DnsSource>,
    slots: Mutex<HashMap<(String, RecordType), Slot>>,
    permits: Semaphore,
}

impl Dns {
    pub fn new(source: impl DnsSource + 'static) -> Self {
        Self {
            inner: Arc::new(Inner {
                source: Box::new(source),
                slots: Mutex::new(HashMap::new()),
                permits: Semaphore::new(MAX_IN_FLIGHT),
            }),
        }
    }

    /// Looks `name` up once per run; later and concurrent callers share the first answer.
    pub async fn lookup(&self, name: &str, rtype: RecordType) -> LookupResult {
        let key = (super::name::canonical(name), rtype);
        let slot = {
            let mut slots = self.inner.slots.lock().unwrap_or_else(|p| p.into_inner());
            slots.entry(key.clone()).or_default().clone()
        };
        slot.get_or_init(|| async {
            // The semaphore is never closed, so acquiring only waits.
            let _permit = self.inner.permits.acquire().await.ok();
            self.inner.source.lookup(&key.0, rtype).await
        })
        .await
        .clone()
    }
}
