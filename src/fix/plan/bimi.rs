//! BIMI's DMARC prerequisites (draft-brand-indicators-for-message-identification §7.1 steps
//! 7–9): they are met by the DMARC record, not the BIMI one, so each points at the DMARC change
//! the plan makes — which clears `sp=none` outright, and is otherwise one stage of the rollout
//! to quarantine or reject without `t=y` that BIMI waits for.

use crate::check::CheckReport;
use crate::finding::Severity;
use crate::fix::{Changes, Manual, absolute};

const NOT_ENFORCED: &str = "bimi-dmarc-not-enforced";
const PARTIAL: &str = "bimi-dmarc-partial-enforcement";
const SP_NONE: &str = "bimi-dmarc-sp-none";
const PREREQUISITES: [&str; 3] = [NOT_ENFORCED, PARTIAL, SP_NONE];

pub(super) fn plan(report: &CheckReport, out: &mut Changes) {
    let Some(bimi) = &report.bimi else {
        return;
    };
    let own = format!("_dmarc.{}", report.domain);
    let dmarc_change = out
        .changes
        .iter()
        .position(|c| c.name == absolute(&own) && c.new.iter().any(|r| r.contains("DMARC1")));
    // A rollout stage in testing is what BIMI calls partial enforcement: said as well, as the
    // state the DMARC change leads to.
    let testing_next = dmarc_change.is_some_and(|at| {
        out.changes[at]
            .new
            .iter()
            .any(|r| r.contains("t=y") || r.contains("pct="))
    });
    let mut said = Vec::new();
    for finding in bimi.findings.iter().filter(|f| {
        f.severity >= Severity::Warning
            && !f.is_suppressed()
            && PREREQUISITES.contains(&f.code.as_str())
    }) {
        let code = finding.code.as_str();
        if said.contains(&code) {
            continue;
        }
        said.push(code);
        if testing_next && code == NOT_ENFORCED && !said.contains(&PARTIAL) {
            said.push(PARTIAL);
            out.manual.push(Manual {
                code: PARTIAL.into(),
                subject: own.clone(),
                why: "The DMARC change above puts the policy in testing (t=y), which BIMI counts                       as partial enforcement: receivers show the logo once t=y is dropped."
                    .into(),
            });
        }
        if let Some(at) = dmarc_change {
            let change = &mut out.changes[at];
            // The DMARC plan raises a weaker `sp` to `p`, which is never none by then.
            let raises_sp = change
                .fixes
                .iter()
                .any(|c| c == "dmarc-subdomain-policy-weaker");
            if code == SP_NONE && raises_sp && finding.subject == own {
                change.fixes.push(code.into());
                continue;
            }
        }
        let next = if dmarc_change.is_some() {
            "the DMARC change above is the next stage toward it; once the reports show \
             legitimate mail passing, run fix again for the stage after"
        } else {
            "the DMARC record to publish is a decision of the domain's owner (`mailaudit \
             generate dmarc --policy reject` makes one)"
        };
        out.manual.push(Manual {
            code: code.into(),
            subject: finding.subject.clone(),
            why: format!(
                "{}. Receivers show a BIMI logo only once DMARC is at p=quarantine or p=reject \
                 for all of the mail (no t=y, no pct below 100, sp not none): {next}.",
                finding.message.trim_end_matches('.')
            ),
        });
    }
}
