//! TLS-RPT (RFC 8460 §3): a missing or broken `_smtp._tls` record replaced by one that sends
//! reports to `--rua`, else to the valid `rua` URIs the records name, else to
//! `tls-reports@DOMAIN`.

use crate::check::CheckReport;
use crate::fix::Changes;
use crate::fix::generate::{TlsRptIntent, tls_rpt};

use super::{FixIntent, all_codes, clearing, old_rdata, refused, rua};

/// The codes a new record clears.
const FIXED: [&str; 7] = [
    "tlsrpt-missing",
    "tlsrpt-multiple-records",
    "tlsrpt-syntax-error",
    "tlsrpt-version-not-first",
    "tlsrpt-no-rua",
    "tlsrpt-rua-invalid",
    "tlsrpt-duplicate-field",
];

pub(super) fn plan(report: &CheckReport, intent: &FixIntent, out: &mut Changes) {
    let Some(tls) = &report.tls_rpt else {
        return;
    };
    let found = all_codes(&tls.findings);
    let fixes: Vec<String> = FIXED
        .iter()
        .filter(|c| found.contains(*c))
        .map(|c| (*c).to_string())
        .collect();
    if fixes.is_empty() {
        return;
    }
    let valid = |uri: &String| {
        tls_rpt(&TlsRptIntent {
            domain: report.domain.clone(),
            rua: vec![uri.clone()],
            ttl: intent.ttl,
        })
        .is_ok()
    };
    let mut kept: Vec<String> = tls
        .records
        .iter()
        .flat_map(|r| r.rua.iter())
        .filter(|u| valid(u))
        .cloned()
        .collect();
    if intent.rua.is_some() || kept.is_empty() {
        kept = vec![rua(intent, "tls-reports", &report.domain)];
    }
    let generated = tls_rpt(&TlsRptIntent {
        domain: report.domain.clone(),
        rua: kept,
        ttl: intent.ttl,
    });
    let old: Vec<String> = tls.records.iter().map(|r| old_rdata(&r.strings)).collect();
    match generated {
        Ok(c) => out.changes.extend(
            c.changes
                .into_iter()
                .map(|c| clearing(c, fixes.clone(), old.clone())),
        ),
        Err(e) => refused(out, &fixes[0], &report.domain, e),
    }
}
