//! DNSSEC through the binary (RFC 4033-4035): `mailaudit dnssec DOMAIN` and the DNSSEC area of
//! `check` against the signed test DNS server (tests/support/signed_zones.rs), trusted through
//! `--trust-anchor` with its own root key; the JSON read through the mirror structs. One test
//! per `dnssec-` code is in `dnssec_codes.rs`.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{AnchorForm, TestDns, Zone};
use crate::support::model::{
    CheckReport, DnssecReport, Security, SigVerdict, Validation, ZoneLink,
};
use crate::support::signed_zones::fixture;
use crate::support::temp::TempDir;

/// The fixture served, and its root's anchor written in one form.
pub(super) struct Signed {
    pub(super) server: TestDns,
    pub(super) anchor: std::path::PathBuf,
    _dir: TempDir,
}

impl Signed {
    pub(super) fn start(form: AnchorForm) -> Signed {
        Signed::with(fixture(), form)
    }

    /// `zone` (the fixture, changed) served instead.
    pub(super) fn with(zone: Zone, form: AnchorForm) -> Signed {
        let server = TestDns::start(zone);
        let dir = TempDir::new("dnssec-anchor");
        let anchor = server.trust_anchor().write(dir.path(), "root.key", form);
        Signed {
            server,
            anchor,
            _dir: dir,
        }
    }

    /// `mailaudit --trust-anchor FILE ARGS` against the server, DNS timeout `timeout` seconds.
    pub(super) fn run(&self, format: &str, timeout: &str, args: &[&str]) -> Output {
        Mailaudit::new()
            .dns(&self.server)
            .timeout(timeout)
            .format(format)
            .arg("--trust-anchor")
            .arg(&self.anchor)
            .args(args.iter().copied())
            .run()
    }

    /// `mailaudit dnssec DOMAIN --format json`, read back.
    pub(super) fn dnssec(&self, domain: &str, timeout: &str) -> (Output, DnssecReport) {
        let out = self.run("json", timeout, &["dnssec", domain]);
        let report = out.json_as::<DnssecReport>();
        (out, report)
    }
}

/// The report's codes but DANE's rollover lint, which every fixture zone raises (one `3 1 1`).
fn codes(report: &DnssecReport) -> Vec<&str> {
    report
        .findings
        .iter()
        .map(|f| f.code.as_str())
        .filter(|c| *c != "dane-no-rollover-cover")
        .collect()
}

fn zone<'a>(report: &'a DnssecReport, name: &str) -> &'a ZoneLink {
    let chain = report.chain.as_ref().expect("a chain");
    chain
        .zones
        .iter()
        .find(|z| z.zone == name)
        .unwrap_or_else(|| panic!("no zone {name} in {chain:#?}"))
}

/// The domain's own zone: the chain's last link.
fn own(report: &DnssecReport) -> &ZoneLink {
    report
        .chain
        .as_ref()
        .and_then(|c| c.zones.last())
        .expect("a zone")
}

/// The (name, type, status) of each answer the report judged, sorted.
fn answers(report: &DnssecReport) -> Vec<(String, String, Security)> {
    let mut seen: Vec<_> = report
        .answers
        .iter()
        .map(|a| (a.name.clone(), a.rtype.clone(), a.status))
        .collect();
    seen.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    seen
}

/// The three answers `dnssec DOMAIN` starts from, each with `status`.
fn asked(domain: &str, status: Security) -> Vec<(String, String, Security)> {
    // The MX host's addresses and TLSA records too: DANE asks for them.
    let mx = format!("mx.{domain}");
    let mut want = vec![
        (format!("_dmarc.{domain}"), "TXT".to_string(), status),
        (domain.to_string(), "MX".to_string(), status),
        (domain.to_string(), "TXT".to_string(), status),
        (mx.clone(), "A".to_string(), status),
        (mx.clone(), "AAAA".to_string(), status),
        (format!("_25._tcp.{mx}"), "TLSA".to_string(), status),
    ];
    want.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    want
}

