//! `mailaudit generate spf|dmarc|mta-sts|tlsrpt|bimi|parked`: every record a generator prints
//! passes the crate's own linter with no error or warning (a record the linter flags is a bug),
//! TXT data is split into strings of at most 255 bytes, the JSON is the `changes` shape, bad
//! input is a one-line usage error, and the records, loaded into a zone file (and the MTA-STS
//! policy served by the test HTTPS server), make the audit come back without errors.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use mailaudit::dns::Txt;
use serde_json::Value;

use crate::support::cmd::Mailaudit;
use crate::support::diff::line_diff;
use crate::support::docs::console_examples;
use crate::support::https_server::{Reply, TestCa, TestHttps};
use crate::support::model::{
    Change, ChangeAction, ChangeType, Changes, CheckReport, DmarcReport, Finding, MtaStsReport,
    Severity, codes,
};
use crate::support::temp::TempDir;

/// `mailaudit generate ARGS`, the arguments written as one line split at white space.
fn command(line: &str) -> Mailaudit {
    Mailaudit::new()
        .arg("generate")
        .args(line.split_whitespace())
}

/// `mailaudit --format json generate ARGS`, which must succeed.
fn generate(line: &str) -> Changes {
    let out = command(line).format("json").run();
    out.assert_success();
    assert!(out.stderr.is_empty(), "{out}");
    out.json_as()
}

/// `mailaudit generate ARGS` as text: the zone-file lines.
fn generate_text(line: &str) -> String {
    let out = command(line).run();
    out.assert_success();
    out.stdout
}

