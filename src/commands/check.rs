//! `mailaudit check DOMAIN... [--domains-file FILE]`: every audit of each domain at once, many
//! domains in flight (`--jobs`), results written as each domain finishes. Input is read as it is
//! needed, so a list of millions costs no more memory than a short one (text keeps one summary
//! row per domain for its closing table; the other formats keep nothing per domain). For job
//! engines: the shard from their environment (`--shard auto`), the results to a file made whole
//! or not at all (`--output`) and continued by a retried task (`--resume`), and an exit status
//! of 2 for a list only when the run itself could not go on.

use std::fmt::Write as _;
use std::io::Write as _;
use std::sync::Arc;

use futures_util::{Stream, StreamExt};

use crate::check::CheckSettings;
use crate::check::bulk::{BulkError, BulkInput, CheckResult, Finished, results};
use crate::check::shard::{Shard, resolve};
use crate::cli::CheckArgs;
use crate::clients::Service;
use crate::clients::probe::ClientSettings;
use crate::config::file::FileSettings;
use crate::context::Ctx;
use crate::date::Date;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::progress::Progress;
use crate::render::text::{CheckSummary, SummaryRow};
use crate::render::{Format, Palette, Printer, TextStyle};
use crate::sanitize::escape;
use crate::smtp::Settings;
use crate::smtp::probe::ProbeSettings;

use super::bulk_output::{self, Opened, Output, Resumed};
use super::selectors;

pub async fn run(
    args: CheckArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let shard = shard(&args)?;
    let format = printer.format();
    if args.resume && !bulk_output::resumable(format) {
        return Err(Error::Usage(
            "--resume needs --format jsonl or csv: a JSON array, YAML documents and text \
             cannot be continued"
                .into(),
        ));
    }
    let settings = settings(&args, ctx)?;
    let single = args.domains.len() == 1 && args.domains_file.is_none();
    if single {
        // One domain: an invalid name is a usage error, as for every other command.
        crate::dns::name::normalize_domain(&args.domains[0])?;
    }
    let mut status = ctx.config.exit_status();
    let mut run = Run::new(&args, single, format, ctx.config.quiet);
    run.desired = Some(Desired {
        file: Arc::clone(&ctx.config.file),
        today: args.now.unwrap_or_else(Date::today),
        no_ignore: ctx.config.no_ignore,
    });
    let (output, finished, header) = match &args.output {
        None => (None, Finished::default(), false),
        Some(path) => match open_output(path, args.resume, format, run.bulk, &mut status)? {
            Some((output, finished, header)) => (Some(output), finished, header),
            None => return Ok(ExitStatus::new(None)),
        },
    };
    let dns = ctx.dns()?;
    let input = BulkInput {
        domains: args.domains.clone(),
        file: args.domains_file.clone(),
        shard,
        finished,
        jobs: usize::from(args.jobs),
    };
    let mut results = results(&dns, &settings, input).await?;
    let ended = match &output {
        Some(out) => {
            let style = TextStyle {
                palette: Palette::new(false),
                quiet: ctx.config.quiet,
            };
            let mut to_file = Printer::new(out.file(), format, style);
            if header {
                to_file.csv_header_written();
            }
            run.write(&mut results, &mut to_file, &mut status).await
        }
        None => run.write(&mut results, printer, &mut status).await,
    };
    finish(ended, output, &mut status)?;
    Ok(status)
}

/// The shard of `--shard` and `--shards`; with `auto`, which one and why is said on stderr.
fn shard(args: &CheckArgs) -> Result<Option<Shard>, Error> {
    let env = |name: &str| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
    let resolved =
        resolve(args.shard, args.shards, env).map_err(|e| Error::Usage(e.to_string()))?;
    if let Some(resolved) = resolved.as_ref().filter(|r| r.index_from.is_some()) {
        note(&resolved.to_string());
    }
    Ok(resolved.map(|r| r.shard))
}

