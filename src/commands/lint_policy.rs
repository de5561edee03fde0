//! `mailaudit lint mta-sts RECORD`, `lint mta-sts-policy FILE` and `lint tlsrpt RECORD`: MTA-STS
//! (RFC 8461) and TLS-RPT (RFC 8460) records and policy files checked before they are published.

use std::io::Read;
use std::path::Path;

use crate::cli::{LintMtaStsArgs, LintMtaStsPolicyArgs, LintTlsRptArgs};
use crate::context::Ctx;
use crate::dns::Txt;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::finding::Finding;
use crate::policy::mta_sts::{self, MAX_POLICY_BYTES};
use crate::policy::tls_rpt;
use crate::render::Printer;

pub fn record(
    args: LintMtaStsArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let report = mta_sts::lint_record(&Txt::from_typed(&args.record)?);
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}

pub fn tlsrpt(
    args: LintTlsRptArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let report = tls_rpt::lint_text(&Txt::from_typed(&args.record)?);
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}

/// Reads at most one byte more than a sender would, so a larger file is reported, not read.
pub fn policy(
    args: LintMtaStsPolicyArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let source = args.file.to_string_lossy().into_owned();
    let mut body = read_bounded(&args.file).map_err(|e| Error::Input {
        path: source.clone(),
        source: e,
    })?;
    let too_large = body.len() > MAX_POLICY_BYTES;
    body.truncate(MAX_POLICY_BYTES);
    let mut report = mta_sts::lint_policy(&source, &body);
    if too_large {
        report.findings.insert(
            0,
            Finding::new(
                mta_sts::codes::POLICY_TOO_LARGE,
                &source,
                format!("{source} is larger than {MAX_POLICY_BYTES} bytes; only those were read"),
            ),
        );
    }
    let mut status = ctx.config.exit_status();
    status.add(&report);
    printer.record(&report)?;
    Ok(status)
}

fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    let limit = MAX_POLICY_BYTES as u64 + 1;
    let mut body = Vec::new();
    if path == Path::new("-") {
        std::io::stdin().lock().take(limit).read_to_end(&mut body)?;
    } else {
        std::fs::File::open(path)?
            .take(limit)
            .read_to_end(&mut body)?;
    }
    Ok(body)
}
