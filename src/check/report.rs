//! The report of one domain's check: every area's report, the findings that need several areas
//! at once, and the nine areas as one list ([`CheckReport::areas`]) that the exit status, the
//! cross-area checks and the renderers all read.

use serde::Serialize;

use crate::clients::ClientsReport;
use crate::dkim::DkimReport;
use crate::dmarc::DmarcReport;
use crate::dns::QueryCount;
use crate::dnssec::DnssecReport;
use crate::finding::{Finding, Outcome};
use crate::mx::MxReport;
use crate::policy::bimi::BimiReport;
use crate::policy::mta_sts::MtaStsReport;
use crate::policy::tls_rpt::TlsRptReport;
use crate::smtp::ProbeReport;
use crate::spf::SpfReport;

/// Every area's report for one domain. An area is `None` when it did not finish within the
/// budget (a finding says so) or was not asked for.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub domain: String,
    pub spf: Option<SpfReport>,
    pub dmarc: Option<DmarcReport>,
    pub dkim: Option<DkimReport>,
    pub mx: Option<MxReport>,
    pub mta_sts: Option<MtaStsReport>,
    pub tls_rpt: Option<TlsRptReport>,
    pub bimi: Option<BimiReport>,
    /// The chain of trust to the domain's zone and the status of every answer used; `None`
    /// with `--no-dnssec` or zone files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dnssec: Option<DnssecReport>,
    /// The live probe of the MX hosts; `None` with `--no-probe` or when it did not finish.
    pub probe: Option<ProbeReport>,
    /// The mail-client endpoints (`--clients`); `None` without it or when it did not finish.
    pub clients: Option<ClientsReport>,
    /// The DNS lookups this domain's check made: sent, answered from the run's cache, failed.
    pub queries: QueryCount,
    /// Findings that need several areas at once, and areas that did not finish.
    pub findings: Vec<Finding>,
    /// Some area could not be looked at all (its own record's lookups failed, or the budget
    /// ran out).
    pub incomplete: bool,
    /// The domain does not exist: the areas below it have nothing to report but that (RFC 8020).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub nxdomain: bool,
    /// The live areas asked for; the DNS areas always are.
    #[serde(skip)]
    pub asked: Asked,
}

/// Which live areas a check was asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Asked {
    /// The SMTP probe of the MX hosts (not with `--no-probe`).
    pub smtp: bool,
    /// DNSSEC validation (not with `--no-dnssec`).
    pub dnssec: bool,
    /// The mail-client endpoints (`--clients`).
    pub clients: bool,
}

/// One area of a check.
#[derive(Clone, Copy)]
pub struct Area<'a> {
    /// As the text report names it.
    pub name: &'static str,
    pub asked: bool,
    /// Its records live at or below the domain, so a domain that does not exist has none.
    pub below_domain: bool,
    /// `None` when the area did not finish, or was not asked for.
    pub report: Option<AreaReport<'a>>,
}

