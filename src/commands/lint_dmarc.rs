//! `mailaudit lint dmarc RECORD-OR-FILE`: lints a DMARC record before it is published.

use crate::cli::LintDmarcArgs;
use crate::context::Ctx;
use crate::dmarc::audit::audit_text;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;

pub fn run(args: LintDmarcArgs, ctx: &Ctx, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    let txt = super::record_input::read(&args.record)?;
    let report = audit_text(&txt);
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}
