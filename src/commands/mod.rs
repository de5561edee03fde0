//! One file per subcommand. Each has one entry point,
//! `run(args, &Ctx, &mut Printer) -> Result<ExitStatus, Error>`: it asks the protocol modules,
//! hands their reports to the printer as they are ready, and says how the run exits.

mod bimi;
mod completions;
mod dmarc;
mod explain;
mod generate_docs;
mod lint_bimi;
mod lint_dmarc;
mod lint_spf;
mod record_input;
mod spf;
mod spf_eval;

use std::sync::OnceLock;

use crate::cli::{Command, LintCommand, SpfCommand};
use crate::config::Config;
use crate::dns::Dns;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;

/// What every command shares: the settings and the run's one resolver, built when first asked
/// for (commands that need no DNS never read resolver configuration or zone files).
pub struct Ctx {
    pub config: Config,
    dns: OnceLock<Dns>,
}

impl Ctx {
    pub fn new(config: Config) -> Self {
        Self {
            config,
            dns: OnceLock::new(),
        }
    }

    /// The run's resolver. Must be called inside the tokio runtime.
    pub fn dns(&self) -> Result<Dns, Error> {
        if let Some(dns) = self.dns.get() {
            return Ok(dns.clone());
        }
        let dns = self.config.resolver()?;
        Ok(self.dns.get_or_init(|| dns).clone())
    }
}

/// Runs one command.
pub async fn run(
    command: Command,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    match command {
        Command::Spf(args) => match (args.command, args.domain) {
            (Some(SpfCommand::Eval(args)), _) => spf_eval::run(args, ctx, printer).await,
            (None, Some(domain)) => spf::run(&domain, ctx, printer).await,
            (None, None) => Err(Error::Usage("spf needs a DOMAIN (or `spf eval`)".into())),
        },
        Command::Dmarc(args) => dmarc::run(args, ctx, printer).await,
        Command::Bimi(args) => bimi::run(args, ctx, printer).await,
        Command::Lint(LintCommand::Spf(args)) => lint_spf::run(args, ctx, printer).await,
        Command::Lint(LintCommand::Dmarc(args)) => lint_dmarc::run(args, ctx, printer),
        Command::Lint(LintCommand::Bimi(args)) => lint_bimi::run(args, ctx, printer),
        Command::Explain(args) => explain::run(args, ctx, printer),
        Command::Completions(args) => completions::run(args, printer),
        Command::GenerateDocs(args) => generate_docs::run(args, ctx),
    }
}
