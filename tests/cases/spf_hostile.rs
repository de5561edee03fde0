//! Hostile data against the SPF audit and `spf eval` (DESIGN.md "DNS": every walk is bounded):
//! trees that multiply, wildcards that include their own children, servers that never answer,
//! CNAME loops, unreadable input. Each ends promptly with a report that says what stopped it;
//! none hangs, grows without bound, or reports a failure as a missing record.

use std::collections::HashMap;
use std::time::Duration;

use crate::support::cmd::Mailaudit;
use crate::support::dns_server::{TestDns, Zone};
use crate::support::hostile::{dead_includes, doubling, self_including};
use crate::support::model::{SpfNode, SpfReport};

fn audit(dns: &TestDns, domain: &str) -> (crate::support::cmd::Output, SpfReport) {
    let out = Mailaudit::new()
        .dns(dns)
        .timeout("0.5")
        .format("json")
        .args(["spf", domain])
        .run();
    let report = out.json_as();
    (out, report)
}

fn expanded(node: &SpfNode, names: &mut Vec<String>) {
    names.push(node.domain.clone());
    for term in &node.terms {
        if let Some(target) = &term.target {
            expanded(target, names);
        }
    }
}

#[test]
fn a_doubling_tree_is_fetched_and_shown_once_per_record() {
    let dns = TestDns::start(doubling(16));
    let (out, report) = audit(&dns, "example.com");
    out.assert_code(1);
    // A receiver would spend 2^17 - 1 lookups; the report says so without listing them.
    assert_eq!(report.lookups, (1 << 17) - 1);
    let mut names = Vec::new();
    expanded(report.tree.as_ref().expect("tree"), &mut names);
    assert_eq!(names.len(), 18, "every record expanded once: {names:?}");
    assert!(out.stdout.len() < 40_000, "{} bytes", out.stdout.len());
    // Each name was asked for once.
    let mut asked: HashMap<(String, String), usize> = HashMap::new();
    for q in dns.queries() {
        *asked.entry(q).or_default() += 1;
    }
    assert!(asked.values().all(|&n| n == 1), "{asked:?}");
    assert!(report.codes().contains(&"spf-too-many-lookups"));
    assert!(!report.codes().contains(&"spf-audit-limit"));
}

#[test]
fn a_chain_deeper_than_the_depth_bound_is_reported_as_such() {
    let dns = TestDns::start(doubling(30));
    let (out, report) = audit(&dns, "example.com");
    out.assert_code(1);
    let limit = report
        .findings
        .iter()
        .find(|f| f.code == "spf-audit-limit")
        .unwrap_or_else(|| panic!("no spf-audit-limit\n{out}"));
    assert!(limit.message.contains("20 levels"), "{}", limit.message);
    assert!(dns.queries().len() < 40, "{:?}", dns.queries());
}

#[test]
fn a_wildcard_that_includes_its_own_children_ends_at_the_record_bound() {
    let z = self_including();
    let dns = TestDns::start(z);
    let (out, report) = audit(&dns, "example.com");
    out.assert_code(1);
    let limit = report
        .findings
        .iter()
        .find(|f| f.code == "spf-audit-limit")
        .unwrap_or_else(|| panic!("no spf-audit-limit\n{out}"));
    assert!(limit.message.contains("100 distinct"), "{}", limit.message);
    // Bounded by the caps, not by the 2^n names that exist.
    assert!(
        dns.queries().len() <= 110,
        "{} queries",
        dns.queries().len()
    );
}

#[test]
fn includes_that_never_answer_end_at_the_budget_with_what_is_known() {
    let z = dead_includes();
    let dns = TestDns::start(z);
    let started = std::time::Instant::now();
    // No query times out before the budget ends: with every include's query in flight at once,
    // a shorter --timeout would end them all first.
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("2")
        .format("json")
        .args(["--budget", "1", "spf", "example.com"])
        .run();
    let report: SpfReport = out.json_as();
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(
        report.codes().contains(&"spf-audit-deadline"),
        "{:?}",
        report.codes()
    );
    // What was reached is there: the record itself, with every term.
    let tree = report.tree.expect("tree");
    assert_eq!(tree.terms.len(), 1002);
    assert!(tree.terms[1].note.as_deref().is_some());
    out.assert_code(1);
}

#[test]
fn spf_eval_gives_temperror_when_its_budget_runs_out() {
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 include:l.slow.example.net -all"]);
    z.txt_below("slow.example.net", |n| {
        vec![format!("v=spf1 include:l.{n} -all")]
    });
    z.delay_below("slow.example.net", Duration::from_millis(200));
    let dns = TestDns::start(z);
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("1")
        .format("json")
        .args([
            "--budget",
            "0.5",
            "spf",
            "eval",
            "--ip",
            "192.0.2.1",
            "--mail-from",
            "x@example.com",
        ])
        .run();
    out.assert_code(0);
    let evaluation = out.json();
    assert_eq!(evaluation["result"], "temperror", "{out}");
    let problem = evaluation["problem"].as_str().unwrap_or_default();
    assert!(problem.contains("0.5 s limit"), "{problem}");
}

#[test]
fn a_cname_loop_over_dns_is_a_lookup_failure() {
    let mut z = Zone::new();
    z.cname("a.example.com", "b.example.com");
    z.cname("b.example.com", "a.example.com");
    z.txt("example.com", &["v=spf1 include:a.example.com -all"]);
    let dns = TestDns::start(z);
    let (out, report) = audit(&dns, "example.com");
    assert_eq!(report.codes(), ["dns-lookup-failed"], "{out}");
    assert!(report.findings[0].message.contains("CNAME loop"), "{out}");
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("1")
        .format("json")
        .args([
            "spf",
            "eval",
            "--ip",
            "192.0.2.1",
            "--mail-from",
            "x@a.example.com",
        ])
        .run();
    assert_eq!(out.json()["result"], "temperror", "{out}");
}

