//! The DKIM audit of a domain (RFC 6376 §3.6.2): each selector's key record looked up at
//! `selector._domainkey.domain` (saying where a CNAME delegates it), linted and its key decoded;
//! with no selector given, the widely used ones are tried, all at once, within the time budget —
//! unless `_domainkey.domain` does not exist, which proves that no selector does (RFC 8020).
//! Discovery also asks a selector nobody uses: when it holds a record, `*._domainkey` is a
//! wildcard (RFC 4592), and the guesses that only found it are shown once, as `*`.
//! A lookup that fails is reported as a failure, never as a missing key.

use std::time::Duration;

use crate::dns::{Answer, Dns, LookupError, Rdata, RecordType};
use crate::finding::Finding;
use futures_util::StreamExt;
use futures_util::stream::FuturesOrdered;

use super::lints::lint_record;
use super::{
    DkimReport, KeyRecordReport, KeyType, Selector, SelectorReport, SelectorStatus, codes,
};

/// What looking one selector up found.
struct Looked {
    report: SelectorReport,
    findings: Vec<Finding>,
    failure: Option<LookupError>,
}

/// Audits the given selectors of `domain`, or, when `selectors` is empty, discovers them from
/// `candidates`. Lookups not answered within `budget` count as failed.
pub async fn audit_domain(
    dns: &Dns,
    domain: &str,
    selectors: &[Selector],
    candidates: &[Selector],
    budget: Duration,
) -> DkimReport {
    let discovery = selectors.is_empty();
    let list = if discovery { candidates } else { selectors };
    let deadline = tokio::time::Instant::now() + budget;
    if discovery && no_domainkey(dns, domain, deadline).await {
        return nothing_below(domain, candidates.len());
    }
    let mut pending: FuturesOrdered<_> = list
        .iter()
        .map(|s| async move {
            match tokio::time::timeout_at(deadline, look_up(dns, domain, s)).await {
                Ok(looked) => looked,
                Err(_) => timed_out(domain, s, budget),
            }
        })
        .collect();
    let wildcard = async {
        if !discovery {
            return None;
        }
        let probe = Selector::new(WILDCARD_PROBE).ok()?;
        let looked = tokio::time::timeout_at(deadline, look_up(dns, domain, &probe))
            .await
            .ok()?;
        (looked.report.status == SelectorStatus::Found).then_some(looked)
    };
    let collect = async {
        let mut looked = Vec::new();
        while let Some(one) = pending.next().await {
            looked.push(one);
        }
        looked
    };
    let (mut looked, wildcard) = tokio::join!(collect, wildcard);
    if let Some(wildcard) = wildcard {
        looked = fold_wildcard(domain, looked, wildcard);
    }
    assemble(domain, discovery, list.len(), looked)
}

/// A selector no signer uses: a record there comes from a wildcard.
const WILDCARD_PROBE: &str = "mailaudit-wildcard-probe";

/// The guesses whose records are exactly the wildcard's, taken out and shown once as `*` (a
/// parked domain's `*._domainkey` "v=DKIM1; p=" otherwise answers every one of them).
fn fold_wildcard(domain: &str, looked: Vec<Looked>, mut wildcard: Looked) -> Vec<Looked> {
    let records =
        |l: &Looked| -> Vec<String> { l.report.records.iter().map(|r| r.record.clone()).collect() };
    let same = records(&wildcard);
    let mut kept: Vec<Looked> = looked
        .into_iter()
        .filter(|l| l.report.status != SelectorStatus::Found || records(l) != same)
        .collect();
    let name = format!("*._domainkey.{domain}");
    let probe = wildcard.report.name.clone();
    wildcard.report.selector = "*".into();
    wildcard.report.name.clone_from(&name);
    for finding in &mut wildcard.findings {
        if finding.subject == probe {
            finding.subject.clone_from(&name);
        }
    }
    kept.insert(0, wildcard);
    kept
}

