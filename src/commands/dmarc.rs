//! `mailaudit dmarc DOMAIN`: the DMARC audit of a domain (RFC 9989, RFC 9990).

use crate::cli::DmarcArgs;
use crate::context::Ctx;
use crate::dmarc::audit::audit_domain;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;

pub async fn run(
    args: DmarcArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let dns = ctx.dns()?;
    // Every walk is bounded in queries; the budget also bounds the time slow servers take.
    let budget = ctx.config.budget;
    let report = tokio::time::timeout(budget, audit_domain(&dns, &domain))
        .await
        .map_err(|_| Error::Deadline {
            what: format!("DMARC audit of {domain}"),
            secs: budget.as_secs_f64(),
        })?;
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}
