//! Fixture zones of hostile SPF data, shared by the tests and the `spf_hostile` benchmark.

#![allow(dead_code)]

use super::dns_server::Zone;

/// example.com includes l0.example.net, and each level includes the next one twice: 2^depth
/// paths through `depth + 1` records.
pub fn doubling(depth: usize) -> Zone {
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 include:l0.example.net -all"]);
    for i in 0..depth {
        let next = format!("l{}.example.net", i + 1);
        z.txt(
            &format!("l{i}.example.net"),
            &[&format!("v=spf1 include:{next} include:{next} -all")],
        );
    }
    z.txt(
        &format!("l{depth}.example.net"),
        &["v=spf1 ip4:192.0.2.1 -all"],
    );
    z
}

/// example.com includes x.w.example.net, and every name below w.example.net has a record that
/// includes two names below it: a tree without end.
pub fn self_including() -> Zone {
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 include:x.w.example.net -all"]);
    z.txt_below("w.example.net", |n| {
        vec![format!("v=spf1 include:a.{n} include:b.{n} -all")]
    });
    z
}

/// example.com includes 1,000 names that never answer.
pub fn dead_includes() -> Zone {
    let includes: Vec<String> = (0..1000)
        .map(|i| format!("include:d{i}.dead.example.net"))
        .collect();
    let mut z = Zone::new();
    z.txt_split(
        "example.com",
        &format!("v=spf1 ip4:192.0.2.1 {} -all", includes.join(" ")),
    );
    z.silent_below("dead.example.net");
    z
}
