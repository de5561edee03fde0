//! One test per `dnssec-` finding code (RFC 4033-4035, RFC 8624): each against the signed test
//! DNS server through the binary, except `dnssec-resolver-not-validating`, which is raised only
//! with the built-in root anchors and so is read through the library.

use std::time::Duration;

use mailaudit::dns::live::LiveSource;
use mailaudit::dns::{Dns, Judged, RecordType};
use mailaudit::dnssec::audit::{audit_domain, judge_answers};

use super::dnssec::Signed;
use crate::support::cmd::Mailaudit;
use crate::support::dns_server::{AnchorForm, TestDns, Zone};
use crate::support::model::{DnssecReport, Security};
use crate::support::signed_zones::fixture;
use crate::support::temp::TempDir;

/// Where a code comes from.
pub enum Case {
    /// `mailaudit dnssec DOMAIN` against the signed fixture, with a DNS timeout in seconds.
    Signed(&'static str, &'static str),
    /// A resolver that knows nothing of DNSSEC (the plain test server), given the signed
    /// server's anchor: no RRSIG comes back.
    Stripping,
    /// The built-in root anchors (no `--trust-anchor`), through the library.
    BuiltIn,
}

impl From<&'static str> for Case {
    fn from(domain: &'static str) -> Self {
        Case::Signed(domain, "2")
    }
}

fn report_of(case: Case) -> DnssecReport {
    match case {
        Case::Signed(domain, timeout) => {
            Signed::start(AnchorForm::Dnskey).dnssec(domain, timeout).1
        }
        Case::Stripping => stripping(),
        Case::BuiltIn => built_in("signed.test"),
    }
}

fn assert_raised(code: &str, case: Case) {
    let report = report_of(case);
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    assert!(
        codes.contains(&code),
        "{code}: not raised; got {codes:?}\n{report:#?}"
    );
}

/// The plain test server with example.com, asked with the signed fixture's root anchor.
fn stripping() -> DnssecReport {
    let mut zone = Zone::new();
    zone.mx("example.com", 10, "mx.example.com")
        .a("mx.example.com", "192.0.2.25")
        .txt("example.com", &["v=spf1 -all"]);
    let plain = TestDns::start(zone);
    let signed = TestDns::start(fixture());
    let dir = TempDir::new("dnssec-anchor");
    let anchor = signed
        .trust_anchor()
        .write(dir.path(), "root.key", AnchorForm::Dnskey);
    let out = Mailaudit::new()
        .dns(&plain)
        .format("json")
        .arg("--trust-anchor")
        .arg(&anchor)
        .args(["dnssec", "example.com"])
        .run();
    out.json_as()
}

/// `audit_domain` and `judge_answers` with hickory's root anchors against the signed server,
/// whose root is not the real one; read back through the mirror.
fn built_in(domain: &str) -> DnssecReport {
    let server = TestDns::start(fixture());
    let source =
        LiveSource::with_options(&[server.addr()], Duration::from_secs(2), None, Some(vec![]))
            .expect("resolver starts");
    let dns = Dns::new(source);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let report = runtime.block_on(async {
        let (counted, counter) = dns.counted();
        let mut report = audit_domain(&counted, domain, &[], true).await;
        let _ = counted.lookup_judged(domain, RecordType::Mx).await;
        let used: Vec<Judged> = counter.judged();
        judge_answers(&dns, &mut report, used).await;
        report
    });
    let json = serde_json::to_string(&report).expect("JSON");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        dnssec_unsigned => "unsigned.test";
        dnssec_bogus => "expired.test";
        dnssec_indeterminate => Case::Signed("silent.test", "0.3");
        dnssec_signature_expiring => "soon.test";
        dnssec_deprecated_algorithm => "sha1.test";
        dnssec_weak_ds_digest => "rsa.test";
        dnssec_ds_no_dnskey => "mismatch.test";
        dnssec_resolver_not_validating => Case::BuiltIn;
        dnssec_resolver_strips => Case::Stripping;
    }
}

#[test]
fn the_code_table_covers_the_catalog_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["dnssec-"]);
}

#[test]
fn a_resolver_without_dnssec_records_makes_every_answer_indeterminate() {
    let report = stripping();
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["dnssec-resolver-strips"], "{report:#?}");
    assert!(!report.answers.is_empty());
    for answer in &report.answers {
        assert_eq!(answer.status, Security::Indeterminate, "{answer:#?}");
        assert_eq!(
            answer.reason.as_deref(),
            Some("the resolver returns no DNSSEC records")
        );
    }
}

/// With hickory's root anchors the test server's root key is trusted by nothing: the chain
/// breaks at "." (bogus), and since the server never sets AD the resolver is said not to
/// validate.
#[test]
fn built_in_anchors_do_not_trust_the_test_root_and_say_the_resolver_does_not_validate() {
    let report = built_in("signed.test");
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes[0], "dnssec-resolver-not-validating", "{report:#?}");
    let chain = report.chain.as_ref().expect("a chain");
    assert_eq!(chain.anchor, "the root's built-in anchors");
    let root = &chain.zones[0];
    assert_eq!(root.zone, ".");
    assert_eq!(
        root.reason.as_deref(),
        Some("no DNSKEY of . matches the trust anchor")
    );
    assert!(root.keys.iter().all(|k| !k.trusted));
    // The zones below inherit the broken root; the finding names where it breaks.
    assert!(
        chain.zones.iter().all(|z| z.status == Security::Bogus),
        "{chain:#?}"
    );
    let bogus = report
        .findings
        .iter()
        .find(|f| f.code == "dnssec-bogus")
        .expect("bogus");
    assert_eq!(bogus.subject, ".");
    assert!(
        bogus
            .message
            .starts_with("the chain of trust breaks at .: "),
        "{bogus:#?}"
    );
    for answer in &report.answers {
        assert_eq!(answer.status, Security::Bogus, "{answer:#?}");
    }
}
