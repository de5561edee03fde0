//! The BIMI audit of a domain (draft-brand-indicators-for-message-identification-12 §7.1,
//! §7.2): the Assertion Record at `<selector>._bimi.<domain>`, else at the same selector under
//! the Organizational Domain; and the DMARC policy receivers require before they show a logo —
//! quarantine or reject for the domain and for its Organizational Domain, applied to all mail
//! (no `pct` below 100, no `t=y`) and no `sp=none` — found by DMARC's own discovery.

use std::sync::Arc;

use crate::dmarc::Policy;
use crate::dmarc::audit::{Resolution, resolve};
use crate::dmarc::discovery::PolicyRecord;
use crate::dmarc::policy::{EffectivePolicy, PolicySource};
use crate::dns::{Dns, LookupError, RecordType, Txt, txts};
use crate::finding::Finding;
use crate::tags::TagList;

use super::lints::lint_record;
use super::parse::is_candidate;
use super::{BimiRecord, BimiReport, DomainPolicy, Prerequisites, RecordView, codes};

/// What one `_bimi` name holds.
enum Lookup {
    One(Txt, Box<BimiRecord>),
    None,
    Many(Vec<Txt>),
}

/// Audits `domain`'s BIMI record for `selector` through DNS.
pub async fn audit_domain(dns: &Dns, domain: &str, selector: &str) -> BimiReport {
    let own_name = format!("{selector}._bimi.{domain}");
    let (own, dmarc) = tokio::join!(lookup(dns, &own_name), resolve(dns, domain));
    let mut report = BimiReport::empty(domain, selector);
    let own = match own {
        Ok(own) => own,
        Err(e) => {
            report.findings.push(e.finding(&own_name));
            report.incomplete = true;
            return report;
        }
    };
    let organizational = dmarc.discovery.organizational_domain.clone();
    let org_dmarc = match organizational.as_deref() {
        Some(org) if org != domain => Some(resolve(dns, org).await),
        _ => None,
    };
    // §7.2 steps 6 and 7: only a name with no record falls back to the Organizational Domain.
    let (ignored, found) = own;
    let fallback = organizational
        .as_deref()
        .filter(|org| *org != domain && matches!(found, Lookup::None));
    let (name, found, inherited) = match fallback {
        Some(org) => {
            let name = format!("{selector}._bimi.{org}");
            match lookup(dns, &name).await {
                Ok((_, found)) => (name, found, true),
                Err(e) => {
                    report.findings.push(e.finding(&name));
                    report.incomplete = true;
                    (name, Lookup::None, true)
                }
            }
        }
        None => (own_name.clone(), found, false),
    };
    for (txt, record) in &ignored {
        report.findings.extend(lint_record(&own_name, txt, record));
        report.ignored.push(record.text().to_string());
    }
    let asks_for_logo = report.take_record(&name, found, inherited);
    let prerequisites = prerequisites(&dmarc, org_dmarc.as_ref(), asks_for_logo);
    report.findings.extend(prerequisites.1);
    report.incomplete |= asks_for_logo && prerequisites.0.met.is_none();
    report.dmarc = Some(prerequisites.0);
    report
}

/// Lints a record given as text.
pub fn audit_text(txt: &Txt, selector: &str) -> BimiReport {
    let mut report = BimiReport::empty("record", selector);
    let record = BimiRecord::parse(&txt.text());
    report.take_record("record", Lookup::One(txt.clone(), Box::new(record)), false);
    report
}

impl BimiReport {
    fn empty(domain: &str, selector: &str) -> Self {
        Self {
            dnssec: None,
            domain: domain.to_string(),
            selector: selector.to_string(),
            record: None,
            ignored: Vec::new(),
            declined: false,
            location: None,
            evidence: None,
            dmarc: None,
            findings: Vec::new(),
            incomplete: false,
        }
    }

    /// Records what `found` at `name` holds; true when it is a usable record that asks for a
    /// logo (which is when the DMARC prerequisites matter).
    fn take_record(&mut self, name: &str, found: Lookup, inherited: bool) -> bool {
        let (txt, record) = match found {
            Lookup::One(txt, record) => (txt, record),
            Lookup::None => {
                let message = format!("no v=BIMI1 record at {name}");
                self.findings
                    .push(Finding::new(codes::MISSING, &self.domain, message));
                return false;
            }
            Lookup::Many(records) => {
                let shown: Vec<String> = records.iter().map(ToString::to_string).collect();
                let message = format!(
                    "{} v=BIMI1 records, so none is used: {}",
                    records.len(),
                    shown.join(", ")
                );
                self.findings
                    .push(Finding::new(codes::MULTIPLE_RECORDS, name, message));
                return false;
            }
        };
        self.findings.extend(lint_record(name, &txt, &record));
        self.record = Some(RecordView {
            name: name.to_string(),
            text: record.text().to_string(),
            strings: txt.string_texts(),
            inherited,
        });
        self.declined = record.valid_version && record.declined();
        let non_empty = |v: &Option<String>| v.clone().filter(|v| !v.is_empty());
        self.location = non_empty(&record.location);
        self.evidence = non_empty(&record.evidence);
        record.valid_version && !self.declined
    }
}

