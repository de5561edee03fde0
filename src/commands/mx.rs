//! `mailaudit mx DOMAIN`: where the domain's mail goes and what a sender meets on the way
//! (RFC 5321 §5.1, RFC 7505).

use crate::cli::MxArgs;
use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::mx::{MxSettings, audit_domain};
use crate::render::Printer;

pub async fn run(args: MxArgs, ctx: &Ctx, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let dns = ctx.dns()?;
    let settings = MxSettings {
        budget: ctx.config.budget,
        reverse_dns: true,
    };
    let report = audit_domain(&dns, &domain, settings).await;
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}
