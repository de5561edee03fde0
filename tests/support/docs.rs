//! The documents whose examples the tests run — README.md and docs/GUIDE.md — read as their
//! ```console blocks: the command line shown after `$ `, and the output shown under it.

use std::path::Path;

/// Every document with examples, relative to the crate root.
pub const DOCUMENTS: [&str; 2] = ["README.md", "docs/GUIDE.md"];

/// One ```console block of a document.
#[derive(Debug, Clone)]
pub struct Example {
    /// The document it is in (one of [`DOCUMENTS`]).
    pub document: &'static str,
    /// Its first line, the command as shown (`$ mailaudit ...`).
    pub command: String,
    /// The lines under it: what the command is shown to print.
    pub shown: String,
}

/// Every ```console block of every document, in order: all of the README, then all of the guide.
pub fn console_examples(root: &Path) -> Vec<Example> {
    let mut examples = Vec::new();
    for document in DOCUMENTS {
        let text = std::fs::read_to_string(root.join(document))
            .unwrap_or_else(|e| panic!("read {document}: {e}"));
        for block in text.split("```console\n").skip(1) {
            let end = block
                .find("```")
                .unwrap_or_else(|| panic!("a console block of {document} is not closed"));
            let (command, shown) = block[..end].split_once('\n').unwrap_or((&block[..end], ""));
            examples.push(Example {
                document,
                command: command.to_owned(),
                shown: shown.to_owned(),
            });
        }
    }
    examples
}
