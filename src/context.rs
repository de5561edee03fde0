//! What every command shares (DESIGN.md "Layout"): the run's settings, its one resolver built on
//! first use, the trust store loaded once, and the SMTP and HTTPS session settings made from them.

use std::sync::OnceLock;

use crate::config::Config;
use crate::dns::Dns;
use crate::error::Error;
use crate::policy::mta_sts::FetchSettings;
use crate::smtp::{
    DEFAULT_MAX_BYTES, DEFAULT_MAX_LINE, DEFAULT_MAX_LINES, Limits, Settings, local_name,
    valid_ehlo_name,
};
use crate::tls::TrustStore;

/// Built once per run. Commands that need no DNS never read resolver configuration or zone
/// files, and those that make no TLS connection never read `--ca-file`.
pub struct Ctx {
    pub config: Config,
    dns: OnceLock<Dns>,
    trust: OnceLock<TrustStore>,
}

impl Ctx {
    pub fn new(config: Config) -> Self {
        Self {
            config,
            dns: OnceLock::new(),
            trust: OnceLock::new(),
        }
    }

    /// The run's resolver. Must be called inside the tokio runtime.
    pub fn dns(&self) -> Result<Dns, Error> {
        if let Some(dns) = self.dns.get() {
            return Ok(dns.clone());
        }
        let dns = self.config.resolver()?;
        Ok(self.dns.get_or_init(|| dns).clone())
    }

    /// The DNSSEC trust anchors of `--trust-anchor`; empty for the root's built-in ones.
    pub fn trust_anchors(&self) -> Result<Vec<crate::dns::anchor::Anchor>, Error> {
        match &self.config.dnssec {
            crate::config::DnssecChoice::Anchors(file) => crate::dns::anchor::read_anchors(file)
                .map_err(|e| Error::TrustAnchor(crate::sanitize::escape(&e))),
            _ => Ok(Vec::new()),
        }
    }

    /// What `check` validates from: `None` with `--no-dnssec`.
    pub fn dnssec_anchors(&self) -> Result<Option<Vec<crate::dns::anchor::Anchor>>, Error> {
        // Zone files hold no chain of trust: their answers are insecure, said on each record.
        let zones = matches!(self.config.dns, crate::config::DnsChoice::Zones(_));
        if self.config.dnssec == crate::config::DnssecChoice::Off || zones {
            return Ok(None);
        }
        self.trust_anchors().map(Some)
    }

    /// The public roots and `--ca-file`'s anchors, read on first use.
    pub fn trust(&self) -> Result<TrustStore, Error> {
        if let Some(trust) = self.trust.get() {
            return Ok(trust.clone());
        }
        let trust = TrustStore::load(self.config.ca_file.as_deref())?;
        Ok(self.trust.get_or_init(|| trust).clone())
    }

    /// SMTP, IMAP and POP3 session settings: `--timeout` per step, `--budget` per session, the
    /// trust store; EHLO with `ehlo` (checked) or this machine's name; no recipient test, no
    /// transcript.
    pub fn session_settings(&self, ehlo: Option<&str>) -> Result<Settings, Error> {
        let ehlo = match ehlo {
            Some(name) => valid_ehlo_name(name).map_err(|why| {
                Error::Usage(format!("--ehlo {}: {why}", crate::sanitize::quoted(name)))
            })?,
            None => local_name(),
        };
        Ok(Settings {
            ehlo,
            limits: Limits {
                line: DEFAULT_MAX_LINE,
                lines: DEFAULT_MAX_LINES,
                bytes: DEFAULT_MAX_BYTES,
                step: self.config.timeout,
                budget: self.config.budget,
            },
            trust: self.trust()?,
            rcpt_test: None,
            transcript: false,
            deadline: None,
            at: None,
        })
    }

    /// How MTA-STS policies are fetched over HTTPS: the port, `--timeout`, the trust store.
    pub fn fetch_settings(&self) -> Result<FetchSettings, Error> {
        Ok(FetchSettings {
            port: self.config.mta_sts_port,
            timeout: self.config.timeout,
            trust: self.trust()?,
        })
    }
}
