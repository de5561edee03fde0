//! `fix` on SPF trees: several records merged, `ptr` replaced or left to a person, dead
//! includes and void terms removed, and more than 10 lookups brought to 10 by replacing `a`/`mx`
//! terms and flattening includes (`--keep` protects one) — each checked for convergence.

use std::fmt::Write as _;

use super::{DMARC, MAIL, converges, fix, fixing};
use crate::support::temp::TempDir;

/// `MAIL` and `DMARC`, the domain's SPF record `spf`, and `more` zone lines.
fn zone(spf: &str, more: &str) -> String {
    format!("{MAIL}{DMARC}example.com. 3600 IN TXT \"{spf}\"\n{more}")
}

/// ` include:sN.example.net` for each N of `range`, and their records of one address each.
fn includes(range: std::ops::RangeInclusive<u8>) -> (String, String) {
    let (mut terms, mut records) = (String::new(), String::new());
    for n in range {
        let _ = write!(terms, " include:s{n}.example.net");
        let _ = writeln!(
            records,
            "s{n}.example.net. 3600 IN TXT \"v=spf1 ip4:198.51.100.{n} -all\""
        );
    }
    (terms, records)
}

#[test]
fn several_records_are_merged_and_other_txt_records_kept() {
    let zone = format!(
        "{MAIL}{DMARC}example.com. 3600 IN TXT \"v=spf1 mx ~all\"\n\
         example.com. 3600 IN TXT \"v=spf1 include:_spf.example.net mx -all\"\n\
         example.com. 3600 IN TXT \"site-verification=abc\"\n\
         _spf.example.net. 3600 IN TXT \"v=spf1 ip4:198.51.100.0/24 -all\"\n"
    );
    let changes = converges(&zone, &[]);
    let change = fixing(&changes, "spf-multiple-records");
    assert_eq!(change.old.len(), 3, "{change:?}");
    assert_eq!(
        change.new,
        [
            "\"site-verification=abc\"",
            "\"v=spf1 mx include:_spf.example.net -all\""
        ]
    );
}

#[test]
fn ptr_is_replaced_by_the_confirmed_addresses() {
    let zone = zone(
        "v=spf1 ptr -all",
        "25.2.0.192.in-addr.arpa. 3600 IN PTR mail.example.com.\n",
    );
    let changes = converges(&zone, &[]);
    assert_eq!(
        fixing(&changes, "spf-ptr").new,
        ["\"v=spf1 ip4:192.0.2.25 -all\""]
    );
}

#[test]
fn ptr_without_a_confirmed_address_is_manual_work() {
    let dir = TempDir::new("fix-ptr");
    let (changes, _) = fix(&dir, &zone("v=spf1 ptr -all", ""), &[]);
    let manual = changes.manual.iter().find(|m| m.code == "spf-ptr");
    assert!(
        manual.is_some_and(|m| m.why.contains("PTR name")),
        "{changes:?}"
    );
    assert!(
        changes
            .changes
            .iter()
            .all(|c| c.fixes.iter().all(|f| f != "spf-ptr"))
    );
}

#[test]
fn an_include_without_a_record_is_removed() {
    let changes = converges(&zone("v=spf1 mx include:gone.example.net -all", ""), &[]);
    assert_eq!(
        fixing(&changes, "spf-target-no-record").new,
        ["\"v=spf1 mx -all\""]
    );
}

#[test]
fn void_terms_are_removed_when_there_are_too_many() {
    let spf = "v=spf1 a:v1.example.com a:v2.example.com mx a:v3.example.com -all";
    let changes = converges(&zone(spf, ""), &[]);
    assert_eq!(
        fixing(&changes, "spf-too-many-void-lookups").new,
        ["\"v=spf1 mx -all\""]
    );
}

#[test]
fn a_host_is_replaced_by_its_networks_first() {
    let (terms, records) = includes(1..=9);
    let spf = format!("v=spf1 a:relay.example.com mx{terms} -all");
    let more = format!("relay.example.com. 3600 IN A 192.0.2.30\n{records}");
    let changes = converges(&zone(&spf, &more), &[]);
    assert_eq!(
        fixing(&changes, "spf-too-many-lookups").new,
        [format!("\"v=spf1 ip4:192.0.2.30 mx{terms} -all\"")]
    );
}

