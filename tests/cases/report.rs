//! `mailaudit report`: pages made from results the real `check` wrote against the test DNS and
//! SMTP servers, parsed with an HTML5 parser — the numbers the input holds, no external URL,
//! hostile strings shown as text; the inputs, outputs and their errors; and, where chromium is
//! installed, the page rendered in a real browser.

use std::path::{Path, PathBuf};

use scraper::{ElementRef, Html, Selector};

use crate::support::cmd::Mailaudit;
use crate::support::dns_server::{TestDns, Zone};
use crate::support::https_server::TestCa;
use crate::support::smtp_personas;
use crate::support::smtp_server::TestSmtp;
use crate::support::temp::TempDir;

mod browser;
mod hostile;

/// Five domains whose counts the tests know: DMARC reject 2, quarantine 1, none 1, missing 1;
/// SPF lookups 1, 12, none, 0, 0; `_spf.provider.example` included by two.
fn zone() -> Zone {
    let mut z = Zone::new();
    z.txt("_spf.provider.example", &["v=spf1 ip4:192.0.2.0/24 -all"]);
    z.txt("a.example", &["v=spf1 include:_spf.provider.example -all"]);
    z.txt(
        "_dmarc.a.example",
        &["v=DMARC1; p=reject; rua=mailto:d@a.example"],
    );
    z.mx("a.example", 10, "mail.a.example");
    z.a("mail.a.example", "127.0.0.1");
    let many: Vec<String> = (1..=11).map(|i| format!("a:h{i}.b.example")).collect();
    let spf = format!(
        "v=spf1 include:_spf.provider.example {} -all",
        many.join(" ")
    );
    z.txt("b.example", &[&spf]);
    for i in 1..=11 {
        z.a(&format!("h{i}.b.example"), "192.0.2.1");
    }
    z.txt("_dmarc.b.example", &["v=DMARC1; p=quarantine"]);
    // No MX and no address for c and d: the probe has nothing to connect to (tests connect
    // only to loopback).
    z.txt("_dmarc.c.example", &["v=DMARC1; p=none"]);
    z.txt("d.example", &["v=spf1 -all"]);
    z.txt("e.example", &["v=spf1 -all"]);
    z.mx("e.example", 0, ".");
    z.txt("_dmarc.e.example", &["v=DMARC1; p=reject"]);
    z
}

/// Runs the real `check` over `domains` and returns its JSON Lines; a.example's MX host is the
/// test SMTP server playing `persona` (certificates from the test CA).
fn check_results(dir: &TempDir, domains: &str, persona: &str) -> PathBuf {
    let ca = TestCa::new("mailaudit test CA");
    let pem = ca.pem_file(dir);
    let smtp = TestSmtp::start(smtp_personas::personality(persona, &ca));
    let dns = TestDns::start(zone());
    let list = dir.write("domains", domains);
    let out = Mailaudit::new()
        .dns(&dns)
        .timeout("1")
        .format("jsonl")
        .arg("check")
        .arg("--domains-file")
        .arg(&list)
        .args(["--selector", "s1", "--jobs", "2"])
        .arg("--ca-file")
        .arg(&pem)
        .args(["--probe-port", &smtp.port().to_string()])
        .run();
    assert!(out.code == 0 || out.code == 1, "{out}");
    dir.write("results.jsonl", out.stdout)
}

fn five(dir: &TempDir) -> PathBuf {
    let domains = "a.example\nb.example\nc.example\nd.example\ne.example\n";
    check_results(dir, domains, "expired")
}

/// `report` over `inputs`, the page parsed; the exit status must be 0.
fn report(inputs: &[&Path], extra: &[&str]) -> Html {
    let out = Mailaudit::new()
        .arg("report")
        .args(inputs)
        .args(extra)
        .args(["--now", "2026-12-06"])
        .run();
    assert_eq!(out.code, 0, "{out}");
    assert!(out.stderr.is_empty(), "{out}");
    page(&out.stdout)
}

fn page(html: &str) -> Html {
    let page = Html::parse_document(html);
    assert!(
        page.errors.is_empty(),
        "HTML parse errors: {:?}",
        page.errors
    );
    page
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    page.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &ElementRef<'_>) -> String {
    element.text().collect::<String>().trim().to_string()
}

fn texts(page: &Html, css: &str) -> Vec<String> {
    select(page, css).iter().map(text).collect()
}

