//! The DMARC audit of a domain (RFC 9989, RFC 9990): the tree walk and the record that applies,
//! the effective policy for the domain, alignment in words, the record's lints, where the
//! record sits (the apex, a CNAME beside other data) and where its reports go.

use crate::dns::{Answer, Dns, LookupError, Rdata, RecordType, Txt, txts};
use crate::finding::Finding;
use crate::tags::TagList;

use super::alignment;
use super::destinations;
use super::discovery::{self, Discovery, Found, NameLookup, PolicyRecord};
use super::lints::lint_record;
use super::parse::is_candidate;
use super::policy::{EffectivePolicy, Existence, effective};
use super::{DmarcRecord, DmarcReport, RecordView, StepResult, WalkStep, codes};

/// What applies to mail from one domain: the tree walk, and the domain's own TXT lookup, which
/// tells whether it exists (§3.2.13: NXDOMAIN means it does not, whatever the type asked).
#[derive(Debug, Clone)]
pub struct Resolution {
    pub discovery: Discovery,
    pub domain_txt: Result<Answer, LookupError>,
}

impl Resolution {
    pub fn existence(&self) -> Existence {
        Existence::of(&self.domain_txt)
    }

    /// The policy receivers apply to the domain, when a record applies.
    pub fn effective(&self) -> Option<EffectivePolicy> {
        let policy = self.discovery.record()?;
        Some(effective(
            &policy.record,
            !self.discovery.inherited(),
            self.existence(),
        ))
    }
}

/// Discovers the policy for `domain`; the same path for DMARC's own report and for BIMI.
pub async fn resolve(dns: &Dns, domain: &str) -> Resolution {
    let (discovery, domain_txt) = tokio::join!(
        discovery::discover(dns, domain),
        dns.lookup(domain, RecordType::Txt)
    );
    Resolution {
        discovery,
        domain_txt,
    }
}

/// Audits `domain`'s DMARC policy through DNS.
pub async fn audit_domain(dns: &Dns, domain: &str) -> DmarcReport {
    let own_name = format!("_dmarc.{domain}");
    let (resolution, cname) = tokio::join!(
        resolve(dns, domain),
        dns.lookup(&own_name, RecordType::Cname)
    );
    let d = &resolution.discovery;
    let mut findings = walk_findings(d);
    let applied = d.record();
    if let Some(policy) = applied {
        findings.extend(lint_record(
            &format!("_dmarc.{}", policy.domain),
            &policy.txt,
            &policy.record,
        ));
    } else if d.complete() {
        findings.push(missing(d));
    }
    findings.extend(apex_findings(domain, &resolution.domain_txt));
    let cname_target = cname_target(&cname);
    if let Some(target) = &cname_target {
        findings.extend(cname_beside_data(dns, &own_name, target).await);
    }
    let mut destinations = Vec::new();
    if let Some(policy) = applied {
        let organizational = if d.inherited() {
            Some(policy.domain.as_str())
        } else {
            d.organizational_domain.as_deref()
        };
        let subject = format!("_dmarc.{}", policy.domain);
        let (found, more) = destinations::check(dns, policy, organizational, &subject).await;
        destinations = found;
        findings.extend(more);
    }
    let record = applied.map(|p| RecordView {
        cname: cname_target.filter(|_| !d.inherited()),
        ..view(p, d.inherited())
    });
    DmarcReport {
        dnssec: None,
        domain: domain.to_string(),
        record,
        organizational_domain: d.organizational_domain.clone(),
        existence: Some(resolution.existence()),
        policy: resolution.effective(),
        alignment: applied.and_then(|p| {
            let org = d.organizational_domain.as_deref();
            alignment::describe(domain, org, p.record.adkim(), p.record.aspf())
        }),
        report_destinations: destinations,
        walk: d.steps.iter().map(step_view).collect(),
        findings,
        incomplete: !d.complete(),
    }
}

/// Lints a record given as text, as if it were a domain's own record.
pub fn audit_text(txt: &Txt) -> DmarcReport {
    let record = DmarcRecord::parse(&txt.text());
    let findings = lint_record("record", txt, &record);
    let valid = record.valid_version;
    let policy = valid.then(|| effective(&record, true, Existence::Exists));
    let alignment = valid
        .then(|| {
            alignment::describe(
                "the domain",
                Some("its Organizational Domain"),
                record.adkim(),
                record.aspf(),
            )
        })
        .flatten();
    let policy_record = PolicyRecord {
        domain: "record".into(),
        txt: txt.clone(),
        record,
    };
    DmarcReport {
        dnssec: None,
        domain: "record".into(),
        record: Some(RecordView {
            name: "record".into(),
            ..view(&policy_record, false)
        }),
        organizational_domain: None,
        existence: None,
        policy,
        alignment,
        report_destinations: Vec::new(),
        walk: Vec::new(),
        findings,
        incomplete: false,
    }
}

