//! `mailaudit dkim rotate` and `dkim status` through the binary, with `--now` and the test DNS
//! server standing in for what has been published: the whole quarterly story (make a key,
//! refuse to activate it until DNS serves it, activate, fall due, rotate, revoke after the
//! overlap), both algorithms side by side, `--exec`, and interruptions between steps — a killed
//! run, a key written but not recorded, a leftover temporary file — that lose no key and that
//! `dkim status` explains.

use std::path::{Path, PathBuf};

use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::{TestDns, Zone};
use crate::support::model::{DkimRotateReport, DkimStatusReport};
use crate::support::temp::TempDir;

pub(crate) struct Story {
    pub(crate) dir: TempDir,
    /// What DNS serves: (name, strings) per record.
    published: Vec<(String, Vec<String>)>,
}

impl Story {
    pub(crate) fn new(label: &str) -> Self {
        Self {
            dir: TempDir::new(label),
            published: Vec::new(),
        }
    }

    pub(crate) fn state(&self) -> PathBuf {
        self.dir.path().join("state.yaml")
    }

    pub(crate) fn key_dir(&self) -> PathBuf {
        self.dir.path().join("keys").join("example.com")
    }

    pub(crate) fn publish(&mut self, name: &str, strings: &[String]) {
        self.published.retain(|(n, _)| n != name);
        self.published.push((name.to_string(), strings.to_vec()));
    }

    /// A DNS server serving what has been published.
    pub(crate) fn dns(&self) -> TestDns {
        let mut zone = Zone::new();
        zone.a("example.com", "192.0.2.1");
        for (name, strings) in &self.published {
            let strings: Vec<&str> = strings.iter().map(String::as_str).collect();
            zone.txt(name, &strings);
        }
        TestDns::start(zone)
    }

    pub(crate) fn run(&self, now: &str, args: &[&str]) -> Output {
        let dns = self.dns();
        Mailaudit::new()
            .dns(&dns)
            .format("json")
            .arg("dkim")
            .args(args)
            .args(["--state"])
            .arg(self.state())
            .args(["--now", now])
            .run()
    }

    pub(crate) fn rotate(&self, now: &str, extra: &[&str]) -> (Output, DkimRotateReport) {
        let mut args = vec!["rotate", "--domain", "example.com", "--bits", "1024"];
        args.extend_from_slice(extra);
        let out = self.run(now, &args);
        let report = out.json_as();
        (out, report)
    }

    pub(crate) fn status(&self, now: &str) -> (Output, DkimStatusReport) {
        let out = self.run(now, &["status"]);
        let report = out.json_as();
        (out, report)
    }

    pub(crate) fn due(&self, now: &str) -> Vec<String> {
        let (_, report) = self.status(now);
        report
            .domains
            .iter()
            .flat_map(|d| d.due.iter().map(|d| d.kind.clone()))
            .collect()
    }

    pub(crate) fn key_files(&self) -> usize {
        std::fs::read_dir(self.key_dir()).map_or(0, Iterator::count)
    }
}

pub(crate) fn record(report: &DkimRotateReport, i: usize) -> (String, Vec<String>) {
    let r = report.keys[i].record.as_ref().expect("a record to publish");
    (r.name.clone(), r.strings.clone())
}

