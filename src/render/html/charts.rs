//! The summary of many domains as the page shows it: the cards at the top, the charts (inline
//! SVG), and the tables beside them, made from the counts `summary` kept.

use std::collections::HashMap;

use super::domain::{AREAS, DmarcPolicy};
use super::page::{AreaRow, Card, Chart, CommonCode, SummaryBlock};
use super::summary::{EXPIRY_DAYS, SPF_BINS, STATUSES, Summary};
use super::svg::{self, Bar, Segment};
use super::tree::LOOKUP_LIMIT;

/// The rows of the "most used" tables.
const TOP: usize = 15;
/// The most common findings listed.
const TOP_CODES: usize = 20;

/// "1 thing", "2 things".
fn plural(n: u64, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// `n` of `total` as a share, one decimal.
pub fn share(n: u64, total: u64) -> String {
    if total == 0 {
        return String::new();
    }
    #[allow(clippy::cast_precision_loss)]
    let percent = n as f64 * 100.0 / total as f64;
    format!("{percent:.1}%")
}

pub fn summary_block(s: &Summary, changes: bool) -> SummaryBlock {
    let not_asked = STATUSES.len() - 1;
    let area_rows: Vec<AreaRow> = AREAS
        .iter()
        .zip(s.areas)
        .filter(|(_, counts)| counts.iter().sum::<u64>() > counts[not_asked])
        .map(|(area, counts)| AreaRow {
            name: area.0,
            counts: counts[..not_asked].to_vec(),
        })
        .collect();
    let common = s
        .common_codes()
        .into_iter()
        .take(TOP_CODES)
        .map(|(code, count)| CommonCode {
            summary: crate::catalog::find(&code).map_or("", |c| c.entry().summary),
            share: share(count.domains, s.domains),
            domains: count.domains,
            severity: count.severity,
            code,
        })
        .collect();
    let includes = Summary::top(&s.includes, TOP)
        .into_iter()
        .map(|(name, n)| (name, n, share(n, s.domains)))
        .collect();
    SummaryBlock {
        changes,
        cards: cards(s),
        charts: charts(s, &area_rows),
        statuses: STATUSES[..not_asked].to_vec(),
        area_rows,
        common,
        includes,
        includes_capped: s.includes_capped,
        probed: s.probed_domains > 0,
        expiry_days: EXPIRY_DAYS,
        expiring: s.expiring(),
        expiring_total: s.expiring_total,
    }
}

fn card(num: u64, label: &str, share: String) -> Card {
    Card {
        num: num.to_string(),
        label: label.to_string(),
        share,
    }
}

fn cards(s: &Summary) -> Vec<Card> {
    let enforcing = s.dmarc[0] + s.dmarc[1];
    let with_spf = s.domains - s.spf_none;
    let within: u64 = s.spf_lookups[..=usize::try_from(LOOKUP_LIMIT).unwrap_or(10)]
        .iter()
        .sum();
    let mut cards = vec![
        card(s.domains, "domains", String::new()),
        card(
            s.with_errors,
            "with errors",
            share(s.with_errors, s.domains),
        ),
        card(
            s.with_warnings,
            "with warnings only",
            share(s.with_warnings, s.domains),
        ),
        card(
            enforcing,
            "enforce DMARC (quarantine or reject)",
            share(enforcing, s.domains),
        ),
        card(within, "SPF within 10 lookups", share(within, with_spf)),
    ];
    if s.probed_domains > 0 {
        let label = format!("MX certificates expiring within {EXPIRY_DAYS} days");
        cards.push(card(s.expiring_total, &label, String::new()));
    }
    if s.incomplete > 0 {
        cards.push(card(
            s.incomplete,
            "not audited in full",
            share(s.incomplete, s.domains),
        ));
    }
    cards
}

fn charts(s: &Summary, area_rows: &[AreaRow]) -> Vec<Chart> {
    const CLASSES: [&str; 5] = ["c-ok", "c-none", "c-warnings", "c-errors", "c-unfinished"];
    let rows: Vec<(String, Vec<Segment>)> = area_rows
        .iter()
        .map(|row| {
            let segments = row
                .counts
                .iter()
                .zip(STATUSES)
                .zip(CLASSES)
                .map(|((value, label), class)| Segment {
                    label,
                    value: *value,
                    class,
                })
                .collect();
            (row.name.to_string(), segments)
        })
        .collect();
    let mut charts = vec![Chart {
        caption: "Verdicts by area".into(),
        svg: svg::stacked_rows("Verdicts by area", &rows),
        note: String::new(),
    }];
    charts.push(dmarc_chart(s));
    charts.push(spf_chart(s));
    if !s.dkim_keys.is_empty() {
        let bars = bars(&s.dkim_keys, key_class);
        charts.push(Chart {
            caption: "DKIM keys found".into(),
            svg: svg::bar_chart("DKIM keys by type and size", &bars),
            note: String::new(),
        });
    }
    if !s.tls.is_empty() {
        let bars = bars(&s.tls, tls_class);
        charts.push(Chart {
            caption: "What the MX hosts offered".into(),
            svg: svg::bar_chart("MX endpoints by TLS version", &bars),
            note: plural(bars.iter().map(|b| b.value).sum(), "probed endpoint"),
        });
    }
    charts
}

/// The largest counts of a table as bars, each coloured as `class` says.
fn bars(table: &HashMap<String, u64>, class: fn(&str) -> &'static str) -> Vec<Bar> {
    Summary::top(table, TOP)
        .into_iter()
        .map(|(label, value)| Bar {
            class: class(&label),
            label,
            value,
        })
        .collect()
}

fn dmarc_chart(s: &Summary) -> Chart {
    const CLASSES: [&str; 5] = ["c-ok", "c-notes", "c-warnings", "c-errors", "c-unfinished"];
    let bars: Vec<Bar> = DmarcPolicy::ALL
        .iter()
        .zip(s.dmarc)
        .zip(CLASSES)
        .map(|((policy, value), class)| Bar {
            label: policy.label().to_string(),
            value,
            class,
        })
        .collect();
    Chart {
        caption: "DMARC policy".into(),
        svg: svg::bar_chart("Domains by DMARC policy", &bars),
        note: String::new(),
    }
}

fn spf_chart(s: &Summary) -> Chart {
    let bins: Vec<(String, u64)> = s
        .spf_lookups
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let label = if i == SPF_BINS - 1 {
                format!("{i}+")
            } else {
                i.to_string()
            };
            (label, *n)
        })
        .collect();
    let limit = usize::try_from(LOOKUP_LIMIT).unwrap_or(10);
    Chart {
        caption: "SPF DNS lookups per domain".into(),
        svg: svg::histogram(
            "Domains by SPF lookup count",
            &bins,
            Some(limit + 1),
            "limit 10",
        ),
        note: match s.spf_none {
            0 => String::new(),
            1 => "1 domain has no SPF record to count".into(),
            n => format!("{n} domains have no SPF record to count"),
        },
    }
}

/// RSA under 1024 bits fails (RFC 8301), 1024 is weak, larger and Ed25519 are fine.
fn key_class(kind: &str) -> &'static str {
    match kind.strip_prefix("rsa-").map(str::parse::<u32>) {
        Some(Ok(bits)) if bits < 1024 => "c-errors",
        Some(Ok(bits)) if bits < 2048 => "c-warnings",
        Some(Ok(_)) | None if kind != "unknown" => "c-ok",
        _ => "c-neutral",
    }
}

fn tls_class(kind: &str) -> &'static str {
    match kind {
        "TLSv1.3" | "TLSv1.2" => "c-ok",
        "no STARTTLS" | "TLS failed" => "c-errors",
        "not connected" => "c-unfinished",
        _ => "c-warnings",
    }
}
