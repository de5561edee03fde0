//! `mailaudit generate-docs DIR` (hidden): rewrites the committed completions and man pages.

use crate::cli::GenerateDocsArgs;
use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;

pub fn run(args: GenerateDocsArgs, ctx: &Ctx) -> Result<ExitStatus, Error> {
    crate::docs::generate(&args.dir)?;
    Ok(ctx.config.exit_status())
}
