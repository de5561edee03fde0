//! `mailaudit report RESULTS... [--output FILE] [--baseline OLD]`: reads saved runs of `check`
//! as they stream, has the HTML renderer make the page, and writes it. The domains' rows and
//! sections wait in two files beside the output (or in the temporary directory) until the
//! summary that goes before them is known; the page is made whole in FILE.partial and renamed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader, BufWriter, Seek, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use crate::cli::ReportArgs;
use crate::context::Ctx;
use crate::date::Date;
use crate::diff::compare::compare;
use crate::diff::read::{Limits, Run, read_run};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;
use crate::render::html::{Options, Report};
use crate::sanitize::escape;
use crate::saved::{self, Item};

pub fn run(args: &ReportArgs, ctx: &Ctx, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    let sources: Vec<String> = args.results.iter().map(|p| label(p)).collect();
    if args.results.iter().filter(|p| is_stdin(p)).count() > 1 {
        return Err(Error::Usage(
            "standard input (-) can be read only once".into(),
        ));
    }
    let options = Options {
        today: args.now.unwrap_or_else(Date::today),
        sources: sources.iter().map(|s| escape(s)).collect(),
        max_domains: args.max_domains,
    };
    let baseline = match &args.baseline {
        Some(path) => Some(read_baseline(path)?),
        None => None,
    };
    let spill = Spill::create(args.output.as_deref());
    let mut report = Report::new(options, spill.writer(0)?, spill.writer(1)?);
    let mut current = baseline.as_ref().map(|_| Run::default());
    for (path, label) in args.results.iter().zip(&sources) {
        read_one(path, label, &mut report, current.as_mut())?;
    }
    if report.domains() == 0 {
        warn(&sources.join(", "), "no results of `check` were read");
    }
    let changes = baseline.zip(current).map(|(old, new)| {
        let old_label = args.baseline.as_deref().map(label).unwrap_or_default();
        compare(old, new, &old_label, &sources.join(", "))
    });
    let (page, rows, sections) = report.finish().map_err(|e| spill.error(e))?;
    let mut rows = spill.reader(rows)?;
    let mut sections = spill.reader(sections)?;
    let mut write =
        |out: &mut dyn Write| page.write(out, &mut rows, &mut sections, changes.as_ref());
    match &args.output {
        Some(path) => write_file(path, write)?,
        None => printer.stream(|out| write(&mut BufWriter::new(out)))?,
    }
    Ok(ctx.config.exit_status())
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn label(path: &Path) -> String {
    if is_stdin(path) {
        "standard input".into()
    } else {
        path.display().to_string()
    }
}

/// Streams one input into the report (and into the run compared with the baseline).
fn read_one(
    path: &Path,
    label: &str,
    report: &mut Report<BufWriter<File>>,
    mut current: Option<&mut Run>,
) -> Result<(), Error> {
    let input_error = |source| Error::Input {
        path: escape(label),
        source,
    };
    let mut reader: Box<dyn io::BufRead> = if is_stdin(path) {
        Box::new(io::stdin().lock())
    } else {
        Box::new(BufReader::new(File::open(path).map_err(input_error)?))
    };
    let mut failed = None;
    saved::read(&mut reader, Limits::default().file, &mut |item| {
        let where_ = |line: Option<u64>| match line {
            Some(n) => format!("{label} line {n}"),
            None => label.to_string(),
        };
        match item {
            Item::Value { value, line } => {
                if let Err(e) = report.add(&value, &where_(line)) {
                    failed = Some(e);
                    return ControlFlow::Break(());
                }
                if let Some(run) = current.as_deref_mut() {
                    run.take(Item::Value { value, line }, label, Limits::default());
                }
            }
            Item::Skipped { line, message } => {
                warn(&where_(line), &message);
                report.skip(&where_(line), &message);
            }
        }
        ControlFlow::Continue(())
    })
    .map_err(input_error)?;
    match failed {
        Some(e) => Err(output_error(Path::new("a temporary file"), e)),
        None => Ok(()),
    }
}

fn warn(where_: &str, message: &str) {
    // Nothing more can be done when stderr is closed.
    let _ = writeln!(
        io::stderr().lock(),
        "mailaudit: {}: {}",
        escape(where_),
        escape(message)
    );
}

fn read_baseline(path: &Path) -> Result<Run, Error> {
    let label = label(path);
    let run = read_run(path, &label, Limits::default()).map_err(|source| Error::Input {
        path: escape(&label),
        source,
    })?;
    for notice in &run.notices {
        let at = notice
            .line
            .map(|n| format!(" line {n}"))
            .unwrap_or_default();
        warn(&format!("{}{at}", notice.file), &notice.message);
    }
    Ok(run)
}

fn output_error(path: &Path, source: io::Error) -> Error {
    Error::WriteFile {
        path: escape(&path.display().to_string()),
        source,
    }
}

/// Writes the page to FILE.partial, flushed to disk, then renames it to FILE: a FILE is whole.
fn write_file(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let result = (|| {
        let mut out = BufWriter::new(File::create(&partial)?);
        write(&mut out)?;
        out.into_inner()
            .map_err(io::IntoInnerError::into_error)?
            .sync_all()?;
        fs::rename(&partial, path)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&partial);
        output_error(path, e)
    })
}

/// The two files the rows and the sections wait in; removed when done, whatever happened.
struct Spill {
    paths: [PathBuf; 2],
}

impl Spill {
    fn create(output: Option<&Path>) -> Self {
        let dir = output
            .and_then(Path::parent)
            .filter(|d| !d.as_os_str().is_empty())
            .map_or_else(std::env::temp_dir, Path::to_path_buf);
        let stem = format!(".mailaudit-report-{}", std::process::id());
        Self {
            paths: [
                dir.join(format!("{stem}.rows")),
                dir.join(format!("{stem}.sections")),
            ],
        }
    }

    /// Opens spill file `i` for writing; a file already there is never overwritten.
    fn writer(&self, i: usize) -> Result<BufWriter<File>, Error> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&self.paths[i])
            .map_err(|e| self.error(e))?;
        Ok(BufWriter::new(file))
    }

    /// The spilled text, from its start.
    fn reader(&self, writer: BufWriter<File>) -> Result<BufReader<File>, Error> {
        let mut file = writer
            .into_inner()
            .map_err(|e| self.error(e.into_error()))?;
        file.rewind().map_err(|e| self.error(e))?;
        Ok(BufReader::new(file))
    }

    fn error(&self, e: io::Error) -> Error {
        output_error(&self.paths[0], e)
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        for path in &self.paths {
            let _ = fs::remove_file(path);
        }
    }
}
