//! The check's scorecard: each area's verdict in one word (ok, none, warnings, errors,
//! unfinished) and its key facts, as the text report shows them, the CSV row repeats them and
//! the JSON result carries them.

use crate::check::{AreaReport, CheckReport};
use crate::finding::Severity;
use crate::render::Paint;

use super::layout::Card;

/// An area's verdict: the worst of its findings, or why there is none to judge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// No findings.
    Ok,
    /// Only informational findings: still "ok".
    OkWithNotes,
    /// Nothing published where publishing is advised, and nothing worse to say.
    None,
    Warnings,
    Errors,
    /// The area did not finish within the budget (or was not asked for).
    Unfinished,
}

impl Verdict {
    /// The word the scorecard shows.
    pub fn word(self) -> &'static str {
        match self {
            Self::Ok | Self::OkWithNotes => "ok",
            Self::None => "none",
            Self::Warnings => "warnings",
            Self::Errors => "errors",
            Self::Unfinished => "unfinished",
        }
    }

    pub(super) fn paint(self) -> Paint {
        match self {
            Self::Ok => Paint::GreenBold,
            Self::OkWithNotes | Self::None => Paint::Cyan,
            Self::Warnings => Paint::YellowBold,
            Self::Errors => Paint::RedBold,
            Self::Unfinished => Paint::MagentaBold,
        }
    }
}

/// One area's line on the scorecard.
pub struct Line {
    /// As the text report names it ("SPF", "MTA-STS", ...).
    pub area: &'static str,
    /// Whether the area was asked for (the live ones are optional).
    pub asked: bool,
    pub verdict: Verdict,
    /// The key facts, unescaped; `None` when the area did not finish.
    pub facts: Option<String>,
}

/// An asked area's line in the machine output.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ScoreEntry {
    pub area: &'static str,
    /// The word the scorecard shows.
    pub verdict: &'static str,
    /// `None` when the area did not finish.
    pub facts: Option<String>,
}

impl ScoreEntry {
    /// The lines of the areas the check was asked for, in the scorecard's order.
    pub fn of(r: &CheckReport) -> Vec<Self> {
        scorecard(r)
            .into_iter()
            .filter(|line| line.asked)
            .map(|line| Self {
                area: line.area,
                verdict: line.verdict.word(),
                facts: line.facts,
            })
            .collect()
    }
}

/// Every one of the nine areas' lines, in the order the report shows them, asked for or not.
pub fn scorecard(r: &CheckReport) -> Vec<Line> {
    r.areas()
        .into_iter()
        .map(|area| {
            let card = if r.nxdomain && area.below_domain {
                area.report.map(|_| Card {
                    facts: "no such domain".into(),
                    none: true,
                })
            } else {
                area.report.map(card)
            };
            let worst = r
                .shown_findings()
                .filter(|(name, _)| *name == area.name)
                .map(|(_, f)| f.severity)
                .max();
            let verdict = match &card {
                None => Verdict::Unfinished,
                Some(card) => verdict(worst, card.none),
            };
            Line {
                area: area.name,
                asked: area.asked,
                verdict,
                facts: card.map(|c| c.facts),
            }
        })
        .collect()
}

/// The worst of an area's findings in a word; "none" for an area with nothing published where
/// publishing is advised and nothing worse to say.
fn verdict(worst: Option<Severity>, none: bool) -> Verdict {
    match worst {
        None | Some(Severity::Info) if none => Verdict::None,
        None => Verdict::Ok,
        Some(Severity::Info) => Verdict::OkWithNotes,
        Some(Severity::Warning) => Verdict::Warnings,
        Some(Severity::Error) => Verdict::Errors,
    }
}

/// An area's line, as its own view words it.
fn card(report: AreaReport<'_>) -> Card {
    match report {
        AreaReport::Spf(r) => super::spf::card(r).into(),
        AreaReport::Dmarc(r) => super::dmarc::card(r).into(),
        AreaReport::Dkim(r) => super::dkim::card(r).into(),
        AreaReport::Mx(r) => super::mx::card(r).into(),
        AreaReport::MtaSts(r) => super::mta_sts::card(r),
        AreaReport::TlsRpt(r) => super::tls_rpt::card(r),
        AreaReport::Bimi(r) => super::bimi::card(r).into(),
        AreaReport::Dnssec(r) => super::dnssec::card(r),
        AreaReport::Smtp(r) => super::smtp::card(r).into(),
        AreaReport::Clients(r) => super::clients::card(r).into(),
    }
}
