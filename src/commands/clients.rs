//! `mailaudit clients DOMAIN`: the mail-client endpoints (RFC 6186 discovery, RFC 8314 TLS),
//! probed live, with a progress bar on a terminal.

use crate::cli::ClientsArgs;
use crate::clients::probe::{ClientSettings, audit_domain};
use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;
use crate::render::progress::Progress;

pub async fn run(
    args: ClientsArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let hosts = args
        .host
        .iter()
        .map(|h| host_name(h))
        .collect::<Result<Vec<_>, _>>()?;
    let mut session = ctx.session_settings(args.ehlo.as_deref())?;
    session.transcript = args.transcript;
    let mut services = args.service;
    services.sort();
    services.dedup();
    let settings = ClientSettings {
        session,
        services,
        hosts,
        ports: args.port,
        jobs: usize::from(args.jobs),
    };
    let dns = ctx.dns()?;
    let progress = Progress::new("probing", None);
    let report = audit_domain(&dns, &domain, &settings, &|e| progress.done(&e.host)).await;
    progress.finish();
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}

/// A `--host`: an address as it is, or a name normalised.
fn host_name(text: &str) -> Result<String, Error> {
    if let Ok(ip) = text
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<std::net::IpAddr>()
    {
        return Ok(ip.to_string());
    }
    crate::dns::name::normalize_domain(text)
        .map_err(|e| Error::Usage(format!("--host {}: {e}", crate::sanitize::quoted(text))))
}
