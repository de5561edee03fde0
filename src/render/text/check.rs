//! Text for `check`: a one-screen scorecard (each area ok / warnings / errors with its key
//! facts), then the findings grouped by area, each with its one-line fix and the `explain` hint;
//! for a list of domains, a closing table with one row per domain.

use std::fmt::Write;

use serde::{Serialize, Serializer};

use crate::check::CheckReport;
use crate::check::bulk::{CheckResult, InvalidInput};
use crate::finding::{Finding, Severity};
use crate::render::csv::Row;
use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;

use super::findings::{quiet_findings, severity};
use super::layout::heading;
use super::scorecard::{ScoreEntry, scorecard};

/// The machine form of a result: the report, and its scorecard as the text shows it, so a
/// reader of saved results (`report`) shows the same verdicts without judging again.
impl Serialize for CheckResult {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WithScorecard<'a> {
            #[serde(flatten)]
            report: &'a CheckReport,
            scorecard: Vec<ScoreEntry>,
        }
        match self {
            Self::Report(report) => WithScorecard {
                report,
                scorecard: ScoreEntry::of(report),
            }
            .serialize(serializer),
            Self::Invalid(invalid) => invalid.serialize(serializer),
        }
    }
}

impl Report for CheckResult {
    fn csv(&self) -> Option<Row> {
        Some(crate::render::check_csv::row(self))
    }

    fn text(&self, style: TextStyle) -> String {
        match self {
            Self::Report(report) => report_text(report, style),
            Self::Invalid(invalid) => {
                let p = style.palette;
                format!(
                    "{} {}: {}\n\n",
                    p.paint(Paint::RedBold, "not checked"),
                    escape(&invalid.input),
                    escape(&invalid.error)
                )
            }
        }
    }
}

fn report_text(r: &CheckReport, style: TextStyle) -> String {
    let p = style.palette;
    let all: Vec<(&str, &Finding)> = r.shown_findings().collect();
    if style.quiet {
        let findings: Vec<Finding> = all.iter().map(|(_, f)| (*f).clone()).collect();
        return quiet_findings(p, &findings);
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}", heading(p, "Mail check", &r.domain));
    if r.nxdomain {
        let _ = writeln!(
            out,
            "  {}",
            p.paint(Paint::RedBold, "the domain does not exist (NXDOMAIN)")
        );
    }
    for line in scorecard(r).into_iter().filter(|l| l.asked) {
        let verdict = p.paint(line.verdict.paint(), line.verdict.word());
        let facts = line.facts.as_deref().map(escape).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:<8} {verdict:<w$}  {facts}",
            line.area,
            w = padded_width(p)
        );
    }
    let _ = writeln!(out);
    grouped_findings(&mut out, p, &all);
    out.push('\n');
    out
}

/// The width of a painted verdict column, so facts line up with and without colour.
fn padded_width(p: Palette) -> usize {
    p.paint(Paint::RedBold, "warnings").len() + ("unfinished".len() - "warnings".len())
}

/// The findings by area, worst first within an area, each with the first sentence of its fix.
fn grouped_findings(out: &mut String, p: Palette, all: &[(&str, &Finding)]) {
    if all.is_empty() {
        let _ = writeln!(out, "{}", p.paint(Paint::Green, "No findings."));
        return;
    }
    let mut areas: Vec<&str> = Vec::new();
    for (area, _) in all {
        if !areas.contains(area) {
            areas.push(area);
        }
    }
    for (i, area) in areas.into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{}", p.bold(area));
        let mut mine: Vec<&Finding> = all
            .iter()
            .filter(|(a, _)| *a == area)
            .map(|(_, f)| *f)
            .collect();
        mine.sort_by_key(|f| std::cmp::Reverse(f.severity));
        for f in mine {
            let entry = f.code.entry();
            let _ = writeln!(
                out,
                "  {} {}  {}",
                severity(p, f.severity),
                p.bold(entry.code),
                escape(&f.subject)
            );
            let _ = writeln!(out, "          {}", escape(&f.message));
            let fix = first_sentence(entry.fix);
            let _ = writeln!(
                out,
                "          {} {}",
                p.dim("fix:"),
                p.dim(&format!("{fix} (mailaudit explain {})", entry.code))
            );
        }
    }
    let count = |s: Severity| all.iter().filter(|(_, f)| f.severity == s).count();
    let _ = writeln!(
        out,
        "\n{} errors, {} warnings, {} info",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
}

/// The first sentence of catalog prose: up to the first ". " that does not end an abbreviation.
fn first_sentence(text: &str) -> &str {
    let mut from = 0;
    while let Some(at) = text[from..].find(". ") {
        let end = from + at + 1;
        let word = text[..end - 1].rsplit(' ').next().unwrap_or("");
        if !matches!(word, "e.g" | "i.e" | "etc" | "cf") {
            return &text[..end];
        }
        from = end;
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_sentence_does_not_end_at_an_abbreviation() {
        assert_eq!(
            super::first_sentence("Set a PTR, e.g. mail.example. Then wait."),
            "Set a PTR, e.g. mail.example."
        );
        assert_eq!(
            super::first_sentence("No period at all"),
            "No period at all"
        );
    }
}

/// The closing table of a run over several domains (text only).
#[derive(Debug, Default, Serialize)]
pub struct CheckSummary {
    pub rows: Vec<SummaryRow>,
}

#[derive(Debug, Serialize)]
pub struct SummaryRow {
    pub domain: String,
    pub errors: usize,
    pub warnings: usize,
    pub info: usize,
    /// "complete", "incomplete" or "not a domain".
    pub status: &'static str,
}

impl SummaryRow {
    pub fn of(report: &CheckReport) -> Self {
        let mut row = Self {
            domain: report.domain.clone(),
            errors: 0,
            warnings: 0,
            info: 0,
            status: if report.incomplete {
                "incomplete"
            } else {
                "complete"
            },
        };
        for (_, f) in report.shown_findings() {
            match f.severity {
                Severity::Error => row.errors += 1,
                Severity::Warning => row.warnings += 1,
                Severity::Info => row.info += 1,
            }
        }
        row
    }

    pub fn invalid(input: &InvalidInput) -> Self {
        Self {
            domain: input.input.clone(),
            errors: 0,
            warnings: 0,
            info: 0,
            status: "not a domain",
        }
    }
}

impl Report for CheckSummary {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        let width = self
            .rows
            .iter()
            .map(|r| r.domain.len())
            .max()
            .unwrap_or(6)
            .max(6);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}",
            p.bold(&format!(
                "{:<width$}  errors  warnings  info  status",
                "domain"
            ))
        );
        for row in &self.rows {
            let _ = writeln!(
                out,
                "{:<width$}  {:>6}  {:>8}  {:>4}  {}",
                escape(&row.domain),
                row.errors,
                row.warnings,
                row.info,
                row.status
            );
        }
        let _ = writeln!(out, "{} domains", self.rows.len());
        out
    }
}
