//! DANE for SMTP in the probe (RFC 7672), through the library: the scripted SMTP server presents
//! a chain from a test CA, the probe is given the host's TLSA records directly (the DNS lookup of
//! `_25._tcp.HOST` is the caller's), and the report's JSON is read through the mirror structs.
//! One test per `dane-` code, the verdict of a match, and `at` moving the DANE-TA check.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use mailaudit::hex::encode as hex_encode;
use mailaudit::smtp::probe::{ProbeSettings, probe_targets};
use mailaudit::smtp::targets::Targets;
use mailaudit::smtp::{
    DEFAULT_MAX_BYTES, DEFAULT_MAX_LINE, DEFAULT_MAX_LINES, Limits, ProbeHost, Settings,
};
use mailaudit::tls::TrustStore;
use mailaudit::tls::dane::{DaneInput, Tlsa};
use rsa::sha2::{Digest, Sha256};
use rustls::pki_types::CertificateDer;

use crate::support::https_server::TestCa;
use crate::support::model::{DaneOutcome, DaneStatus, ProbeReport, codes};
use crate::support::smtp_personas::{MX_HOST, cred, personality};
use crate::support::smtp_server::{Personality, TestSmtp};
use crate::support::temp::TempDir;

/// How a case's records are made from the chain the server presents.
type Records = fn(&[CertificateDer<'static>]) -> Vec<String>;

/// One probe: the personality (by name), the TLSA records, and the time to judge at.
pub struct Case {
    persona: &'static str,
    records: Records,
    at: Option<SystemTime>,
    /// The reference identifiers given with the records.
    names: &'static [&'static str],
}

impl Case {
    fn new(persona: &'static str, records: Records) -> Self {
        Self {
            persona,
            records,
            at: None,
            names: &[MX_HOST, "example.com"],
        }
    }
}

impl From<Records> for Case {
    fn from(records: Records) -> Self {
        Case::new("good", records)
    }
}

/// `usage selector(0) matching(1)`: the SHA-256 of a whole certificate.
fn sha256_of(usage: u8, cert: &[u8]) -> String {
    format!("{usage} 0 1 {}", hex_encode(&Sha256::digest(cert)))
}

/// Probes the case's server as mail.example.com with its records, and reads the JSON back.
fn probe(case: &Case) -> ProbeReport {
    let dir = TempDir::new("dane");
    let ca = TestCa::new("mailaudit DANE test CA");
    let cert = ca.leaf(&[MX_HOST]);
    let server = TestSmtp::start(Personality {
        credentials: Some(cred(&cert)),
        ..personality(case.persona, &ca)
    });
    let tlsa = (case.records)(&cert.chain)
        .iter()
        .map(|t| t.parse::<Tlsa>().expect("a TLSA record"))
        .collect();
    let input = DaneInput {
        tlsa,
        names: case.names.iter().map(|n| (*n).to_string()).collect(),
    };
    let settings = ProbeSettings {
        session: Settings {
            ehlo: "probe.example.net".into(),
            limits: Limits {
                line: DEFAULT_MAX_LINE,
                lines: DEFAULT_MAX_LINES,
                bytes: DEFAULT_MAX_BYTES,
                step: Duration::from_secs(2),
                budget: Duration::from_secs(5),
            },
            trust: TrustStore::load(Some(&ca.pem_file(&dir))).expect("the test CA"),
            rcpt_test: None,
            transcript: false,
            deadline: None,
            at: case.at,
        },
        ports: vec![server.port()],
        implicit_tls: Vec::new(),
        jobs: 1,
    };
    let targets = Targets {
        hosts: vec![ProbeHost {
            name: MX_HOST.into(),
            preference: Some(10),
            port: None,
            addresses: vec![IpAddr::from([127, 0, 0, 1])],
            dane: Some(Arc::new(input)),
        }],
        ..Targets::default()
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let report = runtime.block_on(probe_targets(
        targets,
        Some("example.com".into()),
        &settings,
        &|_| {},
    ));
    let json = serde_json::to_string(&report).expect("JSON");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

fn assert_raised(code: &str, case: Case) {
    let report = probe(&case);
    let found = codes(&report.findings);
    assert!(found.contains(&code), "{code}: not raised; got {found:?}");
}

fn matching_leaf(chain: &[CertificateDer<'static>]) -> Vec<String> {
    vec![sha256_of(3, &chain[0])]
}

fn by_the_ca(chain: &[CertificateDer<'static>]) -> Vec<String> {
    vec![sha256_of(2, &chain[1])]
}

mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        dane_no_match => Case::from((|_| vec![sha256_of(3, b"another certificate")]) as Records);
        dane_unusable_usage => Case::from((|c| vec![sha256_of(1, &c[0])]) as Records);
        dane_malformed_tlsa => Case::from((|_| vec!["3 1 1 00112233".into()]) as Records);
        dane_no_rollover_cover => Case::from(matching_leaf as Records);
        dane_no_starttls => Case::new("no-starttls", matching_leaf);
    }
}

#[test]
fn every_dane_code_has_a_case() {
    // The DNS side's codes are tested with the signed zones in dane_dns.rs.
    let table = [code::TABLE, super::dane_dns::TABLE].concat();
    crate::support::codes::assert_table_covers(&table, &["dane-"]);
}

#[test]
fn a_matching_dane_ee_record_is_reported_at_depth_0() {
    let report = probe(&Case::from(matching_leaf as Records));
    let verdict = report.sessions[0].dane.as_ref().expect("a DANE verdict");
    assert_eq!(verdict.status, DaneStatus::Matched);
    assert_eq!(verdict.matched, Some(1));
    let record = &verdict.records[0];
    assert_eq!(
        (record.outcome, record.depth),
        (DaneOutcome::Matched, Some(0))
    );
    assert_eq!(
        (
            record.record.usage,
            record.record.selector,
            record.record.matching
        ),
        (3, 0, 1)
    );
    assert!(!codes(&report.findings).contains(&"dane-no-match"));
}

#[test]
fn dane_ta_matches_the_issuer_now_and_fails_once_the_certificate_has_expired() {
    let now = probe(&Case::from(by_the_ca as Records));
    let verdict = now.sessions[0].dane.as_ref().expect("a DANE verdict");
    assert_eq!(verdict.status, DaneStatus::Matched, "{verdict:?}");
    assert_eq!(verdict.records[0].depth, Some(1));
    assert!(codes(&now.findings).is_empty(), "{:?}", now.findings);
    // The test certificates are valid until 2099.
    let at = "2100-06-01"
        .parse::<mailaudit::date::Date>()
        .unwrap()
        .start();
    let later = probe(&Case {
        at: Some(at),
        ..Case::from(by_the_ca as Records)
    });
    let verdict = later.sessions[0].dane.as_ref().expect("a DANE verdict");
    assert_eq!(verdict.status, DaneStatus::NoMatch);
    assert_eq!(verdict.at, "2100-06-01 00:00:00 UTC");
    assert_eq!(verdict.records[0].outcome, DaneOutcome::ChainInvalid);
    let found = codes(&later.findings);
    assert!(found.contains(&"dane-no-match"), "{found:?}");
    assert!(found.contains(&"smtp-cert-expired"), "{found:?}");
}

#[test]
fn dane_ta_names_the_mx_host_when_no_reference_identifier_is_given() {
    for (names, status) in [
        (&[][..], DaneStatus::Matched),
        (&["example.org"][..], DaneStatus::NoMatch),
    ] {
        let report = probe(&Case {
            names,
            ..Case::from(by_the_ca as Records)
        });
        let verdict = report.sessions[0].dane.as_ref().expect("a DANE verdict");
        assert_eq!(verdict.status, status, "{names:?}: {verdict:?}");
    }
}

#[test]
fn an_empty_tlsa_set_leaves_nothing_usable() {
    let report = probe(&Case::from((|_| Vec::new()) as Records));
    // An empty RRset still gives a verdict: nothing usable.
    let verdict = report.sessions[0].dane.as_ref().expect("a DANE verdict");
    assert_eq!(verdict.status, DaneStatus::NoUsableRecords);
}
