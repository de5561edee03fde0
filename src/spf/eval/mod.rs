//! SPF check_host() (RFC 7208 §2.4, §4.3): the public API — request, result, evaluation — the
//! identity to check and initial processing. In call order: the levels of the evaluation (record
//! lookup, the term loop, redirect=, limits) are in `evaluator`, mechanisms in `mechanisms`,
//! validated names in `validate`, macro expansion in `expand`, exp= in `explanation`, cache
//! warming in `prefetch`, the results in `result` and the trace in `trace`.

use std::net::IpAddr;
use std::time::Duration;

use futures_util::future::{Either, select};
use serde::Serialize;

use crate::dns::Dns;

mod evaluator;
mod expand;
mod explanation;
mod mechanisms;
mod prefetch;
mod result;
pub mod trace;
mod validate;

use evaluator::Evaluator;
use expand::MacroContext;
pub use result::SpfResult;
use trace::TraceEvent;

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
    /// still being evaluated (`prefetch`). Results never change; only waiting does.
    pub prefetch: bool,
    /// The whole evaluation's time limit: past it the result is temperror. §4.6.4 asks for at
    /// least 20 seconds.
    pub budget: Duration,
}

impl Default for EvalOptions {
    fn default() -> Self {
        Self {
            prefetch: true,
            budget: Duration::from_secs(20),
        }
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
        v4 @ IpAddr::V4(_) => v4,
    };
    let mut evaluation = Evaluation::new();
    let ctx = match evaluation.initial(request, ip) {
        Ok(ctx) => ctx,
        Err(problem) => {
            evaluation.problem = Some(problem);
            return evaluation;
        }
    };
    let domain = ctx.sender_domain.clone();
    let mut evaluator = Evaluator::new(dns, ctx.clone());
    let outcome = {
        let main = evaluator.check(&domain);
        let run = async {
            if options.prefetch {
                let warm = std::pin::pin!(prefetch::warm(dns, &ctx, &domain));
                match select(main, warm).await {
                    Either::Left((outcome, _)) => outcome,
                    Either::Right(((), main)) => main.await,
                }
            } else {
                main.await
            }
        };
        tokio::time::timeout(options.budget, run)
            .await
            .unwrap_or_else(|_| {
                let why = format!(
                    "the evaluation took longer than its {} s limit (RFC 7208 §4.6.4)",
                    options.budget.as_secs_f64()
                );
                evaluator::LevelOutcome::ended(SpfResult::TempError, why)
            })
    };
    evaluation.finish(outcome, ip);
    evaluation.dns_terms = evaluator.dns_terms;
    evaluation.void_lookups = evaluator.voids;
    evaluation.trace = evaluator.trace.events;
    evaluation
}

impl Evaluation {
    fn new() -> Self {
        Self {
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
        }
    }

    /// §4.1, §4.3: the identity and the macro context; `Err` is why the result is none.
    fn initial(&mut self, request: &EvalRequest, ip: IpAddr) -> Result<MacroContext, String> {
        let (identity, local_part, raw_domain) = identity_of(request)?;
        self.identity = Some(identity);
        self.sender = format!("{local_part}@{raw_domain}");
        self.domain.clone_from(&raw_domain);
        // §4.3: a malformed domain, or one that is not multi-label, is "none".
        let domain = crate::dns::name::normalize_domain(&raw_domain).map_err(|e| e.to_string())?;
        self.domain.clone_from(&domain);
        self.sender = format!("{local_part}@{domain}");
        let receiver = match request.receiver.as_str() {
            "" => "unknown".to_string(),
            r => r.to_string(),
        };
        Ok(MacroContext {
            local_part,
            sender_domain: domain,
            ip,
            helo: request
                .helo
                .clone()
                .unwrap_or_else(|| "unknown".to_string()),
            receiver,
            now: request.now,
        })
    }

    /// Takes the top level's outcome: the result, the deciding term, and for fail the
    /// explanation.
    fn finish(&mut self, outcome: evaluator::LevelOutcome, ip: IpAddr) {
        self.result = outcome.result;
        self.mechanism = outcome.mechanism;
        if outcome.result == SpfResult::Fail {
            let (text, source) = match outcome.explanation {
                Some(text) => (text, ExplanationSource::Exp),
                None => (
                    format!(
                        "{} does not designate {ip} as a permitted sender",
                        self.domain
                    ),
                    ExplanationSource::Default,
                ),
            };
            self.explanation = Some(text);
            self.explanation_source = Some(source);
        }
        if matches!(
            outcome.result,
            SpfResult::None | SpfResult::TempError | SpfResult::PermError
        ) {
            self.problem = outcome.problem;
        }
    }
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
mod tests;