/// The codes of the error and warning findings `mailaudit lint KIND` raises for `record` (for
/// `mta-sts-policy`, the policy file's content, given on stdin).
fn lint_flags(kind: &str, record: &str) -> Vec<String> {
    let command = Mailaudit::new().format("json").args(["lint", kind]);
    let out = if kind == "mta-sts-policy" {
        command.arg("-").stdin(record).run()
    } else {
        command.arg(record).run()
    };
    assert!(out.code == 0 || out.code == 1, "{out}");
    let report: Value = serde_json::from_str(&out.stdout).expect("lint JSON");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| matches!(f["severity"].as_str(), Some("error" | "warning")))
        .map(|f| f["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The lint kind for a change, by where it is published; `None` for what `lint` has no kind for
/// (a null MX, a report authorization, which is no policy).
fn lint_kind(change: &Change) -> Option<&'static str> {
    let name = change.name.as_str();
    if change.rtype != ChangeType::Txt || name.contains("._report._dmarc.") {
        None
    } else if name.starts_with("_dmarc.") {
        Some("dmarc")
    } else if name.starts_with("_mta-sts.") {
        Some("mta-sts")
    } else if name.starts_with("_smtp._tls.") {
        Some("tlsrpt")
    } else if name.contains("._bimi.") {
        Some("bimi")
    } else if name.contains("._domainkey.") {
        Some("dkim")
    } else {
        Some("spf")
    }
}

/// Generates with `line` and lints every record and file: the flags raised are exactly
/// `expected` (warnings about choices the arguments made on purpose), across all of them.
fn assert_lints_clean(line: &str, expected: &[&str]) {
    let changes = generate(line);
    let mut flags = Vec::new();
    for change in &changes.changes {
        assert_eq!(change.action, ChangeAction::Add);
        assert!(change.fixes.is_empty() && change.old.is_empty());
        if let Some(kind) = lint_kind(change) {
            for rdata in &change.new {
                flags.extend(lint_flags(kind, rdata));
            }
        }
    }
    for file in &changes.files {
        flags.extend(lint_flags("mta-sts-policy", &file.content));
    }
    assert_eq!(flags, expected, "generate {line}");
    // What the lints warn about is said in the change's why.
    for code in expected {
        assert!(
            changes.changes.iter().any(|c| c.why.contains(code)),
            "{code} is not said in any why: {changes:?}"
        );
    }
}

/// ` OPTION VALUE` for each value.
fn repeated(option: &str, values: impl IntoIterator<Item = String>) -> String {
    values.into_iter().fold(String::new(), |mut line, value| {
        let _ = write!(line, " {option} {value}");
        line
    })
}

/// `spf --domain example.com` with `--ip4 203.0.113.N` for each N in `hosts`.
fn spf_networks(hosts: std::ops::RangeInclusive<u8>) -> String {
    let networks = repeated("--ip4", hosts.map(|i| format!("203.0.113.{i}")));
    format!("spf --domain example.com{networks}")
}

#[test]
fn spf_records_lint_clean() {
    for line in [
        "spf --domain example.com",
        "spf --domain example.com --mx",
        "spf --domain Example.COM. --mx --a --include _spf.example.net --ip4 192.0.2.0/24 \
         --ip6 2001:db8::/32",
        "spf --domain example.com --all softfail --include spf.mailer.example \
         --ip4 198.51.100.7 --ip6 2001:db8::25",
        &format!("{} --mx", spf_networks(1..=20)),
    ] {
        assert_lints_clean(line, &[]);
    }
}

#[test]
fn dmarc_records_lint_clean() {
    for line in [
        "dmarc --domain example.com --policy reject --rua dmarc@example.com",
        "dmarc --domain example.com --policy quarantine --sp reject --np reject --adkim s \
         --aspf s --rua mailto:d@example.com --ruf forensic@example.com",
        "dmarc --domain mail.example.com --policy reject --rua agg@reports.example.net \
         --rua d@example.com",
    ] {
        assert_lints_clean(line, &[]);
    }
    // Choices the linter warns about are the caller's, said in why.
    let base = "dmarc --domain example.com --rua d@example.com";
    assert_lints_clean(&format!("{base} --policy none"), &["dmarc-policy-none"]);
    let testing = format!("{base} --policy reject --testing");
    assert_lints_clean(&testing, &["dmarc-testing"]);
}

#[test]
fn mta_sts_tlsrpt_and_bimi_records_lint_clean() {
    for line in [
        "mta-sts --domain example.com --mode enforce --mx mx1.example.com mx2.example.com",
        "mta-sts --domain example.com --mode testing --mx *.mail.example.com --max-age 86400 \
         --id 2025a",
        "mta-sts --domain example.com --mode none",
        "tlsrpt --domain example.com --rua tls@example.com",
        "tlsrpt --domain example.com --rua https://reports.example.net/tls",
        "tlsrpt --domain example.com --rua mailto:tls@example.com \
         --rua https://reports.example.net/tls",
        "bimi --domain example.com --logo https://example.com/logo.svg \
         --authority https://example.com/vmc.pem",
        "bimi --domain example.com --logo https://cdn.example.net/b.svg --selector brand",
    ] {
        assert_lints_clean(line, &[]);
    }
}

#[test]
fn parked_records_lint_clean() {
    let line = "parked --domain parked.example --rua agg@reports.example.net";
    assert_lints_clean(line, &[]);
    let changes = generate(line);
    let types: Vec<ChangeType> = changes.changes.iter().map(|c| c.rtype).collect();
    let txt = ChangeType::Txt;
    assert_eq!(types, [ChangeType::Mx, txt, txt, txt, txt]);
    assert_eq!(changes.changes[0].new, ["0 ."]);
    // No report address: the one warning is that none is asked for.
    assert_lints_clean("parked --domain parked.example", &["dmarc-no-rua"]);
}

#[test]
fn long_txt_data_is_split_into_strings_of_at_most_255_bytes() {
    let line = spf_networks(1..=24);
    let changes = generate(&line);
    let rdata = &changes.changes[0].new[0];
    let txt = Txt::from_typed(rdata).unwrap();
    assert!(txt.strings.len() >= 2, "{rdata}");
    assert!(txt.strings.iter().all(|s| s.len() <= 255), "{rdata}");
    let joined = String::from_utf8(txt.joined()).unwrap();
    let expected: Vec<String> = (1..=24).map(|i| format!("ip4:203.0.113.{i}")).collect();
    assert_eq!(joined, format!("v=spf1 {} -all", expected.join(" ")));
    assert_eq!(lint_flags("spf", rdata), Vec::<String>::new());
    // The zone-file line holds the same strings.
    let text = generate_text(&line);
    let zone_line = format!("example.com. 3600 IN TXT {rdata}\n");
    assert!(text.contains(&zone_line), "{text}");

    // Past 450 bytes the record may not fit a UDP answer: the lint's warning is said.
    let changes = generate(&spf_networks(1..=40));
    assert!(changes.changes[0].why.contains("spf-record-too-long"));
}

#[test]
fn json_is_the_changes_shape() {
    let changes = generate(
        "dmarc --domain example.com --policy reject --rua agg@reports.example.net --ttl 300",
    );
    assert!(changes.files.is_empty() && changes.manual.is_empty());
    let names: Vec<&str> = changes.changes.iter().map(|c| c.name.as_str()).collect();
    let authorization = "example.com._report._dmarc.reports.example.net.";
    assert_eq!(names, ["_dmarc.example.com.", authorization]);
    let policy = &changes.changes[0];
    assert_eq!((policy.rtype, policy.ttl), (ChangeType::Txt, 300));
    let record = "\"v=DMARC1; p=reject; rua=mailto:agg@reports.example.net\"";
    assert_eq!(policy.new, [record]);
    assert_eq!(changes.changes[1].new, ["\"v=DMARC1\""]);

    let sts = generate(
        "mta-sts --domain example.com --mode enforce --mx mail.example.com --id 20250101000000",
    );
    assert_eq!(sts.files.len(), 1);
    let url = "https://mta-sts.example.com/.well-known/mta-sts.txt";
    assert_eq!(sts.files[0].url, url);
    let policy = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n";
    assert_eq!(sts.files[0].content, policy);
    assert_eq!(sts.manual[0].code, "mta-sts-policy-host-missing");
    assert_eq!(sts.manual[0].subject, "mta-sts.example.com");

    // YAML is the same model.
    let out = command("tlsrpt --domain example.com --rua t@example.com")
        .format("yaml")
        .run();
    out.assert_success();
    let yaml: Value = serde_yaml::from_str(&out.stdout).expect("YAML");
    assert_eq!(yaml["changes"][0]["type"], "TXT");
    assert_eq!(yaml["changes"][0]["action"], "add");
}

/// The run failed with exit 2 and one line on stderr, `mailaudit: ` and a message containing
/// `says`.
fn refused_run(run: &Mailaudit, says: &str) {
    let out = run.run();
    out.assert_code(2);
    assert!(out.stdout.is_empty(), "{out}");
    let one_line = out.stderr.starts_with("mailaudit: ") && out.stderr.lines().count() == 1;
    assert!(one_line, "{out}");
    assert!(out.stderr.contains(says), "{out}");
}

fn refused(line: &str, says: &str) {
    refused_run(&command(line), says);
}

#[test]
fn bad_input_is_a_usage_error() {
    let spf = "spf --domain example.com";
    refused(&format!("{spf} --ip4 192.0.2.300"), "not an IPv4 network");
    refused(
        &format!("{spf} --ip4 192.0.2.1/24"),
        "the network is 192.0.2.0/24",
    );
    refused(&format!("{spf} --ip6 192.0.2.1"), "give it with --ip4");
    refused(&format!("{spf} --ip4 0.0.0.0/0"), "spf-network-too-broad");
    refused(&format!("{spf} --include bad..example"), "invalid domain");
    let includes = repeated("--include", (0..9).map(|i| format!("s{i}.example.net")));
    refused(&format!("{spf} --mx --a{includes}"), "11 DNS lookups");
    let spaced = Mailaudit::new().args(["generate", "spf", "--domain", "exa mple.com"]);
    refused_run(&spaced, "invalid domain \"exa mple.com\"");
    refused("parked --domain localhost", "at least two labels");
    let bimi = "bimi --domain example.com --logo";
    refused(
        &format!("{bimi} http://example.com/logo.svg"),
        "only https:// URLs",
    );
    refused(
        &format!("{bimi} https://example.com/logo.png"),
        "bimi-invalid-location",
    );
    let dmarc = "dmarc --domain example.com --policy reject --rua";
    refused(&format!("{dmarc} https://r.example/"), "by mail only");
    refused("mta-sts --domain example.com --mode enforce", "give --mx");
    let bad_id = "mta-sts --domain example.com --mode none --id 2025-01-01";
    refused(bad_id, "1 to 32 letters and digits");
    let ftp = "tlsrpt --domain example.com --rua ftp://x.example/r";
    refused(ftp, "tlsrpt-rua-invalid");
}

#[test]
fn out_writes_the_policy_and_never_overwrites_it() {
    let dir = TempDir::new("generate-out");
    let line = "mta-sts --domain example.com --mode testing --mx mail.example.com --id 1 --out";
    let run = || command(line).arg(dir.path()).run();
    run().assert_success();
    let path = dir
        .path()
        .join("mta-sts.example.com/.well-known/mta-sts.txt");
    let policy = "version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmax_age: 604800\r\n";
    assert_eq!(std::fs::read_to_string(&path).unwrap(), policy);
    std::fs::write(&path, "kept").unwrap();
    let again = run();
    again.assert_code(2);
    let message = format!(
        "mailaudit: {} already exists; refusing to overwrite it (nothing was written)\n",
        path.display()
    );
    assert_eq!(again.stderr, message);
    assert!(again.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept");
}

/// A zone file of `parts` (zone-file text) in `dir`.
fn zone_file(dir: &TempDir, parts: &[String]) -> PathBuf {
    dir.write("generated.zone", parts.concat())
}

/// The codes of the error and warning findings among `findings`.
fn flagged(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Error | Severity::Warning))
        .map(|f| f.code.clone())
        .collect()
}