/// Every `src`, `href`, `action` and CSS `url(...)` points inside the page.
pub(super) fn assert_self_contained(page: &Html, html: &str) {
    for element in select(page, "*") {
        for (name, value) in element.value().attrs() {
            match name {
                "src" | "action" | "srcset" | "poster" | "data" => {
                    panic!("external resource {name}={value}")
                }
                "href" => assert!(value.starts_with('#'), "link out of the page: {value}"),
                _ => {}
            }
        }
    }
    assert!(select(page, "link, img, iframe, object, embed").is_empty());
    assert!(!html.contains("url("), "a CSS url() in the page");
    assert!(!html.contains("@import"), "a CSS @import in the page");
}

#[test]
fn many_domains_show_the_numbers_their_results_hold() {
    let dir = TempDir::new("report-many");
    let results = five(&dir);
    let out = Mailaudit::new()
        .arg("report")
        .arg(&results)
        .args(["--now", "2026-12-06"])
        .run();
    assert_eq!(out.code, 0, "{out}");
    let page = page(&out.stdout);
    assert_self_contained(&page, &out.stdout);
    assert_eq!(texts(&page, "head > title"), ["Mail audit: 5 domains"]);

    let cards: Vec<(String, String)> = select(&page, "#summary .card")
        .iter()
        .map(|card| {
            let num = select_in(card, ".num");
            let label = select_in(card, ".label");
            (label, num)
        })
        .collect();
    let card = |label: &str| {
        cards.iter().find(|(l, _)| l == label).map_or_else(
            || panic!("no card {label} in {cards:?}"),
            |(_, n)| n.clone(),
        )
    };
    assert_eq!(card("domains"), "5");
    assert_eq!(card("enforce DMARC (quarantine or reject)"), "3");
    // a (1 lookup), d and e (0) are within the limit; b (12) is not; c has no record.
    assert_eq!(card("SPF within 10 lookups"), "3");

    // The DMARC chart's bars say the counts.
    let dmarc = chart(&page, "DMARC policy");
    for (label, count) in [
        ("reject", 2),
        ("quarantine", 1),
        ("none", 1),
        ("no record", 1),
    ] {
        assert!(
            dmarc.contains(label) && dmarc.contains(&format!("{count} (")),
            "{label} {count} not in the DMARC chart: {dmarc}"
        );
    }
    assert!(chart(&page, "SPF DNS lookups per domain").contains("limit 10"));

    // The include two domains use, and the finding only b has.
    let includes = table_rows(&page, "Most used SPF includes");
    assert_eq!(includes[0][..2], ["_spf.provider.example", "2"]);
    let findings = table_rows(&page, "Most common findings");
    let lookups = findings
        .iter()
        .find(|row| row[1] == "spf-too-many-lookups")
        .expect("spf-too-many-lookups counted");
    assert_eq!(lookups[3], "1");

    // The expired certificate of a.example's MX host.
    let expiring = table_rows(&page, "Certificates expiring within 30 days");
    assert_eq!(expiring.len(), 1, "{expiring:?}");
    assert_eq!(expiring[0][1..3], ["a.example", "mail.a.example"]);
    assert!(expiring[0][0].starts_with('-'), "{expiring:?}");

    // One row and one section per domain, linked; rows carry what the filters read.
    let rows = select(&page, "table#domains tbody tr");
    assert_eq!(rows.len(), 5);
    for row in &rows {
        let a = Selector::parse("a").unwrap();
        let link = row.select(&a).next().unwrap().value().attr("href").unwrap();
        assert_eq!(select(&page, link).len(), 1, "{link} has no section");
    }
    let b = rows
        .iter()
        .find(|r| r.value().attr("data-domain") == Some("b.example"))
        .unwrap();
    assert_eq!(b.value().attr("data-spf"), Some("errors"));
    assert!(
        b.value()
            .attr("data-codes")
            .unwrap()
            .contains(" spf-too-many-lookups ")
    );
    assert_eq!(select(&page, "article.domain").len(), 5);
    // Each code seen is explained once, at the end.
    assert_eq!(select(&page, "#code-spf-too-many-lookups").len(), 1);
}

fn select_in(element: &ElementRef<'_>, css: &str) -> String {
    element
        .select(&Selector::parse(css).unwrap())
        .map(|e| text(&e))
        .next()
        .unwrap_or_default()
}

/// The text of the chart captioned `caption` (its SVG's labels and title).
fn chart(page: &Html, caption: &str) -> String {
    select(page, "figure.chart")
        .into_iter()
        .find(|f| select_in(f, "figcaption") == caption)
        .map_or_else(
            || panic!("no chart {caption}"),
            |f| {
                let svg = f.select(&Selector::parse("svg").unwrap()).next().unwrap();
                let label = svg.value().attr("aria-label").unwrap_or_default();
                format!("{label} {}", svg.text().collect::<Vec<_>>().join(" "))
            },
        )
}