fn view(policy: &PolicyRecord, inherited: bool) -> RecordView {
    RecordView {
        name: format!("_dmarc.{}", policy.domain),
        domain: policy.domain.clone(),
        text: policy.record.text().to_string(),
        strings: policy.txt.string_texts(),
        inherited,
        cname: None,
    }
}

fn step_view(step: &NameLookup) -> WalkStep {
    let (result, psd) = match &step.found {
        Found::Record(r) => (StepResult::Record, Some(r.record.psd())),
        Found::None { nxdomain: true } => (StepResult::NxDomain, None),
        Found::None { nxdomain: false } => (StepResult::NoRecord, None),
        Found::Multiple(_) => (StepResult::Multiple, None),
        Found::Failed(_) => (StepResult::Failed, None),
    };
    WalkStep {
        name: step.name(),
        result,
        psd,
        ignored: step
            .malformed
            .iter()
            .map(|(_, r)| r.text().to_string())
            .collect(),
    }
}

/// Failed lookups and discarded records met on the walk; the records at the domain's own name
/// that receivers ignore, linted so the report says why.
fn walk_findings(d: &Discovery) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, step) in d.steps.iter().enumerate() {
        let name = step.name();
        match &step.found {
            Found::Failed(e) => out.push(e.finding(&name)),
            Found::Multiple(records) => {
                let shown: Vec<String> = records.iter().map(ToString::to_string).collect();
                out.push(Finding::new(
                    codes::MULTIPLE_RECORDS,
                    &name,
                    format!(
                        "{} v=DMARC1 records, receivers discard them all: {}",
                        records.len(),
                        shown.join(", ")
                    ),
                ));
            }
            _ => {}
        }
        if i == 0 {
            for (txt, record) in &step.malformed {
                out.extend(lint_record(&name, txt, record));
            }
        }
    }
    out
}

fn missing(d: &Discovery) -> Finding {
    let asked: Vec<String> = d.steps.iter().map(NameLookup::name).collect();
    Finding::new(
        codes::MISSING,
        &d.domain,
        format!(
            "no DMARC record applies; the tree walk asked {}",
            asked.join(", ")
        ),
    )
}

/// §4.5: a `v=DMARC1` record at the domain itself is never read. A failed lookup of the domain
/// leaves both that and the domain's existence unknown.
fn apex_findings(domain: &str, answer: &Result<Answer, LookupError>) -> Vec<Finding> {
    let records = match answer {
        Err(e) => return vec![e.finding(domain)],
        Ok(answer) => txts(answer.records()),
    };
    records
        .iter()
        .filter_map(|txt| {
            let text = txt.text();
            is_candidate(&TagList::parse(&text)).then(|| {
                // The report shows no apex record: the message quotes it (it is all at fault).
                let message = format!(
                    "a v=DMARC1 TXT record at {domain} itself is never read; receivers look at \
                     _dmarc.{domain}: \"{text}\""
                );
                Finding::new(codes::RECORD_AT_APEX, domain, message)
            })
        })
        .collect()
}

fn cname_target(answer: &Result<Answer, LookupError>) -> Option<String> {
    answer
        .as_ref()
        .ok()?
        .records()
        .iter()
        .find_map(|r| match r {
            Rdata::Cname(target) => Some(target.clone()),
            _ => None,
        })
}

/// RFC 2181 §10.1: `name` is a CNAME to `target`, so its TXT answer must be the target's. TXT
/// records of its own (some servers serve both) mean data beside the CNAME.
async fn cname_beside_data(dns: &Dns, name: &str, target: &str) -> Vec<Finding> {
    let (own, theirs) = tokio::join!(
        dns.lookup(name, RecordType::Txt),
        dns.lookup(target, RecordType::Txt)
    );
    let (Ok(own), Ok(theirs)) = (own, theirs) else {
        // The walk (or this lookup) reports the failure; nothing can be compared.
        return Vec::new();
    };
    let (own, theirs) = (txts(own.records()), txts(theirs.records()));
    let beside: Vec<String> = own
        .iter()
        .filter(|t| !theirs.contains(t))
        .map(ToString::to_string)
        .collect();
    if beside.is_empty() {
        return Vec::new();
    }
    vec![Finding::new(
        codes::CNAME_WITH_OTHER_DATA,
        name,
        format!(
            "{name} is a CNAME to {target} and also answers TXT {} of its own",
            beside.join(", ")
        ),
    )]
}
