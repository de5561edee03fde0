//! The shape of the house (DESIGN.md "Layout"), read from `src/`'s `use` lines and paths: no
//! import circle but the one a `mod.rs` makes with its own children, no command imports another,
//! nothing below the commands imports them, and no protocol, `dns` or `finding` module imports a
//! renderer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Files in `commands/` that several commands share and that are not commands themselves.
const COMMAND_HELPERS: &[&str] = &[
    "bulk_output",
    "change_files",
    "key_files",
    "message_input",
    "record_input",
    "rotate_exec",
    "selectors",
];

/// Modules above the protocols that may name the renderers: the entry points, the settings and
/// the one error type that wraps an output failure.
const MAY_IMPORT_RENDER: &[&str] = &["", "main", "cli", "commands", "config", "error", "render"];

type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn no_import_circle_but_a_mod_rs_with_its_children() {
    let graph = graph();
    let mut circles = Vec::new();
    for start in graph.keys() {
        if let Some(path) = path_back(&graph, start) {
            circles.push(path.join(" -> "));
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn commands_import_no_command_and_nothing_below_imports_them() {
    let graph = graph();
    let mut wrong = Vec::new();
    for (module, deps) in &graph {
        for dep in deps.iter().filter(|d| top(d) == "commands") {
            let below = !matches!(top(module), "" | "main" | "commands");
            let helper = COMMAND_HELPERS
                .iter()
                .any(|h| dep == &format!("commands::{h}"));
            let command_to_command = top(module) == "commands" && module != "commands" && !helper;
            if below || command_to_command {
                wrong.push(format!("{module} imports {dep}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_protocol_dns_or_finding_module_imports_a_renderer() {
    let wrong: Vec<String> = graph()
        .iter()
        .filter(|(module, _)| !MAY_IMPORT_RENDER.contains(&top(module)))
        .flat_map(|(module, deps)| {
            deps.iter()
                .filter(|d| top(d) == "render")
                .map(move |d| format!("{module} imports {d}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The first part of a module path ("" for the crate root).
fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or("")
}

/// A path from `start` back to itself, when there is one.
fn path_back(graph: &Graph, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if next == start {
                let mut found = path.clone();
                found.push(next.clone());
                return Some(found);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

/// Every module of `src/` and the modules it names, leaving out a module's own descendants (the
/// `mod.rs` idiom: a parent declares and re-exports its children, which use the parent's types).
fn graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    collect(&root, &root, &mut files);
    let modules: BTreeSet<String> = files.keys().cloned().collect();
    files
        .iter()
        .map(|(module, text)| {
            let deps = named_paths(text)
                .into_iter()
                .filter_map(|path| resolve(module, &path, &modules))
                .filter(|dep| dep != module && !is_descendant(dep, module))
                .collect();
            (module.clone(), deps)
        })
        .collect()
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(root, &path, files);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path
            .strip_prefix(root)
            .expect("under src")
            .with_extension("");
        let mut parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
            parts.pop();
        }
        let text = std::fs::read_to_string(&path).expect("read a source file");
        files.insert(parts.join("::"), without_tests_and_comments(&text));
    }
}

/// The code before a file's test module, without `//` comments.
fn without_tests_and_comments(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    code.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths a file names: each `use` item (braces expanded) and each inline
/// `crate::`, `super::` or `self::` path.
fn named_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for (at, _) in code.match_indices("use ") {
        let line_start = code[..at].rfind('\n').map_or(0, |i| i + 1);
        let lead = code[line_start..at].trim();
        if lead.is_empty() || lead == "pub" || (lead.starts_with("pub(") && lead.ends_with(')')) {
            let end = code[at..].find(';').map_or(code.len(), |i| at + i);
            let tree = code[at + 4..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            expand("", &tree, &mut paths);
        }
    }
    let bytes = code.as_bytes();
    for keyword in ["crate::", "super::", "self::"] {
        for (at, _) in code.match_indices(keyword) {
            let boundary =
                at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
            if boundary {
                let path: String = code[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                paths.push(path.trim_end_matches(':').to_string());
            }
        }
    }
    paths
}

/// `a::{b, c::{d, e}}` as `a::b`, `a::c::d`, `a::c::e`.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let item = tree.split(" as ").next().unwrap_or(tree).trim();
        out.push(format!("{prefix}{item}"));
        return;
    };
    let head = format!("{prefix}{}", tree[..open].trim());
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&head, &inner[start..i], out);
                start = i + 1;
            }
            _ => {}
        }
    }
    if !inner[start..].trim().is_empty() {
        expand(&head, &inner[start..], out);
    }
}

/// The module of `modules` that `path`, named in `module`, refers to.
fn resolve(module: &str, path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    let here: Vec<&str> = module.split("::").filter(|p| !p.is_empty()).collect();
    let target: Vec<&str> = match parts.first().copied()? {
        "crate" => parts.split_off(1),
        "self" => here.iter().copied().chain(parts.split_off(1)).collect(),
        "super" => {
            let ups = parts.iter().take_while(|p| **p == "super").count();
            let base = &here[..here.len().saturating_sub(ups)];
            base.iter().copied().chain(parts.split_off(ups)).collect()
        }
        // A child module declared by this file, named without `self::`.
        first => {
            let child = here
                .iter()
                .copied()
                .chain([first])
                .collect::<Vec<_>>()
                .join("::");
            if !modules.contains(&child) {
                return None;
            }
            here.iter().copied().chain(parts).collect()
        }
    };
    (1..=target.len())
        .rev()
        .map(|n| target[..n].join("::"))
        .find(|m| modules.contains(m))
}

fn is_descendant(module: &str, ancestor: &str) -> bool {
    ancestor.is_empty() || module.starts_with(&format!("{ancestor}::"))
}
