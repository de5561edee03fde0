//! `mailaudit mx DOMAIN` through the live DNS path against the in-process DNS server: every MX
//! finding code is triggered (one test per code, from a table), a clean set-up raises nothing,
//! lookup failures are failures and never missing records, the budget and the bounds hold, and
//! the report's shape holds in JSON and text.

use std::time::{Duration, Instant};

use mailaudit::dns::name::reverse_name;

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{MxDelivery, MxHostStatus, MxReport, ReverseDns, codes, finding};

/// A zone, the `--timeout` per query and the options a case needs besides `mx example.com`.
struct Fixture {
    zone: Zone,
    timeout: &'static str,
    args: Vec<&'static str>,
}

impl From<Zone> for Fixture {
    fn from(zone: Zone) -> Self {
        Self {
            zone,
            timeout: "1",
            args: Vec::new(),
        }
    }
}

/// Runs `mx DOMAIN` as JSON against `zone`, with `args` before the command; the server stays up
/// for query checks.
fn audit_with(fixture: Fixture, domain: &str) -> (Output, MxReport, TestDns) {
    let dns = TestDns::start(fixture.zone);
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout(fixture.timeout)
        .format("json")
        .args(&fixture.args)
        .args(["mx", domain])
        .run();
    let report = out.json_as();
    (out, report, dns)
}

fn audit(zone: Zone, domain: &str) -> (Output, MxReport, TestDns) {
    audit_with(zone.into(), domain)
}

fn zone(build: impl FnOnce(&mut Zone)) -> Zone {
    let mut z = Zone::new();
    build(&mut z);
    z
}

/// A host with these addresses, each with a PTR naming the host (forward-confirmed).
fn host(z: &mut Zone, name: &str, v4: &[&str], v6: &[&str]) {
    for ip in v4 {
        z.a(name, ip);
        z.ptr(&reverse_name(ip.parse().unwrap()), name);
    }
    for ip in v6 {
        z.aaaa(name, ip);
        z.ptr(&reverse_name(ip.parse().unwrap()), name);
    }
}

/// example.com receiving mail on two dual-stack hosts with forward-confirmed reverse DNS.
fn base(z: &mut Zone) {
    z.mx("example.com", 10, "mx1.example.com");
    z.mx("example.com", 20, "mx2.example.com");
    host(z, "mx1.example.com", &["1.2.3.25"], &["2a00:1:2:3::25"]);
    host(z, "mx2.example.com", &["1.2.4.25"], &["2a00:1:2:4::25"]);
}

/// example.com with one MX host named `name`, built by `build`.
fn one_host(name: &'static str, build: impl FnOnce(&mut Zone)) -> Zone {
    zone(|z| {
        z.mx("example.com", 10, name);
        build(z);
    })
}

/// Fails the test unless auditing example.com with `fixture` raises `code`.
fn assert_raised(code: &str, fixture: Fixture) {
    let (out, report, _dns) = audit_with(fixture, "example.com");
    assert!(
        codes(&report.findings).contains(&code),
        "{code}: not raised; got {:?}\n{out}",
        codes(&report.findings)
    );
}

/// One fixture per finding code, each built to trigger that code at example.com.
mod code {
    use super::*;

