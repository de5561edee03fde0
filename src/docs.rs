//! Shell completions and man pages, generated from the clap definitions (clap_complete,
//! clap_mangen). The committed copies under completions/ and man/ are kept in sync by a test.

use std::path::Path;

use clap::CommandFactory;
use clap_complete::{Generator, Shell};

use crate::cli::Cli;

/// A generated file that could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum DocsError {
    #[error("cannot render man page {page}: {source}")]
    Render {
        page: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Shells whose completions are committed.
pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

/// The completion script for one shell.
pub fn completion(shell: Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "mailaudit", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// Man pages: `mailaudit.1` and one per visible subcommand (`mailaudit-spf.1`, ...).
pub fn man_pages() -> Result<Vec<(String, Vec<u8>)>, DocsError> {
    let mut pages = Vec::new();
    let mut cmd = Cli::command();
    cmd.build();
    add_pages(&cmd, "mailaudit", &mut pages)?;
    Ok(pages)
}

fn add_pages(
    cmd: &clap::Command,
    name: &str,
    pages: &mut Vec<(String, Vec<u8>)>,
) -> Result<(), DocsError> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone().name(name.to_string()))
        .render(&mut buf)
        .map_err(|source| DocsError::Render {
            page: name.to_string(),
            source,
        })?;
    pages.push((format!("{name}.1"), buf));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        add_pages(sub, &format!("{name}-{}", sub.get_name()), pages)?;
    }
    Ok(())
}

/// Every generated file, as (path relative to the project, contents).
pub fn files() -> Result<Vec<(String, Vec<u8>)>, DocsError> {
    let mut files: Vec<(String, Vec<u8>)> = SHELLS
        .iter()
        .map(|shell| {
            let name = shell.file_name("mailaudit");
            (
                format!("completions/{name}"),
                completion(*shell).into_bytes(),
            )
        })
        .collect();
    for (name, page) in man_pages()? {
        files.push((format!("man/{name}"), page));
    }
    Ok(files)
}

/// Writes every generated file under `dir`.
pub fn generate(dir: &Path) -> Result<(), DocsError> {
    for (rel, contents) in files()? {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| DocsError::Write {
                path: parent.display().to_string(),
                source,
            })?;
        }
        std::fs::write(&path, contents).map_err(|source| DocsError::Write {
            path: path.display().to_string(),
            source,
        })?;
    }
    Ok(())
}
