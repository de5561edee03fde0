//! `mailaudit explain [CODE]`: one catalog entry in full, or every code.

use crate::catalog;
use crate::cli::ExplainArgs;
use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::finding::Code;
use crate::render::Printer;
use crate::render::text::EntryList;

pub fn run(args: ExplainArgs, ctx: &Ctx, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    match args.code {
        Some(name) => {
            let code = catalog::find(&name).ok_or(Error::UnknownCode(name))?;
            printer.record(code.entry())?;
        }
        None => printer.record(&EntryList(catalog::all().map(Code::entry).collect()))?,
    }
    Ok(ctx.config.exit_status())
}
