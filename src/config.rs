//! The run's settings, resolved from the command line and the environment: output format,
//! colour, DNS source and its limits, timeouts and the severity that fails the run.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::time::Duration;

use crate::cli::{ColorChoice, FailOn, GlobalArgs};
use crate::dns::live::LiveSource;
use crate::dns::zone::ZoneSource;
use crate::dns::{Dns, DnsSettings};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::finding::Severity;
use crate::render::{Format, Palette, TextStyle};

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
    /// Colour on stdout.
    pub color: bool,
    /// `None`: no finding fails the run.
    pub fail_on: Option<Severity>,
    pub quiet: bool,
    pub dns: DnsChoice,
    pub dns_settings: DnsSettings,
    /// Queries per second to each upstream resolver (`--qps`); `None`: as fast as answered.
    pub qps: Option<NonZeroU32>,
    pub timeout: Duration,
    /// The time one domain's audit may take.
    pub budget: Duration,
    /// Trust anchors to add to the public roots.
    pub ca_file: Option<PathBuf>,
    /// The port MTA-STS policies are fetched from: 443 but in tests.
    pub mta_sts_port: u16,
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
            dns_settings: DnsSettings {
                concurrency: usize::from(args.dns_concurrency),
                ..DnsSettings::default()
            },
            qps: args.qps.and_then(NonZeroU32::new),
            timeout: Duration::from_secs_f64(args.timeout),
            budget: Duration::from_secs_f64(args.budget),
            ca_file: args.ca_file.clone(),
            mta_sts_port: args.mta_sts_port,
        }
    }

    /// The run's one resolver. Must be called inside the tokio runtime.
    pub fn resolver(&self) -> Result<Dns, Error> {
        Ok(match &self.dns {
            DnsChoice::Live(servers) => {
                let source = LiveSource::with_qps(servers, self.timeout, self.qps)?;
                Dns::with_settings(source, self.dns_settings)
            }
            DnsChoice::Zones(paths) => {
                Dns::with_settings(ZoneSource::load(paths)?, self.dns_settings)
            }
        })
    }

    pub fn text_style(&self) -> TextStyle {
        TextStyle {
            palette: Palette::new(self.color),
            quiet: self.quiet,
        }
    }

    /// A fresh exit status that fails at `--fail-on`.
    pub fn exit_status(&self) -> ExitStatus {
        ExitStatus::new(self.fail_on)
    }
}
