//! Helpers every property test (proptest) shares: the run's configuration, a time bound that a
//! busy machine does not trip, and input strategies — arbitrary text, and text built from a
//! grammar's tokens, which reaches deeper parser states.

#![allow(dead_code)]

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::Config;

/// Far beyond what a parse of 2 KiB takes (well under a millisecond), so only runaway work
/// fails: a slow case is timed again before it counts, so a busy machine does not.
pub const SLOW: Duration = Duration::from_millis(100);

pub fn config() -> Config {
    Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Runs `f` on `input`, failing when it is slow twice in a row.
pub fn timed<T>(input: &str, f: impl Fn() -> T) -> T {
    let start = Instant::now();
    let out = f();
    if start.elapsed() > SLOW {
        let again = Instant::now();
        f();
        let took = again.elapsed();
        assert!(
            took <= SLOW,
            "{took:?} for {} bytes: {input:?}",
            input.len()
        );
    }
    out
}

/// Up to 2 KiB of any characters.
pub fn arbitrary() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..512)
        .prop_map(|chars| chars.into_iter().collect::<String>())
        .prop_filter("at most 2 KiB", |s| s.len() <= 2048)
}

/// Strings of `tokens`, up to `max` of them.
pub fn built_from(tokens: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(tokens), 0..max).prop_map(|t| t.concat())
}
