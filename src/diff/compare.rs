//! Comparing two runs domain by domain: findings matched by code and subject (new, cleared, or
//! changed in severity or message), records and certificates by kind and subject, and the
//! domains only one run has.

use std::collections::BTreeMap;

use super::read::Run;
use super::summary::{DomainState, Seen};
use super::{Change, DiffReport, DomainDiff, FindingChange, RecordChange};

/// What changed from `old` to `new`; the labels name the files in the report.
pub fn compare(old: Run, new: Run, old_label: &str, new_label: &str) -> DiffReport {
    let mut report = DiffReport {
        old: old_label.to_string(),
        new: new_label.to_string(),
        compared: 0,
        domains: Vec::new(),
        added: Vec::new(),
        missing: Vec::new(),
        notices: old.notices,
    };
    report.notices.extend(new.notices);
    let mut new_domains = new.domains;
    for (domain, before) in old.domains {
        let Some(after) = new_domains.remove(&domain) else {
            // Past the later run's limit a domain may be there unread.
            if !new.capped {
                report.missing.push(domain);
            }
            continue;
        };
        report.compared += 1;
        let diff = domain_diff(domain, &before, &after);
        if !diff.findings.is_empty() || !diff.records.is_empty() {
            report.domains.push(diff);
        }
    }
    if !old.capped {
        report.added = new_domains.into_keys().collect();
    }
    report
}

fn domain_diff(domain: String, before: &DomainState, after: &DomainState) -> DomainDiff {
    DomainDiff {
        domain,
        findings: finding_changes(&before.findings, &after.findings),
        records: record_changes(before, after),
    }
}

type Groups<'a> = BTreeMap<(&'a str, &'a str), Vec<&'a Seen>>;

fn groups(findings: &[Seen]) -> Groups<'_> {
    let mut groups: Groups<'_> = BTreeMap::new();
    for f in findings {
        groups
            .entry((f.code.as_str(), f.subject.as_str()))
            .or_default()
            .push(f);
    }
    groups
}

/// Findings are matched by code and subject. Where one code and subject has several findings,
/// the identical ones pair first, the rest pair in order as changed, and what is left over is
/// new or cleared.
fn finding_changes(before: &[Seen], after: &[Seen]) -> Vec<FindingChange> {
    let mut old = groups(before);
    let mut changes = Vec::new();
    for (key, mut now) in groups(after) {
        let mut was = old.remove(&key).unwrap_or_default();
        now.retain(|n| match was.iter().position(|w| same(w, n)) {
            Some(i) => {
                was.remove(i);
                false
            }
            None => true,
        });
        let paired = now.len().min(was.len());
        for (w, n) in was.drain(..paired).zip(now.drain(..paired)) {
            let mut change = change_of(Change::Changed, n);
            change.old_severity = Some(w.severity);
            change.old_message = Some(w.message.clone());
            changes.push(change);
        }
        changes.extend(now.into_iter().map(|n| change_of(Change::New, n)));
        changes.extend(was.into_iter().map(|w| change_of(Change::Cleared, w)));
    }
    let cleared = old.into_values().flatten();
    changes.extend(cleared.map(|w| change_of(Change::Cleared, w)));
    changes.sort_by(|a, b| {
        (b.severity.cmp(&a.severity))
            .then(a.change.cmp(&b.change))
            .then_with(|| (&a.code, &a.subject).cmp(&(&b.code, &b.subject)))
    });
    changes
}

fn same(a: &Seen, b: &Seen) -> bool {
    a.severity == b.severity && a.message == b.message && a.suppressed == b.suppressed
}

fn change_of(change: Change, f: &Seen) -> FindingChange {
    FindingChange {
        change,
        code: f.code.clone(),
        severity: f.severity,
        subject: f.subject.clone(),
        message: f.message.clone(),
        old_severity: None,
        old_message: None,
        suppressed: f.suppressed,
    }
}

/// Records whose text differs, for the kinds both runs looked at.
fn record_changes(before: &DomainState, after: &DomainState) -> Vec<RecordChange> {
    let keys: std::collections::BTreeSet<_> =
        before.records.keys().chain(after.records.keys()).collect();
    keys.into_iter()
        .filter(|(kind, _)| before.observed.contains(kind) && after.observed.contains(kind))
        .filter_map(|key| {
            let old = before.records.get(key);
            let new = after.records.get(key);
            (old != new).then(|| RecordChange {
                kind: key.0,
                subject: key.1.clone(),
                old: old.cloned(),
                new: new.cloned(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    fn seen(code: &str, severity: Severity, message: &str) -> Seen {
        Seen {
            code: code.into(),
            subject: "example.com".into(),
            severity,
            message: message.into(),
            suppressed: false,
        }
    }

    #[test]
    fn findings_new_cleared_and_changed() {
        let before = [
            seen("a", Severity::Warning, "same"),
            seen("b", Severity::Warning, "went away"),
            seen("c", Severity::Warning, "12 lookups"),
        ];
        let after = [
            seen("a", Severity::Warning, "same"),
            seen("c", Severity::Error, "13 lookups"),
            seen("d", Severity::Info, "appeared"),
        ];
        let changes = finding_changes(&before, &after);
        let shape: Vec<(Change, &str)> = changes
            .iter()
            .map(|c| (c.change, c.code.as_str()))
            .collect();
        assert_eq!(
            shape,
            [
                (Change::Changed, "c"),
                (Change::Cleared, "b"),
                (Change::New, "d")
            ]
        );
        assert_eq!(changes[0].old_severity, Some(Severity::Warning));
        assert_eq!(changes[0].old_message.as_deref(), Some("12 lookups"));
    }
}
