//! `mailaudit spf eval` end to end: the binary asks the in-process DNS server and reports the
//! result, the deciding term, the explanation and the trace, as text, JSON and YAML.

use serde_json::Value;

use crate::support::dns_server::{TestDns, Zone};
use crate::support::run::{Output, mailaudit};

fn server() -> TestDns {
    let mut z = Zone::new();
    z.txt(
        "example.com",
        &["v=spf1 mx include:_spf.example.net -all exp=why.example.com"],
    )
    .txt(
        "why.example.com",
        &["%{i} is not one of %{d}'s senders; see https://%{d}/spf?s=%{S}"],
    )
    .mx("example.com", 10, "mail.example.com")
    .a("mail.example.com", "192.0.2.25")
    .txt(
        "_spf.example.net",
        &["v=spf1 ip4:198.51.100.0/24 ip6:2001:db8::/32 ~all"],
    )
    .txt("helo.example.org", &["v=spf1 a -all"])
    .a("helo.example.org", "203.0.113.7")
    .txt(
        "broken.example.com",
        &["v=spf1 include:down.example.net -all"],
    )
    .servfail("down.example.net")
    .txt("plain.example.com", &["v=spf1 ip4:192.0.2.1 -all"]);
    TestDns::start(z)
}

fn eval(dns: &TestDns, args: &[&str]) -> Output {
    let resolver = dns.resolver_arg();
    let mut all = vec![
        "--resolver",
        resolver.as_str(),
        "--timeout",
        "1",
        "spf",
        "eval",
    ];
    all.extend_from_slice(args);
    mailaudit(&all)
}

