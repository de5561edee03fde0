//! What rotation work is due for a domain (RFC 6376 §3.1, §3.6.1): pure, from the state, the
//! date and what DNS shows for each key's selector, so `--now` can plan any day and tests need
//! no clock.

use serde::Serialize;

use crate::date::Date;

use super::state::{DomainState, KeyEntry, KeyStatus};

/// What DNS shows at a key's selector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Observation {
    /// The record holds this key.
    Matches,
    /// A record is published but holds another key, or cannot be used; why.
    Differs(String),
    /// The record is published with an empty `p=`.
    Revoked,
    /// No record.
    Absent,
    /// The lookup failed; why.
    Failed(String),
    /// The key file cannot be read, so nothing can be compared; why.
    KeyUnreadable(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DueKind {
    /// No key yet: run `rotate` to make the first.
    FirstKey,
    /// The active key is older than the interval.
    Rotation,
    /// A pending key's record is not (correctly) in DNS yet.
    Publish,
    /// A pending key's record is published and matches: activate it.
    Activate,
    /// A retiring key is past its overlap: revoke it.
    Revoke,
    /// A revoked key's record still publishes a key.
    StillPublished,
    /// The last `--exec` failed.
    ExecFailed,
    /// A key file in the key directory that the state does not name: a rotation was
    /// interrupted between writing the key and recording it.
    UnrecordedKey,
    /// Something could not be checked.
    CheckFailed,
}

/// One thing to do, and since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    pub kind: DueKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selector: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    pub message: String,
}

impl Due {
    fn new(kind: DueKind, key: Option<&KeyEntry>, since: Option<Date>, message: String) -> Self {
        Self {
            kind,
            selector: key.map(|k| k.selector.to_string()),
            since,
            message,
        }
    }
}

/// A key file in the domain's key directory that the state does not name, and what to do about
/// it, as what `dkim rotate` will do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unrecorded {
    pub file: String,
    pub advice: String,
}

/// What is due for `domain` on `now`. `observe` says what DNS shows for a key; it is asked only
/// for pending, retiring and revoked keys. `unrecorded` are key files the state does not name.
pub fn due(
    domain: &DomainState,
    now: Date,
    observe: impl Fn(&KeyEntry) -> Observation,
    unrecorded: &[Unrecorded],
) -> Vec<Due> {
    let mut out = Vec::new();
    let pending: Vec<&KeyEntry> = domain.with_status(KeyStatus::Pending).collect();
    let active: Vec<&KeyEntry> = domain.with_status(KeyStatus::Active).collect();
    if pending.is_empty() && active.is_empty() {
        out.push(Due::new(
            DueKind::FirstKey,
            None,
            None,
            "no key yet: run `dkim rotate` to make one".into(),
        ));
    }
    for key in &active {
        let since = rotation_due(domain, key);
        // A pending key is the rotation under way; it is reported as such below.
        if now >= since && !pending.iter().any(|p| p.algorithm == key.algorithm) {
            let message = format!(
                "{} ({}) has been active since {}; rotation was due on {since}",
                key.selector,
                key.algorithm,
                key.activated.unwrap_or(key.created)
            );
            out.push(Due::new(DueKind::Rotation, Some(key), Some(since), message));
        }
    }
    for key in &pending {
        out.push(pending_due(key, observe(key)));
    }
    for key in domain.with_status(KeyStatus::Retiring) {
        let since = revocation_due(domain, key);
        if now >= since {
            let message = format!(
                "{} has been retiring since {}; its overlap ended on {since}: run `dkim rotate --revoke`",
                key.selector,
                key.retiring.unwrap_or(key.created)
            );
            out.push(Due::new(DueKind::Revoke, Some(key), Some(since), message));
        }
    }
    for key in domain.with_status(KeyStatus::Revoked) {
        out.extend(revoked_due(key, observe(key)));
    }
    out.extend(leftovers(domain, unrecorded));
    out
}

/// What earlier runs left to do by hand: a failed `--exec`, key files the state does not name.
fn leftovers(domain: &DomainState, unrecorded: &[Unrecorded]) -> Vec<Due> {
    let mut out = Vec::new();
    if let Some(exec) = domain.last_exec.as_ref().filter(|e| !e.ok) {
        let message = format!(
            "`{}` after the activation on {} failed: {}; reload the signer by hand",
            exec.command, exec.date, exec.outcome
        );
        out.push(Due::new(
            DueKind::ExecFailed,
            None,
            Some(exec.date),
            message,
        ));
    }
    for Unrecorded { file, advice } in unrecorded {
        let message = format!(
            "key file {file} is not in the state (a rotation interrupted after writing its key \
             leaves one): {advice}"
        );
        out.push(Due::new(DueKind::UnrecordedKey, None, None, message));
    }
    out
}

