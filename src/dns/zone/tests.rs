//! The zone source: master-file syntax, TXT bytes, wildcards, duplicates, CNAME loops, bounds.
//! The record types the audit does not ask for are in `type_tests`.

use super::*;
use crate::dns::Txt;

pub(super) fn zone(text: &str) -> ZoneSource {
    let mut z = ZoneSource::default();
    z.add_text(text, None).unwrap();
    z
}

pub(super) fn error(text: &str) -> String {
    let mut z = ZoneSource::default();
    match z.add_text(text, None) {
        Ok(()) => panic!("{text:?} was accepted"),
        Err(e) => e.to_string(),
    }
}

pub(super) fn answer(z: &ZoneSource, name: &str, rtype: RecordType) -> Answer {
    z.answer(name, rtype).unwrap()
}

/// The strings of the one TXT record at `name`.
pub(super) fn txt(z: &ZoneSource, name: &str) -> Vec<Vec<u8>> {
    match answer(z, name, RecordType::Txt) {
        Answer::Records(r) if r.len() == 1 => match &r[0] {
            Rdata::Txt(t) => t.strings.clone(),
            other => panic!("{other:?}"),
        },
        other => panic!("{name}: {other:?}"),
    }
}

pub(super) const HEAD: &str = "$ORIGIN example.com.\n$TTL 300\n";

#[test]
fn distinguishes_records_nodata_and_nxdomain() {
    let z = zone(
        "$ORIGIN example.com.\n$TTL 300\n@ IN TXT \"v=spf1 \" \"-all\"\nwww.sub IN A 192.0.2.1\nalias IN CNAME www.sub\n",
    );
    assert_eq!(
        txt(&z, "example.com"),
        vec![b"v=spf1 ".to_vec(), b"-all".to_vec()]
    );
    assert_eq!(answer(&z, "example.com", RecordType::Mx), Answer::NoData);
    assert_eq!(answer(&z, "sub.example.com", RecordType::A), Answer::NoData);
    assert_eq!(
        answer(&z, "nope.example.com", RecordType::A),
        Answer::NxDomain
    );
    assert_eq!(
        answer(&z, "alias.example.com", RecordType::A),
        Answer::Records(vec![Rdata::A([192, 0, 2, 1].into())])
    );
}