/// An area's report, by kind.
#[derive(Clone, Copy)]
pub enum AreaReport<'a> {
    Spf(&'a SpfReport),
    Dmarc(&'a DmarcReport),
    Dkim(&'a DkimReport),
    Mx(&'a MxReport),
    MtaSts(&'a MtaStsReport),
    TlsRpt(&'a TlsRptReport),
    Bimi(&'a BimiReport),
    Dnssec(&'a DnssecReport),
    Smtp(&'a ProbeReport),
    Clients(&'a ClientsReport),
}

impl<'a> AreaReport<'a> {
    pub fn outcome(self) -> &'a dyn Outcome {
        match self {
            Self::Spf(r) => r,
            Self::Dmarc(r) => r,
            Self::Dkim(r) => r,
            Self::Mx(r) => r,
            Self::MtaSts(r) => r,
            Self::TlsRpt(r) => r,
            Self::Bimi(r) => r,
            Self::Dnssec(r) => r,
            Self::Smtp(r) => r,
            Self::Clients(r) => r,
        }
    }
}

/// The name the text report gives the findings of no one area.
pub const ACROSS: &str = "Across";

impl CheckReport {
    /// The ten areas, in the order the report shows them.
    pub fn areas(&self) -> [Area<'_>; 10] {
        // DMARC and BIMI fall back to an Organizational Domain above; the others stay below.
        let inherits = self.inherits_policy();
        let area = |name, asked, below_domain, report| Area {
            name,
            asked,
            below_domain,
            report,
        };
        let (smtp, clients) = (self.asked.smtp, self.asked.clients);
        [
            area("SPF", true, true, self.spf.as_ref().map(AreaReport::Spf)),
            area(
                "DMARC",
                true,
                !inherits,
                self.dmarc.as_ref().map(AreaReport::Dmarc),
            ),
            area("DKIM", true, true, self.dkim.as_ref().map(AreaReport::Dkim)),
            area("MX", true, true, self.mx.as_ref().map(AreaReport::Mx)),
            area(
                "MTA-STS",
                true,
                true,
                self.mta_sts.as_ref().map(AreaReport::MtaSts),
            ),
            area(
                "TLS-RPT",
                true,
                true,
                self.tls_rpt.as_ref().map(AreaReport::TlsRpt),
            ),
            area(
                "BIMI",
                true,
                !inherits,
                self.bimi.as_ref().map(AreaReport::Bimi),
            ),
            // The chain above the domain is there whether the domain exists or not.
            area(
                "DNSSEC",
                self.asked.dnssec,
                false,
                self.dnssec.as_ref().map(AreaReport::Dnssec),
            ),
            area(
                "SMTP",
                smtp,
                true,
                self.probe.as_ref().map(AreaReport::Smtp),
            ),
            area(
                "Clients",
                clients,
                true,
                self.clients.as_ref().map(AreaReport::Clients),
            ),
        ]
    }

    /// DMARC's Organizational Domain is a name above the domain, whose policy (and BIMI
    /// record) applies to it.
    pub fn inherits_policy(&self) -> bool {
        self.dmarc
            .as_ref()
            .and_then(|d| d.organizational_domain.as_deref())
            .is_some_and(|org| org != self.domain)
    }

    /// Every finding of every area and the cross-area ones, with the area each belongs to.
    pub fn all_findings(&self) -> impl Iterator<Item = (&'static str, &Finding)> {
        let areas = self
            .areas()
            .into_iter()
            .filter_map(|a| a.report.map(|r| (a.name, r.outcome().findings())));
        areas
            .chain(std::iter::once((ACROSS, self.findings.as_slice())))
            .flat_map(|(area, findings)| findings.iter().map(move |f| (area, f)))
    }
}

impl CheckReport {
    /// The findings text shows and counts: all but those a suppression of the config file
    /// covers (they stay in the structured formats).
    pub fn shown_findings(&self) -> impl Iterator<Item = (&'static str, &Finding)> {
        self.all_findings().filter(|(_, f)| !f.is_suppressed())
    }

    /// Every finding of every area and the cross-area ones, to change (suppressions).
    pub fn all_findings_mut(&mut self) -> Vec<&mut Vec<Finding>> {
        let areas = [
            self.spf.as_mut().map(|r| &mut r.findings),
            self.dmarc.as_mut().map(|r| &mut r.findings),
            self.dkim.as_mut().map(|r| &mut r.findings),
            self.mx.as_mut().map(|r| &mut r.findings),
            self.mta_sts.as_mut().map(|r| &mut r.findings),
            self.tls_rpt.as_mut().map(|r| &mut r.findings),
            self.bimi.as_mut().map(|r| &mut r.findings),
            self.dnssec.as_mut().map(|r| &mut r.findings),
            self.probe.as_mut().map(|r| &mut r.findings),
            self.clients.as_mut().map(|r| &mut r.findings),
        ];
        let mut all: Vec<&mut Vec<Finding>> = areas.into_iter().flatten().collect();
        all.push(&mut self.findings);
        all
    }
}

impl Outcome for CheckReport {
    fn findings(&self) -> &[Finding] {
        &self.findings
    }

    fn incomplete(&self) -> bool {
        self.incomplete
    }

    fn parts(&self) -> Vec<&dyn Outcome> {
        self.areas()
            .into_iter()
            .filter_map(|a| a.report.map(AreaReport::outcome))
            .collect()
    }
}
