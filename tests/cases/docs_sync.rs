//! The committed completions/ and man/ match what the clap definitions generate (refresh them
//! with `cargo run -- generate-docs .` after changing the command line), and the README's
//! offline examples match what the binary prints.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::cmd::Mailaudit;
use crate::support::diff::assert_text_eq;

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

/// The README's examples that run offline (`--zone examples/...`) print exactly what the README
/// shows.
#[test]
fn readme_examples_print_what_they_show() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("read README.md");
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = &block[..block.find("```").expect("a closed console block")];
        let (command, shown) = block.split_once('\n').unwrap_or((block, ""));
        let Some(args) = command.strip_prefix("$ mailaudit ") else {
            continue;
        };
        if !args.starts_with("--zone examples/") || args.contains(['\'', '"']) {
            continue;
        }
        let out = Mailaudit::new()
            .current_dir(root)
            .args(args.split_whitespace())
            .run();
        assert!(out.code == 0 || out.code == 1, "{out}");
        assert_text_eq(shown, &out.stdout);
        checked += 1;
    }
    assert!(
        checked >= 4,
        "only {checked} README examples found to check"
    );
}
