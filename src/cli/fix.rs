//! Arguments of `fix DOMAIN`: the changes that clear what `check --no-probe` finds, and what the
//! owner knows that DNS does not show (report addresses, a parked domain, sending hosts).

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
pub struct FixArgs {
    /// The domain to look up and fix
    pub domain: String,
    /// Where DMARC and TLS-RPT aggregate reports go (default: dmarc-reports@DOMAIN and
    /// tls-reports@DOMAIN)
    #[arg(long, value_name = "ADDR")]
    pub rua: Option<String>,
    /// The domain sends and receives no mail: null MX, "v=spf1 -all", DMARC p=reject
    #[arg(long)]
    pub parked: bool,
    /// End SPF records with ~all (softfail) instead of -all
    #[arg(long)]
    pub softfail: bool,
    /// For a new SPF record: also the senders another domain's SPF record names (repeatable)
    #[arg(long, value_name = "DOMAIN")]
    pub include: Vec<String>,
    /// For a new SPF record: an IPv4 network or address that sends mail (repeatable)
    #[arg(long, value_name = "NET")]
    pub ip4: Vec<String>,
    /// For a new SPF record: an IPv6 network or address that sends mail (repeatable)
    #[arg(long, value_name = "NET")]
    pub ip6: Vec<String>,
    /// Never flatten this include when bringing SPF under 10 lookups (repeatable)
    #[arg(long, value_name = "DOMAIN")]
    pub keep: Vec<String>,
    /// A DKIM selector to check (repeatable); without one, common selectors are tried
    #[arg(long = "selector", value_name = "SELECTOR")]
    pub selectors: Vec<String>,
    /// Write the files to serve under DIR, a web root per host (DIR/mta-sts.DOMAIN/...), and,
    /// when the domain has no usable DKIM key, a new key and its record in DIR itself; never over
    /// an existing file
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The id of a new MTA-STS record, 1 to 32 letters and digits [default: the UTC time,
    /// YYYYMMDDHHMMSS]
    #[arg(long, value_name = "ID")]
    pub mta_sts_id: Option<String>,
    /// TTL of the records, in seconds
    #[arg(long, value_name = "SECS", default_value_t = crate::fix::DEFAULT_TTL,
          value_parser = clap::value_parser!(u32).range(1..=2_147_483_647))]
    pub ttl: u32,
}
