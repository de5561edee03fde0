//! `mailaudit mta-sts DOMAIN`: the MTA-STS record, the policy fetched as a sender does, and the
//! MX coverage (RFC 8461).

use crate::cli::MtaStsArgs;
use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::policy::mta_sts::audit_domain;
use crate::render::Printer;

pub async fn run(
    args: MtaStsArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let settings = ctx.fetch_settings()?;
    let dns = ctx.dns()?;
    let report = audit_domain(&dns, &domain, &settings).await;
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}
