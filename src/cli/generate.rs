//! Arguments of `generate`: records built from intent (SPF, DMARC, MTA-STS, TLS-RPT, BIMI, a
//! parked domain), printed as zone-file lines.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use crate::dkim::Selector;
use crate::dmarc::{AlignmentMode, Policy};
use crate::fix::generate::AllPolicy;
use crate::policy::mta_sts::{MAX_AGE_LIMIT, Mode};

#[derive(Debug, Subcommand)]
pub enum GenerateCommand {
    /// The SPF record: who may send the domain's mail
    Spf(GenerateSpfArgs),
    /// The DMARC record, and the authorization records external report addresses need
    Dmarc(GenerateDmarcArgs),
    /// The MTA-STS record and the policy file to serve
    MtaSts(GenerateMtaStsArgs),
    /// The TLS-RPT record: where senders report TLS failures
    Tlsrpt(GenerateTlsRptArgs),
    /// The BIMI record: the logo mail programs may show
    Bimi(GenerateBimiArgs),
    /// The records of a domain that sends and receives no mail: null MX, SPF -all, DMARC reject,
    /// an empty DKIM key
    Parked(GenerateParkedArgs),
}

/// What every generated record needs: the domain, and the TTL to publish with.
#[derive(Debug, Args)]
pub struct Target {
    /// The domain the records are for
    #[arg(long)]
    pub domain: String,
    /// TTL of the records, in seconds
    #[arg(long, value_name = "SECS", default_value_t = crate::fix::DEFAULT_TTL,
          value_parser = clap::value_parser!(u32).range(1..=2_147_483_647))]
    pub ttl: u32,
}

#[derive(Debug, Args)]
pub struct GenerateSpfArgs {
    #[command(flatten)]
    pub target: Target,
    /// The domain's MX hosts send mail (mx)
    #[arg(long)]
    pub mx: bool,
    /// The domain's own addresses send mail (a)
    #[arg(long)]
    pub a: bool,
    /// Also the senders another domain's SPF record names, e.g. a mail provider's (repeatable)
    #[arg(long, value_name = "DOMAIN")]
    pub include: Vec<String>,
    /// An IPv4 network or address that sends mail, e.g. 192.0.2.0/24 (repeatable)
    #[arg(long, value_name = "NET")]
    pub ip4: Vec<String>,
    /// An IPv6 network or address that sends mail, e.g. 2001:db8::/32 (repeatable)
    #[arg(long, value_name = "NET")]
    pub ip6: Vec<String>,
    /// What mail from anywhere else gets: fail (-all) or softfail (~all)
    #[arg(long, value_enum, default_value_t = AllArg::Fail)]
    pub all: AllArg,
}

/// `--all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AllArg {
    Fail,
    Softfail,
}

impl From<AllArg> for AllPolicy {
    fn from(a: AllArg) -> Self {
        match a {
            AllArg::Fail => Self::Fail,
            AllArg::Softfail => Self::SoftFail,
        }
    }
}

/// A DMARC policy value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PolicyArg {
    None,
    Quarantine,
    Reject,
}

impl From<PolicyArg> for Policy {
    fn from(p: PolicyArg) -> Self {
        match p {
            PolicyArg::None => Self::None,
            PolicyArg::Quarantine => Self::Quarantine,
            PolicyArg::Reject => Self::Reject,
        }
    }
}

/// A DMARC alignment mode: relaxed or strict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignmentArg {
    R,
    S,
}

impl From<AlignmentArg> for AlignmentMode {
    fn from(a: AlignmentArg) -> Self {
        match a {
            AlignmentArg::R => Self::Relaxed,
            AlignmentArg::S => Self::Strict,
        }
    }
}

#[derive(Debug, Args)]
pub struct GenerateDmarcArgs {
    #[command(flatten)]
    pub target: Target,
    /// What receivers do with mail that fails DMARC
    #[arg(long, value_enum)]
    pub policy: PolicyArg,
    /// Where aggregate reports go: an address or a mailto: URI (repeatable)
    #[arg(long, value_name = "ADDR", required = true)]
    pub rua: Vec<String>,
    /// Where failure reports go: an address or a mailto: URI (repeatable)
    #[arg(long, value_name = "ADDR")]
    pub ruf: Vec<String>,
    /// The policy for existing subdomains [default: --policy]
    #[arg(long, value_enum)]
    pub sp: Option<PolicyArg>,
    /// The policy for subdomains that do not exist [default: --sp]
    #[arg(long, value_enum)]
    pub np: Option<PolicyArg>,
    /// DKIM alignment: r (relaxed, the default) or s (strict)
    #[arg(long, value_enum)]
    pub adkim: Option<AlignmentArg>,
    /// SPF alignment: r (relaxed, the default) or s (strict)
    #[arg(long, value_enum)]
    pub aspf: Option<AlignmentArg>,
    /// Test mode (t=y): receivers apply the policy one step below
    #[arg(long)]
    pub testing: bool,
}

/// An MTA-STS policy mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    Testing,
    Enforce,
    None,
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Self {
        match m {
            ModeArg::Testing => Self::Testing,
            ModeArg::Enforce => Self::Enforce,
            ModeArg::None => Self::None,
        }
    }
}

#[derive(Debug, Args)]
pub struct GenerateMtaStsArgs {
    #[command(flatten)]
    pub target: Target,
    /// testing: report failures, deliver anyway; enforce: deliver only over validated TLS;
    /// none: withdraw the policy
    #[arg(long, value_enum)]
    pub mode: ModeArg,
    /// The MX hosts senders may deliver to, or patterns *.example.com (several, or repeated)
    #[arg(long, value_name = "HOST", num_args = 1..)]
    pub mx: Vec<String>,
    /// Seconds senders keep the policy
    #[arg(long, value_name = "SECS", default_value_t = 604_800,
          value_parser = clap::value_parser!(u64).range(1..=MAX_AGE_LIMIT))]
    pub max_age: u64,
    /// The record's id, 1 to 32 letters and digits [default: the UTC time, YYYYMMDDHHMMSS]
    #[arg(long)]
    pub id: Option<String>,
    /// Also write the policy file under DIR, as DIR/mta-sts.DOMAIN/.well-known/mta-sts.txt (never
    /// over an existing file)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GenerateTlsRptArgs {
    #[command(flatten)]
    pub target: Target,
    /// Where reports go: an address, a mailto: URI or an https: URL (several, or repeated)
    #[arg(long, value_name = "ADDR", num_args = 1.., required = true)]
    pub rua: Vec<String>,
}

#[derive(Debug, Args)]
pub struct GenerateBimiArgs {
    #[command(flatten)]
    pub target: Target,
    /// The logo: an https:// URL of an SVG file
    #[arg(long, value_name = "URL")]
    pub logo: String,
    /// The mark certificate (VMC or CMC): an https:// URL of a PEM file
    #[arg(long, value_name = "URL")]
    pub authority: Option<String>,
    /// The selector the record is published under
    #[arg(long, value_name = "S", default_value = "default", value_parser = Selector::new)]
    pub selector: Selector,
}

#[derive(Debug, Args)]
pub struct GenerateParkedArgs {
    #[command(flatten)]
    pub target: Target,
    /// Ask for DMARC aggregate reports here, to see who sends mail in the domain's name
    /// (repeatable)
    #[arg(long, value_name = "ADDR")]
    pub rua: Vec<String>,
}
