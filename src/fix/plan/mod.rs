//! From a check's report to changes (RFC 7208 SPF, RFC 9989 DMARC, RFC 8461 MTA-STS, RFC 8460
//! TLS-RPT, RFC 7505 null MX, RFC 5321 MX, RFC 6376 DKIM, BIMI): each change names the finding
//! codes it clears; a finding no record can clear goes to `manual` with what to do, never to a
//! change that does not work. Pure: the report and the intent in, the changes out.

mod bimi;
pub mod dkim;
mod dmarc;
mod mta_sts;
mod mx;
mod parked;
mod spf;
mod tls_rpt;

use std::collections::BTreeSet;

use crate::check::CheckReport;
use crate::finding::{Finding, Outcome, Severity};
use crate::fix::{Change, Changes, Manual};

/// What the owner says beyond what DNS shows.
#[derive(Debug, Clone, Default)]
pub struct FixIntent {
    /// Where aggregate reports go (DMARC and TLS-RPT); `None`: an address in the domain.
    pub rua: Option<String>,
    /// The domain sends and receives no mail.
    pub parked: bool,
    /// `~all` instead of `-all`.
    pub softfail: bool,
    /// Hints for a new SPF record: other domains' senders and networks.
    pub include: Vec<String>,
    pub ip4: Vec<String>,
    pub ip6: Vec<String>,
    pub ttl: u32,
    /// The `id` of a new MTA-STS record (the caller takes it from the clock).
    pub mta_sts_id: String,
    /// A DKIM key made for the domain (`fix --out DIR`), to publish.
    pub dkim_key: Option<dkim::NewKey>,
    /// Includes never flattened (`--keep`).
    pub keep: Vec<String>,
    /// The networks of the SPF tree's `a`, `mx` and `ptr` terms, looked up before planning.
    pub spf_networks: crate::spf::networks::SpfNetworks,
    /// When the domain has several SPF records: the audit of the one `fix` merges them into
    /// ([`spf_merged_record`]), so the merged record's lookups are planned too.
    pub spf_merged: Option<crate::spf::SpfReport>,
}

/// Whether planning SPF needs the networks of its terms (`ptr`, void lookups, too many
/// lookups): otherwise they are not looked up.
pub fn spf_needs_networks(report: &crate::spf::SpfReport) -> bool {
    let found = codes(&report.findings);
    [
        "spf-ptr",
        "spf-too-many-lookups",
        "spf-too-many-void-lookups",
    ]
    .iter()
    .any(|c| found.contains(c))
}

/// The record several SPF records are merged into, to audit (as `spf_merged`) before planning.
pub fn spf_merged_record(report: &CheckReport, intent: &FixIntent) -> Option<String> {
    spf::merged_record(report, intent)
}

/// The changes that clear `report`'s findings, and the work left to a person.
pub fn plan(report: &CheckReport, intent: &FixIntent) -> Changes {
    let mut out = Changes::default();
    if is_parked(report, intent) {
        parked::plan(report, intent, &mut out);
    } else {
        spf::plan(report, intent, &mut out);
        dmarc::plan(report, intent, &mut out);
        tls_rpt::plan(report, intent, &mut out);
        mta_sts::plan(report, intent, &mut out);
        mx::plan(report, intent, &mut out);
        dkim::plan(report, intent, &mut out);
        // After DMARC: its prerequisites point at the DMARC change.
        bimi::plan(report, &mut out);
    }
    leftovers(report, &mut out);
    out
}

/// Parked as the owner says, as a null MX alone says, or as the check's parked findings say. A
/// null MX beside real hosts is a mistake the MX plan corrects, not a decision to park.
fn is_parked(report: &CheckReport, intent: &FixIntent) -> bool {
    intent.parked
        || report
            .mx
            .as_ref()
            .is_some_and(|m| m.delivery == crate::mx::Delivery::NullMx)
        || report
            .findings
            .iter()
            .any(|f| f.code.as_str().starts_with("check-parked-"))
}

/// Every warning and error no change or manual entry speaks for, as manual work with the
/// catalog's advice.
fn leftovers(report: &CheckReport, out: &mut Changes) {
    let mut covered: BTreeSet<String> = out
        .changes
        .iter()
        .flat_map(|c| c.fixes.iter().cloned())
        .chain(out.manual.iter().map(|m| m.code.clone()))
        .collect();
    for finding in actionable(report) {
        if covered.insert(finding.code.as_str().to_string()) {
            out.manual.push(Manual {
                code: finding.code.as_str().to_string(),
                subject: finding.subject.clone(),
                why: format!(
                    "{}. {}",
                    finding.message.trim_end_matches('.'),
                    finding.code.entry().fix
                ),
            });
        }
    }
}

/// The warnings and errors of the report and its areas, but those the config file suppresses.
pub(super) fn actionable(report: &CheckReport) -> Vec<&Finding> {
    fn walk<'a>(o: &'a dyn Outcome, out: &mut Vec<&'a Finding>) {
        out.extend(
            o.findings()
                .iter()
                .filter(|f| f.severity >= Severity::Warning && !f.is_suppressed()),
        );
        for part in o.parts() {
            walk(part, out);
        }
    }
    let mut out = Vec::new();
    walk(report, &mut out);
    out
}

/// The codes of `findings` that are warnings or errors.
fn codes(findings: &[Finding]) -> BTreeSet<&'static str> {
    findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning && !f.is_suppressed())
        .map(|f| f.code.as_str())
        .collect()
}

/// The codes of `findings`, notes included: a missing MTA-STS or TLS-RPT record is only a note,
/// yet worth a record.
fn all_codes(findings: &[Finding]) -> BTreeSet<&'static str> {
    findings
        .iter()
        .filter(|f| !f.is_suppressed())
        .map(|f| f.code.as_str())
        .collect()
}

/// The report address for `tag` reports: `--rua`, else `LOCAL@DOMAIN`.
fn rua(intent: &FixIntent, local: &str, domain: &str) -> String {
    match &intent.rua {
        Some(given) => crate::fix::generate::with_mailto(given),
        None => format!("mailto:{local}@{domain}"),
    }
}

/// A published record set's strings as presentation data.
fn old_rdata(strings: &[String]) -> String {
    let bytes: Vec<Vec<u8>> = strings.iter().map(|s| s.as_bytes().to_vec()).collect();
    crate::fix::quoted_strings(&bytes)
}

/// `change` marked as clearing `fixes`, replacing `old` when there is any.
fn clearing(mut change: Change, fixes: Vec<String>, old: Vec<String>) -> Change {
    change.fixes = fixes;
    if !old.is_empty() {
        change.action = crate::fix::Action::Replace;
        change.old = old;
    }
    change
}

/// A generator's refusal as manual work about `code`.
fn refused(out: &mut Changes, code: &str, subject: &str, why: impl std::fmt::Display) {
    out.manual.push(Manual {
        code: code.to_string(),
        subject: subject.to_string(),
        why: format!("No record can be proposed: {why}"),
    });
}
