//! Benchmark of SPF check_host() (RFC 7208 §4.6, §5) over a 3-level include tree served by the
//! in-process test DNS server with 20 ms added to every answer: wall time per evaluation (a
//! fresh resolver and cache each time) next to the floor set by the tree — its longest chain of
//! dependent queries × 20 ms — and the time a strictly one-query-at-a-time evaluation needs.
//!
//! The SPF audit of the same tree (`spf DOMAIN`, which follows every branch at once and does not
//! resolve MX hosts) is timed the same way against its own floor.
//!
//! `cargo bench --bench spf_eval`; `SPF_BENCH_N` sets the evaluations per mode (default 20).

#[path = "../tests/support/dns_server.rs"]
mod dns_server;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use dns_server::{TestDns, Zone};
use mailaudit::dns::Dns;
use mailaudit::dns::live::LiveSource;
use mailaudit::spf::audit::audit_domain;
use mailaudit::spf::eval::{EvalOptions, EvalRequest, SpfResult, check_host_with};

const DELAY: Duration = Duration::from_millis(20);
const DOMAIN: &str = "example.com";
/// The client: an address of leaf 4's MX host, so every branch is evaluated before the match.
const CLIENT: &str = "198.51.100.44";

/// One SPF record of the tree.
struct Node {
    name: &'static str,
    includes: Vec<Node>,
    terms: Vec<Leaf>,
}

