//! Signed messages for the DKIM tests: the dkimpy-signed fixtures of tests/fixtures/dkim, their
//! zone, and mailaudit's verifier run on a message at a fixed time.

#![allow(dead_code)]

use std::path::PathBuf;

use mailaudit::dns::Dns;
use mailaudit::dns::zone::ZoneSource;
use mailaudit::message::verify::verify_dkim;
use mailaudit::message::{DkimResult, DkimVerification, Message};

/// Later than every fixture's `t=` and without any `x=` to pass: results do not depend on the
/// day the tests run.
pub const NOW: u64 = 1_900_000_000;

/// The start of a Python script for dkimpy: `dns`, answering from the fixture zone file given as
/// `sys.argv[1]`; the message is `sys.argv[2]`.
pub const DKIMPY_ZONE: &str = r#"
import sys, dkim
zone = {}
for line in open(sys.argv[1]):
    if " IN TXT " in line:
        name, rest = line.split(" IN TXT ", 1)
        zone[(name + ".example.com.").encode()] = "".join(rest.strip().split('"')[1::2]).encode()
def dns(name, timeout=5):
    return zone.get(name if name.endswith(b".") else name + b".")
"#;

pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dkim")
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_dir().join(name)).unwrap()
}

/// The fixtures' key records.
pub fn zone() -> Dns {
    Dns::new(ZoneSource::load(&[fixture_dir().join("example.com.zone")]).unwrap())
}

/// mailaudit's verification of `bytes` against the fixture zone at [`NOW`].
pub fn verify(bytes: &[u8]) -> DkimVerification {
    let message = Message::parse(bytes).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(verify_dkim(&zone(), &message, NOW))
}

/// Each signature's result.
pub fn results(bytes: &[u8]) -> Vec<DkimResult> {
    verify(bytes).signatures.iter().map(|s| s.result).collect()
}
