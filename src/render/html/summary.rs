//! The report's picture of many domains, counted in one pass over the results: area verdicts,
//! DMARC policies (RFC 7489 §6.3), SPF lookup counts (RFC 7208 §4.6.4), the includes most
//! used, DKIM key types and sizes, what the MX hosts' TLS sessions met, certificates about to
//! expire and the most common findings. Every table it keeps is bounded, so a million results
//! take the memory of a few thousand.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use crate::date::Date;

use super::domain::{AREAS, DmarcPolicy, DomainView, NOT_ASKED, VERDICTS};

/// The SPF lookup counts drawn one by one; higher counts share the last column.
pub const SPF_BINS: usize = 16;
/// Certificates expiring within this many days are listed.
pub const EXPIRY_DAYS: i64 = 30;
/// The most expiring certificates listed (the soonest); the rest are counted.
const MAX_EXPIRING: usize = 200;
/// The most distinct include targets, finding codes and key kinds counted.
const MAX_INCLUDES: usize = 100_000;
const MAX_CODES: usize = 5_000;
const MAX_KINDS: usize = 64;
/// The most unreadable input lines (`{"input", "error"}`) listed.
const MAX_INVALID: usize = 100;

/// The verdict words counted per area, in the order they are drawn.
pub const STATUSES: [&str; 6] = [
    VERDICTS[0],
    VERDICTS[1],
    VERDICTS[2],
    VERDICTS[3],
    VERDICTS[4],
    NOT_ASKED,
];

#[derive(Debug, Default)]
pub struct Summary {
    pub domains: u64,
    pub with_errors: u64,
    pub with_warnings: u64,
    pub incomplete: u64,
    /// Per area of [`AREAS`], per status of [`STATUSES`].
    pub areas: [[u64; STATUSES.len()]; AREAS.len()],
    /// Per [`DmarcPolicy::ALL`].
    pub dmarc: [u64; DmarcPolicy::ALL.len()],
    /// Domains by SPF lookup count; the last bin holds that count and more.
    pub spf_lookups: [u64; SPF_BINS],
    /// Domains with no SPF record to count.
    pub spf_none: u64,
    pub includes: HashMap<String, u64>,
    /// Distinct include targets past the bound, not counted.
    pub includes_capped: bool,
    pub dkim_keys: HashMap<String, u64>,
    /// Probed endpoints by what their session met ("TLSv1.3", "no STARTTLS", ...).
    pub tls: HashMap<String, u64>,
    pub probed_domains: u64,
    /// Certificates expiring within [`EXPIRY_DAYS`] (or expired), the soonest kept.
    expiring: BinaryHeap<Expiring>,
    pub expiring_total: u64,
    /// Per code: its severity and how many domains have it.
    pub codes: HashMap<String, CodeCount>,
    pub invalid: Vec<(String, String)>,
    pub invalid_total: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expiring {
    pub days: i64,
    pub domain: String,
    pub host: String,
    pub address: String,
    pub not_after: String,
}

#[derive(Debug, Clone)]
pub struct CodeCount {
    pub severity: String,
    pub domains: u64,
}

impl Summary {
    /// Counts one domain; `today` dates the certificates.
    pub fn add(&mut self, view: &DomainView, today: Date) {
        self.domains += 1;
        if view.errors > 0 {
            self.with_errors += 1;
        } else if view.warnings > 0 {
            self.with_warnings += 1;
        }
        self.incomplete += u64::from(view.incomplete);
        for (counts, area) in self.areas.iter_mut().zip(AREAS) {
            let verdict = view.verdict(area.1);
            if let Some(i) = STATUSES.iter().position(|s| *s == verdict) {
                counts[i] += 1;
            }
        }
        if let Some(i) = DmarcPolicy::ALL
            .iter()
            .position(|p| *p == view.dmarc_policy)
        {
            self.dmarc[i] += 1;
        }
        match view.spf_lookups {
            Some(n) => {
                let bin = usize::try_from(n).unwrap_or(SPF_BINS).min(SPF_BINS - 1);
                self.spf_lookups[bin] += 1;
            }
            None => self.spf_none += 1,
        }
        for include in &view.includes {
            bump(
                &mut self.includes,
                include,
                MAX_INCLUDES,
                &mut self.includes_capped,
            );
        }
        let mut ignored = false;
        for key in &view.dkim_keys {
            bump(&mut self.dkim_keys, key, MAX_KINDS, &mut ignored);
        }
        self.add_sessions(view, today);
        self.add_codes(view);
    }

    /// An input line the check could not read as a domain.
    pub fn add_invalid(&mut self, input: String, error: String) {
        self.invalid_total += 1;
        if self.invalid.len() < MAX_INVALID {
            self.invalid.push((input, error));
        }
    }

    fn add_sessions(&mut self, view: &DomainView, today: Date) {
        let mut probed = false;
        let mut ignored = false;
        for host in &view.hosts {
            for session in &host.sessions {
                probed = true;
                let kind = match (&session.tls_version, session.connected, session.starttls) {
                    (Some(version), _, _) => version.as_str(),
                    (None, false, _) => "not connected",
                    (None, true, false) => "no STARTTLS",
                    (None, true, true) => "TLS failed",
                };
                bump(&mut self.tls, kind, MAX_KINDS, &mut ignored);
                let Some(cert) = &session.certificate else {
                    continue;
                };
                let Some(days) = days_left(&cert.not_after, today) else {
                    continue;
                };
                if days > EXPIRY_DAYS {
                    continue;
                }
                self.expiring_total += 1;
                self.expiring.push(Expiring {
                    days,
                    domain: view.domain.clone(),
                    host: host.name.clone(),
                    address: session.address.clone(),
                    not_after: cert.not_after.clone(),
                });
                if self.expiring.len() > MAX_EXPIRING {
                    self.expiring.pop();
                }
            }
        }
        self.probed_domains += u64::from(probed);
    }

