//! Each record object of a check carries the DNSSEC status of the answer it came from (RFC
//! 4035 §4.3), read from the answers the domain's check used.

use crate::dns::{Dnssec, Judged, RecordType};

use super::CheckReport;

/// Sets the `dnssec` field of every area's record objects from `answers`.
pub fn stamp(report: &mut CheckReport, answers: &[Judged]) {
    let find = |name: &str, rtype: RecordType| -> Option<Dnssec> {
        answers
            .iter()
            .find(|a| a.name == name && a.rtype == rtype)
            .map(|a| a.dnssec.clone())
    };
    let domain = report.domain.clone();
    if let Some(spf) = &mut report.spf {
        spf.dnssec = find(&domain, RecordType::Txt);
    }
    if let Some(dmarc) = &mut report.dmarc {
        let name = dmarc
            .record
            .as_ref()
            .map_or_else(|| format!("_dmarc.{domain}"), |r| r.name.clone());
        dmarc.dnssec = find(&name, RecordType::Txt);
    }
    if let Some(dkim) = &mut report.dkim {
        for selector in &mut dkim.selectors {
            selector.dnssec = find(&selector.name, RecordType::Txt);
        }
    }
    if let Some(mx) = &mut report.mx {
        mx.dnssec = find(&domain, RecordType::Mx);
        for host in &mut mx.hosts {
            // The weaker of the host's two address answers.
            let a = find(&host.name, RecordType::A);
            let aaaa = find(&host.name, RecordType::Aaaa);
            host.dnssec = [a, aaaa].into_iter().flatten().min_by_key(|d| d.status);
        }
    }
    if let Some(sts) = &mut report.mta_sts {
        sts.dnssec = find(&format!("_mta-sts.{domain}"), RecordType::Txt);
    }
    if let Some(rpt) = &mut report.tls_rpt {
        rpt.dnssec = find(&format!("_smtp._tls.{domain}"), RecordType::Txt);
    }
    if let Some(bimi) = &mut report.bimi {
        let name = format!("{}._bimi.{domain}", bimi.selector);
        bimi.dnssec = find(&name, RecordType::Txt);
    }
}
