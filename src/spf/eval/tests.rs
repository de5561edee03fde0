//! Unit tests of check_host() against an in-memory DNS source: identities, record lookup, the
//! include mapping, limits, IPv6 and IPv4-mapped clients, exp=, %{p}, the trace.

use super::trace::{QueryStatus, Step, TermOutcome};
use super::*;
use crate::dns::fake::FakeDns;
use crate::dns::{Dns, FailureKind, RecordType};

pub(super) fn request(ip: &str, mail_from: &str) -> EvalRequest {
    EvalRequest {
        ip: ip.parse().unwrap(),
        mail_from: Some(mail_from.to_string()),
        helo: Some("mail.example.org".to_string()),
        receiver: "mx.receiver.example".to_string(),
        now: 1_400_000_000,
    }
}

async fn eval(fake: &FakeDns, ip: &str, mail_from: &str) -> Evaluation {
    check_host(&Dns::new(fake.clone()), &request(ip, mail_from)).await
}

async fn result(fake: &FakeDns, ip: &str, mail_from: &str) -> SpfResult {
    eval(fake, ip, mail_from).await.result
}

#[tokio::test]
async fn identities_and_initial_processing() {
    let fake = FakeDns::default()
        .txt("mail.example.org", "v=spf1 -all exp=why.example.org")
        .txt("why.example.org", "%{s} %{l} %{o} %{d} %{h}")
        .txt("example.net", "v=spf1 -all exp=why.example.org");
    // Null sender: postmaster@HELO (§2.4).
    let e = eval(&fake, "192.0.2.1", "").await;
    assert_eq!(
        (e.result, e.identity),
        (SpfResult::Fail, Some(Identity::MailFrom))
    );
    assert_eq!(e.sender, "postmaster@mail.example.org");
    assert_eq!(
        e.explanation.as_deref(),
        Some(
            "postmaster@mail.example.org postmaster mail.example.org mail.example.org mail.example.org"
        )
    );
    assert_eq!(e.explanation_source, Some(ExplanationSource::Exp));
    // No local-part: postmaster (§4.3).
    let e = eval(&fake, "192.0.2.1", "@Example.NET").await;
    assert_eq!(
        (e.result, e.sender.as_str()),
        (SpfResult::Fail, "postmaster@example.net")
    );
    // No MAIL FROM at all: the HELO identity.
    let mut r = request("192.0.2.1", "");
    r.mail_from = None;
    let e = check_host(&Dns::new(fake.clone()), &r).await;
    assert_eq!(
        (e.result, e.identity),
        (SpfResult::Fail, Some(Identity::Helo))
    );
    r.helo = None;
    let e = check_host(&Dns::new(fake.clone()), &r).await;
    assert_eq!(e.result, SpfResult::None);
    assert!(e.problem.is_some() && e.trace.is_empty());
    // Malformed domains are "none" without a query (§4.3).
    let long = format!("a@{}.example.com", "x".repeat(64));
    for bad in [
        long.as_str(),
        "a@b..example.com",
        "a@localhost",
        "a@[192.0.2.1]",
        "a@1.2.3.4",
    ] {
        let e = eval(&fake, "192.0.2.1", bad).await;
        assert_eq!(e.result, SpfResult::None, "{bad}");
        assert!(e.problem.is_some() && e.trace.is_empty(), "{bad}");
    }
}

#[tokio::test]
async fn record_lookup_and_selection() {
    let fake = FakeDns::default()
        .fail("servfail.example", RecordType::Txt, FailureKind::Servfail)
        .fail("slow.example", RecordType::Txt, FailureKind::Timeout)
        .txt("two.example", "v=spf1 -all")
        .txt("two.example", "v=spf1 +all")
        .txt("other.example", "google-site-verification=abc")
        .a("nodata.example", "192.0.2.1")
        .txt("bad.example", "v=spf1 ip4:192.0.2.1 -all foo:bar")
        .txt("empty.example", "v=spf1");
    let e = eval(&fake, "192.0.2.1", "a@servfail.example").await;
    assert_eq!(e.result, SpfResult::TempError);
    assert!(e.problem.as_deref().unwrap().contains("Servfail"));
    assert_eq!(
        result(&fake, "192.0.2.1", "a@slow.example").await,
        SpfResult::TempError
    );
    assert_eq!(
        result(&fake, "192.0.2.1", "a@two.example").await,
        SpfResult::PermError
    );
    assert_eq!(
        result(&fake, "192.0.2.1", "a@other.example").await,
        SpfResult::None
    );
    assert_eq!(
        result(&fake, "192.0.2.1", "a@nodata.example").await,
        SpfResult::None
    );
    assert_eq!(
        result(&fake, "192.0.2.1", "a@nx.example").await,
        SpfResult::None
    );
    // A syntax error anywhere is a permerror, even after a matching term.
    let e = eval(&fake, "192.0.2.1", "a@bad.example").await;
    assert_eq!(e.result, SpfResult::PermError);
    assert!(e.problem.unwrap().contains("foo:bar"));
    let e = eval(&fake, "192.0.2.1", "a@empty.example").await;
    assert_eq!(
        (e.result, e.mechanism, e.problem),
        (SpfResult::Neutral, None, None)
    );
}

