//! `mailaudit lint spf RECORD [--resolve]`: lints an SPF record before it is published.

use crate::cli::LintSpfArgs;
use crate::context::Ctx;
use crate::dns::Txt;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;
use crate::spf::audit::audit_text;

pub async fn run(
    args: LintSpfArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let txt = Txt::from_typed(&args.record)?;
    let dns = if args.resolve { Some(ctx.dns()?) } else { None };
    let report = audit_text(dns.as_ref(), "record", txt, ctx.config.budget).await;
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}
