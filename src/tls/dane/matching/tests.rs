use std::time::{Duration, SystemTime};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, date_time_ymd,
};
use rustls::pki_types::CertificateDer;

use super::*;
use crate::hex::encode as hex_encode;

/// A root CA, an intermediate it signs, and a leaf the intermediate signs.
struct Pki {
    root: CertificateDer<'static>,
    intermediate: CertificateDer<'static>,
    issuer: Issuer<'static, KeyPair>,
}

fn ca_params(name: &str) -> CertificateParams {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.distinguished_name.push(DnType::CommonName, name);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params.not_before = date_time_ymd(2020, 1, 1);
    params.not_after = date_time_ymd(2099, 1, 1);
    params
}

impl Pki {
    fn new() -> Self {
        let root_params = ca_params("DANE test root");
        let root_key = KeyPair::generate().unwrap();
        let root = root_params.self_signed(&root_key).unwrap();
        let root_issuer = Issuer::new(root_params, root_key);
        let inter_params = ca_params("DANE test intermediate");
        let inter_key = KeyPair::generate().unwrap();
        let intermediate = inter_params.signed_by(&inter_key, &root_issuer).unwrap();
        Self {
            root: root.der().clone(),
            intermediate: intermediate.der().clone(),
            issuer: Issuer::new(inter_params, inter_key),
        }
    }

    /// The chain a server sends: its certificate for `names`, valid `from`–`to`, then the
    /// intermediate and the root.
    fn chain(&self, names: &[&str], from: i32, to: i32) -> Vec<CertificateDer<'static>> {
        let names: Vec<String> = names.iter().map(|n| (*n).to_string()).collect();
        let mut params = CertificateParams::new(names).unwrap();
        params
            .distinguished_name
            .push(DnType::CommonName, "DANE test server");
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        params.not_before = date_time_ymd(from, 1, 1);
        params.not_after = date_time_ymd(to, 1, 1);
        let key = KeyPair::generate().unwrap();
        let leaf = params.signed_by(&key, &self.issuer).unwrap();
        vec![
            leaf.der().clone(),
            self.intermediate.clone(),
            self.root.clone(),
        ]
    }
}

const MX: &str = "mx.example.com";

fn input(records: &[Tlsa]) -> DaneInput {
    DaneInput {
        tlsa: records.to_vec(),
        names: vec![
            MX.into(),
            "_25._tcp.mx.example.net".into(),
            "example.com".into(),
        ],
    }
}

/// 2030-01-01, when the usual test certificates are valid.
fn now() -> SystemTime {
    crate::date::Date::from_ymd(2030, 1, 1).unwrap().start()
}

fn record(usage: u8, selector: u8, matching: u8, cert: &[u8]) -> Tlsa {
    let selected = if selector == 0 {
        cert
    } else {
        spki_der(cert).unwrap()
    };
    let data = match matching {
        0 => selected.to_vec(),
        m => digest(m, selected),
    };
    Tlsa {
        usage,
        selector,
        matching,
        data,
    }
}

fn only(verdict: &DaneVerdict) -> &RecordCheck {
    assert_eq!(verdict.records.len(), 1, "{verdict:?}");
    &verdict.records[0]
}

#[test]
fn dane_ee_matches_the_key_or_the_certificate_by_any_matching_type() {
    let pki = Pki::new();
    let chain = pki.chain(&[MX], 2020, 2099);
    for (selector, matching) in [(1, 1), (0, 0), (1, 2), (0, 1), (1, 0)] {
        let tlsa = record(3, selector, matching, &chain[0]);
        let verdict = verify(&chain, &input(std::slice::from_ref(&tlsa)), now());
        assert_eq!(
            verdict.status,
            DaneStatus::Matched,
            "3 {selector} {matching}"
        );
        assert_eq!(verdict.matched, Some(1));
        let check = verdict.matched_record().unwrap();
        assert_eq!((check.depth, &check.record), (Some(0), &tlsa));
    }
}

#[test]
fn dane_ee_checks_neither_name_nor_expiry() {
    let pki = Pki::new();
    let chain = pki.chain(&["www.example.org"], 2020, 2021);
    let verdict = verify(&chain, &input(&[record(3, 1, 1, &chain[0])]), now());
    assert_eq!(verdict.status, DaneStatus::Matched);
}

#[test]
fn a_digest_that_differs_is_no_match_and_says_the_actual_one() {
    let pki = Pki::new();
    let chain = pki.chain(&[MX], 2020, 2099);
    let other = pki.chain(&[MX], 2020, 2099);
    let verdict = verify(&chain, &input(&[record(3, 1, 1, &other[0])]), now());
    assert_eq!(verdict.status, DaneStatus::NoMatch);
    let check = only(&verdict);
    assert_eq!(check.outcome, RecordOutcome::DigestDiffers);
    let actual = hex_encode(&digest(1, spki_der(&chain[0]).unwrap()));
    assert!(check.detail.contains(&actual), "{}", check.detail);
    let ta = verify(&chain, &input(&[record(2, 1, 1, &other[0])]), now());
    assert_eq!(only(&ta).outcome, RecordOutcome::DigestDiffers);
}

