//! The committed completions/ and man/ match what the clap definitions generate.
//! Refresh them with `cargo run -- generate-docs .` after changing the command line.

use std::collections::BTreeSet;
use std::path::Path;

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
