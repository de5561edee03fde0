//! What a run costs the DNS resolvers: each domain's lookups counted in its `check` result
//! (`queries`: sent, cached, failed), and `--qps`, the cap on the queries per second each
//! resolver is sent.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dkim_keys::RFC8463_BRISBANE;
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{CheckReport, CheckResult, QueryCount};

/// SPF through a provider's include, an MX host at `address` (public, without a PTR: a
/// warning), DMARC, and a DKIM key at s1.
fn published(z: &mut Zone, domain: &str, address: &str) {
    z.txt(domain, &["v=spf1 include:_spf.provider.example -all"]);
    z.mx(domain, 10, &format!("mail.{domain}"));
    z.a(&format!("mail.{domain}"), address);
    z.txt(&format!("_dmarc.{domain}"), &["v=DMARC1; p=reject"]);
    z.txt(
        &format!("s1._domainkey.{domain}"),
        &[&format!("v=DKIM1; k=ed25519; p={RFC8463_BRISBANE}")],
    );
}

fn provider(z: &mut Zone) {
    z.txt("_spf.provider.example", &["v=spf1 ip4:192.0.2.0/24 -all"]);
}

/// `check --no-probe` of `domains` by DKIM discovery, one domain at a time, in JSON.
fn check(dns: &TestDns, global: &[&str], domains: &[&str]) -> Output {
    Mailaudit::new()
        .dns(dns)
        .timeout("0.5")
        .format("json")
        .args(global)
        .args(["check", "--no-probe", "--jobs", "1"])
        .args(domains)
        .env("HOME", "/nonexistent")
        .env_remove("XDG_CONFIG_HOME")
        .run()
}

/// Findings, but the run was complete.
fn assert_done(out: &Output) {
    assert!(out.code == 0 || out.code == 1, "{out}");
}

fn reports(out: &Output) -> Vec<CheckReport> {
    let results: Vec<CheckResult> = out.json_as();
    results
        .into_iter()
        .map(|r| match r {
            CheckResult::Report(report) => *report,
            CheckResult::Invalid(i) => panic!("invalid input {i:?}\n{out}"),
        })
        .collect()
}

#[test]
fn a_domains_sent_lookups_are_the_queries_the_server_saw() {
    let mut z = Zone::new();
    published(&mut z, "example.com", "93.184.215.14");
    provider(&mut z);
    let dns = TestDns::start(z);
    let out = check(&dns, &[], &["example.com"]);
    assert_done(&out);
    let report: CheckReport = out.json_as();
    let QueryCount {
        sent,
        cached,
        failed,
    } = report.queries;
    let wire = dns.query_log();
    assert_eq!(sent, wire.len() as u64, "{wire:?}\n{out}");
    assert_eq!(failed, 0);
    // At least the check's own look at the domain's TXT, which the SPF audit asked already.
    assert!(cached >= 1, "{cached}");
    // After the areas, before the findings across them (top-level keys, in written order).
    let at = |key: &str| out.stdout.find(&format!("\n  \"{key}\": ")).unwrap();
    assert!(at("clients") < at("queries") && at("queries") < at("findings"));
}

#[test]
fn what_an_earlier_domain_looked_up_is_counted_as_cached() {
    let mut z = Zone::new();
    published(&mut z, "a.example", "93.184.215.14");
    published(&mut z, "b.example", "93.184.215.15");
    provider(&mut z);
    let dns = TestDns::start(z);
    let out = check(&dns, &[], &["a.example", "b.example"]);
    let [a, b] = <[CheckReport; 2]>::try_from(reports(&out)).unwrap();
    assert_eq!(
        (a.domain.as_str(), b.domain.as_str()),
        ("a.example", "b.example")
    );
    // Asked for by both domains, so sent once: the provider's record, and the DMARC policy the
    // tree walk looks for above the domain (RFC 9989 §4.10).
    let queries = dns.queries();
    let shared: Vec<&(String, String)> = queries
        .iter()
        .filter(|(name, _)| {
            !name.ends_with("a.example")
                && !name.ends_with("b.example")
                && !name.ends_with(".in-addr.arpa")
        })
        .collect();
    assert!(
        shared
            .iter()
            .any(|(name, _)| name == "_spf.provider.example"),
        "{shared:?}"
    );
    let shared = shared.len() as u64;
    // The same lookups, but the shared ones answered from the cache for the second domain.
    let (qa, qb) = (a.queries, b.queries);
    assert_eq!(qa.sent + qa.cached, qb.sent + qb.cached, "{qa:?} {qb:?}");
    assert_eq!(qb.cached, qa.cached + shared, "{qa:?} {qb:?}");
    assert_eq!(qb.sent, qa.sent - shared);
}

#[test]
fn lookups_that_fail_are_counted_as_failed() {
    let failing = [
        "_dmarc.example.com",
        "_mta-sts.example.com",
        "_smtp._tls.example.com",
    ];
    let mut z = Zone::new();
    published(&mut z, "example.com", "93.184.215.14");
    provider(&mut z);
    for name in failing {
        z.servfail(name);
    }
    let dns = TestDns::start(z);
    let out = check(&dns, &[], &["example.com"]);
    let report: CheckReport = out.json_as();
    // hickory may ask a failing server again (over TCP): count the lookups, not the packets.
    let lookups: std::collections::HashSet<(String, String)> = dns
        .queries()
        .into_iter()
        .filter(|(name, _)| failing.contains(&name.as_str()))
        .collect();
    assert!(lookups.len() >= 3, "{lookups:?}");
    assert_eq!(report.queries.failed, lookups.len() as u64, "{out}");
    assert!(report.queries.sent <= dns.query_log().len() as u64);
}

/// At 200 queries a second, two domains by discovery (the list of selectors tried in full, as
/// `_domainkey` exists) reach the server no faster than that, within 10%: an upper bound, which
/// a slow machine cannot break.
#[test]
fn qps_caps_the_queries_each_resolver_is_sent() {
    let mut z = Zone::new();
    for (domain, address) in [
        ("a.example", "93.184.215.14"),
        ("b.example", "93.184.215.15"),
    ] {
        published(&mut z, domain, address);
    }
    provider(&mut z);
    let dns = TestDns::start(z);
    let out = check(&dns, &["--qps", "200"], &["a.example", "b.example"]);
    assert_done(&out);
    for report in reports(&out) {
        assert_eq!(report.queries.failed, 0, "{out}");
        assert!(!report.incomplete, "{out}");
    }
    let log = dns.query_log();
    assert!(log.len() >= 100, "{} queries", log.len());
    let first = log.iter().map(|q| q.at).min().unwrap();
    let last = log.iter().map(|q| q.at).max().unwrap();
    let rate = f64::from(u32::try_from(log.len()).unwrap()) / (last - first).as_secs_f64();
    assert!(
        rate <= 1.1 * 200.0,
        "{} queries at {rate:.0} per second",
        log.len()
    );
}

#[test]
fn qps_needs_a_resolver_to_pace() {
    let out = Mailaudit::new()
        .args([
            "--qps",
            "10",
            "--zone",
            "examples/example.com.zone",
            "spf",
            "example.com",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .run();
    out.assert_code(2);
    out.assert_stderr_contains("--qps");
    let out = Mailaudit::new()
        .args(["--qps", "0", "spf", "example.com"])
        .run();
    out.assert_code(2);
}
