//! `mailaudit spf eval`: RFC 7208 check_host() for a client IP, as a receiver evaluates it.

use crate::cli::SpfEvalArgs;
use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;
use crate::render::text::EvaluationFor;
use crate::spf::eval::{EvalOptions, EvalRequest, check_host_with};

/// Exits 0 whatever the SPF result, since the evaluation itself succeeded.
pub async fn run(
    args: SpfEvalArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    if args.mail_from.as_deref() == Some("") && args.helo.is_none() {
        return Err(Error::Usage(
            "the null sender (--mail-from \"\") is checked as postmaster@HELO: give --helo".into(),
        ));
    }
    let dns = ctx.dns()?;
    let request = EvalRequest {
        ip: args.ip,
        mail_from: args.mail_from,
        helo: args.helo,
        receiver: args.receiver,
        now: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    };
    let options = EvalOptions {
        budget: ctx.config.budget,
        ..EvalOptions::default()
    };
    let mut evaluation = check_host_with(&dns, &request, options).await;
    if !args.trace {
        evaluation.trace.clear();
    }
    printer.record(&EvaluationFor {
        evaluation: &evaluation,
        ip: args.ip,
    })?;
    Ok(ExitStatus::new(None))
}
