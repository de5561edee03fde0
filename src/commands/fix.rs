//! `mailaudit fix DOMAIN`: the domain looked up as `check --no-probe` does, then the changes
//! that clear its findings (`fix::plan`), printed as zone-file lines (or the `changes` JSON);
//! `--out DIR` also writes the files to serve. Nothing is changed anywhere. Exit 0 when there is
//! nothing to do, 1 when changes or manual work are proposed, 2 when the lookups fell short.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::SystemTime;

use crate::check::{CheckSettings, check_domain};
use crate::cli::FixArgs;
use crate::context::Ctx;
use crate::date::Date;
use crate::dkim::discover::builtin_selectors;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::fix::generate::fresh_id;
use crate::fix::plan::{FixIntent, plan};
use crate::render::Printer;
use crate::spf::networks::{self, SpfNetworks};

use super::change_files;
use super::selectors;

pub async fn run(args: FixArgs, ctx: &Ctx, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let settings = settings(&args, ctx)?;
    let dns = ctx.dns()?;
    let report = Box::pin(check_domain(&dns, &domain, &settings)).await;
    // What a/mx/ptr terms stand for, looked up now so the planner stays pure.
    let spf_networks = match report.spf.as_ref().and_then(|s| s.tree.as_ref()) {
        Some(tree) => networks::lookup(&dns, &domain, tree, settings.budget).await,
        None => SpfNetworks::default(),
    };
    let changes = plan(
        &report,
        &FixIntent {
            rua: args.rua,
            parked: args.parked,
            softfail: args.softfail,
            include: args.include,
            ip4: args.ip4,
            ip6: args.ip6,
            ttl: args.ttl,
            mta_sts_id: fresh_id(SystemTime::now()),
            keep: args.keep,
            spf_networks,
        },
    );
    if let Some(dir) = &args.out {
        change_files::write_new(dir, &changes.files)?;
    }
    printer.record(&changes)?;
    let mut status = ExitStatus::new(None);
    if !changes.changes.is_empty() || !changes.manual.is_empty() {
        status.mark_failed();
    }
    if report.incomplete {
        // Findings not seen cannot be fixed: the changes may not be all there is to do.
        status.mark_incomplete();
    }
    Ok(status)
}

/// What `check --no-probe` looks at: the DNS areas and the MTA-STS policy, with the given
/// selectors or the ones discovery tries.
fn settings(args: &FixArgs, ctx: &Ctx) -> Result<CheckSettings, Error> {
    let dkim_selectors = selectors::parse(&args.selectors)?;
    let dkim_candidates = if dkim_selectors.is_empty() {
        builtin_selectors(Date::today())
    } else {
        Vec::new()
    };
    Ok(CheckSettings {
        budget: ctx.config.budget,
        dkim_selectors,
        dkim_candidates,
        bimi_selector: "default".into(),
        mta_sts: ctx.fetch_settings()?,
        parked: args.parked,
        probe: None,
        clients: None,
        per_domain: Arc::new(BTreeMap::new()),
    })
}