    crate::finding_code_table! {
        check: assert_raised;
        mx_undeliverable => zone(|z| host(z, "other.example.com", &["1.2.3.25"], &[]));
        mx_missing => zone(|z| host(z, "example.com", &["1.2.3.25"], &["2a00:1:2:3::25"]));
        mx_null => zone(|z| { z.mx("example.com", 0, "."); });
        mx_null_mixed => zone(|z| { base(z); z.mx("example.com", 0, "."); });
        mx_target_cname => one_host("alias.example.com", |z| {
            z.cname("alias.example.com", "mx1.example.com");
            host(z, "mx1.example.com", &["1.2.3.25"], &["2a00:1:2:3::25"]);
        });
        mx_target_ip_literal => one_host("1.2.3.25", |_| {});
        mx_host_no_address => zone(|z| { base(z); z.mx("example.com", 30, "gone.example.com"); });
        mx_host_not_public => one_host("mx.example.com", |z| {
            host(z, "mx.example.com", &["10.0.0.25"], &["fd00::25"]);
        });
        mx_address_not_public => one_host("mx.example.com", |z| {
            host(z, "mx.example.com", &["1.2.3.25", "192.168.1.25"], &["2a00:1:2:3::25"]);
        });
        mx_duplicate_host => zone(|z| { base(z); z.mx("example.com", 30, "mx1.example.com"); });
        mx_no_aaaa => one_host("mx.example.com", |z| host(z, "mx.example.com", &["1.2.3.25"], &[]));
        mx_ptr_missing => one_host("mx.example.com", |z| {
            z.a("mx.example.com", "1.2.3.25");
            z.aaaa("mx.example.com", "2a00:1:2:3::25");
            z.ptr(&reverse_name("2a00:1:2:3::25".parse().unwrap()), "mx.example.com");
        });
        mx_ptr_not_confirmed => one_host("mx.example.com", |z| {
            host(z, "mx.example.com", &[], &["2a00:1:2:3::25"]);
            z.a("mx.example.com", "1.2.3.25");
            z.ptr("25.3.2.1.in-addr.arpa", "host-25.isp.example.net");
            z.a("host-25.isp.example.net", "1.2.3.26");
        });
        mx_audit_limit => zone(|z| {
            for i in 0..17 {
                let name = format!("mx{i}.example.com");
                z.mx("example.com", 10, &name);
                host(z, &name, &[&format!("1.2.3.{i}")], &[]);
            }
        });
        mx_audit_deadline => Fixture {
            zone: one_host("slow.example.com", |z| { z.silent("slow.example.com", None); }),
            timeout: "1",
            args: vec!["--budget", "0.3"],
        };
    }
}

#[test]
fn the_code_table_covers_the_catalog_exactly() {
    crate::support::codes::assert_table_covers(code::TABLE, &["mx-"]);
}

#[test]
fn a_clean_setup_raises_nothing_and_reports_every_host_and_address() {
    let (out, report, _dns) = audit(zone(base), "example.com");
    assert_eq!(codes(&report.findings), Vec::<&str>::new(), "{out}");
    out.assert_success();
    assert_eq!(report.delivery, MxDelivery::Mx);
    assert!(!report.null_mx);
    let hosts: Vec<(u16, &str, MxHostStatus)> = report
        .hosts
        .iter()
        .map(|h| (h.preference, h.name.as_str(), h.status))
        .collect();
    assert_eq!(
        hosts,
        [
            (10, "mx1.example.com", MxHostStatus::Resolved),
            (20, "mx2.example.com", MxHostStatus::Resolved)
        ]
    );
    let mx1 = &report.hosts[0];
    assert_eq!((mx1.cname.as_deref(), mx1.ip_literal), (None, false));
    let ips: Vec<String> = mx1.addresses.iter().map(|a| a.ip.to_string()).collect();
    assert_eq!(ips, ["1.2.3.25", "2a00:1:2:3::25"]);
    for address in report.hosts.iter().flat_map(|h| &h.addresses) {
        assert_eq!(address.reverse_dns, ReverseDns::Confirmed, "{out}");
        assert_eq!(address.special, None);
        assert_eq!(address.ptr.len(), 1);
        assert_eq!(address.confirmed_by.as_ref(), Some(&address.ptr[0]));
    }
}

#[test]
fn the_text_report_lists_hosts_addresses_and_reverse_dns() {
    let dns = TestDns::start(zone(|z| {
        base(z);
        z.mx("example.com", 30, "backup.example.com");
        z.cname("backup.example.com", "relay.example.net");
        z.a("relay.example.net", "10.9.8.7");
    }));
    let out = Mailaudit::new().dns(&dns).args(["mx", "example.com"]).run();
    out.assert_code(1);
    let head: Vec<&str> = out.stdout.lines().take(10).collect();
    assert_eq!(
        head,
        [
            "MX example.com",
            "  10  mx1.example.com",
            "      1.2.3.25        PTR mx1.example.com  (forward-confirmed)",
            "      2a00:1:2:3::25  PTR mx1.example.com  (forward-confirmed)",
            "  20  mx2.example.com",
            "      1.2.4.25        PTR mx2.example.com  (forward-confirmed)",
            "      2a00:1:2:4::25  PTR mx2.example.com  (forward-confirmed)",
            "  30  backup.example.com  alias of relay.example.net",
            "      10.9.8.7        no PTR",
            "                      not reachable: 10.0.0.0/8 is Private-Use",
        ],
        "{out}"
    );
    out.assert_stdout_contains("error   mx-host-not-public  backup.example.com");
}