const NONE: Vec<String> = Vec::new();

const REPORTS_ZONE: &str = "reports.example.net. 3600 IN MX 10 mx.reports.example.net.\n\
                            mx.reports.example.net. 3600 IN A 198.51.100.25\n";

const MAIL_ZONE: &str = "example.com. 3600 IN MX 10 mail.example.com.\n\
                         mail.example.com. 3600 IN A 192.0.2.25\n";

#[test]
fn published_records_make_the_audit_clean() {
    let networks = repeated("--ip4", (1..=20).map(|i| format!("192.0.2.{i}")));
    let parts = vec![
        MAIL_ZONE.to_string(),
        "_spf.example.net. 3600 IN TXT \"v=spf1 ip4:198.51.100.0/24 -all\"\n".into(),
        REPORTS_ZONE.into(),
        generate_text(&format!(
            "spf --domain example.com --mx --include _spf.example.net{networks}"
        )),
        generate_text(
            "dmarc --domain example.com --policy reject --rua dmarc@example.com \
             --rua agg@reports.example.net",
        ),
        generate_text("tlsrpt --domain example.com --rua tls@example.com"),
        generate_text(
            "bimi --domain example.com --logo https://example.com/logo.svg \
             --authority https://example.com/vmc.pem",
        ),
    ];
    let dir = TempDir::new("generate-zone");
    let zone = zone_file(&dir, &parts);
    let audit = |args: &[&str]| Mailaudit::new().zone(&zone).format("json").args(args).run();
    let out = audit(&["check", "--no-probe", "example.com"]);
    let check: CheckReport = out.json_as();
    let spf = check.spf.as_ref().expect("spf");
    assert_eq!(flagged(&spf.findings), NONE, "{out}");
    assert_eq!(spf.tree.as_ref().expect("tree").strings.len(), 2, "split");
    assert_eq!(spf.lookups, 2);
    assert_eq!(flagged(&check.dmarc.expect("dmarc").findings), NONE);
    assert_eq!(flagged(&check.tls_rpt.expect("tls_rpt").findings), NONE);
    assert_eq!(flagged(&check.bimi.expect("bimi").findings), NONE);
    // The external report address found its authorization.
    let out = audit(&["dmarc", "example.com"]);
    out.assert_success();
    let dmarc: DmarcReport = out.json_as();
    let external = dmarc
        .report_destinations
        .iter()
        .find(|d| d.domain == "reports.example.net")
        .expect("destination");
    assert_eq!(
        (external.external, external.authorized),
        (Some(true), Some(true))
    );
}

