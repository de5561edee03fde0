//! Arguments of `check`: the whole-domain audit, for one domain or a list of thousands.

use std::path::PathBuf;

use clap::Args;

use crate::check::shard::ShardArg;
use crate::date::Date;

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("input").required(true).multiple(true))]
#[command(
    after_help = "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage \
    error or the run could not be completed. With --domains-file, a domain whose lookups failed \
    or timed out (its result says incomplete) and a line that is not a domain are data in their \
    results, never exit status 2: there 2 means the run itself could not go on (the list \
    unreadable, the output unwritable, interrupted), which is when a job engine should retry. \
    Job arrays pass --fail-on never, so findings do not fail the task. Domains given only on the \
    command line exit as every command does: an incomplete report is status 2.\n\n\
    --shard auto reads the index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job), \
    SLURM_ARRAY_TASK_ID less SLURM_ARRAY_TASK_MIN, over SLURM_ARRAY_TASK_STEP (Slurm job \
    array), AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch) or BATCH_TASK_INDEX (Google Cloud Batch), \
    and the count from SLURM_ARRAY_TASK_COUNT or BATCH_TASK_COUNT, else from --shards N; the \
    shard taken is said on stderr. With --output FILE --resume a retried task does only what \
    is left: nothing when FILE is there, else the domains FILE.partial has no result for."
)]
// Each flag is a switch of its own on the command line.
#[allow(clippy::struct_excessive_bools)]
pub struct CheckArgs {
    /// The domains to check
    #[arg(group = "input")]
    pub domains: Vec<String>,
    /// Also check the domains in this file, one per line (# comments and blank lines are
    /// skipped); - reads standard input. A domain whose lookups failed and a line that is not a
    /// domain are then data in their results, not a failed run (exit status 2 only when the run
    /// cannot go on)
    #[arg(long, value_name = "FILE", group = "input")]
    pub domains_file: Option<PathBuf>,
    /// Domains checked at once
    #[arg(long, value_name = "N", default_value_t = 16,
          value_parser = clap::value_parser!(u16).range(1..=4096))]
    pub jobs: u16,
    /// Check only entry I of every N (entries numbered from 0), to split a list across
    /// machines; auto takes I from the job engine's environment (Kubernetes, Slurm, AWS Batch,
    /// Google Cloud Batch) and N from it too or from --shards
    #[arg(long, value_name = "I/N|auto")]
    pub shard: Option<ShardArg>,
    /// The number of shards for --shard auto where the job engine does not say it (Kubernetes,
    /// AWS Batch); where it does, the two must agree
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub shards: Option<u64>,
    /// Write the results to FILE.partial, renamed to FILE once every domain has its result (an
    /// interrupted or failed run leaves FILE.partial, never FILE); nothing goes to stdout
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With --output and --format jsonl or csv: do nothing when FILE exists; else keep the whole
    /// results in FILE.partial, check only the domains it has none for, and finish FILE
    #[arg(long, requires = "output")]
    pub resume: bool,
    /// A DKIM selector to check (repeatable); without one, common selectors are tried
    #[arg(long = "selector", value_name = "SELECTOR")]
    pub selectors: Vec<String>,
    /// A DKIM rotation state file whose selectors are tried too (default: the user's, if any)
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// The BIMI selector
    #[arg(long, value_name = "SELECTOR", default_value = "default")]
    pub bimi_selector: String,
    /// The domains send no mail: they should publish "v=spf1 -all" and DMARC p=reject
    #[arg(long)]
    pub parked: bool,
    /// Do not connect to the MX hosts (outbound port 25 is often blocked from home and cloud
    /// networks); DNS only
    #[arg(long)]
    pub no_probe: bool,
    /// A port to probe on every MX address (repeatable; 465 speaks TLS first)
    #[arg(long, value_name = "PORT", default_value = "25",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub probe_port: Vec<u16>,
    /// Also check the endpoints users' mail programs reach: submission, IMAP and POP3 from
    /// the RFC 6186 SRV records, probed live
    #[arg(long)]
    pub clients: bool,
    /// Act as if today were DATE (YYYY-MM-DD) for the config file's [[ignore]] until dates,
    /// for planning and tests
    #[arg(long, value_name = "DATE", value_parser = str::parse::<Date>)]
    pub now: Option<Date>,
    /// Judge the probed certificates' expiry and DANE-TA chains as of DATE (YYYY-MM-DD,
    /// midnight UTC) instead of now
    #[arg(long, value_name = "DATE", value_parser = str::parse::<Date>)]
    pub at: Option<Date>,
}
