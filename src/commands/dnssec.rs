//! `mailaudit dnssec DOMAIN`: the chain of trust from the anchor down to the domain's zone, and
//! the status of the answers a sender starts from (RFC 4033-4035).

use futures_util::future::join_all;

use crate::cli::DnssecArgs;
use crate::context::Ctx;
use crate::dns::RecordType;
use crate::dnssec::audit::{audit_domain, judge_answers};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;

pub async fn run(
    args: DnssecArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let dns = ctx.dns()?;
    let anchors = ctx.trust_anchors()?;
    let (counted, counter) = dns.counted();
    let dmarc = format!("_dmarc.{domain}");
    let asked = [
        (domain.as_str(), RecordType::Mx),
        (domain.as_str(), RecordType::Txt),
        (dmarc.as_str(), RecordType::Txt),
    ];
    let (mut report, _) = tokio::join!(
        audit_domain(&counted, &domain, &anchors, true),
        join_all(asked.map(|(name, rtype)| counted.lookup_judged(name, rtype)))
    );
    judge_answers(&dns, &mut report, counter.judged()).await;
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}
