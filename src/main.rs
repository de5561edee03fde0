//! The `mailaudit` binary: parse arguments, run with stdout as the output, exit with its status.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = mailaudit::cli::Cli::parse();
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match mailaudit::run(cli, stdout) {
        Ok(status) => ExitCode::from(status.code()),
        Err(e) => {
            let message = mailaudit::sanitize::escape(&e.to_string());
            // Nothing more can be done when stderr is closed too.
            let _ = writeln!(std::io::stderr(), "mailaudit: {message}");
            ExitCode::from(mailaudit::exit::EXIT_FAILURE)
        }
    }
}
