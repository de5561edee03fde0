//! Dispatch to the subcommands, one file each. Each has one entry point,
//! `run(args, &Ctx, &mut Printer) -> Result<ExitStatus, Error>`: it asks the protocol modules,
//! hands their reports to the printer as they are ready, and says how the run exits. Commands
//! never import each other; what several share beside them is writing and reading files
//! (`key_files`, `record_input`, `message_input`, `bulk_output`, `change_files`) and running `--exec`
//! (`rotate_exec`).

mod bimi;
mod bulk_output;
mod change_files;
mod check;
mod clients;
mod completions;
mod diff;
mod dkim;
mod dkim_keygen;
mod dkim_rotate;
mod dkim_sign;
mod dkim_status;
mod dkim_verify;
mod dmarc;
mod dnssec;
mod explain;
mod fix;
mod generate;
mod generate_docs;
mod key_files;
mod lint_bimi;
mod lint_dkim;
mod lint_dmarc;
mod lint_policy;
mod lint_spf;
mod message_input;
mod mta_sts;
mod mx;
mod record_input;
mod report;
mod rotate_exec;
mod selectors;
mod smtp;
mod spf;
mod spf_eval;
mod tls_rpt;
mod verify;

use crate::cli::{Command, DkimCommand, LintCommand, SpfCommand};
use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::{Format, Printer};

/// Runs one command.
pub async fn run(
    command: Command,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    // Only a check's results are rows of one table; refused before anything is looked up.
    if printer.format() == Format::Csv && !matches!(command, Command::Check(_)) {
        return Err(Error::Usage(
            "--format csv is for `check` only; use json, yaml or jsonl for machines".into(),
        ));
    }
    match command {
        Command::Check(args) => check::run(args, ctx, printer).await,
        Command::Spf(args) => match (args.command, args.domain) {
            (Some(SpfCommand::Eval(args)), _) => spf_eval::run(args, ctx, printer).await,
            (None, Some(domain)) => spf::run(&domain, ctx, printer).await,
            (None, None) => Err(Error::Usage("spf needs a DOMAIN (or `spf eval`)".into())),
        },
        Command::Dkim(mut args) => match (args.command.take(), args.domain.take()) {
            (Some(DkimCommand::Keygen(a)), _) => dkim_keygen::run(a, ctx, printer),
            (Some(DkimCommand::VerifyPublished(a)), _) => dkim_verify::run(a, ctx, printer).await,
            (Some(DkimCommand::Rotate(a)), _) => dkim_rotate::run(a, ctx, printer).await,
            (Some(DkimCommand::Status(a)), _) => dkim_status::run(a, ctx, printer).await,
            (Some(DkimCommand::Sign(a)), _) => dkim_sign::run(a, printer),
            (None, Some(domain)) => dkim::run(&domain, args, ctx, printer).await,
            (None, None) => Err(Error::Usage("dkim needs a DOMAIN (or a subcommand)".into())),
        },
        Command::Lint(LintCommand::Spf(args)) => lint_spf::run(args, ctx, printer).await,
        Command::MtaSts(args) => mta_sts::run(args, ctx, printer).await,
        Command::Tlsrpt(args) => tls_rpt::run(args, ctx, printer).await,
        Command::Lint(LintCommand::MtaSts(args)) => lint_policy::record(args, ctx, printer),
        Command::Lint(LintCommand::MtaStsPolicy(args)) => lint_policy::policy(args, ctx, printer),
        Command::Lint(LintCommand::Tlsrpt(args)) => lint_policy::tlsrpt(args, ctx, printer),
        Command::Lint(LintCommand::Dkim(args)) => lint_dkim::run(args, ctx, printer),
        Command::Dmarc(args) => dmarc::run(args, ctx, printer).await,
        Command::Bimi(args) => bimi::run(args, ctx, printer).await,
        Command::Mx(args) => mx::run(args, ctx, printer).await,
        Command::Dnssec(args) => dnssec::run(args, ctx, printer).await,
        Command::Probe(args) => smtp::run(args, ctx, printer).await,
        Command::Clients(args) => clients::run(args, ctx, printer).await,
        Command::Verify(args) => verify::run(args, ctx, printer).await,
        Command::Lint(LintCommand::Dmarc(args)) => lint_dmarc::run(args, ctx, printer),
        Command::Lint(LintCommand::Bimi(args)) => lint_bimi::run(args, ctx, printer),
        Command::Diff(args) => diff::run(&args, ctx, printer),
        Command::Report(args) => report::run(&args, ctx, printer),
        Command::Generate(command) => generate::run(command, ctx, printer),
        Command::Fix(args) => Box::pin(fix::run(args, ctx, printer)).await,
        Command::Explain(args) => explain::run(args, ctx, printer),
        Command::Completions(args) => completions::run(args, printer),
        Command::GenerateDocs(args) => generate_docs::run(args, ctx),
    }
}