/// [`asked`] for a domain without MX records: no host to look up.
fn asked_no_mx(domain: &str, status: Security) -> Vec<(String, String, Security)> {
    let mx = format!("mx.{domain}");
    asked(domain, status)
        .into_iter()
        .filter(|(name, _, _)| !name.ends_with(&mx))
        .collect()
}

/// Root, `test` and the domain's zone, each secure: keys trusted, each DS below the root
/// matching a key, every signature valid for about 30 days.
fn assert_secure_chain(report: &DnssecReport, domain: &str) {
    let chain = report.chain.as_ref().expect("a chain");
    let names: Vec<&str> = chain.zones.iter().map(|z| z.zone.as_str()).collect();
    assert_eq!(names, [".", "test", domain], "{chain:#?}");
    assert_eq!(chain.status, Security::Secure);
    for link in &chain.zones {
        assert_eq!(link.status, Security::Secure, "{link:#?}");
        assert!(link.signed && link.reason.is_none(), "{link:#?}");
        assert!(
            !link.keys.is_empty() && link.keys.iter().all(|k| k.trusted),
            "{link:#?}"
        );
        assert!(link.keys.iter().all(|k| k.role == "KSK" && k.flags == 257));
        let covered: Vec<&str> = link.signatures.iter().map(|s| s.covers.as_str()).collect();
        assert!(
            covered.contains(&"DNSKEY") && covered.contains(&"SOA"),
            "{covered:?}"
        );
        for sig in &link.signatures {
            assert_eq!(sig.verdict, SigVerdict::Valid, "{link:#?}");
            assert!((29..=30).contains(&sig.days_left), "{sig:#?}");
            assert!(sig.inception.len() == 10 && sig.expiration > sig.inception);
        }
        if link.zone == "." {
            assert!(link.ds.is_empty(), "the anchor's zone has no DS");
        } else {
            assert!(covered.contains(&"DS"), "{covered:?}");
            assert!(!link.ds.is_empty() && link.ds.iter().all(|d| d.matches_key));
            assert!(
                link.ds
                    .iter()
                    .all(|d| d.digest_type == 2 && d.digest == "SHA-256")
            );
            let tags: Vec<u16> = link.keys.iter().map(|k| k.key_tag).collect();
            assert!(link.ds.iter().all(|d| tags.contains(&d.key_tag)));
        }
    }
}

#[test]
fn a_signed_zone_is_secure_from_the_anchor_down_with_its_answers() {
    let signed = Signed::start(AnchorForm::Dnskey);
    for domain in ["signed.test", "nsec3.test"] {
        let (out, report) = signed.dnssec(domain, "2");
        out.assert_code(0);
        assert_eq!(report.domain, domain);
        assert_eq!(report.validation, Some(Validation::GivenAnchors));
        assert!(!report.incomplete);
        assert_secure_chain(&report, domain);
        let chain = report.chain.as_ref().unwrap();
        assert_eq!(chain.anchor, "--trust-anchor for .");
        let root = zone(&report, ".");
        assert_eq!(root.keys[0].key_tag, signed.server.trust_anchor().key_tag());
        assert_eq!(root.keys[0].algorithm.name, "ECDSAP256SHA256");
        assert_eq!(answers(&report), asked(domain, Security::Secure));
        assert!(codes(&report).is_empty(), "{:#?}", report.findings);
    }
}

#[test]
fn a_ds_anchor_file_trusts_the_root_key_it_names() {
    for form in [AnchorForm::Ds, AnchorForm::Both] {
        let signed = Signed::start(form);
        let (out, report) = signed.dnssec("signed.test", "2");
        out.assert_code(0);
        assert_secure_chain(&report, "signed.test");
        assert_eq!(answers(&report), asked("signed.test", Security::Secure));
    }
}