#[tokio::test]
async fn include_results_map_as_section_5_2_says() {
    let fake = FakeDns::default()
        .txt("example.com", "v=spf1 include:_spf.example.net -all")
        .txt("_spf.example.net", "v=spf1 ip4:192.0.2.0/24 ~all")
        .txt(
            "n.example",
            "v=spf1 include:neutral.example include:soft.example include:fail.example ?all",
        )
        .txt("neutral.example", "v=spf1 ?all")
        .txt("soft.example", "v=spf1 ~all")
        .txt("fail.example", "v=spf1 -all")
        .txt("t.example", "v=spf1 include:temp.example +all")
        .fail("temp.example", RecordType::Txt, FailureKind::Timeout)
        .txt("p.example", "v=spf1 include:perm.example +all")
        .txt("perm.example", "v=spf1 mx:")
        .txt("none.example", "v=spf1 include:x.example +all");
    let e = eval(&fake, "192.0.2.7", "a@example.com").await;
    assert_eq!(e.result, SpfResult::Pass);
    assert_eq!(
        e.mechanism.as_deref(),
        Some("include:_spf.example.net -> ip4:192.0.2.0/24")
    );
    let e = eval(&fake, "198.51.100.1", "a@example.com").await;
    assert_eq!(
        (e.result, e.mechanism.as_deref()),
        (SpfResult::Fail, Some("-all"))
    );
    assert_eq!(e.explanation_source, Some(ExplanationSource::Default));
    let e = eval(&fake, "198.51.100.1", "a@n.example").await;
    assert_eq!(
        (e.result, e.mechanism.as_deref()),
        (SpfResult::Neutral, Some("?all"))
    );
    assert_eq!(
        result(&fake, "192.0.2.1", "a@t.example").await,
        SpfResult::TempError
    );
    assert_eq!(
        result(&fake, "192.0.2.1", "a@p.example").await,
        SpfResult::PermError
    );
    let e = eval(&fake, "192.0.2.1", "a@none.example").await;
    assert_eq!(e.result, SpfResult::PermError);
    assert_eq!(
        e.problem.as_deref(),
        Some("include:x.example has no SPF record")
    );
}

