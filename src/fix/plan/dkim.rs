//! DKIM (RFC 6376): keys are made where mail is signed, so a missing, short or revoked key is
//! work for a person — which `mailaudit dkim` command makes the key and its record.

use crate::check::CheckReport;
use crate::fix::{Changes, Manual};

use super::codes;

pub(super) fn plan(report: &CheckReport, out: &mut Changes) {
    let Some(dkim) = &report.dkim else {
        return;
    };
    let found = codes(&dkim.findings);
    let domain = &report.domain;
    for code in ["dkim-none-found", "dkim-no-domainkey"] {
        if found.contains(code) {
            out.manual.push(Manual {
                code: code.into(),
                subject: domain.clone(),
                why: format!(
                    "No DKIM key was found. Make one where the mail is signed with `mailaudit \
                     dkim keygen --domain {domain} --selector SELECTOR` and publish the TXT \
                     record it prints; when the provider signs, publish the record it gives."
                ),
            });
        }
    }
    for finding in dkim.findings.iter().filter(|f| !f.is_suppressed()) {
        let code = finding.code.as_str();
        if matches!(
            code,
            "dkim-key-short" | "dkim-key-too-short" | "dkim-key-revoked"
        ) {
            out.manual.push(Manual {
                code: code.into(),
                subject: finding.subject.clone(),
                why: format!(
                    "Replace this key: `mailaudit dkim rotate --domain {domain}` makes a new key \
                     under a new selector and says when to retire the old one."
                ),
            });
        }
    }
}