#[test]
fn the_include_that_saves_most_is_flattened_unless_kept() {
    let (terms, records) = includes(1..=8);
    let spf = format!("v=spf1 mx include:big.example.net{terms} -all");
    let more = format!(
        "big.example.net. 3600 IN TXT \"v=spf1 include:b1.example.net include:b2.example.net ~all\"\n\
         b1.example.net. 3600 IN TXT \"v=spf1 ip4:203.0.113.0/25 -all\"\n\
         b2.example.net. 3600 IN TXT \"v=spf1 ip6:2001:db8:1::/48 -all\"\n{records}"
    );
    let zone = zone(&spf, &more);
    let changes = converges(&zone, &[]);
    let change = fixing(&changes, "spf-too-many-lookups");
    assert_eq!(
        change.new,
        [format!(
            "\"v=spf1 ip4:192.0.2.25 ip4:203.0.113.0/25 ip6:2001:db8:1::/48{terms} -all\""
        )]
    );
    assert!(change.why.contains("snapshot"), "{change:?}");
    let kept = converges(&zone, &["--keep", "big.example.net"]);
    let (rest, _) = includes(2..=8);
    assert_eq!(
        fixing(&kept, "spf-too-many-lookups").new,
        [format!(
            "\"v=spf1 ip4:192.0.2.25 include:big.example.net ip4:198.51.100.1{rest} -all\""
        )]
    );
}

#[test]
fn an_include_with_exists_inside_is_not_flattened() {
    let (terms, records) = includes(1..=10);
    let spf = format!("v=spf1 include:x.example.net{terms} -all");
    let more = format!(
        "x.example.net. 3600 IN TXT \"v=spf1 exists:%{{i}}.x.example.net include:s1.example.net \
         include:s2.example.net -all\"\n{records}"
    );
    let changes = converges(&zone(&spf, &more), &[]);
    let (rest, _) = includes(5..=10);
    assert_eq!(
        fixing(&changes, "spf-too-many-lookups").new,
        [format!(
            "\"v=spf1 include:x.example.net ip4:198.51.100.1 ip4:198.51.100.2 \
             ip4:198.51.100.3 ip4:198.51.100.4{rest} -all\""
        )]
    );
}

#[test]
fn ptr_is_manual_while_empty_includes_are_flattened_away() {
    let (mut terms, mut records) = (String::new(), String::new());
    for n in 1..=11 {
        let _ = write!(terms, " include:s{n}.example.net");
        let _ = writeln!(records, "s{n}.example.net. 3600 IN TXT \"v=spf1 -all\"");
    }
    let zone = zone(&format!("v=spf1 ptr{terms} -all"), &records);
    let changes = converges(&zone, &[]);
    assert!(
        changes.manual.iter().any(|m| m.code == "spf-ptr"),
        "{changes:?}"
    );
    let change = fixing(&changes, "spf-too-many-lookups");
    // Each include stands for no network and saves one lookup: the first two go.
    let kept: String = (3..=11).fold(String::new(), |mut out, n| {
        let _ = write!(out, " include:s{n}.example.net");
        out
    });
    assert_eq!(change.new, [format!("\"v=spf1 ptr{kept} -all\"")]);
}

#[test]
fn a_merge_over_ten_lookups_is_brought_under_them_too() {
    let (first, records) = includes(1..=11);
    let (second, _) = includes(7..=11);
    let first = first.replace(&second, "");
    let zone = format!(
        "{MAIL}{DMARC}example.com. 3600 IN TXT \"v=spf1 mx{first} -all\"\n\
         example.com. 3600 IN TXT \"v=spf1{second} a:relay.example.com ~all\"\n\
         relay.example.com. 3600 IN A 192.0.2.30\n{records}"
    );
    let changes = converges(&zone, &[]);
    let change = fixing(&changes, "spf-multiple-records");
    assert_eq!(
        change.fixes,
        ["spf-multiple-records", "spf-too-many-lookups"]
    );
    let (rest, _) = includes(2..=11);
    // Longer than 255 bytes: published as two strings, joined here.
    assert_eq!(change.new.len(), 1, "{change:?}");
    assert_eq!(
        change.new[0].replace("\" \"", ""),
        format!("\"v=spf1 ip4:192.0.2.25 ip4:198.51.100.1{rest} ip4:192.0.2.30 -all\"")
    );
}

#[test]
fn an_include_the_domain_already_makes_is_collapsed() {
    let zone = zone(
        "v=spf1 include:p.example.net include:_spf.example.com -all",
        "_spf.example.com. 3600 IN TXT \"v=spf1 include:p.example.net ip4:192.0.2.9 -all\"\n\
         p.example.net. 3600 IN TXT \"v=spf1 ip4:198.51.100.0/24 -all\"\n",
    );
    let changes = converges(&zone, &[]);
    let change = fixing(&changes, "spf-duplicate-include");
    assert_eq!(change.name, "_spf.example.com.");
    assert_eq!(change.new, ["\"v=spf1 ip4:192.0.2.9 -all\""]);
}

#[test]
fn spf_missing_without_mx_records_names_the_domains_own_address() {
    let zone = "example.com. 3600 IN A 192.0.2.80\n\
                _dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com\"\n";
    let changes = converges(zone, &[]);
    assert_eq!(fixing(&changes, "spf-missing").new, ["\"v=spf1 a -all\""]);
}
