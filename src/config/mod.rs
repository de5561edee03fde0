//! The run's settings, resolved from the command line, the config file (`file`: its
//! `[defaults]` fill what the command line does not give) and the environment: output format,
//! colour, DNS source and its limits, timeouts and the severity that fails the run; and what the
//! config file says of domains (settings, desired state, suppressions).

mod defaults;
pub mod file;
mod located;

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::cli::{ColorChoice, FailOn, GlobalArgs};
use crate::dns::anchor::read_anchors;
use crate::dns::live::LiveSource;
use crate::dns::zone::ZoneSource;
use crate::dns::{Dns, DnsSettings};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::finding::Severity;
use crate::render::{Format, Palette, TextStyle};
use crate::sanitize::escape;

/// Where DNS answers come from.
#[derive(Debug, Clone)]
pub enum DnsChoice {
    /// The system's resolvers, or the ones given.
    Live(Vec<SocketAddr>),
    Zones(Vec<PathBuf>),
}

/// Whether answers are validated (DNSSEC), and from which anchors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnssecChoice {
    /// `--no-dnssec`.
    Off,
    /// From the root anchors built in.
    BuiltIn,
    /// From `--trust-anchor FILE`.
    Anchors(PathBuf),
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
    pub dnssec: DnssecChoice,
    /// Queries per second to each upstream resolver (`--qps`); `None`: as fast as answered.
    pub qps: Option<NonZeroU32>,
    pub timeout: Duration,
    /// The time one domain's audit may take.
    pub budget: Duration,
    /// Trust anchors to add to the public roots.
    pub ca_file: Option<PathBuf>,
    /// The port MTA-STS policies are fetched from: 443 but in tests.
    pub mta_sts_port: u16,
    /// What the config file says of domains; empty without one.
    pub file: Arc<file::FileSettings>,
    /// `--no-ignore`: the file's suppressions do not apply.
    pub no_ignore: bool,
    /// The options the command line gave, by clap id; `None`: not known (a `Cli` built without
    /// `Cli::parse_noting`), and every option counts as given.
    pub given: Option<Arc<std::collections::BTreeSet<String>>>,
}

impl Config {
    /// Reads the config file (`--config`, `$MAILAUDIT_CONFIG`, or the user's, when there),
    /// fills in `args` from its `[defaults]` where the command line gave nothing, and resolves
    /// the settings.
    pub fn load(args: &mut GlobalArgs) -> Result<Self, Error> {
        let settings = match file::locate(args.config.as_deref()) {
            Some((path, required)) => file::load(&path, required)?.unwrap_or_default(),
            None => file::FileSettings::default(),
        };
        if let Some(given) = args.given.take() {
            settings.defaults.apply(args, &given);
            args.given = Some(given);
        }
        let mut config = Self::from_args(args);
        config.file = Arc::new(settings);
        Ok(config)
    }

    /// Whether the command line gave the option with clap id `id` (every option counts as
    /// given when that is not known).
    pub fn given(&self, id: &str) -> bool {
        self.given.as_ref().is_none_or(|g| g.contains(id))
    }

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
            dnssec: match (&args.trust_anchor, args.no_dnssec) {
                (_, true) => DnssecChoice::Off,
                (Some(file), false) => DnssecChoice::Anchors(file.clone()),
                (None, false) => DnssecChoice::BuiltIn,
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
            file: Arc::default(),
            no_ignore: args.no_ignore,
            given: args.given.clone().map(Arc::new),
        }
    }

    /// The run's one resolver. Must be called inside the tokio runtime.
    pub fn resolver(&self) -> Result<Dns, Error> {
        Ok(match &self.dns {
            DnsChoice::Live(servers) => {
                let anchors = match &self.dnssec {
                    DnssecChoice::Off => None,
                    DnssecChoice::BuiltIn => Some(Vec::new()),
                    DnssecChoice::Anchors(file) => {
                        Some(read_anchors(file).map_err(|e| Error::TrustAnchor(escape(&e)))?)
                    }
                };
                let source = LiveSource::with_options(servers, self.timeout, self.qps, anchors)?;
                Dns::with_settings(source, self.dns_settings)
            }
            DnsChoice::Zones(paths) => {
                let mut zones = ZoneSource::load(paths)?;
                zones.judged = self.dnssec != DnssecChoice::Off;
                Dns::with_settings(zones, self.dns_settings)
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
