//! `mailaudit spf eval` end to end: the binary asks the in-process DNS server and reports the
//! result, the deciding term, the explanation and the trace, as text, JSON and YAML.

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{Evaluation, ExplanationSource, Identity, SpfResult};

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

/// `spf eval ARGS` against `dns`.
fn eval(dns: &TestDns) -> Mailaudit {
    Mailaudit::new().dns(dns).timeout("1").args(["spf", "eval"])
}

fn eval_json(dns: &TestDns, args: &[&str]) -> Evaluation {
    let out: Output = eval(dns).format("json").args(args).run();
    out.assert_success();
    out.json_as()
}

#[test]
fn pass_names_the_deciding_term_through_the_include() {
    let dns = server();
    let r = eval_json(
        &dns,
        &["--ip", "198.51.100.7", "--mail-from", "alice@example.com"],
    );
    assert_eq!(r.result, SpfResult::Pass);
    assert_eq!(r.domain, "example.com");
    assert_eq!(
        r.mechanism.as_deref(),
        Some("include:_spf.example.net -> ip4:198.51.100.0/24")
    );
    assert_eq!(r.explanation, None);
    let r = eval_json(
        &dns,
        &["--ip", "192.0.2.25", "--mail-from", "alice@example.com"],
    );
    assert_eq!(
        (r.result, r.mechanism.as_deref()),
        (SpfResult::Pass, Some("mx"))
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
    assert_eq!(r.result, SpfResult::Pass, "IPv4-mapped IPv6 is IPv4");
    let r = eval_json(
        &dns,
        &["--ip", "2001:db8::1", "--mail-from", "alice@example.com"],
    );
    assert_eq!(r.result, SpfResult::Pass);
}

#[test]
fn fail_carries_the_expanded_exp_text() {
    let dns = server();
    let r = eval_json(
        &dns,
        &["--ip", "203.0.113.9", "--mail-from", "alice@example.com"],
    );
    assert_eq!(r.result, SpfResult::Fail);
    assert_eq!(r.mechanism.as_deref(), Some("-all"));
    assert_eq!(
        r.explanation.as_deref(),
        Some(
            "203.0.113.9 is not one of example.com's senders; see https://example.com/spf?s=alice%40example.com"
        )
    );
    assert_eq!(r.explanation_source, Some(ExplanationSource::Exp));
    let plain = eval_json(
        &dns,
        &[
            "--ip",
            "203.0.113.9",
            "--mail-from",
            "bob@plain.example.com",
        ],
    );
    assert_eq!(plain.result, SpfResult::Fail);
    let explanation = plain.explanation.as_deref().unwrap_or_default();
    assert!(explanation.contains("203.0.113.9"), "{plain:?}");
}

#[test]
fn helo_and_null_sender_identities() {
    let dns = server();
    let r = eval_json(&dns, &["--ip", "203.0.113.7", "--helo", "helo.example.org"]);
    assert_eq!(
        (r.result, r.identity),
        (SpfResult::Pass, Some(Identity::Helo))
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
    assert_eq!(r.result, SpfResult::Pass);
    assert_eq!(r.sender, "postmaster@helo.example.org");
}

#[test]
fn servfail_is_temperror_and_still_exit_0() {
    let dns = server();
    let r = eval_json(
        &dns,
        &["--ip", "192.0.2.1", "--mail-from", "x@broken.example.com"],
    );
    assert_eq!(r.result, SpfResult::Temperror);
    let problem = r.problem.as_deref().unwrap_or_default();
    assert!(problem.contains("SERVFAIL"), "{r:?}");
    let none = eval_json(
        &dns,
        &["--ip", "192.0.2.1", "--mail-from", "x@nospf.example.com"],
    );
    assert_eq!(none.result, SpfResult::None);
}

#[test]
fn trace_lists_terms_and_queries_in_order() {
    let dns = server();
    let args = [
        "--ip",
        "198.51.100.7",
        "--mail-from",
        "alice@example.com",
        "--trace",
    ];
    let out = eval(&dns).color("never").args(args).run();
    out.assert_success()
        .assert_stdout_contains("result       pass");
    let lines: Vec<&str> = out.stdout.lines().map(str::trim).collect();
    let at = |needle: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(needle))
            .unwrap_or_else(|| panic!("no line starting {needle:?} in\n{out}"))
    };
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
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}\n{out}");

    let json = eval_json(&dns, &args);
    let trace = json.trace.unwrap_or_default();
    let events: Vec<&str> = trace
        .iter()
        .map(super::super::support::model::TraceEvent::event)
        .collect();
    assert_eq!(events.first(), Some(&"check-host"));
    assert!(events.contains(&"query") && events.contains(&"term"));
    let no_trace = eval_json(&dns, &args[..4]);
    assert!(no_trace.trace.is_none());
}

#[test]
fn yaml_has_the_same_fields() {
    let dns = server();
    let out = eval(&dns)
        .format("yaml")
        .args(["--ip", "203.0.113.9", "--mail-from", "a@example.com"])
        .run();
    let r: Evaluation = out.yaml_as();
    assert_eq!(r.result, SpfResult::Fail);
    assert_eq!(r.domain, "example.com");
    assert_eq!(r.mechanism.as_deref(), Some("-all"));
}

#[test]
fn invalid_input_exits_2() {
    let spf_eval = || Mailaudit::new().args(["spf", "eval"]);
    spf_eval()
        .args(["--ip", "999.1.1.1", "--mail-from", "a@example.com"])
        .run()
        .assert_code(2);
    spf_eval().args(["--ip", "192.0.2.1"]).run().assert_code(2);
    spf_eval()
        .zone("/dev/null")
        .args(["--ip", "192.0.2.1", "--mail-from", ""])
        .run()
        .assert_code(2)
        .assert_stderr_contains("HELO");
}