/// example.com includes c0.example.com, which reaches an SPF record through `links` CNAMEs
/// (c0 -> c1 -> ... -> c{links}); the server hands over `hops` CNAMEs per answer.
fn cname_chain(links: usize, hops: usize) -> Zone {
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 include:c0.example.com -all"])
        .txt(&format!("c{links}.example.com"), &["v=spf1 -all"])
        .cname_hops(hops);
    for i in 0..links {
        z.cname(
            &format!("c{i}.example.com"),
            &format!("c{}.example.com", i + 1),
        );
    }
    z
}

/// One bound for a CNAME chain, however the server hands it over: one CNAME per answer (the
/// resolver asks again for each), eight per answer, or the whole chain in one answer.
#[test]
fn a_cname_chain_has_one_bound_however_it_is_answered() {
    for links in [7, 8, 100] {
        let mut seen = Vec::new();
        for hops in [0, 8, 200] {
            let dns = TestDns::start(cname_chain(links, hops));
            // The builder's --timeout of 2 s: the messages compared must not be timeouts.
            let out = Mailaudit::new()
                .dns(&dns)
                .format("json")
                .args(["spf", "example.com"])
                .run();
            let report: SpfReport = out.json_as();
            let failed: Vec<String> = report
                .findings
                .iter()
                .filter(|f| f.code == "dns-lookup-failed")
                .map(|f| f.message.clone())
                .collect();
            seen.push((hops, failed, out));
        }
        let (_, first, out) = &seen[0];
        if links < 8 {
            assert!(first.is_empty(), "{links} links: {out}");
        } else {
            assert_eq!(first.len(), 1, "{links} links: {out}");
            assert!(first[0].contains("CNAME chain too long"), "{out}");
        }
        for (hops, failed, out) in &seen[1..] {
            assert_eq!(failed, first, "{links} links, {hops} per answer: {out}");
        }
    }
}

#[test]
fn an_unreachable_own_record_means_the_run_could_not_be_completed() {
    let mut z = Zone::new();
    z.servfail("example.com");
    let dns = TestDns::start(z);
    let (out, report) = audit(&dns, "example.com");
    out.assert_code(2);
    assert_eq!(report.codes(), ["dns-lookup-failed"]);
    // A failed include, by contrast, is a finding like any other.
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 include:down.example.net -all"]);
    z.servfail("down.example.net");
    let dns = TestDns::start(z);
    audit(&dns, "example.com").0.assert_code(1);
}

#[test]
fn the_lookup_message_names_the_biggest_branches_only() {
    let mut z = Zone::new();
    let includes: Vec<String> = (0..12)
        .map(|i| format!("include:i{i}.example.net"))
        .collect();
    z.txt_split(
        "example.com",
        &format!("v=spf1 {} -all", includes.join(" ")),
    );
    for i in 0..12 {
        z.txt(&format!("i{i}.example.net"), &["v=spf1 -all"]);
    }
    let dns = TestDns::start(z);
    let (_, report) = audit(&dns, "example.com");
    let finding = report
        .findings
        .iter()
        .find(|f| f.code == "spf-too-many-lookups")
        .expect("too many lookups");
    assert!(
        finding.message.ends_with(", and 7 more)"),
        "{}",
        finding.message
    );
}

#[test]
fn messages_write_redirect_with_an_equals_sign() {
    let mut z = Zone::new();
    z.txt("example.com", &["v=spf1 redirect=nospf.example.net"]);
    z.txt("nospf.example.net", &["not spf"]);
    let dns = TestDns::start(z);
    let (out, report) = audit(&dns, "example.com");
    let finding = &report.findings[0];
    assert_eq!(finding.code, "spf-target-no-record", "{out}");
    assert!(
        finding.message.starts_with("redirect=nospf.example.net "),
        "{}",
        finding.message
    );
}

#[test]
fn typed_records_that_cannot_be_read_are_refused_with_the_reason() {
    for (record, reason) in [
        (r#""v=spf1 -all"#, "never closed"),
        (r#""v=spf1 " -all"#, "text outside quotes at byte 10"),
    ] {
        let out = Mailaudit::new().args(["lint", "spf", record]).run();
        out.assert_code(2);
        out.assert_stderr_contains(reason);
        assert_eq!(out.stderr.lines().count(), 1, "{out}");
    }
}

#[test]
fn control_characters_in_arguments_are_escaped_on_stderr() {
    let out = Mailaudit::new()
        .args(["spf", "exa\u{1b}]0;pwned\u{7}mple.com"])
        .run();
    out.assert_code(2);
    assert!(
        !out.stderr.trim_end().contains(|c: char| c.is_control()),
        "{out}"
    );
    // The one escape dialect of every message (`\xNN`), in quotes, not Rust's `\u{1b}`.
    out.assert_stderr_contains("\"exa\\x1b]0;pwned\\x07mple.com\"");
    assert!(!out.stderr.contains("\\u{"), "{out}");
}

#[test]
fn yaml_quotes_what_yaml_1_1_readers_would_read_as_booleans() {
    let out = Mailaudit::new()
        .format("yaml")
        .args(["lint", "spf", r#""v=spf1 -all" "on""#])
        .run();
    assert!(out.stdout.contains("- \"on\"\n"), "{out}");
    let report: SpfReport = out.yaml_as();
    let tree = report.tree.expect("tree");
    assert_eq!(tree.strings, ["v=spf1 -all", "on"]);
}
