//! The `mailaudit` binary: parse arguments, run with stdout as the output, exit with its status.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    // A usage error quotes the rejected argument: `usage::exit` escapes it.
    let cli = mailaudit::cli::Cli::parse_noting(std::env::args_os())
        .unwrap_or_else(|e| mailaudit::usage::exit(e));
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
