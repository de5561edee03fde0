//! TLS-RPT (RFC 8460 §3): a missing or broken `_smtp._tls` record replaced by one that sends
//! reports to `--rua`, else to `tls-reports@DOMAIN`.

use crate::check::CheckReport;
use crate::fix::Changes;
use crate::fix::generate::{TlsRptIntent, tls_rpt};

use super::{FixIntent, all_codes, clearing, old_rdata, refused, rua};

/// The codes a new record clears.
const FIXED: [&str; 3] = [
    "tlsrpt-missing",
    "tlsrpt-multiple-records",
    "tlsrpt-syntax-error",
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
    let generated = tls_rpt(&TlsRptIntent {
        domain: report.domain.clone(),
        rua: vec![rua(intent, "tls-reports", &report.domain)],
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
