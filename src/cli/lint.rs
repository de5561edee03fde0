//! Arguments of `lint`: records given as text, checked before they are published.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum LintCommand {
    /// Lint an SPF record given as text
    Spf(LintSpfArgs),
    /// Lint an MTA-STS TXT record (_mta-sts) given as text
    MtaSts(LintMtaStsArgs),
    /// Lint an MTA-STS policy file (mta-sts.txt), or stdin with "-"
    MtaStsPolicy(LintMtaStsPolicyArgs),
    /// Lint a TLS-RPT TXT record (_smtp._tls) given as text
    Tlsrpt(LintTlsRptArgs),
    /// Lint a DKIM key record given as text
    Dkim(LintDkimArgs),
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
pub struct LintMtaStsArgs {
    /// The record, e.g. "v=STSv1; id=20240101T120000"
    pub record: String,
}

#[derive(Debug, Args)]
pub struct LintMtaStsPolicyArgs {
    /// The policy file, or "-" to read it from stdin
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct LintTlsRptArgs {
    /// The record, e.g. "v=TLSRPTv1; rua=mailto:tls-reports@example.com"
    pub record: String,
}

#[derive(Debug, Args)]
pub struct LintDkimArgs {
    /// The key record, e.g. "v=DKIM1; k=rsa; p=MIIBIjANBg..." (quoted strings keep their split)
    pub record: String,
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
