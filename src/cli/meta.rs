//! Arguments of the commands about mailaudit itself: `explain`, `completions`, `generate-docs`.

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A finding code such as spf-too-many-lookups; without it, every code is listed
    pub code: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct GenerateDocsArgs {
    /// The project directory that holds completions/ and man/
    pub dir: PathBuf,
}
