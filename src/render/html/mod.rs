//! `mailaudit report`: saved `check` results as one self-contained HTML page — inline CSS,
//! charts as inline SVG, a small inline script for sorting and filtering, nothing fetched.
//! One domain gets its scorecard as a page; many get a summary first, then a table of domains,
//! then each domain's section. The results stream through: the summary's counts are bounded,
//! and each domain's row and section are written at once to writers the caller gives (files
//! it joins into the page at the end), so memory does not grow with the number of domains.

mod charts;
mod domain;
mod escape;
mod listed;
mod page;
mod summary;
mod svg;
mod tree;

use std::fmt::Write as _;
use std::io::{self, Read, Seek, Write};

use askama::Template;
use serde_json::Value;

use crate::date::Date;
use crate::diff::DiffReport;

use domain::{AREAS, DomainView};
use listed::{Counted, Listed, Place};
use page::{Changes, End, GlossaryEntry, Row, Section, Start, TableStart};
use summary::{STATUSES, Summary};

const CSS: &str = include_str!("assets/report.css");
const JS: &str = include_str!("assets/report.js");
/// The most notices about the input listed in the footer; the rest are counted.
const MAX_NOTICES: usize = 20;
/// The most domains whose changes are listed in "What changed".
const MAX_CHANGED_SHOWN: usize = 200;

/// What the page says about how it was made.
#[derive(Debug, Clone)]
pub struct Options {
    /// The date certificates are counted from.
    pub today: Date,
    /// The input files, as given.
    pub sources: Vec<String>,
    /// The most domains a page of many lists in its table and sections (0: every one).
    pub max_domains: usize,
}

/// A page being made: results go in one by one; `finish` writes the page.
pub struct Report<W: Write> {
    options: Options,
    summary: Summary,
    /// The first domain, held until a second one says the page is about many.
    first: Option<DomainView>,
    domains: usize,
    rows: Counted<W>,
    sections: Counted<W>,
    listed: Listed,
    skipped: u64,
    notices: Vec<String>,
}

impl<W: Write> Report<W> {
    /// `rows` and `sections` receive the table's rows and the domains' sections as they come.
    pub fn new(options: Options, rows: W, sections: W) -> Self {
        Self {
            listed: Listed::new(options.max_domains),
            options,
            summary: Summary::default(),
            first: None,
            domains: 0,
            rows: Counted::new(rows),
            sections: Counted::new(sections),
            skipped: 0,
            notices: Vec::new(),
        }
    }

    /// Takes one saved result; a value that is not one is skipped, with `where_` in the notice.
    pub fn add(&mut self, result: &Value, where_: &str) -> io::Result<()> {
        if let (Some(input), Some(error)) = (result.get("input"), result.get("error")) {
            let text = |v: &Value| crate::sanitize::escape(v.as_str().unwrap_or_default());
            self.summary.add_invalid(text(input), text(error));
            return Ok(());
        }
        let Some(view) = DomainView::read(result) else {
            self.skip(where_, "not a result of `check` (no \"domain\")");
            return Ok(());
        };
        self.summary.add(&view, self.options.today);
        self.domains += 1;
        match self.domains {
            1 => self.first = Some(view),
            2 => {
                if let Some(first) = self.first.take() {
                    self.spill(&first, 0)?;
                }
                self.spill(&view, 1)?;
            }
            n => self.spill(&view, n - 1)?,
        }
        Ok(())
    }

    /// Counts something in the input that is not a result, and keeps the first few notices.
    pub fn skip(&mut self, where_: &str, message: &str) {
        self.skipped += 1;
        if self.notices.len() < MAX_NOTICES {
            let message = crate::sanitize::escape(message);
            self.notices.push(format!("{where_}: {message}"));
        }
    }

    /// The domains read so far.
    pub fn domains(&self) -> usize {
        self.domains
    }

    fn spill(&mut self, view: &DomainView, index: usize) -> io::Result<()> {
        let (row, section) = (self.rows.position(), self.sections.position());
        Row { view, index }.write_into(&mut self.rows)?;
        let part = Section {
            view,
            index,
            inline: false,
            today: self.options.today,
        };
        part.write_into(&mut self.sections)?;
        let place = Place {
            row: (row, self.rows.position() - row),
            section: (section, self.sections.position() - section),
        };
        self.listed.add(view.errors, view.warnings, index, place);
        Ok(())
    }

    /// Ends the input: gives back the writers (flushed) and what the page needs besides them.
    pub fn finish(mut self) -> io::Result<(Page, W, W)> {
        self.rows.flush()?;
        self.sections.flush()?;
        let page = Page {
            options: self.options,
            summary: self.summary,
            single: self.first,
            domains: self.domains,
            listed: self.listed,
            skipped: self.skipped,
            notices: self.notices,
        };
        Ok((page, self.rows.into_inner(), self.sections.into_inner()))
    }
}

