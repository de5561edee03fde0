//! DKIM (RFC 6376, RFC 8301): keys are made where mail is signed, so a domain with no working
//! key gets the `mailaudit dkim` command that makes one — or, with `fix --out DIR`, a key made
//! there under this quarter's selector, whose record is one of the changes. A short key is
//! replaced, never deleted in place: its selector is retired by a person once the signer uses
//! the new one.

use crate::check::CheckReport;
use crate::date::Date;
use crate::dkim::{DkimReport, Selector, SelectorStatus};
use crate::finding::Finding;
use crate::fix::{Change, Changes, Manual};

use super::{FixIntent, codes};

/// The codes that say the domain has no key a verifier can use.
const NO_KEY: [&str; 3] = ["dkim-none-found", "dkim-no-domainkey", "dkim-key-revoked"];
/// The codes of a key too weak to keep.
const WEAK: [&str; 2] = ["dkim-key-short", "dkim-key-too-short"];
/// Only Ed25519 keys: verifiers without Ed25519 need an RSA key beside them (RFC 8463 §4).
const ED25519_ONLY: &str = "dkim-eddsa-only";

/// A key `fix --out DIR` made: the planner publishes its record and says where the key is.
#[derive(Debug, Clone)]
pub struct NewKey {
    pub selector: Selector,
    /// The TXT record's value (`v=DKIM1; k=rsa; p=...`).
    pub value: String,
    /// Where the private key was written.
    pub key_file: String,
}

/// Whether the domain needs a new key: no key, only revoked keys, a weak one, or only Ed25519.
pub fn wanted(report: &CheckReport) -> bool {
    report.dkim.as_ref().is_some_and(|d| {
        let (missing, weak) = needs(d);
        !missing.is_empty() || !weak.is_empty()
    })
}

/// The codes a new key answers (no usable key, or no RSA key), and the weak keys it replaces.
fn needs(dkim: &DkimReport) -> (Vec<String>, Vec<&Finding>) {
    let found = codes(&dkim.findings);
    let mut missing: Vec<String> = NO_KEY[..2]
        .iter()
        .filter(|c| found.contains(*c))
        .map(|c| (*c).to_string())
        .collect();
    if only_revoked(dkim) {
        missing.push(NO_KEY[2].into());
    }
    // An RSA key beside the Ed25519 ones is what is missing there.
    if found.contains(ED25519_ONLY) {
        missing.push(ED25519_ONLY.into());
    }
    let weak = dkim
        .findings
        .iter()
        .filter(|f| !f.is_suppressed() && WEAK.contains(&f.code.as_str()))
        .collect();
    (missing, weak)
}

/// The selectors a new key made `today` may take, in order: the quarter's (`s2026q4`, as `dkim
/// rotate` names them and discovery tries them), then the next quarter's — those the report
/// does not show in use. The caller makes sure DNS has nothing there either (with `--selector`
/// the report shows only the selectors asked for).
pub fn selectors_for(report: &CheckReport, today: Date) -> Vec<Selector> {
    let taken = |s: &Selector| {
        report.dkim.as_ref().is_some_and(|d| {
            d.selectors
                .iter()
                .any(|r| r.selector == s.as_str() && r.status != SelectorStatus::NotFound)
        })
    };
    let (year, quarter) = (today.year(), today.quarter());
    let next = if quarter == 4 {
        (year + 1, 1)
    } else {
        (year, quarter + 1)
    };
    [(year, quarter), next]
        .into_iter()
        .filter_map(|(y, q)| Selector::new(&format!("s{y}q{q}")).ok())
        .filter(|s| !taken(s))
        .collect()
}

pub(super) fn plan(report: &CheckReport, intent: &FixIntent, out: &mut Changes) {
    let Some(dkim) = &report.dkim else {
        return;
    };
    let domain = &report.domain;
    let (missing, weak) = needs(dkim);
    if missing.is_empty() && weak.is_empty() {
        return;
    }
    if let Some(key) = &intent.dkim_key {
        publish(domain, key, intent.ttl, &missing, &weak, out);
        return;
    }
    for code in missing {
        let rsa = if code == ED25519_ONLY { "RSA " } else { "" };
        out.manual.push(Manual {
            code,
            subject: domain.clone(),
            why: format!(
                "No {rsa}DKIM key a verifier can use was found. Make one where the mail is signed \
                 with `mailaudit dkim keygen --domain {domain} --selector SELECTOR` (or \
                 `mailaudit fix --out DIR`) and publish the TXT record it prints; when the \
                 provider signs, publish the record it gives."
            ),
        });
    }
    for finding in weak {
        out.manual.push(Manual {
            code: finding.code.as_str().into(),
            subject: finding.subject.clone(),
            why: format!(
                "Replace this key: `mailaudit dkim rotate --domain {domain}` makes a new key \
                 under a new selector and says when to retire the old one."
            ),
        });
    }
}

/// The new key's record as a change, and what the person does with the key.
fn publish(
    domain: &str,
    key: &NewKey,
    ttl: u32,
    missing: &[String],
    weak: &[&Finding],
    out: &mut Changes,
) {
    let name = key.selector.record_name(domain);
    let why = format!(
        "DKIM key of {domain} under selector {}: the private key is in {}.",
        key.selector, key.key_file
    );
    let mut change = Change::add_txt(&name, &key.value, ttl, why);
    // A revoked key stays published (and said) after a new one is added: not cleared here.
    change.fixes = missing
        .iter()
        .filter(|c| c.as_str() != NO_KEY[2])
        .cloned()
        .collect();
    out.changes.push(change);
    let sign = format!(
        "Configure the signer to sign mail from {domain} with {} as d={domain}, s={}; the record \
         can be published first.",
        key.key_file, key.selector
    );
    for code in missing {
        out.manual.push(Manual {
            code: code.clone(),
            subject: name.clone(),
            why: sign.clone(),
        });
    }
    for finding in weak {
        out.manual.push(Manual {
            code: finding.code.as_str().into(),
            subject: finding.subject.clone(),
            why: format!(
                "{sign} Once it does, and a week has passed for mail in transit, retire the weak \
                 key: publish \"v=DKIM1; p=\" at {} (RFC 6376 §3.6.1).",
                finding.subject
            ),
        });
    }
}

/// Keys were found, and every one of them is revoked: nothing verifies.
fn only_revoked(dkim: &DkimReport) -> bool {
    let records: Vec<_> = dkim
        .selectors
        .iter()
        .filter(|s| s.status == SelectorStatus::Found)
        .flat_map(|s| &s.records)
        .collect();
    !records.is_empty() && records.iter().all(|r| r.revoked)
}
