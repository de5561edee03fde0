//! The DNS-checked steps of `dkim rotate` (RFC 6376 §3.1, §3.6.1): `--activate` marks pending
//! keys active only once DNS serves their records, matching their key files, and tells what to
//! change in the signer (then runs `--exec`); `--revoke` marks retiring keys past their overlap
//! revoked only once DNS serves their empty records.

use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::cli::DkimRotateArgs;
use crate::dkim::key::public_half_of_pem;
use crate::dkim::keygen::{TxtRecord, revocation_value};
use crate::dkim::rotate::plan::revocation_due;
use crate::dkim::rotate::{
    DomainState, ExecRecord, KeyEntry, KeyStatus, Observation, RotateReport, RotatedKey,
    SignerChange, Step,
};
use crate::dkim::verify::published;
use crate::error::Error;
use crate::exit::ExitStatus;

use super::dkim_rotate::{Rotation, shown_key};
use super::key_files::read_key;
use crate::context::Ctx;

/// `--activate`.
pub async fn activate(
    rotation: &mut Rotation,
    args: &DkimRotateArgs,
    ctx: &Ctx,
) -> Result<(RotateReport, ExitStatus), Error> {
    let pending: Vec<KeyEntry> = rotation
        .settings()
        .with_status(KeyStatus::Pending)
        .cloned()
        .collect();
    if pending.is_empty() {
        return Err(Error::Usage(format!(
            "{} has no pending key to activate; run `dkim rotate --domain {}` first",
            rotation.domain, rotation.domain
        )));
    }
    let dns = ctx.dns()?;
    let mut report = rotation.report(Step::Activate, false);
    let mut all_match = true;
    let mut failed = false;
    for key in &pending {
        let mut shown = shown_key(rotation, key)?;
        let public = public_half_of_pem(&read_key(&key.file)?)?;
        let name = key.selector.record_name(&rotation.domain);
        let found = published(&dns, &name, Some(&public)).await;
        all_match &= found.observation == Observation::Matches;
        failed |= matches!(found.observation, Observation::Failed(_));
        shown.dns = Some(found.reason(&name));
        report.keys.push(shown);
    }
    let mut status = ExitStatus::new(None);
    if !all_match {
        report.next.push("not activated: publish the record(s) above and run `--activate` again once DNS serves them (mind the TTL of a negative answer)".into());
        if failed {
            status.mark_incomplete();
        } else {
            status.mark_failed();
        }
        return Ok((report, status));
    }
    activated(rotation, &pending, &mut report)?;
    if let Some(command) = &args.exec {
        let exec = run_exec(
            rotation,
            command,
            &pending,
            Duration::from_secs(args.exec_timeout),
        )?;
        if !exec.ok {
            report.next.push(format!(
                "`{command}` failed ({}): change the signer by hand",
                exec.outcome
            ));
            status.mark_failed();
        }
        report.exec = Some(exec);
    }
    Ok((report, status))
}

/// Records the activation of `pending` (every record served) and tells how to switch the
/// signer.
fn activated(
    rotation: &mut Rotation,
    pending: &[KeyEntry],
    report: &mut RotateReport,
) -> Result<(), Error> {
    record_activation(rotation, pending);
    rotation.save()?;
    report.done = true;
    for key in &mut report.keys {
        key.status = KeyStatus::Active;
    }
    let keys: Vec<(&str, &str)> = report
        .keys
        .iter()
        .map(|k| (k.selector.as_str(), k.file.as_str()))
        .collect();
    report.signer = Some(SignerChange::new(&rotation.domain, &keys));
    report.next.push(format!(
        "switch the signer to the new selector(s) now; the replaced key(s) stay published for {} \
         days, then run `dkim rotate --domain {} --revoke`",
        rotation.settings().overlap_days,
        rotation.domain
    ));
    Ok(())
}

/// Pending keys become active; the active keys of the same algorithms start retiring.
fn record_activation(rotation: &mut Rotation, pending: &[KeyEntry]) {
    let now = rotation.now;
    for key in &mut rotation.settings_mut().keys {
        match key.status() {
            KeyStatus::Pending if pending.iter().any(|p| p.selector == key.selector) => {
                key.published.get_or_insert(now);
                key.activated = Some(now);
            }
            KeyStatus::Active if pending.iter().any(|p| p.algorithm == key.algorithm) => {
                key.retiring = Some(now);
            }
            _ => {}
        }
    }
}

