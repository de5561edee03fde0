//! The command line, as clap definitions only: the global options and the commands; each
//! command group's arguments are in a file of their own.

mod bimi;
mod check;
mod clients;
mod diff;
mod dkim;
mod dmarc;
mod dnssec;
mod fix;
mod generate;
mod lint;
mod meta;
mod mx;
mod policy;
mod report;
mod smtp;
mod spf;
mod verify;

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::net::IpAddr;
use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

pub use crate::render::Format;
pub use bimi::BimiArgs;
pub use check::CheckArgs;
pub use clients::ClientsArgs;
pub use diff::DiffArgs;
pub use dkim::{
    Algorithm, CanonicalizationArg, DkimArgs, DkimCommand, DkimKeygenArgs, DkimRotateArgs,
    DkimSignArgs, DkimStatusArgs, DkimVerifyArgs, HashAlgorithm, PolicyArgs, Service, StateArgs,
};
pub use dmarc::DmarcArgs;
pub use dnssec::DnssecArgs;
pub use fix::FixArgs;
pub use generate::{
    AlignmentArg, AllArg, GenerateBimiArgs, GenerateCommand, GenerateDmarcArgs, GenerateMtaStsArgs,
    GenerateParkedArgs, GenerateSpfArgs, GenerateTlsRptArgs, ModeArg, PolicyArg, Target,
};
pub use lint::LintDkimArgs;
pub use lint::{LintBimiArgs, LintDmarcArgs};
pub use lint::{LintCommand, LintSpfArgs};
pub use lint::{LintMtaStsArgs, LintMtaStsPolicyArgs, LintTlsRptArgs};
pub use meta::{CompletionsArgs, ExplainArgs, GenerateDocsArgs};
pub use mx::MxArgs;
pub use policy::{MtaStsArgs, TlsRptArgs};
pub use report::ReportArgs;
pub use smtp::ProbeArgs;
pub use spf::{SpfArgs, SpfCommand, SpfEvalArgs};
pub use verify::VerifyArgs;

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

impl Cli {
    /// Parses a command line as clap does, noting which options it gives (at any level), so
    /// the config file's `[defaults]` fill only the others.
    pub fn parse_noting<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let matches = Self::command().try_get_matches_from(args)?;
        let mut cli = Self::from_arg_matches(&matches)?;
        let mut given = BTreeSet::new();
        noted(&matches, &mut given);
        cli.global.given = Some(given);
        Ok(cli)
    }
}

