//! `mailaudit generate spf|dmarc|mta-sts|tlsrpt|bimi|parked`: records built from intent by
//! `fix::generate`, printed as zone-file lines (or the `changes` JSON); `mta-sts --out DIR` also
//! writes the policy file.

use std::time::SystemTime;

use crate::cli::GenerateCommand;
use crate::context::Ctx;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::fix::Changes;
use crate::fix::generate::{
    self, BimiIntent, DmarcIntent, MtaStsIntent, ParkedIntent, SpfIntent, TlsRptIntent,
};
use crate::render::Printer;

use super::change_files;

pub fn run(
    command: GenerateCommand,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let changes = build(command)?;
    printer.record(&changes)?;
    Ok(ctx.config.exit_status())
}

fn build(command: GenerateCommand) -> Result<Changes, Error> {
    Ok(match command {
        GenerateCommand::Spf(a) => generate::spf(&SpfIntent {
            domain: a.target.domain,
            mx: a.mx,
            a: a.a,
            include: a.include,
            ip4: a.ip4,
            ip6: a.ip6,
            all: a.all.into(),
            ttl: a.target.ttl,
        })?,
        GenerateCommand::Dmarc(a) => generate::dmarc(&DmarcIntent {
            domain: a.target.domain,
            policy: a.policy.into(),
            rua: a.rua,
            ruf: a.ruf,
            sp: a.sp.map(Into::into),
            np: a.np.map(Into::into),
            adkim: a.adkim.map(Into::into),
            aspf: a.aspf.map(Into::into),
            testing: a.testing,
            ttl: a.target.ttl,
        })?,
        GenerateCommand::MtaSts(a) => {
            let changes = generate::mta_sts(&MtaStsIntent {
                domain: a.target.domain,
                mode: a.mode.into(),
                mx: a.mx,
                max_age: a.max_age,
                id: a
                    .id
                    .unwrap_or_else(|| generate::fresh_id(SystemTime::now())),
                ttl: a.target.ttl,
            })?;
            if let Some(dir) = &a.out {
                change_files::write_new(dir, &changes.files)?;
            }
            changes
        }
        GenerateCommand::Tlsrpt(a) => generate::tls_rpt(&TlsRptIntent {
            domain: a.target.domain,
            rua: a.rua,
            ttl: a.target.ttl,
        })?,
        GenerateCommand::Bimi(a) => generate::bimi(&BimiIntent {
            domain: a.target.domain,
            logo: a.logo,
            authority: a.authority,
            selector: a.selector,
            ttl: a.target.ttl,
        })?,
        GenerateCommand::Parked(a) => generate::parked(&ParkedIntent {
            domain: a.target.domain,
            rua: a.rua,
            ttl: a.target.ttl,
        })?,
    })
}
