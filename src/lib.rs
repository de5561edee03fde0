//! mailaudit: audits a domain's email authentication and explains what to fix.

pub mod catalog;
pub mod check;
pub mod cli;
pub mod clients;
pub mod commands;
pub mod config;
pub mod context;
pub mod date;
pub mod desired;
pub mod diff;
pub mod dkim;
pub mod dmarc;
pub mod dns;
pub mod dnssec;
pub mod docs;
mod error;
pub mod exit;
pub mod finding;
pub mod fix;
pub mod hex;
pub mod https;
pub mod message;
pub mod mx;
pub mod policy;
pub mod render;
pub mod sanitize;
pub mod saved;
pub mod smtp;
pub mod spf;
pub mod tags;
pub mod tls;
pub mod usage;

use std::io::Write;

pub use error::Error;
pub use exit::ExitStatus;

use cli::Cli;
use config::Config;
use context::Ctx;
use render::Printer;

/// Runs `cli`, writing its records to `out` as they are ready. An `Err` is a one-line message
/// for stderr and exit status 2. The config file's `[defaults]` apply only when `cli` comes from
/// [`Cli::parse_noting`], which knows the options the command line gave.
pub fn run(mut cli: Cli, out: impl Write) -> Result<ExitStatus, Error> {
    let config = Config::load(&mut cli.global)?;
    let mut printer = Printer::new(out, config.format, config.text_style());
    let ctx = Ctx::new(config);
    // Every core: a bulk `check` runs each domain as a task of its own.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Error::Runtime)?;
    let result = runtime.block_on(commands::run(cli.command, &ctx, &mut printer));
    // A read of standard input may still wait in the runtime's blocking pool (a list from a
    // producer that has not closed the pipe, when SIGTERM came): the run is over, so do not wait
    // for it.
    runtime.shutdown_background();
    result
}