/// The body rows of the table under the heading `heading`, cell by cell.
fn table_rows(page: &Html, heading: &str) -> Vec<Vec<String>> {
    let headings = select(page, "h3");
    let h = headings
        .iter()
        .find(|h| text(h) == heading)
        .unwrap_or_else(|| panic!("no heading {heading}"));
    let table = h
        .next_siblings()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "div")
        .unwrap_or_else(|| panic!("no table under {heading}"));
    table
        .select(&Selector::parse("tbody tr").unwrap())
        .map(|row| {
            row.select(&Selector::parse("td, th").unwrap())
                .map(|c| text(&c))
                .collect()
        })
        .collect()
}

#[test]
fn one_domain_is_its_scorecard_as_a_page() {
    let dir = TempDir::new("report-one");
    let results = check_results(&dir, "b.example\n", "good");
    let json: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&results).unwrap().trim()).unwrap();
    let page = report(&[&results], &[]);
    assert_eq!(texts(&page, "head > title"), ["Mail audit: b.example"]);
    assert!(
        select(&page, "table#domains").is_empty(),
        "no table for one domain"
    );

    // The scorecard the check wrote, area by area.
    let rows: Vec<Vec<String>> = select(&page, "table.scorecard tr")
        .iter()
        .map(|r| {
            let cells = Selector::parse("th, td").unwrap();
            r.select(&cells).map(|c| text(&c)).collect()
        })
        .collect();
    let written = json["scorecard"].as_array().unwrap();
    assert_eq!(rows.len(), written.len());
    for (row, line) in rows.iter().zip(written) {
        assert_eq!(row[0], line["area"].as_str().unwrap());
        assert_eq!(row[1], line["verdict"].as_str().unwrap());
        assert_eq!(row[2], line["facts"].as_str().unwrap_or_default());
    }

    // Each finding with its catalog entry beside it.
    let explained = texts(&page, "li.finding .explain");
    let out = Mailaudit::new()
        .args(["explain", "spf-too-many-lookups"])
        .format("json")
        .run();
    let entry: serde_json::Value = out.json_as();
    assert!(explained.contains(&entry["explanation"].as_str().unwrap().to_string()));

    // The record as published, and the include tree with the lookups per branch.
    let records = texts(&page, "pre.record");
    assert!(
        records
            .iter()
            .any(|r| r.starts_with("v=spf1 include:_spf.provider.example"))
    );
    let terms = texts(&page, "ul.tree code.term");
    assert_eq!(terms[0], "b.example");
    assert!(terms.contains(&"include:_spf.provider.example".to_string()));
    assert!(terms.contains(&"ip4:192.0.2.0/24".to_string()), "{terms:?}");
    let over = texts(&page, "h4 .lookups.over");
    assert_eq!(over, ["12/10 lookups"]);
}

#[test]
fn the_mx_hosts_show_their_tls_and_certificate() {
    let dir = TempDir::new("report-mx");
    let results = check_results(&dir, "a.example\n", "expired");
    let page = report(&[&results], &[]);
    let host = texts(&page, ".host h5");
    assert_eq!(host, ["10 mail.a.example"]);
    let facts = texts(&page, ".host dd");
    assert!(
        facts.iter().any(|f| f.starts_with("STARTTLS, TLSv1.")),
        "{facts:?}"
    );
    let expiry = select(&page, ".host dd.expiry");
    assert_eq!(expiry.len(), 1);
    assert!(expiry[0].value().classes().any(|c| c == "expired"));
}

#[test]
fn a_baseline_adds_what_changed() {
    let dir = TempDir::new("report-baseline");
    let old = check_results(&dir, "a.example\nb.example\n", "good");
    let old = dir.write("old.jsonl", std::fs::read(&old).unwrap());
    let new = check_results(&dir, "a.example\nc.example\n", "expired");
    let page = report(&[&new], &["--baseline", old.to_str().unwrap()]);
    let section = select(&page, "#changes");
    assert_eq!(section.len(), 1);
    let text = text(&section[0]);
    assert!(text.contains("New in this run: c.example"), "{text}");
    assert!(text.contains("No longer in this run: b.example"), "{text}");
    // a.example's certificate expired between the runs.
    assert!(
        texts(&page, "#changes ul.changes li")
            .iter()
            .any(|li| li.contains("new warning smtp-cert-expired")),
        "{text}"
    );
}