/// A pending key: published (activate it), not yet (publish it), or not checkable.
fn pending_due(key: &KeyEntry, observation: Observation) -> Due {
    match observation {
        Observation::Matches => Due::new(
            DueKind::Activate,
            Some(key),
            Some(key.created),
            format!(
                "{} is published and matches its key: run `dkim rotate --activate`",
                key.selector
            ),
        ),
        Observation::Failed(why) | Observation::KeyUnreadable(why) => {
            Due::new(DueKind::CheckFailed, Some(key), None, why)
        }
        other => Due::new(
            DueKind::Publish,
            Some(key),
            Some(key.created),
            format!(
                "the record of pending key {} is not published yet ({})",
                key.selector,
                describe(&other)
            ),
        ),
    }
}

/// A revoked key whose record publishes a key again.
fn revoked_due(key: &KeyEntry, observation: Observation) -> Option<Due> {
    match observation {
        Observation::Matches | Observation::Differs(_) => {
            let message = format!(
                "{} was revoked on {}, but its record publishes a key again",
                key.selector,
                key.revoked.unwrap_or(key.created)
            );
            Some(Due::new(
                DueKind::StillPublished,
                Some(key),
                key.revoked,
                message,
            ))
        }
        Observation::Failed(why) => Some(Due::new(DueKind::CheckFailed, Some(key), None, why)),
        _ => None,
    }
}

fn describe(o: &Observation) -> String {
    match o {
        Observation::Absent => "no record".into(),
        Observation::Revoked => "the record has an empty p=".into(),
        Observation::Differs(why) | Observation::Failed(why) | Observation::KeyUnreadable(why) => {
            why.clone()
        }
        Observation::Matches => "it matches".into(),
    }
}

/// The day an active key is due for rotation.
pub fn rotation_due(domain: &DomainState, key: &KeyEntry) -> Date {
    key.activated
        .unwrap_or(key.created)
        .add_days(i64::from(domain.interval_days))
}

/// The day a retiring key may be revoked.
pub fn revocation_due(domain: &DomainState, key: &KeyEntry) -> Date {
    key.retiring
        .unwrap_or(key.created)
        .add_days(i64::from(domain.overlap_days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dkim::{KeyType, Selector};
    use std::path::PathBuf;

    fn key(selector: &str, created: &str) -> KeyEntry {
        KeyEntry {
            selector: Selector::new(selector).unwrap(),
            algorithm: KeyType::Rsa,
            file: PathBuf::from("k.pem"),
            created: created.parse().unwrap(),
            published: None,
            activated: None,
            retiring: None,
            revoked: None,
        }
    }

    fn kinds(d: &DomainState, now: &str, o: Observation) -> Vec<DueKind> {
        due(d, now.parse().unwrap(), |_| o.clone(), &[])
            .iter()
            .map(|d| d.kind)
            .collect()
    }

    #[test]
    fn rotation_falls_due_after_the_interval_and_revocation_after_the_overlap() {
        let mut d = DomainState::new(PathBuf::from("keys"));
        assert_eq!(
            kinds(&d, "2026-01-01", Observation::Absent),
            [DueKind::FirstKey]
        );
        let mut old = key("s2026q1", "2026-01-01");
        old.activated = Some("2026-01-02".parse().unwrap());
        d.keys.push(old);
        assert!(kinds(&d, "2026-03-31", Observation::Absent).is_empty());
        let due_list = due(
            &d,
            "2026-04-02".parse().unwrap(),
            |_| Observation::Absent,
            &[],
        );
        assert_eq!(due_list[0].kind, DueKind::Rotation);
        assert_eq!(due_list[0].since.unwrap().to_string(), "2026-04-02");
        d.keys.push(key("s2026q2", "2026-04-02"));
        assert_eq!(
            kinds(&d, "2026-04-02", Observation::Absent),
            [DueKind::Publish]
        );
        assert_eq!(
            kinds(&d, "2026-04-03", Observation::Matches),
            [DueKind::Activate]
        );
        d.keys[0].retiring = Some("2026-04-03".parse().unwrap());
        d.keys[1].activated = Some("2026-04-03".parse().unwrap());
        assert!(kinds(&d, "2026-04-09", Observation::Absent).is_empty());
        assert_eq!(
            kinds(&d, "2026-04-10", Observation::Absent),
            [DueKind::Revoke]
        );
        d.keys[0].revoked = Some("2026-04-10".parse().unwrap());
        assert_eq!(
            kinds(&d, "2026-04-11", Observation::Matches),
            [DueKind::StillPublished]
        );
        assert!(kinds(&d, "2026-04-11", Observation::Revoked).is_empty());
    }
}