/// Everything but the spilled rows and sections.
pub struct Page {
    options: Options,
    summary: Summary,
    single: Option<DomainView>,
    domains: usize,
    listed: Listed,
    skipped: u64,
    notices: Vec<String>,
}

impl Page {
    /// Writes the page to `out`, joining in the rows and sections read back from where they
    /// were spilled, and "What changed" when a baseline was compared.
    pub fn write<R: Read + Seek>(
        &self,
        out: &mut dyn Write,
        rows: &mut R,
        sections: &mut R,
        changes: Option<&DiffReport>,
    ) -> io::Result<()> {
        let title = self.title();
        let meta = self.meta();
        Start {
            version: env!("CARGO_PKG_VERSION"),
            title: &title,
            meta: &meta,
            css: CSS,
            hidden_columns: self.hidden_columns(),
        }
        .write_into(out)?;
        if let Some(view) = &self.single {
            if let Some(diff) = changes {
                write_changes(out, diff)?;
            }
            let section = Section {
                view,
                index: 0,
                inline: true,
                today: self.options.today,
            };
            section.write_into(out)?;
        } else {
            charts::summary_block(&self.summary, changes.is_some()).write_into(out)?;
            if let Some(diff) = changes {
                write_changes(out, diff)?;
            }
            self.table_start().write_into(out)?;
            let n = self.domains;
            self.listed.copy(n, rows, out, |place| place.row)?;
            out.write_all(page::TABLE_END.as_bytes())?;
            self.listed.copy(n, sections, out, |place| place.section)?;
            out.write_all(page::SECTIONS_END.as_bytes())?;
        }
        self.end().write_into(out)?;
        out.flush()
    }

    fn title(&self) -> String {
        match (&self.single, self.domains) {
            (Some(view), _) => format!("Mail audit: {}", view.domain),
            (None, n) => format!("Mail audit: {n} domains"),
        }
    }

    fn meta(&self) -> String {
        let s = &self.summary;
        let domains = if s.domains == 1 { "domain" } else { "domains" };
        format!(
            "{} {domains}, {} with errors, {} with warnings only; as of {}",
            s.domains, s.with_errors, s.with_warnings, self.options.today
        )
    }

    /// CSS that hides the table columns of the areas no domain was checked for.
    fn hidden_columns(&self) -> String {
        let not_asked = STATUSES.len() - 1;
        let mut css = String::new();
        for (i, counts) in self.summary.areas.iter().enumerate() {
            if counts.iter().sum::<u64>() == counts[not_asked] {
                // The first column is the domain's name.
                let _ = writeln!(css, "#domains tr > :nth-child({}){{display:none}}", i + 2);
            }
        }
        css
    }

    fn table_start(&self) -> TableStart {
        let not_asked = STATUSES.len() - 1;
        let areas = AREAS
            .iter()
            .zip(self.summary.areas)
            .filter(|(_, counts)| counts.iter().sum::<u64>() > counts[not_asked])
            .map(|(area, _)| *area)
            .collect();
        let mut codes: Vec<String> = self.summary.codes.keys().cloned().collect();
        codes.sort();
        let listed = if self.listed.everything(self.domains) {
            self.domains
        } else {
            self.listed.max()
        };
        TableStart {
            areas,
            all_areas: AREAS,
            statuses: STATUSES[..not_asked].to_vec(),
            codes,
            listed,
            total: self.domains,
        }
    }

    fn end(&self) -> End<'_> {
        let mut glossary: Vec<GlossaryEntry> = if self.single.is_some() {
            Vec::new()
        } else {
            self.summary
                .codes
                .keys()
                .filter_map(|code| crate::catalog::find(code))
                .map(|code| code.entry().into())
                .collect()
        };
        glossary.sort_by_key(|entry| entry.code);
        End {
            glossary,
            invalid: &self.summary.invalid,
            invalid_total: self.summary.invalid_total,
            version: env!("CARGO_PKG_VERSION"),
            today: self.options.today,
            sources: self.options.sources.join(", "),
            skipped: self.skipped,
            notices: &self.notices,
            js: JS,
        }
    }
}

fn write_changes(out: &mut dyn Write, diff: &DiffReport) -> io::Result<()> {
    let shown = &diff.domains[..diff.domains.len().min(MAX_CHANGED_SHOWN)];
    Changes {
        diff,
        shown,
        more: diff.domains.len() - shown.len(),
    }
    .write_into(out)
}
