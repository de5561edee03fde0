//! Unit tests of the MX audit against the in-memory DNS double: ordering, bounds, the budget,
//! and audits without reverse DNS.

use std::time::Duration;

use crate::dns::fake::FakeDns;
use crate::dns::{Dns, FailureKind, RecordType};

use super::*;

fn settings() -> MxSettings {
    MxSettings {
        budget: Duration::from_secs(5),
        reverse_dns: true,
    }
}

fn codes(report: &MxReport) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.code.as_str()).collect()
}

#[tokio::test]
async fn hosts_go_by_preference_then_name_each_once() {
    let fake = FakeDns::default()
        .mx("example.com", 20, "b.example.com")
        .mx("example.com", 10, "c.example.com")
        .mx("example.com", 20, "a.example.com")
        .mx("example.com", 30, "c.example.com")
        .a("a.example.com", "8.8.4.4")
        .a("b.example.com", "8.8.8.8")
        .a("c.example.com", "1.1.1.1")
        .aaaa("c.example.com", "2606:4700:4700::1111");
    let report = audit_domain(&Dns::new(fake), "example.com", settings()).await;
    let order: Vec<(u16, &str)> = report
        .hosts
        .iter()
        .map(|h| (h.preference, h.name.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            (10, "c.example.com"),
            (20, "a.example.com"),
            (20, "b.example.com")
        ]
    );
    let targets: Vec<String> = report.targets().map(|(_, ip)| ip.to_string()).collect();
    assert_eq!(
        targets,
        ["1.1.1.1", "2606:4700:4700::1111", "8.8.4.4", "8.8.8.8"]
    );
    assert!(codes(&report).contains(&"mx-duplicate-host"));
}

#[tokio::test]
async fn without_reverse_dns_no_ptr_is_asked() {
    let fake = FakeDns::default()
        .mx("example.com", 10, "mail.example.com")
        .a("mail.example.com", "8.8.8.8");
    let log = fake.log.clone();
    let mut settings = settings();
    settings.reverse_dns = false;
    let report = audit_domain(&Dns::new(fake), "example.com", settings).await;
    assert!(
        log.lock()
            .unwrap()
            .iter()
            .all(|(_, t)| *t != RecordType::Ptr)
    );
    let address = &report.hosts[0].addresses[0];
    assert_eq!(address.reverse_dns, ReverseDns::Unknown);
    assert!(!codes(&report).iter().any(|c| c.starts_with("mx-ptr")));
}

#[tokio::test]
async fn a_slow_mx_lookup_ends_at_the_budget_and_the_run_is_incomplete() {
    let mut fake = FakeDns::default().mx("example.com", 10, "mail.example.com");
    fake.delay = Some(Duration::from_secs(30));
    let settings = MxSettings {
        budget: Duration::from_millis(100),
        reverse_dns: true,
    };
    let started = std::time::Instant::now();
    let report = audit_domain(&Dns::new(fake), "example.com", settings).await;
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(report.incomplete);
    assert_eq!(report.delivery, Delivery::Unknown);
    assert_eq!(codes(&report), ["mx-audit-deadline"]);
    assert_eq!(
        report.findings[0].message,
        "example.com MX was not answered within 0.1 s"
    );
}

#[tokio::test]
async fn a_failed_mx_lookup_is_a_failure_not_a_missing_mx() {
    let fake = FakeDns::default().a("example.com", "8.8.8.8").fail(
        "example.com",
        RecordType::Mx,
        FailureKind::Servfail,
    );
    let report = audit_domain(&Dns::new(fake), "example.com", settings()).await;
    assert!(report.incomplete);
    assert_eq!(codes(&report), ["dns-lookup-failed"]);
    assert!(report.hosts.is_empty());
}

#[tokio::test]
async fn many_ptr_names_are_followed_up_to_the_bound() {
    let mut fake = FakeDns::default()
        .mx("example.com", 10, "mail.example.com")
        .a("mail.example.com", "8.8.8.8")
        .aaaa("mail.example.com", "2001:4860:4860::8888");
    for i in 0..=MAX_PTR_NAMES {
        fake = fake
            .ptr("8.8.8.8.in-addr.arpa", &format!("n{i}.example.net"))
            .a(&format!("n{i}.example.net"), "8.8.4.4");
    }
    let log = fake.log.clone();
    let report = audit_domain(&Dns::new(fake), "example.com", settings()).await;
    let address = &report.hosts[0].addresses[0];
    assert_eq!(address.ptr.len(), MAX_PTR_NAMES + 1);
    assert_eq!(address.reverse_dns, ReverseDns::NotConfirmed);
    let asked = log
        .lock()
        .unwrap()
        .iter()
        .filter(|(n, _)| n.ends_with(".example.net"))
        .count();
    assert_eq!(asked, MAX_PTR_NAMES);
    assert!(codes(&report).contains(&"mx-audit-limit"));
    assert!(codes(&report).contains(&"mx-ptr-not-confirmed"));
}

#[tokio::test]
async fn addresses_are_capped_per_family() {
    let mut fake = FakeDns::default().mx("example.com", 10, "mail.example.com");
    for i in 1..=20 {
        fake = fake.a("mail.example.com", &format!("8.8.8.{i}"));
    }
    let report = audit_domain(&Dns::new(fake), "example.com", settings()).await;
    assert_eq!(report.hosts[0].addresses.len(), MAX_ADDRESSES_PER_FAMILY);
    let limit = report
        .findings
        .iter()
        .find(|f| f.code == codes::AUDIT_LIMIT)
        .expect("a limit finding");
    assert!(limit.message.contains("20 A records"), "{}", limit.message);
}