#[test]
fn lines_that_are_not_results_are_counted_and_said() {
    let dir = TempDir::new("report-skip");
    let results = five(&dir);
    let mut text = std::fs::read_to_string(&results).unwrap();
    text.push_str(
        "not json\n{\"no\":\"domain\"}\n{\"input\":\"bad..name\",\"error\":\"empty label\"}\n",
    );
    let results = dir.write("mixed.jsonl", text);
    let out = Mailaudit::new()
        .arg("report")
        .arg("-")
        .stdin(std::fs::read(&results).unwrap())
        .run();
    assert_eq!(out.code, 0, "{out}");
    assert!(
        out.stderr.contains("standard input line 6: not JSON"),
        "{out}"
    );
    let page = page(&out.stdout);
    let footer = texts(&page, "footer.page");
    assert!(
        footer[0].contains("2 lines that are not results were skipped"),
        "{footer:?}"
    );
    let not_checked = texts(&page, "#not-checked li");
    assert_eq!(not_checked, ["bad..name: empty label"]);
}

#[test]
fn output_goes_whole_to_the_file_and_errors_exit_2() {
    let dir = TempDir::new("report-output");
    let results = five(&dir);
    let file = dir.path().join("r.html");
    let out = Mailaudit::new()
        .arg("report")
        .arg(&results)
        .arg("--output")
        .arg(&file)
        .run();
    assert_eq!(out.code, 0, "{out}");
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&file).unwrap();
    page(&html);
    // Nothing of the work is left beside it.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') || n.ends_with(".partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    let missing = Mailaudit::new()
        .args(["report", "/nonexistent/results.jsonl"])
        .run();
    assert_eq!(missing.code, 2, "{missing}");
    assert!(
        missing
            .stderr
            .starts_with("mailaudit: cannot read /nonexistent/results.jsonl")
    );
    let unwritable = Mailaudit::new()
        .arg("report")
        .arg(&results)
        .args(["--output", "/nonexistent/dir/r.html"])
        .run();
    assert_eq!(unwritable.code, 2, "{unwritable}");
    assert!(unwritable.stderr.contains("cannot write"), "{unwritable}");
    let twice = Mailaudit::new().args(["report", "-", "-"]).run();
    assert_eq!(twice.code, 2, "{twice}");
}

#[test]
fn a_bound_lists_the_worst_domains_and_counts_every_one() {
    let dir = TempDir::new("report-max");
    let results = five(&dir);
    let all = report(&[&results], &[]);
    // Each listed domain's name, errors and warnings, in the table's order (the input's).
    let counts = |page: &Html| -> Vec<(String, u64, u64)> {
        select(page, "table#domains tbody tr")
            .iter()
            .map(|row| {
                let cells: Vec<String> = row
                    .select(&Selector::parse("td").unwrap())
                    .map(|c| text(&c))
                    .collect();
                let n = cells.len();
                let number = |i: usize| cells[i].parse::<u64>().unwrap();
                (cells[0].clone(), number(n - 2), number(n - 1))
            })
            .collect()
    };
    let all = counts(&all);
    // The most errors, then warnings, then the first in the input; listed in input order.
    let mut worst: Vec<usize> = (0..all.len()).collect();
    worst.sort_by_key(|&i| (std::cmp::Reverse((all[i].1, all[i].2)), i));
    let mut expected: Vec<usize> = worst[..2].to_vec();
    expected.sort_unstable();
    let expected: Vec<(String, u64, u64)> = expected.iter().map(|&i| all[i].clone()).collect();
    let bounded = report(&[&results], &["--max-domains", "2"]);
    assert_eq!(counts(&bounded), expected);
    assert_eq!(select(&bounded, "article.domain").len(), 2);
    let note = texts(&bounded, "#domain-list p.note");
    assert!(
        note[0].starts_with("The 2 domains with the most errors"),
        "{note:?}"
    );
    // The summary still counts all five.
    assert_eq!(texts(&bounded, "head > title"), ["Mail audit: 5 domains"]);
}

/// The example zone's `check --no-probe example.com`, as the README shows it.
fn example_results(dir: &TempDir) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Mailaudit::new()
        .zone(root.join("examples/example.com.zone"))
        .format("jsonl")
        .args(["check", "--no-probe", "example.com"])
        .run();
    dir.write("example.jsonl", &out.stdout)
}

#[test]
fn hosts_not_probed_say_so() {
    let dir = TempDir::new("report-no-probe");
    let results = example_results(&dir);
    let page = report(&[&results], &[]);
    assert_eq!(texts(&page, ".host h5"), ["10 mail.example.com"]);
    let said = texts(&page, ".host p");
    assert_eq!(said, ["192.0.2.25", "not probed (check --no-probe)"]);
}
