//! DMARC (RFC 9989): a missing record as `p=none` with reports; otherwise the published record
//! edited tag by tag, its other tags kept — the next rollout stage (none → quarantine with `t=y`
//! → quarantine → reject with `t=y` → reject), `pct` gone (`pct<100` becomes `t=y`), `sp`/`np`
//! raised to `p`, `rua` added, tags it gets wrong put right (`v` first, each tag once, unknown
//! tags and invalid values dropped, report URIs that are not `mailto:` or beyond the two that
//! receivers honour dropped) — and the authorization an external report domain must publish
//! (RFC 9990 §3.2.3).

use crate::check::CheckReport;
use crate::dmarc::{DmarcRecord, Policy};
use crate::dns::Txt;
use crate::fix::generate::{DmarcIntent, dmarc};
use crate::fix::{Change, Changes};

use super::{FixIntent, clearing, codes, old_rdata, refused, rua};

const MISSING: &str = "dmarc-missing";
const UNAUTHORIZED: &str = "dmarc-report-destination-unauthorized";

pub(super) fn plan(report: &CheckReport, intent: &FixIntent, out: &mut Changes) {
    let Some(d) = &report.dmarc else {
        return;
    };
    let found = codes(&d.findings);
    let domain = &report.domain;
    match &d.record {
        None if found.contains(MISSING) => missing(domain, intent, out),
        Some(record) => {
            edit(domain, record, &found, intent, out);
            for dest in &d.report_destinations {
                if found.contains(UNAUTHORIZED)
                    && dest.external == Some(true)
                    && dest.authorized == Some(false)
                {
                    let name = format!("{}._report._dmarc.{}", record.domain, dest.domain);
                    let why = format!(
                        "{} receives {domain}'s DMARC reports only once it publishes this record \
                         (RFC 9990 §3.2.3); it is published in {}'s zone, not {domain}'s.",
                        dest.domain, dest.domain
                    );
                    let change = Change::add_txt(&name, "v=DMARC1", intent.ttl, why);
                    if !out.changes.contains(&clearing(
                        change.clone(),
                        vec![UNAUTHORIZED.into()],
                        Vec::new(),
                    )) {
                        out.changes
                            .push(clearing(change, vec![UNAUTHORIZED.into()], Vec::new()));
                    }
                }
            }
        }
        None => {}
    }
}

fn missing(domain: &str, intent: &FixIntent, out: &mut Changes) {
    let generated = dmarc(&DmarcIntent {
        domain: domain.to_string(),
        policy: Policy::None,
        rua: vec![rua(intent, "dmarc-reports", domain)],
        ruf: Vec::new(),
        sp: None,
        np: None,
        adkim: None,
        aspf: None,
        testing: false,
        ttl: intent.ttl,
    });
    match generated {
        Ok(c) => {
            for (i, change) in c.changes.into_iter().enumerate() {
                // The first is the policy; the rest authorise an external report address.
                let fixes = if i == 0 {
                    vec![MISSING.into()]
                } else {
                    Vec::new()
                };
                out.changes.push(clearing(change, fixes, Vec::new()));
            }
        }
        Err(e) => refused(out, MISSING, domain, e),
    }
}

/// A DMARC record's tags, in order, as `(name, value)`.
struct Tags(Vec<(String, String)>);

