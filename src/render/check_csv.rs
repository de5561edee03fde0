//! `check --format csv`: one row per domain (RFC 4180) — each area's status as the scorecard
//! words it, the facts a spreadsheet user sorts and filters by, and the counts of findings.

use crate::check::CheckReport;
use crate::check::bulk::{CheckResult, InvalidInput};
use crate::dkim::{DkimReport, SelectorStatus};
use crate::dmarc::DmarcReport;
use crate::mx::{Delivery, MxReport};
use crate::policy::mta_sts::{Mode, MtaStsReport};
use crate::smtp::{ProbeReport, TlsMode};

use super::csv::{Cell, Row};
use super::text::SummaryRow;
use super::text::scorecard::{Line, scorecard};

/// The columns, in order. The README's table of them follows this list.
pub const COLUMNS: &[&str] = &[
    "domain",
    "spf",
    "dmarc",
    "dkim",
    "mx",
    "smtp",
    "mta_sts",
    "tls_rpt",
    "bimi",
    "spf_lookups",
    "dmarc_policy",
    "dkim_selectors",
    "mx_hosts",
    "starttls",
    "mta_sts_mode",
    "tls_rpt_rua",
    "bimi_logo",
    "errors",
    "warnings",
    "incomplete",
    "input_error",
];

/// The status columns and the scorecard's name for each area.
const AREAS: [&str; 8] = [
    "SPF", "DMARC", "DKIM", "MX", "SMTP", "MTA-STS", "TLS-RPT", "BIMI",
];

/// The SMTP status when the probe was not asked for (`--no-probe`); the text scorecard leaves
/// the line out.
const NOT_PROBED: &str = "not probed";

/// One input entry's row.
pub fn row(result: &CheckResult) -> Row {
    let cells = match result {
        CheckResult::Report(report) => report_cells(report),
        CheckResult::Invalid(invalid) => invalid_cells(invalid),
    };
    debug_assert_eq!(cells.len(), COLUMNS.len());
    Row {
        header: COLUMNS,
        cells,
    }
}

fn report_cells(r: &CheckReport) -> Vec<Cell> {
    let card = scorecard(r);
    let mut cells = vec![Cell::Outside(r.domain.clone())];
    cells.extend(AREAS.iter().map(|area| status(&card, area)));
    let counts = SummaryRow::of(r);
    cells.extend([
        r.spf
            .as_ref()
            .filter(|s| s.tree.is_some())
            .map_or_else(Cell::empty, |s| s.lookups.into()),
        r.dmarc.as_ref().map_or_else(Cell::empty, dmarc_policy),
        r.dkim.as_ref().map_or_else(Cell::empty, dkim_selectors),
        r.mx.as_ref().map_or_else(Cell::empty, mx_hosts),
        r.probe.as_ref().map_or_else(Cell::empty, starttls),
        r.mta_sts.as_ref().map_or_else(Cell::empty, mta_sts_mode),
        r.tls_rpt
            .as_ref()
            .and_then(|t| t.records.first())
            .map_or_else(Cell::empty, |t| Cell::Outside(t.rua.join(";"))),
        r.bimi
            .as_ref()
            .filter(|b| b.record.is_some() && !b.declined)
            .and_then(|b| b.location.clone())
            .map_or_else(Cell::empty, Cell::Outside),
        counts.errors.into(),
        counts.warnings.into(),
        r.incomplete.into(),
        Cell::empty(),
    ]);
    cells
}

/// An input line that is not a domain: the line, empty columns, and why.
fn invalid_cells(invalid: &InvalidInput) -> Vec<Cell> {
    let mut cells = vec![Cell::Outside(invalid.input.clone())];
    cells.resize(COLUMNS.len() - 1, Cell::empty());
    cells.push(Cell::Outside(invalid.error.clone()));
    cells
}

/// An area's scorecard word; "not probed" for the SMTP probe when it was not asked for.
fn status(card: &[Line], area: &str) -> Cell {
    match card.iter().find(|line| line.area == area) {
        Some(line) if line.asked => line.verdict.word().into(),
        Some(_) if area == "SMTP" => NOT_PROBED.into(),
        _ => Cell::empty(),
    }
}

/// The policy that applies to the domain (its own `p=`, or an inherited record's `sp=`/`np=`),
/// as the scorecard's `p=` shows it.
fn dmarc_policy(d: &DmarcReport) -> Cell {
    d.record
        .as_ref()
        .and(d.policy.as_ref())
        .and_then(|p| p.policy)
        .map_or_else(Cell::empty, |p| p.as_str().into())
}

/// The selectors with a key record, `;`-separated.
fn dkim_selectors(d: &DkimReport) -> Cell {
    let found: Vec<&str> = d
        .selectors
        .iter()
        .filter(|s| s.status == SelectorStatus::Found)
        .map(|s| s.selector.as_str())
        .collect();
    Cell::Outside(found.join(";"))
}

/// The exchanges by preference, `;`-separated; "." for a null MX (RFC 7505), and empty when
/// the domain has no MX records (mail goes to its own address, or nowhere) or the lookup failed.
fn mx_hosts(m: &MxReport) -> Cell {
    match m.delivery {
        Delivery::NullMx => ".".into(),
        Delivery::Mx => {
            let hosts: Vec<&str> = m.hosts.iter().map(|h| h.name.as_str()).collect();
            Cell::Outside(hosts.join(";"))
        }
        Delivery::Implicit | Delivery::None | Delivery::Unknown => Cell::empty(),
    }
}

/// Of the STARTTLS sessions that connected, on how many TLS was established: "all", "some"
/// or "none"; empty when none connected.
fn starttls(p: &ProbeReport) -> Cell {
    let (mut connected, mut secured) = (0, 0);
    for s in &p.sessions {
        if s.tls_mode == TlsMode::Starttls && s.connected {
            connected += 1;
            secured += usize::from(s.tls.as_ref().is_some_and(|t| t.established));
        }
    }
    match secured {
        _ if connected == 0 => Cell::empty(),
        n if n == connected => "all".into(),
        0 => "none".into(),
        _ => "some".into(),
    }
}

/// The fetched policy's mode; empty without a usable policy.
fn mta_sts_mode(m: &MtaStsReport) -> Cell {
    match m.policy.as_ref().and_then(|p| p.mode) {
        Some(Mode::Enforce) => "enforce".into(),
        Some(Mode::Testing) => "testing".into(),
        Some(Mode::None) => "none".into(),
        None => Cell::empty(),
    }
}