#[test]
fn the_text_shows_each_zone_cut_its_keys_ds_and_signature_windows() {
    let signed = Signed::start(AnchorForm::Dnskey);
    let out = signed.run("text", "2", &["dnssec", "signed.test"]);
    out.assert_code(0);
    let tag = signed.server.trust_anchor().key_tag();
    out.assert_stdout_contains("DNSSEC signed.test")
        .assert_stdout_contains("trust    --trust-anchor for .")
        .assert_stdout_contains(&format!("DNSKEY  {tag} KSK ECDSAP256SHA256 (13) (trusted)"))
        .assert_stdout_contains("ECDSAP256SHA256 (13) SHA-256 (matches a key)")
        .assert_stdout_contains(&format!("RRSIG   DS     by {tag} "))
        .assert_stdout_contains("days left")
        .assert_stdout_contains("answers  6 secure, 0 insecure, 0 bogus, 0 indeterminate")
        .assert_stdout_contains("DANE     mx.signed.test  applies");
    let dmarc = out
        .stdout
        .lines()
        .find(|l| l.starts_with("    _dmarc.signed.test "));
    assert!(dmarc.is_some_and(|l| l.ends_with("TXT   secure")), "{out}");
    for zone in ["  .  ", "  test  ", "  signed.test  "] {
        let line = out
            .stdout
            .lines()
            .find(|l| l.starts_with(zone.trim_end()) && l.contains("secure"));
        assert!(line.is_some(), "no line for {zone:?}\n{out}");
    }
}

#[test]
fn an_insecure_delegation_makes_the_zone_and_its_answers_insecure() {
    let signed = Signed::start(AnchorForm::Dnskey);
    let (out, report) = signed.dnssec("unsigned.test", "2");
    out.assert_code(0);
    let link = own(&report);
    assert_eq!(link.zone, "unsigned.test");
    assert_eq!(link.status, Security::Insecure);
    assert!(link.ds.is_empty() && link.keys.is_empty(), "{link:#?}");
    assert!(link.reason.as_deref().unwrap().contains("no DS record"));
    assert_eq!(zone(&report, "test").status, Security::Secure);
    assert_eq!(answers(&report), asked("unsigned.test", Security::Insecure));
    // The fixture's TLSA record sits in the unsigned zone: senders ignore it.
    assert_eq!(codes(&report), ["dnssec-unsigned", "dane-tlsa-insecure"]);
}

/// A zone whose answers fail: the domain's zone is bogus, each answer bogus with `reason`.
fn assert_bogus(domain: &str, reason: &str) -> DnssecReport {
    let signed = Signed::start(AnchorForm::Dnskey);
    let (out, report) = signed.dnssec(domain, "2");
    out.assert_code(1);
    assert!(!report.answers.is_empty());
    for answer in &report.answers {
        assert_eq!(answer.status, Security::Bogus, "{answer:#?}");
        let why = answer.reason.as_deref().unwrap_or_default();
        assert!(why.contains(reason), "{answer:#?}");
    }
    assert!(
        codes(&report)
            .iter()
            .all(|c| ["dnssec-bogus", "dnssec-ds-no-dnskey"].contains(c))
    );
    report
}

#[test]
fn expired_signatures_are_bogus_and_say_so() {
    let report = assert_bogus("expired.test", "expired on");
    let link = own(&report);
    assert_eq!(link.status, Security::Bogus);
    assert!(
        link.signatures
            .iter()
            .any(|s| s.verdict == SigVerdict::Expired && s.days_left < 0)
    );
    let finding = &report.findings[0];
    assert_eq!(
        (finding.code.as_str(), finding.subject.as_str()),
        ("dnssec-bogus", "expired.test")
    );
    assert!(finding.message.contains("expired on"), "{finding:#?}");
}

#[test]
fn signatures_not_valid_yet_are_bogus_and_say_so() {
    let report = assert_bogus("future.test", "is not valid before");
    assert!(
        own(&report)
            .signatures
            .iter()
            .any(|s| s.verdict == SigVerdict::NotYetValid)
    );
}

#[test]
fn answers_without_rrsigs_in_a_signed_zone_are_bogus() {
    let report = assert_bogus("nosig.test", "no RRSIG");
    // The zone's keys are fine: only its answers lack signatures.
    assert_eq!(own(&report).status, Security::Secure);
    assert_eq!(codes(&report), ["dnssec-bogus"; 6]);
}

