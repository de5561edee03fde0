//! Arguments of `lint`: records given as text, checked before they are published.

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum LintCommand {
    /// Lint an SPF record given as text
    Spf(LintSpfArgs),
    /// Lint a DMARC record given as text (or in a file, or on stdin)
    Dmarc(LintDmarcArgs),
    /// Lint a BIMI record given as text (or in a file, or on stdin)
    Bimi(LintBimiArgs),
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
pub struct LintDmarcArgs {
    /// The record, e.g. "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"; or a file holding
    /// it; or - to read it from stdin
    #[arg(value_name = "RECORD-OR-FILE")]
    pub record: String,
}

#[derive(Debug, Args)]
pub struct LintBimiArgs {
    /// The record, e.g. "v=BIMI1; l=https://example.com/logo.svg"; or a file holding it; or - to
    /// read it from stdin
    #[arg(value_name = "RECORD-OR-FILE")]
    pub record: String,
}
