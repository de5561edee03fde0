//! `mailaudit generate-docs DIR` (hidden): rewrites the committed completions and man pages.

use crate::cli::GenerateDocsArgs;
use crate::error::Error;
use crate::exit::ExitStatus;

use crate::context::Ctx;

pub fn run(args: GenerateDocsArgs, ctx: &Ctx) -> Result<ExitStatus, Error> {
    crate::docs::generate(&args.dir)?;
    Ok(ctx.config.exit_status())
}