#[test]
fn a_ds_matching_no_key_breaks_the_chain() {
    let report = assert_bogus("mismatch.test", "no DS record at the parent matches");
    let link = own(&report);
    assert!(link.ds.iter().all(|d| !d.matches_key) && !link.ds.is_empty());
    assert!(link.keys.iter().all(|k| !k.trusted));
    assert_eq!(report.findings[0].code, "dnssec-ds-no-dnskey");
}

/// A key query left unanswered: indeterminate with the step named, never bogus; the answers
/// are still there, indeterminate. The run counts as incomplete (exit 2).
fn assert_indeterminate(domain: &str, step: &str) {
    let signed = Signed::start(AnchorForm::Dnskey);
    let (out, report) = signed.dnssec(domain, "0.3");
    out.assert_code(2);
    assert!(report.incomplete);
    let link = own(&report);
    assert_eq!(link.status, Security::Indeterminate, "{link:#?}");
    assert!(link.reason.as_deref().unwrap().contains(step), "{link:#?}");
    assert_eq!(answers(&report), asked(domain, Security::Indeterminate));
    for answer in &report.answers {
        assert!(
            answer.reason.as_deref().unwrap().contains(step),
            "{answer:#?}"
        );
    }
    // One finding for the chain, one for the answers that fail with it.
    assert_eq!(codes(&report), ["dnssec-indeterminate"; 2]);
    let answers = &report.findings[1];
    assert_eq!(answers.subject, format!("_25._tcp.mx.{domain} TLSA"));
    assert!(
        answers
            .message
            .starts_with("6 answers could not be validated ("),
        "{answers:#?}"
    );
    assert!(answers.message.contains(step), "{answers:#?}");
}

#[test]
fn a_dnskey_query_that_times_out_is_indeterminate_not_bogus() {
    assert_indeterminate("silent.test", "fetching the DNSKEY records of silent.test");
}

#[test]
fn a_ds_query_that_times_out_is_indeterminate_not_bogus() {
    assert_indeterminate("nods.test", "fetching the DS records of nods.test");
}

/// The DNSSEC line of `check`'s scorecard.
fn dnssec_line(out: &Output) -> &str {
    out.stdout
        .lines()
        .find(|l| l.trim_start().starts_with("DNSSEC"))
        .unwrap_or_else(|| panic!("no DNSSEC line\n{out}"))
}

#[test]
fn check_shows_the_dnssec_line_and_every_answer_it_used() {
    let signed = Signed::start(AnchorForm::Dnskey);
    let out = signed.run("text", "2", &["check", "--no-probe", "signed.test"]);
    let card = dnssec_line(&out);
    assert!(
        card.ends_with("signed and valid (ECDSAP256SHA256)"),
        "{card}"
    );
    let out = signed.run("json", "2", &["check", "--no-probe", "signed.test"]);
    let report: CheckReport = out.json_as();
    let dnssec = report.dnssec.expect("a dnssec object");
    assert_secure_chain(&dnssec, "signed.test");
    let used = answers(&dnssec);
    for (name, rtype) in [
        ("signed.test", "TXT"),
        ("signed.test", "MX"),
        ("_dmarc.signed.test", "TXT"),
        ("mx.signed.test", "A"),
        ("mx.signed.test", "AAAA"),
        ("_mta-sts.signed.test", "TXT"),
        ("_smtp._tls.signed.test", "TXT"),
        ("default._bimi.signed.test", "TXT"),
    ] {
        assert!(
            used.iter().any(|(n, t, _)| n == name && t == rtype),
            "{name} {rtype} not among {used:#?}"
        );
    }
    assert!(
        used.iter().all(|(_, _, s)| *s == Security::Secure),
        "{used:#?}"
    );
    let mut distinct = used.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), used.len(), "each answer once");
    let line = report
        .scorecard
        .iter()
        .find(|e| format!("{:?}", e.area) == "Dnssec");
    let line = line.expect("a DNSSEC scorecard entry");
    assert_eq!(
        line.facts.as_deref(),
        Some("signed and valid (ECDSAP256SHA256)")
    );
}

