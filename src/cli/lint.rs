//! Arguments of `lint`: records given as text, checked before they are published.

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum LintCommand {
    /// Lint an SPF record given as text
    Spf(LintSpfArgs),
    /// Lint a DKIM key record given as text
    Dkim(LintDkimArgs),
}

#[derive(Debug, Args)]
pub struct LintSpfArgs {
    /// The record, e.g. "v=spf1 mx include:_spf.example.net -all"
    pub record: String,
    /// Follow include and redirect through DNS to count lookups across the whole tree
    #[arg(long)]
    pub resolve: bool,
}

#[derive(Debug, Args)]
pub struct LintDkimArgs {
    /// The key record, e.g. "v=DKIM1; k=rsa; p=MIIBIjANBg..." (quoted strings keep their split)
    pub record: String,
}
