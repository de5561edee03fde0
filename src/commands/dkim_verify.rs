//! `mailaudit dkim verify-published`: is the key published at a selector the public half of a
//! private key file? Exit 0 on a match, 1 on a mismatch or no record (RFC 6376 §3.6.2.2).

use crate::cli::DkimVerifyArgs;
use crate::dkim::VerifyReport;
use crate::dkim::key::public_half_of_pem;
use crate::dkim::verify::published;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;

use super::key_files::read_key;
use crate::context::Ctx;

pub async fn run(
    args: DkimVerifyArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let public = public_half_of_pem(&read_key(&args.key)?)?;
    let name = args.selector.record_name(&domain);
    let dns = ctx.dns()?;
    let found = published(&dns, &name, Some(&public)).await;
    let matches = found.observation == crate::dkim::rotate::Observation::Matches;
    let failed = matches!(
        found.observation,
        crate::dkim::rotate::Observation::Failed(_)
    );
    let report = VerifyReport {
        domain,
        selector: args.selector.to_string(),
        reason: found.reason(&name),
        name,
        key_file: args.key.display().to_string(),
        algorithm: public.key_type(),
        bits: public.bits(),
        published: found.record,
        matches,
    };
    printer.record(&report)?;
    let mut status = ExitStatus::new(None);
    if failed {
        status.mark_incomplete();
    } else if !matches {
        status.mark_failed();
    }
    Ok(status)
}
