//! The desired state of domains' mail, as their administrator writes it in the config file
//! (`[policy."GLOB"]`), checked against a `check` report (RFC 9989, RFC 6376, RFC 8461, RFC
//! 8460, RFC 7208, RFC 5321), and the suppressions of findings (`[[ignore]]`) that may expire.

pub mod codes;
mod glob;
mod ignore;
mod lints;

use serde::Deserialize;

use crate::check::CheckReport;
use crate::date::Date;
use crate::dmarc::Policy;
use crate::policy::mta_sts::Mode;

pub use glob::Glob;
pub use ignore::IgnoreRule;

/// What one `[policy."GLOB"]` section asks of the domains it matches; each key is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Desired {
    /// At least this DMARC policy applies to the domain (own or inherited).
    pub dmarc_policy: Option<DmarcLevel>,
    /// At least this policy for subdomains that exist (`sp`, else `p`).
    pub dmarc_sp: Option<DmarcLevel>,
    /// At least this policy for subdomains that do not exist (`np`, else `sp`, else `p`).
    pub dmarc_np: Option<DmarcLevel>,
    /// Every RSA DKIM key has at least this many bits.
    pub min_rsa_bits: Option<u32>,
    /// An Ed25519 DKIM key is published.
    pub ed25519: Option<bool>,
    /// The MTA-STS policy is at least in this mode.
    pub mta_sts_mode: Option<StsLevel>,
    /// A TLS-RPT record is published.
    pub tls_rpt: Option<bool>,
    /// The SPF record needs at most this many DNS lookups.
    pub spf_max_lookups: Option<u32>,
    /// Names the SPF tree includes, at any depth.
    #[serde(default)]
    pub spf_include: Vec<String>,
    /// Names the SPF tree must not include, at any depth.
    #[serde(default)]
    pub spf_exclude: Vec<String>,
    /// Exactly these MX hosts.
    pub mx: Option<Vec<String>>,
}

/// A DMARC policy level, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DmarcLevel {
    None,
    Quarantine,
    Reject,
}

impl DmarcLevel {
    pub fn policy(self) -> Policy {
        match self {
            Self::None => Policy::None,
            Self::Quarantine => Policy::Quarantine,
            Self::Reject => Policy::Reject,
        }
    }
}

/// An MTA-STS mode that can be asked for: testing < enforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StsLevel {
    Testing,
    Enforce,
}

impl StsLevel {
    /// The rank of a mode on the same scale: none (or no policy) 0, testing 1, enforce 2.
    pub fn rank(mode: Option<Mode>) -> u8 {
        match mode {
            None | Some(Mode::None) => 0,
            Some(Mode::Testing) => 1,
            Some(Mode::Enforce) => 2,
        }
    }

    /// Its rank on the scale of [`StsLevel::rank`].
    pub fn own_rank(self) -> u8 {
        match self {
            Self::Testing => 1,
            Self::Enforce => 2,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Testing => "testing",
            Self::Enforce => "enforce",
        }
    }
}

/// Every `[policy]` section and `[[ignore]]` rule of the config file.
#[derive(Debug, Clone, Default)]
pub struct DesiredState {
    pub policies: Vec<(Glob, Desired)>,
    pub ignores: Vec<IgnoreRule>,
}

impl DesiredState {
    /// Checks `report` against every section whose glob matches its domain (their findings join
    /// the cross-area ones), then marks the findings a suppression covers on `today` — unless
    /// `no_ignore` — and adds a finding for each suppression that expired.
    pub fn apply(&self, report: &mut CheckReport, today: Date, no_ignore: bool) {
        let mut found = Vec::new();
        for (glob, desired) in &self.policies {
            if glob.matches(&report.domain) {
                found.extend(lints::findings(report, desired));
            }
        }
        report.findings.extend(found);
        if !no_ignore {
            ignore::suppress(report, &self.ignores, today);
        }
    }
}
