//! The test DNS server (tests/support/dns_server.rs), exercised through the crate's real DNS path:
//! hickory-resolver in `LiveSource`, behind the caching `Dns`.

use std::net::{Ipv4Addr, Ipv6Addr, UdpSocket};
use std::time::{Duration, Instant};

use hickory_proto::op::{Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, RecordType as HickoryType};
use mailaudit::dns::live::LiveSource;
use mailaudit::dns::{Answer, Dns, DnsSource, FailureKind, Rdata, RecordType, Txt};

use crate::support::dns_server::{TestDns, Zone};

fn dns(server: &TestDns, timeout: Duration) -> Dns {
    Dns::new(LiveSource::new(&[server.addr()], timeout).expect("resolver starts"))
}

fn dns2(server: &TestDns) -> Dns {
    dns(server, Duration::from_secs(2))
}

fn txt(strings: &[&str]) -> Rdata {
    Rdata::Txt(Txt {
        strings: strings.iter().map(|s| s.as_bytes().to_vec()).collect(),
    })
}

fn pair(name: &str, rtype: &str) -> (String, String) {
    (name.to_string(), rtype.to_string())
}

fn sorted_txt(answer: Answer) -> Vec<Vec<Vec<u8>>> {
    let mut out: Vec<Vec<Vec<u8>>> = answer
        .records()
        .iter()
        .map(|r| match r {
            Rdata::Txt(t) => t.strings.clone(),
            other => panic!("not TXT: {other:?}"),
        })
        .collect();
    out.sort();
    out
}

/// One query over UDP straight to the server, bypassing hickory-resolver: to see the wire answer,
/// for names the crate's resolver would not send, and for plain `#[test]`s without a runtime.
fn raw_udp_query(server: &TestDns, labels: &[&[u8]], rtype: HickoryType) -> Message {
    let name = Name::from_labels(labels.iter().copied()).expect("encodable name");
    let mut query = Message::new(0x4242, MessageType::Query, OpCode::Query);
    query.add_query(Query::query(name, rtype));
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    socket
        .send_to(&query.to_vec().unwrap(), server.addr())
        .unwrap();
    let mut buf = [0u8; 4096];
    let (len, _) = socket.recv_from(&mut buf).expect("an answer within 5 s");
    let response = Message::from_vec(&buf[..len]).expect("a well-formed answer");
    assert_eq!(response.metadata.id, 0x4242);
    response
}

#[tokio::test]
async fn records_nodata_and_nxdomain_are_distinct() {
    let mut zone = Zone::new();
    zone.txt("example.com", &["v=spf1 -all"])
        .a("example.com.", "192.0.2.1")
        .a("host.deep.sub.example.com", "192.0.2.2");
    let server = TestDns::start(zone);
    let dns = dns2(&server);

    assert_eq!(
        dns.lookup("example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["v=spf1 -all"])]))
    );
    assert_eq!(
        dns.lookup("example.com", RecordType::Mx).await,
        Ok(Answer::NoData)
    );
    assert_eq!(
        dns.lookup("missing.example.com", RecordType::Txt).await,
        Ok(Answer::NxDomain)
    );
    // Empty non-terminals exist: NODATA, not NXDOMAIN.
    assert_eq!(
        dns.lookup("sub.example.com", RecordType::A).await,
        Ok(Answer::NoData)
    );
    assert_eq!(
        dns.lookup("deep.sub.example.com", RecordType::Txt).await,
        Ok(Answer::NoData)
    );
    // The parent of all the data is an empty non-terminal too.
    assert_eq!(dns.lookup("com", RecordType::A).await, Ok(Answer::NoData));
}

#[tokio::test]
async fn negative_answers_are_authoritative_with_an_soa() {
    let mut zone = Zone::new();
    zone.a("example.com", "192.0.2.1");
    let server = TestDns::start(zone);
    // Blocking I/O on the test's runtime is fine: the server has a thread of its own.
    let nx = raw_udp_query(&server, &[b"nope", b"example", b"com"], HickoryType::TXT);
    let nodata = raw_udp_query(&server, &[b"example", b"com"], HickoryType::TXT);
    let positive = raw_udp_query(&server, &[b"example", b"com"], HickoryType::A);

    assert_eq!(nx.metadata.response_code, ResponseCode::NXDomain);
    assert_eq!(nodata.metadata.response_code, ResponseCode::NoError);
    for negative in [&nx, &nodata] {
        assert!(negative.metadata.authoritative);
        assert!(negative.answers.is_empty());
        assert_eq!(negative.authorities.len(), 1);
        assert!(matches!(negative.authorities[0].data, RData::SOA(_)));
    }
    assert_eq!(
        nx.authorities[0].name,
        Name::from_ascii("example.com.").unwrap()
    );
    assert_eq!(
        nodata.authorities[0].name,
        Name::from_ascii("com.").unwrap()
    );
    assert!(positive.metadata.authoritative);
    assert_eq!(positive.answers.len(), 1);
    assert!(positive.authorities.is_empty());
}

#[tokio::test]
async fn txt_records_keep_their_character_strings() {
    let mut zone = Zone::new();
    zone.txt("example.com", &["v=spf1 ", "include:a.example ", "-all"])
        .txt("example.com", &["google-site-verification=xyz"])
        .txt("empty-string.example.com", &[""])
        .txt_bytes("latin1.example.com", vec![b"caf\xe9".to_vec()])
        .txt_split("long.example.com", &"x".repeat(600));
    let server = TestDns::start(zone);
    let dns = dns2(&server);

    assert_eq!(
        sorted_txt(dns.lookup("example.com", RecordType::Txt).await.unwrap()),
        vec![
            vec![b"google-site-verification=xyz".to_vec()],
            vec![
                b"v=spf1 ".to_vec(),
                b"include:a.example ".to_vec(),
                b"-all".to_vec()
            ],
        ]
    );
    assert_eq!(
        dns.lookup("empty-string.example.com", RecordType::Txt)
            .await,
        Ok(Answer::Records(vec![txt(&[""])]))
    );
    assert_eq!(
        dns.lookup("latin1.example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![Rdata::Txt(Txt {
            strings: vec![b"caf\xe9".to_vec()]
        })]))
    );
    let long = dns
        .lookup("long.example.com", RecordType::Txt)
        .await
        .unwrap();
    let [Rdata::Txt(long)] = long.records() else {
        panic!("one TXT record expected: {long:?}");
    };
    let lengths: Vec<usize> = long.strings.iter().map(Vec::len).collect();
    assert_eq!(lengths, [255, 255, 90]);
    assert_eq!(long.joined(), "x".repeat(600).into_bytes());
}