    fn add_codes(&mut self, view: &DomainView) {
        for code in view.codes() {
            if let Some(count) = self.codes.get_mut(code) {
                count.domains += 1;
            } else if self.codes.len() < MAX_CODES {
                let severity = view
                    .findings
                    .iter()
                    .find(|f| f.code == code)
                    .map(|f| f.severity.clone())
                    .unwrap_or_default();
                let count = CodeCount {
                    severity,
                    domains: 1,
                };
                self.codes.insert(code.to_string(), count);
            }
        }
    }

    /// The certificates listed, soonest first.
    pub fn expiring(&self) -> Vec<Expiring> {
        let mut list = self.expiring.clone().into_vec();
        list.sort();
        list
    }

    /// The `n` largest counts of a table, largest first, then by name.
    pub fn top(table: &HashMap<String, u64>, n: usize) -> Vec<(String, u64)> {
        let mut list: Vec<(String, u64)> = table.iter().map(|(k, v)| (k.clone(), *v)).collect();
        list.sort_by_key(|(name, count)| (Reverse(*count), name.clone()));
        list.truncate(n);
        list
    }

    /// The codes seen, the most common first.
    pub fn common_codes(&self) -> Vec<(String, CodeCount)> {
        let mut list: Vec<(String, CodeCount)> = self
            .codes
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        list.sort_by_key(|(code, count)| (Reverse(count.domains), code.clone()));
        list
    }
}

fn bump(table: &mut HashMap<String, u64>, key: &str, bound: usize, capped: &mut bool) {
    if let Some(count) = table.get_mut(key) {
        *count += 1;
    } else if table.len() < bound {
        table.insert(key.to_string(), 1);
    } else {
        *capped = true;
    }
}

/// Days from `today` to a certificate's end, read from "2027-01-01 00:00:00 UTC".
pub fn days_left(not_after: &str, today: Date) -> Option<i64> {
    let date: Date = not_after.get(..10)?.parse().ok()?;
    Some(date.days_since(today))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(result: serde_json::Value) -> DomainView {
        DomainView::read(&result).unwrap()
    }

    #[test]
    fn counts_areas_policies_lookups_and_codes() {
        let today: Date = "2026-12-06".parse().unwrap();
        let mut summary = Summary::default();
        summary.add(
            &view(serde_json::json!({
                "domain": "a.example",
                "scorecard": [{"area": "SPF", "verdict": "errors", "facts": "13/10"}],
                "spf": {"lookups": 13, "tree": {"domain": "a.example", "record": "v=spf1",
                    "lookups": 13, "terms": [{"term": "include:x", "cost": 1, "lookups": 1,
                    "target": {"domain": "x", "record": "v=spf1", "lookups": 0, "terms": []}}]},
                    "findings": [{"code": "spf-too-many-lookups", "severity": "error",
                    "subject": "a", "message": "m"}]},
                "dmarc": {"record": null},
            })),
            today,
        );
        summary.add(
            &view(serde_json::json!({
                "domain": "b.example",
                "scorecard": [{"area": "SPF", "verdict": "ok", "facts": "2/10"}],
                "spf": {"lookups": 2, "tree": {"domain": "b.example", "record": "v=spf1",
                    "lookups": 2, "terms": [{"term": "include:x", "cost": 1, "lookups": 1,
                    "target": {"domain": "x", "record": "v=spf1", "lookups": 0, "terms": []}}]},
                    "findings": []},
                "dmarc": {"record": {"text": "v=DMARC1; p=reject"},
                    "policy": {"policy": "reject"}},
                "probe": {"sessions": [{"host": "mx", "address": "192.0.2.1",
                    "connected": true, "tls": {"established": true, "version": "TLSv1.3",
                    "certificate": {"not_after": "2026-12-20 00:00:00 UTC"}}}]},
            })),
            today,
        );
        assert_eq!(summary.domains, 2);
        assert_eq!(summary.with_errors, 1);
        assert_eq!(summary.areas[0][..4], [1, 0, 0, 1]);
        assert_eq!(
            summary.areas[1][5], 2,
            "DMARC has no scorecard line: not asked"
        );
        assert_eq!(summary.dmarc, [1, 0, 0, 1, 0]);
        assert_eq!(summary.spf_lookups[13], 1);
        assert_eq!(summary.spf_lookups[2], 1);
        assert_eq!(Summary::top(&summary.includes, 5), [("x".to_string(), 2)]);
        assert_eq!(summary.tls["TLSv1.3"], 1);
        assert_eq!(summary.expiring()[0].days, 14);
        assert_eq!(summary.codes["spf-too-many-lookups"].domains, 1);
    }

    #[test]
    fn keeps_the_soonest_certificates_only() {
        let today: Date = "2026-12-06".parse().unwrap();
        let mut summary = Summary::default();
        for day in 0..(MAX_EXPIRING + 50) {
            let date = today.add_days(i64::try_from(day % 28).unwrap());
            let result = serde_json::json!({"domain": format!("d{day}.example"),
                "probe": {"sessions": [{"host": "mx", "address": "192.0.2.1", "connected": true,
                "tls": {"established": true, "version": "TLSv1.2",
                "certificate": {"not_after": format!("{date} 00:00:00 UTC")}}}]}});
            summary.add(&view(result), today);
        }
        let list = summary.expiring();
        assert_eq!(list.len(), MAX_EXPIRING);
        assert_eq!(
            summary.expiring_total,
            u64::try_from(MAX_EXPIRING + 50).unwrap()
        );
        assert_eq!(list[0].days, 0);
        assert!(list.windows(2).all(|w| w[0] <= w[1]));
    }
}
