//! Unit tests of how check_host() waits: independent lookups of one step go out together, and
//! prefetching changes nothing but the waiting; the evaluation future is `Send`.

use std::sync::atomic::Ordering;
use std::time::Duration;

use super::tests::request;
use super::*;
use crate::dns::Dns;
use crate::dns::fake::FakeDns;

#[tokio::test]
async fn mx_hosts_and_ptr_names_are_looked_up_together() {
    let mut fake = FakeDns::default()
        .txt("example.com", "v=spf1 mx ptr -all")
        .ptr("9.2.0.192.in-addr.arpa", "a.example.com")
        .ptr("9.2.0.192.in-addr.arpa", "b.example.com")
        .ptr("9.2.0.192.in-addr.arpa", "c.example.com")
        .a("a.example.com", "192.0.2.1")
        .a("b.example.com", "192.0.2.2")
        .a("c.example.com", "192.0.2.9");
    for i in 0..6u16 {
        let host = format!("mx{i}.example.com");
        fake = fake.mx("example.com", i, &host).a(&host, "198.51.100.1");
    }
    fake.delay = Some(Duration::from_millis(30));
    let dns = Dns::new(fake.clone());
    let options = EvalOptions {
        prefetch: false,
        ..EvalOptions::default()
    };
    let e = check_host_with(&dns, &request("192.0.2.9", "a@example.com"), options).await;
    assert_eq!(
        (e.result, e.mechanism.as_deref()),
        (SpfResult::Pass, Some("ptr"))
    );
    assert!(
        fake.peak.load(Ordering::SeqCst) >= 6,
        "peak {}",
        fake.peak.load(Ordering::SeqCst)
    );
}

#[tokio::test]
async fn prefetch_changes_nothing_but_waiting() {
    let mut fake = FakeDns::default()
        .txt(
            "example.com",
            "v=spf1 include:a.example include:b.example -all exp=e.example",
        )
        .txt("a.example", "v=spf1 include:c.example mx:m.example")
        .txt(
            "b.example",
            "v=spf1 a:h.example exists:%{i}.bl.example redirect=c.example",
        )
        .txt("c.example", "v=spf1 ip4:203.0.113.0/24")
        .mx("m.example", 1, "h.example")
        .a("h.example", "198.51.100.1")
        .txt("e.example", "%{i} is not allowed");
    fake.delay = Some(Duration::from_millis(10));
    for ip in ["192.0.2.1", "198.51.100.1", "203.0.113.5"] {
        let r = request(ip, "a@example.com");
        let (dns1, dns2) = (Dns::new(fake.clone()), Dns::new(fake.clone()));
        let plain = check_host_with(
            &dns1,
            &r,
            EvalOptions {
                prefetch: false,
                ..EvalOptions::default()
            },
        )
        .await;
        let warm = check_host_with(&dns2, &r, EvalOptions::default()).await;
        assert_eq!(plain, warm, "{ip}");
    }
}

#[test]
fn check_host_is_send() {
    fn is_send<T: Send>(_: &T) {}
    let dns = Dns::new(FakeDns::default());
    let r = request("192.0.2.1", "a@example.com");
    is_send(&check_host(&dns, &r));
}
