//! Histograms: vertical columns for bins in order (e.g. SPF DNS lookups per domain, RFC 7208
//! §4.6.4), the columns past a limit in the errors colour and a dashed line marking the limit.

use std::fmt::Write;

use super::{
    D, LABEL_CHARS, MAX_ITEMS, TITLE_CHARS, WIDTH, clip, escape, no_data, open, scale, share, sum,
    text_width,
};

/// Space left and right of the plot, in tenths.
const SIDE: u64 = 80;
/// The top of the tallest column (room above for its count and the limit's label).
const TOP: u64 = 340;
/// The tallest column.
const PLOT: u64 = 1400;
/// The baseline, where columns stand.
const BASE: u64 = TOP + PLOT;
/// The whole chart's height (bin labels under the baseline).
const HEIGHT: u64 = BASE + 220;

/// Vertical columns, one per bin in order: its label under it, its count above it. Columns at
/// index `over_from` and after get class `c-errors`, the others `c-neutral`; a dashed line
/// between bins `over_from - 1` and `over_from` carries `limit_label` (e.g. "limit 10"). At most
/// [`MAX_ITEMS`] bins; nothing to count gives a small chart saying "no data".
///
/// [`MAX_ITEMS`]: super::MAX_ITEMS
pub fn histogram(
    title: &str,
    bins: &[(String, u64)],
    over_from: Option<usize>,
    limit_label: &str,
) -> String {
    let bins = &bins[..bins.len().min(MAX_ITEMS)];
    let Some(columns) = Columns::new(bins) else {
        return no_data(title);
    };
    let summary = summary(title, bins, columns.total, over_from, limit_label);
    let mut out = String::new();
    open(&mut out, HEIGHT, title, &summary);
    let _ = write!(
        out,
        "<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"1\"/>",
        D(SIDE),
        D(BASE),
        D(WIDTH - SIDE),
        D(BASE),
    );
    for (i, (label, count)) in bins.iter().enumerate() {
        let over = over_from.is_some_and(|from| i >= from);
        let class = if over { "c-errors" } else { "c-neutral" };
        columns.draw(
            &mut out,
            u64::try_from(i).unwrap_or(0),
            label,
            *count,
            class,
        );
    }
    if let Some(from) = over_from.filter(|&from| from <= bins.len()) {
        limit(
            &mut out,
            columns.left(u64::try_from(from).unwrap_or(0)),
            limit_label,
        );
    }
    out.push_str("</svg>");
    out
}

/// How the bins stand across the plot, all in tenths.
struct Columns {
    /// How many bins, and the width each one has.
    n: u64,
    width: u64,
    /// The drawn column, narrower than its bin.
    bar: u64,
    max: u64,
    total: u128,
    /// With many narrow bins only every step-th one is labelled, so texts never overlap.
    label_step: u64,
    count_step: u64,
}

impl Columns {
    /// `None` when nothing is counted.
    fn new(bins: &[(String, u64)]) -> Option<Self> {
        let max = bins
            .iter()
            .map(|(_, count)| *count)
            .max()
            .filter(|&max| max > 0)?;
        let n = u64::try_from(bins.len()).ok()?;
        let width = (WIDTH - 2 * SIDE) / n;
        let label_chars = bins.iter().map(|(label, _)| label_chars(label)).max();
        let count_chars = bins.iter().map(|(_, count)| digits(*count)).max();
        Some(Self {
            n,
            width,
            bar: (width * 7 / 10).max(10),
            max,
            total: sum(bins.iter().map(|(_, count)| *count)),
            label_step: every(text_width(label_chars.unwrap_or(1)), width),
            count_step: every(text_width(count_chars.unwrap_or(1)), width),
        })
    }

    /// The left edge of bin `index` (or the right edge of the last one, for `n`).
    fn left(&self, index: u64) -> u64 {
        SIDE + index * (WIDTH - 2 * SIDE) / self.n
    }

    /// Bin `index`: its column with a hover title, its count above and its label below.
    fn draw(&self, out: &mut String, index: u64, label: &str, count: u64, class: &str) {
        let centre = self.left(index) + self.width / 2;
        let height = match count {
            0 => 0,
            count => scale(u128::from(count), u128::from(self.max), PLOT).max(10),
        };
        if height > 0 {
            let _ = write!(
                out,
                "<g><title>{}: {count} ({})</title>\
                 <rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"1\"/></g>",
                escape::html(&clip(label, TITLE_CHARS)),
                escape::html(&share(count, self.total)),
                D(centre - self.bar / 2),
                D(BASE - height),
                D(self.bar),
                D(height),
            );
        }
        if index.is_multiple_of(self.count_step) {
            text(
                out,
                "t-muted",
                centre,
                BASE - height - 40,
                &count.to_string(),
            );
        }
        if index.is_multiple_of(self.label_step) {
            text(out, "t", centre, BASE + 160, &clip(label, LABEL_CHARS));
        }
    }
}

/// Centred text at (`x`, `y`).
fn text(out: &mut String, class: &str, x: u64, y: u64, text: &str) {
    let _ = write!(
        out,
        "<text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
        D(x),
        D(y),
        escape::html(text),
    );
}

/// The dashed limit line at `x` and its label beside its top, on the side with more room.
fn limit(out: &mut String, x: u64, label: &str) {
    let (anchor, label_x) = if x > WIDTH / 2 {
        ("end", x - 40)
    } else {
        ("start", x + 40)
    };
    let _ = write!(
        out,
        "<line class=\"limit\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"1.5\" \
         stroke-dasharray=\"4 3\"/>\
         <text class=\"t-limit\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
        D(x),
        D(40),
        D(x),
        D(BASE),
        D(label_x),
        D(120),
        escape::html(&clip(label, LABEL_CHARS)),
    );
}

