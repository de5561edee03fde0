//! SPF check_host() (RFC 7208 §2.4, §4.3): the public API — request, result, evaluation — the
//! identity to check and initial processing. The levels of the evaluation (record lookup, the
//! term loop, redirect=, limits) are in `spf::evaluator`, mechanisms in `spf::mechanisms`, exp=
//! in `spf::exp`, validated names in `spf::validate`, macro expansion in `spf::expand`,
//! cache warming in `spf::prefetch`.

use std::fmt;
use std::net::IpAddr;

use futures_util::future::{Either, select};
use serde::Serialize;

use crate::dns::Dns;

use super::evaluator::Evaluator;
use super::expand::MacroContext;
use super::parse::Qualifier;
use super::trace::TraceEvent;

/// §4.6.4: DNS-querying terms (include, a, mx, ptr, exists, redirect) per evaluation.
pub const MAX_DNS_TERMS: usize = 10;
/// §4.6.4: terms whose lookup is answered NXDOMAIN or NODATA (void lookups) per evaluation.
pub const MAX_VOID_LOOKUPS: usize = 2;
/// §4.6.4: MX names one `mx` may look at (more is a permerror) and PTR names one `ptr` or `%{p}`
/// looks at (the rest are ignored).
pub const MAX_NAMES_PER_MECHANISM: usize = 10;

/// What a receiver knows when it checks SPF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvalRequest {
    /// The SMTP client's address.
    pub ip: IpAddr,
    /// The MAIL FROM address; `Some("")` is the null sender, `None` checks the HELO identity.
    pub mail_from: Option<String>,
    pub helo: Option<String>,
    /// The receiving host, for `%{r}` ("unknown" when empty).
    pub receiver: String,
    /// Seconds since the epoch, for `%{t}`.
    pub now: u64,
}

/// The results of §2.6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpfResult {
    None,
    Neutral,
    Pass,
    Fail,
    SoftFail,
    TempError,
    PermError,
}

impl SpfResult {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Neutral => "neutral",
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::SoftFail => "softfail",
            Self::TempError => "temperror",
            Self::PermError => "permerror",
        }
    }
}

impl fmt::Display for SpfResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<Qualifier> for SpfResult {
    fn from(q: Qualifier) -> Self {
        match q {
            Qualifier::Pass => Self::Pass,
            Qualifier::Fail => Self::Fail,
            Qualifier::SoftFail => Self::SoftFail,
            Qualifier::Neutral => Self::Neutral,
        }
    }
}

/// Which identity was checked (§2.3, §2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Identity {
    /// MAIL FROM; with the null sender, "postmaster@" the HELO name (§2.4).
    MailFrom,
    Helo,
}

/// Where a fail's explanation came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExplanationSource {
    /// The domain's exp= text (§6.2).
    Exp,
    /// mailaudit's own text: there was no exp=, or it could not be used.
    Default,
}

/// The outcome of check_host().
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub result: SpfResult,
    /// The domain check_host() started with (from MAIL FROM, or HELO).
    pub domain: String,
    /// The <sender> used, e.g. "postmaster@helo.example" for the null sender.
    pub sender: String,
    pub identity: Option<Identity>,
    /// The deciding term with the include/redirect chain, e.g.
    /// "include:_spf.example.net -> ip4:192.0.2.0/24"; `None` when no mechanism matched.
    pub mechanism: Option<String>,
    /// For fail only: the exp= text, or a default text.
    pub explanation: Option<String>,
    pub explanation_source: Option<ExplanationSource>,
    /// For none, temperror and permerror: why.
    pub problem: Option<String>,
    /// DNS-querying terms evaluated (limit [`MAX_DNS_TERMS`]).
    pub dns_terms: usize,
    /// Void lookups met (limit [`MAX_VOID_LOOKUPS`]).
    pub void_lookups: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<TraceEvent>,
}

/// How check_host() goes about its queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvalOptions {
    /// Look up the targets of terms the evaluation is likely to reach while earlier ones are
    /// still being evaluated (`spf::prefetch`). Results never change; only waiting does.
    pub prefetch: bool,
}

impl Default for EvalOptions {
    fn default() -> Self {
        Self { prefetch: true }
    }
}

/// RFC 7208 check_host() for `request`, with the default [`EvalOptions`].
pub async fn check_host(dns: &Dns, request: &EvalRequest) -> Evaluation {
    check_host_with(dns, request, EvalOptions::default()).await
}

