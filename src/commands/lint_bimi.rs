//! `mailaudit lint bimi RECORD-OR-FILE`: lints a BIMI record before it is published.

use crate::cli::LintBimiArgs;
use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::policy::bimi::DEFAULT_SELECTOR;
use crate::policy::bimi::audit::audit_text;
use crate::render::Printer;

pub fn run(args: LintBimiArgs, ctx: &Ctx, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    let txt = super::record_input::read(&args.record)?;
    let report = audit_text(&txt, DEFAULT_SELECTOR);
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}
