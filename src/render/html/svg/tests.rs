//! Tests shared by the charts: hostile labels, well-formed output, nothing external.

use super::*;

pub(super) fn bar(label: &str, value: u64, class: &'static str) -> Bar {
    Bar {
        label: label.to_string(),
        value,
        class,
    }
}

pub(super) fn segment(label: &'static str, value: u64, class: &'static str) -> Segment {
    Segment {
        label,
        value,
        class,
    }
}

/// The shares written as "N (P%)" in `svg`, in tenths of a per cent ("<0.1%" counts as 0).
pub(super) fn shares(svg: &str) -> Vec<u64> {
    let mut pieces: Vec<&str> = svg.split("%)</text>").collect();
    pieces.pop();
    pieces
        .iter()
        .map(|before| {
            let (_, share) = before.rsplit_once(" (").unwrap();
            let share = share.trim_start_matches("&lt;");
            match share.split_once('.') {
                Some((whole, tenth)) => {
                    whole.parse::<u64>().unwrap() * 10 + tenth.parse::<u64>().unwrap()
                }
                None => share.parse::<u64>().unwrap() * 10,
            }
        })
        .collect()
}

/// Asserts `svg` is one balanced `<svg>` element in which every tag closes, every attribute
/// value is quoted, every `&` starts a known reference, no markup character stands bare in
/// text, and nothing points outside the chart.
pub(super) fn well_formed(svg: &str) {
    for banned in [
        "href",
        "url(",
        "http",
        "<script",
        "javascript",
        "style=",
        "fill=\"#",
    ] {
        assert!(!svg.contains(banned), "{banned} in {svg}");
    }
    assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"), "{svg}");
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    let mut roots = 0;
    while let Some(open) = rest.find('<') {
        text_is_clean(&rest[..open], svg);
        rest = &rest[open + 1..];
        let end = tag_end(rest, svg);
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "unbalanced </{name}> in {svg}");
            continue;
        }
        let name = tag.split([' ', '/']).next().unwrap();
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()),
            "{tag}"
        );
        if stack.is_empty() {
            roots += 1;
        }
        if !tag.ends_with('/') {
            stack.push(name);
        }
    }
    text_is_clean(rest, svg);
    assert!(stack.is_empty(), "unclosed {stack:?} in {svg}");
    assert_eq!(roots, 1, "{svg}");
}

/// Where the tag starting at `tag` ends (its `>`), checking its attributes are quoted.
fn tag_end(tag: &str, svg: &str) -> usize {
    let mut quoted = false;
    for (at, c) in tag.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '<' => panic!("bare < in a tag of {svg}"),
            '>' if quoted => panic!("bare > in an attribute of {svg}"),
            '\'' if !quoted => panic!("single-quoted attribute in {svg}"),
            '>' => return at,
            _ => {}
        }
        if quoted && c == '&' {
            reference(&tag[at..], svg);
        }
    }
    panic!("unterminated tag in {svg}");
}

fn text_is_clean(text: &str, svg: &str) {
    assert!(!text.contains('>'), "bare > in text of {svg}");
    for (at, _) in text.match_indices('&') {
        reference(&text[at..], svg);
    }
}

fn reference(at: &str, svg: &str) {
    assert!(
        ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
            .iter()
            .any(|r| at.starts_with(r)),
        "bare & in {svg}"
    );
}

const HOSTILE: &str = "<script>alert(1)</script>\"'&x\u{1b}[31m\u{202e}";

/// The charts with a hostile string in every place text can go.
fn hostile_charts() -> Vec<String> {
    vec![
        bar_chart(HOSTILE, &[bar(HOSTILE, 3, "c-ok"), bar("b", 1, "c-errors")]),
        bar_chart(HOSTILE, &[]),
        stacked_rows(
            HOSTILE,
            &[(
                HOSTILE.to_string(),
                vec![
                    segment("<b>ok</b>", 2, "c-ok"),
                    segment("x\"y", 1, "c-none"),
                ],
            )],
        ),
        stacked_rows(HOSTILE, &[(HOSTILE.to_string(), vec![])]),
        histogram(
            HOSTILE,
            &[(HOSTILE.to_string(), 4), ("1".to_string(), 2)],
            Some(1),
            HOSTILE,
        ),
        histogram(HOSTILE, &[], None, HOSTILE),
    ]
}

#[test]
fn tiny_shares_are_escaped_everywhere() {
    let charts = [
        bar_chart("t", &[bar("a", 1, "c-ok"), bar("b", 100_000, "c-ok")]),
        stacked_rows(
            "t",
            &[(
                "r".to_string(),
                vec![segment("a", 1, "c-ok"), segment("b", 100_000, "c-none")],
            )],
        ),
        histogram(
            "t",
            &[("a".to_string(), 1), ("b".to_string(), 100_000)],
            None,
            "",
        ),
    ];
    for svg in charts {
        well_formed(&svg);
        assert!(svg.contains("(&lt;0.1%)"), "{svg}");
        assert!(!svg.contains("<0.1%"), "{svg}");
    }
}