#[test]
fn check_on_an_unsigned_domain_says_unsigned() {
    let signed = Signed::start(AnchorForm::Dnskey);
    let out = signed.run("text", "2", &["check", "--no-probe", "unsigned.test"]);
    let card = dnssec_line(&out);
    assert!(card.ends_with("unsigned"), "{card}");
    out.assert_stdout_contains("dnssec-unsigned");
    let out = signed.run("json", "2", &["check", "--no-probe", "unsigned.test"]);
    let dnssec = out
        .json_as::<CheckReport>()
        .dnssec
        .expect("a dnssec object");
    // The DMARC walk also asks _dmarc.test, in the signed zone above.
    for answer in &dnssec.answers {
        let want = if answer.name.ends_with("unsigned.test") {
            Security::Insecure
        } else {
            Security::Secure
        };
        assert_eq!(answer.status, want, "{answer:#?}");
    }
    assert!(
        dnssec
            .answers
            .iter()
            .any(|a| a.name == "unsigned.test" && a.rtype == "MX")
    );
}

#[test]
fn zone_file_answers_are_not_validated_and_insecure() {
    let dir = TempDir::new("dnssec-zone");
    let file = dir.path().join("example.zone");
    std::fs::write(
        &file,
        "$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns hostmaster 1 7200 3600 1209600 3600\n\
         @ IN MX 10 mx\n@ IN TXT \"v=spf1 -all\"\nmx IN A 192.0.2.1\n",
    )
    .unwrap();
    let run = |format: &str| {
        Mailaudit::new()
            .zone(&file)
            .format(format)
            .args(["dnssec", "example.com"])
            .run()
    };
    let out = run("json");
    out.assert_code(0);
    let report: DnssecReport = out.json_as();
    assert!(
        report.validation.is_none() && report.chain.is_none(),
        "{report:#?}"
    );
    assert!(!report.answers.is_empty());
    for answer in &report.answers {
        assert_eq!(answer.status, Security::Insecure, "{answer:#?}");
    }
    run("text").assert_stdout_contains("not validated: the answers come from zone files");
}

#[test]
fn a_denial_at_the_end_of_a_cname_chain_is_judged_in_the_targets_zone() {
    let mut zone = fixture();
    zone.cname("stale.signed.test", "mx.expired.test");
    let signed = Signed::with(zone, AnchorForm::Dnskey);
    // alias.signed.test -> mx.nsec3.test (an A, no MX or TXT): hickory alone calls the
    // denial bogus; judged link by link it is secure.
    let (out, report) = signed.dnssec("alias.signed.test", "2");
    out.assert_code(0);
    assert_eq!(
        answers(&report),
        asked_no_mx("alias.signed.test", Security::Secure)
    );
    // gone.signed.test -> gone.nsec3.test, which does not exist.
    let (_, report) = signed.dnssec("gone.signed.test", "2");
    assert_eq!(
        answers(&report),
        asked_no_mx("gone.signed.test", Security::Secure)
    );
    // A chain into a zone whose signatures expired stays bogus.
    let (out, report) = signed.dnssec("stale.signed.test", "2");
    out.assert_code(1);
    let stale: Vec<_> = report
        .answers
        .iter()
        .filter(|a| a.name == "stale.signed.test")
        .collect();
    assert_eq!(stale.len(), 2, "{report:#?}");
    for answer in stale {
        assert_eq!(answer.status, Security::Bogus, "{answer:#?}");
        assert!(
            answer.reason.as_deref().unwrap().contains("expired"),
            "{answer:#?}"
        );
    }
}

#[test]
fn check_on_a_bogus_domain_says_why_on_its_dnssec_line() {
    let signed = Signed::start(AnchorForm::Dnskey);
    let out = signed.run("text", "2", &["check", "--no-probe", "expired.test"]);
    out.assert_code(1);
    let card = out
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("DNSSEC"));
    let card = card.unwrap_or_else(|| panic!("no DNSSEC line\n{out}"));
    assert!(
        card.contains("bogus: the RRSIG over expired.test DNSKEY"),
        "{card}"
    );
    out.assert_stdout_contains("dnssec-bogus");
}