/// What hickory-proto 0.26's master-file parser makes of TXT data, and why `master` reads TXT
/// itself. If this fails after an upgrade, hickory changed; the own reader stays correct.
#[test]
fn hickory_decodes_ddd_as_code_points_and_splits_strings_in_parentheses() {
    use hickory_proto::rr::RData;
    use hickory_proto::serialize::txt::Parser;
    let strings = |body: &str| -> Vec<Vec<u8>> {
        let text = format!("{HEAD}@ IN TXT {body}\n");
        let (_, sets) = Parser::new(text, None, None).parse().unwrap();
        let record = sets
            .values()
            .next()
            .unwrap()
            .records_without_rrsigs()
            .next();
        match &record.unwrap().data {
            RData::TXT(t) => t.txt_data.iter().map(|s| s.to_vec()).collect(),
            other => panic!("{other:?}"),
        }
    };
    // \045 is read as (0 << 16) + (4 << 8) + 5 = U+0405, not the byte 45 ('-').
    assert_eq!(strings(r#""\045""#), vec!["\u{405}".as_bytes().to_vec()]);
    // \255 is neither the byte 0xFF nor U+00FF, but U+20505.
    assert_eq!(strings(r#""\255""#), vec!["\u{20505}".as_bytes().to_vec()]);
    // Inside parentheses the quotes stay and the string is split at its space.
    assert_eq!(
        strings("( \"v=spf1 a\" )"),
        vec![b"\"v=spf1".to_vec(), b"a\"".to_vec()]
    );
}

#[test]
fn txt_strings_are_the_published_bytes() {
    let z = zone(&format!(
        "{HEAD}\
         dash IN TXT \"a\\045b\"\n\
         high IN TXT \"\\255\\000\" \\255\n\
         quote IN TXT \"say \\\"hi\\\" \\\\ \\X;(\" plain\\ word\n\
         multi IN TXT ( \"v=spf1 ip4:192.0.2.1\" ; a comment (with a paren\n\
             \"include:_spf.example.net;x\" ) ; closing comment\n\
         raw IN TXT \"caf\u{e9}\"\n\
         empty IN TXT \"\"\n"
    ));
    assert_eq!(txt(&z, "dash.example.com"), vec![b"a-b".to_vec()]);
    assert_eq!(
        txt(&z, "high.example.com"),
        vec![vec![0xff, 0x00], vec![0xff]]
    );
    assert_eq!(
        txt(&z, "quote.example.com"),
        vec![b"say \"hi\" \\ X;(".to_vec(), b"plain word".to_vec()]
    );
    assert_eq!(
        txt(&z, "multi.example.com"),
        vec![
            b"v=spf1 ip4:192.0.2.1".to_vec(),
            b"include:_spf.example.net;x".to_vec()
        ]
    );
    assert_eq!(
        txt(&z, "raw.example.com"),
        vec!["caf\u{e9}".as_bytes().to_vec()]
    );
    assert_eq!(txt(&z, "empty.example.com"), vec![Vec::<u8>::new()]);
}

#[test]
fn spf_type_records_and_non_utf8_files() {
    let mut z = ZoneSource::default();
    let file = b"$ORIGIN example.com.\n@ SPF \"v=spf1 \xe9 -all\"\n";
    z.add_bytes(file, None).unwrap();
    assert_eq!(
        answer(&z, "example.com", RecordType::Spf),
        Answer::Records(vec![Rdata::Txt(Txt {
            strings: vec![b"v=spf1 \xe9 -all".to_vec()]
        })])
    );
}

#[test]
fn owners_ttls_classes_and_origins() {
    let z = zone(
        "absolute.example. 60 IN A 192.0.2.1\n\
         $ORIGIN example.com.\n\
         a IN 1h A 192.0.2.2\n\
         \tAAAA 2001:db8::1\n\
         $ORIGIN sub\n\
         b MX 10 mail\n\
         \tMX 0 mail.example.net.\n\
         c CH TXT \"chaos\"\n\
         @ SOA ns hostmaster 1 7200 900 1209600 300\n\
         p PTR @\n",
    );
    assert!(matches!(
        answer(&z, "absolute.example", RecordType::A),
        Answer::Records(_)
    ));
    assert_eq!(
        answer(&z, "a.example.com", RecordType::Aaaa),
        Answer::Records(vec![Rdata::Aaaa("2001:db8::1".parse().unwrap())])
    );
    assert_eq!(
        crate::dns::mx_exchanges(answer(&z, "b.sub.example.com", RecordType::Mx).records()),
        ["mail.example.net", "mail.sub.example.com"]
    );
    // Class CH data is not IN data.
    assert_eq!(
        answer(&z, "c.sub.example.com", RecordType::Txt),
        Answer::NxDomain
    );
    assert_eq!(
        answer(&z, "p.sub.example.com", RecordType::Ptr),
        Answer::Records(vec![Rdata::Ptr("sub.example.com".into())])
    );
    // An empty file, or one of absolute names only, needs no $ORIGIN.
    zone("");
}

#[test]
fn srv_records_are_read_with_relative_and_root_targets() {
    let z = zone(&format!(
        "{HEAD}\
         _imaps._tcp SRV 0 1 993 imap\n\
         \tSRV 10 0 993 IMAP.Example.NET.\n\
         _pop3._tcp IN 60 SRV 0 0 0 .\n"
    ));
    let srv = |priority, weight, target: &str| Rdata::Srv {
        priority,
        weight,
        port: 993,
        target: target.into(),
    };
    assert_eq!(
        answer(&z, "_imaps._tcp.example.com", RecordType::Srv),
        Answer::Records(vec![
            srv(0, 1, "imap.example.com"),
            srv(10, 0, "imap.example.net")
        ])
    );
    // "." is the root: no such service here (RFC 2782), the empty target.
    assert_eq!(
        answer(&z, "_pop3._tcp.example.com", RecordType::Srv),
        Answer::Records(vec![Rdata::Srv {
            priority: 0,
            weight: 0,
            port: 0,
            target: String::new()
        }])
    );
    // Shown as written, not as an empty name.
    assert_eq!(
        answer(&z, "_pop3._tcp.example.com", RecordType::Srv).to_string(),
        "0 0 0 ."
    );
    assert_eq!(
        answer(&z, "_imaps._tcp.example.com", RecordType::Txt),
        Answer::NoData
    );
    assert_eq!(
        answer(&z, "_tcp.example.com", RecordType::Srv),
        Answer::NoData
    );
}

#[test]
fn malformed_files_are_refused_with_the_line() {
    for (text, expected) in [
        ("@ IN TXT \"x\"\n", "zone data:1: '@' needs an $ORIGIN"),
        ("a IN TXT \"x\"\n", "relative name \"a\" needs an $ORIGIN"),
        (
            "\n IN A 192.0.2.1\n",
            "zone data:2: the first record has no owner",
        ),
        ("a. IN TXT \"\\256\"\n", "\\256 is not a byte value"),
        ("a. IN TXT \"\\04x\"\n", "three decimal digits"),
        ("a. IN TXT \"open\n", "not closed"),
        ("a. IN TXT ( \"x\"\n", "'(' is never closed"),
        ("a. IN TXT \"x\" )\n", "')' without '('"),
        ("a. IN TXT\n", "TXT has no strings"),
        ("a. IN\n", "no type"),
        ("a. IN A 192.0.2.300\n", "not an IPv4 address"),
        ("a. IN MX 70000 b.\n", "MX preference \"70000\""),
        (
            "a. SRV 65536 0 993 b.\n",
            "SRV priority \"65536\" is not 0-65535",
        ),
        ("a. SRV 0 -1 993 b.\n", "SRV weight \"-1\" is not 0-65535"),
        ("a. SRV 0 0 imaps b.\n", "SRV port \"imaps\" is not 0-65535"),
        ("a. SRV 0 0 993\n", "SRV has 4 data fields, not 3"),
        ("a. IN BOGUS x\n", "unknown record type \"BOGUS\""),
        ("a. IN SOA only-one-field\n", "invalid SOA record"),
        ("a. 1x A 192.0.2.1\n", "\"1x\" is not a TTL"),
        ("$TTL\n", "$TTL takes one TTL"),
        ("$GENERATE 1-2 a A 1\n", "unknown directive \"$GENERATE\""),
        ("$INCLUDE other.zone\n", "relative $INCLUDE needs"),
        (
            "a. CNAME b.\na. CNAME c.\n",
            "zone data:2: a has two CNAMEs",
        ),
    ] {
        let message = error(text);
        assert!(message.contains(expected), "{text:?}: {message}");
    }
}

#[test]
fn error_text_escapes_control_characters() {
    // `;` starts a comment: the owner name is "ESC ]0".
    let message = error("a. IN TXT \"x\"\n\x1b]0;title\x07 IN A 192.0.2.1\n");
    assert!(!message.chars().any(char::is_control), "{message:?}");
    assert!(message.contains("invalid name \"\\x1b]0\""), "{message}");
    let message = error("a. IN TXT\x07\u{9b}\u{202e} \"x\"\n");
    assert!(!message.chars().any(char::is_control), "{message:?}");
    assert!(message.contains("\"TXT\\x07\\x9b\\u{202e}\""), "{message}");
    let path = PathBuf::from("/nonexistent/\x1b[2Jzone");
    let message = ZoneSource::load(&[path]).err().unwrap().to_string();
    assert!(message.contains("/nonexistent/\\x1b[2Jzone"), "{message}");
    assert!(!message.chars().any(char::is_control), "{message:?}");
}

#[test]
fn reads_are_bounded() {
    let error = read_bounded(Path::new("/dev/zero"), 4096).unwrap_err();
    assert!(matches!(error, ZoneError::TooLarge { limit: 4096, .. }));
    assert_eq!(
        error.to_string(),
        "zone file /dev/zero is larger than 4096 bytes: refused"
    );
    assert_eq!(read_bounded(Path::new("/dev/null"), 4096).unwrap(), b"");
}

#[test]
fn identical_records_are_one_record() {
    let text = format!("{HEAD}@ TXT \"v=spf1 -all\"\n@ TXT \"v=spf1 -all\"\n@ A 192.0.2.1\n");
    let mut z = zone(&text);
    z.add_text(&text, None).unwrap();
    assert_eq!(
        answer(&z, "example.com", RecordType::Txt).records().len(),
        1
    );
    assert_eq!(answer(&z, "example.com", RecordType::A).records().len(), 1);
    // Different strings are different records, even when they join to the same text.
    let z = zone(&format!("{HEAD}@ TXT \"ab\"\n@ TXT \"a\" \"b\"\n"));
    assert_eq!(
        answer(&z, "example.com", RecordType::Txt).records().len(),
        2
    );
}

#[test]
fn wildcards_answer_names_that_do_not_exist() {
    let z = zone(&format!(
        "{HEAD}\
         * TXT \"wild\"\n\
         * MX 10 mail\n\
         host A 192.0.2.1\n\
         x.ent A 192.0.2.2\n\
         *.sub TXT \"sub-wild\"\n\
         *.alias CNAME host\n"
    ));
    assert_eq!(txt(&z, "foo.example.com"), vec![b"wild".to_vec()]);
    assert_eq!(txt(&z, "a.b.example.com"), vec![b"wild".to_vec()]);
    assert_eq!(txt(&z, "*.example.com"), vec![b"wild".to_vec()]);
    // The wildcard owns MX and TXT only: NODATA for A, not the apex's nor NXDOMAIN.
    assert_eq!(answer(&z, "foo.example.com", RecordType::A), Answer::NoData);
    // Existing names are not synthesised, nor are names below them (closest encloser rule).
    assert_eq!(
        answer(&z, "host.example.com", RecordType::Txt),
        Answer::NoData
    );
    assert_eq!(
        answer(&z, "ent.example.com", RecordType::Txt),
        Answer::NoData
    );
    assert_eq!(
        answer(&z, "y.ent.example.com", RecordType::Txt),
        Answer::NxDomain
    );
    assert_eq!(
        answer(&z, "a.x.ent.example.com", RecordType::Txt),
        Answer::NxDomain
    );
    assert_eq!(txt(&z, "a.sub.example.com"), vec![b"sub-wild".to_vec()]);
    assert_eq!(answer(&z, "example.com", RecordType::Txt), Answer::NoData);
    assert_eq!(
        answer(&z, "other.example", RecordType::Txt),
        Answer::NxDomain
    );
    // A wildcard CNAME is followed.
    assert_eq!(
        answer(&z, "any.alias.example.com", RecordType::A),
        Answer::Records(vec![Rdata::A([192, 0, 2, 1].into())])
    );
}

#[test]
fn cname_loops_and_long_chains_are_failures() {
    let z = zone(
        "$ORIGIN example.\n\
         a CNAME b\nb CNAME a\n\
         self CNAME self\n\
         c0 CNAME c1\nc1 CNAME c2\nc2 CNAME c3\nc3 CNAME c4\nc4 CNAME c5\n\
         c5 CNAME c6\nc6 CNAME c7\nc7 CNAME c8\nc8 CNAME c9\nc9 TXT \"end\"\n",
    );
    let e = z.answer("a.example", RecordType::Txt).unwrap_err();
    assert_eq!(e.kind, FailureKind::CnameLoop);
    assert_eq!(
        e.detail,
        "a.example CNAME loop: a.example -> b.example -> a.example"
    );
    let e = z.answer("self.example", RecordType::A).unwrap_err();
    assert_eq!(
        e.detail,
        "self.example CNAME loop: self.example -> self.example"
    );
    // Eight hops are followed; the ninth is one too many.
    assert_eq!(txt(&z, "c1.example"), vec![b"end".to_vec()]);
    let e = z.answer("c0.example", RecordType::Txt).unwrap_err();
    assert_eq!(e.kind, FailureKind::CnameLoop);
    assert!(
        e.detail
            .starts_with("c0.example CNAME chain longer than 8: c0.example -> c1")
    );
}

#[test]
fn cname_queries_are_answered_with_the_cname_itself() {
    let z = zone(&format!(
        "{HEAD}_dmarc CNAME _dmarc.provider.example.\n_dmarc TXT \"v=DMARC1; p=none\"\n\
         loop CNAME loop\nplain TXT \"x\"\n"
    ));
    let cname = Answer::Records(vec![Rdata::Cname("_dmarc.provider.example".into())]);
    assert_eq!(answer(&z, "_dmarc.example.com", RecordType::Cname), cname);
    // The name's own TXT beside its CNAME is what the zone says (a broken zone, RFC 2181 §10.1).
    assert_eq!(
        txt(&z, "_dmarc.example.com"),
        [b"v=DMARC1; p=none".to_vec()]
    );
    // Not followed, so a loop is no failure for a CNAME query.
    assert!(matches!(
        answer(&z, "loop.example.com", RecordType::Cname),
        Answer::Records(_)
    ));
    assert_eq!(
        answer(&z, "plain.example.com", RecordType::Cname),
        Answer::NoData
    );
    assert_eq!(
        answer(&z, "none.example.com", RecordType::Cname),
        Answer::NxDomain
    );
}
