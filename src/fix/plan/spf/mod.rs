//! SPF (RFC 7208): a missing record built from the domain's MX hosts and the owner's hints;
//! several records merged into one (§4.5); in the records the domain owns (itself and names
//! under it), an `all` that lets everyone pass or is missing turned into `-all` (`~all` with
//! `--softfail`), includes of targets without a record removed, `ptr` replaced by the networks
//! it stands for (§5.5), includes reached twice collapsed, void `a`/`mx` terms removed
//! (§4.6.4), and more than 10 lookups brought to 10 or fewer by the smallest edit (`lookups`).
//! Each step clears its finding as a whole or goes to manual work; over-broad networks always
//! do.

mod all;
mod collapse;
mod draft;
mod flatten;
mod lookups;
mod merge;
mod replace;

use std::collections::BTreeSet;

use crate::check::CheckReport;
use crate::dns::RecordType;
use crate::fix::generate::{AllPolicy, SpfIntent, spf};
use crate::fix::{Action, Change, Changes, Manual, txt_rdata};
use crate::mx::Delivery;
use crate::spf::SpfReport;

use super::{FixIntent, clearing, codes, old_rdata, refused};
use draft::Draft;

const MISSING: &str = "spf-missing";
const MULTIPLE: &str = "spf-multiple-records";

pub(super) fn plan(report: &CheckReport, intent: &FixIntent, out: &mut Changes) {
    let Some(spf_report) = &report.spf else {
        return;
    };
    let found = codes(&spf_report.findings);
    if found.contains(MISSING) {
        missing(report, intent, out);
        return;
    }
    let (audited, merged) = if found.contains(MULTIPLE) {
        let Some((text, count)) = merge::merged_text(spf_report, intent) else {
            return;
        };
        let tree = |m: &&SpfReport| m.tree.as_ref().is_some_and(|t| t.record == text);
        match intent.spf_merged.as_ref().filter(tree) {
            Some(audited) => (audited, Some(merge::why(spf_report, count, intent))),
            None => return merge::plan(spf_report, intent, out),
        }
    } else {
        (spf_report, None)
    };
    let Some(tree) = &audited.tree else {
        return;
    };
    let mut draft = Draft::new(&report.domain, tree);
    let found = codes(&audited.findings);
    let steps = Steps {
        report: audited,
        found: &found,
        intent,
    };
    steps.run(&mut draft, all_term(intent), out);
    if let Some(why) = merged {
        // The merged record replaces the published ones even when nothing else changes.
        let root = &mut draft.recs[0];
        root.fixes.insert(MULTIPLE);
        root.whys.insert(0, why);
    }
    emit(&draft, spf_report, intent, out);
}

/// The merged record of a domain with several SPF records, to audit before planning.
pub(crate) fn merged_record(report: &CheckReport, intent: &FixIntent) -> Option<String> {
    let spf = report.spf.as_ref()?;
    let several = codes(&spf.findings).contains(MULTIPLE);
    several
        .then(|| merge::merged_text(spf, intent))
        .flatten()
        .map(|(text, _)| text)
}

/// Why a step cannot clear its finding: about which record, and what a person should do.
pub(super) struct Refusal {
    pub subject: String,
    pub why: String,
}

impl Refusal {
    pub fn new(subject: &str, why: impl Into<String>) -> Self {
        Self {
            subject: subject.to_string(),
            why: why.into(),
        }
    }
}

/// What every step reads.
struct Steps<'a> {
    report: &'a SpfReport,
    found: &'a BTreeSet<&'static str>,
    intent: &'a FixIntent,
}