/// RFC 7208 check_host() for `request`, with explicit [`EvalOptions`].
pub async fn check_host_with(dns: &Dns, request: &EvalRequest, options: EvalOptions) -> Evaluation {
    // §5: an IPv4-mapped IPv6 client is an IPv4 client.
    let ip = match request.ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    };
    let mut evaluation = Evaluation {
        result: SpfResult::None,
        domain: String::new(),
        sender: String::new(),
        identity: None,
        mechanism: None,
        explanation: None,
        explanation_source: None,
        problem: None,
        dns_terms: 0,
        void_lookups: 0,
        trace: Vec::new(),
    };
    let (identity, local_part, raw_domain) = match identity_of(request) {
        Ok(found) => found,
        Err(problem) => {
            evaluation.problem = Some(problem);
            return evaluation;
        }
    };
    evaluation.identity = Some(identity);
    evaluation.sender = format!("{local_part}@{raw_domain}");
    evaluation.domain = raw_domain.clone();
    // §4.3: a malformed domain, or one that is not multi-label, is "none".
    let domain = match crate::dns::name::normalize_domain(&raw_domain) {
        Ok(domain) => domain,
        Err(problem) => {
            evaluation.problem = Some(problem);
            return evaluation;
        }
    };
    evaluation.domain = domain.clone();
    evaluation.sender = format!("{local_part}@{domain}");
    let receiver = match request.receiver.as_str() {
        "" => "unknown".to_string(),
        r => r.to_string(),
    };
    let ctx = MacroContext {
        local_part,
        sender_domain: domain.clone(),
        ip,
        helo: request
            .helo
            .clone()
            .unwrap_or_else(|| "unknown".to_string()),
        receiver,
        now: request.now,
    };
    let mut evaluator = Evaluator::new(dns, ctx.clone());
    let outcome = {
        let main = evaluator.check(&domain);
        if options.prefetch {
            let warm = std::pin::pin!(super::prefetch::warm(dns, &ctx, &domain));
            match select(main, warm).await {
                Either::Left((outcome, _)) => outcome,
                Either::Right(((), main)) => main.await,
            }
        } else {
            main.await
        }
    };
    evaluation.result = outcome.result;
    evaluation.mechanism = outcome.mechanism;
    if outcome.result == SpfResult::Fail {
        let (text, source) = match outcome.explanation {
            Some(text) => (text, ExplanationSource::Exp),
            None => (
                format!("{domain} does not designate {ip} as a permitted sender"),
                ExplanationSource::Default,
            ),
        };
        evaluation.explanation = Some(text);
        evaluation.explanation_source = Some(source);
    }
    if matches!(
        outcome.result,
        SpfResult::None | SpfResult::TempError | SpfResult::PermError
    ) {
        evaluation.problem = outcome.problem;
    }
    evaluation.dns_terms = evaluator.dns_terms;
    evaluation.void_lookups = evaluator.voids;
    evaluation.trace = evaluator.trace.events;
    evaluation
}

/// §2.4, §4.3: the identity, the local-part (or "postmaster") and the domain to check.
fn identity_of(request: &EvalRequest) -> Result<(Identity, String, String), String> {
    let mail_from = request.mail_from.as_deref().map(|m| {
        let m = m.trim();
        m.strip_prefix('<')
            .and_then(|m| m.strip_suffix('>'))
            .unwrap_or(m)
    });
    if let Some(address) = mail_from.filter(|m| !m.is_empty()) {
        let (local, domain) = address.rsplit_once('@').unwrap_or(("", address));
        let local = if local.is_empty() {
            "postmaster"
        } else {
            local
        };
        return Ok((Identity::MailFrom, local.to_string(), domain.to_string()));
    }
    let identity = if mail_from.is_some() {
        Identity::MailFrom
    } else {
        Identity::Helo
    };
    match request
        .helo
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
    {
        Some(helo) => Ok((identity, "postmaster".to_string(), helo.to_string())),
        None if identity == Identity::MailFrom => {
            Err("the null sender needs a HELO name to check (RFC 7208 §2.4)".to_string())
        }
        None => Err("neither a MAIL FROM address nor a HELO name to check".to_string()),
    }
}

#[cfg(test)]
mod concurrency;
#[cfg(test)]
mod fake;
#[cfg(test)]
mod tests;
