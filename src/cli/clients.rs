//! Arguments of `clients DOMAIN`: the mail-client endpoints, found by RFC 6186 SRV records and
//! probed live (RFC 8314, RFC 9051, RFC 1939, RFC 6409).

use clap::Args;

use crate::clients::Service;
use crate::clients::endpoints::{PortOverride, parse_port_override};

/// Check the endpoints users' mail programs connect to: submission, IMAP and POP3.
#[derive(Debug, Args)]
#[command(
    after_help = "The endpoints come from the domain's RFC 6186 SRV records (_submissions._tcp, \
    _submission._tcp, _imaps._tcp, _imap._tcp, _pop3s._tcp, _pop3._tcp). When none is published, \
    the hosts given with --host are probed on the standard ports: 465 and 587 (and 2525) for \
    submission, 993 and 143 for IMAP, 995 and 110 for POP3. Each endpoint is probed in its own \
    protocol up to the point of logging in — greeting, capabilities, STARTTLS or STLS, the TLS \
    handshake and certificate, capabilities again — and never logs in: the tool holds no \
    credentials. --timeout bounds each step and --budget each session."
)]
pub struct ClientsArgs {
    /// The domain whose mail-client endpoints to check
    pub domain: String,

    /// A host to probe on the standard ports when the domain publishes no SRV record
    /// (repeatable): a name or an address
    #[arg(long, value_name = "HOST")]
    pub host: Vec<String>,

    /// Only these services (repeatable or comma-separated)
    #[arg(long, value_name = "SERVICE", value_delimiter = ',', value_parser = parse_service,
          default_value = "submissions,submission,imaps,imap,pop3s,pop3")]
    pub service: Vec<Service>,

    /// Probe a service on this port at --host hosts instead of its standard ports
    /// (repeatable), e.g. imaps=10993
    #[arg(long, value_name = "SERVICE=PORT", value_parser = parse_port_override)]
    pub port: Vec<PortOverride>,

    /// The name to give in EHLO to submission servers (default: this machine's host name)
    #[arg(long, value_name = "NAME")]
    pub ehlo: Option<String>,

    /// Show each dialogue (sent and received lines, the TLS handshake summarised)
    #[arg(long)]
    pub transcript: bool,

    /// Sessions at once
    #[arg(long, value_name = "N", default_value_t = 16,
          value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub jobs: u16,
}

fn parse_service(text: &str) -> Result<Service, String> {
    Service::from_name(text.trim()).ok_or_else(|| {
        format!(
            "{} is not a service (submissions, submission, imaps, imap, pop3s, pop3)",
            crate::sanitize::quoted(text)
        )
    })
}