#[test]
#[should_panic(expected = "at most 255")]
fn overlong_character_strings_are_refused_at_fixture_time() {
    Zone::new().txt("example.com", &[&"x".repeat(256)]);
}

#[tokio::test]
async fn spf_rr_type_99_is_served_apart_from_txt() {
    let mut zone = Zone::new();
    zone.spf_rr("example.com", &["v=spf1 ", "a -all"])
        .txt("example.com", &["v=spf1 mx -all"])
        .spf_rr("only-spf.example.com", &["v=spf1 -all"]);
    let server = TestDns::start(zone);
    let dns = dns2(&server);

    assert_eq!(
        dns.lookup("example.com", RecordType::Spf).await,
        Ok(Answer::Records(vec![txt(&["v=spf1 ", "a -all"])]))
    );
    assert_eq!(
        dns.lookup("example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["v=spf1 mx -all"])]))
    );
    assert_eq!(
        dns.lookup("only-spf.example.com", RecordType::Txt).await,
        Ok(Answer::NoData)
    );
    assert_eq!(
        server.queries(),
        vec![
            pair("example.com", "SPF"),
            pair("example.com", "TXT"),
            pair("only-spf.example.com", "TXT"),
        ]
    );
}

#[tokio::test]
async fn address_mail_exchanger_and_pointer_records() {
    let mut zone = Zone::new();
    zone.a("example.com", "192.0.2.1")
        .a("example.com", "192.0.2.2")
        .aaaa("example.com", "2001:db8::1")
        .mx("example.com", 10, "mx1.example.com.")
        .mx("example.com", 20, "MX2.Example.COM")
        .ptr("1.2.0.192.in-addr.arpa", "mail.example.com");
    let server = TestDns::start(zone);
    let dns = dns2(&server);

    let a = dns.lookup("example.com", RecordType::A).await.unwrap();
    let mut a = a.records().to_vec();
    a.sort_by_key(|r| format!("{r:?}"));
    assert_eq!(
        a,
        [
            Rdata::A(Ipv4Addr::new(192, 0, 2, 1)),
            Rdata::A(Ipv4Addr::new(192, 0, 2, 2))
        ]
    );
    assert_eq!(
        dns.lookup("example.com", RecordType::Aaaa).await,
        Ok(Answer::Records(vec![Rdata::Aaaa(
            "2001:db8::1".parse::<Ipv6Addr>().unwrap()
        )]))
    );
    let mx = dns.lookup("example.com", RecordType::Mx).await.unwrap();
    let mut mx: Vec<(u16, String)> = mx
        .records()
        .iter()
        .map(|r| match r {
            Rdata::Mx {
                preference,
                exchange,
            } => (*preference, exchange.clone()),
            other => panic!("not MX: {other:?}"),
        })
        .collect();
    mx.sort();
    assert_eq!(
        mx,
        [
            (10, "mx1.example.com".to_string()),
            (20, "mx2.example.com".to_string())
        ]
    );
    assert_eq!(
        dns.lookup("1.2.0.192.in-addr.arpa", RecordType::Ptr).await,
        Ok(Answer::Records(vec![Rdata::Ptr("mail.example.com".into())]))
    );
    assert_eq!(
        dns.lookup("nx.example.com", RecordType::Aaaa).await,
        Ok(Answer::NxDomain)
    );
}

/// SRV (RFC 2782) as RFC 6186 publishes mail-client endpoints, including the "." target that
/// says a service is not offered.
#[tokio::test]
async fn srv_records_with_the_root_target() {
    let mut zone = Zone::new();
    zone.srv("_imaps._tcp.example.com", 0, 1, 993, "IMAP.Example.com")
        .srv("_imaps._tcp.example.com", 10, 0, 993, "imap2.example.net.")
        .srv("_pop3._tcp.example.com", 0, 0, 0, ".")
        .txt("_submission._tcp.example.com", &["not an SRV"]);
    let server = TestDns::start(zone);
    let dns = dns2(&server);
    let srv = |priority, weight, port, target: &str| Rdata::Srv {
        priority,
        weight,
        port,
        target: target.to_string(),
    };

    let imaps = dns.lookup("_imaps._tcp.example.com", RecordType::Srv).await;
    let mut imaps = imaps.unwrap().records().to_vec();
    imaps.sort_by_key(|r| format!("{r:?}"));
    assert_eq!(
        imaps,
        [
            srv(0, 1, 993, "imap.example.com"),
            srv(10, 0, 993, "imap2.example.net")
        ]
    );
    assert_eq!(
        dns.lookup("_pop3._tcp.example.com", RecordType::Srv).await,
        Ok(Answer::Records(vec![srv(0, 0, 0, "")]))
    );
    assert_eq!(
        dns.lookup("_submission._tcp.example.com", RecordType::Srv)
            .await,
        Ok(Answer::NoData)
    );
    assert_eq!(
        dns.lookup("_submissions._tcp.example.com", RecordType::Srv)
            .await,
        Ok(Answer::NxDomain)
    );
    assert_eq!(server.queries()[0], pair("_imaps._tcp.example.com", "SRV"));
    // On the wire the "." target is the root name itself.
    let r = raw_udp_query(
        &server,
        &[b"_pop3", b"_tcp", b"example", b"com"],
        HickoryType::SRV,
    );
    assert!(
        matches!(&r.answers[..], [rec] if matches!(&rec.data, RData::SRV(s) if s.target.is_root())),
        "{r:?}"
    );
}

#[tokio::test]
async fn fixture_names_are_case_insensitive() {
    let mut zone = Zone::new();
    zone.txt("MiXeD.Example.COM.", &["hello"]);
    let server = TestDns::start(zone);
    let dns = dns2(&server);
    assert_eq!(
        dns.lookup("mixed.example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["hello"])]))
    );
    // The query log is lowercase too, whatever case went over the wire.
    let response = raw_udp_query(&server, &[b"MIXED", b"example", b"Com"], HickoryType::TXT);
    let queries = server.queries();
    assert_eq!(response.answers.len(), 1);
    // The answer's owner keeps the case of the question (0x20-style clients compare it).
    assert_eq!(response.answers[0].name.to_ascii(), "MIXED.example.Com.");
    assert_eq!(queries.last(), Some(&pair("mixed.example.com", "TXT")));
}

#[tokio::test]
async fn cnames_are_chased_within_the_data() {
    let mut zone = Zone::new();
    zone.cname("alias.example.com", "middle.example.com")
        .cname("middle.example.com", "target.example.org.")
        .txt("target.example.org", &["v=spf1 -all"])
        .a("target.example.org", "192.0.2.7")
        .cname("dangling.example.com", "nowhere.example.com")
        .cname("loop1.example.com", "loop2.example.com")
        .cname("loop2.example.com", "loop1.example.com");
    let server = TestDns::start(zone);
    let dns = dns2(&server);

    assert_eq!(
        dns.lookup("alias.example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["v=spf1 -all"])]))
    );
    assert_eq!(
        dns.lookup("alias.example.com", RecordType::A).await,
        Ok(Answer::Records(vec![Rdata::A(Ipv4Addr::new(192, 0, 2, 7))]))
    );
    assert_eq!(
        dns.lookup("alias.example.com", RecordType::Mx).await,
        Ok(Answer::NoData)
    );
    assert_eq!(
        dns.lookup("dangling.example.com", RecordType::Txt).await,
        Ok(Answer::NxDomain)
    );
    // The whole chain came in the first answer; the query log has the alias first.
    let queries = server.queries();
    assert_eq!(queries[0], pair("alias.example.com", "TXT"));
    assert!(!queries.contains(&pair("middle.example.com", "TXT")));
    // A loop ends without hanging; whatever the resolver makes of it, it is not records.
    let looped = dns.lookup("loop1.example.com", RecordType::A).await;
    assert!(
        looped.as_ref().map_or(true, Answer::is_void),
        "loop answered {looped:?}"
    );
}

#[tokio::test]
async fn cname_answers_on_the_wire() {
    let mut zone = Zone::new();
    zone.cname("alias.example.com", "target.example.com")
        .a("target.example.com", "192.0.2.9")
        .cname("dangling.example.com", "nowhere.example.com");
    let server = TestDns::start(zone);
    let chased = raw_udp_query(&server, &[b"alias", b"example", b"com"], HickoryType::A);
    let own = raw_udp_query(&server, &[b"alias", b"example", b"com"], HickoryType::CNAME);
    let dangling = raw_udp_query(&server, &[b"dangling", b"example", b"com"], HickoryType::A);

    let types: Vec<HickoryType> = chased
        .answers
        .iter()
        .map(hickory_proto::rr::Record::record_type)
        .collect();
    assert_eq!(types, [HickoryType::CNAME, HickoryType::A]);
    assert_eq!(
        chased.answers[1].name,
        Name::from_ascii("target.example.com.").unwrap()
    );
    assert_eq!(own.answers.len(), 1);
    assert_eq!(own.answers[0].record_type(), HickoryType::CNAME);
    // RFC 6604: the response code is the final target's.
    assert_eq!(dangling.metadata.response_code, ResponseCode::NXDomain);
    assert_eq!(dangling.answers.len(), 1);
    assert_eq!(dangling.authorities.len(), 1);
}

#[tokio::test]
async fn servfail_and_refused_are_lookup_errors() {
    let mut zone = Zone::new();
    zone.txt("broken.example.com", &["never served"])
        .servfail("broken.example.com")
        .refused("refused.example.com")
        .txt("fine.example.com", &["ok"]);
    let server = TestDns::start(zone);
    let dns = dns2(&server);

    let e = dns
        .lookup("broken.example.com", RecordType::Txt)
        .await
        .unwrap_err();
    assert_eq!(e.kind, FailureKind::Servfail, "{e}");
    let e = dns
        .lookup("refused.example.com", RecordType::A)
        .await
        .unwrap_err();
    assert_eq!(e.kind, FailureKind::Refused, "{e}");
    // Other names are unaffected.
    assert_eq!(
        dns.lookup("fine.example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["ok"])]))
    );
}

#[tokio::test]
async fn silent_names_time_out() {
    let mut zone = Zone::new();
    zone.txt("quiet.example.com", &["unseen"])
        .silent("quiet.example.com", None)
        .txt("half.example.com", &["unseen"])
        .a("half.example.com", "192.0.2.3")
        .silent("half.example.com", Some("TXT"));
    let server = TestDns::start(zone);
    let dns = dns(&server, Duration::from_millis(300));

    let e = dns
        .lookup("quiet.example.com", RecordType::Txt)
        .await
        .unwrap_err();
    assert_eq!(e.kind, FailureKind::Timeout, "{e}");
    let e = dns
        .lookup("half.example.com", RecordType::Txt)
        .await
        .unwrap_err();
    assert_eq!(e.kind, FailureKind::Timeout, "{e}");
    assert_eq!(
        dns.lookup("half.example.com", RecordType::A).await,
        Ok(Answer::Records(vec![Rdata::A(Ipv4Addr::new(192, 0, 2, 3))]))
    );
}

#[tokio::test]
async fn truncated_udp_answers_are_retried_over_tcp() {
    let strings: Vec<String> = (b'a'..=b'c')
        .map(|c| (c as char).to_string().repeat(250))
        .collect();
    let refs: Vec<&str> = strings.iter().map(String::as_str).collect();
    let mut zone = Zone::new();
    zone.txt("big.example.com", &refs)
        .truncate_udp("big.example.com");
    let server = TestDns::start(zone);
    let dns = dns2(&server);

    assert_eq!(
        dns.lookup("big.example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&refs)]))
    );
    let log = server.query_log();
    assert_eq!(log.len(), 2, "{log:?}");
    assert!(!log[0].tcp && log[1].tcp, "{log:?}");
    assert!(
        log.iter()
            .all(|q| q.name == "big.example.com" && q.rtype == "TXT")
    );
}

#[tokio::test]
async fn answers_too_large_for_udp_come_over_tcp() {
    // 10 × 250 bytes exceeds any EDNS payload size a resolver announces by default.
    let strings: Vec<String> = (0..10).map(|i| format!("{i}").repeat(250)).collect();
    let refs: Vec<&str> = strings.iter().map(String::as_str).collect();
    let mut zone = Zone::new();
    zone.txt("huge.example.com", &refs)
        .txt("small.example.com", &["fits"]);
    let server = TestDns::start(zone);
    let dns = dns2(&server);

    assert_eq!(
        dns.lookup("huge.example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&refs)]))
    );
    assert_eq!(
        dns.lookup("small.example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["fits"])]))
    );
    let log = server.query_log();
    let transports: Vec<(&str, bool)> = log.iter().map(|q| (q.name.as_str(), q.tcp)).collect();
    assert_eq!(
        transports,
        [
            ("huge.example.com", false),
            ("huge.example.com", true),
            ("small.example.com", false),
        ]
    );
}

#[test]
fn oversized_udp_answers_carry_tc_and_no_records() {
    let strings: Vec<String> = (0..3).map(|i| format!("{i}").repeat(250)).collect();
    let refs: Vec<&str> = strings.iter().map(String::as_str).collect();
    let mut zone = Zone::new();
    zone.txt("big.example.com", &refs);
    let server = TestDns::start(zone);
    // No EDNS in this query: the limit is 512 bytes.
    let response = raw_udp_query(&server, &[b"big", b"example", b"com"], HickoryType::TXT);
    assert!(response.metadata.truncation);
    assert!(response.answers.is_empty());
    assert_eq!(response.metadata.response_code, ResponseCode::NoError);
}

#[tokio::test]
async fn delay_holds_every_answer_back() {
    let mut zone = Zone::new();
    zone.txt("slow.example.com", &["eventually"])
        .delay(Duration::from_millis(300));
    let server = TestDns::start(zone);
    let dns = dns2(&server);
    let start = Instant::now();
    assert_eq!(
        dns.lookup("slow.example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["eventually"])]))
    );
    assert!(start.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn the_query_log_records_every_query_in_order() {
    let mut zone = Zone::new();
    zone.a("example.com", "192.0.2.1");
    let server = TestDns::start(zone);
    // Straight to the source: the Dns cache would answer repeats itself.
    let source = LiveSource::new(&[server.addr()], Duration::from_secs(2)).unwrap();
    source.lookup("example.com", RecordType::A).await.unwrap();
    source
        .lookup("nx.example.com", RecordType::Mx)
        .await
        .unwrap();
    source
        .lookup("example.com", RecordType::Aaaa)
        .await
        .unwrap();
    source
        .lookup("9.2.0.192.in-addr.arpa", RecordType::Ptr)
        .await
        .unwrap();
    assert_eq!(
        server.queries(),
        vec![
            pair("example.com", "A"),
            pair("nx.example.com", "MX"),
            pair("example.com", "AAAA"),
            pair("9.2.0.192.in-addr.arpa", "PTR"),
        ]
    );
    server.clear_queries();
    assert!(server.queries().is_empty());
}

#[test]
fn unusual_names_are_served_label_by_label() {
    let long_label = "l".repeat(63);
    let odd = "a:b/c+d_e=f.example.com";
    let long = format!("{long_label}.example.com");
    let mut zone = Zone::new();
    zone.txt(odd, &["odd"])
        .txt(&long, &["long"])
        .txt("macro%percent  space%20url-space.example.com", &["spaced"]);
    let server = TestDns::start(zone);

    let r = raw_udp_query(
        &server,
        &[b"A:B/C+D_E=F", b"example", b"com"],
        HickoryType::TXT,
    );
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert_eq!(r.answers.len(), 1);
    let r = raw_udp_query(
        &server,
        &[long_label.as_bytes(), b"example", b"com"],
        HickoryType::TXT,
    );
    assert_eq!(r.answers.len(), 1);
    let r = raw_udp_query(
        &server,
        &[b"Macro%percent  space%20url-space", b"example", b"com"],
        HickoryType::TXT,
    );
    assert_eq!(r.answers.len(), 1);
    let r = raw_udp_query(&server, &[b"a:b", b"example", b"com"], HickoryType::TXT);
    assert_eq!(r.metadata.response_code, ResponseCode::NXDomain);
    assert_eq!(
        server.queries(),
        vec![
            pair(odd, "TXT"),
            pair(&long, "TXT"),
            pair("macro%percent  space%20url-space.example.com", "TXT"),
            pair("a:b.example.com", "TXT")
        ]
    );
}

#[tokio::test]
async fn underscore_names_through_the_live_resolver() {
    let mut zone = Zone::new();
    zone.txt("_spf.example.com", &["underscore"]);
    let server = TestDns::start(zone);
    assert_eq!(
        dns2(&server)
            .lookup("_spf.example.com", RecordType::Txt)
            .await,
        Ok(Answer::Records(vec![txt(&["underscore"])]))
    );
}

/// The OpenSPF suite has owner names such as `foo:bar/baz.example.com` and
/// `macro%percent  space%20url-space.example.com`.
#[tokio::test]
async fn punctuation_names_through_the_live_resolver() {
    let mut zone = Zone::new();
    zone.txt("foo:bar/baz.example.com", &["odd"])
        .txt("macro%percent  space%20url-space.example.com", &["spaced"]);
    let server = TestDns::start(zone);
    let dns = dns2(&server);
    assert_eq!(
        dns.lookup("foo:bar/baz.example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["odd"])]))
    );
    assert_eq!(
        dns.lookup(
            "macro%percent  space%20url-space.example.com",
            RecordType::Txt
        )
        .await,
        Ok(Answer::Records(vec![txt(&["spaced"])]))
    );
}

#[test]
fn starts_and_stops_without_a_runtime_even_with_a_query_pending() {
    let mut zone = Zone::new();
    zone.silent("quiet.example.com", None)
        .delay(Duration::from_millis(50));
    let server = TestDns::start(zone);
    assert!(server.resolver_arg().starts_with("127.0.0.1:"));
    assert_eq!(server.resolver_arg(), server.addr().to_string());
    let name = Name::from_ascii("quiet.example.com.").unwrap();
    let mut query = Message::new(1, MessageType::Query, OpCode::Query);
    query.add_query(Query::query(name, HickoryType::A));
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    socket
        .send_to(&query.to_vec().unwrap(), server.addr())
        .unwrap();
    // Also an open, idle TCP connection.
    let _tcp = std::net::TcpStream::connect(server.addr()).unwrap();
    std::thread::sleep(Duration::from_millis(100));
    // Must return: a hang here hangs the test.
    drop(server);
}

fn name(text: &str) -> Name {
    Name::from_ascii(text).unwrap()
}

fn txt_texts(response: &Message) -> Vec<(String, String)> {
    response
        .answers
        .iter()
        .map(|r| match &r.data {
            RData::TXT(t) => (
                r.name.to_ascii(),
                t.txt_data
                    .iter()
                    .map(|s| String::from_utf8_lossy(s).into_owned())
                    .collect(),
            ),
            other => panic!("not TXT: {other:?}"),
        })
        .collect()
}

/// RFC 4592 §2.2.1's example zone (SRV written as TXT, the delegation left out) and the answers
/// §2.2.1 and §2.2.2 give for it.
#[test]
fn wildcards_answer_per_rfc_4592() {
    let mut zone = Zone::new();
    zone.txt("*.example", &["this is a wildcard"])
        .mx("*.example", 10, "host1.example")
        .txt("sub.*.example", &["this is not a wildcard"])
        .a("host1.example", "192.0.2.1")
        .txt("_ssh._tcp.host1.example", &["srv"])
        .txt("_ssh._tcp.host2.example", &["srv"]);
    let server = TestDns::start(zone);
    let ask = |labels: &[&[u8]], rtype| raw_udp_query(&server, labels, rtype);

    // Matches: synthesised with the query name as owner.
    let r = ask(&[b"host3", b"example"], HickoryType::MX);
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert_eq!(r.answers.len(), 1, "{r:?}");
    assert_eq!(r.answers[0].name, name("host3.example."));
    assert!(matches!(&r.answers[0].data, RData::MX(mx) if mx.exchange == name("host1.example.")));
    // The wildcard has no A: the name exists, without data.
    let r = ask(&[b"host3", b"example"], HickoryType::A);
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert!(r.answers.is_empty() && r.authorities.len() == 1, "{r:?}");
    // bar.example does not exist, so example is the closest encloser of foo.bar.example.
    let r = ask(&[b"foo", b"bar", b"example"], HickoryType::TXT);
    assert_eq!(
        txt_texts(&r),
        [(
            "foo.bar.example.".to_string(),
            "this is a wildcard".to_string()
        )]
    );

    // Non-matches: names that exist, and names whose closest encloser has no wildcard.
    let r = ask(&[b"host1", b"example"], HickoryType::MX);
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert!(r.answers.is_empty(), "host1 exists: {r:?}");
    let r = ask(&[b"sub", b"*", b"example"], HickoryType::MX);
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert!(r.answers.is_empty(), "sub.*.example exists: {r:?}");
    // _tcp.host1.example is an empty non-terminal: NODATA, and the closest encloser of
    // _telnet._tcp.host1.example, which has no wildcard below it.
    let r = ask(&[b"_tcp", b"host1", b"example"], HickoryType::TXT);
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert!(r.answers.is_empty(), "{r:?}");
    let r = ask(
        &[b"_telnet", b"_tcp", b"host1", b"example"],
        HickoryType::TXT,
    );
    assert_eq!(r.metadata.response_code, ResponseCode::NXDomain, "{r:?}");
    // The closest encloser of ghost.*.example is *.example itself; *.*.example does not exist.
    let r = ask(&[b"ghost", b"*", b"example"], HickoryType::MX);
    assert_eq!(r.metadata.response_code, ResponseCode::NXDomain, "{r:?}");

    // The wildcard's owner answers for itself, literally.
    let r = ask(&[b"*", b"example"], HickoryType::TXT);
    assert_eq!(
        txt_texts(&r),
        [("*.example.".to_string(), "this is a wildcard".to_string())]
    );
    let r = ask(&[b"sub", b"*", b"example"], HickoryType::TXT);
    assert_eq!(
        txt_texts(&r),
        [(
            "sub.*.example.".to_string(),
            "this is not a wildcard".to_string()
        )]
    );
}

#[tokio::test]
async fn wildcards_through_the_live_resolver_and_cnames() {
    let mut zone = Zone::new();
    zone.txt("*.w.example.com", &["v=spf1 -all"])
        .txt("real.w.example.com", &["real"])
        .cname("*.alias.example.com", "target.example.com")
        .a("target.example.com", "192.0.2.9");
    let server = TestDns::start(zone);
    let dns = dns2(&server);
    assert_eq!(
        dns.lookup("anything.w.example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["v=spf1 -all"])]))
    );
    assert_eq!(
        dns.lookup("two.labels.w.example.com", RecordType::Txt)
            .await,
        Ok(Answer::Records(vec![txt(&["v=spf1 -all"])]))
    );
    assert_eq!(
        dns.lookup("real.w.example.com", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["real"])]))
    );
    // Below an existing name the wildcard does not reach: its closest encloser is real.w.
    assert_eq!(
        dns.lookup("x.real.w.example.com", RecordType::Txt).await,
        Ok(Answer::NxDomain)
    );
    assert_eq!(
        dns.lookup("anything.w.example.com", RecordType::A).await,
        Ok(Answer::NoData)
    );
    // The apex of the wildcard is an empty non-terminal.
    assert_eq!(
        dns.lookup("w.example.com", RecordType::Txt).await,
        Ok(Answer::NoData)
    );
    // A wildcard CNAME is synthesised and chased.
    assert_eq!(
        dns.lookup("x.alias.example.com", RecordType::A).await,
        Ok(Answer::Records(vec![Rdata::A(Ipv4Addr::new(192, 0, 2, 9))]))
    );
    let r = raw_udp_query(
        &server,
        &[b"x", b"alias", b"example", b"com"],
        HickoryType::A,
    );
    assert_eq!(r.answers.len(), 2, "{r:?}");
    assert_eq!(r.answers[0].name, name("x.alias.example.com."));
    assert_eq!(r.answers[0].record_type(), HickoryType::CNAME);
}

/// A CNAME loop is answered like an authoritative server that stops at the first repeat: NOERROR,
/// each CNAME of the loop once, no final answer (not SERVFAIL).
#[tokio::test]
async fn cname_loops_answer_each_cname_once_and_no_final_answer() {
    let mut zone = Zone::new();
    zone.cname("a.example.com", "b.example.com")
        .cname("b.example.com", "a.example.com")
        .cname("x.example.com", "y.example.com")
        .cname("y.example.com", "z.example.com")
        .cname("z.example.com", "y.example.com")
        .txt("z.example.com", &["ignored beside the CNAME"]);
    let server = TestDns::start(zone);
    let chain = |r: &Message| -> Vec<(String, String)> {
        r.answers
            .iter()
            .map(|rec| match &rec.data {
                RData::CNAME(c) => (rec.name.to_ascii(), c.0.to_ascii()),
                other => panic!("not a CNAME: {other:?}"),
            })
            .collect()
    };
    let r = raw_udp_query(&server, &[b"a", b"example", b"com"], HickoryType::A);
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert!(r.metadata.authoritative);
    assert_eq!(
        chain(&r),
        [
            ("a.example.com.".to_string(), "b.example.com.".to_string()),
            ("b.example.com.".to_string(), "a.example.com.".to_string()),
        ]
    );
    assert!(r.authorities.is_empty());
    let r = raw_udp_query(&server, &[b"x", b"example", b"com"], HickoryType::TXT);
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert_eq!(chain(&r).len(), 3, "{r:?}");
    // Asked for the CNAME itself, a loop member answers with its own record only.
    let r = raw_udp_query(&server, &[b"a", b"example", b"com"], HickoryType::CNAME);
    assert_eq!(chain(&r).len(), 1);

    // The crate's resolver ends without records, quickly.
    let dns = dns2(&server);
    let start = Instant::now();
    let looped = dns.lookup("a.example.com", RecordType::Txt).await;
    assert!(
        looped.as_ref().map_or(true, Answer::is_void),
        "loop answered {looped:?}"
    );
    assert!(start.elapsed() < Duration::from_secs(2));
}

/// Sends one query per name and collects the answers that arrive within `wait`: (query name,
/// arrival, response), in arrival order. The queries leave from 20 sockets, a few per
/// millisecond, so that neither the server's nor our receive buffers overflow: UDP drops what
/// does not fit, and a real resolver would retry.
fn raw_udp_burst(
    server: &TestDns,
    names: &[String],
    rtype: HickoryType,
    wait: Duration,
) -> Vec<(String, Instant, Message)> {
    const SOCKETS: usize = 20;
    let sockets: Vec<UdpSocket> = (0..SOCKETS)
        .map(|_| UdpSocket::bind("127.0.0.1:0").unwrap())
        .collect();
    let end = Instant::now() + wait;
    let receivers: Vec<_> = sockets
        .iter()
        .enumerate()
        .map(|(s, socket)| {
            let socket = socket.try_clone().unwrap();
            // The names this socket asks for, by query id (their index in `names`).
            let mine: Vec<(u16, String)> = (s..names.len())
                .step_by(SOCKETS)
                .map(|i| (u16::try_from(i).expect("query id"), names[i].clone()))
                .collect();
            std::thread::spawn(move || {
                let mut got = Vec::new();
                let mut buf = [0u8; 4096];
                while got.len() < mine.len() {
                    let left = end.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        break;
                    }
                    socket.set_read_timeout(Some(left)).unwrap();
                    let Ok((len, _)) = socket.recv_from(&mut buf) else {
                        break;
                    };
                    let response = Message::from_vec(&buf[..len]).expect("a well-formed answer");
                    let (_, n) = mine
                        .iter()
                        .find(|(id, _)| *id == response.metadata.id)
                        .expect("an answer to a query of ours");
                    got.push((n.clone(), Instant::now(), response));
                }
                got
            })
        })
        .collect();
    for (i, n) in names.iter().enumerate() {
        let id = u16::try_from(i).expect("query id");
        let mut query = Message::new(id, MessageType::Query, OpCode::Query);
        query.add_query(Query::query(
            Name::from_ascii(format!("{n}.")).unwrap(),
            rtype,
        ));
        sockets[i % SOCKETS]
            .send_to(&query.to_vec().unwrap(), server.addr())
            .unwrap();
        if i % 4 == 3 {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    let mut all: Vec<_> = receivers
        .into_iter()
        .flat_map(|t| t.join().expect("receiver thread"))
        .collect();
    all.sort_by_key(|(_, at, _)| *at);
    all
}

#[test]
fn silent_below_leaves_a_thousand_names_unanswered() {
    let mut zone = Zone::new();
    zone.a("dead.example", "192.0.2.1")
        .a("n7.dead.example", "192.0.2.7")
        .silent_below("dead.example");
    let server = TestDns::start(zone);
    let mut names: Vec<String> = (0..1000).map(|i| format!("n{i}.dead.example")).collect();
    names.push("deeper.n1.dead.example".into());
    // The suffix itself answers.
    names.push("dead.example".into());
    let answered = raw_udp_burst(&server, &names, HickoryType::A, Duration::from_secs(2));
    let answered: Vec<&str> = answered.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(answered, ["dead.example"]);
    assert_eq!(server.queries().len(), names.len());
}

#[tokio::test]
async fn silent_below_times_out_through_the_live_resolver() {
    let mut zone = Zone::new();
    zone.txt("x.dead.example", &["unseen"])
        .silent_below("dead.example")
        .txt("alive.example", &["ok"]);
    let server = TestDns::start(zone);
    let dns = dns(&server, Duration::from_millis(300));
    for n in ["x.dead.example", "nx.dead.example"] {
        let e = dns.lookup(n, RecordType::Txt).await.unwrap_err();
        assert_eq!(e.kind, FailureKind::Timeout, "{n}: {e}");
    }
    assert_eq!(
        dns.lookup("alive.example", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["ok"])]))
    );
}

#[test]
fn delay_below_slows_a_thousand_names_at_once() {
    let slow = Duration::from_secs(1);
    let mut zone = Zone::new();
    zone.a("*.slow.example", "192.0.2.1")
        .a("slow.example", "192.0.2.2")
        .delay_below("slow.example", slow)
        .delay_below("slower.n1.slow.example", slow * 2);
    let server = TestDns::start(zone);
    let mut names: Vec<String> = (0..1000).map(|i| format!("n{i}.slow.example")).collect();
    names.push("x.slower.n1.slow.example".into());
    // Not below the suffix: not delayed, so answered first although asked last.
    names.push("slow.example".into());
    let start = Instant::now();
    let answered = raw_udp_burst(&server, &names, HickoryType::A, Duration::from_secs(20));
    let elapsed = start.elapsed();
    assert_eq!(answered.len(), names.len(), "every name is answered");
    assert_eq!(answered[0].0, "slow.example");
    for (n, at, response) in &answered[1..] {
        let waited = at.duration_since(start);
        assert!(waited >= slow, "{n} answered after {waited:?}");
        assert_eq!(response.answers.len(), 1, "{n}: {response:?}");
    }
    // The longest suffix wins.
    let (n, at, _) = answered.last().unwrap();
    assert_eq!(n, "x.slower.n1.slow.example");
    assert!(at.duration_since(start) >= slow * 2);
    // A thousand delays overlap: one after another they would take 1000 s.
    assert!(elapsed < Duration::from_secs(15), "{elapsed:?}");
}

#[tokio::test]
async fn txt_below_serves_records_computed_from_the_name() {
    let mut zone = Zone::new();
    zone.txt_below("w.example", |n| {
        if n.starts_with("gone.") {
            return Vec::new();
        }
        vec![format!("v=spf1 include:a.{n} include:b.{n} -all")]
    })
    .txt("fixed.w.example", &["a fixture wins"])
    .txt_below("two.example", |n| {
        vec![format!("first {n}"), "second".into()]
    })
    .txt_below("long.example", |_| vec!["x".repeat(600)]);
    let server = TestDns::start(zone);
    let dns = dns2(&server);

    assert_eq!(
        dns.lookup("top.w.example", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&[
            "v=spf1 include:a.top.w.example include:b.top.w.example -all"
        ])]))
    );
    assert_eq!(
        dns.lookup("B.A.Top.W.Example", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&[
            "v=spf1 include:a.b.a.top.w.example include:b.b.a.top.w.example -all"
        ])]))
    );
    assert_eq!(
        dns.lookup("fixed.w.example", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["a fixture wins"])]))
    );
    assert_eq!(
        dns.lookup("top.w.example", RecordType::A).await,
        Ok(Answer::NoData)
    );
    assert_eq!(
        dns.lookup("gone.w.example", RecordType::Txt).await,
        Ok(Answer::NxDomain)
    );
    // The suffix itself has no records, but names below it: an empty non-terminal.
    assert_eq!(
        dns.lookup("w.example", RecordType::Txt).await,
        Ok(Answer::NoData)
    );
    assert_eq!(
        sorted_txt(dns.lookup("x.two.example", RecordType::Txt).await.unwrap()),
        vec![
            vec![b"first x.two.example".to_vec()],
            vec![b"second".to_vec()]
        ]
    );
    let long = dns.lookup("x.long.example", RecordType::Txt).await.unwrap();
    let [Rdata::Txt(long)] = long.records() else {
        panic!("one TXT record expected: {long:?}");
    };
    let lengths: Vec<usize> = long.strings.iter().map(Vec::len).collect();
    assert_eq!(lengths, [255, 255, 90]);
}

