//! Arguments of `mailaudit diff`: two saved runs of `check`.

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
#[command(
    after_help = "Both files are outputs of `mailaudit check --format jsonl` (or json) for \
    the same domains. Text output is empty when nothing changed. Exit status: 0 nothing new at \
    or above --fail-on, 1 a new finding (or a finding whose severity rose) at or above it, \
    2 a file cannot be read."
)]
pub struct DiffArgs {
    /// The earlier run, as saved by `check --format jsonl` (or json)
    pub old: PathBuf,
    /// The later run, for the same domains
    pub new: PathBuf,
}
