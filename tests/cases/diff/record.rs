//! Records the fixture pair tests/fixtures/diff/{old,new}.jsonl by running the real `check`
//! against the test DNS, HTTPS and SMTP servers: `MAILAUDIT_RECORD_DIFF=1 cargo test --test
//! mailaudit record_diff_fixtures -- --ignored`. Ignored otherwise, so a test run never
//! rewrites its own fixtures.

use super::*;

const KEY_1: &str = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
const KEY_2: &str = "v=DKIM1; k=ed25519; p=eaewdVtx70cschwqJq4d0U0im4HAHfKmd1pckhVsEZI=";

/// How example.com differs between the runs.
struct Side {
    spf: &'static str,
    dmarc: &'static str,
    dkim: &'static [(&'static str, &'static str)],
    second_mx: bool,
    sts_id: &'static str,
    sts_mode: &'static str,
    tls_rpt: bool,
    smtp: &'static str,
    /// The domain only this run has.
    other: &'static str,
}

const OLD: Side = Side {
    spf: "v=spf1 mx -all",
    dmarc: "v=DMARC1; p=reject; rua=mailto:dmarc@example.com",
    dkim: &[("s1", KEY_1)],
    second_mx: false,
    sts_id: "20240101",
    sts_mode: "enforce",
    tls_rpt: false,
    smtp: "good",
    other: "example.net",
};

const NEW: Side = Side {
    spf: "v=spf1 mx ip4:192.0.2.1 -all",
    dmarc: "v=DMARC1; p=none; rua=mailto:dmarc@example.com",
    dkim: &[("s1", KEY_2), ("s2", KEY_1)],
    second_mx: true,
    sts_id: "20240202",
    sts_mode: "testing",
    tls_rpt: true,
    smtp: "expired",
    other: "example.edu",
};

fn zone(side: &Side) -> Zone {
    let mut z = Zone::new();
    z.txt("example.com", &[side.spf]);
    z.txt("_dmarc.example.com", &[side.dmarc]);
    for (selector, key) in side.dkim {
        z.txt(&format!("{selector}._domainkey.example.com"), &[key]);
    }
    // Every address is loopback: the probe connects to what the zone says.
    z.mx("example.com", 10, "mail.example.com");
    z.a("mail.example.com", "127.0.0.1");
    if side.second_mx {
        z.mx("example.com", 20, "mail2.example.com");
        z.a("mail2.example.com", "127.0.0.1");
    }
    z.txt(
        "_mta-sts.example.com",
        &[&format!("v=STSv1; id={}", side.sts_id)],
    );
    z.a("mta-sts.example.com", "127.0.0.1");
    if side.tls_rpt {
        z.txt(
            "_smtp._tls.example.com",
            &["v=TLSRPTv1; rua=mailto:tls@example.com"],
        );
    }
    // Parked, the same in both runs: no mail, so nothing to probe.
    z.txt("example.org", &["v=spf1 -all"]);
    z.mx("example.org", 0, ".");
    z.txt("_dmarc.example.org", &["v=DMARC1; p=reject"]);
    z.txt(side.other, &["v=spf1 -all"]);
    z.mx(side.other, 0, ".");
    z
}

fn run_check(side: &Side) -> String {
    let ca = TestCa::new("mailaudit test CA");
    let dir = TempDir::new("diff-record");
    let pem = ca.pem_file(&dir);
    let policy = format!(
        "version: STSv1\r\nmode: {}\r\nmx: mail.example.com\r\nmax_age: 604800\r\n",
        side.sts_mode
    );
    let https = TestHttps::start(ca.leaf(&["mta-sts.example.com"]), Reply::policy(&policy));
    let smtp = TestSmtp::start(smtp_personas::personality(side.smtp, &ca));
    let dns = TestDns::start(zone(side));
    let domains = dir.write(
        "domains",
        format!("example.com\nexample.org\n{}\n", side.other),
    );
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("1")
        .format("jsonl")
        .arg("check")
        .arg("--domains-file")
        .arg(&domains)
        .args(["--selector", "s1", "--selector", "s2", "--jobs", "1"])
        .arg("--ca-file")
        .arg(&pem)
        .args(["--mta-sts-port", &https.port().to_string()])
        .args(["--probe-port", &smtp.port().to_string()])
        .run();
    assert!(out.code == 0 || out.code == 1, "{out}");
    out.stdout
}

#[test]
#[ignore = "writes tests/fixtures/diff; run by hand with MAILAUDIT_RECORD_DIFF=1"]
fn record_diff_fixtures() {
    if std::env::var_os("MAILAUDIT_RECORD_DIFF").is_none() {
        return;
    }
    std::fs::write(fixture("old.jsonl"), run_check(&OLD)).unwrap();
    std::fs::write(fixture("new.jsonl"), run_check(&NEW)).unwrap();
}