fn eval_json(dns: &TestDns, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = eval(dns, &all);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

#[test]
fn pass_names_the_deciding_term_through_the_include() {
    let dns = server();
    let r = eval_json(
        &dns,
        &["--ip", "198.51.100.7", "--mail-from", "alice@example.com"],
    );
    assert_eq!(r["result"], "pass");
    assert_eq!(r["domain"], "example.com");
    assert_eq!(
        r["mechanism"],
        "include:_spf.example.net -> ip4:198.51.100.0/24"
    );
    assert_eq!(r["explanation"], Value::Null);
    let r = eval_json(
        &dns,
        &["--ip", "192.0.2.25", "--mail-from", "alice@example.com"],
    );
    assert_eq!(
        (r["result"].as_str(), r["mechanism"].as_str()),
        (Some("pass"), Some("mx"))
    );
    let r = eval_json(
        &dns,
        &[
            "--ip",
            "::ffff:198.51.100.9",
            "--mail-from",
            "alice@example.com",
        ],
    );
    assert_eq!(r["result"], "pass", "IPv4-mapped IPv6 is IPv4");
    let r = eval_json(
        &dns,
        &["--ip", "2001:db8::1", "--mail-from", "alice@example.com"],
    );
    assert_eq!(r["result"], "pass");
}

#[test]
fn fail_carries_the_expanded_exp_text() {
    let dns = server();
    let r = eval_json(
        &dns,
        &["--ip", "203.0.113.9", "--mail-from", "alice@example.com"],
    );
    assert_eq!(r["result"], "fail");
    assert_eq!(r["mechanism"], "-all");
    assert_eq!(
        r["explanation"],
        "203.0.113.9 is not one of example.com's senders; see https://example.com/spf?s=alice%40example.com"
    );
    let plain = eval_json(
        &dns,
        &[
            "--ip",
            "203.0.113.9",
            "--mail-from",
            "bob@plain.example.com",
        ],
    );
    assert_eq!(plain["result"], "fail");
    assert!(
        plain["explanation"]
            .as_str()
            .unwrap()
            .contains("203.0.113.9"),
        "{plain}"
    );
}

#[test]
fn helo_and_null_sender_identities() {
    let dns = server();
    let r = eval_json(&dns, &["--ip", "203.0.113.7", "--helo", "helo.example.org"]);
    assert_eq!(
        (r["result"].as_str(), r["identity"].as_str()),
        (Some("pass"), Some("helo"))
    );
    let r = eval_json(
        &dns,
        &[
            "--ip",
            "203.0.113.7",
            "--mail-from",
            "",
            "--helo",
            "helo.example.org",
        ],
    );
    assert_eq!(r["result"], "pass");
    assert_eq!(r["sender"], "postmaster@helo.example.org");
}

#[test]
fn servfail_is_temperror_and_still_exit_0() {
    let dns = server();
    let r = eval_json(
        &dns,
        &["--ip", "192.0.2.1", "--mail-from", "x@broken.example.com"],
    );
    assert_eq!(r["result"], "temperror");
    assert!(r["problem"].as_str().unwrap().contains("SERVFAIL"), "{r}");
    let none = eval_json(
        &dns,
        &["--ip", "192.0.2.1", "--mail-from", "x@nospf.example.com"],
    );
    assert_eq!(none["result"], "none");
}

#[test]
fn trace_lists_terms_and_queries_in_order() {
    let dns = server();
    let out = eval(
        &dns,
        &[
            "--color",
            "never",
            "--ip",
            "198.51.100.7",
            "--mail-from",
            "alice@example.com",
            "--trace",
        ],
    );
    assert_eq!(out.code, 0);
    let lines: Vec<&str> = out.stdout.lines().map(str::trim).collect();
    let at = |needle: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(needle))
            .unwrap_or_else(|| panic!("no line starting {needle:?} in\n{}", out.stdout))
    };
    assert!(out.stdout.contains("result       pass"), "{}", out.stdout);
    let order = [
        at("check_host example.com"),
        at("query example.com TXT →"),
        at("term mx → no match"),
        at("query example.com MX → 10 mail.example.com"),
        at("term include:_spf.example.net (_spf.example.net) → match"),
        at("check_host _spf.example.net"),
        at("term ip4:198.51.100.0/24 → match"),
        at("result example.com: pass"),
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "{order:?}\n{}",
        out.stdout
    );

    let json = eval_json(
        &dns,
        &[
            "--ip",
            "198.51.100.7",
            "--mail-from",
            "alice@example.com",
            "--trace",
        ],
    );
    let events: Vec<&str> = json["trace"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(events.first(), Some(&"check-host"));
    assert!(events.contains(&"query") && events.contains(&"term"));
    let no_trace = eval_json(
        &dns,
        &["--ip", "198.51.100.7", "--mail-from", "alice@example.com"],
    );
    assert!(no_trace.get("trace").is_none());
}

#[test]
fn yaml_has_the_same_fields() {
    let dns = server();
    let out = eval(
        &dns,
        &[
            "--format",
            "yaml",
            "--ip",
            "203.0.113.9",
            "--mail-from",
            "a@example.com",
        ],
    );
    let r: Value = serde_yaml::from_str(&out.stdout).unwrap();
    assert_eq!(r["result"], "fail");
    assert_eq!(r["domain"], "example.com");
    assert_eq!(r["mechanism"], "-all");
}

#[test]
fn invalid_input_exits_2() {
    let bad_ip = mailaudit(&[
        "spf",
        "eval",
        "--ip",
        "999.1.1.1",
        "--mail-from",
        "a@example.com",
    ]);
    assert_eq!(bad_ip.code, 2, "{}", bad_ip.stderr);
    let no_identity = mailaudit(&["spf", "eval", "--ip", "192.0.2.1"]);
    assert_eq!(no_identity.code, 2, "{}", no_identity.stderr);
    let null_without_helo = mailaudit(&[
        "--zone",
        "/dev/null",
        "spf",
        "eval",
        "--ip",
        "192.0.2.1",
        "--mail-from",
        "",
    ]);
    assert_eq!(null_without_helo.code, 2, "{}", null_without_helo.stdout);
    assert!(
        null_without_helo.stderr.contains("HELO"),
        "{}",
        null_without_helo.stderr
    );
}
