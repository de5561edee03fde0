//! The rotation state file (RFC 6376 §3.1 key rotation): atomic saves, the end line against
//! truncation, the checks, and what is written being read back whatever it holds.

use super::*;

#[test]
fn saves_atomically_and_reads_back() {
    let dir = std::env::temp_dir().join(format!("mailaudit-state-{}", std::process::id()));
    let path = dir.join("sub").join("state.yaml");
    assert_eq!(RotationState::load(&path).unwrap(), None);
    let mut state = RotationState::default();
    let mut domain = DomainState::new(dir.join("keys"));
    domain.keys.push(KeyEntry {
        selector: Selector::new("s2026q4").unwrap(),
        algorithm: KeyType::Ed25519,
        file: dir.join("keys/k.pem"),
        created: "2026-10-01".parse().unwrap(),
        published: None,
        activated: Some("2026-10-02".parse().unwrap()),
        retiring: None,
        revoked: None,
    });
    state.domains.insert("example.com".into(), domain);
    state.save(&path).unwrap();
    state.save(&path).unwrap();
    assert_eq!(RotationState::load(&path).unwrap(), Some(state.clone()));
    let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left");
    fs::write(&path, "version: 7\n").unwrap();
    assert!(
        RotationState::load(&path)
            .unwrap_err()
            .to_string()
            .contains("version 7")
    );
    fs::remove_dir_all(&dir).unwrap();
}

fn sample(dir: &Path, command: &str) -> RotationState {
    let mut domain = DomainState::new(dir.join("keys"));
    domain.keys.push(KeyEntry {
        selector: Selector::new("s2026q1").unwrap(),
        algorithm: KeyType::Rsa,
        file: dir.join("keys/s2026q1.example.com.pem"),
        created: "2026-01-05".parse().unwrap(),
        published: None,
        activated: Some("2026-01-06".parse().unwrap()),
        retiring: None,
        revoked: None,
    });
    domain.last_exec = Some(ExecRecord {
        date: "2026-01-06".parse().unwrap(),
        command: command.to_string(),
        ok: true,
        outcome: "exit status 0".into(),
    });
    let mut state = RotationState::default();
    state.domains.insert("example.com".into(), domain);
    state
}

fn temp(label: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mailaudit-{label}-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_state_cut_short_anywhere_is_refused() {
    let dir = temp("state-cut");
    let path = dir.join("state.yaml");
    let state = sample(&dir, "echo 'reloaded'\nsystemctl reload opendkim");
    state.save(&path).unwrap();
    let whole = fs::read(&path).unwrap();
    assert!(whole.ends_with(format!("\n{END_LINE}\n").as_bytes()));
    for len in 0..whole.len() {
        fs::write(&path, &whole[..len]).unwrap();
        match RotationState::read(&path) {
            Err(_) => {}
            Ok(read) => assert_eq!(read, Some((state.clone(), false)), "cut at {len}"),
        }
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_state_without_the_end_line_is_held_to_the_checks() {
    let dir = temp("state-old");
    let path = dir.join("state.yaml");
    let state = sample(&dir, "true");
    let old = serde_yaml::to_string(&state).unwrap();
    fs::write(&path, &old).unwrap();
    assert_eq!(RotationState::read(&path).unwrap(), Some((state, true)));
    for (from, to, why) in [
        ("interval_days: 90", "interval_days: 0", "interval_days 0"),
        (
            "interval_days: 90",
            "interval_days: 3651",
            "interval_days 3651",
        ),
        ("overlap_days: 7", "overlap_days: 366", "overlap_days 366"),
        ("rsa_bits: 2048", "rsa_bits: 512", "rsa_bits 512"),
        ("example.com:", "Example.COM:", "normalised domain"),
        ("s{year}q{quarter}", "s{year}q{quar", "selector template"),
        (
            "algorithms:\n    - rsa",
            "algorithms: []",
            "algorithms is empty",
        ),
    ] {
        assert!(old.contains(from), "{from}");
        fs::write(&path, old.replace(from, to)).unwrap();
        let message = RotationState::read(&path).unwrap_err().to_string();
        assert!(message.contains(why), "{message}");
    }
    let (before_keys, _) = old.split_once("    keys:").unwrap();
    fs::write(&path, before_keys).unwrap();
    let message = RotationState::read(&path).unwrap_err().to_string();
    assert!(message.contains("missing field `keys`"), "{message}");
    fs::remove_dir_all(&dir).unwrap();
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Whatever a command or a path holds, the state written is read back as it was: the
    /// checks before parsing never refuse what mailaudit writes.
    #[test]
    fn what_is_written_is_read_back(
        command in "[ -~\t\n\r\x1b\u{85}\u{2028}\u{a0}-\u{10ff}]{0,60}",
        dir in "[ -~]{1,30}",
    ) {
        let base = temp("state-prop");
        let path = base.join("state.yaml");
        let mut state = sample(&base.join(&dir), &command);
        state.domains.get_mut("example.com").unwrap().key_dir = base.join(&dir);
        state.save(&path).unwrap();
        let read = RotationState::read(&path);
        fs::remove_dir_all(&base).unwrap();
        proptest::prop_assert_eq!(read.unwrap(), Some((state, false)));
    }
}
