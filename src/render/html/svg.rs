//! Charts as inline SVG (SVG 1.1; WAI-ARIA `role="img"`), drawn here so the page fetches
//! nothing: horizontal bars, stacked rows and a histogram. Colours come only from CSS classes
//! (`c-ok` … `c-neutral` for fills, `t`/`t-muted` for text), so the page's light and dark
//! schemes both apply; sizes come from a `viewBox` with `width="100%"`, so a chart scales to a
//! phone. Output is deterministic: integer geometry in tenths of a unit, no locale, no floats.

mod bars;
mod histogram;
mod stacked;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt::{self, Write};

use super::escape;

pub use bars::{Bar, bar_chart};
pub use histogram::histogram;
pub use stacked::{Segment, stacked_rows};

/// At most this many bars, rows, bins (and segments in a row) are drawn; the rest are left out.
pub const MAX_ITEMS: usize = 64;

/// The width of every chart's `viewBox`, in tenths of a unit: 420 units, so 12-unit text is
/// about 14px in a half-width chart on a desktop and still about 9px across a phone.
const WIDTH: u64 = 4200;
/// The font size, in units; the `viewBox` scales it with the chart.
const FONT: u64 = 12;
/// A drawn label keeps at most this many characters (the hover title has more).
const LABEL_CHARS: usize = 28;
/// A label in a hover title or in the summary keeps at most this many characters.
const TITLE_CHARS: usize = 200;

/// A length in tenths of a unit, written as SVG reads it: `12.5`, or `12` when whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct D(u64);

impl fmt::Display for D {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 % 10 {
            0 => write!(f, "{}", self.0 / 10),
            tenth => write!(f, "{}.{tenth}", self.0 / 10),
        }
    }
}

/// Opens a chart `height` tenths tall: its root element with the summary for screen readers,
/// and its title for the whole chart's hover.
fn open(out: &mut String, height: u64, title: &str, summary: &str) {
    let _ = write!(
        out,
        "<svg class=\"chart-svg\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"img\" \
         aria-label=\"{}\" font-size=\"{FONT}\"><title>{}</title>",
        D(WIDTH),
        D(height),
        escape::html(summary),
        escape::html(&clip(title, TITLE_CHARS)),
    );
}

/// A small chart that says there is nothing to draw.
fn no_data(title: &str) -> String {
    let mut out = String::new();
    let summary = format!("{}: no data", clip(title, TITLE_CHARS));
    open(&mut out, 400, title, &summary);
    let _ = write!(
        out,
        "<text class=\"t-muted\" x=\"{}\" y=\"24\" text-anchor=\"middle\">no data</text></svg>",
        D(WIDTH / 2)
    );
    out
}

/// `value`'s share of `total` as a person reads it: `45%`, `7.3%` (one decimal below 10%),
/// `<0.1%` for a share too small to show, `0%` for none.
fn share(value: u64, total: u128) -> String {
    if total == 0 || value == 0 {
        return "0%".to_string();
    }
    let value = u128::from(value);
    // Rounded half up, in integers: per mille first, then per cent when it is 10% or more.
    let per_mille = (value * 2000 + total) / (2 * total);
    if per_mille == 0 {
        "<0.1%".to_string()
    } else if per_mille < 100 {
        format!("{}.{}%", per_mille / 10, per_mille % 10)
    } else {
        format!("{}%", (value * 200 + total) / (2 * total))
    }
}

/// `value` scaled from `0..=max` to `0..=span` (all in the same integer units), rounded down;
/// `max` is never 0 here.
fn scale(value: u128, max: u128, span: u64) -> u64 {
    let scaled = value.min(max) * u128::from(span) / max.max(1);
    u64::try_from(scaled).unwrap_or(span)
}

/// The sum of `values`, which cannot overflow.
fn sum(values: impl Iterator<Item = u64>) -> u128 {
    values.map(u128::from).sum()
}

/// `label` cut to `max` characters, with an ellipsis when it was longer.
fn clip(label: &str, max: usize) -> Cow<'_, str> {
    if label.chars().nth(max).is_none() {
        return Cow::Borrowed(label);
    }
    let kept: String = label.chars().take(max.saturating_sub(1)).collect();
    Cow::Owned(kept + "…")
}

/// About how wide `chars` characters of the chart's font are, in tenths: generous, so a label
/// placed by it does not run into its neighbour.
fn text_width(chars: usize) -> u64 {
    u64::try_from(chars)
        .unwrap_or(u64::MAX / 100)
        .saturating_mul(70)
}

/// How wide the label column must be for `labels`, in tenths, within sensible bounds.
fn label_column<'a>(labels: impl Iterator<Item = &'a str>) -> u64 {
    let longest = labels
        .map(|label| clip(label, LABEL_CHARS).chars().count())
        .max()
        .unwrap_or(0);
    (text_width(longest) + 100).clamp(480, 2000)
}