/// Label every `step`-th column so texts `width` wide fit in columns `column` wide.
fn every(width: u64, column: u64) -> u64 {
    (width + 40).div_ceil(column.max(1)).max(1)
}

fn label_chars(label: &str) -> usize {
    clip(label, LABEL_CHARS).chars().count()
}

fn digits(count: u64) -> usize {
    count.to_string().len()
}

/// The chart in words: "title: label N, label N; limit 10: M of T over".
fn summary(
    title: &str,
    bins: &[(String, u64)],
    total: u128,
    over_from: Option<usize>,
    limit_label: &str,
) -> String {
    let items: Vec<String> = bins
        .iter()
        .map(|(label, count)| format!("{} {count}", clip(label, TITLE_CHARS)))
        .collect();
    let mut summary = format!("{}: {}", clip(title, TITLE_CHARS), items.join(", "));
    if let Some(from) = over_from {
        let over = sum(bins.iter().skip(from).map(|(_, count)| *count));
        let _ = write!(
            summary,
            "; {}: {over} of {total} over",
            clip(limit_label, TITLE_CHARS)
        );
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::super::tests::well_formed;
    use super::*;

    fn lookups() -> Vec<(String, u64)> {
        (0..=12)
            .map(|n| {
                (
                    if n == 12 {
                        "12+".to_string()
                    } else {
                        n.to_string()
                    },
                    n * 3 + 1,
                )
            })
            .collect()
    }

    #[test]
    fn columns_past_the_limit_are_errors() {
        let svg = histogram("SPF DNS lookups", &lookups(), Some(11), "limit 10");
        well_formed(&svg);
        assert_eq!(svg.matches("class=\"c-neutral\"").count(), 11, "{svg}");
        assert_eq!(svg.matches("class=\"c-errors\"").count(), 2);
        // Neutral columns all come before the errors ones.
        assert!(svg.rfind("c-neutral").unwrap() < svg.find("c-errors").unwrap());
        assert!(svg.contains(">limit 10</text>"));
        assert!(svg.contains("stroke-dasharray=\"4 3\""));
        assert!(svg.contains("<title>12+: 37 (15%)</title>"), "{svg}");
        assert!(svg.contains(
            "aria-label=\"SPF DNS lookups: 0 1, 1 4, 2 7, 3 10, 4 13, 5 16, 6 19, 7 22, 8 25, \
             9 28, 10 31, 11 34, 12+ 37; limit 10: 71 of 247 over\""
        ));
    }

    #[test]
    fn the_limit_line_stands_between_its_bins() {
        let bins = vec![("a".to_string(), 1), ("b".to_string(), 2)];
        let svg = histogram("t", &bins, Some(1), "limit");
        // Two columns of 202 units from x=8: the line is at 210.
        assert!(
            svg.contains("<line class=\"limit\" x1=\"210\" y1=\"4\" x2=\"210\""),
            "{svg}"
        );
        // Its label stands at the top, right of the line (the line is left of the middle).
        let label = "<text class=\"t-limit\" x=\"214\" y=\"12\" text-anchor=\"start\">limit</text>";
        assert!(svg.contains(label), "{svg}");
        let none = histogram("t", &bins, None, "limit");
        well_formed(&none);
        assert!(!none.contains("class=\"limit\"") && !none.contains("c-errors"));
        let all = histogram("t", &bins, Some(0), "limit");
        assert_eq!(all.matches("class=\"c-errors\"").count(), 2);
        let past = histogram("t", &bins, Some(5), "limit");
        well_formed(&past);
        assert!(!past.contains("class=\"limit\"") && !past.contains("c-errors"));
    }

    #[test]
    fn counts_above_and_labels_under_each_column() {
        let svg = histogram("t", &lookups(), Some(11), "limit 10");
        for (label, count) in lookups() {
            assert!(svg.contains(&format!(">{label}</text>")), "{label}: {svg}");
            assert!(svg.contains(&format!(">{count}</text>")), "{count}: {svg}");
        }
    }

    #[test]
    fn zero_bins_draw_nothing_and_no_bins_say_no_data() {
        let svg = histogram("t", &[("0".to_string(), 0), ("1".to_string(), 5)], None, "");
        well_formed(&svg);
        assert_eq!(svg.matches("<rect ").count(), 1);
        for bins in [vec![], vec![("0".to_string(), 0)]] {
            let svg = histogram("t", &bins, Some(0), "limit");
            well_formed(&svg);
            assert!(svg.contains("aria-label=\"t: no data\""), "{svg}");
        }
    }

    #[test]
    fn many_bins_are_bounded_and_labels_thinned() {
        let bins: Vec<(String, u64)> = (0..300).map(|n| (format!("bin {n}"), 1000 + n)).collect();
        let svg = histogram("t", &bins, Some(32), "limit 32");
        well_formed(&svg);
        assert_eq!(svg.matches("<rect ").count(), MAX_ITEMS);
        assert_eq!(svg.matches("class=\"c-errors\"").count(), MAX_ITEMS - 32);
        let labels = svg.matches("\"middle\">bin ").count();
        assert!(labels > 1 && labels < MAX_ITEMS, "{labels}");
    }
}
