//! `mailaudit dkim status`: per domain in the rotation state, what is due (RFC 6376 §3.1
//! rotation). Built for cron: with `-q` it prints nothing when nothing is due; it exits 1 when
//! something is due, 0 when not, 2 when the state cannot be read or DNS cannot be asked.

use std::collections::HashMap;

use crate::cli::DkimStatusArgs;
use crate::date::Date;
use crate::dkim::key::public_half_of_pem;
use crate::dkim::rotate::plan::rotation_due;
use crate::dkim::rotate::state::default_path;
use crate::dkim::rotate::{
    DomainState, DomainStatus, DueKind, KeyStatus, KeyView, Observation, RotationState,
    StatusReport, due,
};
use crate::dkim::verify::published;
use crate::dns::Dns;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;

use super::key_files::read_key;
use crate::context::Ctx;

pub async fn run(
    args: DkimStatusArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let path = match &args.state.state {
        Some(path) => path.clone(),
        None => default_path()?,
    };
    let state = RotationState::load(&path)?.ok_or_else(|| {
        Error::Usage(format!(
            "no rotation state at {}: run `dkim rotate --domain DOMAIN` to start one",
            crate::sanitize::escape(&path.display().to_string())
        ))
    })?;
    let wanted = args
        .domain
        .iter()
        .map(|d| crate::dns::name::normalize_domain(d))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(unknown) = wanted.iter().find(|d| !state.domains.contains_key(*d)) {
        return Err(Error::Usage(format!(
            "{unknown} is not in the rotation state {}: run `dkim rotate --domain {unknown}` to \
             start its rotation",
            crate::sanitize::escape(&path.display().to_string())
        )));
    }
    let now = args.state.now.unwrap_or_else(Date::today);
    let dns = ctx.dns()?;
    // Every domain's lookups at once; the report keeps the state's order.
    let domains = futures_util::future::join_all(
        state
            .domains
            .iter()
            .filter(|(domain, _)| wanted.is_empty() || wanted.contains(*domain))
            .map(|(domain, settings)| domain_status(&dns, domain, settings, now)),
    )
    .await;
    let count = domains.iter().map(|d| d.due.len()).sum();
    let report = StatusReport {
        state_file: path.display().to_string(),
        date: now,
        domains,
        due: count,
    };
    let mut status = ExitStatus::new(None);
    if report
        .domains
        .iter()
        .flat_map(|d| &d.due)
        .any(|d| d.kind == DueKind::CheckFailed)
    {
        status.mark_incomplete();
    } else if count > 0 {
        status.mark_failed();
    }
    if count > 0 || !ctx.config.quiet {
        printer.record(&report)?;
    }
    Ok(status)
}

async fn domain_status(dns: &Dns, domain: &str, settings: &DomainState, now: Date) -> DomainStatus {
    // Only keys whose record's state matters are looked up: pending (published yet?) and
    // revoked (still publishing a key?).
    let mut seen = HashMap::new();
    for key in &settings.keys {
        if !matches!(key.status(), KeyStatus::Pending | KeyStatus::Revoked) {
            continue;
        }
        let name = key.selector.record_name(domain);
        let expected = if key.status() == KeyStatus::Pending {
            match read_key(&key.file)
                .map_err(|e| e.to_string())
                .and_then(|t| public_half_of_pem(&t).map_err(|e| e.to_string()))
            {
                Ok(public) => Some(public),
                Err(why) => {
                    seen.insert(key.selector.clone(), Observation::KeyUnreadable(why));
                    continue;
                }
            }
        } else {
            None
        };
        let found = published(dns, &name, expected.as_ref()).await;
        seen.insert(key.selector.clone(), found.observation);
    }
    let unrecorded = unrecorded_key_files(domain, settings);
    let due_list = due(
        settings,
        now,
        |k| {
            seen.get(&k.selector)
                .cloned()
                .unwrap_or(Observation::Absent)
        },
        &unrecorded,
    );
    DomainStatus {
        domain: domain.to_string(),
        interval_days: settings.interval_days,
        overlap_days: settings.overlap_days,
        keys: settings.keys.iter().map(KeyView::from).collect(),
        next_rotation: settings
            .with_status(KeyStatus::Active)
            .map(|k| rotation_due(settings, k))
            .min(),
        due: due_list,
    }
}

/// Key files in the domain's key directory (`*.DOMAIN.pem`) that no key of the state names.
fn unrecorded_key_files(domain: &str, settings: &DomainState) -> Vec<String> {
    let suffix = format!(".{domain}.pem");
    let Ok(entries) = std::fs::read_dir(&settings.key_dir) else {
        return Vec::new();
    };
    let mut out: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(&suffix))
        })
        .filter(|p| !settings.keys.iter().any(|k| &k.file == p))
        .map(|p| p.display().to_string())
        .collect();
    out.sort();
    out
}
