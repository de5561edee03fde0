//! `mailaudit dkim rotate`: one step of a domain's key rotation (RFC 6376 §3.1). Without a flag,
//! make the next key (or show the pending one again); `--activate` and `--revoke` are in
//! `dkim_rotate_steps`. Order on disk: a key file is complete before the state names it, and
//! every state write is atomic, so an interruption anywhere loses no key.

use std::path::{Path, PathBuf};

use crate::cli::{DkimRotateArgs, PolicyArgs};
use crate::date::Date;
use crate::dkim::key::public_half_of_pem;
use crate::dkim::keygen::{PrivateKey, RecordOptions, TxtRecord, p_value_of, record_value};
use crate::dkim::rotate::lock::{StateLock, lock};
use crate::dkim::rotate::state::default_path;
use crate::dkim::rotate::{
    DomainState, KeyEntry, KeyStatus, RotateReport, RotatedKey, RotationState, Step, next_selector,
};
use crate::dkim::{KeyType, Selector};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;

use super::dkim_keygen::file_names;
use super::key_files::{read_key, write_new};
use crate::context::Ctx;

/// What every step works on.
pub struct Rotation {
    pub domain: String,
    pub path: PathBuf,
    pub now: Date,
    pub state: RotationState,
    /// Held until the run ends, so no other run reads the state meanwhile.
    _lock: StateLock,
}

impl Rotation {
    pub fn settings(&self) -> &DomainState {
        &self.state.domains[&self.domain]
    }

    pub fn settings_mut(&mut self) -> &mut DomainState {
        self.state
            .domains
            .get_mut(&self.domain)
            .expect("set up by `open`")
    }

    pub fn save(&self) -> Result<(), Error> {
        Ok(self.state.save(&self.path)?)
    }

    pub fn report(&self, step: Step, done: bool) -> RotateReport {
        RotateReport {
            domain: self.domain.clone(),
            state_file: self.path.display().to_string(),
            date: self.now,
            step,
            done,
            keys: Vec::new(),
            signer: None,
            exec: None,
            next: Vec::new(),
        }
    }
}

pub async fn run(
    args: DkimRotateArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let mut rotation = open(&args)?;
    let (report, status) = if args.activate {
        super::dkim_rotate_steps::activate(&mut rotation, &args, ctx).await?
    } else if args.revoke {
        super::dkim_rotate_steps::revoke(&mut rotation, ctx).await?
    } else {
        (
            next_key(&mut rotation, args.selector.as_ref())?,
            ExitStatus::new(None),
        )
    };
    printer.record(&report)?;
    Ok(status)
}

/// Loads the state and applies the domain's settings from the command line (a new domain gets
/// the defaults), saving when they changed.
fn open(args: &DkimRotateArgs) -> Result<Rotation, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let path = match &args.state.state {
        Some(path) => path.clone(),
        None => default_path()?,
    };
    let lock = lock(&path)?;
    let mut state = RotationState::load(&path)?.unwrap_or_default();
    let before = state.domains.get(&domain).cloned();
    // Absolute, so that cron (which runs elsewhere) finds the keys the state names.
    let base = path.parent().unwrap_or(Path::new("."));
    let base = std::path::absolute(base).unwrap_or_else(|_| base.to_path_buf());
    let key_dir = base.join("keys").join(&domain);
    let settings = state
        .domains
        .entry(domain.clone())
        .or_insert_with(|| DomainState::new(key_dir));
    apply_policy(settings, &args.policy)?;
    let rotation = Rotation {
        domain,
        path,
        now: args.state.now.unwrap_or_else(Date::today),
        state,
        _lock: lock,
    };
    if before.as_ref() != Some(rotation.settings()) {
        rotation.save()?;
    }
    Ok(rotation)
}

fn apply_policy(settings: &mut DomainState, policy: &PolicyArgs) -> Result<(), Error> {
    if let Some(days) = policy.interval {
        settings.interval_days = days;
    }
    if let Some(days) = policy.overlap {
        settings.overlap_days = days;
    }
    if let Some(template) = &policy.template {
        // Checked now with a sample date, so a bad template fails before any key is made.
        next_selector(template, Date::today(), KeyType::Rsa, true).map_err(Error::Usage)?;
        settings.selector_template.clone_from(template);
    }
    if let Some(dir) = &policy.key_dir {
        settings.key_dir = std::path::absolute(dir).unwrap_or_else(|_| dir.clone());
    }
    if !policy.algorithm.is_empty() {
        let mut algorithms: Vec<KeyType> =
            policy.algorithm.iter().map(|a| KeyType::from(*a)).collect();
        algorithms.sort();
        algorithms.dedup();
        settings.algorithms = algorithms;
    }
    if let Some(bits) = policy.bits {
        settings.rsa_bits = bits;
    }
    Ok(())
}

/// The next key per algorithm, unless keys are pending: then those are shown again.
fn next_key(rotation: &mut Rotation, selector: Option<&Selector>) -> Result<RotateReport, Error> {
    let pending: Vec<KeyEntry> = rotation
        .settings()
        .with_status(KeyStatus::Pending)
        .cloned()
        .collect();
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

use std::os::unix::fs::DirBuilderExt;

/// A key with its record, rebuilt from its file.
pub fn shown_key(rotation: &Rotation, key: &KeyEntry) -> Result<RotatedKey, Error> {
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
    })
}
