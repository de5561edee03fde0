//! The page's parts as compiled templates (askama): the start, the summary of many domains,
//! what changed since a baseline, the table of domains and its rows, each domain's section, and
//! the end (what the findings mean, the footer). Templates escape every value for HTML; what
//! they write unescaped is the page's own CSS, script, SVG and closing tags.

use askama::Template;

use crate::date::Date;
use crate::diff::{Change, DiffReport, DomainDiff};
use crate::finding::{Entry, Severity};
use crate::sanitize::escape;

use super::domain::{AREAS, DomainView, NOT_ASKED};
use super::summary::{EXPIRY_DAYS, Expiring, days_left};
use super::tree::LOOKUP_LIMIT;

/// The CSS class of a verdict word's badge.
fn badge(verdict: &str) -> &'static str {
    match verdict {
        "ok" => "ok",
        "none" => "none",
        "warnings" => "warnings",
        "errors" => "errors",
        "unfinished" => "unfinished",
        _ => "not-asked",
    }
}

#[derive(Template)]
#[template(path = "start.html")]
pub struct Start<'a> {
    pub version: &'static str,
    pub title: &'a str,
    pub meta: &'a str,
    pub css: &'static str,
    /// Rules that hide the table's columns of areas no domain was checked for.
    pub hidden_columns: String,
}

#[derive(Template)]
#[template(path = "section.html")]
pub struct Section<'a> {
    pub view: &'a DomainView,
    pub index: usize,
    /// Explanations beside each finding (one domain), or a link to the page's reference.
    pub inline: bool,
    pub today: Date,
}

impl Section<'_> {
    fn badge(verdict: &str) -> &'static str {
        badge(verdict)
    }

    fn entry(code: &str) -> Option<&'static Entry> {
        crate::catalog::find(code).map(crate::finding::Code::entry)
    }

    fn days(&self, not_after: &str) -> Option<i64> {
        days_left(not_after, self.today)
    }

    fn expiry_class(&self, not_after: &str) -> &'static str {
        match self.days(not_after) {
            Some(days) if days < 0 => "expired",
            Some(days) if days <= EXPIRY_DAYS => "soon",
            _ => "",
        }
    }
}

#[derive(Template)]
#[template(path = "row.html")]
pub struct Row<'a> {
    pub view: &'a DomainView,
    pub index: usize,
}

impl Row<'_> {
    fn badge(verdict: &str) -> &'static str {
        badge(verdict)
    }

    /// Sorts the worst first when the column is sorted descending.
    fn rank(verdict: &str) -> u8 {
        match verdict {
            "ok" => 1,
            "none" => 2,
            "warnings" => 3,
            "errors" => 4,
            "unfinished" => 5,
            _ => 0,
        }
    }
}

/// A number with its label, at the top of the summary.
pub struct Card {
    pub num: String,
    pub label: String,
    pub share: String,
}

pub struct Chart {
    pub caption: String,
    pub svg: String,
    pub note: String,
}

pub struct AreaRow {
    pub name: &'static str,
    pub counts: Vec<u64>,
}

pub struct CommonCode {
    pub code: String,
    pub severity: String,
    pub summary: &'static str,
    pub domains: u64,
    pub share: String,
}

#[derive(Template)]
#[template(path = "summary.html")]
pub struct SummaryBlock {
    pub changes: bool,
    pub cards: Vec<Card>,
    pub charts: Vec<Chart>,
    pub statuses: Vec<&'static str>,
    pub area_rows: Vec<AreaRow>,
    pub common: Vec<CommonCode>,
    pub includes: Vec<(String, u64, String)>,
    pub includes_capped: bool,
    pub probed: bool,
    pub expiry_days: i64,
    pub expiring: Vec<Expiring>,
    pub expiring_total: u64,
}

#[derive(Template)]
#[template(path = "table_start.html")]
pub struct TableStart {
    /// The areas some domain was checked for: the filter's choices.
    pub areas: Vec<(&'static str, &'static str)>,
    pub all_areas: [(&'static str, &'static str); AREAS.len()],
    pub statuses: Vec<&'static str>,
    pub codes: Vec<String>,
    /// The domains the table lists, of `total`.
    pub listed: usize,
    pub total: usize,
}

/// Ends the table of domains and starts the sections of each.
pub const TABLE_END: &str = "</tbody></table></div>\n</section>\n\
    <section class=\"block\" id=\"details\">\n<h2>Each domain</h2>\n";
/// Ends the sections.
pub const SECTIONS_END: &str = "</section>\n";

#[derive(Template)]
#[template(path = "changes.html")]
pub struct Changes<'a> {
    pub diff: &'a DiffReport,
    pub shown: &'a [DomainDiff],
    pub more: usize,
}

impl Changes<'_> {
    fn change(change: Change) -> &'static str {
        match change {
            Change::New => "new",
            Change::Cleared => "cleared",
            Change::Changed => "changed",
        }
    }

    fn severity(severity: Severity) -> &'static str {
        severity.as_str()
    }

    fn clean(text: &str) -> String {
        escape(text)
    }

    fn names(names: &[String]) -> String {
        const SHOWN: usize = 50;
        let mut list: Vec<String> = names.iter().take(SHOWN).map(|n| escape(n)).collect();
        if names.len() > SHOWN {
            list.push(format!("and {} more", names.len() - SHOWN));
        }
        list.join(", ")
    }
}

/// A catalog entry in the page's reference.
pub struct GlossaryEntry {
    pub code: &'static str,
    pub severity: &'static str,
    pub summary: &'static str,
    pub explanation: &'static str,
    pub fix: &'static str,
    pub rfc: &'static str,
}

impl From<&'static Entry> for GlossaryEntry {
    fn from(entry: &'static Entry) -> Self {
        Self {
            code: entry.code,
            severity: entry.severity.as_str(),
            summary: entry.summary,
            explanation: entry.explanation,
            fix: entry.fix,
            rfc: entry.rfc,
        }
    }
}

#[derive(Template)]
#[template(path = "end.html")]
pub struct End<'a> {
    pub glossary: Vec<GlossaryEntry>,
    pub invalid: &'a [(String, String)],
    pub invalid_total: u64,
    pub version: &'static str,
    pub today: Date,
    pub sources: String,
    pub skipped: u64,
    pub notices: &'a [String],
    pub js: &'static str,
}