/// Looks up `name`: the records meant as BIMI that receivers ignore (with their parse), and
/// what receivers find there (§7.2 steps 3, 4 and 8).
async fn lookup(dns: &Dns, name: &str) -> Result<(Vec<(Txt, BimiRecord)>, Lookup), LookupError> {
    let answer = dns.lookup(name, RecordType::Txt).await?;
    let mut valid = Vec::new();
    let mut ignored = Vec::new();
    for txt in txts(answer.records()) {
        let record = BimiRecord::parse(&txt.text());
        if record.valid_version {
            valid.push((txt, record));
        } else if is_candidate(&TagList::parse(&txt.text())) {
            ignored.push((txt, record));
        }
    }
    let found = match valid.len() {
        0 => Lookup::None,
        1 => {
            let (txt, record) = valid.remove(0);
            Lookup::One(txt, Box::new(record))
        }
        _ => Lookup::Many(valid.into_iter().map(|(txt, _)| txt).collect()),
    };
    Ok((ignored, found))
}

/// §7.1 steps 7 to 9 for the domain and its Organizational Domain. The findings are raised only
/// when the record asks for a logo; the policies are reported either way.
fn prerequisites(
    domain: &Resolution,
    organizational: Option<&Resolution>,
    asks_for_logo: bool,
) -> (Prerequisites, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut unknown = false;
    let mut seen_records: Vec<String> = Vec::new();
    let mut policies = Vec::new();
    for resolution in std::iter::once(domain).chain(organizational) {
        let d = &resolution.discovery;
        if let Some(failure) = d.failure() {
            findings.push(failure.finding(&d.domain));
        }
        unknown |= !d.complete();
        let record = d.record();
        let policy = resolution.effective();
        policies.push(DomainPolicy {
            domain: d.domain.clone(),
            record: record.map(|r| format!("_dmarc.{}", r.domain)),
            text: record.map(|r| r.record.text().to_string()),
            policy,
        });
        if d.complete() {
            findings.extend(enforcement(&d.domain, record, policy));
        }
        if let Some(r) = record.filter(|r| !seen_records.contains(&r.domain)) {
            seen_records.push(r.domain.clone());
            findings.extend(record_prerequisites(r));
        }
    }
    let failed = findings
        .iter()
        .any(|f| f.code.as_str().starts_with(codes::PREFIX));
    let met = if failed {
        Some(false)
    } else if unknown {
        None
    } else {
        Some(true)
    };
    if !asks_for_logo {
        findings.retain(|f| !f.code.as_str().starts_with(codes::PREFIX));
    }
    let organizational_domain = domain.discovery.organizational_domain.clone();
    (
        Prerequisites {
            organizational_domain,
            policies,
            met,
        },
        findings,
    )
}

/// Step 7: the policy for the domain is quarantine or reject.
fn enforcement(
    domain: &str,
    record: Option<&PolicyRecord>,
    policy: Option<EffectivePolicy>,
) -> Option<Finding> {
    let message = match (record, policy) {
        (None, _) => format!("no DMARC policy applies to {domain}"),
        (Some(r), Some(p)) if p.policy == Some(Policy::None) => {
            let tag = match p.source {
                PolicySource::P => "p=none",
                PolicySource::Sp => "sp=none",
                PolicySource::Np => "np=none",
                PolicySource::Fallback => "p= missing or invalid, taken as none",
            };
            format!(
                "the DMARC policy for {domain} is none ({tag} at _dmarc.{})",
                r.domain
            )
        }
        (Some(_), Some(p)) if p.policy.is_some() => return None,
        (Some(_), _) => format!("receivers apply no DMARC processing to {domain}"),
    };
    Some(Finding::new(codes::DMARC_NOT_ENFORCED, domain, message))
}

/// Steps 8 and 9, and RFC 9989's `t=y`: `sp=none`, `pct` below 100, testing.
fn record_prerequisites(policy: &PolicyRecord) -> Vec<Finding> {
    let r = &policy.record;
    let subject = format!("_dmarc.{}", policy.domain);
    let text: Arc<str> = r.text().into();
    let at = |f: Finding, name: &str| match r.tags.get(name) {
        Some(tag) => f.at(&text, tag.span.start, tag.span.end),
        None => f,
    };
    let mut out = Vec::new();
    if r.sp == Some(Policy::None) {
        let message = "sp=none: receivers show no BIMI logo".to_string();
        out.push(at(
            Finding::new(codes::DMARC_SP_NONE, &subject, message),
            "sp",
        ));
    }
    if let Some(pct) = r.pct.filter(|p| *p < 100) {
        let message = format!("pct={pct}: the policy covers only part of the mail");
        out.push(at(
            Finding::new(codes::DMARC_PARTIAL_ENFORCEMENT, &subject, message),
            "pct",
        ));
    }
    if r.testing() {
        let message = "t=y: the policy is in test mode".to_string();
        out.push(at(
            Finding::new(codes::DMARC_PARTIAL_ENFORCEMENT, &subject, message),
            "t",
        ));
    }
    out
}
