//! `mailaudit lint dkim RECORD`: lints a DKIM key record before it is published (RFC 6376
//! §3.6.1).

use crate::cli::LintDkimArgs;
use crate::context::Ctx;
use crate::dkim::lints::lint_record;
use crate::dkim::{DkimLintReport, KeyRecordReport};
use crate::dns::Txt;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;

pub fn run(args: LintDkimArgs, ctx: &Ctx, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    let txt = Txt::from_typed(&args.record)?;
    let linted = lint_record("record", &txt);
    let report = DkimLintReport {
        record: KeyRecordReport::new(&txt, &linted),
        findings: linted.findings,
    };
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}
