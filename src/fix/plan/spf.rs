//! SPF (RFC 7208): a missing record built from the domain's MX hosts and the owner's hints, and
//! an `all` that lets everyone pass (`+all`, `?all`) or is not there turned into `-all` (`~all`
//! with `--softfail`). Lookup counts, `ptr`, void lookups and broad networks are left to a person.

use crate::check::CheckReport;
use crate::fix::Changes;
use crate::fix::generate::{AllPolicy, SpfIntent, spf};
use crate::mx::Delivery;

use super::{FixIntent, clearing, codes, old_rdata, refused};

const MISSING: &str = "spf-missing";
/// The codes an `all` term at the end of the record clears.
const ALL_CODES: [&str; 3] = ["spf-pass-all", "spf-neutral-all", "spf-no-all"];

pub(super) fn plan(report: &CheckReport, intent: &FixIntent, out: &mut Changes) {
    let Some(spf_report) = &report.spf else {
        return;
    };
    let found = codes(&spf_report.findings);
    if found.contains(MISSING) {
        let has_mx = report
            .mx
            .as_ref()
            .is_some_and(|m| m.delivery == Delivery::Mx && !m.hosts.is_empty());
        let generated = spf(&SpfIntent {
            domain: report.domain.clone(),
            mx: has_mx,
            a: false,
            include: intent.include.clone(),
            ip4: intent.ip4.clone(),
            ip6: intent.ip6.clone(),
            all: all_policy(intent),
            ttl: intent.ttl,
        });
        match generated {
            Ok(c) => out.changes.extend(
                c.changes
                    .into_iter()
                    .map(|c| clearing(c, vec![MISSING.into()], Vec::new())),
            ),
            Err(e) => refused(out, MISSING, &report.domain, e),
        }
        return;
    }
    let fixes: Vec<String> = ALL_CODES
        .iter()
        .filter(|c| found.contains(*c))
        .map(|c| (*c).to_string())
        .collect();
    let Some(tree) = spf_report.tree.as_ref().filter(|_| !fixes.is_empty()) else {
        return;
    };
    let all = match all_policy(intent) {
        AllPolicy::Fail => "-all",
        AllPolicy::SoftFail => "~all",
    };
    let value = with_all(&tree.record, all);
    let why = format!(
        "SPF record of {}: mail from hosts the record does not name now gets {all} instead of \
         passing or being left neutral, so receivers can act on forged mail.",
        report.domain
    );
    let change = crate::fix::Change::add_txt(&report.domain, &value, intent.ttl, why);
    out.changes
        .push(clearing(change, fixes, vec![old_rdata(&tree.strings)]));
}

fn all_policy(intent: &FixIntent) -> AllPolicy {
    if intent.softfail {
        AllPolicy::SoftFail
    } else {
        AllPolicy::Fail
    }
}

/// `record` with its `all` term (any qualifier) replaced by `all`, or `all` added at the end.
fn with_all(record: &str, all: &str) -> String {
    let is_all = |t: &str| {
        let t = t.to_ascii_lowercase();
        matches!(t.as_str(), "all" | "+all" | "?all" | "~all" | "-all")
    };
    let mut terms: Vec<&str> = record.split_whitespace().collect();
    let had = terms.iter().any(|t| is_all(t));
    terms.retain(|t| !is_all(t));
    if had || !terms.is_empty() {
        terms.push(all);
    }
    terms.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_all_term_is_replaced_or_added() {
        assert_eq!(with_all("v=spf1 mx +all", "-all"), "v=spf1 mx -all");
        assert_eq!(with_all("v=spf1 mx ?ALL", "~all"), "v=spf1 mx ~all");
        assert_eq!(with_all("v=spf1 a", "-all"), "v=spf1 a -all");
    }
}