#[test]
fn a_null_mx_alone_is_information_and_nothing_is_looked_up_behind_it() {
    let (out, report, dns) = audit(
        zone(|z| {
            z.mx("example.com", 0, ".");
            z.a("example.com", "1.2.3.80");
        }),
        "example.com",
    );
    out.assert_success();
    assert_eq!(report.delivery, MxDelivery::NullMx);
    assert!(report.null_mx && report.hosts.is_empty());
    assert_eq!(codes(&report.findings), ["mx-null"]);
    assert_eq!(
        dns.queries(),
        [("example.com".to_string(), "MX".to_string())]
    );
}

#[test]
fn a_null_mx_beside_others_is_an_error_and_the_others_are_audited() {
    let (out, report, _dns) = audit(
        zone(|z| {
            base(z);
            z.mx("example.com", 0, ".");
        }),
        "example.com",
    );
    out.assert_code(1);
    assert_eq!(report.delivery, MxDelivery::Mx);
    assert!(report.null_mx);
    assert_eq!(report.hosts.len(), 2);
    let f = finding(&report.findings, "mx-null-mixed");
    assert_eq!(
        f.message,
        "a null MX (MX 0 .) beside MX 10 mx1.example.com, MX 20 mx2.example.com"
    );
}

#[test]
fn without_mx_records_the_domain_is_its_own_mail_exchanger() {
    let (out, report, _dns) = audit(
        zone(|z| host(z, "example.com", &["1.2.3.80"], &[])),
        "example.com",
    );
    out.assert_success();
    assert_eq!(report.delivery, MxDelivery::Implicit);
    let implicit = &report.hosts[0];
    assert_eq!(
        (implicit.preference, implicit.name.as_str()),
        (0, "example.com")
    );
    let f = finding(&report.findings, "mx-missing");
    assert_eq!(
        f.message,
        "no MX records: mail goes to example.com's own address 1.2.3.80 (implicit MX)"
    );
    assert!(codes(&report.findings).contains(&"mx-no-aaaa"));
}

#[test]
fn a_domain_that_is_an_alias_is_followed_for_its_implicit_mx() {
    // RFC 5321 §5.1 follows a CNAME at the domain; only MX data must not name an alias.
    let (out, report, _dns) = audit(
        zone(|z| {
            z.cname("example.com", "web.example.net");
            host(z, "web.example.net", &["1.2.3.80"], &["2a00:1:2:3::80"]);
        }),
        "example.com",
    );
    out.assert_success();
    assert_eq!(report.delivery, MxDelivery::Implicit);
    assert_eq!(report.hosts[0].cname, None);
    assert_eq!(report.hosts[0].addresses.len(), 2);
    assert_eq!(codes(&report.findings), ["mx-missing"], "{out}");
}

#[test]
fn without_mx_records_and_addresses_mail_bounces() {
    let (out, report, _dns) = audit(
        zone(|z| {
            z.txt("example.com", &["v=spf1 -all"]);
        }),
        "example.com",
    );
    out.assert_code(1);
    assert_eq!(report.delivery, MxDelivery::None);
    assert_eq!(codes(&report.findings), ["mx-undeliverable"]);
    assert_eq!(
        report.findings[0].message,
        "example.com has no MX records and no A or AAAA record: mail to it bounces"
    );
}

#[test]
fn a_failed_mx_lookup_is_unknown_never_missing_and_the_run_is_incomplete() {
    let (out, report, _dns) = audit(
        zone(|z| {
            host(z, "example.com", &["1.2.3.80"], &[]);
            z.servfail("example.com");
        }),
        "example.com",
    );
    out.assert_code(2);
    assert_eq!(report.delivery, MxDelivery::Unknown);
    assert_eq!(codes(&report.findings), ["dns-lookup-failed"]);
    assert!(report.hosts.is_empty());
}

