//! The run's settings, resolved from the command line and the environment: output format,
//! colour, DNS source, timeouts and the severity that fails the run.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::cli::{ColorChoice, FailOn, Format, GlobalArgs};
use crate::dns::Dns;
use crate::dns::live::LiveSource;
use crate::dns::zone::ZoneSource;
use crate::finding::Severity;

/// Where DNS answers come from.
#[derive(Debug, Clone)]
pub enum DnsChoice {
    /// The system's resolvers, or the ones given.
    Live(Vec<SocketAddr>),
    Zones(Vec<PathBuf>),
}

#[derive(Debug, Clone)]
pub struct Config {
    pub format: Format,
    pub color: bool,
    /// `None`: no finding fails the run.
    pub fail_on: Option<Severity>,
    pub quiet: bool,
    pub dns: DnsChoice,
    pub timeout: Duration,
}

impl Config {
    pub fn from_args(args: &GlobalArgs) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
        };
        Self {
            format: args.format,
            color,
            fail_on: match args.fail_on {
                FailOn::Error => Some(Severity::Error),
                FailOn::Warning => Some(Severity::Warning),
                FailOn::Info => Some(Severity::Info),
                FailOn::Never => None,
            },
            quiet: args.quiet,
            dns: if args.zone.is_empty() {
                DnsChoice::Live(args.resolver.clone())
            } else {
                DnsChoice::Zones(args.zone.clone())
            },
            timeout: Duration::from_secs_f64(args.timeout),
        }
    }

    /// The run's one resolver. Must be called inside the tokio runtime.
    pub fn resolver(&self) -> Result<Dns, String> {
        Ok(match &self.dns {
            DnsChoice::Live(servers) => Dns::new(LiveSource::new(servers, self.timeout)?),
            DnsChoice::Zones(paths) => {
                Dns::new(ZoneSource::load(paths).map_err(|e| e.to_string())?)
            }
        })
    }

    /// Whether findings of this severity make the run exit 1.
    pub fn fails(&self, severity: Severity) -> bool {
        self.fail_on.is_some_and(|limit| severity >= limit)
    }
}
