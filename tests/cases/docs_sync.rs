//! The committed completions/ and man/ match what the clap definitions generate (refresh them
//! with `cargo run -- generate-docs .` after changing the command line), and the offline examples
//! of the README and the guide match what the binary prints.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::cmd::Mailaudit;
use crate::support::diff::line_diff;
use crate::support::docs::{DOCUMENTS, console_examples};

#[test]
fn completions_and_man_pages_are_in_sync() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = mailaudit::docs::files().expect("generate docs");
    let mut stale = Vec::new();
    for (rel, generated) in &files {
        match std::fs::read(root.join(rel)) {
            Ok(committed) if &committed == generated => {}
            Ok(_) => stale.push(format!("{rel} differs")),
            Err(e) => stale.push(format!("{rel}: {e}")),
        }
    }
    let expected: BTreeSet<&str> = files.iter().map(|(rel, _)| rel.as_str()).collect();
    for dir in ["completions", "man"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("read dir") {
            let rel = format!(
                "{dir}/{}",
                entry.expect("entry").file_name().to_string_lossy()
            );
            if !expected.contains(rel.as_str()) {
                stale.push(format!("{rel} is no longer generated"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "completions/man out of date ({}); run `cargo run -- generate-docs .` and commit",
        stale.join("; ")
    );
}

/// Offline examples (`--zone examples/...`) in README.md and docs/GUIDE.md together when the
/// README was split into the two: the count may grow, and an example dropped or no longer
/// recognised fails the test.
const OFFLINE_EXAMPLES: usize = 13;

/// The examples of the README and the guide that run offline (`--zone examples/...`) print
/// exactly what they show.
#[test]
fn docs_examples_print_what_they_show() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for example in console_examples(root) {
        let Some(args) = example.command.strip_prefix("$ mailaudit ") else {
            continue;
        };
        if !args.starts_with("--zone examples/") || args.contains(['\'', '"']) {
            continue;
        }
        let out = Mailaudit::new()
            .current_dir(root)
            .args(args.split_whitespace())
            .run();
        assert!(
            out.code == 0 || out.code == 1,
            "{}: {out}",
            example.document
        );
        assert!(
            example.shown == out.stdout,
            "{}: `{}` prints otherwise (- shown, + printed):\n{}",
            example.document,
            example.command,
            line_diff(&example.shown, &out.stdout)
        );
        checked += 1;
    }
    assert!(
        checked >= OFFLINE_EXAMPLES,
        "only {checked} offline examples found to check in {DOCUMENTS:?}, not {OFFLINE_EXAMPLES}"
    );
}
