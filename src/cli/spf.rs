//! Arguments of `spf DOMAIN` and `spf eval` (RFC 7208).

use std::net::IpAddr;

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct SpfArgs {
    #[command(subcommand)]
    pub command: Option<SpfCommand>,
    /// The domain whose SPF record to audit
    #[arg(required = true)]
    pub domain: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SpfCommand {
    /// Evaluate SPF for a client IP as a receiver does (RFC 7208 check_host)
    Eval(SpfEvalArgs),
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("identity").required(true).multiple(true))]
pub struct SpfEvalArgs {
    /// The connecting client's IP address
    #[arg(long)]
    pub ip: IpAddr,
    /// The MAIL FROM address ("" for the null sender, which uses postmaster@HELO)
    #[arg(long, value_name = "ADDRESS", group = "identity")]
    pub mail_from: Option<String>,
    /// The HELO/EHLO name (checked itself when no --mail-from is given)
    #[arg(long, value_name = "NAME", group = "identity")]
    pub helo: Option<String>,
    /// The receiving host's name, for %{r} in explanations
    #[arg(long, value_name = "NAME", default_value = "unknown")]
    pub receiver: String,
    /// Show every term evaluated and every DNS query made
    #[arg(long)]
    pub trace: bool,
}
