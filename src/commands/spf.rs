//! `mailaudit spf DOMAIN`: the SPF audit of a domain (RFC 7208).

use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;
use crate::spf::audit::audit_domain;

pub async fn run(domain: &str, ctx: &Ctx, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(domain)?;
    let dns = ctx.dns()?;
    let report = audit_domain(&dns, &domain, ctx.config.budget).await;
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}
