//! Arguments of `dkim DOMAIN` and its subcommands: `keygen`, `verify-published`, `rotate`,
//! `status` (RFC 6376, RFC 8301, RFC 8463).

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use crate::date::Date;
use crate::dkim::rotate::state::{MAX_INTERVAL_DAYS, MAX_OVERLAP_DAYS};
use crate::dkim::{KeyType, Selector};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct DkimArgs {
    #[command(subcommand)]
    pub command: Option<DkimCommand>,
    /// The domain whose DKIM keys to audit
    #[arg(required = true)]
    pub domain: Option<String>,
    /// Selector to audit (repeatable); without one, widely used selectors are tried
    #[arg(long = "selector", value_name = "S", value_parser = Selector::new)]
    pub selectors: Vec<Selector>,
    /// Rotation state file whose selectors discovery tries too [default: the user's]
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum DkimCommand {
    /// Generate a key pair and the TXT record to publish
    Keygen(DkimKeygenArgs),
    /// Check that the published key is the public half of a private key file
    VerifyPublished(DkimVerifyArgs),
    /// Rotate a domain's keys: make the next key, activate it once published, revoke old ones
    Rotate(DkimRotateArgs),
    /// Say what rotation work is due (for cron: exit 1 when something is due)
    Status(DkimStatusArgs),
    /// Sign a message: write it to stdout with a DKIM-Signature field on top
    Sign(DkimSignArgs),
}

/// `--algorithm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Algorithm {
    Rsa,
    Ed25519,
}

impl From<Algorithm> for KeyType {
    fn from(a: Algorithm) -> Self {
        match a {
            Algorithm::Rsa => KeyType::Rsa,
            Algorithm::Ed25519 => KeyType::Ed25519,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HashAlgorithm {
    Sha256,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Service {
    Email,
}

#[derive(Debug, Args)]
pub struct DkimKeygenArgs {
    /// The signing domain (d=)
    #[arg(long)]
    pub domain: String,
    /// The selector (s=) the key is published under
    #[arg(long, value_parser = Selector::new)]
    pub selector: Selector,
    #[arg(long, value_enum, default_value_t = Algorithm::Rsa)]
    pub algorithm: Algorithm,
    /// RSA key size: 1024, 2048, 3072 or 4096 (less than 1024 is refused)
    #[arg(long, default_value_t = 2048, value_parser = parse_bits)]
    pub bits: usize,
    /// Directory to write the key and TXT files to [default: the current directory]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Publish with t=y (testing: verifiers treat signed mail like unsigned)
    #[arg(long)]
    pub testing: bool,
    /// Restrict the key to this hash (h=)
    #[arg(long, value_enum)]
    pub hash: Option<HashAlgorithm>,
    /// Restrict the key to this service (s=)
    #[arg(long, value_enum)]
    pub service: Option<Service>,
}

#[derive(Debug, Args)]
pub struct DkimVerifyArgs {
    #[arg(long)]
    pub domain: String,
    #[arg(long, value_parser = Selector::new)]
    pub selector: Selector,
    /// The private key, PEM (PKCS#8 or PKCS#1; RSA or Ed25519)
    #[arg(long, value_name = "FILE")]
    pub key: PathBuf,
}

/// `--canonicalization`: header/body (RFC 6376 §3.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CanonicalizationArg {
    #[value(name = "relaxed/relaxed")]
    RelaxedRelaxed,
    #[value(name = "relaxed/simple")]
    RelaxedSimple,
    #[value(name = "simple/relaxed")]
    SimpleRelaxed,
    #[value(name = "simple/simple")]
    SimpleSimple,
}

/// The longest `--expire`: ten years.
pub const MAX_EXPIRE_DAYS: u64 = 3650;

#[derive(Debug, Args)]
pub struct DkimSignArgs {
    /// The private key, PEM (PKCS#8 or PKCS#1; RSA or Ed25519)
    #[arg(long, value_name = "FILE")]
    pub key: PathBuf,
    /// The signing domain (d=)
    #[arg(long)]
    pub domain: String,
    /// The selector (s=) the key's record is published under
    #[arg(long, value_parser = Selector::new)]
    pub selector: Selector,
    /// Header and body canonicalization (c=)
    #[arg(long, value_enum, default_value_t = CanonicalizationArg::RelaxedRelaxed)]
    pub canonicalization: CanonicalizationArg,
    /// Days until the signature expires (x=); none by default
    #[arg(
        long,
        value_name = "DAYS",
        value_parser = clap::value_parser!(u64).range(1..=MAX_EXPIRE_DAYS)
    )]
    pub expire: Option<u64>,
    /// A field to sign (repeatable), each copy present, From always and once more
    /// [default: From, To, Cc, Subject, Date, Message-ID, In-Reply-To, References, MIME-Version,
    /// Content-Type, Content-Transfer-Encoding]
    #[arg(long = "header", value_name = "NAME", value_parser = field_name)]
    pub headers: Vec<String>,
    /// The message file (RFC 5322; CRLF or LF); `-` or nothing reads standard input
    #[arg(value_name = "MESSAGE", default_value = "-")]
    pub message: String,
}

/// The longest `--exec-timeout`: a day is longer than any signer takes to reload.
pub const MAX_EXEC_SECS: u64 = 86_400;

#[derive(Debug, Args)]
pub struct DkimRotateArgs {
    #[arg(long)]
    pub domain: String,
    /// Selector for the next key instead of the template's
    #[arg(long, value_parser = Selector::new, conflicts_with_all = ["activate", "revoke"])]
    pub selector: Option<Selector>,
    /// Activate the pending key once its record is published and matches
    #[arg(long, conflicts_with = "revoke")]
    pub activate: bool,
    /// Revoke retiring keys past their overlap once the empty record is published
    #[arg(long)]
    pub revoke: bool,
    /// Before activating, sign a test message with each pending key and verify it through DNS;
    /// a key that does not verify is not activated
    #[arg(long, requires = "activate")]
    pub verify_signing: bool,
    /// Command to run through `sh -c` after activation (e.g. reload the signer)
    #[arg(long, value_name = "CMD", requires = "activate")]
    pub exec: Option<String>,
    /// Seconds --exec may run before it is killed (1 to 86400)
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 60,
        requires = "exec",
        value_parser = clap::value_parser!(u64).range(1..=MAX_EXEC_SECS)
    )]
    pub exec_timeout: u64,
    #[command(flatten)]
    pub state: StateArgs,
    #[command(flatten)]
    pub policy: PolicyArgs,
}