/// Whether `_domainkey.domain` is NXDOMAIN: then no name below it exists (RFC 8020), and no
/// selector either. Only that answer counts: NODATA (the empty non-terminal above published
/// keys), records, or a failed lookup all leave the selectors to be tried, so that a failure
/// never hides a key.
async fn no_domainkey(dns: &Dns, domain: &str, deadline: tokio::time::Instant) -> bool {
    let name = format!("_domainkey.{domain}");
    let answer = tokio::time::timeout_at(deadline, dns.lookup(&name, RecordType::Txt)).await;
    matches!(answer, Ok(Ok(Answer::NxDomain)))
}

/// The report when `_domainkey.domain` does not exist: `skipped` selectors were not tried.
fn nothing_below(domain: &str, skipped: usize) -> DkimReport {
    let name = format!("_domainkey.{domain}");
    let finding = Finding::new(
        codes::NO_DOMAINKEY,
        &name,
        format!(
            "{name} does not exist (NXDOMAIN): no selector can exist below it (RFC 8020); the \
             {skipped} selector lookups were skipped"
        ),
    );
    let note = format!(
        "{name} does not exist (NXDOMAIN), so no selector can exist below it (RFC 8020): the \
         {skipped} widely used selectors were not tried; if the domain does publish keys, its \
         DNS answers wrongly, and --selector S (the s= of a DKIM-Signature) audits one all the \
         same"
    );
    DkimReport {
        domain: domain.to_string(),
        discovery: true,
        selectors_tried: 0,
        no_domainkey: true,
        selectors: Vec::new(),
        note: Some(note),
        findings: vec![finding],
        incomplete: false,
    }
}

fn assemble(domain: &str, discovery: bool, tried: usize, looked: Vec<Looked>) -> DkimReport {
    let failures: Vec<LookupError> = looked.iter().filter_map(|l| l.failure.clone()).collect();
    let incomplete = !looked.is_empty() && failures.len() == looked.len();
    let mut findings = failure_findings(domain, discovery, tried, &looked, &failures);
    // Discovery shows what it found (and lookups that failed, when they are few), not the
    // dozens of guesses that do not exist.
    let mut selectors = Vec::new();
    for l in looked {
        let keep = !discovery
            || l.report.status == SelectorStatus::Found
            || (l.failure.is_some() && failures.len() <= 3);
        if keep {
            findings.extend(l.findings);
            selectors.push(l.report);
        }
    }
    let found = selectors
        .iter()
        .filter(|s| s.status == SelectorStatus::Found)
        .count();
    if discovery && found == 0 && !incomplete {
        findings.push(Finding::new(
            codes::NONE_FOUND,
            format!("_domainkey.{domain}"),
            format!(
                "none of the {tried} selectors tried holds a key record; selectors cannot be \
                 enumerated, so this does not prove the domain has no DKIM keys"
            ),
        ));
    }
    findings.extend(ed25519_only(domain, &selectors));
    let note = discovery.then(|| {
        format!(
            "selectors cannot be enumerated through DNS: {tried} widely used selectors were \
             tried, and a key under any other selector is not seen; give --selector S (the s= of \
             a DKIM-Signature) to audit one"
        )
    });
    DkimReport {
        domain: domain.to_string(),
        discovery,
        selectors_tried: tried,
        no_domainkey: false,
        selectors,
        note,
        findings,
        incomplete,
    }
}

/// The lookups that failed: each on its own, or, when discovery meets many, as one problem (a
/// broken server), not dozens.
fn failure_findings(
    domain: &str,
    discovery: bool,
    tried: usize,
    looked: &[Looked],
    failures: &[LookupError],
) -> Vec<Finding> {
    if discovery && failures.len() > 3 {
        let first: Vec<&str> = failures.iter().take(3).map(|e| e.detail.as_str()).collect();
        return vec![Finding::new(
            crate::dns::codes::LOOKUP_FAILED,
            format!("_domainkey.{domain}"),
            format!(
                "{} of {tried} selector lookups failed: {}; ...",
                failures.len(),
                first.join("; ")
            ),
        )];
    }
    looked
        .iter()
        .filter_map(|l| l.failure.as_ref().map(|e| e.finding(&l.report.name)))
        .collect()
}

