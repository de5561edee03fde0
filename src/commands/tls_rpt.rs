//! `mailaudit tlsrpt DOMAIN`: the TLS-RPT record at `_smtp._tls.DOMAIN` (RFC 8460).

use crate::cli::TlsRptArgs;
use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::policy::tls_rpt::audit_domain;
use crate::render::Printer;

pub async fn run(
    args: TlsRptArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let dns = ctx.dns()?;
    let report = audit_domain(&dns, &domain).await;
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}