#[tokio::test]
async fn ten_dns_terms_and_two_void_lookups() {
    let mut fake = FakeDns::default()
        .a("example.com", "192.0.2.200")
        .txt("ten.example", "v=spf1 a:example.com a:example.com a:example.com a:example.com a:example.com include:nine.example ip4:192.0.2.1 -all")
        .txt("nine.example", "v=spf1 a:example.com a:example.com a:example.com a:example.com")
        .txt("eleven.example", "v=spf1 include:nine.example include:nine.example a:example.com ip4:192.0.2.1")
        .txt("void2.example", "v=spf1 a:nx1.example mx:nx2.example ip4:192.0.2.1")
        .txt("void3.example", "v=spf1 a:nx1.example mx:nx2.example exists:nx3.example ip4:192.0.2.1")
        .txt("loop.example", "v=spf1 redirect=loop.example");
    let e = eval(&fake, "192.0.2.1", "a@ten.example").await;
    assert_eq!((e.result, e.dns_terms), (SpfResult::Pass, 10));
    let e = eval(&fake, "192.0.2.1", "a@eleven.example").await;
    assert_eq!((e.result, e.dns_terms), (SpfResult::PermError, 11));
    assert!(
        e.problem
            .unwrap()
            .contains("more than 10 DNS-querying terms")
    );
    let e = eval(&fake, "192.0.2.1", "a@void2.example").await;
    assert_eq!((e.result, e.void_lookups), (SpfResult::Pass, 2));
    let e = eval(&fake, "192.0.2.1", "a@void3.example").await;
    assert_eq!((e.result, e.void_lookups), (SpfResult::PermError, 3));
    assert_eq!(
        result(&fake, "192.0.2.1", "a@loop.example").await,
        SpfResult::PermError
    );

    // mx: ten hosts are fine, eleven are a permerror even when the client is the first one.
    fake = fake
        .txt("mx10.example", "v=spf1 mx -all")
        .txt("mx11.example", "v=spf1 mx -all");
    for i in 0..11u16 {
        let host = format!("h{i}.example");
        if i < 10 {
            fake = fake.mx("mx10.example", i, &host);
        }
        fake = fake
            .mx("mx11.example", i, &host)
            .a(&host, &format!("192.0.2.{}", 10 + i));
    }
    assert_eq!(
        result(&fake, "192.0.2.19", "a@mx10.example").await,
        SpfResult::Pass
    );
    assert_eq!(
        result(&fake, "192.0.2.10", "a@mx11.example").await,
        SpfResult::PermError
    );

    // ptr: only the first ten names are looked at; the match is the eleventh.
    fake = fake.txt("ptr.example", "v=spf1 ptr:ptr.example -all");
    for i in 0..11 {
        let host = format!("h{i}.ptr.example");
        let host = if i < 10 {
            format!("h{i}.elsewhere.example")
        } else {
            host
        };
        fake = fake
            .ptr("5.2.0.192.in-addr.arpa", &host)
            .a(&host, "192.0.2.5");
    }
    assert_eq!(
        result(&fake, "192.0.2.5", "a@ptr.example").await,
        SpfResult::Fail
    );
}

#[tokio::test]
async fn ipv6_and_ipv4_mapped_clients() {
    let fake = FakeDns::default()
        .txt("example.com", "v=spf1 ip6:2001:db8:1::/48 a/24//64 -all")
        .a("example.com", "192.0.2.10")
        .aaaa("example.com", "2001:db8:2::10")
        .txt("only6.example", "v=spf1 ip6:::ffff:192.0.2.1 ip6:::/0 -all");
    assert_eq!(
        result(&fake, "2001:db8:1::99", "a@example.com").await,
        SpfResult::Pass
    );
    assert_eq!(
        result(&fake, "2001:db8:2::ffff", "a@example.com").await,
        SpfResult::Pass
    );
    assert_eq!(
        result(&fake, "2001:db8:3::1", "a@example.com").await,
        SpfResult::Fail
    );
    // The mapped client is IPv4: `a` looks at A records with the /24.
    let e = eval(&fake, "::ffff:192.0.2.99", "a@example.com").await;
    assert_eq!(
        (e.result, e.mechanism.as_deref()),
        (SpfResult::Pass, Some("a/24//64"))
    );
    assert!(e.trace.iter().any(|t| matches!(
        &t.step,
        Step::Query {
            rtype: RecordType::A,
            ..
        }
    )));
    // ip6 never matches an IPv4 client, mapped or not.
    assert_eq!(
        result(&fake, "::ffff:192.0.2.1", "a@only6.example").await,
        SpfResult::Fail
    );
    assert_eq!(
        result(&fake, "192.0.2.1", "a@only6.example").await,
        SpfResult::Fail
    );
    assert_eq!(
        result(&fake, "2001:db8::1", "a@only6.example").await,
        SpfResult::Pass
    );
}

#[tokio::test]
async fn exp_text_redirect_and_include() {
    let fake = FakeDns::default()
        .txt(
            "example.com",
            "v=spf1 include:inc.example redirect=target.example exp=no.example",
        )
        .txt("inc.example", "v=spf1 -all exp=no.example")
        .txt("target.example", "v=spf1 -all exp=%{d2}.exp.example")
        .txt(
            "target.example.exp.example",
            "%{c} via %{d} rejected by %{r} at %{t}, %{i}; %{V}",
        )
        .txt("no.example", "should not be used")
        .txt("multi.example", "v=spf1 -all exp=two.example")
        .txt("two.example", "one")
        .txt("two.example", "two")
        .txt("bad.example", "v=spf1 -all exp=badtext.example")
        .txt("badtext.example", "100% wrong")
        .txt("gone.example", "v=spf1 -all exp=nx.example");
    let e = eval(&fake, "2001:db8::1", "a@example.com").await;
    assert_eq!(e.result, SpfResult::Fail);
    assert_eq!(
        e.mechanism.as_deref(),
        Some("redirect=target.example -> -all")
    );
    assert_eq!(
        e.explanation.as_deref(),
        Some(
            "2001:db8::1 via target.example rejected by mx.receiver.example at 1400000000, \
              2.0.0.1.0.d.b.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1; ip6"
        )
    );
    for domain in ["multi.example", "bad.example", "gone.example"] {
        let e = eval(&fake, "192.0.2.1", &format!("a@{domain}")).await;
        assert_eq!(
            e.explanation_source,
            Some(ExplanationSource::Default),
            "{domain}"
        );
        assert_eq!(e.void_lookups, 0, "{domain}: exp lookups are not counted");
        assert!(
            e.trace.iter().any(|t| matches!(
                &t.step,
                Step::Term {
                    outcome: TermOutcome::Ignored,
                    detail: Some(_),
                    ..
                }
            )),
            "{domain}"
        );
    }
}

