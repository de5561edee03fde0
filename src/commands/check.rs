//! `mailaudit check DOMAIN... [--domains-file FILE]`: every audit of each domain at once, many
//! domains in flight (`--jobs`), results written as each domain finishes. Input is read as it is
//! needed, so a list of millions costs no more memory than a short one (text keeps one summary
//! row per domain for its closing table; the other formats keep nothing per domain).

use futures_util::{Stream, StreamExt};

use crate::check::CheckSettings;
use crate::check::bulk::{BulkError, BulkInput, CheckResult, results};
use crate::cli::CheckArgs;
use crate::clients::Service;
use crate::clients::probe::ClientSettings;
use crate::context::Ctx;
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
    // Only text prints the closing table, so only text keeps a row per domain: in JSON a list
    // of millions costs no memory per domain.
    let text = printer.format() == crate::render::Format::Text;
    let mut summary = (!single && text && !ctx.config.quiet).then(CheckSummary::default);
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
    let written = write_results(
        &mut results,
        printer,
        &mut status,
        summary.as_mut(),
        &progress,
    );
    let written = written.await;
    progress.finish();
    if !single {
        // After an input error too: every result before it is whole.
        printer.end_list()?;
        if let Some(summary) = summary.filter(|_| written.is_ok() && !printer.closed()) {
            printer.record(&summary)?;
        }
    }
    written?;
    Ok(status)
}

/// Writes each result as it comes, taking it into the status and the summary, until the
/// results end, the reader goes away, or the input cannot be read (the error).
async fn write_results(
    results: &mut (impl Stream<Item = Result<CheckResult, BulkError>> + Unpin),
    printer: &mut Printer<'_>,
    status: &mut ExitStatus,
    mut summary: Option<&mut CheckSummary>,
    progress: &Progress,
) -> Result<(), Error> {
    while let Some(result) = results.next().await {
        let result = match result {
            Ok(result) => result,
            Err(BulkError::Interrupted) => {
                status.mark_incomplete();
                break;
            }
            Err(BulkError::Input(e)) => return Err(e.into()),
        };
        record(&result, status, summary.as_deref_mut());
        printer.record(&result)?;
        progress.done(match &result {
            CheckResult::Report(r) => &r.domain,
            CheckResult::Invalid(i) => &i.input,
        });
        if printer.closed() {
            break;
        }
    }
    Ok(())
}

/// Takes one result into the exit status and, in text, the summary table.
fn record(result: &CheckResult, status: &mut ExitStatus, summary: Option<&mut CheckSummary>) {
    match result {
        CheckResult::Report(report) => status.add(report.as_ref()),
        CheckResult::Invalid(_) => status.mark_incomplete(),
    }
    if let Some(summary) = summary {
        summary.rows.push(match result {
            CheckResult::Report(report) => SummaryRow::of(report),
            CheckResult::Invalid(invalid) => SummaryRow::invalid(invalid),
        });
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
