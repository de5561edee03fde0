//! `mailaudit bimi DOMAIN [--selector S]`: the BIMI audit of a domain and the DMARC policy it
//! needs (draft-brand-indicators-for-message-identification-12).

use crate::cli::BimiArgs;
use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::policy::bimi::audit::audit_domain;
use crate::render::Printer;

pub async fn run(
    args: BimiArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    // The config file's selector for the domain, unless --selector is given.
    let configured = ctx.config.file.domains.get(&domain);
    let configured = configured.and_then(|d| d.bimi_selector.as_deref());
    let selector = match configured {
        Some(s) if !ctx.config.given("selector") => s.to_string(),
        _ => selector(&args.selector)?,
    };
    let dns = ctx.dns()?;
    // Every walk is bounded in queries; the budget also bounds the time slow servers take.
    let budget = ctx.config.budget;
    let report = tokio::time::timeout(budget, audit_domain(&dns, &domain, &selector))
        .await
        .map_err(|_| Error::Deadline {
            what: format!("BIMI audit of {domain}"),
            secs: budget.as_secs_f64(),
        })?;
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}

/// §4.4: a selector is one or more DNS labels (`sub-domain *("." sub-domain)`), lowercase.
fn selector(input: &str) -> Result<String, Error> {
    let lower = input.to_ascii_lowercase();
    let valid = !lower.is_empty()
        && lower.split('.').all(|l| {
            (1..=63).contains(&l.len())
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        });
    if valid {
        Ok(lower)
    } else {
        Err(Error::Usage(format!(
            "invalid selector {}: labels of letters, digits and '-', separated by '.'",
            crate::sanitize::quoted(input)
        )))
    }
}
