//! Counting one scope's lookups (e.g. one domain's check) on the run's shared resolver: how
//! many went to the DNS source, how many the cache answered, how many failed (RFC 1035 §7).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use super::Judged;

/// The most answers whose DNSSEC status one scope keeps (a domain's check uses about 150).
const MAX_JUDGED: usize = 2_000;

/// The lookups of one scope.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct QueryCount {
    /// Lookups that went to the source (the network or the zone files): not cached and not
    /// already in flight. The source may send a few more packets for one lookup (a repeat over
    /// TCP, the next resolver after a SERVFAIL, CNAME probes).
    pub sent: u64,
    /// Lookups answered from the cache, or by a query another lookup already had in flight.
    pub cached: u64,
    /// Of those sent, the ones that ended in a lookup error (timeout, SERVFAIL, REFUSED, I/O).
    pub failed: u64,
}

/// Where a scope's lookups are counted; a clone counts into the same numbers.
#[derive(Debug, Clone, Default)]
pub struct QueryCounter(Arc<Counts>);

#[derive(Debug, Default)]
struct Counts {
    sent: AtomicU64,
    cached: AtomicU64,
    failed: AtomicU64,
    judged: Mutex<Vec<Judged>>,
}

impl QueryCounter {
    /// The numbers so far.
    pub fn get(&self) -> QueryCount {
        QueryCount {
            sent: self.0.sent.load(Ordering::Relaxed),
            cached: self.0.cached.load(Ordering::Relaxed),
            failed: self.0.failed.load(Ordering::Relaxed),
        }
    }

    /// The DNSSEC status of each answer the scope used, in the order first used.
    pub fn judged(&self) -> Vec<Judged> {
        self.lock().clone()
    }

    pub(super) fn judged_one(&self, answer: Judged) {
        let mut judged = self.lock();
        let seen = judged
            .iter()
            .any(|j| j.name == answer.name && j.rtype == answer.rtype);
        if !seen && judged.len() < MAX_JUDGED {
            judged.push(answer);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Judged>> {
        self.0
            .judged
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(super) fn sent(&self) {
        self.0.sent.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn cached(&self) {
        self.0.cached.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn failed(&self) {
        self.0.failed.fetch_add(1, Ordering::Relaxed);
    }
}