#[test]
fn dane_ta_matches_the_issuer_or_the_root_with_a_reference_name() {
    let pki = Pki::new();
    let chain = pki.chain(&[MX], 2020, 2099);
    for (tlsa, depth) in [
        (record(2, 0, 1, &pki.intermediate), 1),
        (record(2, 1, 1, &pki.intermediate), 1),
        (record(2, 1, 2, &pki.root), 2),
    ] {
        let verdict = verify(&chain, &input(&[tlsa]), now());
        assert_eq!(verdict.status, DaneStatus::Matched, "{verdict:?}");
        assert_eq!(only(&verdict).depth, Some(depth));
    }
    // The TLSA base name and the domain are reference identifiers too; a wildcard covers one
    // label.
    for names in [
        &["_25._tcp.mx.example.net"][..],
        &["*.example.com"],
        &["example.com"],
    ] {
        let named = pki.chain(names, 2020, 2099);
        let verdict = verify(&named, &input(&[record(2, 1, 1, &pki.root)]), now());
        assert_eq!(
            verdict.status,
            DaneStatus::Matched,
            "{names:?}: {verdict:?}"
        );
    }
}

#[test]
fn dane_ta_with_a_wrong_name_does_not_match() {
    let pki = Pki::new();
    let chain = pki.chain(&["www.example.org"], 2020, 2099);
    let verdict = verify(&chain, &input(&[record(2, 0, 1, &pki.intermediate)]), now());
    assert_eq!(verdict.status, DaneStatus::NoMatch);
    let check = only(&verdict);
    assert_eq!(check.outcome, RecordOutcome::NameMismatch);
    assert_eq!(check.depth, Some(1));
    assert!(check.detail.contains("www.example.org"), "{}", check.detail);
}

#[test]
fn dane_ta_judges_the_chain_at_the_time_asked_for() {
    let pki = Pki::new();
    let chain = pki.chain(&[MX], 2020, 2031);
    let tlsa = [record(2, 1, 1, &pki.intermediate)];
    assert_eq!(
        verify(&chain, &input(&tlsa), now()).status,
        DaneStatus::Matched
    );
    let later = now() + Duration::from_secs(2 * 366 * 86_400);
    let verdict = verify(&chain, &input(&tlsa), later);
    assert_eq!(verdict.status, DaneStatus::NoMatch);
    let check = only(&verdict);
    assert_eq!(check.outcome, RecordOutcome::ChainInvalid);
    assert!(check.detail.contains("expired"), "{}", check.detail);
    assert!(verdict.at.starts_with("2032-01-0"), "{}", verdict.at);
}

#[test]
fn dane_ta_full_data_is_the_anchor_when_the_server_does_not_send_it() {
    let pki = Pki::new();
    let mut chain = pki.chain(&[MX], 2020, 2099);
    chain.truncate(2);
    for tlsa in [record(2, 0, 0, &pki.root), record(2, 1, 0, &pki.root)] {
        let verdict = verify(&chain, &input(&[tlsa]), now());
        assert_eq!(verdict.status, DaneStatus::Matched, "{verdict:?}");
        assert_eq!(only(&verdict).depth, None);
    }
    // A digest of an anchor that is not sent cannot be checked.
    let verdict = verify(&chain, &input(&[record(2, 1, 1, &pki.root)]), now());
    assert_eq!(only(&verdict).outcome, RecordOutcome::DigestDiffers);
    // Someone else's root is no anchor for this chain.
    let stranger = Pki::new();
    let verdict = verify(&chain, &input(&[record(2, 0, 0, &stranger.root)]), now());
    assert_eq!(only(&verdict).outcome, RecordOutcome::ChainInvalid);
}

#[test]
fn pkix_usages_are_never_a_match() {
    let pki = Pki::new();
    let chain = pki.chain(&[MX], 2020, 2099);
    let tlsa = [record(0, 1, 1, &pki.root), record(1, 1, 1, &chain[0])];
    let verdict = verify(&chain, &input(&tlsa), now());
    assert_eq!(verdict.status, DaneStatus::NoUsableRecords);
    assert!(
        verdict
            .records
            .iter()
            .all(|r| r.outcome == RecordOutcome::UnusableUsage)
    );
}

#[test]
fn malformed_records_are_not_tried_and_a_later_record_still_matches() {
    let pki = Pki::new();
    let chain = pki.chain(&[MX], 2020, 2099);
    let mut short = record(3, 1, 1, &chain[0]);
    short.data.truncate(20);
    let tlsa = [short, record(3, 1, 1, &chain[0])];
    let verdict = verify(&chain, &input(&tlsa), now());
    assert_eq!(verdict.records[0].outcome, RecordOutcome::Malformed);
    assert_eq!(verdict.matched, Some(2));
}

#[test]
fn no_certificate_means_nothing_was_tried() {
    let pki = Pki::new();
    let chain = pki.chain(&[MX], 2020, 2099);
    let verdict = verify(&[], &input(&[record(3, 1, 1, &chain[0])]), now());
    assert_eq!(verdict.status, DaneStatus::NoCertificate);
    assert_eq!(only(&verdict).outcome, RecordOutcome::NotTried);
}
