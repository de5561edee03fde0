//! `mailaudit check DOMAIN... [--domains-file FILE]`: every audit of each domain at once, many
//! domains in flight (`--jobs`), results written as each domain finishes. Input is read as it is
//! needed, so a list of millions costs no more memory than a short one (text mode keeps one
//! summary row per domain for its closing table).

use futures_util::StreamExt;

use crate::check::CheckSettings;
use crate::check::bulk::{BulkError, BulkInput, CheckResult, results};
use crate::cli::CheckArgs;
use crate::clients::Service;
use crate::clients::probe::ClientSettings;
use crate::date::Date;
use crate::dkim::Selector;
use crate::dkim::discover::builtin_selectors;
use crate::dkim::rotate::RotationState;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;
use crate::render::progress::Progress;
use crate::render::text::{CheckSummary, SummaryRow};
use crate::smtp::probe::ProbeSettings;

use crate::context::Ctx;

pub async fn run(
    args: CheckArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let settings = settings(&args, ctx)?;
    let single = args.domains.len() == 1 && args.domains_file.is_none();
    if single {
        // One domain: an invalid name is a usage error, as for every other command.
        crate::dns::name::normalize_domain(&args.domains[0])?;
    }
    let dns = ctx.dns()?;
    let mut status = ctx.config.exit_status();
    let mut summary = CheckSummary::default();
    // The total is known only when no list is read as it goes.
    let total = args
        .domains_file
        .is_none()
        .then_some(args.domains.len() as u64);
    let progress = Progress::new("checking", total);
    let input = BulkInput {
        domains: args.domains.clone(),
        file: args.domains_file.clone(),
        shard: args.shard,
        jobs: usize::from(args.jobs),
    };
    let mut results = results(&dns, &settings, &input).await?;
    if !single {
        printer.begin_list()?;
    }
    while let Some(result) = results.next().await {
        let result = match result {
            Ok(result) => result,
            Err(BulkError::Interrupted) => {
                status.mark_incomplete();
                break;
            }
            Err(BulkError::Input(e)) => return Err(e.into()),
        };
        record(&result, &mut status, &mut summary);
        printer.record(&result)?;
        progress.done(match &result {
            CheckResult::Report(r) => &r.domain,
            CheckResult::Invalid(i) => &i.input,
        });
        if printer.closed() {
            break;
        }
    }
    progress.finish();
    if !single {
        printer.end_list()?;
        let text = printer.format() == crate::render::Format::Text;
        if text && !ctx.config.quiet && !printer.closed() {
            printer.record(&summary)?;
        }
    }
    Ok(status)
}

/// Takes one result into the exit status and the summary table.
fn record(result: &CheckResult, status: &mut ExitStatus, summary: &mut CheckSummary) {
    match result {
        CheckResult::Report(report) => {
            status.add(report.as_ref());
            summary.rows.push(SummaryRow::of(report));
        }
        CheckResult::Invalid(invalid) => {
            status.mark_incomplete();
            summary.rows.push(SummaryRow::invalid(invalid));
        }
    }
}

fn settings(args: &CheckArgs, ctx: &Ctx) -> Result<CheckSettings, Error> {
    let dkim_selectors = args
        .selectors
        .iter()
        .map(|s| {
            Selector::new(s).map_err(|e| {
                Error::Usage(format!("--selector {}: {e}", crate::sanitize::quoted(s)))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    // The rotation state's selectors of every domain it knows are tried for every domain: a
    // few names more, looked up only when discovery runs.
    let dkim_candidates = if dkim_selectors.is_empty() {
        let mut list = builtin_selectors(Date::today());
        for s in RotationState::selectors_at(args.state.as_deref())?
            .into_values()
            .flatten()
        {
            if !list.contains(&s) {
                list.push(s);
            }
        }
        list
    } else {
        Vec::new()
    };
    Ok(CheckSettings {
        budget: ctx.config.budget,
        dkim_selectors,
        dkim_candidates,
        bimi_selector: args.bimi_selector.to_ascii_lowercase(),
        mta_sts: ctx.fetch_settings()?,
        parked: args.parked,
        probe: if args.no_probe {
            None
        } else {
            Some(ProbeSettings {
                session: ctx.session_settings(None)?,
                ports: args.probe_port.clone(),
                implicit_tls: vec![465],
                jobs: 8,
            })
        },
        clients: if args.clients {
            Some(ClientSettings {
                session: ctx.session_settings(None)?,
                services: Service::ALL.to_vec(),
                hosts: Vec::new(),
                ports: Vec::new(),
                jobs: 8,
            })
        } else {
            None
        },
    })
}