impl Tags {
    fn parse(text: &str) -> Self {
        Self(
            text.split(';')
                .filter_map(|t| t.split_once('='))
                .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
                .collect(),
        )
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn set(&mut self, name: &str, value: &str) {
        match self.0.iter_mut().find(|(n, _)| n == name) {
            Some(tag) => tag.1 = value.to_string(),
            None => self.0.push((name.to_string(), value.to_string())),
        }
    }

    fn remove(&mut self, name: &str) {
        self.0.retain(|(n, _)| n != name);
    }

    fn text(&self) -> String {
        let tags: Vec<String> = self.0.iter().map(|(n, v)| format!("{n}={v}")).collect();
        tags.join("; ")
    }
}

/// How much a policy asks: none < quarantine < reject; anything else counts as none.
fn strength(policy: &str) -> u8 {
    match policy.to_ascii_lowercase().as_str() {
        "reject" => 2,
        "quarantine" => 1,
        _ => 0,
    }
}

/// The published record, edited for the findings it has; nothing when none applies.
fn edit(
    domain: &str,
    record: &crate::dmarc::RecordView,
    found: &std::collections::BTreeSet<&'static str>,
    intent: &FixIntent,
    out: &mut Changes,
) {
    let mut tags = Tags::parse(&record.text);
    let mut fixes: Vec<String> = Vec::new();
    let mut said: Vec<String> = Vec::new();
    let mut fixed = |code: &str, why: &str, fixes: &mut Vec<String>| {
        fixes.push(code.to_string());
        said.push(why.to_string());
    };
    repair(&mut tags, found, &mut |c, w| fixed(c, w, &mut fixes));
    let old_p = tags.get("p").unwrap_or("none").to_string();
    if found.contains("dmarc-policy-none") {
        tags.set("p", "quarantine");
        tags.set("t", "y");
        fixed(
            "dmarc-policy-none",
            "the next rollout stage: p=quarantine in testing (t=y), which receivers apply as \
             p=none while they report; drop t=y once the reports show your own mail passes",
            &mut fixes,
        );
    } else if found.contains("dmarc-testing") {
        tags.remove("t");
        fixed(
            "dmarc-testing",
            "the next rollout stage: the policy applied in full (t=y dropped)",
            &mut fixes,
        );
    }
    rollout_subdomains(&mut tags, &old_p);
    pct(&mut tags, found, &mut |c, w| fixed(c, w, &mut fixes));
    if found.contains("dmarc-no-rua") {
        tags.set("rua", &rua(intent, "dmarc-reports", domain));
        fixed(
            "dmarc-no-rua",
            "aggregate reports requested (rua)",
            &mut fixes,
        );
    }
    if found.contains("dmarc-subdomain-policy-weaker") {
        let p = tags.get("p").unwrap_or("none").to_string();
        for tag in ["sp", "np"] {
            if tags.get(tag).is_some_and(|v| strength(v) < strength(&p)) {
                tags.set(tag, &p);
            }
        }
        fixed(
            "dmarc-subdomain-policy-weaker",
            "sp and np raised to p",
            &mut fixes,
        );
    }
    if fixes.is_empty() {
        return;
    }
    let value = tags.text();
    let name = format!("_dmarc.{domain}");
    let lint =
        crate::dmarc::lints::lint_record(&name, &Txt::single(&value), &DmarcRecord::parse(&value));
    if let Some(error) = lint
        .iter()
        .find(|f| f.severity == crate::finding::Severity::Error)
    {
        refused(
            out,
            &fixes[0],
            &name,
            format!("{} ({})", error.message, error.code.as_str()),
        );
        return;
    }
    let why = format!("DMARC record of {domain}: {}.", said.join("; "));
    let change = Change::add_txt(&name, &value, intent.ttl, why);
    // An inherited record stays where it is; the domain gets one of its own.
    let old = if record.inherited {
        Vec::new()
    } else {
        vec![old_rdata(&record.strings)]
    };
    out.changes.push(clearing(change, fixes, old));
}

/// The codes of tags the record gets wrong, each put right by [`repair`].
const REPAIRED: [(&str, &str); 7] = [
    ("dmarc-version-not-first", "v=DMARC1 first"),
    (
        "dmarc-duplicate-tag",
        "each tag once (the first kept, as receivers read it)",
    ),
    ("dmarc-unknown-tag", "unknown tags dropped"),
    ("dmarc-invalid-value", "tags with invalid values dropped"),
    (
        "dmarc-policy-missing",
        "p=none where p was missing or invalid, as receivers read it",
    ),
    (
        "dmarc-report-uri-not-mailto",
        "report URIs that are not mailto: dropped",
    ),
    (
        "dmarc-too-many-report-uris",
        "report URIs beyond the two receivers honour dropped",
    ),
];

/// Puts right the tags the record gets wrong, each tag judged by the linter on its own; `v` and
/// `p` lead, as RFC 7489 receivers still require.
fn repair(
    tags: &mut Tags,
    found: &std::collections::BTreeSet<&'static str>,
    fixed: &mut dyn FnMut(&str, &str),
) {
    let present: Vec<(&str, &str)> = REPAIRED
        .into_iter()
        .filter(|(code, _)| found.contains(code))
        .collect();
    if present.is_empty() {
        return;
    }
    let mut seen = std::collections::BTreeSet::new();
    tags.0.retain(|(n, _)| seen.insert(n.clone()));
    // Report URIs are judged one by one below.
    tags.0
        .retain(|(n, v)| matches!(n.as_str(), "v" | "rua" | "ruf") || valid_tag(n, v));
    for list in ["rua", "ruf"] {
        let Some(value) = tags.get(list) else {
            continue;
        };
        let kept: Vec<&str> = value
            .split(',')
            .map(str::trim)
            .filter(|u| {
                u.get(..7)
                    .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"))
            })
            .filter(|u| valid_tag(list, u))
            .take(crate::dmarc::REPORT_URIS_HONOURED)
            .collect();
        if kept.is_empty() {
            tags.remove(list);
        } else {
            let kept = kept.join(",");
            tags.set(list, &kept);
        }
    }
    let p = tags.get("p").unwrap_or("none").to_string();
    tags.0.retain(|(n, _)| n != "v" && n != "p");
    tags.0.insert(0, ("v".into(), "DMARC1".into()));
    tags.0.insert(1, ("p".into(), p));
    for (code, why) in present {
        fixed(code, why);
    }
}

/// Whether the linter accepts `name=value` in a record of its own.
fn valid_tag(name: &str, value: &str) -> bool {
    let text = if name == "p" {
        format!("v=DMARC1; p={value}")
    } else {
        format!("v=DMARC1; p=none; {name}={value}")
    };
    let record = DmarcRecord::parse(&text);
    let findings = crate::dmarc::lints::lint_record("_dmarc.invalid", &Txt::single(&text), &record);
    !findings.iter().any(|f| {
        matches!(
            f.code.as_str(),
            "dmarc-invalid-value"
                | "dmarc-unknown-tag"
                | "dmarc-syntax-error"
                | "dmarc-policy-missing"
        )
    })
}

/// `sp` and `np` that said what `p` said move with it.
fn rollout_subdomains(tags: &mut Tags, old_p: &str) {
    let p = tags.get("p").unwrap_or("none").to_string();
    for tag in ["sp", "np"] {
        if tags.get(tag).is_some_and(|v| v.eq_ignore_ascii_case(old_p)) {
            tags.set(tag, &p);
        }
    }
}

/// `pct` is gone from RFC 9989: 100 means nothing, less is what `t=y` now says; `rf` and `ri`
/// are gone too.
fn pct(
    tags: &mut Tags,
    found: &std::collections::BTreeSet<&'static str>,
    fixed: &mut dyn FnMut(&str, &str),
) {
    let partial = found.contains("dmarc-pct-partial");
    let removed = found.contains("dmarc-removed-tag");
    if !partial && !removed {
        return;
    }
    if tags
        .get("pct")
        .is_some_and(|pct| pct.trim().parse::<u32>().map_or(true, |n| n < 100))
    {
        tags.set("t", "y");
    }
    for tag in ["pct", "rf", "ri"] {
        tags.remove(tag);
    }
    if partial {
        fixed("dmarc-pct-partial", "pct replaced by t=y, as RFC 9989 says");
    }
    if removed {
        fixed(
            "dmarc-removed-tag",
            "tags RFC 9989 removed (pct, rf, ri) dropped",
        );
    }
}
