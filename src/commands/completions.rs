//! `mailaudit completions SHELL`: the shell completion script, generated from the clap
//! definitions.

use crate::cli::CompletionsArgs;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;

pub fn run(args: CompletionsArgs, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    printer.raw(crate::docs::completion(args.shell).as_bytes())?;
    Ok(ExitStatus::new(None))
}