#[test]
fn failed_address_and_ptr_lookups_are_failures_not_missing_records() {
    let (out, report, _dns) = audit(
        zone(|z| {
            base(z);
            z.mx("example.com", 30, "broken.example.com");
            z.servfail("broken.example.com");
            z.servfail(&reverse_name("1.2.4.25".parse().unwrap()));
        }),
        "example.com",
    );
    out.assert_code(1);
    let found = codes(&report.findings);
    assert!(found.contains(&"dns-lookup-failed"), "{out}");
    for never in ["mx-host-no-address", "mx-ptr-missing", "mx-no-aaaa"] {
        assert!(!found.contains(&never), "{never}\n{out}");
    }
    let broken = &report.hosts[2];
    assert_eq!(broken.status, MxHostStatus::Failed);
    let mx2 = &report.hosts[1];
    assert_eq!(mx2.addresses[0].reverse_dns, ReverseDns::Unknown);
    let failures: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.code == "dns-lookup-failed")
        .map(|f| f.subject.as_str())
        .collect();
    assert!(failures.contains(&"broken.example.com"), "{failures:?}");
    assert!(failures.contains(&"1.2.4.25"), "{failures:?}");
}

#[test]
fn a_cname_target_is_reported_with_the_addresses_it_leads_to() {
    let (out, report, _dns) = audit(
        one_host("alias.example.com", |z| {
            z.cname("alias.example.com", "mx1.example.net");
            host(z, "mx1.example.net", &["1.2.3.25"], &["2a00:1:2:3::25"]);
        }),
        "example.com",
    );
    let host = &report.hosts[0];
    assert_eq!(host.cname.as_deref(), Some("mx1.example.net"), "{out}");
    assert_eq!(host.status, MxHostStatus::Resolved);
    assert_eq!(host.addresses.len(), 2);
    assert_eq!(
        finding(&report.findings, "mx-target-cname").message,
        "alias.example.com is an alias (CNAME) for mx1.example.net"
    );
}

#[test]
fn an_ip_literal_target_gets_one_finding_not_two() {
    let (out, report, _dns) = audit(one_host("1.2.3.25", |_| {}), "example.com");
    assert!(report.hosts[0].ip_literal, "{out}");
    assert_eq!(report.hosts[0].status, MxHostStatus::NxDomain);
    assert_eq!(codes(&report.findings), ["mx-target-ip-literal"]);
}

#[test]
fn addresses_outside_the_internet_name_their_block() {
    let (out, report, _dns) = audit(
        one_host("mx.example.com", |z| {
            host(
                z,
                "mx.example.com",
                &["127.0.0.1", "100.64.1.1"],
                &["fe80::1"],
            );
        }),
        "example.com",
    );
    let f = finding(&report.findings, "mx-host-not-public");
    assert_eq!(
        f.message,
        "no address of mx.example.com is reachable from the Internet: 100.64.1.1 is in \
         100.64.0.0/10, Shared Address Space (carrier-grade NAT), RFC 6598; 127.0.0.1 is in \
         127.0.0.0/8, Loopback, RFC 1122 §3.2.1.3; fe80::1 is in fe80::/10, Link-Local \
         Unicast, RFC 4291 §2.5.6",
        "{out}"
    );
    let blocks: Vec<&str> = report.hosts[0]
        .addresses
        .iter()
        .map(|a| a.special.as_ref().expect("special").block.as_str())
        .collect();
    assert_eq!(blocks, ["100.64.0.0/10", "127.0.0.0/8", "fe80::/10"]);
}

#[test]
fn ptr_names_that_do_not_resolve_back_are_named() {
    let (out, report, _dns) = audit(
        one_host("mx.example.com", |z| {
            z.a("mx.example.com", "1.2.3.25");
            z.ptr("25.3.2.1.in-addr.arpa", "a.isp.example.net");
            z.ptr("25.3.2.1.in-addr.arpa", "b.isp.example.net");
            z.a("a.isp.example.net", "1.2.3.26");
        }),
        "example.com",
    );
    let address = &report.hosts[0].addresses[0];
    assert_eq!(address.reverse_dns, ReverseDns::NotConfirmed, "{out}");
    assert_eq!(address.ptr, ["a.isp.example.net", "b.isp.example.net"]);
    assert_eq!(
        finding(&report.findings, "mx-ptr-not-confirmed").message,
        "1.2.3.25 (mx.example.com) has PTR a.isp.example.net, b.isp.example.net, none of which \
         has an A record with 1.2.3.25"
    );
}

