//! Comparing whole texts in tests: on a difference, a line-by-line diff (longest common
//! subsequence of lines) with a little context, instead of two long strings to compare by eye.

#![allow(dead_code)]

use std::fmt::Write as _;

/// Lines of unchanged context shown around each change.
const CONTEXT: usize = 2;

/// Above this many cells (expected lines × actual lines, after the common start and end are set
/// aside), the changed middle is shown as removed and added whole instead of being aligned.
const MAX_TABLE: usize = 4_000_000;

/// Fails the test with a diff (`-` expected, `+` actual) unless the texts are equal.
#[track_caller]
pub fn assert_text_eq(expected: &str, actual: &str) {
    assert!(
        expected == actual,
        "texts differ (- expected, + actual):\n{}",
        line_diff(expected, actual)
    );
}

/// The lines that differ between `expected` and `actual`, in hunks under an
/// `@@ expected line N, actual line M @@` header, each with up to two lines of context. Changed
/// lines show control characters escaped, trailing whitespace ending in `⏎`, and a missing final
/// newline as `(no newline at end)`. Empty when the texts are equal.
pub fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    render(&edits(&a, &b))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Removed,
    Added,
}

/// One line of the edit script, with the 0-based positions in both texts where it stands.
#[derive(Debug, Clone, Copy)]
struct Edit<'a> {
    op: Op,
    line: &'a str,
    a: usize,
    b: usize,
}

fn edits<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Edit<'a>> {
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let end = a[start..]
        .iter()
        .rev()
        .zip(b[start..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut out: Vec<Edit<'a>> = (0..start)
        .map(|i| Edit {
            op: Op::Same,
            line: a[i],
            a: i,
            b: i,
        })
        .collect();
    align(
        &a[start..a.len() - end],
        &b[start..b.len() - end],
        start,
        start,
        &mut out,
    );
    let (a_end, b_end) = (a.len() - end, b.len() - end);
    out.extend((0..end).map(|k| Edit {
        op: Op::Same,
        line: a[a_end + k],
        a: a_end + k,
        b: b_end + k,
    }));
    out
}

/// Aligns the differing middles `a` and `b` (starting at lines `a0`, `b0`) on their longest
/// common subsequence; removals come before additions where either order would do.
#[allow(clippy::many_single_char_names)] // the usual names of a diff's two sides
fn align<'a>(a: &[&'a str], b: &[&'a str], a0: usize, b0: usize, out: &mut Vec<Edit<'a>>) {
    let (n, m) = (a.len(), b.len());
    let removed = |i: usize, j: usize| Edit {
        op: Op::Removed,
        line: a[i],
        a: a0 + i,
        b: b0 + j,
    };
    let added = |i: usize, j: usize| Edit {
        op: Op::Added,
        line: b[j],
        a: a0 + i,
        b: b0 + j,
    };
    if n.saturating_mul(m) > MAX_TABLE {
        out.extend((0..n).map(|i| removed(i, 0)));
        out.extend((0..m).map(|j| added(n, j)));
        return;
    }
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let width = m + 1;
    let mut lcs = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push(Edit {
                op: Op::Same,
                line: a[i],
                a: a0 + i,
                b: b0 + j,
            });
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
            out.push(removed(i, j));
            i += 1;
        } else {
            out.push(added(i, j));
            j += 1;
        }
    }
}

fn render(edits: &[Edit<'_>]) -> String {
    let changes: Vec<usize> = (0..edits.len())
        .filter(|&k| edits[k].op != Op::Same)
        .collect();
    // Hunks as ranges of `edits`, merged where their context would touch.
    let mut hunks: Vec<(usize, usize)> = Vec::new();
    for &k in &changes {
        let start = k.saturating_sub(CONTEXT);
        let end = (k + CONTEXT + 1).min(edits.len());
        match hunks.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => hunks.push((start, end)),
        }
    }
    let mut out = String::new();
    for (start, end) in hunks {
        let first = edits[start];
        let _ = writeln!(
            out,
            "@@ expected line {}, actual line {} @@",
            first.a + 1,
            first.b + 1
        );
        for edit in &edits[start..end] {
            let (mark, text) = match edit.op {
                Op::Same => (' ', escape(edit.line.trim_end_matches('\n'))),
                Op::Removed => ('-', visible(edit.line)),
                Op::Added => ('+', visible(edit.line)),
            };
            out.push(mark);
            out.push(' ');
            out.push_str(&text);
            out.push('\n');
        }
    }
    out
}

/// Control characters escaped (`\u{1b}`, `\r`, `\t`), so that a diff never drives the terminal.
fn escape(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A changed line with what is otherwise invisible made visible: trailing whitespace, a
/// missing final newline.
fn visible(line: &str) -> String {
    let (body, newline) = match line.strip_suffix('\n') {
        Some(body) => (body, true),
        None => (line, false),
    };
    let mut text = escape(body);
    if body.ends_with([' ', '\t']) {
        text.push('⏎');
    }
    if !newline {
        text.push_str(" (no newline at end)");
    }
    text
}
