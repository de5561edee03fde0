//! `check`: every audit of one domain at once — SPF (RFC 7208), DMARC (RFC 9989), DKIM (RFC
//! 6376), MX (RFC 5321, RFC 7505), MTA-STS (RFC 8461), TLS-RPT (RFC 8460), BIMI — sharing the run's resolver and its cache,
//! so a domain costs little more than its longest chain of dependent queries — and the live
//! SMTP/STARTTLS probe of its MX hosts (RFC 5321, RFC 3207), and with `--clients` its
//! mail-client endpoints (RFC 6186, RFC 8314); then the checks that need several
//! protocols at once (`cross`). Many domains: `bulk`.

pub mod bulk;
pub mod codes;
mod cross;
mod report;
pub mod shard;
mod stamp;

pub use report::{ACROSS, Area, AreaReport, Asked, CheckReport};

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use crate::clients::ClientsReport;
use crate::clients::probe::ClientSettings;
use crate::dkim::Selector;
use crate::dns::anchor::Anchor;
use crate::dns::{Answer, Dns, QueryCount, RecordType};
use crate::finding::Outcome;
use crate::mx::MxSettings;
use crate::policy::mta_sts::FetchSettings;
use crate::smtp::probe::{ProbeSettings, probe_domain};
use crate::smtp::{Deadline, ProbeReport};

/// What a check looks at, besides the domain.
#[derive(Debug, Clone)]
pub struct CheckSettings {
    /// The time each area may take; an area still running then is reported as unfinished.
    pub budget: Duration,
    /// DKIM selectors given; empty means discovery over `dkim_candidates`.
    pub dkim_selectors: Vec<Selector>,
    pub dkim_candidates: Vec<Selector>,
    pub bimi_selector: String,
    pub mta_sts: FetchSettings,
    /// The domain sends no mail, as its owner says (`--parked`).
    pub parked: bool,
    /// The SMTP probe of the MX hosts; `None` with `--no-probe`.
    pub probe: Option<ProbeSettings>,
    /// The mail-client endpoints; `Some` with `--clients`.
    pub clients: Option<ClientSettings>,
    /// DNSSEC, from these anchors (empty: the root's built-in ones); `None` with
    /// `--no-dnssec`.
    pub dnssec: Option<Vec<Anchor>>,
    /// What differs for some domains (the config file's `[domains]`), by normalised domain.
    pub per_domain: Arc<BTreeMap<String, DomainOverride>>,
}

/// One domain's settings over the run's, where the command line said nothing.
#[derive(Debug, Clone, Default)]
pub struct DomainOverride {
    /// DKIM selectors to check instead of discovery; empty: the run's.
    pub dkim_selectors: Vec<Selector>,
    /// More selectors for discovery to try (a rotation state's for this domain).
    pub dkim_candidates: Vec<Selector>,
    pub bimi_selector: Option<String>,
    /// The domain sends no mail.
    pub parked: bool,
}

impl CheckSettings {
    /// The settings for `domain`: the run's, with its override (if any) applied.
    fn for_domain(&self, domain: &str) -> Cow<'_, Self> {
        let Some(o) = self.per_domain.get(domain) else {
            return Cow::Borrowed(self);
        };
        let mut mine = self.clone();
        if !o.dkim_selectors.is_empty() && mine.dkim_selectors.is_empty() {
            mine.dkim_selectors.clone_from(&o.dkim_selectors);
        }
        for s in &o.dkim_candidates {
            if !mine.dkim_candidates.contains(s) {
                mine.dkim_candidates.push(s.clone());
            }
        }
        if let Some(b) = &o.bimi_selector {
            mine.bimi_selector.clone_from(b);
        }
        mine.parked |= o.parked;
        Cow::Owned(mine)
    }
}

