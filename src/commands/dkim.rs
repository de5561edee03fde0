//! `mailaudit dkim DOMAIN [--selector S]...`: the DKIM audit of a domain (RFC 6376); with no
//! selector, discovery over the built-in list and the rotation state's selectors.

use crate::cli::DkimArgs;
use crate::context::Ctx;
use crate::date::Date;
use crate::dkim::audit::audit_domain;
use crate::dkim::discover::builtin_selectors;
use crate::dkim::rotate::RotationState;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;

pub async fn run(
    domain: &str,
    args: DkimArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(domain)?;
    // The config file's settings for the domain, where the command line gives none.
    let own = ctx.config.file.domains.get(&domain);
    let selectors = match own {
        Some(own) if args.selectors.is_empty() => own.selectors.clone(),
        _ => args.selectors.clone(),
    };
    let state = args
        .state
        .clone()
        .or_else(|| own.and_then(|o| o.state.clone()));
    let candidates = if selectors.is_empty() {
        let mut list = builtin_selectors(Date::today());
        for s in RotationState::selectors_at(state.as_deref())?
            .remove(&domain)
            .unwrap_or_default()
        {
            if !list.contains(&s) {
                list.push(s);
            }
        }
        list
    } else {
        Vec::new()
    };
    let dns = ctx.dns()?;
    let report = audit_domain(&dns, &domain, &selectors, &candidates, ctx.config.budget).await;
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}