/// Where the rotation state lives and what day it is.
#[derive(Debug, Args)]
pub struct StateArgs {
    /// Rotation state file [default: $XDG_CONFIG_HOME/mailaudit/dkim-rotation.yaml]
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Act as if today were DATE (YYYY-MM-DD), for planning and tests
    #[arg(long, value_name = "DATE", value_parser = str::parse::<Date>)]
    pub now: Option<Date>,
}

/// A domain's rotation settings; given on any `rotate`, they are stored for the domain.
#[derive(Debug, Args)]
pub struct PolicyArgs {
    /// Days between rotations [default: 90]
    #[arg(
        long,
        value_name = "DAYS",
        value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_INTERVAL_DAYS))
    )]
    pub interval: Option<u32>,
    /// Days a replaced key stays published before it is revoked [default: 7]
    #[arg(
        long,
        value_name = "DAYS",
        value_parser = clap::value_parser!(u32).range(0..=i64::from(MAX_OVERLAP_DAYS))
    )]
    pub overlap: Option<u32>,
    /// Selector template: {year}, {quarter}, {month}, {alg} [default: s{year}q{quarter}]
    #[arg(long, value_name = "TEMPLATE")]
    pub template: Option<String>,
    /// Directory for the domain's keys [default: keys/DOMAIN beside the state file]
    #[arg(long, value_name = "DIR")]
    pub key_dir: Option<PathBuf>,
    /// Key algorithm(s) to rotate (repeat for RSA and Ed25519 side by side) [default: rsa]
    #[arg(long, value_enum)]
    pub algorithm: Vec<Algorithm>,
    /// RSA key size [default: 2048]
    #[arg(long, value_parser = parse_bits)]
    pub bits: Option<usize>,
}

#[derive(Debug, Args)]
pub struct DkimStatusArgs {
    /// Only this domain of the state (repeatable); default: every domain
    #[arg(long, value_name = "DOMAIN")]
    pub domain: Vec<String>,
    #[command(flatten)]
    pub state: StateArgs,
}

/// A header field name (RFC 5322 §3.6.8): printable ASCII but the colon.
fn field_name(s: &str) -> Result<String, String> {
    if s.is_empty() || s.len() > 100 || !s.bytes().all(|b| (33..=126).contains(&b) && b != b':') {
        return Err(format!(
            "{} is not a header field name (printable ASCII without ':')",
            crate::sanitize::quoted(s)
        ));
    }
    Ok(s.to_string())
}

fn parse_bits(s: &str) -> Result<usize, String> {
    let bits: usize = s
        .parse()
        .map_err(|_| format!("{} is not a number of bits", crate::sanitize::quoted(s)))?;
    if bits < 1024 {
        return Err(format!(
            "{bits}-bit RSA keys are refused: verifiers reject keys under 1024 bits (RFC 8301)"
        ));
    }
    if !crate::dkim::keygen::RSA_BITS.contains(&bits) {
        return Err(format!(
            "{bits} is not offered; choose 1024, 2048, 3072 or 4096"
        ));
    }
    Ok(bits)
}