#[tokio::test]
async fn exists_below_makes_computed_names_empty_non_terminals() {
    let mut zone = Zone::new();
    // Keys at s1._domainkey.N for every N, and `_domainkey.N` only where the closure says so.
    zone.txt_below("bench.example", |n| {
        if n.starts_with("s1._domainkey.") {
            vec!["v=DKIM1; p=".into()]
        } else {
            Vec::new()
        }
    })
    .exists_below("bench.example", |n| n.starts_with("_domainkey.d1."))
    .exists_below("empty.example", |n| n != "gone.empty.example")
    .txt("fixed.empty.example", &["a fixture wins"]);
    let server = TestDns::start(zone);
    let dns = dns2(&server);

    for (name, rtype, want) in [
        // Said to exist, no data: NODATA for every type.
        (
            "_domainkey.d1.bench.example",
            RecordType::Txt,
            Answer::NoData,
        ),
        ("_domainkey.d1.bench.example", RecordType::A, Answer::NoData),
        // Not said to exist: NXDOMAIN, whatever is computed below it.
        (
            "_domainkey.d2.bench.example",
            RecordType::Txt,
            Answer::NxDomain,
        ),
        ("other.empty.example", RecordType::Mx, Answer::NoData),
        ("gone.empty.example", RecordType::Txt, Answer::NxDomain),
        // The suffix exists too.
        ("empty.example", RecordType::Txt, Answer::NoData),
    ] {
        assert_eq!(dns.lookup(name, rtype).await, Ok(want), "{name} {rtype}");
    }
    // Data, computed or fixture, answers as before.
    assert_eq!(
        dns.lookup("s1._domainkey.d2.bench.example", RecordType::Txt)
            .await,
        Ok(Answer::Records(vec![txt(&["v=DKIM1; p="])]))
    );
    assert_eq!(
        dns.lookup("fixed.empty.example", RecordType::Txt).await,
        Ok(Answer::Records(vec![txt(&["a fixture wins"])]))
    );
}