/// The ids of `matches` and its subcommands' given on the command line.
fn noted(matches: &ArgMatches, given: &mut BTreeSet<String>) {
    for id in matches.ids() {
        if matches.value_source(id.as_str()) == Some(ValueSource::CommandLine) {
            given.insert(id.as_str().to_string());
        }
    }
    if let Some((_, sub)) = matches.subcommand() {
        noted(sub, given);
    }
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

    /// Validate DNSSEC from the DNSKEY or DS records in FILE (zone-file lines) instead of the
    /// root's anchors: for private roots and lab zones
    #[arg(long, value_name = "FILE", global = true)]
    pub trust_anchor: Option<PathBuf>,

    /// Do not validate DNSSEC: no status on answers and no DANE, fewer queries for long lists
    #[arg(long, global = true, conflicts_with = "trust_anchor")]
    pub no_dnssec: bool,

    /// Seconds to wait for each DNS query, for each HTTPS fetch as a whole, and for each step of
    /// an SMTP, IMAP or POP3 session
    #[arg(long, value_name = "SECS", global = true, default_value = "5", value_parser = parse_timeout)]
    pub timeout: f64,

    /// Seconds one domain's audit (or one `spf eval`, or one SMTP, IMAP or POP3 session) may
    /// take in all; what is not reached by then is reported as such
    #[arg(long, value_name = "SECS", global = true, default_value = "20", value_parser = parse_timeout)]
    pub budget: f64,

    /// DNS queries in flight at once
    #[arg(long, value_name = "N", global = true, default_value_t = 256,
          value_parser = clap::value_parser!(u16).range(1..=4096))]
    pub dns_concurrency: u16,

    /// Send at most N DNS queries per second to each resolver (public resolvers rate-limit
    /// around 100-1,500 per second per client)
    #[arg(long, value_name = "N", global = true, conflicts_with = "zone",
          value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub qps: Option<u32>,

    /// Output format (jsonl: one JSON object per line, written as each record is ready)
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

    /// Trust the CA certificates in this PEM file too, besides the public roots (for a private
    /// PKI)
    #[arg(long, value_name = "PEM", global = true)]
    pub ca_file: Option<PathBuf>,

    /// Read defaults, per-domain settings, the desired state and suppressions from this TOML
    /// file [default: $MAILAUDIT_CONFIG, else mailaudit/config.toml in $XDG_CONFIG_HOME or
    /// ~/.config, when there]
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,

    /// Show and count every finding: the config file's [[ignore]] suppressions do not apply
    #[arg(long, global = true)]
    pub no_ignore: bool,

    /// The ids of the options given on the command line (`Cli::parse_noting`), so the config
    /// file's defaults fill only the others; `None`: not known, and no default is applied.
    #[arg(skip)]
    pub given: Option<BTreeSet<String>>,

    /// The port the MTA-STS policy is fetched from (for tests; senders always use 443)
    #[arg(
        long,
        value_name = "PORT",
        global = true,
        hide = true,
        default_value_t = 443
    )]
    pub mta_sts_port: u16,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Audit everything about a domain's mail at once: SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT,
    /// BIMI, the SMTP probe of the MX hosts, and with --clients the mail-client endpoints (one
    /// domain, or thousands with --domains-file)
    Check(CheckArgs),
    /// Audit a domain's SPF policy, or evaluate it for a client IP (`spf eval`)
    Spf(SpfArgs),
    /// Audit a domain's MTA-STS record and policy, fetched as a sender does (RFC 8461)
    MtaSts(MtaStsArgs),
    /// Audit a domain's TLS-RPT record (RFC 8460)
    Tlsrpt(TlsRptArgs),
    /// Audit a domain's DKIM keys; generate keys, verify them and rotate them (`dkim keygen`,
    /// `dkim verify-published`, `dkim rotate`, `dkim status`)
    Dkim(DkimArgs),
    /// Audit a domain's DMARC policy: the record that applies, the tree walk, the effective policy
    Dmarc(DmarcArgs),
    /// Audit a domain's BIMI record and the DMARC policy it needs
    Bimi(BimiArgs),
    /// Audit where a domain's mail goes: MX hosts by preference, their addresses, reverse DNS
    Mx(MxArgs),
    /// Show a domain's DNSSEC chain of trust: each zone from the anchor down, its DS and DNSKEY
    /// records, signatures and days left, and whether the domain's answers validate
    Dnssec(DnssecArgs),
    /// Probe a domain's MX hosts live over SMTP and STARTTLS, as a sending server meets them
    Probe(ProbeArgs),
    /// Check the endpoints users' mail programs reach: submission, IMAP and POP3, found by
    /// RFC 6186 SRV records and probed live with STARTTLS and implicit TLS
    Clients(ClientsArgs),
    /// Report what changed between two saved runs of `check`: findings new, cleared or changed,
    /// records and certificates changed, domains added or missing; nothing when nothing changed
    Diff(DiffArgs),
    /// Make saved results of `check` into one self-contained HTML page: a summary of many
    /// domains with charts, a sortable table, each domain's findings, records and MX hosts
    Report(ReportArgs),
    /// Explain why a received message passed or failed SPF, DKIM, DMARC and ARC, and write the
    /// result as an Authentication-Results field
    Verify(VerifyArgs),
    /// Lint a record given as text, before publishing it
    #[command(subcommand)]
    Lint(LintCommand),
    /// Build a record from intent (SPF, DMARC, MTA-STS, TLS-RPT, BIMI, a parked domain), ready
    /// to publish: zone-file lines, and the files to serve
    #[command(subcommand)]
    Generate(GenerateCommand),
    /// Propose the records that clear what `check --no-probe` finds for a domain, the files to
    /// serve, and the work only a person can do; changes nothing anywhere
    Fix(FixArgs),
    /// Explain a finding code, or list every code
    Explain(ExplainArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Regenerate the committed completions and man page (for maintainers)
    #[command(hide = true)]
    GenerateDocs(GenerateDocsArgs),
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
    s.parse().map_err(|_| {
        format!(
            "{} is not IP or IP:PORT (write IPv6 with a port as [::1]:53)",
            crate::sanitize::quoted(s)
        )
    })
}

fn parse_timeout(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if t.is_finite() && t > 0.0 && t <= 3600.0 => Ok(t),
        _ => Err(format!(
            "{} is not a number of seconds between 0 and 3600",
            crate::sanitize::quoted(s)
        )),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_work_before_the_subcommand() {
        let cli = Cli::try_parse_from([
            "mailaudit",
            "--resolver",
            "127.0.0.1:5353",
            "--format",
            "json",
            "spf",
            "example.com",
        ])
        .unwrap();
        assert_eq!(cli.global.format, Format::Json);
        assert_eq!(cli.global.resolver.len(), 1);
    }

    #[test]
    fn qps_is_bounded_and_needs_the_network() {
        let parse = |args: &[&str]| {
            let mut line = vec!["mailaudit"];
            line.extend(args);
            line.extend(["spf", "example.com"]);
            Cli::try_parse_from(line)
        };
        assert_eq!(parse(&["--qps", "200"]).unwrap().global.qps, Some(200));
        assert_eq!(parse(&[]).unwrap().global.qps, None);
        assert_eq!(parse(&[]).unwrap().global.dns_concurrency, 256);
        for bad in ["0", "1000001", "-5", "ten"] {
            assert!(parse(&["--qps", bad]).is_err(), "{bad}");
        }
        let err = parse(&["--qps", "10", "--zone", "x.zone"]).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::ArgumentConflict);
    }
}