#[test]
fn one_confirming_ptr_name_of_several_is_enough() {
    let (out, report, _dns) = audit(
        one_host("mx.example.com", |z| {
            host(z, "mx.example.com", &["1.2.3.25"], &["2a00:1:2:3::25"]);
            z.ptr("25.3.2.1.in-addr.arpa", "a.isp.example.net");
        }),
        "example.com",
    );
    let address = &report.hosts[0].addresses[0];
    assert_eq!(address.reverse_dns, ReverseDns::Confirmed, "{out}");
    assert_eq!(address.confirmed_by.as_deref(), Some("mx.example.com"));
    assert!(report.findings.is_empty(), "{out}");
}

#[test]
fn hosts_are_looked_up_concurrently_within_the_budget() {
    // Each host's answers take 1 s: one after another, eight hosts would take 24 s and more.
    let mut fixture: Fixture = zone(|z| {
        for i in 0..8 {
            let name = format!("mx{i}.slow.example.com");
            z.mx("example.com", 10, &name);
            host(
                z,
                &name,
                &[&format!("1.2.3.{i}")],
                &[&format!("2a00:1:2:3::{i}")],
            );
        }
        z.delay_below("slow.example.com", Duration::from_secs(1));
    })
    .into();
    fixture.timeout = "3";
    fixture.args = vec!["--budget", "6"];
    let (out, report, _dns) = audit_with(fixture, "example.com");
    out.assert_success();
    assert!(
        report
            .hosts
            .iter()
            .all(|h| h.status == MxHostStatus::Resolved && h.addresses.len() == 2),
        "{out}"
    );
    assert!(report.findings.is_empty(), "{out}");
}

#[test]
fn a_host_that_never_answers_ends_at_the_budget_with_what_was_found() {
    let mut fixture: Fixture = zone(|z| {
        base(z);
        z.mx("example.com", 30, "slow.example.com");
        z.silent("slow.example.com", None);
    })
    .into();
    fixture.timeout = "5";
    fixture.args = vec!["--budget", "0.5"];
    let started = Instant::now();
    let (out, report, _dns) = audit_with(fixture, "example.com");
    // Well before the 5 s a query may take: the budget ended it.
    assert!(started.elapsed() < Duration::from_secs(3), "{out}");
    out.assert_code(1);
    assert_eq!(codes(&report.findings), ["mx-audit-deadline"], "{out}");
    assert_eq!(report.hosts[2].status, MxHostStatus::Failed);
    assert_eq!(report.hosts[0].status, MxHostStatus::Resolved);
}

#[test]
fn more_hosts_than_the_bound_are_listed_but_not_looked_up() {
    let (out, report, dns) = audit(
        zone(|z| {
            for i in 0..20u16 {
                let name = format!("mx{i:02}.example.com");
                z.mx("example.com", i, &name);
                host(z, &name, &[&format!("1.2.3.{i}")], &[&format!("2a00::{i}")]);
            }
        }),
        "example.com",
    );
    assert_eq!(report.hosts.len(), 20, "{out}");
    let followed = report
        .hosts
        .iter()
        .filter(|h| h.status != MxHostStatus::NotFollowed)
        .count();
    assert_eq!(followed, 16);
    assert_eq!(report.hosts[16].name, "mx16.example.com");
    assert!(!dns.queries().iter().any(|(n, _)| n == "mx16.example.com"));
    assert_eq!(
        finding(&report.findings, "mx-audit-limit").message,
        "20 MX hosts; the first 16 by preference were looked up"
    );
}

#[test]
fn an_invalid_domain_is_a_usage_error() {
    let out = Mailaudit::new().args(["mx", "exa mple.com"]).run();
    out.assert_code(2);
    out.assert_stderr_contains("invalid domain");
}
