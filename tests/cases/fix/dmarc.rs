//! `fix` on DMARC records that get tags wrong: each tag judged by the linter on its own, the
//! record's intent kept where the linter accepts it.

use super::{MAIL, SPF, converges, fixing};

fn with_dmarc(record: &str) -> String {
    format!("{MAIL}{SPF}_dmarc.example.com. 3600 IN TXT \"{record}\"\n")
}

#[test]
fn duplicates_unknown_tags_invalid_values_and_report_uris_are_put_right() {
    let zone = with_dmarc(
        "v=DMARC1; p=reject; p=none; foo=bar; adkim=x; aspf=s; \
         rua=https://x.example/r,mailto:a@example.com,mailto:b@example.com,mailto:c@example.com",
    );
    let changes = converges(&zone, &[]);
    let change = fixing(&changes, "dmarc-unknown-tag");
    assert_eq!(
        change.new,
        ["\"v=DMARC1; p=reject; aspf=s; rua=mailto:a@example.com,mailto:b@example.com\""]
    );
    for code in [
        "dmarc-duplicate-tag",
        "dmarc-invalid-value",
        "dmarc-report-uri-not-mailto",
        "dmarc-too-many-report-uris",
    ] {
        assert!(change.fixes.iter().any(|c| c == code), "{code}: {change:?}");
    }
}

#[test]
fn a_missing_or_invalid_policy_becomes_none_and_leads() {
    let changes = converges(
        &with_dmarc("v=DMARC1; rua=mailto:a@example.com; adkim=s"),
        &[],
    );
    assert_eq!(
        fixing(&changes, "dmarc-policy-missing").new,
        ["\"v=DMARC1; p=none; rua=mailto:a@example.com; adkim=s\""]
    );
    let changes = converges(
        &with_dmarc("v=DMARC1; p=bogus; rua=mailto:a@example.com,mailto:nobody"),
        &[],
    );
    assert_eq!(
        fixing(&changes, "dmarc-invalid-value").new,
        ["\"v=DMARC1; p=none; rua=mailto:a@example.com\""]
    );
}
