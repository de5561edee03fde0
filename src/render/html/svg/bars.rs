//! Horizontal bar charts: one labelled bar per row, scaled to the largest value, with each
//! value and its share of the total written beside it.

use std::fmt::Write;

use super::{
    D, LABEL_CHARS, MAX_ITEMS, TITLE_CHARS, WIDTH, clip, escape, label_column, no_data, open,
    scale, share, sum, text_width,
};

/// One bar: what it counts, how many, and its fill class (`c-ok` … `c-neutral`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    pub class: &'static str,
}

/// Height of a row and of the bar in it, in tenths.
const ROW: u64 = 240;
const BAR: u64 = 160;
/// Space above the first row and below the last.
const PAD: u64 = 40;

/// Horizontal bars, one per row: the label on the left, the bar scaled to the largest value,
/// "N (P%)" on the right, P being the share of the total of all `bars`. Nothing to draw
/// (no bars, or only zeros) gives a small chart saying "no data". At most [`MAX_ITEMS`] bars.
///
/// [`MAX_ITEMS`]: super::MAX_ITEMS
pub fn bar_chart(title: &str, bars: &[Bar]) -> String {
    let total = sum(bars.iter().map(|bar| bar.value));
    let drawn = &bars[..bars.len().min(MAX_ITEMS)];
    let max = drawn.iter().map(|bar| bar.value).max().unwrap_or(0);
    if max == 0 {
        return no_data(title);
    }
    let values: Vec<String> = drawn
        .iter()
        .map(|bar| format!("{} ({})", bar.value, share(bar.value, total)))
        .collect();
    let label_w = label_column(drawn.iter().map(|bar| bar.label.as_str()));
    let value_w = text_width(values.iter().map(String::len).max().unwrap_or(0)) + 80;
    let span = WIDTH.saturating_sub(label_w + value_w).max(1000);

    let mut out = String::new();
    let rows = u64::try_from(drawn.len()).unwrap_or(0);
    open(
        &mut out,
        2 * PAD + rows * ROW,
        title,
        &summary(title, drawn, &values),
    );
    let mut y = PAD;
    for (bar, value) in drawn.iter().zip(&values) {
        // A bar that counts something is never drawn thinner than a hairline.
        let width = match bar.value {
            0 => 0,
            value => scale(u128::from(value), u128::from(max), span).max(10),
        };
        let label = escape::html(&bar.label_clipped(TITLE_CHARS));
        let value = escape::html(value);
        let _ = write!(
            out,
            "<g><title>{label}: {value}</title>\
             <text class=\"t\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            D(label_w - 80),
            D(y + 120),
            escape::html(&bar.label_clipped(LABEL_CHARS)),
        );
        if width > 0 {
            let _ = write!(
                out,
                "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"/>",
                escape::html(bar.class),
                D(label_w),
                D(y),
                D(width),
                D(BAR),
            );
        }
        let _ = write!(
            out,
            "<text class=\"t-muted\" x=\"{}\" y=\"{}\">{value}</text></g>",
            D(label_w + width + 60),
            D(y + 120),
        );
        y += ROW;
    }
    out.push_str("</svg>");
    out
}

impl Bar {
    fn label_clipped(&self, max: usize) -> std::borrow::Cow<'_, str> {
        clip(&self.label, max)
    }
}

/// The chart in words: "title: label N (P%), label N (P%)".
fn summary(title: &str, bars: &[Bar], values: &[String]) -> String {
    let items: Vec<String> = bars
        .iter()
        .zip(values)
        .map(|(bar, value)| format!("{} {value}", bar.label_clipped(TITLE_CHARS)))
        .collect();
    format!("{}: {}", clip(title, TITLE_CHARS), items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{bar, shares, well_formed};
    use super::*;

    #[test]
    fn draws_a_bar_per_row_scaled_to_the_largest() {
        let svg = bar_chart(
            "DMARC policy",
            &[
                bar("reject", 50, "c-ok"),
                bar("quarantine", 30, "c-notes"),
                bar("none", 20, "c-warnings"),
            ],
        );
        well_formed(&svg);
        assert_eq!(svg.matches("<rect ").count(), 3);
        assert!(svg.contains(">50 (50%)</text>"), "{svg}");
        assert!(svg.contains(">30 (30%)</text>"));
        assert!(svg.contains(">20 (20%)</text>"));
        assert!(svg.contains("class=\"c-warnings\""));
        assert!(svg.contains(
            "aria-label=\"DMARC policy: reject 50 (50%), quarantine 30 (30%), none 20 (20%)\""
        ));
        assert_eq!(shares(&svg), vec![500, 300, 200]);
    }

    #[test]
    fn shares_are_of_the_total_and_sum_to_about_100() {
        let values = [1, 1, 1, 997, 3, 7, 12_345, 0, 2];
        let bars: Vec<Bar> = values.iter().map(|&v| bar("x", v, "c-neutral")).collect();
        let svg = bar_chart("t", &bars);
        well_formed(&svg);
        let shares = shares(&svg);
        assert_eq!(shares.len(), values.len());
        let sum: u64 = shares.iter().sum();
        // Each share is rounded to at most half a unit of its precision.
        assert!((990..=1010).contains(&sum), "{shares:?}");
        assert!(svg.contains(">1 (&lt;0.1%)</text>"), "{svg}");
        assert!(svg.contains(">997 (7.5%)</text>"));
        assert!(svg.contains(">12345 (92%)</text>"));
        assert!(svg.contains(">0 (0%)</text>"));
    }

    #[test]
    fn nothing_to_draw_says_no_data() {
        for bars in [vec![], vec![bar("a", 0, "c-ok"), bar("b", 0, "c-errors")]] {
            let svg = bar_chart("Empty", &bars);
            well_formed(&svg);
            assert!(svg.contains(">no data</text>"), "{svg}");
            assert!(svg.contains("aria-label=\"Empty: no data\""));
            assert!(!svg.contains("<rect"));
        }
    }

    #[test]
    fn draws_at_most_max_items() {
        let bars: Vec<Bar> = (0..1000)
            .map(|v| bar(&format!("b{v}"), v + 1, "c-ok"))
            .collect();
        let svg = bar_chart("many", &bars);
        well_formed(&svg);
        assert_eq!(svg.matches("<rect ").count(), MAX_ITEMS);
        // Shares stay shares of everything counted: 64 of 500500 is 0.0128%.
        assert!(svg.contains(">64 (&lt;0.1%)</text>"), "{svg}");
    }

    #[test]
    fn a_tiny_value_beside_a_huge_one_is_still_visible() {
        let svg = bar_chart(
            "t",
            &[bar("big", u64::MAX, "c-ok"), bar("small", 1, "c-errors")],
        );
        well_formed(&svg);
        assert!(
            svg.contains("<rect class=\"c-errors\" x=\"48\" y=\"28\" width=\"1\""),
            "{svg}"
        );
    }
}