#[test]
fn a_published_parked_domain_checks_clean() {
    let dir = TempDir::new("generate-parked");
    let parts = vec![
        REPORTS_ZONE.to_string(),
        generate_text("parked --domain parked.example --rua agg@reports.example.net"),
    ];
    let zone = zone_file(&dir, &parts);
    let out = Mailaudit::new()
        .zone(&zone)
        .format("json")
        .args(["check", "--no-probe", "parked.example"])
        .run();
    out.assert_success();
    let check: CheckReport = out.json_as();
    assert_eq!(flagged(&check.findings), NONE, "{out}");
    assert!(codes(&check.mx.expect("mx").findings).contains(&"mx-null"));
}

#[test]
fn a_published_mta_sts_policy_audits_clean() {
    for mode in ["enforce", "testing"] {
        let line = format!(
            "mta-sts --domain example.com --mode {mode} --mx mail.example.com --id 20250101000000"
        );
        let changes = generate(&line);
        let dir = TempDir::new("generate-sts");
        // The whole text, the policy and the work by hand in comments, loads as a zone file.
        let parts = vec![
            MAIL_ZONE.to_string(),
            "mta-sts.example.com. 3600 IN A 127.0.0.1\n".into(),
            generate_text(&line),
        ];
        let zone = zone_file(&dir, &parts);
        let ca = TestCa::new("mailaudit test CA");
        let pem = ca.pem_file(&dir);
        let https = TestHttps::start(
            ca.leaf(&["mta-sts.example.com"]),
            Reply::policy(&changes.files[0].content),
        );
        let out = Mailaudit::new()
            .zone(&zone)
            .format("json")
            .arg("--ca-file")
            .arg(&pem)
            .args(["--mta-sts-port", &https.port().to_string()])
            .args(["mta-sts", "example.com"])
            .run();
        out.assert_success();
        let report: MtaStsReport = out.json_as();
        assert_eq!(flagged(&report.findings), NONE, "{mode}: {out}");
    }
}

/// The guide's `generate` examples print what they show.
#[test]
fn the_guides_examples_print_what_they_show() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for example in console_examples(root) {
        let Some(line) = example.command.strip_prefix("$ mailaudit generate ") else {
            continue;
        };
        let out = command(line).run();
        out.assert_success();
        assert!(
            example.shown == out.stdout,
            "`{}` prints otherwise (- shown, + printed):\n{}",
            example.command,
            line_diff(&example.shown, &out.stdout)
        );
        checked += 1;
    }
    assert!(
        checked >= 6,
        "only {checked} generate examples in the guide"
    );
}
