//! Pacing the queries sent to one upstream resolver (`--qps`): public resolvers rate-limit
//! their clients (no RFC sets the limits; each operator has its own), and a bulk run must stay
//! under them.
//!
//! Each query reserves the next free slot, 1/N s after the slot before it, and waits for it.
//! There is no burst: a resolver that was idle gets its next query at once, but never two
//! within 1/N s. So `count` queries span at least `(count - 1) / N` seconds: measured over a
//! run of 11 queries or more, the rate the resolver sees is within 10% of N (within 1% past
//! 100 queries), whatever the number of callers. A caller that gives up while waiting leaves
//! its slot unused: the cap errs on the side of fewer queries.

use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// One resolver's pace: at most N queries per second, evenly spaced. Shared by every caller.
#[derive(Debug)]
pub struct Pacer {
    interval: Duration,
    /// The earliest instant the next query may be sent.
    next: Mutex<Option<Instant>>,
}

impl Pacer {
    pub fn new(per_second: NonZeroU32) -> Self {
        // Rounded up, so the spacing never makes the rate exceed N.
        let nanos = 1_000_000_000_u64.div_ceil(u64::from(per_second.get()));
        Self {
            interval: Duration::from_nanos(nanos),
            next: Mutex::new(None),
        }
    }

    /// The time between two queries.
    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// Waits for this caller's slot. Slots are handed out in call order.
    pub async fn wait(&self) {
        let slot = self.reserve(Instant::now());
        tokio::time::sleep_until(slot).await;
    }

    /// Takes the first free slot at or after `now`, and returns it.
    fn reserve(&self, now: Instant) -> Instant {
        let mut next = self
            .next
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // An idle pacer does not save up slots: no burst after a pause.
        let slot = next.map_or(now, |n| n.max(now));
        *next = Some(slot + self.interval);
        slot
    }
}

#[cfg(test)]
mod tests {
    // Paused time would need tokio's test-util feature; the clock is passed in instead, which
    // is as deterministic.
    use std::sync::Arc;

    use super::*;

    fn pacer(n: u32) -> Arc<Pacer> {
        Arc::new(Pacer::new(NonZeroU32::new(n).unwrap()))
    }

    /// The slots `pacer` hands out, as offsets from `start`, to callers arriving at `arrivals`.
    fn slots(pacer: &Pacer, start: Instant, arrivals: &[u64]) -> Vec<u128> {
        arrivals
            .iter()
            .map(|ms| {
                let slot = pacer.reserve(start + Duration::from_millis(*ms));
                (slot - start).as_millis()
            })
            .collect()
    }

    #[test]
    fn slots_are_spaced_one_nth_of_a_second_apart_without_a_burst() {
        let pacer = pacer(10);
        // Five callers at once: one every 100 ms, the first at once.
        assert_eq!(
            slots(&pacer, Instant::now(), &[0, 0, 0, 0, 0]),
            [0, 100, 200, 300, 400]
        );
    }

    #[test]
    fn concurrent_callers_share_one_cap() {
        let pacer = pacer(200);
        let start = Instant::now();
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let pacer = pacer.clone();
                std::thread::spawn(move || {
                    (0..25).map(|_| pacer.reserve(start)).collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all: Vec<Instant> = threads
            .into_iter()
            .flat_map(|t| t.join().unwrap())
            .collect();
        all.sort();
        // 200 callers on 8 threads got 200 slots, 5 ms apart: one second's worth.
        for (i, slot) in all.iter().enumerate() {
            assert_eq!(*slot - start, pacer.interval() * u32::try_from(i).unwrap());
        }
    }

    #[test]
    fn an_idle_pacer_saves_up_no_slots() {
        let pacer = pacer(4);
        // A caller, ten idle seconds, then three at once: the first goes at once, then one
        // every 250 ms.
        assert_eq!(
            slots(&pacer, Instant::now(), &[0, 10_000, 10_000, 10_000]),
            [0, 10_000, 10_250, 10_500]
        );
    }

    #[test]
    fn callers_arriving_in_between_wait_for_the_next_free_slot() {
        let pacer = pacer(10);
        assert_eq!(
            slots(&pacer, Instant::now(), &[0, 30, 150, 160, 450]),
            [0, 100, 200, 300, 450]
        );
    }

    #[tokio::test]
    async fn wait_returns_at_the_slot() {
        let pacer = pacer(1_000_000);
        let start = Instant::now();
        for _ in 0..3 {
            pacer.wait().await;
        }
        // Three slots 1 µs apart: the last at 2 µs (no upper bound on a busy machine).
        assert!(start.elapsed() >= Duration::from_micros(2));
    }

    #[test]
    fn the_interval_rounds_up_so_the_rate_never_exceeds_n() {
        assert_eq!(pacer(3).interval(), Duration::from_nanos(333_333_334));
        assert_eq!(pacer(1_000_000).interval(), Duration::from_micros(1));
    }
}
