//! MX records (RFC 7505 §3, RFC 2181 §10.3, RFC 5321 §5.1) of a domain that receives mail: a
//! null MX beside real hosts taken out, an exchange that is an alias replaced by the name it
//! points to, and a host named twice kept once at its lowest preference — one replacement of
//! the record set.

use std::collections::BTreeSet;

use crate::check::CheckReport;
use crate::dns::RecordType;
use crate::fix::{Action, Change, Changes, absolute};
use crate::mx::{Delivery, MxReport};

use super::{FixIntent, codes};

const NULL_MIXED: &str = "mx-null-mixed";
const CNAME: &str = "mx-target-cname";
const DUPLICATE: &str = "mx-duplicate-host";

pub(super) fn plan(report: &CheckReport, intent: &FixIntent, out: &mut Changes) {
    let Some(mx) = report.mx.as_ref().filter(|m| m.delivery == Delivery::Mx) else {
        return;
    };
    let found = codes(&mx.findings);
    let fixes: Vec<String> = [NULL_MIXED, CNAME, DUPLICATE]
        .into_iter()
        .filter(|c| found.contains(c))
        .map(String::from)
        .collect();
    if fixes.is_empty() {
        return;
    }
    let new = rewritten(mx);
    let mut why = vec![format!("MX records of {}:", report.domain)];
    if found.contains(NULL_MIXED) {
        why.push(
            "the null MX goes, as real hosts receive the domain's mail (if it receives none, \
             run fix --parked instead);"
                .into(),
        );
    }
    if found.contains(CNAME) {
        why.push(
            "each exchange names the host itself, not an alias, as senders and MTA-STS expect;"
                .into(),
        );
    }
    if found.contains(DUPLICATE) {
        why.push("each host is named once, at its lowest preference;".into());
    }
    let why = why.join(" ").trim_end_matches(';').to_string() + ".";
    out.changes.push(Change {
        name: absolute(&report.domain),
        rtype: RecordType::Mx,
        action: Action::Replace,
        old: mx.records.iter().map(|(p, n)| rdata(*p, n)).collect(),
        new: new.iter().map(|(p, n)| rdata(*p, n)).collect(),
        ttl: intent.ttl,
        fixes,
        why,
    });
}

/// The published records without the null MX, each alias replaced by its target, each host
/// once at its lowest preference, in preference order.
fn rewritten(mx: &MxReport) -> Vec<(u16, String)> {
    let target = |name: &str| {
        mx.hosts
            .iter()
            .find(|h| h.name == name)
            .and_then(|h| h.cname.as_deref())
            .map_or_else(
                || name.to_string(),
                |t| t.trim_end_matches('.').to_ascii_lowercase(),
            )
    };
    let mut records: Vec<(u16, String)> = mx
        .records
        .iter()
        .filter(|(_, name)| !name.is_empty())
        .map(|(p, name)| (*p, target(name)))
        .collect();
    records.sort();
    let mut seen = BTreeSet::new();
    records.retain(|(_, name)| seen.insert(name.clone()));
    records
}

/// The exchanges once the plan is applied, by preference.
pub(super) fn exchanges(mx: &MxReport) -> Vec<String> {
    rewritten(mx).into_iter().map(|(_, name)| name).collect()
}

fn rdata(preference: u16, exchange: &str) -> String {
    if exchange.is_empty() {
        format!("{preference} .")
    } else {
        format!("{preference} {}", absolute(exchange))
    }
}