#[tokio::test]
async fn p_macro_prefers_the_domain_then_a_subdomain() {
    let fake = FakeDns::default()
        .ptr("42.2.0.192.in-addr.arpa", "mx.other.example")
        .ptr("42.2.0.192.in-addr.arpa", "mx.e7.example")
        .ptr("42.2.0.192.in-addr.arpa", "fake.e7.example")
        .a("mx.other.example", "192.0.2.42")
        .a("mx.e7.example", "192.0.2.42")
        .a("fake.e7.example", "192.0.2.1")
        .txt("e7.example", "v=spf1 -all exp=exp.example")
        .txt("exp.example", "from %{p}")
        .txt("e8.example", "v=spf1 -all exp=exp.example");
    let e = eval(&fake, "192.0.2.42", "a@e7.example").await;
    assert_eq!(e.explanation.as_deref(), Some("from mx.e7.example"));
    let e = eval(&fake, "192.0.2.42", "a@e8.example").await;
    assert_eq!(e.explanation.as_deref(), Some("from mx.other.example"));
    let e = eval(&fake, "192.0.2.1", "a@e8.example").await;
    assert_eq!(e.explanation.as_deref(), Some("from unknown"));
}

#[tokio::test]
async fn names_that_cannot_exist_are_not_queried() {
    let fake = FakeDns::default()
        .txt(
            "example.com",
            "v=spf1 exists:%{l}.x.example a:a..example.com -all",
        )
        .txt("inc.example", "v=spf1 include:%{l}.x.example +all");
    let local = "l".repeat(64);
    let e = eval(&fake, "192.0.2.1", &format!("{local}@example.com")).await;
    assert_eq!((e.result, e.void_lookups), (SpfResult::Fail, 0));
    let not_queried = e
        .trace
        .iter()
        .filter(|t| {
            matches!(
                &t.step,
                Step::Query {
                    status: QueryStatus::NotQueried,
                    ..
                }
            )
        })
        .count();
    assert_eq!(not_queried, 2);
    let e = eval(&fake, "192.0.2.1", &format!("{local}@inc.example")).await;
    assert_eq!(e.result, SpfResult::PermError);
}

#[tokio::test]
async fn trace_nests_and_serializes() {
    let fake = FakeDns::default()
        .txt("example.com", "v=spf1 include:_spf.example.net -all")
        .txt("_spf.example.net", "v=spf1 ip4:192.0.2.0/24 ~all");
    let e = eval(&fake, "192.0.2.7", "a@example.com").await;
    let steps: Vec<(usize, &str)> = e
        .trace
        .iter()
        .map(|t| {
            let kind = match &t.step {
                Step::CheckHost { .. } => "check",
                Step::Query { .. } => "query",
                Step::Record { .. } => "record",
                Step::Term { .. } => "term",
                Step::Result { .. } => "result",
            };
            (t.depth, kind)
        })
        .collect();
    assert_eq!(
        steps,
        [
            (0, "check"),
            (0, "query"),
            (0, "record"),
            (0, "term"),
            (1, "check"),
            (1, "query"),
            (1, "record"),
            (1, "term"),
            (1, "result"),
            (0, "result")
        ]
    );
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["result"], "pass");
    assert_eq!(json["trace"][3]["event"], "term");
    assert_eq!(json["trace"][3]["outcome"], "match");
    assert_eq!(json["trace"][1]["status"], "records");
    assert_eq!(SpfResult::SoftFail.to_string(), "softfail");
    assert_eq!(
        serde_json::to_value(SpfResult::PermError).unwrap(),
        "permerror"
    );
}
