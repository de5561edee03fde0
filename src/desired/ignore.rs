//! Suppressions (`[[ignore]]` in the config file): findings an administrator has accepted, for
//! a reason and until a date. A suppressed finding stays in the report, marked; one past its
//! date applies no more, and a `policy-ignore-expired` finding says so.

use std::fmt::Write as _;

use crate::check::CheckReport;
use crate::date::Date;
use crate::finding::{Code, Finding, Suppressed};

use super::Glob;
use super::codes;

/// One `[[ignore]]` rule.
#[derive(Debug, Clone)]
pub struct IgnoreRule {
    pub code: Code,
    /// The checked domains it applies to; every one when absent.
    pub domain: Option<Glob>,
    /// The finding's subject, exactly (any case); any subject when absent.
    pub subject: Option<String>,
    pub reason: String,
    /// The last day it applies; for good when absent.
    pub until: Option<Date>,
}

impl IgnoreRule {
    fn covers(&self, domain: &str, finding: &Finding) -> bool {
        finding.code == self.code
            && self.domain.as_ref().is_none_or(|g| g.matches(domain))
            && self
                .subject
                .as_ref()
                .is_none_or(|s| s.eq_ignore_ascii_case(&finding.subject))
    }

    fn expired(&self, today: Date) -> bool {
        self.until.is_some_and(|until| until < today)
    }

    /// The rule in a few words, for the finding that says it expired.
    fn describe(&self) -> String {
        let mut text = format!("the [[ignore]] rule for {}", self.code);
        if let Some(domain) = &self.domain {
            let _ = write!(text, " on {domain}");
        }
        if let Some(subject) = &self.subject {
            let _ = write!(text, " about {subject}");
        }
        text
    }
}

/// Marks the findings of `report` that a rule covers on `today`, and adds one
/// `policy-ignore-expired` finding per expired rule that would have covered one.
pub fn suppress(report: &mut CheckReport, rules: &[IgnoreRule], today: Date) {
    if rules.is_empty() {
        return;
    }
    let domain = report.domain.clone();
    let mut expired = vec![false; rules.len()];
    for findings in report.all_findings_mut() {
        mark(findings, &domain, rules, today, &mut expired);
    }
    let mut notes: Vec<Finding> = rules
        .iter()
        .zip(&expired)
        .filter(|(_, hit)| **hit)
        .map(|(rule, _)| expired_finding(&domain, rule))
        .collect();
    // A rule may cover the expiry notes too.
    mark(&mut notes, &domain, rules, today, &mut expired);
    report.findings.extend(notes);
}

/// Marks each finding with the first rule in force that covers it; notes the expired rules
/// that would have.
fn mark(
    findings: &mut [Finding],
    domain: &str,
    rules: &[IgnoreRule],
    today: Date,
    expired: &mut [bool],
) {
    for finding in findings.iter_mut().filter(|f| f.suppressed.is_none()) {
        for (i, rule) in rules.iter().enumerate() {
            if !rule.covers(domain, finding) {
                continue;
            }
            if rule.expired(today) {
                expired[i] = true;
                continue;
            }
            finding.suppressed = Some(Suppressed {
                reason: rule.reason.clone(),
                until: rule.until,
            });
            break;
        }
    }
}

fn expired_finding(domain: &str, rule: &IgnoreRule) -> Finding {
    let until = rule.until.map(|d| d.to_string()).unwrap_or_default();
    Finding::new(
        codes::IGNORE_EXPIRED,
        domain,
        format!(
            "{} applied until {until} and has expired (reason: {}): its findings are shown again",
            rule.describe(),
            rule.reason
        ),
    )
}