#[test]
fn the_quarterly_rotation_story() {
    let mut story = Story::new("rotate-story");
    // Q1: the first key, pending; asking again shows it again and makes no second one.
    let (out, first) = story.rotate("2026-01-05", &[]);
    out.assert_success();
    assert_eq!(
        (first.step.as_str(), first.keys[0].selector.as_str()),
        ("generated", "s2026q1")
    );
    assert_eq!(story.key_files(), 1);
    let (out, again) = story.rotate("2026-01-06", &[]);
    out.assert_success();
    assert_eq!(
        (again.step.as_str(), again.keys[0].selector.as_str()),
        ("pending", "s2026q1")
    );
    assert_eq!(record(&again, 0), record(&first, 0));
    assert_eq!(story.key_files(), 1, "no second key");
    assert_eq!(story.due("2026-01-06"), ["publish"]);
    // Activation is refused while DNS does not serve the record.
    let (out, refused) = story.rotate("2026-01-06", &["--activate"]);
    out.assert_code(1);
    assert!(!refused.done);
    assert!(
        refused.keys[0]
            .dns
            .as_deref()
            .unwrap()
            .contains("has no key record"),
        "{out}"
    );
    assert_eq!(story.due("2026-01-06"), ["publish"], "still pending");
    // Published: ready to activate, then activated, with the signer's new settings.
    let (name, strings) = record(&first, 0);
    story.publish(&name, &strings);
    assert_eq!(story.due("2026-01-07"), ["activate"]);
    let (out, active) = story.rotate("2026-01-07", &["--activate", "--exec", "echo reloaded"]);
    out.assert_success();
    assert!(active.done);
    assert!(active.exec.as_ref().unwrap().ok);
    let signer = active.signer.as_ref().unwrap();
    assert_eq!(signer.selectors, ["s2026q1"]);
    assert!(
        signer.opendkim[0]
            .starts_with("KeyTable:     s2026q1._domainkey.example.com example.com:s2026q1:")
    );
    assert!(signer.rspamd.contains("selector = \"s2026q1\""));
    assert!(
        out.stderr.contains("reloaded"),
        "the command's output goes to stderr\n{out}"
    );
    // Quiet until the interval has passed; then rotation is due from the day it fell due.
    let (out, status) = story.status("2026-04-06");
    out.assert_success();
    assert_eq!(
        status.domains[0].next_rotation.as_deref(),
        Some("2026-04-07")
    );
    let quiet = Mailaudit::new()
        .args(["-q", "dkim", "status", "--now", "2026-04-06", "--state"])
        .arg(story.state())
        .run();
    quiet.assert_success();
    assert_eq!(quiet.stdout, "", "nothing due prints nothing with -q");
    let (out, status) = story.status("2026-04-08");
    out.assert_code(1);
    assert_eq!(status.domains[0].due[0].kind, "rotation");
    assert_eq!(
        status.domains[0].due[0].since.as_deref(),
        Some("2026-04-07")
    );
    // Q2: the next key; activating it starts the old one's overlap.
    let (_, second) = story.rotate("2026-04-08", &[]);
    assert_eq!(second.keys[0].selector, "s2026q2");
    let (name, strings) = record(&second, 0);
    story.publish(&name, &strings);
    story
        .rotate("2026-04-09", &["--activate"])
        .0
        .assert_success();
    let (out, early) = story.rotate("2026-04-10", &["--revoke"]);
    out.assert_success();
    assert!(
        early.next[0].contains("s2026q1 may be revoked from 2026-04-16"),
        "{out}"
    );
    assert_eq!(story.due("2026-04-16"), ["revoke"]);
    // Revocation: printed, refused until DNS serves the empty record, then recorded.
    let (out, pending) = story.rotate("2026-04-16", &["--revoke"]);
    out.assert_code(1);
    let (name, strings) = record(&pending, 0);
    assert_eq!(strings, ["v=DKIM1; k=rsa; p="]);
    story.publish(&name, &strings);
    let (out, revoked) = story.rotate("2026-04-17", &["--revoke"]);
    out.assert_success();
    assert_eq!(revoked.keys[0].status, "revoked");
    assert!(story.due("2026-04-17").is_empty());
    // Someone puts the old key back: status notices.
    story.publish(&name, &record(&first, 0).1);
    assert_eq!(story.due("2026-04-18"), ["still-published"]);
    // The old key file is kept.
    assert_eq!(story.key_files(), 2);
    let (_, status) = story.status("2026-04-18");
    let states: Vec<&str> = status.domains[0]
        .keys
        .iter()
        .map(|k| k.status.as_str())
        .collect();
    assert_eq!(states, ["revoked", "active"]);
}

#[test]
fn rsa_and_ed25519_rotate_side_by_side() {
    let mut story = Story::new("rotate-both");
    let (out, made) = story.rotate(
        "2026-07-01",
        &["--algorithm", "rsa", "--algorithm", "ed25519"],
    );
    out.assert_success();
    let selectors: Vec<&str> = made.keys.iter().map(|k| k.selector.as_str()).collect();
    assert_eq!(selectors, ["s2026q3-rsa", "s2026q3-ed25519"]);
    // One published is not enough: both must be.
    let (name, strings) = record(&made, 0);
    story.publish(&name, &strings);
    story.rotate("2026-07-02", &["--activate"]).0.assert_code(1);
    let (name, strings) = record(&made, 1);
    story.publish(&name, &strings);
    let (out, active) = story.rotate("2026-07-02", &["--activate"]);
    out.assert_success();
    assert_eq!(
        active.signer.unwrap().selectors,
        ["s2026q3-rsa", "s2026q3-ed25519"]
    );
}