/// Checks `domain` (already normalised): every area concurrently, each within the budget, its
/// lookups counted (the run's cache shared).
pub async fn check_domain(dns: &Dns, domain: &str, settings: &CheckSettings) -> CheckReport {
    let settings = &*settings.for_domain(domain);
    let (dns, counter) = dns.counted();
    let dns = &dns;
    let budget = settings.budget;
    let mx_settings = MxSettings {
        budget,
        reverse_dns: true,
    };
    let dnssec = async {
        let anchors = settings.dnssec.as_deref()?;
        // The probe lints the TLSA records where it runs.
        let lint_tlsa = settings.probe.is_none();
        let audit = crate::dnssec::audit::audit_domain(dns, domain, anchors, lint_tlsa);
        within(budget, audit).await
    };
    let (mx, spf, dmarc, dkim, mta_sts, tls_rpt, bimi, dnssec, (probe, clients)) = tokio::join!(
        // The MTA-STS audit asks for the MX too: the cache answers both with one query.
        within(budget, crate::mx::audit_domain(dns, domain, mx_settings)),
        within(budget, crate::spf::audit::audit_domain(dns, domain, budget)),
        within(budget, crate::dmarc::audit::audit_domain(dns, domain)),
        within(
            budget,
            crate::dkim::audit::audit_domain(
                dns,
                domain,
                &settings.dkim_selectors,
                &settings.dkim_candidates,
                budget,
            )
        ),
        within(
            budget,
            crate::policy::mta_sts::audit_domain(dns, domain, &settings.mta_sts)
        ),
        within(budget, crate::policy::tls_rpt::audit_domain(dns, domain)),
        within(
            budget,
            crate::policy::bimi::audit::audit_domain(dns, domain, &settings.bimi_selector)
        ),
        dnssec,
        live_areas(dns, domain, settings),
    );
    let mut report = CheckReport {
        domain: domain.to_string(),
        spf,
        dmarc,
        dkim,
        mx,
        mta_sts,
        tls_rpt,
        bimi,
        dnssec,
        probe,
        clients,
        queries: QueryCount::default(),
        findings: Vec::new(),
        incomplete: false,
        nxdomain: false,
        asked: Asked {
            smtp: settings.probe.is_some(),
            clients: settings.clients.is_some(),
            dnssec: settings.dnssec.is_some(),
        },
    };
    if let Some(dnssec) = &mut report.dnssec {
        let answers = counter.judged();
        within(
            budget,
            crate::dnssec::audit::judge_answers(dns, dnssec, answers),
        )
        .await;
    }
    // With zone files there is no DNSSEC area, yet each answer is said to be insecure.
    let answers = report
        .dnssec
        .as_ref()
        .map_or_else(|| counter.judged(), |d| d.answers.clone());
    stamp::stamp(&mut report, &answers);
    across(dns, &mut report, settings).await;
    report.queries = counter.get();
    report
}

/// What the areas show together: whether the domain exists, the cross-area findings, whether
/// the report is complete.
async fn across(dns: &Dns, report: &mut CheckReport, settings: &CheckSettings) {
    // The SPF audit asked already: the cache answers.
    let own = within(settings.budget, dns.lookup(&report.domain, RecordType::Txt)).await;
    if matches!(own, Some(Ok(Answer::NxDomain))) {
        cross::nothing_below(report);
    }
    report.findings = cross::findings(report, settings);
    report.incomplete = report.findings.iter().any(|f| f.code == codes::UNFINISHED)
        || report.parts().iter().any(|part| part.incomplete());
}

/// The areas that talk to servers, when asked for: the MX probe and the client endpoints. Each
/// session ends with the domain's budget and none starts after it, so slow servers cannot cost
/// their area the report.
async fn live_areas(
    dns: &Dns,
    domain: &str,
    settings: &CheckSettings,
) -> (Option<ProbeReport>, Option<ClientsReport>) {
    let budget = settings.budget;
    let deadline = Some(Deadline::after(budget, "the domain's --budget"));
    let probe = async {
        let mut probe = settings.probe.clone()?;
        probe.session.deadline = deadline.clone();
        within(budget, probe_domain(dns, domain, &probe, &|_| {})).await
    };
    let clients = async {
        let mut clients = settings.clients.clone()?;
        clients.session.deadline = deadline.clone();
        let audit = crate::clients::probe::audit_domain(dns, domain, &clients, &|_| {});
        within(budget, audit).await
    };
    tokio::join!(probe, clients)
}

/// `area` with a time limit; `None` when it ran out. The areas bound their own walks too, so
/// this only matters for servers that answer slowly at every step.
async fn within<T>(budget: Duration, area: impl Future<Output = T>) -> Option<T> {
    // A little grace, so an area that ends itself at the budget reports what it found.
    tokio::time::timeout(budget + Duration::from_millis(500), area)
        .await
        .ok()
}
