//! `--zone FILE` end to end: bounded reads, safe error text, RFC 4592 wildcards, TXT data as the
//! published bytes (`\DDD`), identical records as one, and CNAME loops as lookup failures.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use mailaudit::dns::zone::{MAX_ZONE_FILE_BYTES, ZoneSource};
use mailaudit::dns::{Answer, DnsSource, Rdata, RecordType};
use serde_json::Value;

use crate::support::cmd::{Mailaudit, Output};
use crate::support::temp::TempDir;

/// `mailaudit ARGS`, with zone files and options given as arguments.
fn mailaudit(args: &[&str]) -> Output {
    Mailaudit::new().args(args).run()
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `mailaudit --zone ZONE... --format json ARGS`, parsed.
fn json(zones: &[&Path], args: &[&str]) -> (Output, Value) {
    let mut all = Vec::new();
    for zone in zones {
        all.extend(["--zone", arg(zone)]);
    }
    all.extend(["--format", "json"]);
    all.extend_from_slice(args);
    let out = mailaudit(&all);
    let value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{all:?}: not JSON ({e}): {}{}", out.stdout, out.stderr));
    (out, value)
}

fn eval(zone: &Path, ip: &str, sender: &str) -> Value {
    json(&[zone], &["spf", "eval", "--ip", ip, "--mail-from", sender]).1
}

fn codes(report: &Value) -> Vec<&str> {
    let findings = report["findings"].as_array().expect("findings");
    findings
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect()
}

/// The run failed with exit 2 and exactly this one line on stderr.
fn refused(out: &Output, line: &str) {
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert_eq!(out.stderr, format!("mailaudit: {line}\n"));
    assert!(out.stdout.is_empty(), "{}", out.stdout);
}

#[test]
fn a_zone_file_over_the_limit_is_refused_without_reading_it() {
    let dir = TempDir::new("zone-file");
    let path = dir.write("huge.zone", "");
    // Sparse: the size is there, the blocks are not.
    let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(MAX_ZONE_FILE_BYTES + 1).unwrap();
    let out = mailaudit(&["--zone", arg(&path), "spf", "example.com"]);
    let line = format!(
        "zone file {} is larger than 64 MiB: refused",
        path.display()
    );
    refused(&out, &line);
}

#[test]
fn a_device_is_read_only_up_to_the_limit() {
    let out = mailaudit(&["--zone", "/dev/zero", "spf", "example.com"]);
    refused(&out, "zone file /dev/zero is larger than 64 MiB: refused");
    // An $INCLUDE is bounded the same way.
    let dir = TempDir::new("zone-file");
    let zone = dir.write("inc.zone", "$INCLUDE /dev/zero\n");
    let out = mailaudit(&["--zone", arg(&zone), "spf", "example.com"]);
    refused(&out, "zone file /dev/zero is larger than 64 MiB: refused");
}

#[test]
fn control_characters_in_errors_are_escaped() {
    let dir = TempDir::new("zone-file");
    let zone = dir.write(
        "bad\x1b[2J.zone",
        "$ORIGIN example.com.\n\x1b]0;title\x07 TXT \"x\"\n",
    );
    let out = mailaudit(&["--zone", arg(&zone), "spf", "example.com"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let line = out.stderr.strip_suffix('\n').unwrap();
    assert!(!line.chars().any(char::is_control), "{:?}", out.stderr);
    let folder = dir.path().display();
    assert_eq!(
        line,
        format!(
            "mailaudit: {folder}/bad\\x1b[2J.zone:2: invalid name \"\\x1b]0\": unrecognized char: \\x1b"
        )
    );
    // A bad type name: the BEL after the title is escaped too.
    let zone = dir.write("type.zone", "a.example. TXT\x07\x1b]0;x\n");
    let out = mailaudit(&["--zone", arg(&zone), "spf", "example.com"]);
    assert!(!out.stderr.trim_end().chars().any(char::is_control));
    assert!(out.stderr.contains("\"TXT\\x07\\x1b]0\""), "{}", out.stderr);
}

#[test]
fn wildcards_answer_names_that_do_not_exist() {
    let dir = TempDir::new("zone-file");
    let zone = dir.write(
        "wild.zone",
        "$ORIGIN example.com.\n\
         *          TXT \"v=spf1 ip4:192.0.2.1 -all\"\n\
         host       A   192.0.2.2\n\
         x.ent      A   192.0.2.3\n\
         *.mail     CNAME spf.example.net.\n\
         spf.example.net. TXT \"v=spf1 ip4:198.51.100.1 -all\"\n",
    );
    let result = |ip, sender| eval(&zone, ip, sender)["result"].clone();
    assert_eq!(result("192.0.2.1", "a@foo.example.com"), "pass");
    assert_eq!(result("192.0.2.9", "a@foo.example.com"), "fail");
    // a.b: neither a.b nor b exists, so example.com is the closest encloser.
    assert_eq!(result("192.0.2.1", "a@a.b.example.com"), "pass");
    // Existing names, and names below an empty non-terminal, get no wildcard data.
    assert_eq!(result("192.0.2.1", "a@host.example.com"), "none");
    assert_eq!(result("192.0.2.1", "a@ent.example.com"), "none");
    assert_eq!(result("192.0.2.1", "a@y.ent.example.com"), "none");
    // A wildcard CNAME is followed.
    assert_eq!(result("198.51.100.1", "a@out.mail.example.com"), "pass");
    let (_, report) = json(&[&zone], &["spf", "anything.example.com"]);
    assert_eq!(report["tree"]["record"], "v=spf1 ip4:192.0.2.1 -all");
}

#[test]
fn ddd_escapes_are_bytes() {
    let dir = TempDir::new("zone-file");
    let zone = dir.write(
        "ddd.zone",
        "$ORIGIN example.com.\n\
         @    TXT \"v=spf1 ip4:192.0.2.1 \\045all\"\n\
         high TXT \"v=spf1 ip4:192.0.2.1 \\255 -all\"\n\
         multi TXT ( \"v=spf1 \\\"\" ; comment\n\
                     \"ip4:192.0.2.1\\032-all\" )\n",
    );
    // `\045` is '-': the record ends in -all, not in U+0405 "Ѕall".
    let (_, report) = json(&[&zone], &["spf", "example.com"]);
    assert_eq!(report["tree"]["record"], "v=spf1 ip4:192.0.2.1 -all");
    assert_eq!(codes(&report), Vec::<&str>::new());
    assert_eq!(eval(&zone, "192.0.2.9", "a@example.com")["result"], "fail");
    let (_, report) = json(&[&zone], &["spf", "multi.example.com"]);
    assert_eq!(
        report["tree"]["strings"],
        serde_json::json!(["v=spf1 \"", "ip4:192.0.2.1 -all"])
    );

    // `\255` is the byte 0xFF. The reports carry text, where a byte that is not UTF-8 shows as
    // U+FFFD today (dns::Txt::text), so the bytes are checked through the library.
    let zones = ZoneSource::load(&[&zone]).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let answer = runtime
        .block_on(zones.lookup("high.example.com", RecordType::Txt))
        .unwrap();
    let Answer::Records(records) = answer else {
        panic!("{answer:?}")
    };
    let [Rdata::Txt(txt)] = records.as_slice() else {
        panic!("{records:?}")
    };
    assert_eq!(txt.strings, [b"v=spf1 ip4:192.0.2.1 \xff -all".to_vec()]);
    // Neither of the decodings that were wrong reaches the report, nor U+FFFD: the byte is
    // shown escaped, and the non-ASCII byte is a syntax error at its published offset.
    let (out, report) = json(&[&zone], &["spf", "high.example.com"]);
    assert!(
        !out.stdout.contains(['\u{ff}', '\u{20505}', '\u{fffd}']),
        "{}",
        out.stdout
    );
    assert_eq!(report["tree"]["record"], "v=spf1 ip4:192.0.2.1 \\xff -all");
    assert!(
        codes(&report).contains(&"spf-syntax-error"),
        "{}",
        out.stdout
    );
    let text = mailaudit(&["--zone", arg(&zone), "spf", "high.example.com"]);
    text.assert_stdout_contains("byte 21 is 0xff, not ASCII");
    text.assert_stdout_contains("v=spf1 ip4:192.0.2.1 \\xff -all\n");
}

#[test]
fn the_same_records_twice_are_one_record() {
    let dir = TempDir::new("zone-file");
    let zone = dir.write(
        "twice.zone",
        "$ORIGIN example.com.\n\
         @ TXT \"v=spf1 ip4:192.0.2.1 -all\"\n\
         @ TXT \"v=spf1 ip4:192.0.2.1 -all\"\n",
    );
    let (out, report) = json(&[&zone, &zone], &["spf", "example.com"]);
    assert_eq!(codes(&report), Vec::<&str>::new(), "{}", out.stdout);
    assert_eq!(out.code, 0);
    // Two different records are still two.
    let other = dir.write("other.zone", "example.com. TXT \"v=spf1 -all\"\n");
    let (_, report) = json(&[&zone, &other], &["spf", "example.com"]);
    assert_eq!(codes(&report), ["spf-multiple-records"]);
}

#[test]
fn includes_are_read_relative_to_the_including_file() {
    let dir = TempDir::new("zone-file");
    dir.write("spf.inc", "@ TXT \"v=spf1 ip4:192.0.2.1 -all\"\n");
    let zone = dir.write(
        "main.zone",
        "$ORIGIN example.com.\n\
         $INCLUDE spf.inc _spf\n\
         @ TXT \"v=spf1 include:_spf.example.com -all\"\n",
    );
    let result = eval(&zone, "192.0.2.1", "a@example.com");
    assert_eq!(result["result"], "pass", "{result}");
    // A file that includes itself stops at the depth limit.
    let zone = dir.write("self.zone", "$INCLUDE self.zone\n");
    let out = mailaudit(&["--zone", arg(&zone), "spf", "example.com"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("$INCLUDE nested more than 8 deep"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_cname_loop_is_a_lookup_failure_not_a_missing_record() {
    let dir = TempDir::new("zone-file");
    let zone = dir.write(
        "loop.zone",
        "$ORIGIN example.com.\n\
         a    CNAME b\n\
         b    CNAME a\n\
         @    TXT \"v=spf1 include:a.example.com -all\"\n",
    );
    let detail = "a.example.com CNAME loop: a.example.com -> b.example.com -> a.example.com";
    let result = eval(&zone, "192.0.2.1", "x@a.example.com");
    assert_eq!(result["result"], "temperror", "{result}");
    assert_eq!(result["problem"], detail);
    let result = eval(&zone, "192.0.2.1", "x@example.com");
    assert_eq!(result["result"], "temperror", "{result}");

    // The domain's own record cannot be fetched: the audit is incomplete (exit 2); an include
    // that cannot be fetched is an error finding (exit 1).
    for (domain, exit) in [("a.example.com", 2), ("example.com", 1)] {
        let (out, report) = json(&[&zone], &["spf", domain]);
        assert_eq!(codes(&report), ["dns-lookup-failed"], "{}", out.stdout);
        assert_eq!(report["findings"][0]["subject"], "a.example.com");
        assert_eq!(report["findings"][0]["message"], detail);
        assert_eq!(out.code, exit);
    }
}

#[test]
fn a_cname_chain_longer_than_eight_is_a_lookup_failure() {
    let dir = TempDir::new("zone-file");
    let mut text = String::from("$ORIGIN example.com.\n");
    for i in 0..9 {
        let _ = writeln!(text, "c{i} CNAME c{}", i + 1);
    }
    text.push_str("c9 TXT \"v=spf1 -all\"\n");
    let zone = dir.write("chain.zone", text);
    assert_eq!(
        eval(&zone, "192.0.2.1", "x@c1.example.com")["result"],
        "fail"
    );
    let result = eval(&zone, "192.0.2.1", "x@c0.example.com");
    assert_eq!(result["result"], "temperror", "{result}");
    let problem = result["problem"].as_str().unwrap();
    assert!(problem.starts_with("c0.example.com CNAME chain longer than 8: c0.example.com -> "));
}

/// The mail records of `tests/fixtures/signed.example.com.zone`, unsigned and without the other
/// types it holds.
const UNSIGNED: &str = "$ORIGIN example.com.
@ SOA ns1 hostmaster 2026120101 7200 900 1209600 300
@ NS ns1
@ MX 10 mail
@ TXT \"v=spf1 mx -all\"
_dmarc TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@example.com\"
s1._domainkey TXT \"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"
_smtp._tls TXT \"v=TLSRPTv1; rua=mailto:tls@example.com\"
mail A 192.0.2.25
";

#[test]
fn a_signed_zone_loads_and_audits_as_the_unsigned_one() {
    let signed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/signed.example.com.zone");
    let dir = TempDir::new("zone-file");
    let unsigned = dir.write("unsigned.zone", UNSIGNED);
    let check = ["check", "--no-probe", "--selector", "s1", "example.com"];
    let (plain_out, plain) = json(&[&unsigned], &check);
    let (out, report) = json(&[&signed], &check);
    assert_eq!(out.code, plain_out.code, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    assert_eq!(report, plain);
    assert_eq!(
        report["spf"]["tree"]["record"], "v=spf1 mx -all",
        "{report}"
    );
    assert_eq!(
        report["dkim"]["selectors"][0]["status"], "found",
        "{report}"
    );
}
