//! Several `--resolver`s: a server answering REFUSED or SERVFAIL sends the query on to the next
//! configured server (RFC 1035 §7.2 "try the next server"); only when every server fails is the
//! lookup an error. With `--qps` the servers are asked one at a time, in turn.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};

/// Runs of the same check: a per-query coin flip between the servers shows within a few.
const RUNS: usize = 10;

/// Every area published and in good order (DKIM under selector s1): `check` exits 0.
fn healthy_zone() -> Zone {
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 ip4:192.0.2.0/24 -all"]);
    z.mx("example.com", 10, "mail.example.com");
    z.a("mail.example.com", "93.184.215.14");
    z.ptr("14.215.184.93.in-addr.arpa", "mail.example.com");
    z.txt(
        "_dmarc.example.com",
        &["v=DMARC1; p=reject; rua=mailto:dmarc@example.com"],
    );
    z.txt(
        "s1._domainkey.example.com",
        &["v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="],
    );
    z.txt(
        "_smtp._tls.example.com",
        &["v=TLSRPTv1; rua=mailto:tls@example.com"],
    );
    z
}

/// `check` of the healthy domain asking `first`, then `second`.
fn check(first: &TestDns, second: &TestDns) -> Output {
    check_with(first, second, &[])
}

fn check_with(first: &TestDns, second: &TestDns, global: &[&str]) -> Output {
    Mailaudit::new()
        .resolver(&first.resolver_arg())
        .args(["--resolver", &second.resolver_arg()])
        .args(global)
        .format("json")
        .args(["check", "--no-probe", "--selector", "s1", "example.com"])
        .run()
}

/// `failing` beside a healthy server, in either order: every run gives the healthy result.
fn runs_stay_healthy(failing: &Zone) {
    let good = TestDns::start(healthy_zone());
    let bad = TestDns::start(failing.clone());
    let alone = Mailaudit::new()
        .dns(&good)
        .format("json")
        .args(["check", "--no-probe", "--selector", "s1", "example.com"])
        .run();
    alone.assert_success();
    for run in 0..RUNS {
        for out in [check(&bad, &good), check(&good, &bad)] {
            assert!(
                out.code == 0 && out.stdout == alone.stdout,
                "run {run}: not the healthy result\n{out}"
            );
        }
    }
}

#[test]
fn a_resolver_answering_refused_hands_every_query_to_the_next() {
    runs_stay_healthy(Zone::new().refuse_everything());
}

#[test]
fn a_resolver_answering_servfail_hands_every_query_to_the_next() {
    runs_stay_healthy(Zone::new().servfail_everything());
}

#[test]
fn when_every_resolver_fails_the_lookup_is_an_error() {
    let refusing = TestDns::start(Zone::new().refuse_everything().clone());
    let failing = TestDns::start(Zone::new().servfail_everything().clone());
    let out = check(&refusing, &failing);
    out.assert_code(2);
    assert!(out.stdout.contains("dns-lookup-failed"), "{out}");
    assert!(!out.stdout.contains("spf-missing"), "{out}");
}

#[test]
fn with_qps_the_resolvers_are_asked_in_turn() {
    let (one, two) = (
        TestDns::start(healthy_zone()),
        TestDns::start(healthy_zone()),
    );
    let out = check_with(&one, &two, &["--qps", "1000"]);
    out.assert_success();
    let (a, b) = (one.queries().len(), two.queries().len());
    assert!(a + b >= 8 && a.abs_diff(b) <= 1, "{a} and {b} queries");
}

#[test]
fn with_qps_a_failing_resolver_hands_every_query_to_the_next() {
    for failing in [
        Zone::new().refuse_everything().clone(),
        Zone::new().servfail_everything().clone(),
    ] {
        let good = TestDns::start(healthy_zone());
        let bad = TestDns::start(failing);
        let alone = Mailaudit::new()
            .dns(&good)
            .format("json")
            .args(["check", "--no-probe", "--selector", "s1", "example.com"])
            .run();
        for out in [
            check_with(&bad, &good, &["--qps", "1000"]),
            check_with(&good, &bad, &["--qps", "1000"]),
        ] {
            assert!(
                out.code == 0 && out.stdout == alone.stdout,
                "not the healthy result\n{out}"
            );
        }
    }
}
