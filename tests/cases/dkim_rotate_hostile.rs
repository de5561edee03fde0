//! `dkim rotate` and `dkim status` against a hostile or damaged filesystem and hostile
//! commands, through the binary: a state file of YAML aliases, deep nesting or a truncated
//! write; FIFOs where the state, a key or the lock should be; a state reached through a
//! symlink; an `--exec` whose children outlive it, whose output is endless or full of control
//! characters, and key paths that need quoting. Every case ends by itself, with a one-line
//! message naming the file, or does the right thing.

use std::fs;
use std::path::{Path, PathBuf};

use crate::cases::dkim_rotate::{Story, record};
use crate::support::cmd::{Mailaudit, Output};
use crate::support::dns_server::TestDns;
use crate::support::model::{DkimRotateReport, DkimStatusReport};

/// Exit status 2 with one line on stderr that names `path` and says `why`.
#[track_caller]
fn refused(out: &Output, path: &Path, why: &str) {
    out.assert_code(2);
    let message = out.stderr.trim_end();
    assert_eq!(message.lines().count(), 1, "one line\n{out}");
    assert!(
        message.contains(&path.display().to_string()),
        "names {}\n{out}",
        path.display()
    );
    assert!(message.contains(why), "says {why:?}\n{out}");
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// `dkim ARGS --state STATE --now NOW` against `dns`, in JSON.
fn run_with_state(dns: &TestDns, state: &Path, now: &str, args: &[&str]) -> Output {
    Mailaudit::new()
        .dns(dns)
        .format("json")
        .arg("dkim")
        .args(args)
        .arg("--state")
        .arg(state)
        .args(["--now", now])
        .run()
}

/// The state with the domain's keys taken out (as it was before its first key), keeping the
/// end line when there is one.
fn without_keys(state: &str) -> String {
    let (before, after) = state.split_once("    keys:\n").expect("a keys list");
    let end = after.lines().find(|l| l.starts_with("# end")).unwrap_or("");
    format!("{before}    keys: []\n{end}\n")
}

// --- The state as an attack surface (YAML aliases, nesting, size) ---

#[test]
fn a_state_with_yaml_aliases_is_refused_before_it_is_parsed() {
    let story = Story::new("rotate-yaml-refs");
    story.rotate("2026-01-05", &[]).0.assert_success();
    let text = fs::read_to_string(story.state()).unwrap();
    let aliased = text
        .replace("interval_days: 90", "interval_days: &days 90")
        .replace("overlap_days: 7", "overlap_days: *days");
    assert_ne!(aliased, text);
    fs::write(story.state(), aliased).unwrap();
    refused(
        &story.run("2026-01-06", &["status"]),
        &story.state(),
        "alias",
    );
    let out = story.run("2026-01-06", &["rotate", "--domain", "example.com"]);
    refused(&out, &story.state(), "alias");
}

#[test]
fn a_state_path_naming_another_file_quotes_only_a_few_characters_of_it() {
    let story = Story::new("rotate-other-file");
    let hash = "$6$saltsalt$Xq3Zr8vK2mPq9LwY7tNb4HcJd6FgR1sA0eUi5oWz";
    fs::write(story.state(), format!("root:{hash}:19000:0:99999:7:::\n")).unwrap();
    for args in [&["status"][..], &["rotate", "--domain", "example.com"]] {
        let out = story.run("2026-01-06", args);
        refused(&out, &story.state(), "unknown field");
        assert!(!out.stderr.contains("saltsalt"), "quotes the file\n{out}");
        assert!(
            out.stderr.contains("`root:$6$…`"),
            "a few characters\n{out}"
        );
    }
}

#[test]
fn a_deeply_nested_state_is_refused_before_it_is_parsed() {
    let story = Story::new("rotate-depth");
    for deep in [
        format!("version: 1\ndomains: {}\n", "[".repeat(20_000)),
        format!("version: 1\ndomains: {}\n", "{a: ".repeat(5_000)),
        (0..200).fold("version: 1\ndomains:\n".to_string(), |text, depth| {
            format!("{text}{}k{depth}:\n", " ".repeat(depth + 2))
        }),
    ] {
        fs::write(story.state(), deep).unwrap();
        refused(
            &story.run("2026-01-06", &["status"]),
            &story.state(),
            "nested deeper than",
        );
    }
}

#[test]
fn a_state_larger_than_a_mebibyte_is_refused() {
    let story = Story::new("rotate-large");
    story.rotate("2026-01-05", &[]).0.assert_success();
    let text = fs::read_to_string(story.state()).unwrap();
    fs::write(
        story.state(),
        format!("{}{text}", "# padding\n".repeat(150_000)),
    )
    .unwrap();
    refused(
        &story.run("2026-01-06", &["status"]),
        &story.state(),
        "larger than",
    );
}

#[test]
fn a_state_holding_yaml_indicators_in_its_strings_is_read_back() {
    let mut story = Story::new("rotate-indicators");
    let (_, made) = story.rotate("2026-01-05", &["--algorithm", "ed25519"]);
    let (name, strings) = record(&made, 0);
    story.publish(&name, &strings);
    // Every YAML indicator, quotes and a line break, in the command the state records.
    let command = "true '*.pem' \"&x\" # [a] {b} 'c' e: f\n# *g &h | > - ? : %i @j `k` &a *a";
    let (out, _) = story.rotate("2026-01-06", &["--activate", "--exec", command]);
    out.assert_success();
    let (out, status) = story.status("2026-01-07");
    out.assert_success();
    assert_eq!(status.domains[0].keys[0].status, "active");
    story
        .rotate("2026-04-08", &["--algorithm", "ed25519"])
        .0
        .assert_success();
}

// --- FIFOs where files should be ---

#[test]
fn a_fifo_as_the_state_file_is_refused_without_waiting() {
    let story = Story::new("rotate-fifo-state");
    mkfifo(&story.state());
    refused(
        &story.run("2026-01-06", &["status"]),
        &story.state(),
        "not a regular file",
    );
    let out = story.run("2026-01-06", &["rotate", "--domain", "example.com"]);
    refused(&out, &story.state(), "not a regular file");
}

#[test]
fn a_fifo_as_a_pending_key_file_is_refused_without_waiting() {
    let story = Story::new("rotate-fifo-key");
    let (_, made) = story.rotate("2026-01-05", &[]);
    let key = PathBuf::from(&made.keys[0].file);
    fs::remove_file(&key).unwrap();
    mkfifo(&key);
    let out = story.run("2026-01-06", &["rotate", "--domain", "example.com"]);
    refused(&out, &key, "not a regular file");
    let (out, status) = story.status("2026-01-06");
    out.assert_code(2);
    assert_eq!(status.domains[0].due[0].kind, "check-failed", "{out}");
    assert!(
        status.domains[0].due[0]
            .message
            .contains("not a regular file"),
        "{out}"
    );
}

#[test]
fn a_fifo_as_the_lock_file_is_refused_without_waiting() {
    let story = Story::new("rotate-fifo-lock");
    let lock = story.dir.path().join(".state.yaml.lock");
    mkfifo(&lock);
    let out = story.run("2026-01-06", &["rotate", "--domain", "example.com"]);
    refused(&out, &lock, "not a regular file");
    assert!(!story.state().exists(), "nothing written");
}

// --- Truncation ---

#[test]
fn no_truncation_of_a_real_state_is_read_as_another_state() {
    // A state with a history: an active key with the command that switched to it, and the next
    // key pending.
    let mut story = Story::new("rotate-truncated");
    let (_, made) = story.rotate("2026-01-05", &[]);
    let (name, strings) = record(&made, 0);
    story.publish(&name, &strings);
    story
        .rotate("2026-01-06", &["--activate", "--exec", "true"])
        .0
        .assert_success();
    story.rotate("2026-04-08", &[]).0.assert_success();
    let whole = fs::read(story.state()).unwrap();
    let dns = story.dns();
    let status = |bytes: &[u8]| {
        fs::write(story.state(), bytes).unwrap();
        run_with_state(&dns, &story.state(), "2026-04-09", &["status"])
    };
    let expected = status(&whole);
    expected.assert_code(1);
    let mut misread = Vec::new();
    for len in 0..whole.len() {
        let out = status(&whole[..len]);
        if out.code == 2 {
            let message = out.stderr.trim_end();
            assert_eq!(message.lines().count(), 1, "cut at {len}\n{out}");
            assert!(
                message.contains(&story.state().display().to_string()),
                "cut at {len}\n{out}"
            );
        } else if out.stdout != expected.stdout {
            misread.push((len, out.code));
        }
    }
    assert!(
        misread.is_empty(),
        "{} of {} truncations were read as another state (length, exit status): {misread:?}",
        misread.len(),
        whole.len()
    );
}

#[test]
fn a_state_written_before_the_end_line_is_checked_and_gets_it_on_the_next_rotate() {
    let story = Story::new("rotate-legacy");
    story.rotate("2026-01-05", &[]).0.assert_success();
    // What an earlier mailaudit wrote: the YAML alone.
    let text = fs::read_to_string(story.state()).unwrap();
    let yaml: String = text
        .split_inclusive('\n')
        .filter(|l| !l.starts_with('#'))
        .collect();
    fs::write(story.state(), &yaml).unwrap();
    let (out, status): (Output, DkimStatusReport) = story.status("2026-01-06");
    out.assert_code(1);
    assert_eq!(status.domains[0].keys.len(), 1);
    // Held to the checks: a value the command line refuses is refused here too.
    fs::write(
        story.state(),
        yaml.replace("interval_days: 90", "interval_days: 9000"),
    )
    .unwrap();
    refused(
        &story.run("2026-01-06", &["status"]),
        &story.state(),
        "interval_days 9000",
    );
    fs::write(story.state(), &yaml).unwrap();
    let (out, report) = story.rotate("2026-01-06", &[]);
    out.assert_success();
    assert!(
        report.next.iter().any(|n| n.contains("no end line")),
        "{out}"
    );
    assert_eq!(fs::read_to_string(story.state()).unwrap(), text);
}

// --- Symlinks ---

#[test]
fn a_state_reached_through_a_symlink_shares_the_lock_of_its_target() {
    let story = Story::new("rotate-symlink-lock");
    let (_, made) = story.rotate("2026-01-05", &[]);
    assert_eq!(made.keys.len(), 1);
    let elsewhere = story.dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let link = elsewhere.join("state.yaml");
    std::os::unix::fs::symlink(story.state(), &link).unwrap();
    let before = fs::read_to_string(story.state()).unwrap();
    // Another run holds the lock of the real state.
    let held = fs::File::open(story.dir.path().join(".state.yaml.lock")).unwrap();
    held.try_lock().unwrap();
    let out = run_with_state(
        &story.dns(),
        &link,
        "2026-04-06",
        &["rotate", "--domain", "example.com"],
    );
    out.assert_code(2);
    out.assert_stderr_contains("another mailaudit is rotating keys");
    assert_eq!(fs::read_to_string(story.state()).unwrap(), before);
    assert_eq!(story.key_files(), 1, "no second key");
}

#[test]
fn rotating_through_a_symlinked_state_writes_its_target_and_keeps_the_link() {
    let mut story = Story::new("rotate-symlink-write");
    let (_, made) = story.rotate("2026-01-05", &[]);
    let (name, strings) = record(&made, 0);
    story.publish(&name, &strings);
    let elsewhere = story.dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let link = elsewhere.join("state.yaml");
    std::os::unix::fs::symlink("../state.yaml", &link).unwrap();
    let out = run_with_state(
        &story.dns(),
        &link,
        "2026-01-06",
        &["rotate", "--domain", "example.com", "--activate"],
    );
    out.assert_success();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert!(
        fs::read_to_string(story.state())
            .unwrap()
            .contains("activated: 2026-01-06"),
        "the target holds the activation"
    );
    assert!(!elsewhere.join(".state.yaml.lock").exists(), "one lock");
}

#[test]
fn a_lock_file_that_is_a_symlink_is_refused() {
    let story = Story::new("rotate-symlink-lockfile");
    let lock = story.dir.path().join(".state.yaml.lock");
    let victim = story.dir.path().join("victim");
    std::os::unix::fs::symlink(&victim, &lock).unwrap();
    let out = story.run("2026-01-05", &["rotate", "--domain", "example.com"]);
    refused(&out, &lock, "symbolic link");
    assert!(!victim.exists(), "nothing created through the link");
}

// --- --exec ---

#[test]
fn an_exec_timeout_beyond_a_day_is_refused_before_anything_changes() {
    let mut story = Story::new("rotate-exec-timeout-range");
    let (_, made) = story.rotate("2026-01-05", &["--algorithm", "ed25519"]);
    let (name, strings) = record(&made, 0);
    story.publish(&name, &strings);
    let before = fs::read_to_string(story.state()).unwrap();
    for secs in ["18446744073709551615", "86401", "0"] {
        let out = story.run(
            "2026-01-06",
            &[
                "rotate",
                "--domain",
                "example.com",
                "--activate",
                "--exec",
                "true",
                "--exec-timeout",
                secs,
            ],
        );
        out.assert_code(2);
        out.assert_stderr_contains("--exec-timeout");
        assert_eq!(fs::read_to_string(story.state()).unwrap(), before);
    }
    let (out, report) = story.rotate(
        "2026-01-06",
        &["--activate", "--exec", "true", "--exec-timeout", "86400"],
    );
    out.assert_success();
    assert_eq!(report.exec.unwrap().outcome, "exit status 0");
    assert!(story.due("2026-01-07").is_empty());
}

#[test]
fn a_process_left_behind_by_exec_does_not_hold_the_output_open() {
    let mut story = Story::new("rotate-exec-grandchild");
    let (_, made) = story.rotate("2026-01-05", &["--algorithm", "ed25519"]);
    let (name, strings) = record(&made, 0);
    story.publish(&name, &strings);
    // A "daemon" that does not detach: it keeps the output it inherited for as long as the
    // test's directory is there (90 s at most).
    let alive = story.dir.write("alive", "");
    let command = format!(
        "echo reloaded; (i=0; while [ -e {} ] && [ $i -lt 900 ]; do sleep 0.1; i=$((i+1)); done) &",
        alive.display()
    );
    let (out, report) = story.rotate("2026-01-06", &["--activate", "--exec", &command]);
    out.assert_success();
    out.assert_stderr_contains("reloaded");
    assert_eq!(report.exec.unwrap().outcome, "exit status 0");
}

#[test]
fn exec_output_is_bounded_and_escaped() {
    let mut story = Story::new("rotate-exec-output");
    let (_, made) = story.rotate("2026-01-05", &["--algorithm", "ed25519"]);
    let (name, strings) = record(&made, 0);
    story.publish(&name, &strings);
    let command = r"printf 'tab\there \033[31mred\n'; head -c 200000 /dev/zero | tr '\000' x";
    let (out, report) = story.rotate("2026-01-06", &["--activate", "--exec", command]);
    out.assert_success();
    assert_eq!(report.exec.unwrap().outcome, "exit status 0");
    out.assert_stderr_contains(r"tab\there \x1b[31mred");
    assert!(!out.stderr.contains('\x1b'), "no raw escape reaches stderr");
    assert!(
        out.stderr.len() < 66 * 1024,
        "{} bytes on stderr",
        out.stderr.len()
    );
    out.assert_stderr_contains("bytes of its output not shown");
}

#[test]
fn key_paths_that_need_quoting_reach_the_command_and_the_signer_intact() {
    let mut story = Story::new("rotate-exec-quoting");
    let key_dir = story.dir.path().join("my keys").join("it's \"quoted\"");
    let (out, made) = story.rotate(
        "2026-01-05",
        &[
            "--key-dir",
            key_dir.to_str().unwrap(),
            "--algorithm",
            "ed25519",
        ],
    );
    out.assert_success();
    let file = made.keys[0].file.clone();
    assert!(file.starts_with(key_dir.to_str().unwrap()), "{out}");
    let (name, strings) = record(&made, 0);
    story.publish(&name, &strings);
    let command = r#"eval "set -- $MAILAUDIT_KEY_FILES"; [ $# -eq 1 ] && [ -f "$1" ] && printf 'key file: %s\n' "$1""#;
    let (out, report): (Output, DkimRotateReport) =
        story.rotate("2026-01-06", &["--activate", "--exec", command]);
    out.assert_success();
    out.assert_stderr_contains(&format!("key file: {file}"));
    let signer = report.signer.expect("signer settings");
    assert_eq!(
        signer.opendkim[0],
        format!("KeyTable:     s2026q1._domainkey.example.com example.com:s2026q1:{file}")
    );
    let path = signer
        .rspamd
        .split_once("path = ")
        .and_then(|(_, rest)| rest.split_once("; selector"))
        .map(|(quoted, _)| quoted)
        .expect("a path in the Rspamd block");
    let path: String =
        serde_json::from_str(path).unwrap_or_else(|e| panic!("{path} is not a quoted string: {e}"));
    assert_eq!(path, file);
}

#[test]
fn status_advises_for_a_key_file_the_state_does_not_name_what_rotate_does() {
    let story = Story::new("rotate-advice");
    // The domain is set up and has no key yet.
    let (_, setup) = story.rotate("2026-01-05", &["--selector", "setup"]);
    fs::remove_file(&setup.keys[0].file).unwrap();
    let text = fs::read_to_string(story.state()).unwrap();
    fs::write(story.state(), without_keys(&text)).unwrap();
    let unrecorded = |now: &str| {
        let (out, status): (Output, DkimStatusReport) = story.status(now);
        out.assert_code(1);
        let due = &status.domains[0].due;
        assert_eq!(due.len(), 2, "{out}");
        assert_eq!(due[1].kind, "unrecorded-key", "{out}");
        due[1].message.clone()
    };
    // Not a key, where the next key goes: rotate refuses to make it, so status says so.
    let broken = story.key_dir().join("s2026q1.example.com.pem");
    fs::write(&broken, "not a key\n").unwrap();
    let advice = unrecorded("2026-01-06");
    assert!(!advice.contains("to take it up"), "{advice}");
    assert!(advice.contains("refuses to make the next key"), "{advice}");
    let out = story.run("2026-01-06", &["rotate", "--domain", "example.com"]);
    out.assert_code(2);
    // A usable key under another name: rotate makes the next key beside it unless told its
    // selector, so status names the selector.
    fs::remove_file(&broken).unwrap();
    Mailaudit::new()
        .args([
            "dkim",
            "keygen",
            "--domain",
            "example.com",
            "--selector",
            "old1",
        ])
        .args(["--bits", "1024", "--out"])
        .arg(story.key_dir())
        .run()
        .assert_success();
    let advice = unrecorded("2026-01-06");
    assert!(advice.contains("--selector old1"), "{advice}");
    let (out, taken) = story.rotate("2026-01-06", &["--selector", "old1"]);
    out.assert_success();
    assert!(
        taken.keys[0].dns.as_deref().unwrap().contains("taken up"),
        "{out}"
    );
}
