//! Stacked rows: one full-width bar per row split into segments by share (e.g. per area: ok,
//! notes, none, warnings, errors, unfinished), with a legend of the segments below.

use std::fmt::Write;

use super::{
    D, LABEL_CHARS, MAX_ITEMS, TITLE_CHARS, WIDTH, clip, escape, label_column, no_data, open,
    scale, share, sum, text_width,
};

/// One part of a row: what it counts, how many, and its fill class (`c-ok` … `c-neutral`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub label: &'static str,
    pub value: u64,
    pub class: &'static str,
}

/// Height of a row and of the bar in it, in tenths.
const ROW: u64 = 240;
const BAR: u64 = 160;
/// Space above the first row, and between the last row and the legend.
const PAD: u64 = 40;
/// Height of a legend line, and the side of its colour swatch.
const LEGEND_ROW: u64 = 200;
const SWATCH: u64 = 100;
/// A segment at least this wide (in tenths) carries its share written inside it.
const INSIDE_TEXT: u64 = 400;

/// One bar per row, 100% wide, its segments in the order given with their share of the row;
/// the row's label on the left; below, a legend of the segment labels that count anything in
/// any row. Each segment's hover title says "label: N (P%)". At most [`MAX_ITEMS`] rows (and
/// segments in a row); nothing to draw gives a small chart saying "no data".
///
/// [`MAX_ITEMS`]: super::MAX_ITEMS
pub fn stacked_rows(title: &str, rows: &[(String, Vec<Segment>)]) -> String {
    let rows: Vec<(&str, &[Segment])> = rows
        .iter()
        .take(MAX_ITEMS)
        .map(|(label, segments)| (label.as_str(), &segments[..segments.len().min(MAX_ITEMS)]))
        .collect();
    if rows
        .iter()
        .all(|(_, segments)| segments.iter().all(|s| s.value == 0))
    {
        return no_data(title);
    }
    let label_w = label_column(rows.iter().map(|(label, _)| *label));
    let legend = legend(&rows);
    let lines = legend_lines(&legend, label_w);
    let count = u64::try_from(rows.len()).unwrap_or(0);
    let legend_y = PAD + count * ROW + PAD;
    let height = legend_y + lines * LEGEND_ROW + PAD;

    let mut out = String::new();
    open(&mut out, height, title, &summary(title, &rows));
    let mut y = PAD;
    for (label, segments) in &rows {
        let _ = write!(
            out,
            "<text class=\"t\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            D(label_w - 80),
            D(y + 120),
            escape::html(&clip(label, LABEL_CHARS)),
        );
        row(&mut out, segments, label_w, y);
        y += ROW;
    }
    draw_legend(&mut out, &legend, label_w, legend_y);
    out.push_str("</svg>");
    out
}

/// One row's segments, side by side from `x` to the right edge, at height `y`.
fn row(out: &mut String, segments: &[Segment], x: u64, y: u64) {
    let span = WIDTH.saturating_sub(x + 80);
    let total = sum(segments.iter().map(|s| s.value));
    if total == 0 {
        let _ = write!(
            out,
            "<rect class=\"c-track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"/>\
             <text class=\"t-muted\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">no data</text>",
            D(x),
            D(y),
            D(span),
            D(BAR),
            D(x + span / 2),
            D(y + 120),
        );
        return;
    }
    // Each edge is placed from the running total, so the segments tile the row exactly.
    let mut counted: u128 = 0;
    let mut left = x;
    for segment in segments.iter().filter(|s| s.value > 0) {
        counted += u128::from(segment.value);
        let right = x + scale(counted, total, span);
        let width = right - left;
        let share = share(segment.value, total);
        let written = escape::html(&share);
        let _ = write!(
            out,
            "<g><title>{}: {} ({written})</title>\
             <rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            escape::html(&clip(segment.label, TITLE_CHARS)),
            segment.value,
            escape::html(segment.class),
            D(left),
            D(y),
            D(width),
            D(BAR),
        );
        if width >= INSIDE_TEXT.max(text_width(share.len()) + 40) {
            let _ = write!(
                out,
                "<text class=\"t-on\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                D(left + width / 2),
                D(y + 120),
                written,
            );
        }
        out.push_str("</g>");
        left = right;
    }
}