#[test]
fn hostile_labels_appear_only_escaped() {
    for svg in hostile_charts() {
        well_formed(&svg);
        assert!(!svg.contains("<script") && !svg.contains("<b>"), "{svg}");
        assert!(
            svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{svg}"
        );
        assert!(
            !svg.contains('\u{1b}') && !svg.contains('\u{202e}'),
            "{svg}"
        );
        assert!(svg.contains("\\x1b[31m"), "{svg}");
    }
}

#[test]
fn charts_have_an_accessible_summary_and_scale_to_their_box() {
    for svg in hostile_charts() {
        assert!(
            svg.starts_with("<svg class=\"chart-svg\" viewBox=\"0 0 420 "),
            "{svg}"
        );
        assert!(
            svg.contains(" width=\"100%\" role=\"img\" aria-label=\"&lt;script&gt;"),
            "{svg}"
        );
        assert!(svg.contains("<title>&lt;script&gt;"), "{svg}");
        assert!(!svg.contains(" height=\"100%\""));
    }
}

#[test]
fn long_labels_are_clipped_where_drawn() {
    let long = "a".repeat(10_000);
    let svg = bar_chart("t", &[bar(&long, 1, "c-ok")]);
    well_formed(&svg);
    assert!(
        svg.contains(&format!(">{}…</text>", "a".repeat(LABEL_CHARS - 1))),
        "{svg}"
    );
    assert!(svg.len() < 2_000, "{}", svg.len());
}

#[test]
fn output_is_deterministic() {
    assert_eq!(hostile_charts(), hostile_charts());
}

#[test]
fn lengths_and_shares_are_written_without_floats() {
    assert_eq!(D(0).to_string(), "0");
    assert_eq!(D(125).to_string(), "12.5");
    assert_eq!(D(4800).to_string(), "480");
    assert_eq!(share(0, 0), "0%");
    assert_eq!(share(1, 3), "33%");
    assert_eq!(share(2, 3), "67%");
    assert_eq!(share(1, 1), "100%");
    assert_eq!(share(1, 10), "10%");
    assert_eq!(share(999, 10_000), "10%");
    assert_eq!(share(994, 10_000), "9.9%");
    assert_eq!(share(5, 10_000), "0.1%");
    assert_eq!(share(4, 10_000), "<0.1%");
    assert_eq!(share(u64::MAX, u128::from(u64::MAX)), "100%");
}

const STYLESHEET: &str = include_str!("../assets/report.css");
const SCRIPT: &str = include_str!("../assets/report.js");

#[test]
fn the_stylesheet_styles_every_class_the_charts_use() {
    let mut charts = hostile_charts();
    charts.push(bar_chart(
        "t",
        &[bar("a", 1, "c-warnings"), bar("b", 2, "c-neutral")],
    ));
    charts.push(histogram("t", &[("a".to_string(), 1)], Some(0), "limit"));
    charts.push(stacked_rows(
        "t",
        &[("r".to_string(), vec![segment("x", 0, "c-ok")])],
    ));
    let mut classes: Vec<&str> = ["c-notes", "c-unfinished"].to_vec();
    for svg in &charts {
        classes.extend(
            svg.split("class=\"")
                .skip(1)
                .map(|rest| rest.split('"').next().unwrap()),
        );
    }
    for class in classes {
        let rule = format!(".{class} {{");
        assert!(
            STYLESHEET.contains(&rule),
            "report.css has no rule for .{class}"
        );
    }
}

#[test]
fn the_page_assets_fetch_nothing() {
    for banned in ["url(", "@import", "@font-face", "http:", "https:", "//cdn"] {
        assert!(!STYLESHEET.contains(banned), "{banned} in report.css");
    }
    for banned in [
        "fetch(",
        "XMLHttpRequest",
        "eval(",
        "new Function",
        "import(",
        "innerHTML",
    ] {
        assert!(!SCRIPT.contains(banned), "{banned} in report.js");
    }
    assert!(SCRIPT.contains("'use strict'"));
    let light = STYLESHEET.split("@media").next().unwrap();
    for (name, colour) in [
        ("ok", "#2e7d32"),
        ("notes", "#00838f"),
        ("none", "#607d8b"),
        ("warnings", "#e65100"),
        ("errors", "#c62828"),
        ("unfinished", "#8e24aa"),
        ("neutral", "#1565c0"),
    ] {
        assert!(light.contains(&format!("--{name}: {colour};")), "--{name}");
        assert!(
            STYLESHEET.contains(&format!(".c-{name} {{ fill: var(--{name}); }}")),
            "c-{name}"
        );
    }
    assert!(STYLESHEET.contains("prefers-color-scheme: dark"));
}