/// Every key found is Ed25519: verifiers without Ed25519 see the mail as unsigned.
fn ed25519_only(domain: &str, selectors: &[SelectorReport]) -> Option<Finding> {
    let keys: Vec<(&str, KeyType)> = selectors
        .iter()
        .flat_map(|s| {
            s.records
                .iter()
                .filter_map(|r| Some((s.selector.as_str(), r.key?.algorithm)))
        })
        .collect();
    let only = !keys.is_empty() && keys.iter().all(|(_, k)| *k == KeyType::Ed25519);
    only.then(|| {
        let names: Vec<&str> = keys.iter().map(|(s, _)| *s).collect();
        Finding::new(
            codes::ED25519_ONLY,
            domain,
            format!(
                "every key found is Ed25519 (selector {}); no RSA key was found beside it",
                names.join(", ")
            ),
        )
    })
}

/// Looks up one selector: its TXT records and, when there are some, its CNAME.
async fn look_up(dns: &Dns, domain: &str, selector: &Selector) -> Looked {
    let name = selector.record_name(domain);
    let mut report = SelectorReport::empty(selector, &name);
    let answer = match dns.lookup(&name, RecordType::Txt).await {
        Ok(answer) => answer,
        Err(e) => return Looked::failed(report, e),
    };
    let txts = crate::dns::txts(answer.records());
    if txts.is_empty() {
        let what = if answer == Answer::NxDomain {
            "does not exist (NXDOMAIN)"
        } else {
            "has no TXT record"
        };
        let absent = Finding::new(codes::SELECTOR_NOT_FOUND, &name, format!("{name} {what}"));
        return Looked {
            report,
            findings: vec![absent],
            failure: None,
        };
    }
    report.status = SelectorStatus::Found;
    if let Ok(Answer::Records(records)) = dns.lookup(&name, RecordType::Cname).await {
        report.cname = records.iter().find_map(|r| match r {
            Rdata::Cname(target) => Some(target.clone()),
            _ => None,
        });
    }
    let mut findings = Vec::new();
    if txts.len() > 1 {
        findings.push(Finding::new(
            codes::MULTIPLE_RECORDS,
            &name,
            format!("{} TXT records; verifiers may use any of them", txts.len()),
        ));
    }
    for txt in &txts {
        let linted = lint_record(&name, txt);
        report.records.push(KeyRecordReport::new(txt, &linted));
        findings.extend(linted.findings);
    }
    Looked {
        report,
        findings,
        failure: None,
    }
}

impl SelectorReport {
    /// Nothing found (yet) at `name`.
    fn empty(selector: &Selector, name: &str) -> Self {
        Self {
            dnssec: None,
            selector: selector.to_string(),
            name: name.to_string(),
            cname: None,
            status: SelectorStatus::NotFound,
            records: Vec::new(),
        }
    }
}

impl Looked {
    /// The lookup of `report`'s name failed.
    fn failed(mut report: SelectorReport, failure: LookupError) -> Self {
        report.status = SelectorStatus::LookupFailed;
        Self {
            report,
            findings: Vec::new(),
            failure: Some(failure),
        }
    }
}

fn timed_out(domain: &str, selector: &Selector, budget: Duration) -> Looked {
    let name = selector.record_name(domain);
    let failure = LookupError {
        kind: crate::dns::FailureKind::Timeout,
        detail: format!(
            "{name} TXT: not answered within the budget of {} s",
            budget.as_secs_f64()
        ),
    };
    Looked::failed(SelectorReport::empty(selector, &name), failure)
}