/// Opens `--output` (continued with `--resume`), saying on stderr what it found: the file,
/// the entries it has results for, and whether it has the CSV header row. `None`: the shard is
/// done already.
fn open_output(
    path: &std::path::Path,
    resume: bool,
    format: Format,
    bulk: bool,
    status: &mut ExitStatus,
) -> Result<Option<(Output, Finished, bool)>, Error> {
    let shown = path.display().to_string();
    Ok(match bulk_output::open(path, resume, format)? {
        Opened::Done => {
            note(&format!(
                "{shown} is there already: this shard is done (--resume); nothing to do"
            ));
            None
        }
        Opened::Fresh(output) => {
            if resume {
                let partial = output.partial().display().to_string();
                note(&format!("no {partial} yet: starting from the first domain"));
            }
            Some((output, Finished::default(), false))
        }
        Opened::Resumed(output, resumed) => {
            note(&resumed_note(&output, &resumed));
            // The results kept count as if written now.
            status.add_worst(resumed.worst);
            if !bulk && resumed.incomplete > 0 {
                status.mark_incomplete();
            }
            Some((output, resumed.finished, resumed.header))
        }
    })
}

/// What a resumed run kept of FILE.partial, in one line.
fn resumed_note(output: &Output, resumed: &Resumed) -> String {
    let plural = if resumed.results == 1 { "" } else { "s" };
    let mut note = format!(
        "resuming {}: {} result{plural} kept",
        output.partial().display(),
        resumed.results
    );
    if resumed.cut {
        note.push_str(", a cut last line taken off");
    }
    if resumed.dropped > 0 {
        let named: Vec<String> = resumed.dropped_lines.iter().map(u64::to_string).collect();
        let more = if resumed.dropped > named.len() as u64 {
            ", ..."
        } else {
            ""
        };
        let (lines, are, results) = if resumed.dropped == 1 {
            ("line", "is", "a result")
        } else {
            ("lines", "are", "results")
        };
        let _ = write!(
            note,
            ", {} {lines} that {are} not {results} dropped (line {}{more})",
            resumed.dropped,
            named.join(", ")
        );
    }
    note
}

/// Ends the run as the results ended: with `--output`, FILE only when every result is written;
/// else FILE.partial stays for `--resume` and the run exits 2.
fn finish(
    ended: Result<Ended, Error>,
    output: Option<Output>,
    status: &mut ExitStatus,
) -> Result<(), Error> {
    let kept = |output: &Output| {
        note(&format!(
            "the results so far are in {}; --resume goes on from there",
            output.partial().display()
        ));
    };
    match (ended, output) {
        (Ok(Ended::All), Some(output)) => output.finish(),
        (Ok(Ended::All | Ended::Closed), None) => Ok(()),
        (Ok(Ended::Interrupted), output) => {
            status.mark_incomplete();
            output.as_ref().map(kept);
            Ok(())
        }
        (Ok(Ended::Closed), Some(output)) => {
            kept(&output);
            Err(Error::Output(crate::render::OutputError::Io(
                std::io::Error::new(
                    std::io::ErrorKind::BrokenPipe,
                    format!("{}: the reader went away", output.partial().display()),
                ),
            )))
        }
        (Err(e), output) => {
            output.as_ref().map(kept);
            Err(e)
        }
    }
}

/// One line on stderr, escaped: a path or a variable's value may hold anything.
fn note(text: &str) {
    // Nothing more can be done when stderr is closed.
    let _ = writeln!(std::io::stderr().lock(), "mailaudit: {}", escape(text));
}

/// How the results ended.
enum Ended {
    /// Every entry has its result written.
    All,
    /// Ctrl-C or SIGTERM: every result written is whole, some are missing.
    Interrupted,
    /// The reader of the output went away.
    Closed,
}

/// The config file's desired state and suppressions, and the day they are judged on.
struct Desired {
    file: Arc<FileSettings>,
    today: Date,
    no_ignore: bool,
}

/// How this run takes its results.
struct Run {
    /// Applied to each report before it is written.
    desired: Option<Desired>,
    /// `--domains-file`: an unfinished domain or a line that is not one is data, not a failure.
    bulk: bool,
    /// One domain on the command line: its report is the output, not a list.
    single: bool,
    /// How many results come: known only when no list is read as it goes.
    total: Option<u64>,
    /// The closing table of text output to stdout.
    summary: Option<CheckSummary>,
}

