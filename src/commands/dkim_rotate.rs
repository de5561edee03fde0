//! `mailaudit dkim rotate`: one step of a domain's key rotation (RFC 6376 §3.1). Without a flag,
//! make the next key (or show the pending one again); `--activate` marks pending keys active
//! only once DNS serves their records, matching their key files, and tells what to change in the
//! signer (then runs `--exec`); `--revoke` marks retiring keys past their overlap revoked only
//! once DNS serves their empty records (RFC 6376 §3.6.1). Order on disk: a key file is complete
//! before the state names it, and every state write is atomic, so an interruption anywhere
//! loses no key.

use std::os::unix::fs::DirBuilderExt;
use std::time::Duration;

use crate::cli::{DkimRotateArgs, PolicyArgs};
use crate::context::Ctx;
use crate::date::Date;
use crate::dkim::key::public_half_of_pem;
use crate::dkim::keygen::{PrivateKey, RecordOptions, TxtRecord, p_value_of, record_value};
use crate::dkim::rotate::state::default_path;
use crate::dkim::rotate::{
    DomainState, KeyEntry, KeyStatus, Observation, Policy, RotateReport, RotatedKey, Rotation,
    SignerChange, Step, next_selector, revocation_record,
};
use crate::dkim::verify::published;
use crate::dkim::{KeyType, Selector};
use crate::dns::Dns;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::message::signing_key::SigningKey;
use crate::message::signing_test::prove;
use crate::render::Printer;

use super::key_files::{file_names, read_key, write_new};

pub async fn run(
    args: DkimRotateArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let mut rotation = open(&args)?;
    let (report, status) = if args.activate {
        activate(&mut rotation, &args, ctx).await?
    } else if args.revoke {
        revoke(&mut rotation, ctx).await?
    } else {
        (
            next_key(&mut rotation, args.selector.as_ref())?,
            ExitStatus::new(None),
        )
    };
    printer.record(&report)?;
    Ok(status)
}

/// Locks and loads the state, with the domain's settings from the command line.
fn open(args: &DkimRotateArgs) -> Result<Rotation, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let path = match &args.state.state {
        Some(path) => path.clone(),
        None => default_path()?,
    };
    let now = args.state.now.unwrap_or_else(Date::today);
    Ok(Rotation::open(path, domain, now, &policy(&args.policy))?)
}

fn policy(args: &PolicyArgs) -> Policy {
    Policy {
        interval_days: args.interval,
        overlap_days: args.overlap,
        template: args.template.clone(),
        key_dir: args.key_dir.clone(),
        algorithms: args.algorithm.iter().map(|a| KeyType::from(*a)).collect(),
        rsa_bits: args.bits,
    }
}

/// The next key per algorithm, unless keys are pending: then those are shown again.
fn next_key(rotation: &mut Rotation, selector: Option<&Selector>) -> Result<RotateReport, Error> {
    let pending = rotation.pending();
    if !pending.is_empty() {
        let mut report = rotation.report(Step::Pending, false);
        for key in &pending {
            report.keys.push(shown_key(rotation, key)?);
        }
        report.next.push(format!("already pending since {}: publish the record(s) above, then run `dkim rotate --domain {} --activate`", pending[0].created, rotation.domain));
        return Ok(report);
    }
    let settings = rotation.settings().clone();
    let several = settings.algorithms.len() > 1;
    let mut made = Vec::new();
    for &algorithm in &settings.algorithms {
        let selector = match selector {
            Some(s) if several => {
                Selector::new(&format!("{s}-{algorithm}")).map_err(Error::Usage)?
            }
            Some(s) => s.clone(),
            None => next_selector(
                &settings.selector_template,
                rotation.now,
                algorithm,
                several,
            )
            .map_err(Error::Usage)?,
        };
        if let Some(used) = settings.keys.iter().find(|k| k.selector == selector) {
            return Err(Error::Usage(format!(
                "selector {selector} is already used by a {} key of {} in the state; give --selector for the new key",
                used.status_word(),
                rotation.domain
            )));
        }
        made.push(new_key(rotation, &settings, &selector, algorithm)?);
    }
    // Every key file is complete before the state names it.
    let mut report = rotation.report(Step::Generated, true);
    for (entry, record, note) in made {
        rotation.settings_mut().keys.push(entry.clone());
        report.keys.push(RotatedKey {
            selector: entry.selector.to_string(),
            algorithm: entry.algorithm,
            file: entry.file.display().to_string(),
            status: KeyStatus::Pending,
            record: Some(record),
            dns: note,
            signing: None,
        });
    }
    rotation.save()?;
    report.next.push(format!(
        "publish the record(s) above, then run `dkim rotate --domain {} --activate`",
        rotation.domain
    ));
    Ok(report)
}

