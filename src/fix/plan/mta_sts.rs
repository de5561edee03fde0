//! MTA-STS (RFC 8461): a missing record and policy built from the domain's real MX hosts, in
//! `mode: testing`; a record that does not parse, or several, replaced by one with a fresh `id`;
//! a policy with invalid fields, or that leaves MX hosts out, rewritten — its valid mode, `mx`
//! patterns and `max_age` kept, the MX hosts added — under a new `id` (senders fetch a policy
//! again only when the id changes). Serving the file is work for a person, and comes first: while
//! `mta-sts.DOMAIN` has no address, a missing record is not proposed but said, with the file to
//! serve (RFC 8461 §3.3: a record without its policy only makes senders fail and report).

use std::collections::BTreeSet;

use crate::check::CheckReport;
use crate::fix::generate::{MtaStsIntent, mta_sts, mta_sts_pattern};
use crate::fix::{Changes, Manual};
use crate::mx::Delivery;
use crate::policy::mta_sts::{MAX_AGE_LIMIT, MAX_AGE_SHORT, Mode, MtaStsReport};

use super::{FixIntent, all_codes, clearing, old_rdata, refused};

const MISSING: &str = "mta-sts-missing";
/// Cleared by a new record with a fresh `id`.
const RECORD: [&str; 6] = [
    "mta-sts-policy-without-record",
    "mta-sts-multiple-records",
    "mta-sts-record-syntax-error",
    "mta-sts-record-version-not-first",
    "mta-sts-record-id-invalid",
    "mta-sts-record-duplicate-field",
];
/// Cleared by a new policy file (and a new `id` for senders to fetch it).
const POLICY: [&str; 11] = [
    "mta-sts-mx-not-covered",
    "mta-sts-policy-syntax-error",
    "mta-sts-policy-version-invalid",
    "mta-sts-policy-mode-invalid",
    "mta-sts-policy-max-age-invalid",
    "mta-sts-policy-max-age-too-long",
    "mta-sts-policy-max-age-short",
    "mta-sts-policy-duplicate-field",
    "mta-sts-policy-no-mx",
    "mta-sts-policy-mx-invalid",
    "mta-sts-policy-lf-endings",
];
/// A week: long enough to protect, short enough to correct a mistake in testing.
const MAX_AGE: u64 = 604_800;
/// The `max_age` range the lints accept without a warning.
const MAX_AGE_KEPT: std::ops::RangeInclusive<u64> = MAX_AGE_SHORT..=MAX_AGE_LIMIT;

pub(super) fn plan(report: &CheckReport, intent: &FixIntent, out: &mut Changes) {
    let Some(sts) = &report.mta_sts else {
        return;
    };
    let found = all_codes(&sts.findings);
    let pick = |list: &[&str]| -> Vec<String> {
        list.iter()
            .filter(|c| found.contains(**c))
            .map(|c| (*c).to_string())
            .collect()
    };
    let missing = found.contains(MISSING);
    let record_codes = pick(&RECORD);
    // A policy that was fetched but is broken; one that could not be fetched is a server's
    // problem, left to manual.
    let policy_codes = if sts.policy.is_some() {
        pick(&POLICY)
    } else {
        Vec::new()
    };
    if !missing && record_codes.is_empty() && policy_codes.is_empty() {
        return;
    }
    let (mode, mx, max_age) = kept(report, sts);
    let generated = mta_sts(&MtaStsIntent {
        domain: report.domain.clone(),
        mode,
        mx,
        max_age,
        id: intent.mta_sts_id.clone(),
        ttl: intent.ttl,
    });
    let mut fixes: Vec<String> = missing.then(|| MISSING.to_string()).into_iter().collect();
    fixes.extend(record_codes);
    fixes.extend(policy_codes.iter().cloned());
    let old: Vec<String> = sts.records.iter().map(|r| old_rdata(&r.strings)).collect();
    let c = match generated {
        Ok(c) => c,
        Err(e) => return refused(out, &fixes[0], &report.domain, e),
    };
    if missing && sts.policy.is_none() {
        return serve_first(&report.domain, sts.fetch.is_some(), c, out);
    }
    out.changes.extend(
        c.changes
            .into_iter()
            .map(|c| clearing(c, fixes.clone(), old.clone())),
    );
    // The file to serve, unless the one served now is fine.
    if sts.policy.is_none() || !policy_codes.is_empty() {
        out.files.extend(c.files.iter().cloned());
    }
    if sts.policy.is_none() {
        // No policy is served yet: the generator says how to serve one.
        out.manual.extend(c.manual);
    } else if let (Some(file), Some(code)) = (c.files.first(), policy_codes.first()) {
        out.manual.push(Manual {
            code: code.clone(),
            subject: report.domain.clone(),
            why: format!(
                "Serve the new policy file at {} in place of the current one, then publish the \
                 record with its new id: senders fetch a policy again only when the id changes.",
                file.url
            ),
        });
    }
}

/// No record yet and no policy served: the file to serve, and the record to publish once it is
/// served, as work for a person. `addressed`: the policy host has an address already.
fn serve_first(domain: &str, addressed: bool, generated: Changes, out: &mut Changes) {
    let (Some(record), Some(file)) = (generated.changes.first(), generated.files.first()) else {
        return;
    };
    let host = format!("mta-sts.{domain}");
    let address = if addressed {
        String::new()
    } else {
        format!("Give {host} an address and ")
    };
    let serve = if addressed { "Serve" } else { "serve" };
    out.manual.push(Manual {
        code: MISSING.into(),
        subject: host.clone(),
        why: format!(
            "{address}{serve} the policy file at {} over HTTPS with a certificate valid for \
             {host} (RFC 8461 §3.3); then publish {} TXT {} — `fix` proposes it once the \
             policy is served.",
            file.url, record.name, record.new[0]
        ),
    });
    out.files.extend(generated.files);
}

/// What the new policy says: the current policy's valid mode (else testing), its valid `mx`
/// patterns and the MX hosts as the MX plan leaves them, and its `max_age` when in range
/// (else a week).
fn kept(report: &CheckReport, sts: &MtaStsReport) -> (Mode, Vec<String>, u64) {
    let hosts: Vec<String> = report
        .mx
        .as_ref()
        .filter(|m| m.delivery == Delivery::Mx)
        .map(super::mx::exchanges)
        .unwrap_or_default();
    let Some(policy) = &sts.policy else {
        return (Mode::Testing, hosts, MAX_AGE);
    };
    // Mode none too: it withdraws MTA-STS, the owner's decision to keep.
    let mode = policy.mode.unwrap_or(Mode::Testing);
    let mut seen = BTreeSet::new();
    let mx: Vec<String> = policy
        .mx
        .iter()
        .filter_map(|m| mta_sts_pattern(m).ok())
        .chain(hosts)
        .filter(|m| seen.insert(m.clone()))
        .collect();
    let max_age = policy
        .max_age
        .filter(|a| MAX_AGE_KEPT.contains(a))
        .unwrap_or(MAX_AGE);
    (mode, mx, max_age)
}
