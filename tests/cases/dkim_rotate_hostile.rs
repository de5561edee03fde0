//! `dkim rotate` and `dkim status` against a hostile or damaged filesystem and hostile
//! commands, through the binary: a state file of YAML aliases, deep nesting or a truncated
//! write; FIFOs where the state, a key or the lock should be; a state reached through a
//! symlink; an `--exec` whose children outlive it, whose output is endless or full of control
//! characters, and key paths that need quoting. Every case ends by itself, with a one-line
//! message naming the file, or does the right thing.

use std::fs;

use crate::cases::dkim_rotate::{Story, record};

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