impl Run {
    fn new(args: &CheckArgs, single: bool, format: Format, quiet: bool) -> Self {
        Self {
            desired: None,
            bulk: args.domains_file.is_some(),
            single,
            total: args
                .domains_file
                .is_none()
                .then_some(args.domains.len() as u64),
            // Only text prints the closing table, and only to stdout: in the other formats a
            // list of millions costs no memory per domain.
            summary: (!single && format == Format::Text && !quiet && args.output.is_none())
                .then(CheckSummary::default),
        }
    }

    /// Writes the results as a list (one report for one domain), then the closing table.
    async fn write(
        &mut self,
        results: &mut (impl Stream<Item = Result<CheckResult, BulkError>> + Unpin),
        printer: &mut Printer<'_>,
        status: &mut ExitStatus,
    ) -> Result<Ended, Error> {
        let progress = Progress::new("checking", self.total);
        if !self.single {
            printer.begin_list()?;
        }
        let written = self
            .write_results(results, printer, status, &progress)
            .await;
        progress.finish();
        if !self.single {
            // After an input error too: every result before it is whole.
            printer.end_list()?;
            let summary = self.summary.take();
            if let Some(summary) = summary.filter(|_| written.is_ok() && !printer.closed()) {
                printer.record(&summary)?;
            }
        }
        written
    }

    /// Writes each result as it comes, taking it into the status and the summary, until the
    /// results end, the reader goes away, or the input cannot be read (the error).
    async fn write_results(
        &mut self,
        results: &mut (impl Stream<Item = Result<CheckResult, BulkError>> + Unpin),
        printer: &mut Printer<'_>,
        status: &mut ExitStatus,
        progress: &Progress,
    ) -> Result<Ended, Error> {
        while let Some(result) = results.next().await {
            let mut result = match result {
                Ok(result) => result,
                Err(BulkError::Interrupted) => return Ok(Ended::Interrupted),
                Err(BulkError::Input(e)) => return Err(e.into()),
            };
            if let (CheckResult::Report(report), Some(d)) = (&mut result, &self.desired) {
                d.file.desired.apply(report, d.today, d.no_ignore);
            }
            self.record(&result, status);
            printer.record(&result)?;
            progress.done(match &result {
                CheckResult::Report(r) => &r.domain,
                CheckResult::Invalid(i) => &i.input,
            });
            if printer.closed() {
                return Ok(Ended::Closed);
            }
        }
        Ok(Ended::All)
    }

    /// Takes one result into the exit status and, in text, the summary table.
    fn record(&mut self, result: &CheckResult, status: &mut ExitStatus) {
        match result {
            CheckResult::Report(report) if self.bulk => status.add_findings_of(report.as_ref()),
            CheckResult::Report(report) => status.add(report.as_ref()),
            CheckResult::Invalid(_) if self.bulk => {}
            CheckResult::Invalid(_) => status.mark_incomplete(),
        }
        if let Some(summary) = &mut self.summary {
            summary.rows.push(match result {
                CheckResult::Report(report) => SummaryRow::of(report),
                CheckResult::Invalid(invalid) => SummaryRow::invalid(invalid),
            });
        }
    }
}

fn settings(args: &CheckArgs, ctx: &Ctx) -> Result<CheckSettings, Error> {
    let dkim_selectors = selectors::parse(&args.selectors)?;
    let dkim_candidates = selectors::candidates(&dkim_selectors, args.state.as_deref())?;
    Ok(CheckSettings {
        budget: ctx.config.budget,
        dkim_selectors,
        dkim_candidates,
        bimi_selector: args.bimi_selector.to_ascii_lowercase(),
        mta_sts: ctx.fetch_settings()?,
        parked: args.parked,
        dnssec: ctx.dnssec_anchors()?,
        probe: if args.no_probe {
            None
        } else {
            Some(ProbeSettings {
                session: Settings {
                    at: args.at.map(Date::start),
                    ..ctx.session_settings(None)?
                },
                ports: args.probe_port.clone(),
                implicit_tls: vec![465],
                jobs: 8,
            })
        },
        per_domain: Arc::new(selectors::per_domain(!args.selectors.is_empty(), ctx)?),
        clients: if args.clients {
            Some(ClientSettings {
                session: Settings {
                    at: args.at.map(Date::start),
                    ..ctx.session_settings(None)?
                },
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