/// The segments that count something in some row, each once (by label), in the order the rows
/// list them (a label's first place in any row, zeros included, so a row that lacks one early
/// label does not reorder the legend).
fn legend<'a>(rows: &[(&str, &'a [Segment])]) -> Vec<&'a Segment> {
    let mut order: Vec<&Segment> = Vec::new();
    for segment in rows.iter().flat_map(|(_, segments)| segments.iter()) {
        match order.iter_mut().find(|seen| seen.label == segment.label) {
            // The entry shows the first class that counted something under the label.
            Some(seen) if seen.value == 0 && segment.value > 0 => *seen = segment,
            Some(_) => {}
            None => order.push(segment),
        }
    }
    order.retain(|segment| segment.value > 0);
    order
}

/// The width of a legend entry (swatch, gap, label, gap after), in tenths.
fn entry_width(segment: &Segment) -> u64 {
    SWATCH + 60 + text_width(clip(segment.label, LABEL_CHARS).chars().count()) + 160
}

/// How many lines the legend takes when it starts at `x` and wraps at the right edge.
fn legend_lines(legend: &[&Segment], x: u64) -> u64 {
    let mut lines = 0;
    let mut at = WIDTH;
    for segment in legend {
        let width = entry_width(segment);
        if at + width > WIDTH && at > x {
            lines += 1;
            at = x;
        }
        at += width;
    }
    lines
}

fn draw_legend(out: &mut String, legend: &[&Segment], x: u64, y: u64) {
    let (mut at, mut line_y) = (x, y);
    for segment in legend {
        let width = entry_width(segment);
        if at + width > WIDTH && at > x {
            at = x;
            line_y += LEGEND_ROW;
        }
        let _ = write!(
            out,
            "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"/>\
             <text class=\"t-muted\" x=\"{}\" y=\"{}\">{}</text>",
            escape::html(segment.class),
            D(at),
            D(line_y + 10),
            D(SWATCH),
            D(SWATCH),
            D(at + SWATCH + 60),
            D(line_y + SWATCH),
            escape::html(&clip(segment.label, LABEL_CHARS)),
        );
        at += width;
    }
}

