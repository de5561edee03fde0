//! The `mailaudit` binary: parse arguments, run, write the output, exit with its status.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = mailaudit::cli::Cli::parse();
    match mailaudit::run(cli) {
        Ok(outcome) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(outcome.stdout.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`mailaudit ... | head`) is not an error worth a message.
                Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::from(outcome.status),
                Err(e) => {
                    eprintln!("mailaudit: cannot write output: {e}");
                    ExitCode::from(mailaudit::run::EXIT_FAILURE)
                }
                Ok(()) => ExitCode::from(outcome.status),
            }
        }
        Err(message) => {
            eprintln!("mailaudit: {message}");
            ExitCode::from(mailaudit::run::EXIT_FAILURE)
        }
    }
}
