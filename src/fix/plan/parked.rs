//! A parked domain (RFC 7505 null MX, RFC 7208, RFC 9989, RFC 6376 §3.6.1): no mail in or out —
//! a null MX, `v=spf1 -all`, a DMARC policy that rejects everything, and a revoked key for every
//! DKIM selector (`*._domainkey` with an empty `p=`), each proposed only where what is published
//! says otherwise. Every SPF and DMARC finding is cleared by those records.

use crate::check::CheckReport;
use crate::dns::RecordType;
use crate::fix::{Change, Changes};
use crate::mx::Delivery;

use super::{FixIntent, clearing, codes, old_rdata};

const SPF: &str = "v=spf1 -all";

pub(super) fn plan(report: &CheckReport, intent: &FixIntent, out: &mut Changes) {
    let domain = &report.domain;
    let cross = codes(&report.findings);
    let with_cross = |mut fixes: Vec<String>, code: &str| {
        if cross.contains(code) {
            fixes.push(code.to_string());
        }
        fixes
    };
    if let Some(mx) = report.mx.as_ref().filter(|m| !m.null_mx) {
        let old: Vec<String> = if mx.delivery == Delivery::Mx {
            mx.hosts
                .iter()
                .map(|h| format!("{} {}.", h.preference, h.name))
                .collect()
        } else {
            Vec::new()
        };
        let why = format!(
            "Null MX of {domain} (RFC 7505): it accepts no mail, so senders fail at once instead \
             of retrying for days."
        );
        let change = Change::add(domain, RecordType::Mx, "0 .".into(), intent.ttl, why);
        let fixes: Vec<String> = codes(&mx.findings).into_iter().map(String::from).collect();
        out.changes.push(clearing(change, fixes, old));
    }
    if let Some(spf) = &report.spf {
        let current = spf.tree.as_ref();
        if current
            .is_none_or(|t| t.record.split_whitespace().collect::<Vec<_>>() != ["v=spf1", "-all"])
        {
            let fixes: Vec<String> = codes(&spf.findings).into_iter().map(String::from).collect();
            let why = format!("SPF record of {domain}: no host sends its mail.");
            let change = Change::add_txt(domain, SPF, intent.ttl, why);
            let old = current
                .map(|t| vec![old_rdata(&t.strings)])
                .unwrap_or_default();
            out.changes
                .push(clearing(change, with_cross(fixes, "check-parked-spf"), old));
        }
    }
    if let Some(d) = &report.dmarc {
        dmarc(
            report,
            d,
            intent,
            out,
            with_cross(Vec::new(), "check-parked-dmarc"),
        );
    }
    if let Some(d) = &report.dkim {
        dkim(report, d, intent, out);
    }
}

/// `*._domainkey` "v=DKIM1; p=" when no selector answers at all: a signature in the domain's
/// name then fails as revoked (RFC 6376 §3.6.1) instead of finding no key.
fn dkim(report: &CheckReport, d: &crate::dkim::DkimReport, intent: &FixIntent, out: &mut Changes) {
    use crate::dkim::SelectorStatus;
    let answered = d
        .selectors
        .iter()
        .any(|s| s.status != SelectorStatus::NotFound);
    if d.incomplete || answered {
        return;
    }
    let domain = &report.domain;
    let why = format!(
        "Revoked DKIM key for every selector of {domain}: it signs no mail, so a signature in its          name fails instead of finding no key."
    );
    let change = Change::add_txt(
        &format!("*._domainkey.{domain}"),
        "v=DKIM1; p=",
        intent.ttl,
        why,
    );
    let fixes = codes(&d.findings)
        .into_iter()
        .filter(|c| matches!(*c, "dkim-none-found" | "dkim-no-domainkey"))
        .map(String::from)
        .collect();
    out.changes.push(clearing(change, fixes, Vec::new()));
}

/// `p=reject; sp=reject` at `_dmarc.DOMAIN` unless it says so already; reports only to `--rua`
/// (the domain itself receives no mail).
fn dmarc(
    report: &CheckReport,
    d: &crate::dmarc::DmarcReport,
    intent: &FixIntent,
    out: &mut Changes,
    mut fixes: Vec<String>,
) {
    let domain = &report.domain;
    let own = d.record.as_ref().filter(|r| !r.inherited);
    let text = own
        .map(|r| r.text.to_ascii_lowercase().replace(' ', ""))
        .unwrap_or_default();
    if fixes.is_empty() && text.contains("p=reject") && text.contains("sp=reject") {
        return;
    }
    let mut value = "v=DMARC1; p=reject; sp=reject".to_string();
    if let Some(rua) = &intent.rua {
        value.push_str("; rua=");
        value.push_str(rua);
    }
    let found = codes(&d.findings);
    fixes.extend(
        found
            .into_iter()
            .filter(|c| intent.rua.is_some() || *c != "dmarc-no-rua")
            .map(String::from),
    );
    let why = format!(
        "DMARC policy of {domain}: it sends no mail, so mail in its name and its subdomains' is \
         rejected."
    );
    let change = Change::add_txt(&format!("_dmarc.{domain}"), &value, intent.ttl, why);
    let old = own.map(|r| vec![old_rdata(&r.strings)]).unwrap_or_default();
    out.changes.push(clearing(change, fixes, old));
}