/// The chart in words: "title: row: label N (P%), label N (P%); row: …".
fn summary(title: &str, rows: &[(&str, &[Segment])]) -> String {
    let rows: Vec<String> = rows
        .iter()
        .map(|(label, segments)| {
            let total = sum(segments.iter().map(|s| s.value));
            let parts: Vec<String> = segments
                .iter()
                .filter(|s| s.value > 0)
                .map(|s| format!("{} {} ({})", s.label, s.value, share(s.value, total)))
                .collect();
            let parts = if parts.is_empty() {
                "no data".to_string()
            } else {
                parts.join(", ")
            };
            format!("{}: {parts}", clip(label, TITLE_CHARS))
        })
        .collect();
    format!("{}: {}", clip(title, TITLE_CHARS), rows.join("; "))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{segment, well_formed};
    use super::*;

    fn areas() -> Vec<(String, Vec<Segment>)> {
        vec![
            (
                "SPF".to_string(),
                vec![
                    segment("ok", 60, "c-ok"),
                    segment("none", 0, "c-none"),
                    segment("warnings", 30, "c-warnings"),
                    segment("errors", 10, "c-errors"),
                    segment("unfinished", 0, "c-unfinished"),
                ],
            ),
            (
                "DMARC".to_string(),
                vec![segment("ok", 1, "c-ok"), segment("none", 3, "c-none")],
            ),
        ]
    }

    #[test]
    fn each_row_is_split_by_share_and_fills_the_width() {
        let svg = stacked_rows("Status per area", &areas());
        well_formed(&svg);
        assert!(svg.contains("<title>ok: 60 (60%)</title>"), "{svg}");
        assert!(svg.contains("<title>warnings: 30 (30%)</title>"));
        assert!(svg.contains("<title>errors: 10 (10%)</title>"));
        assert!(svg.contains("<title>ok: 1 (25%)</title>"));
        assert!(svg.contains("<title>none: 3 (75%)</title>"));
        assert!(!svg.contains("unfinished:"), "a zero segment is not drawn");
        // Label column 5 characters wide: bars run from 48 to 412 (364 units).
        assert!(
            svg.contains("<rect class=\"c-ok\" x=\"48\" y=\"4\" width=\"218.4\""),
            "{svg}"
        );
        assert!(svg.contains("<rect class=\"c-errors\" x=\"375.6\" y=\"4\" width=\"36.4\""));
        assert!(svg.contains("<rect class=\"c-none\" x=\"139\" y=\"28\" width=\"273\""));
        assert!(
            svg.contains(">60%</text>"),
            "a wide segment says its share inside"
        );
        assert!(svg.contains(
            "aria-label=\"Status per area: SPF: ok 60 (60%), warnings 30 (30%), errors 10 (10%); \
             DMARC: ok 1 (25%), none 3 (75%)\""
        ));
    }

    #[test]
    fn the_legend_names_each_counted_segment_once() {
        let svg = stacked_rows("Status per area", &areas());
        for label in ["ok", "warnings", "errors", "none"] {
            assert_eq!(
                svg.matches(&format!("\">{label}</text>")).count(),
                1,
                "{label}: {svg}"
            );
        }
        assert!(!svg.contains(">unfinished</text>"), "{svg}");
        // In the rows' order, though SPF, the first row, has no "none" segment.
        let legend = &svg[svg.rfind("<rect class=\"c-ok\"").unwrap()..];
        let at = |label: &str| legend.find(&format!(">{label}</text>")).unwrap();
        assert!(
            at("ok") < at("none") && at("none") < at("warnings") && at("warnings") < at("errors")
        );
    }

    #[test]
    fn an_empty_row_says_so_and_an_empty_chart_says_no_data() {
        let mut rows = areas();
        rows.push(("MTA-STS".to_string(), vec![segment("ok", 0, "c-ok")]));
        let svg = stacked_rows("t", &rows);
        well_formed(&svg);
        assert!(svg.contains("class=\"c-track\""));
        assert!(svg.contains("MTA-STS: no data\""), "{svg}");
        for rows in [
            vec![],
            vec![("SPF".to_string(), vec![])],
            vec![rows[2].clone()],
        ] {
            let svg = stacked_rows("t", &rows);
            well_formed(&svg);
            assert!(svg.contains("aria-label=\"t: no data\""), "{svg}");
        }
    }

    #[test]
    fn many_rows_and_segments_are_bounded() {
        let segments: Vec<Segment> = (0..200).map(|_| segment("s", 1, "c-ok")).collect();
        let rows: Vec<(String, Vec<Segment>)> = (0..500)
            .map(|i| (format!("row {i}"), segments.clone()))
            .collect();
        let svg = stacked_rows("t", &rows);
        well_formed(&svg);
        // 64 rows of 64 segments, and one legend swatch.
        assert_eq!(svg.matches("<rect ").count(), MAX_ITEMS * MAX_ITEMS + 1);
        assert!(!svg.contains("row 64<"));
    }

    #[test]
    fn a_long_legend_wraps() {
        let labels = [
            "first label",
            "second label",
            "third label",
            "fourth label",
            "fifth label",
        ];
        let rows = vec![(
            "r".to_string(),
            labels
                .iter()
                .map(|&label| segment(label, 1, "c-ok"))
                .collect::<Vec<_>>(),
        )];
        let svg = stacked_rows("t", &rows);
        well_formed(&svg);
        let lines: std::collections::BTreeSet<&str> = svg
            .match_indices("class=\"t-muted\" x=\"")
            .map(|(at, _)| {
                svg[at..]
                    .split("y=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
            })
            .collect();
        assert!(lines.len() > 1, "{svg}");
    }
}
