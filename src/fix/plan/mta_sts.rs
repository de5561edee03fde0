//! MTA-STS (RFC 8461): a missing record and policy built from the domain's real MX hosts, in
//! `mode: testing`; a policy that leaves MX hosts out rewritten with them, under a new `id`
//! (senders fetch a policy again only when the id changes). Serving the file is manual work.

use crate::check::CheckReport;
use crate::fix::Changes;
use crate::fix::generate::{MtaStsIntent, mta_sts};
use crate::mx::Delivery;
use crate::policy::mta_sts::Mode;

use super::{FixIntent, all_codes, clearing, old_rdata, refused};

const MISSING: &str = "mta-sts-missing";
const NOT_COVERED: &str = "mta-sts-mx-not-covered";
/// A week: long enough to protect, short enough to correct a mistake in testing.
const MAX_AGE: u64 = 604_800;

pub(super) fn plan(report: &CheckReport, intent: &FixIntent, out: &mut Changes) {
    let Some(sts) = &report.mta_sts else {
        return;
    };
    let found = all_codes(&sts.findings);
    let code = if found.contains(MISSING) {
        MISSING
    } else if found.contains(NOT_COVERED) {
        NOT_COVERED
    } else {
        return;
    };
    // The hosts as the MX plan leaves them: aliases already replaced by their targets.
    let hosts: Vec<String> = report
        .mx
        .as_ref()
        .filter(|m| m.delivery == Delivery::Mx)
        .map(super::mx::exchanges)
        .unwrap_or_default();
    let (mode, mut mx, max_age) = match (&sts.policy, code) {
        (Some(p), NOT_COVERED) => (
            p.mode.unwrap_or(Mode::Testing),
            p.mx.clone(),
            p.max_age.unwrap_or(MAX_AGE),
        ),
        _ => (Mode::Testing, Vec::new(), MAX_AGE),
    };
    mx.extend(hosts);
    let generated = mta_sts(&MtaStsIntent {
        domain: report.domain.clone(),
        mode,
        mx,
        max_age,
        id: intent.mta_sts_id.clone(),
        ttl: intent.ttl,
    });
    let old: Vec<String> = sts.records.iter().map(|r| old_rdata(&r.strings)).collect();
    match generated {
        Ok(c) => {
            out.changes.extend(
                c.changes
                    .into_iter()
                    .map(|c| clearing(c, vec![code.into()], old.clone())),
            );
            out.files.extend(c.files);
            out.manual.extend(c.manual);
        }
        Err(e) => refused(out, code, &report.domain, e),
    }
}
