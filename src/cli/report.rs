//! Arguments of `mailaudit report`: saved runs of `check` made into one HTML page.

use std::path::PathBuf;

use clap::Args;

use crate::date::Date;

#[derive(Debug, Args)]
#[command(
    after_help = "The results are outputs of `mailaudit check --format jsonl` (or json); \
    JSON Lines are read a line at a time, so a million-domain file need not fit in memory. The \
    page is one file (inline CSS, SVG charts and a small script, nothing fetched) whatever \
    --format says. One domain gets its scorecard as a page; several get a summary, a sortable \
    table and a section each. Exit status: 0 written, 2 an input or the output cannot be used."
)]
pub struct ReportArgs {
    /// Saved results of `check` (`--format jsonl` or json); `-` reads standard input
    #[arg(required = true, value_name = "RESULTS")]
    pub results: Vec<PathBuf>,
    /// Write the page to FILE (made whole beside it, then renamed into place); without it, to
    /// standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// An earlier run's results: the page gets a "What changed" section, as `diff` sees it
    #[arg(long, value_name = "OLD")]
    pub baseline: Option<PathBuf>,
    /// List at most N domains in the table and sections of a page of many: those with the most
    /// errors, then warnings (the summary counts every one); 0 lists them all
    #[arg(long, value_name = "N", default_value_t = 5_000)]
    pub max_domains: usize,
    /// Count days to certificate expiry from DATE (YYYY-MM-DD) instead of today
    #[arg(long, value_name = "DATE", value_parser = str::parse::<Date>)]
    pub now: Option<Date>,
}
