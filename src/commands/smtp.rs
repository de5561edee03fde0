//! `mailaudit probe DOMAIN` / `probe --host HOST[:PORT]`: the live SMTP/STARTTLS probe of every
//! address of every MX host (RFC 5321, RFC 3207), within the run's `--deadline`, with a progress
//! bar on a terminal.

use std::time::Duration;

use crate::cli::ProbeArgs;
use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;
use crate::render::progress::Progress;
use crate::smtp::Deadline;
use crate::smtp::probe::{ProbeSettings, endpoints, probe_targets};
use crate::smtp::targets::{HostSpec, for_domain, for_hosts, parse_host_spec};

pub async fn run(
    args: ProbeArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let domain = args
        .domain
        .as_deref()
        .map(crate::dns::name::normalize_domain)
        .transpose()?;
    let specs = args
        .host
        .iter()
        .map(|h| parse_host_spec(h))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::Usage(format!("--host {e}")))?;
    let mut settings = settings(&args, ctx, domain.as_deref(), &specs)?;
    // The clock starts before the lookups: --deadline is the whole run.
    let deadline = Duration::from_secs_f64(args.deadline);
    settings.session.deadline = Some(Deadline::after(deadline, "the probe's --deadline"));
    let dns = ctx.dns()?;
    let targets = match &domain {
        Some(domain) if specs.is_empty() => for_domain(&dns, domain).await,
        _ => for_hosts(&dns, &specs).await,
    };
    let total = endpoints(&targets.hosts, &settings.ports, &settings.implicit_tls).len();
    let progress = Progress::new("probing", Some(total as u64));
    let report = probe_targets(targets, domain, &settings, &|s| progress.done(&s.host)).await;
    progress.finish();
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}

/// What every session shares (the EHLO name, the limits, the trust anchors, the recipient
/// test), the ports and the concurrency.
fn settings(
    args: &ProbeArgs,
    ctx: &Ctx,
    domain: Option<&str>,
    specs: &[HostSpec],
) -> Result<ProbeSettings, Error> {
    // With --host alone, postmaster is asked for at the first host's name.
    let postmaster_domain = domain
        .map(str::to_string)
        .or_else(|| specs.first().map(|s| s.name.clone()));
    let mut settings = ctx.session_settings(args.ehlo.as_deref())?;
    settings.rcpt_test = args
        .rcpt_test
        .then(|| postmaster_domain.map(|d| format!("postmaster@{d}")))
        .flatten();
    settings.transcript = args.transcript;
    settings.at = args.at.map(crate::date::Date::start);
    Ok(ProbeSettings {
        session: settings,
        ports: args.port.clone(),
        implicit_tls: args.implicit_tls_port.clone(),
        jobs: usize::from(args.jobs),
    })
}