#[test]
fn a_failing_exec_is_reported_and_recorded() {
    let mut story = Story::new("rotate-exec");
    let (_, made) = story.rotate("2026-01-05", &[]);
    let (name, strings) = record(&made, 0);
    story.publish(&name, &strings);
    let (out, report) = story.rotate("2026-01-05", &["--activate", "--exec", "exit 3"]);
    out.assert_code(1);
    assert!(report.done, "the activation itself stands");
    assert_eq!(report.exec.unwrap().outcome, "exit status 3");
    assert_eq!(story.due("2026-01-06"), ["exec-failed"]);
    // Nothing left to activate: a usage error, and the state is untouched.
    let out = story.run(
        "2026-01-05",
        &["rotate", "--domain", "example.com", "--activate"],
    );
    out.assert_code(2);
    out.assert_stderr_contains("no pending key to activate");
}

#[test]
fn an_exec_that_outlasts_its_timeout_is_killed() {
    let mut story = Story::new("rotate-exec-timeout");
    let (_, made) = story.rotate("2026-01-05", &["--algorithm", "ed25519"]);
    let (name, strings) = record(&made, 0);
    story.publish(&name, &strings);
    let started = std::time::Instant::now();
    let (out, report) = story.rotate(
        "2026-01-05",
        &["--activate", "--exec", "sleep 30", "--exec-timeout", "1"],
    );
    out.assert_code(1);
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert_eq!(report.exec.unwrap().outcome, "killed after 1 s");
}

#[test]
fn a_run_killed_during_exec_leaves_a_state_status_explains() {
    let mut story = Story::new("rotate-killed");
    let (_, made) = story.rotate("2026-01-05", &[]);
    let (name, strings) = record(&made, 0);
    story.publish(&name, &strings);
    // The command kills mailaudit itself, after the activation was recorded.
    let out = story.run(
        "2026-01-05",
        &[
            "rotate",
            "--domain",
            "example.com",
            "--activate",
            "--exec",
            "kill -9 $PPID; sleep 5",
        ],
    );
    assert_eq!(out.code, -1, "killed by a signal\n{out}");
    let (_, status) = story.status("2026-01-06");
    let due = &status.domains[0].due;
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].kind, "exec-failed");
    assert!(due[0].message.contains("interrupted"), "{}", due[0].message);
    assert_eq!(status.domains[0].keys[0].status, "active");
    assert_eq!(story.key_files(), 1);
}

#[test]
fn a_key_written_but_not_recorded_is_explained_and_taken_up() {
    let story = Story::new("rotate-orphan");
    // The state exists (the domain set up) but a run stopped after writing its key file.
    story
        .rotate("2026-01-05", &["--interval", "30"])
        .0
        .assert_success();
    // The state as it was before the key: whole (every write is), with no key yet.
    let state_text = std::fs::read_to_string(story.state()).unwrap();
    let (before_keys, _) = state_text.split_once("    keys:\n").unwrap();
    let without_keys = format!("{before_keys}    keys: []\n# end of mailaudit state\n");
    std::fs::write(story.state(), &without_keys).unwrap();
    let orphan = story.key_dir().join("s2026q1.example.com.pem");
    let key_before = std::fs::read(&orphan).unwrap();
    // A leftover temporary state file of an interrupted write changes nothing.
    std::fs::write(
        story.dir.path().join(".state.yaml.tmp-999999"),
        "version: 1\ndom",
    )
    .unwrap();
    let (out, status) = story.status("2026-01-06");
    out.assert_code(1);
    let kinds: Vec<&str> = status.domains[0]
        .due
        .iter()
        .map(|d| d.kind.as_str())
        .collect();
    assert_eq!(kinds, ["first-key", "unrecorded-key"]);
    assert!(
        status.domains[0].due[1]
            .message
            .contains("s2026q1.example.com.pem")
    );
    let (out, taken) = story.rotate("2026-01-06", &[]);
    out.assert_success();
    assert!(
        taken.keys[0].dns.as_deref().unwrap().contains("taken up"),
        "{out}"
    );
    assert_eq!(
        std::fs::read(&orphan).unwrap(),
        key_before,
        "the key is kept, not replaced"
    );
    assert_eq!(story.due("2026-01-06"), ["publish"]);
    assert_eq!(story.key_files(), 1);
}

#[test]
fn status_needs_a_state_and_reads_only_what_it_knows() {
    let story = Story::new("rotate-nostate");
    let out = story.run("2026-01-01", &["status"]);
    out.assert_code(2);
    out.assert_stderr_contains("no rotation state");
    std::fs::write(story.state(), "version: 1\ndomains: [oops\n").unwrap();
    let out = story.run("2026-01-01", &["status"]);
    out.assert_code(2);
    out.assert_stderr_contains("is not valid");
    let out = Mailaudit::new()
        .args(["dkim", "status", "--now", "2026-02-30", "--state"])
        .arg(story.state())
        .run();
    out.assert_code(2);
}

