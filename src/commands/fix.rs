//! `mailaudit fix DOMAIN`: the domain looked up as `check --no-probe` does, then the changes
//! that clear its findings (`fix::plan`), printed as zone-file lines (or the `changes` JSON);
//! `--out DIR` also writes the files to serve. Nothing is changed anywhere. Exit 0 when there is
//! nothing to do, 1 when changes or manual work are proposed, 2 when the lookups fell short.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::SystemTime;

use crate::check::CheckReport;
use crate::check::{CheckSettings, check_domain};
use crate::cli::FixArgs;
use crate::context::Ctx;
use crate::date::Date;
use crate::dkim::discover::builtin_selectors;
use crate::dns::{Dns, Txt};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::fix::generate::fresh_id;
use crate::fix::plan::{FixIntent, plan, spf_merged_record, spf_needs_networks};
use crate::fix::split_txt;
use crate::render::Printer;
use crate::spf::audit::audit_record;
use crate::spf::networks::{self, SpfNetworks};
use std::time::Duration;

use super::change_files;
use super::selectors;

pub async fn run(args: FixArgs, ctx: &Ctx, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let settings = settings(&args, ctx)?;
    let dns = ctx.dns()?;
    let report = Box::pin(check_domain(&dns, &domain, &settings)).await;
    let mut intent = FixIntent {
        rua: args.rua,
        parked: args.parked,
        softfail: args.softfail,
        include: args.include,
        ip4: args.ip4,
        ip6: args.ip6,
        ttl: args.ttl,
        mta_sts_id: fresh_id(SystemTime::now()),
        keep: args.keep,
        spf_networks: SpfNetworks::default(),
        spf_merged: None,
    };
    spf_lookups(&dns, &report, &mut intent, settings.budget).await;
    let changes = plan(&report, &intent);
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

/// What the SPF planner needs beyond the report, looked up now so it stays pure: the audit of
/// the record several SPF records merge into, and what the tree's a/mx/ptr terms stand for.
async fn spf_lookups(dns: &Dns, report: &CheckReport, intent: &mut FixIntent, budget: Duration) {
    if let (Some(text), Some(spf)) = (spf_merged_record(report, intent), &report.spf) {
        let txt = Txt {
            strings: split_txt(text.as_bytes()),
        };
        let mut merged = audit_record(dns, &report.domain, txt, budget).await;
        merged.published.clone_from(&spf.published);
        intent.spf_merged = Some(merged);
    }
    let audited = intent.spf_merged.as_ref().or(report.spf.as_ref());
    let needed = audited.filter(|s| spf_needs_networks(s));
    if let Some(tree) = needed.and_then(|s| s.tree.as_ref()) {
        intent.spf_networks = networks::lookup(dns, &report.domain, tree, budget).await;
    }
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
