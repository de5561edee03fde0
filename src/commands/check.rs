//! `mailaudit check DOMAIN... [--domains-file FILE]`: every audit of each domain at once, many
//! domains in flight (`--jobs`), results written as each domain finishes. Input is read as it is
//! needed, so a list of millions costs no more memory than a short one (text mode keeps one
//! summary row per domain for its closing table).

use std::path::Path;

use futures_util::stream::{self, BoxStream, StreamExt};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, BufReader};

use crate::check::bulk::{CheckResult, Entry, InvalidInput, entry};
use crate::check::{CheckSettings, ProbeSettings, check_domain};
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

use crate::context::Ctx;

/// Longest input line kept; the rest of a longer line is skipped (a domain is at most 253).
const MAX_LINE: usize = 1024;

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
    let inputs = entries(&args).await?;
    let shard = args.shard;
    let mut results = inputs
        .enumerate()
        .filter(move |(number, _)| {
            std::future::ready(shard.is_none_or(|s| s.takes(*number as u64)))
        })
        .map(|(_, entry)| {
            let (dns, settings) = (&dns, &settings);
            async move {
                match entry? {
                    // Boxed: every area's future together is large, and `--jobs` of them wait.
                    Entry::Domain(domain) => Ok(CheckResult::Report(Box::new(
                        Box::pin(check_domain(dns, &domain, settings)).await,
                    ))),
                    Entry::Invalid { input, error } => {
                        Ok(CheckResult::Invalid(InvalidInput { input, error }))
                    }
                }
            }
        })
        .buffer_unordered(usize::from(args.jobs));
    if !single {
        printer.begin_list()?;
    }
    let mut interrupted = std::pin::pin!(tokio::signal::ctrl_c());
    loop {
        let result: Result<CheckResult, Error> = tokio::select! {
            next = results.next() => match next {
                Some(result) => result,
                None => break,
            },
            // Ctrl-C: stop taking results; every record written so far is whole.
            _ = &mut interrupted => {
                status.mark_incomplete();
                break;
            }
        };
        let result = result?;
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
            let findings: Vec<_> = report.all_findings().map(|(_, f)| f.clone()).collect();
            status.add_findings(&findings);
            if report.incomplete {
                status.mark_incomplete();
            }
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
        .map(|s| Selector::new(s).map_err(|e| Error::Usage(format!("--selector {s:?}: {e}"))))
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

type Entries = BoxStream<'static, Result<Entry, Error>>;

/// The domains of the command line, then those of `--domains-file`, read as they are needed.
async fn entries(args: &CheckArgs) -> Result<Entries, Error> {
    let given = args
        .domains
        .iter()
        .filter_map(|d| entry(d))
        .map(Ok)
        .collect::<Vec<_>>();
    let given = stream::iter(given);
    let Some(path) = &args.domains_file else {
        return Ok(given.boxed());
    };
    let reader: Box<dyn AsyncBufRead + Send + Unpin> = if path == Path::new("-") {
        Box::new(BufReader::new(tokio::io::stdin()))
    } else {
        let file = tokio::fs::File::open(path)
            .await
            .map_err(|source| Error::Input {
                path: path.display().to_string(),
                source,
            })?;
        Box::new(BufReader::new(file))
    };
    let label = path.display().to_string();
    let lines = stream::unfold(Some(reader), move |reader| {
        let label = label.clone();
        async move {
            let mut reader = reader?;
            match bounded_line(&mut reader).await {
                Ok(Some(line)) => Some((Ok(line), Some(reader))),
                Ok(None) => None,
                Err(source) => Some((
                    Err(Error::Input {
                        path: label,
                        source,
                    }),
                    None,
                )),
            }
        }
    });
    let from_file = lines.filter_map(|line| {
        std::future::ready(match line {
            Ok(line) => entry(&line).map(Ok),
            Err(e) => Some(Err(e)),
        })
    });
    Ok(given.chain(from_file).boxed())
}

/// The next line, at most [`MAX_LINE`] bytes of it kept; `None` at the end of the input.
async fn bounded_line(
    reader: &mut (dyn AsyncBufRead + Send + Unpin),
) -> std::io::Result<Option<String>> {
    let mut line = Vec::new();
    let mut seen = false;
    loop {
        let buf = reader.fill_buf().await?;
        if buf.is_empty() {
            return Ok(seen.then(|| String::from_utf8_lossy(&line).into_owned()));
        }
        seen = true;
        let (part, used, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], i + 1, true),
            None => (buf, buf.len(), false),
        };
        let room = MAX_LINE.saturating_sub(line.len());
        line.extend_from_slice(&part[..part.len().min(room)]);
        reader.consume(used);
        if done {
            return Ok(Some(String::from_utf8_lossy(&line).into_owned()));
        }
    }
}
