//! Arguments of `check`: the whole-domain audit, for one domain or a list of thousands.

use std::path::PathBuf;

use clap::Args;

use crate::check::bulk::Shard;

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("input").required(true).multiple(true))]
pub struct CheckArgs {
    /// The domains to check
    #[arg(group = "input")]
    pub domains: Vec<String>,
    /// Also check the domains in this file, one per line (# comments and blank lines are
    /// skipped); - reads standard input
    #[arg(long, value_name = "FILE", group = "input")]
    pub domains_file: Option<PathBuf>,
    /// Domains checked at once
    #[arg(long, value_name = "N", default_value_t = 16,
          value_parser = clap::value_parser!(u16).range(1..=4096))]
    pub jobs: u16,
    /// Check only entry I of every N (entries numbered from 0), to split a list across machines
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// A DKIM selector to check (repeatable); without one, common selectors are tried
    #[arg(long = "selector", value_name = "SELECTOR")]
    pub selectors: Vec<String>,
    /// A DKIM rotation state file whose selectors are tried too (default: the user's, if any)
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// The BIMI selector
    #[arg(long, value_name = "SELECTOR", default_value = "default")]
    pub bimi_selector: String,
    /// The domains send no mail: they should publish "v=spf1 -all" and DMARC p=reject
    #[arg(long)]
    pub parked: bool,
    /// Do not connect to the MX hosts (outbound port 25 is often blocked from home and cloud
    /// networks); DNS only
    #[arg(long)]
    pub no_probe: bool,
    /// A port to probe on every MX address (repeatable; 465 speaks TLS first)
    #[arg(long, value_name = "PORT", default_value = "25",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub probe_port: Vec<u16>,
    /// Also check the endpoints users' mail programs reach: submission, IMAP and POP3 from
    /// the RFC 6186 SRV records, probed live
    #[arg(long)]
    pub clients: bool,
}
