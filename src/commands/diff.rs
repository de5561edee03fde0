//! `mailaudit diff OLD NEW`: reads two saved runs of `check`, compares them and writes the one
//! report; each notice about a file (a line that is not a result) also goes to stderr.

use std::io::Write;
use std::path::Path;

use crate::cli::DiffArgs;
use crate::context::Ctx;
use crate::diff::compare::compare;
use crate::diff::read::{Limits, Run, read_run};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;
use crate::sanitize::escape;

pub fn run(args: &DiffArgs, ctx: &Ctx, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    let old_label = args.old.display().to_string();
    let new_label = args.new.display().to_string();
    let old = read(&args.old, &old_label)?;
    let new = read(&args.new, &new_label)?;
    let report = compare(old, new, &old_label, &new_label);
    for notice in &report.notices {
        let at = notice
            .line
            .map(|n| format!(" line {n}"))
            .unwrap_or_default();
        // Nothing more can be done when stderr is closed.
        let _ = writeln!(
            std::io::stderr().lock(),
            "mailaudit: {}{at}: {}",
            escape(&notice.file),
            escape(&notice.message)
        );
    }
    printer.record(&report)?;
    let mut status = ctx.config.exit_status();
    status.add_worst(report.worst_new());
    Ok(status)
}

fn read(path: &Path, label: &str) -> Result<Run, Error> {
    read_run(path, label, Limits::default()).map_err(|source| Error::Input {
        path: label.to_string(),
        source,
    })
}
