//! Arguments of `probe DOMAIN` / `probe --host HOST[:PORT]`: the live SMTP/STARTTLS probe
//! (RFC 5321, RFC 3207, RFC 8314).

use clap::Args;

use crate::date::Date;

/// Probe a domain's MX hosts (or given hosts) live over SMTP and STARTTLS.
#[derive(Debug, Args)]
#[command(
    after_help = "Every address of every MX host is probed on each --port: banner, EHLO \
    extensions, STARTTLS, the TLS handshake (version, cipher suite, key exchange, the certificate \
    chain and its verdict), EHLO again, QUIT. Nothing else is sent unless --rcpt-test is given. \
    --timeout bounds each step (connecting, each reply, the handshake), --budget each session \
    and --deadline the whole probe; sessions run --jobs at a time, so a run against hosts that \
    never answer ends within one budget when --jobs covers them all. At most 16 MX hosts (by \
    preference) and 8 addresses per host and family are probed, as the MX audit follows."
)]
pub struct ProbeArgs {
    /// The domain whose MX hosts to probe (with --host: the domain of the postmaster address
    /// --rcpt-test asks for)
    #[arg(required_unless_present = "host")]
    pub domain: Option<String>,

    /// Probe this host instead of the domain's MX hosts: a name (looked up), an address, with a
    /// port that overrides --port (repeatable)
    #[arg(long, value_name = "HOST[:PORT]")]
    pub host: Vec<String>,

    /// Port to probe (repeatable or comma-separated): 25 (relay), 587 and 2525 (STARTTLS),
    /// 465 (implicit TLS)
    #[arg(long, alias = "ports", value_name = "PORT", value_delimiter = ',',
          default_value = "25", value_parser = clap::value_parser!(u16).range(1..))]
    pub port: Vec<u16>,

    /// A port that speaks TLS from the first byte instead of STARTTLS (repeatable)
    #[arg(long, value_name = "PORT", value_delimiter = ',', default_value = "465",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub implicit_tls_port: Vec<u16>,

    /// The name to give in EHLO (default: this machine's host name)
    #[arg(long, value_name = "NAME")]
    pub ehlo: Option<String>,

    /// Also send MAIL FROM:<> and RCPT TO:<postmaster@DOMAIN>, then RSET, to see whether
    /// postmaster is accepted (no message is sent)
    #[arg(long)]
    pub rcpt_test: bool,

    /// Show the SMTP dialogue (sent and received lines, the TLS handshake summarised)
    #[arg(long)]
    pub transcript: bool,

    /// Sessions at once
    #[arg(long, value_name = "N", default_value_t = 16,
          value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub jobs: u16,

    /// Seconds the whole probe may take: sessions that start late get what is left, and those
    /// whose turn comes after it are not started (counted in smtp-probe-deadline)
    #[arg(long, value_name = "SECS", default_value = "60", value_parser = super::parse_timeout)]
    pub deadline: f64,

    /// Judge certificate expiry and DANE-TA chains as of DATE (YYYY-MM-DD, midnight UTC)
    /// instead of now, to see an expiry or a key rollover break before it happens
    #[arg(long, value_name = "DATE", value_parser = str::parse::<Date>)]
    pub at: Option<Date>,
}
