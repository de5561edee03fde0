//! The command line, as clap definitions only: every flag and command of `mailaudit`.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Audit a domain's email authentication (SPF, DKIM, DMARC, MX, MTA-STS, ...) and explain what
/// to fix.
#[derive(Debug, Parser)]
#[command(
    name = "mailaudit",
    version,
    propagate_version = true,
    max_term_width = 100
)]
#[command(
    after_help = "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, \
    2 usage error or the run could not be completed."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// DNS server to ask instead of the system's resolvers, as IP or IP:PORT (repeatable)
    #[arg(long, value_name = "IP[:PORT]", global = true, value_parser = parse_resolver)]
    pub resolver: Vec<std::net::SocketAddr>,

    /// Answer every DNS query from this RFC 1035 zone file instead of the network (repeatable);
    /// names not in the files are NXDOMAIN
    #[arg(long, value_name = "FILE", global = true, conflicts_with = "resolver")]
    pub zone: Vec<PathBuf>,

    /// Seconds to wait for each DNS query
    #[arg(long, value_name = "SECS", global = true, default_value = "5", value_parser = parse_timeout)]
    pub timeout: f64,

    /// Output format
    #[arg(long, value_enum, global = true, default_value_t = Format::Text)]
    pub format: Format,

    /// When to colour text output (NO_COLOR is honoured with auto)
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Exit with status 1 when a finding is at or above this severity
    #[arg(long, value_enum, global = true, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// Print only findings, and nothing when there are none
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Audit a domain's SPF policy, or evaluate it for a client IP (`spf eval`)
    Spf(SpfArgs),
    /// Lint a record given as text, before publishing it
    #[command(subcommand)]
    Lint(LintCommand),
    /// Explain a finding code, or list every code
    Explain(ExplainArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Regenerate the committed completions and man page (for maintainers)
    #[command(hide = true)]
    GenerateDocs(GenerateDocsArgs),
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Yaml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

fn parse_resolver(s: &str) -> Result<std::net::SocketAddr, String> {
    if let Ok(ip) = s.parse::<IpAddr>() {
        return Ok((ip, 53).into());
    }
    s.parse()
        .map_err(|_| format!("{s:?} is not IP or IP:PORT (write IPv6 with a port as [::1]:53)"))
}

fn parse_timeout(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if t.is_finite() && t > 0.0 && t <= 3600.0 => Ok(t),
        _ => Err(format!(
            "{s:?} is not a number of seconds between 0 and 3600"
        )),
    }
}
