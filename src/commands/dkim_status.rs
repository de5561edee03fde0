//! `mailaudit dkim status`: per domain in the rotation state, what is due (RFC 6376 §3.1
//! rotation). Built for cron: with `-q` it prints nothing when nothing is due; it exits 1 when
//! something is due, 0 when not, 2 when the state cannot be read or DNS cannot be asked.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::cli::DkimStatusArgs;
use crate::date::Date;
use crate::dkim::key::public_half_of_pem;
use crate::dkim::rotate::plan::rotation_due;
use crate::dkim::rotate::state::default_path;
use crate::dkim::rotate::{
    DomainState, DomainStatus, DueKind, KeyStatus, KeyView, Observation, RotationState,
    StatusReport, Unrecorded, due, next_selector,
};
use crate::dkim::verify::published;
use crate::dkim::{KeyType, Selector};
use crate::dns::Dns;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;

use super::key_files::{file_names, read_key};
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
    let status = exit_status(&report);
    if count > 0 || !ctx.config.quiet {
        printer.record(&report)?;
    }
    Ok(status)
}

/// 2 when a DNS check failed, 1 when something is due (cron mails it), else 0.
fn exit_status(report: &StatusReport) -> ExitStatus {
    let mut status = ExitStatus::new(None);
    let checks_failed = report
        .domains
        .iter()
        .flat_map(|d| &d.due)
        .any(|d| d.kind == DueKind::CheckFailed);
    if checks_failed {
        status.mark_incomplete();
    } else if report.due > 0 {
        status.mark_failed();
    }
    status
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
    let unrecorded: Vec<Unrecorded> = unrecorded_key_files(domain, settings)
        .into_iter()
        .map(|file| Unrecorded {
            advice: advice(domain, settings, now, &file),
            file: file.display().to_string(),
        })
        .collect();
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
fn unrecorded_key_files(domain: &str, settings: &DomainState) -> Vec<PathBuf> {
    let suffix = format!(".{domain}.pem");
    let Ok(entries) = std::fs::read_dir(&settings.key_dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(&suffix))
        })
        .filter(|p| !settings.keys.iter().any(|k| &k.file == p))
        .collect();
    out.sort();
    out
}

/// What to do about the unrecorded key `file`, from what `dkim rotate` will do with it: it
/// takes up a usable key of the right algorithm at the name of the next key it makes (the
/// selector from the template today, or from `--selector`), refuses to make that key while
/// something else is there, and otherwise leaves the file alone.
fn advice(domain: &str, settings: &DomainState, now: Date, file: &Path) -> String {
    if let Some(pending) = settings.with_status(KeyStatus::Pending).next() {
        return format!(
            "`dkim rotate` leaves it alone while {} is pending; look at it again once that key \
             is active",
            pending.selector
        );
    }
    let several = settings.algorithms.len() > 1;
    // The algorithm whose next key `dkim rotate` would make at this very name.
    let next_here = settings.algorithms.iter().copied().find(|&algorithm| {
        next_selector(&settings.selector_template, now, algorithm, several)
            .is_ok_and(|s| file_names(&settings.key_dir, &s, domain).0 == file)
    });
    let blocks = if next_here.is_some() {
        ", and refuses to make the next key while it is there"
    } else {
        ""
    };
    let public = read_key(file)
        .map_err(|e| e.to_string())
        .and_then(|t| public_half_of_pem(&t).map_err(|e| e.to_string()));
    let held = match public {
        Err(why) => {
            return format!(
                "it is not a usable key ({why}): `dkim rotate` cannot take it up{blocks}; move \
                 it out of the key directory"
            );
        }
        Ok(public) => public.key_type(),
    };
    match next_here {
        Some(algorithm) if algorithm == held => {
            return format!("run `dkim rotate --domain {domain}` to take it up");
        }
        Some(algorithm) => {
            return format!(
                "it holds an {held} key where the next {algorithm} key goes: `dkim rotate` \
                 refuses to make that key while it is there; move it out of the key directory"
            );
        }
        None if !settings.algorithms.contains(&held) => {
            return format!(
                "it holds an {held} key, which the domain does not rotate: `dkim rotate` leaves \
                 it alone; move it out of the key directory"
            );
        }
        None => {}
    }
    match selector_taking_up(domain, settings, file, held) {
        Some(selector) => format!(
            "`dkim rotate` makes the next key under another name and leaves this one alone; run \
             `dkim rotate --domain {domain} --selector {selector}` to take it up instead, or move \
             it out of the key directory"
        ),
        None => "`dkim rotate` leaves it alone (no --selector gives its name); move it out of \
                 the key directory"
            .into(),
    }
}

/// The `--selector` with which `dkim rotate` makes its key of `algorithm` at `file`: the name
/// less `.DOMAIN.pem`, and less `-ALGORITHM` when the domain rotates several algorithms.
fn selector_taking_up(
    domain: &str,
    settings: &DomainState,
    file: &Path,
    algorithm: KeyType,
) -> Option<Selector> {
    let name = file.file_name()?.to_str()?;
    let mut stem = name.strip_suffix(&format!(".{domain}.pem"))?;
    if settings.algorithms.len() > 1 {
        stem = stem.strip_suffix(&format!("-{algorithm}"))?;
    }
    let selector = Selector::new(stem).ok()?;
    let used = settings.keys.iter().any(|k| {
        k.selector == selector
            || settings.algorithms.len() > 1
                && k.selector.as_str() == format!("{stem}-{}", k.algorithm)
    });
    (!used).then_some(selector)
}
