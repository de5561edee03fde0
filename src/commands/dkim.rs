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
    let candidates = if args.selectors.is_empty() {
        let mut list = builtin_selectors(Date::today());
        for s in RotationState::selectors_at(args.state.as_deref())?
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
    let report = audit_domain(
        &dns,
        &domain,
        &args.selectors,
        &candidates,
        ctx.config.budget,
    )
    .await;
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}