/// A leaf term and the data it needs.
enum Leaf {
    Ip4(&'static str),
    /// `a`, with the domain's address.
    A(&'static str),
    /// `mx`, with its hosts and their addresses.
    Mx(Vec<(&'static str, &'static str)>),
}

fn tree() -> Node {
    let leaf = |name, terms| Node {
        name,
        includes: Vec::new(),
        terms,
    };
    Node {
        name: DOMAIN,
        terms: Vec::new(),
        includes: vec![
            Node {
                name: "_spf1.example.com",
                terms: Vec::new(),
                includes: vec![
                    leaf(
                        "l1.spf.example.net",
                        vec![Leaf::Ip4("192.0.2.0/25"), Leaf::A("192.0.2.201")],
                    ),
                    leaf(
                        "l2.spf.example.net",
                        vec![
                            Leaf::Ip4("192.0.2.128/25"),
                            Leaf::Mx(vec![
                                ("mx1.example.net", "203.0.113.1"),
                                ("mx2.example.net", "203.0.113.2"),
                            ]),
                        ],
                    ),
                ],
            },
            Node {
                name: "_spf2.example.com",
                terms: Vec::new(),
                includes: vec![
                    leaf(
                        "l3.spf.example.org",
                        vec![Leaf::Ip4("198.51.100.0/28"), Leaf::A("198.51.100.33")],
                    ),
                    leaf(
                        "l4.spf.example.org",
                        vec![
                            Leaf::Ip4("198.51.100.16/28"),
                            Leaf::Mx(vec![
                                ("mx3.example.org", "198.51.100.43"),
                                ("mx4.example.org", CLIENT),
                            ]),
                        ],
                    ),
                ],
            },
        ],
    }
}

/// Publishes the records (and the address and MX data their terms need) of `node` and below.
fn publish(node: &Node, zone: &mut Zone) {
    let mut record = String::from("v=spf1");
    for include in &node.includes {
        let _ = write!(record, " include:{}", include.name);
        publish(include, zone);
    }
    for term in &node.terms {
        match term {
            Leaf::Ip4(net) => {
                let _ = write!(record, " ip4:{net}");
            }
            Leaf::A(ip) => {
                record.push_str(" a");
                zone.a(node.name, ip);
            }
            Leaf::Mx(hosts) => {
                record.push_str(" mx");
                for (i, (host, ip)) in hosts.iter().enumerate() {
                    let preference = u16::try_from(10 * (i + 1)).unwrap_or(u16::MAX);
                    zone.mx(node.name, preference, host);
                    zone.a(host, ip);
                }
            }
        }
    }
    record.push_str(if node.name == DOMAIN {
        " -all"
    } else {
        " ?all"
    });
    zone.txt(node.name, &[&record]);
}

/// Queries on the longest chain where each needs the answer before it (TXT, then MX, then A).
fn longest_chain(node: &Node) -> usize {
    let below = node
        .includes
        .iter()
        .map(longest_chain)
        .chain(node.terms.iter().map(term_chain))
        .max()
        .unwrap_or(0);
    1 + below
}

/// Rounds of queries when every lookup waits for the one before it (MX hosts together).
fn sequential_rounds(node: &Node) -> usize {
    1 + node.includes.iter().map(sequential_rounds).sum::<usize>()
        + node.terms.iter().map(term_chain).sum::<usize>()
}

/// The audit's longest chain: TXT records down the tree, then one lookup for `a` or `mx`.
fn audit_chain(node: &Node) -> usize {
    let below = node
        .includes
        .iter()
        .map(audit_chain)
        .chain(
            node.terms
                .iter()
                .map(|t| usize::from(!matches!(t, Leaf::Ip4(_)))),
        )
        .max()
        .unwrap_or(0);
    1 + below
}

fn term_chain(term: &Leaf) -> usize {
    match term {
        Leaf::Ip4(_) => 0,
        Leaf::A(_) => 1,
        Leaf::Mx(_) => 2,
    }
}

fn main() {
    let n: usize = std::env::var("SPF_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
        .max(1);
    let tree = tree();
    let mut zone = Zone::new();
    publish(&tree, &mut zone);
    zone.delay(DELAY);
    let server = TestDns::start(zone);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let chain = longest_chain(&tree);
    let rounds = sequential_rounds(&tree);
    println!(
        "SPF check_host() over a 3-level include tree, {} ms per DNS answer, {n} evaluations per mode",
        DELAY.as_millis()
    );
    println!(
        "floor: longest chain of dependent queries {chain} x {} ms = {} ms; step by step (only MX hosts together): {rounds} x {} ms = {} ms",
        DELAY.as_millis(),
        chain as u128 * DELAY.as_millis(),
        DELAY.as_millis(),
        rounds as u128 * DELAY.as_millis()
    );
    let request = EvalRequest {
        ip: CLIENT.parse().expect("client address"),
        mail_from: Some(format!("bench@{DOMAIN}")),
        helo: Some("mail.example.net".to_string()),
        receiver: "mx.receiver.example".to_string(),
        now: 0,
    };
    for prefetch in [true, false] {
        let times = runtime.block_on(timed(n, &server, |dns| {
            let request = &request;
            async move {
                let evaluation = check_host_with(
                    &dns,
                    request,
                    EvalOptions {
                        prefetch,
                        ..EvalOptions::default()
                    },
                )
                .await;
                assert_eq!(evaluation.result, SpfResult::Pass, "{evaluation:?}");
                assert_eq!(evaluation.dns_terms, 10);
            }
        }));
        let label = if prefetch {
            "eval, prefetch on"
        } else {
            "eval, prefetch off"
        };
        report(label, times, chain);
    }
    let times = runtime.block_on(timed(n, &server, |dns| async move {
        let report = audit_domain(&dns, DOMAIN, std::time::Duration::from_secs(20)).await;
        assert_eq!(report.lookups, 10, "{report:?}");
    }));
    report("audit", times, audit_chain(&tree));
}

/// Runs `job` `n` times, each with a fresh resolver and cache, and returns the sorted times.
async fn timed<F, Fut>(n: usize, server: &TestDns, job: F) -> Vec<Duration>
where
    F: Fn(Dns) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let source =
            LiveSource::new(&[server.addr()], Duration::from_secs(2)).expect("resolver starts");
        let dns = Dns::new(source);
        let start = Instant::now();
        job(dns).await;
        times.push(start.elapsed());
    }
    times.sort();
    times
}

fn report(label: &str, times: Vec<Duration>, chain: usize) {
    let n = times.len();
    let mean = times.iter().sum::<Duration>() / u32::try_from(n).unwrap_or(u32::MAX);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label:<19}: wall median {:.1} ms, mean {:.1} ms, min {:.1} ms, max {:.1} ms  (floor: chain of {chain} x {} ms = {} ms)",
        ms(times[n / 2]),
        ms(mean),
        ms(times[0]),
        ms(times[n - 1]),
        DELAY.as_millis(),
        chain as u128 * DELAY.as_millis(),
    );
}