#[test]
fn the_default_state_lives_in_the_users_config_directory() {
    let home = TempDir::new("rotate-home");
    let out = Mailaudit::new()
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .args([
            "dkim",
            "rotate",
            "--domain",
            "example.com",
            "--algorithm",
            "ed25519",
            "--now",
            "2026-05-01",
        ])
        .run();
    out.assert_success();
    let state: &Path = &home.path().join(".config/mailaudit/dkim-rotation.yaml");
    assert!(state.exists(), "{out}");
    assert!(
        home.path()
            .join(".config/mailaudit/keys/example.com/s2026q2.example.com.pem")
            .exists()
    );
    let xdg = TempDir::new("rotate-xdg");
    Mailaudit::new()
        .env("XDG_CONFIG_HOME", xdg.path())
        .args([
            "dkim",
            "rotate",
            "--domain",
            "example.com",
            "--algorithm",
            "ed25519",
            "--now",
            "2026-05-01",
        ])
        .run()
        .assert_success();
    assert!(xdg.path().join("mailaudit/dkim-rotation.yaml").exists());
}

#[test]
fn a_second_rotation_at_the_same_time_is_refused_and_changes_nothing() {
    let story = Story::new("rotate-lock");
    let (_, made) = story.rotate("2026-01-05", &[]);
    assert_eq!(made.keys.len(), 1);
    let before = std::fs::read_to_string(story.state()).unwrap();
    // Another run holds the lock, as `dkim rotate` does for as long as it runs.
    let held = std::fs::File::open(story.dir.path().join(".state.yaml.lock")).unwrap();
    held.try_lock()
        .expect("the first run has let go of its lock");
    let out = story.run("2026-04-06", &["rotate", "--domain", "example.com"]);
    out.assert_code(2);
    out.assert_stderr_contains("another mailaudit is rotating keys");
    assert_eq!(std::fs::read_to_string(story.state()).unwrap(), before);
    assert_eq!(story.key_files(), 1, "no second key");
    drop(held);
    let (out, _) = story.rotate("2026-04-06", &[]);
    out.assert_code(0);
}

#[test]
fn status_can_be_asked_for_one_domain() {
    let story = Story::new("rotate-status-domain");
    story.rotate("2026-01-05", &[]);
    let out = story.run(
        "2026-01-05",
        &["rotate", "--domain", "example.org", "--bits", "1024"],
    );
    out.assert_code(0);
    let (_, all) = story.status("2026-01-06");
    assert_eq!(all.domains.len(), 2);
    let out = story.run("2026-01-06", &["status", "--domain", "Example.ORG"]);
    let one: DkimStatusReport = out.json_as();
    let names: Vec<&str> = one.domains.iter().map(|d| d.domain.as_str()).collect();
    assert_eq!(names, ["example.org"]);
    let out = story.run("2026-01-06", &["status", "--domain", "example.net"]);
    out.assert_code(2);
    out.assert_stderr_contains("example.net is not in the rotation state");
}

#[test]
fn verify_signing_proves_the_key_through_dns_before_activation() {
    let mut story = Story::new("rotate-verify-signing");
    let (_, made) = story.rotate("2026-01-05", &[]);
    let (name, strings) = record(&made, 0);
    // The key matches, but the record allows only SHA-1: a receiver refuses rsa-sha256.
    let mut sha1_only = strings.clone();
    sha1_only[0] = sha1_only[0].replacen("v=DKIM1;", "v=DKIM1; h=sha1;", 1);
    story.publish(&name, &sha1_only);
    let (out, refused) = story.rotate("2026-01-05", &["--activate", "--verify-signing"]);
    out.assert_code(1);
    assert!(!refused.done, "{out}");
    let signing = refused.keys[0]
        .signing
        .as_deref()
        .expect("the signing test");
    assert!(signing.contains("does not verify"), "{signing}");
    assert_eq!(story.due("2026-01-06"), ["activate"]);
    story.publish(&name, &strings);
    let (out, active) = story.rotate("2026-01-05", &["--activate", "--verify-signing"]);
    out.assert_code(0);
    assert!(active.done);
    let signing = active.keys[0].signing.as_deref().expect("the signing test");
    assert!(signing.contains("verifies through DNS"), "{signing}");
}
