//! `mailaudit verify FILE`: why a received message passed or failed SPF, DKIM and DMARC
//! (RFC 7208, RFC 6376, RFC 9989), and whether its ARC chain holds (RFC 8617; it does not change
//! the exit status), with the result as an Authentication-Results field (RFC 8601). Exits 0 when DMARC passes or no policy applies, 1 when it fails (or the message
//! has no single author), 2 when the message cannot be read or DMARC could not be looked up.

use crate::cli::VerifyArgs;
use crate::context::Ctx;
use crate::dmarc::verdict::DmarcResult;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::message::Message;
use crate::message::authenticate::{Envelope, authenticate, dmarc_failed};
use crate::render::Printer;
use crate::spf::eval::EvalOptions;

use super::message_input;

pub async fn run(
    args: VerifyArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let (bytes, from) = message_input::read(&args.message)?;
    let message = Message::parse(&bytes).map_err(|source| Error::Message { from, source })?;
    let dns = ctx.dns()?;
    let envelope = Envelope {
        ip: args.ip,
        mail_from: args.mail_from,
        helo: args.helo,
        trusted_hosts: args.trusted_hosts,
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let options = EvalOptions {
        budget: ctx.config.budget,
        ..EvalOptions::default()
    };
    let report = authenticate(&dns, &message, &envelope, now, options).await;
    printer.record(&report)?;
    let mut status = ExitStatus::new(None);
    if report
        .dmarc
        .as_ref()
        .is_some_and(|d| d.result == DmarcResult::TempError)
    {
        status.mark_incomplete();
    } else if dmarc_failed(&report) {
        status.mark_failed();
    }
    Ok(status)
}
