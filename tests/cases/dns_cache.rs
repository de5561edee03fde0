//! The run's one resolver (`mailaudit::dns::Dns`): answers are cached, identical queries in
//! flight are shared, and lookups of different names run at the same time.

use std::time::Duration;

use futures_util::future::join_all;
use mailaudit::dns::live::LiveSource;
use mailaudit::dns::{Dns, RecordType};

use crate::support::dns_server::{TestDns, Zone};

fn resolver(server: &TestDns) -> Dns {
    Dns::new(LiveSource::new(&[server.addr()], Duration::from_secs(2)).expect("resolver"))
}

#[tokio::test]
async fn identical_queries_in_flight_are_asked_once_and_then_cached() {
    let mut zone = Zone::new();
    zone.txt("example.com", &["v=spf1 -all"])
        .delay(Duration::from_millis(50));
    let server = TestDns::start(zone);
    let dns = resolver(&server);
    let answers = join_all((0..20).map(|_| dns.lookup("Example.COM.", RecordType::Txt))).await;
    assert!(answers.iter().all(|a| a == &answers[0] && a.is_ok()));
    dns.lookup("example.com", RecordType::Txt).await.unwrap();
    let asked: Vec<_> = server
        .queries()
        .into_iter()
        .filter(|(name, rtype)| name == "example.com" && rtype == "TXT")
        .collect();
    assert_eq!(asked.len(), 1, "{asked:?}");
}

#[tokio::test]
async fn failures_are_cached_as_failures() {
    let mut zone = Zone::new();
    zone.servfail("broken.example.com");
    let server = TestDns::start(zone);
    let dns = resolver(&server);
    let first = dns.lookup("broken.example.com", RecordType::A).await;
    let second = dns.lookup("broken.example.com", RecordType::A).await;
    assert!(first.is_err());
    assert_eq!(first, second);
}

#[tokio::test]
async fn different_names_are_looked_up_concurrently() {
    let mut zone = Zone::new();
    for i in 0..8 {
        zone.a(&format!("h{i}.example.com"), "192.0.2.1");
    }
    zone.delay(Duration::from_millis(200));
    let server = TestDns::start(zone);
    let dns = resolver(&server);
    let names: Vec<String> = (0..8).map(|i| format!("h{i}.example.com")).collect();
    let lookups = join_all(names.iter().map(|n| dns.lookup(n, RecordType::A)));
    // Eight lookups one after another would need 1.6 s; together they fit well inside 1.5 s.
    let answers = tokio::time::timeout(Duration::from_millis(1500), lookups)
        .await
        .expect("the lookups ran concurrently");
    assert!(answers.iter().all(Result::is_ok));
}
