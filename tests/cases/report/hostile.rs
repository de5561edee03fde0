//! Hostile strings in every field a page shows — from a real TXT record through the real
//! `check`, and in a result file written by hand — are shown as text: no element, attribute or
//! script of theirs reaches the page, and control characters show as escapes.

use super::*;

const SCRIPT: &str = "<script>alert(1)</script>";
const BREAKOUT: &str = "\"'><img src=x onerror=alert(2)>";
const ESC: &str = "\u{1b}[31m";

fn hostile(tag: &str) -> String {
    format!("{tag}{SCRIPT}{BREAKOUT}{ESC}")
}

/// A result with the hostile text in every string the page reads.
fn result(domain: &str) -> serde_json::Value {
    let h = hostile;
    serde_json::json!({
        "domain": format!("{domain}{}", h("domain")),
        "scorecard": [{"area": "SPF", "verdict": "errors", "facts": h("facts")},
                      {"area": "MX", "verdict": h("verdict"), "facts": h("mx")}],
        "spf": {"lookups": 11, "tree": {"domain": h("tree"), "record": h("record"), "lookups": 11,
            "terms": [{"term": h("term"), "cost": 1, "lookups": 11, "note": h("note"),
                "target": {"domain": h("include"), "record": h("inner"), "lookups": 1,
                    "terms": [{"term": h("innerterm"), "cost": 1, "lookups": 1}]}},
                {"term": h("ref"), "cost": 1, "lookups": 1, "reference": h("reference")}]},
            "findings": [{"code": h("code"), "severity": "error", "subject": h("subject"),
                "message": h("message"), "suppressed": {"reason": h("reason")}},
                {"code": "spf-too-many-lookups", "severity": "error", "subject": h("subject"),
                "message": h("message")}]},
        "dmarc": {"record": {"name": h("dmarcname"), "text": h("dmarc")},
            "policy": {"policy": h("policy")}},
        "dkim": {"selectors": [{"selector": h("selector"), "name": h("dkimname"),
            "records": [{"record": h("dkim"), "key": {"algorithm": h("alg"), "bits": 1}}]}]},
        "mx": {"hosts": [{"name": h("host"), "preference": 10, "addresses": [{"ip": h("ip")}]}]},
        "mta_sts": {"records": [{"name": h("stsname"), "text": h("sts")}],
            "fetch": {"url": h("url")}, "policy": {"text": h("policy")}},
        "tls_rpt": {"records": [{"name": h("rptname"), "text": h("rpt")}]},
        "bimi": {"record": {"name": h("biminame"), "text": h("bimi")}},
        "probe": {"sessions": [{"host": h("host"), "address": h("address"), "connected": true,
            "ehlo": {"extensions": {"starttls": true}},
            "tls": {"established": true, "version": h("version"), "cipher_suite": h("cipher"),
                "error": h("error"),
                "certificate": {"subject": h("certsubject"), "issuer": h("issuer"),
                    "not_after": format!("2026-12-10 {}", h("date")), "verdict": h("verdict")}}},
            {"host": h("other"), "address": h("address2"), "connected": false}]},
        "findings": [{"code": h("cross"), "severity": "warning", "subject": h("s"),
            "message": h("m")}],
        "incomplete": true
    })
}

fn assert_inert(html: &str) {
    let page = page(html);
    assert_self_contained(&page, html);
    // The page's own script, and no other; no image, no handler, no injected attribute.
    assert_eq!(select(&page, "script").len(), 1);
    assert!(select(&page, "img").is_empty());
    for element in select(&page, "*") {
        for (name, _) in element.value().attrs() {
            assert!(!name.starts_with("on"), "attribute {name} injected");
            assert!(!name.contains('\''), "attribute {name} injected");
        }
    }
    assert!(
        !html.contains('\u{1b}'),
        "a raw escape character in the page"
    );
    let shown: String = page.root_element().text().collect();
    assert!(shown.contains(SCRIPT), "the hostile text is shown as text");
    assert!(
        shown.contains("\\x1b[31m"),
        "control characters show as escapes"
    );
}

#[test]
fn hostile_strings_in_every_field_stay_text() {
    let dir = TempDir::new("report-hostile");
    let mut lines = String::new();
    for domain in ["one", "two"] {
        lines.push_str(&result(domain).to_string());
        lines.push('\n');
    }
    let input = serde_json::json!({"input": hostile("input"), "error": hostile("why")});
    lines.push_str(&input.to_string());
    lines.push('\n');
    lines.push_str(&hostile("line"));
    lines.push('\n');
    let file = dir.write(&format!("{}.jsonl", "r"), lines);
    let out = Mailaudit::new()
        .arg("report")
        .arg(&file)
        .args(["--now", "2026-12-06"])
        .run();
    assert_eq!(out.code, 0, "{out}");
    assert!(!out.stderr.contains('\u{1b}'), "{out}");
    assert_inert(&out.stdout);
    // One domain alone gets the page of one, which shows the same fields.
    let one = dir.write("one.jsonl", result("one").to_string());
    let out = Mailaudit::new().arg("report").arg(&one).run();
    assert_eq!(out.code, 0, "{out}");
    assert_inert(&out.stdout);
}

#[test]
fn a_hostile_txt_record_through_the_real_check_stays_text() {
    let dir = TempDir::new("report-hostile-dns");
    let mut z = Zone::new();
    z.txt("x.example", &[&format!("v=spf1 {SCRIPT} -all")]);
    z.txt(
        "_dmarc.x.example",
        &[&format!("v=DMARC1; p=reject; rua={BREAKOUT}")],
    );
    let dns = TestDns::start(z);
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("1")
        .format("jsonl")
        .args(["check", "--no-probe", "--selector", "s1", "x.example"])
        .run();
    let results = dir.write("r.jsonl", &out.stdout);
    let out = Mailaudit::new().arg("report").arg(&results).run();
    assert_eq!(out.code, 0, "{out}");
    let page = page(&out.stdout);
    assert_eq!(select(&page, "script").len(), 1);
    assert!(select(&page, "img").is_empty());
    let records = texts(&page, "pre.record");
    assert!(
        records.contains(&format!("v=spf1 {SCRIPT} -all")),
        "{records:?}"
    );
}