impl Steps<'_> {
    fn run(&self, draft: &mut Draft, all: &str, out: &mut Changes) {
        let networks = &self.intent.spf_networks;
        self.step(draft, replace::DEAD, out, |d| {
            replace::dead(d, self.report, all)
        });
        self.step(draft, "", out, |d| {
            all::fix(d, self.report, self.found, all);
            Ok(())
        });
        self.step(draft, replace::PTR, out, |d| replace::ptr(d, networks));
        self.step(draft, collapse::CODE, out, collapse::step);
        if self.found.contains(replace::VOID) {
            self.step(draft, replace::VOID, out, |d| replace::voids(d, networks));
        }
        if self.found.contains(lookups::CODE) {
            self.step(draft, lookups::CODE, out, |d| {
                lookups::reduce(d, networks, &self.intent.keep)
            });
        }
    }

    /// Runs one step: kept when it clears `code` as a whole (its edited records then list the
    /// code), undone otherwise, with why as manual work. An empty `code` marks a step that
    /// lists its codes itself.
    fn step(
        &self,
        draft: &mut Draft,
        code: &'static str,
        out: &mut Changes,
        edit: impl FnOnce(&mut Draft) -> Result<(), Refusal>,
    ) {
        if !code.is_empty() && !self.found.contains(code) {
            return;
        }
        let before = draft.clone();
        match edit(draft) {
            Ok(()) if !code.is_empty() => {
                // A step with nothing left to do (an earlier one cleared its code) credits the
                // records already edited.
                let edited = draft
                    .recs
                    .iter()
                    .zip(&before.recs)
                    .any(|(rec, old)| rec.terms != old.terms);
                for (rec, old) in draft.recs.iter_mut().zip(&before.recs) {
                    if rec.terms != old.terms || (!edited && rec.changed()) {
                        rec.fixes.insert(code);
                    }
                }
            }
            Ok(()) => {}
            Err(refusal) => {
                *draft = before;
                out.manual.push(Manual {
                    code: code.to_string(),
                    subject: refusal.subject,
                    why: refusal.why,
                });
            }
        }
    }
}

/// One `replace` per edited record, listing the codes its edits clear.
fn emit(draft: &Draft, report: &SpfReport, intent: &FixIntent, out: &mut Changes) {
    for (i, rec) in draft.recs.iter().enumerate() {
        if !rec.changed() && rec.fixes.is_empty() {
            continue;
        }
        let text = rec.text();
        let (old, new) = if i == 0 {
            root_set(report, &rec.node.strings, &text)
        } else {
            (vec![old_rdata(&rec.node.strings)], vec![txt_rdata(&text)])
        };
        let mut why = format!("SPF record of {}: ", rec.node.domain);
        why.push_str(&rec.whys.join(" "));
        out.changes.push(Change {
            name: crate::fix::absolute(&rec.node.domain),
            rtype: RecordType::Txt,
            action: Action::Replace,
            old,
            new,
            ttl: intent.ttl,
            fixes: rec.fixes.iter().map(|c| (*c).to_string()).collect(),
            why,
        });
    }
}

/// The domain's whole TXT set before and after: its other TXT records are carried over, since
/// a change replaces the set at the name.
fn root_set(report: &SpfReport, strings: &[String], text: &str) -> (Vec<String>, Vec<String>) {
    if report.published.is_empty() {
        return (vec![old_rdata(strings)], vec![txt_rdata(text)]);
    }
    let old: Vec<String> = report
        .published
        .iter()
        .map(|t| crate::fix::quoted_strings(&t.strings))
        .collect();
    let mut new: Vec<String> = report
        .published
        .iter()
        .filter(|t| !crate::spf::parse::is_spf1(&t.text()))
        .map(|t| crate::fix::quoted_strings(&t.strings))
        .collect();
    new.push(txt_rdata(text));
    (old, new)
}

/// A new record naming the hosts that receive the domain's mail — the MX hosts, or the domain's
/// own address when it has no MX records (RFC 5321 §5.1) — and the owner's hints.
fn missing(report: &CheckReport, intent: &FixIntent, out: &mut Changes) {
    let delivery = report.mx.as_ref().map(|m| (m.delivery, m.hosts.is_empty()));
    let generated = spf(&SpfIntent {
        domain: report.domain.clone(),
        mx: delivery == Some((Delivery::Mx, false)),
        a: delivery == Some((Delivery::Implicit, false)),
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
}

fn all_policy(intent: &FixIntent) -> AllPolicy {
    if intent.softfail {
        AllPolicy::SoftFail
    } else {
        AllPolicy::Fail
    }
}

/// The `all` term edited records end with.
fn all_term(intent: &FixIntent) -> &'static str {
    match all_policy(intent) {
        AllPolicy::Fail => "-all",
        AllPolicy::SoftFail => "~all",
    }
}
