//! One rotation run on one domain (RFC 6376 §3.1): the state file locked for the whole run,
//! loaded, the domain's settings applied, saved atomically after every step; and the decisions
//! the steps record (activation, revocation). Pure of the command line and of key files.

use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::dkim::KeyType;
use crate::dkim::keygen::{TxtRecord, revocation_value};

use super::file::resolve_state;
use super::lock::{LockError, StateLock, lock};
use super::plan::revocation_due;
use super::report::{RotateReport, Step};
use super::selector::next_selector;
use super::state::{DomainState, END_LINE, KeyEntry, KeyStatus, RotationState, StateError};

/// Why a rotation could not start.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    State(#[from] StateError),
    /// A setting given that cannot be used (a selector template, say).
    #[error("{0}")]
    Setting(String),
}

/// A domain's rotation settings as given for this run; `None` keeps what the state has.
#[derive(Debug, Default)]
pub struct Policy {
    pub interval_days: Option<u32>,
    pub overlap_days: Option<u32>,
    pub template: Option<String>,
    pub key_dir: Option<PathBuf>,
    /// Empty: keep the state's.
    pub algorithms: Vec<KeyType>,
    pub rsa_bits: Option<usize>,
}

impl Policy {
    fn apply(&self, domain: &mut DomainState) -> Result<(), OpenError> {
        if let Some(days) = self.interval_days {
            domain.interval_days = days;
        }
        if let Some(days) = self.overlap_days {
            domain.overlap_days = days;
        }
        if let Some(template) = &self.template {
            // Checked now with a sample date, so a bad template fails before any key is made.
            next_selector(template, Date::today(), KeyType::Rsa, true)
                .map_err(OpenError::Setting)?;
            domain.selector_template.clone_from(template);
        }
        if let Some(dir) = &self.key_dir {
            domain.key_dir = std::path::absolute(dir).unwrap_or_else(|_| dir.clone());
        }
        if !self.algorithms.is_empty() {
            let mut algorithms = self.algorithms.clone();
            algorithms.sort();
            algorithms.dedup();
            domain.algorithms = algorithms;
        }
        if let Some(bits) = self.rsa_bits {
            domain.rsa_bits = bits;
        }
        Ok(())
    }
}

/// What every step works on.
pub struct Rotation {
    pub domain: String,
    pub path: PathBuf,
    pub now: Date,
    pub state: RotationState,
    /// The state had no end line (an earlier mailaudit wrote it) and was rewritten with one.
    upgraded: bool,
    /// Held until the run ends, so no other run reads the state meanwhile.
    _lock: StateLock,
}

impl Rotation {
    /// Locks and loads the state at `path` (through symlinks, the real file) and applies
    /// `policy` to `domain` (a new domain gets the defaults, its keys beside the state), saving
    /// when they changed.
    pub fn open(
        path: PathBuf,
        domain: String,
        now: Date,
        policy: &Policy,
    ) -> Result<Self, OpenError> {
        let path = resolve_state(&path).map_err(|source| StateError::Read { path, source })?;
        let lock = lock(&path)?;
        let (mut state, upgraded) = RotationState::read(&path)?.unwrap_or_default();
        let before = state.domains.get(&domain).cloned();
        // Absolute, so that cron (which runs elsewhere) finds the keys the state names.
        let base = path.parent().unwrap_or(Path::new("."));
        let base = std::path::absolute(base).unwrap_or_else(|_| base.to_path_buf());
        let key_dir = base.join("keys").join(&domain);
        policy.apply(
            state
                .domains
                .entry(domain.clone())
                .or_insert_with(|| DomainState::new(key_dir)),
        )?;
        let rotation = Self {
            domain,
            path,
            now,
            state,
            upgraded,
            _lock: lock,
        };
        // An older state gets its end line now, so that from here on a cut-short write of it
        // is told apart from a whole one.
        if upgraded || before.as_ref() != Some(rotation.settings()) {
            rotation.save()?;
        }
        Ok(rotation)
    }

    pub fn settings(&self) -> &DomainState {
        &self.state.domains[&self.domain]
    }

    pub fn settings_mut(&mut self) -> &mut DomainState {
        self.state
            .domains
            .get_mut(&self.domain)
            .expect("set up by `open`")
    }

    pub fn save(&self) -> Result<(), StateError> {
        self.state.save(&self.path)
    }

    /// An empty report of `step` on this rotation.
    pub fn report(&self, step: Step, done: bool) -> RotateReport {
        let mut next = Vec::new();
        if self.upgraded {
            next.push(format!(
                "the state had no end line (an earlier mailaudit wrote it); it passed the checks \
                 and now ends with the line \"{END_LINE}\", which tells a complete state from \
                 one cut short"
            ));
        }
        RotateReport {
            domain: self.domain.clone(),
            state_file: self.path.display().to_string(),
            date: self.now,
            step,
            done,
            keys: Vec::new(),
            signer: None,
            exec: None,
            next,
        }
    }

    /// The keys made and not yet activated.
    pub fn pending(&self) -> Vec<KeyEntry> {
        self.settings()
            .with_status(KeyStatus::Pending)
            .cloned()
            .collect()
    }

    /// Pending keys become active; the active keys of the same algorithms start retiring.
    pub fn record_activation(&mut self, pending: &[KeyEntry]) {
        let now = self.now;
        for key in &mut self.settings_mut().keys {
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

    /// The retiring keys whose overlap is over.
    pub fn due_for_revocation(&self) -> Vec<KeyEntry> {
        let settings = self.settings();
        settings
            .with_status(KeyStatus::Retiring)
            .filter(|k| self.now >= revocation_due(settings, k))
            .cloned()
            .collect()
    }

    /// Records these keys as revoked today.
    pub fn record_revocation(&mut self, revoked: &[KeyEntry]) {
        let now = self.now;
        for key in &mut self.settings_mut().keys {
            if revoked.iter().any(|r| r.selector == key.selector) {
                key.revoked = Some(now);
            }
        }
    }

    /// Why nothing is revoked today: each retiring key and the day it may be, or that there is
    /// none.
    pub fn nothing_to_revoke(&self) -> String {
        let settings = self.settings();
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
}

/// The record that revokes `key`: its selector with an empty `p=` (RFC 6376 §3.6.1).
pub fn revocation_record(key: &KeyEntry, domain: &str) -> TxtRecord {
    TxtRecord::new(&key.selector, domain, revocation_value(key.algorithm))
}