/// Makes (or, after an interrupted run, takes up) the key file for `selector`.
fn new_key(
    rotation: &Rotation,
    settings: &DomainState,
    selector: &Selector,
    algorithm: KeyType,
) -> Result<(KeyEntry, TxtRecord, Option<String>), Error> {
    let (file, _) = file_names(&settings.key_dir, selector, &rotation.domain);
    let mut note = None;
    let p = if file.exists() {
        // A key file the state does not name: written by a run that stopped before it saved
        // the state. Taking it up (instead of refusing, or making another) loses no key.
        let public = public_half_of_pem(&read_key(&file)?)?;
        if public.key_type() != algorithm {
            return Err(Error::Usage(format!(
                "{} holds a {} key, not {algorithm}; move it away or give --selector",
                file.display(),
                public.key_type()
            )));
        }
        note = Some(
            "taken up: the key file was written by an earlier, interrupted rotate".to_string(),
        );
        p_value_of(&public)?
    } else {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&settings.key_dir)
            .map_err(|source| crate::error::KeyFileError::Create {
                path: settings.key_dir.clone(),
                source,
            })?;
        let key = PrivateKey::generate(algorithm, settings.rsa_bits)?;
        write_new(&file, &key.to_pkcs8_pem()?, None)?;
        key.p_value()?
    };
    let record = TxtRecord::new(
        selector,
        &rotation.domain,
        record_value(algorithm, &p, &RecordOptions::default()),
    );
    let entry = KeyEntry {
        selector: selector.clone(),
        algorithm,
        file,
        created: rotation.now,
        published: None,
        activated: None,
        retiring: None,
        revoked: None,
    };
    Ok((entry, record, note))
}

/// A key with its record, rebuilt from its file.
fn shown_key(rotation: &Rotation, key: &KeyEntry) -> Result<RotatedKey, Error> {
    let public = public_half_of_pem(&read_key(&key.file)?)?;
    let value = record_value(
        key.algorithm,
        &p_value_of(&public)?,
        &RecordOptions::default(),
    );
    Ok(RotatedKey {
        selector: key.selector.to_string(),
        algorithm: key.algorithm,
        file: key.file.display().to_string(),
        status: key.status(),
        record: Some(TxtRecord::new(&key.selector, &rotation.domain, value)),
        dns: None,
        signing: None,
    })
}

/// `--activate`.
async fn activate(
    rotation: &mut Rotation,
    args: &DkimRotateArgs,
    ctx: &Ctx,
) -> Result<(RotateReport, ExitStatus), Error> {
    let pending = rotation.pending();
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
    if args.verify_signing && !signing_verified(rotation, &pending, &dns, &mut report).await? {
        report.next.push(
            "not activated: a message signed with the key does not verify against its published \
             record (see signing above); publish the key's own record, or make a new key"
                .into(),
        );
        status.mark_failed();
        return Ok((report, status));
    }
    activated(rotation, &pending, &mut report)?;
    if let Some(command) = &args.exec {
        let exec = super::rotate_exec::run_exec(
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

/// `--verify-signing`: each pending key signs a test message that is verified through DNS, as a
/// receiver would; the outcome goes on the key's line. Whether every one passed.
async fn signing_verified(
    rotation: &Rotation,
    pending: &[KeyEntry],
    dns: &Dns,
    report: &mut RotateReport,
) -> Result<bool, Error> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut all = true;
    for (key, shown) in pending.iter().zip(report.keys.iter_mut()) {
        let signing = SigningKey::from_pem(&read_key(&key.file)?)?;
        let proved = prove(dns, &rotation.domain, &key.selector, &signing, now).await;
        all &= proved.is_ok();
        shown.signing = Some(match proved {
            Ok(()) => "a test message signed with the key verifies through DNS".into(),
            Err(why) => format!("a test message signed with the key does not verify: {why}"),
        });
    }
    Ok(all)
}

/// Records the activation of `pending` (every record served) and tells how to switch the
/// signer.
fn activated(
    rotation: &mut Rotation,
    pending: &[KeyEntry],
    report: &mut RotateReport,
) -> Result<(), Error> {
    rotation.record_activation(pending);
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
    let (signer, unnamed) = SignerChange::new(&rotation.domain, &keys);
    report.signer = Some(signer);
    report.next.push(format!(
        "switch the signer to the new selector(s) now; the replaced key(s) stay published for {} \
         days, then run `dkim rotate --domain {} --revoke`",
        rotation.settings().overlap_days,
        rotation.domain
    ));
    report.next.extend(unnamed);
    Ok(())
}

/// `--revoke`.
async fn revoke(rotation: &mut Rotation, ctx: &Ctx) -> Result<(RotateReport, ExitStatus), Error> {
    let due = rotation.due_for_revocation();
    let mut report = rotation.report(Step::Revoke, true);
    let mut status = ExitStatus::new(None);
    if due.is_empty() {
        report.next.push(rotation.nothing_to_revoke());
        return Ok((report, status));
    }
    let dns = ctx.dns()?;
    let mut revoked = Vec::new();
    for key in &due {
        let name = key.selector.record_name(&rotation.domain);
        let found = published(&dns, &name, None).await;
        let done = found.observation == Observation::Revoked;
        if done {
            revoked.push(key.clone());
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
            signing: None,
        });
    }
    rotation.record_revocation(&revoked);
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
