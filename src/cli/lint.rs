//! Arguments of `lint`: records given as text, checked before they are published.

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum LintCommand {
    /// Lint an SPF record given as text
    Spf(LintSpfArgs),
}

#[derive(Debug, Args)]
pub struct LintSpfArgs {
    /// The record, e.g. "v=spf1 mx include:_spf.example.net -all"
    pub record: String,
    /// Follow include and redirect through DNS to count lookups across the whole tree
    #[arg(long)]
    pub resolve: bool,
}