/// Runs `command` through `sh -c` with a time limit. Its output goes to stderr, so that it never
/// mixes with the report. The state records that it started before it runs, so an interruption
/// during it is visible to `dkim status`.
fn run_exec(
    rotation: &mut Rotation,
    command: &str,
    keys: &[KeyEntry],
    limit: Duration,
) -> Result<ExecRecord, Error> {
    let mut record = ExecRecord {
        date: rotation.now,
        command: command.to_string(),
        ok: false,
        outcome: "started, never finished: mailaudit was interrupted while it ran".into(),
    };
    rotation.settings_mut().last_exec = Some(record.clone());
    rotation.save()?;
    let selectors: Vec<String> = keys.iter().map(|k| k.selector.to_string()).collect();
    let files: Vec<String> = keys.iter().map(|k| k.file.display().to_string()).collect();
    let stdout = std::os::fd::AsFd::as_fd(&std::io::stderr())
        .try_clone_to_owned()
        .map_or_else(|_| Stdio::null(), Stdio::from);
    let child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .env("MAILAUDIT_DOMAIN", &rotation.domain)
        .env("MAILAUDIT_SELECTORS", selectors.join(" "))
        .env("MAILAUDIT_KEY_FILES", files.join(" "))
        .stdin(Stdio::null())
        .stdout(stdout)
        // A group of its own, so that a timeout ends everything the command started.
        .process_group(0)
        .spawn();
    (record.ok, record.outcome) = match child {
        Err(e) => (false, format!("cannot start sh: {e}")),
        Ok(mut child) => wait_bounded(&mut child, limit),
    };
    rotation.settings_mut().last_exec = Some(record.clone());
    rotation.save()?;
    Ok(record)
}

fn wait_bounded(child: &mut std::process::Child, limit: Duration) -> (bool, String) {
    let deadline = Instant::now() + limit;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                return match status.code() {
                    Some(0) => (true, "exit status 0".into()),
                    Some(code) => (false, format!("exit status {code}")),
                    None => (false, "ended by a signal".into()),
                };
            }
            Ok(None) if Instant::now() >= deadline => {
                // The whole group: `sh -c` may have children of its own holding on.
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .stderr(Stdio::null())
                    .status();
                let _ = child.kill();
                let _ = child.wait();
                return (false, format!("killed after {} s", limit.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return (false, format!("cannot wait for it: {e}")),
        }
    }
}

/// `--revoke`.
/// Why nothing is revoked today: each retiring key and the day it may be, or that there is none.
fn nothing_to_revoke(settings: &DomainState) -> String {
    let waiting: Vec<String> = settings
        .with_status(KeyStatus::Retiring)
        .map(|k| {
            format!(
                "{} may be revoked from {}",
                k.selector,
                revocation_due(settings, k)
            )
        })
        .collect();
    if waiting.is_empty() {
        "no retiring key: nothing to revoke".into()
    } else {
        waiting.join("; ")
    }
}

/// The record that revokes `key`: its selector with an empty `p=` (RFC 6376 §3.6.1).
fn revocation_record(key: &KeyEntry, domain: &str) -> TxtRecord {
    TxtRecord::new(&key.selector, domain, revocation_value(key.algorithm))
}

pub async fn revoke(
    rotation: &mut Rotation,
    ctx: &Ctx,
) -> Result<(RotateReport, ExitStatus), Error> {
    let settings = rotation.settings().clone();
    let due: Vec<KeyEntry> = settings
        .with_status(KeyStatus::Retiring)
        .filter(|k| rotation.now >= revocation_due(&settings, k))
        .cloned()
        .collect();
    let mut report = rotation.report(Step::Revoke, true);
    let mut status = ExitStatus::new(None);
    if due.is_empty() {
        report.next.push(nothing_to_revoke(&settings));
        return Ok((report, status));
    }
    let dns = ctx.dns()?;
    let mut revoked = Vec::new();
    for key in &due {
        let name = key.selector.record_name(&rotation.domain);
        let found = published(&dns, &name, None).await;
        let done = found.observation == Observation::Revoked;
        if done {
            revoked.push(key.selector.clone());
        } else if matches!(found.observation, Observation::Failed(_)) {
            status.mark_incomplete();
        }
        report.keys.push(RotatedKey {
            selector: key.selector.to_string(),
            algorithm: key.algorithm,
            file: key.file.display().to_string(),
            status: if done {
                KeyStatus::Revoked
            } else {
                KeyStatus::Retiring
            },
            record: Some(revocation_record(key, &rotation.domain)),
            dns: Some(found.reason(&name)),
        });
    }
    let now = rotation.now;
    for key in &mut rotation.settings_mut().keys {
        if revoked.contains(&key.selector) {
            key.revoked = Some(now);
        }
    }
    if !revoked.is_empty() {
        rotation.save()?;
    }
    if revoked.len() < due.len() {
        report.done = false;
        status.mark_failed();
        report.next.push(
            "publish the revocation record(s) above (empty p=), then run `--revoke` again".into(),
        );
    } else {
        report.next.push(
            "revoked; the key files are kept, delete them when you no longer need them".into(),
        );
    }
    Ok((report, status))
}
