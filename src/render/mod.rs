//! Renderers: the same report as text for people, or as JSON or YAML for machines. Renderers
//! only format what they are given; they never look anything up.

pub mod eval;
pub mod explain;
pub mod sanitize;
pub mod spf;
pub mod text;

use serde::Serialize;

use crate::cli::Format;

/// Renders `value` as JSON or YAML, or as text with `text`.
pub fn render<T: Serialize>(value: &T, format: Format, text: impl FnOnce(&T) -> String) -> String {
    match format {
        Format::Text => text(value),
        Format::Json => json(value),
        Format::Yaml => serde_yaml::to_string(value)
            .unwrap_or_else(|e| format!("# cannot render as YAML: {e}\n")),
    }
}

pub fn json<T: Serialize>(value: &T) -> String {
    let mut out = serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot render as JSON: {e}\"}}"));
    out.push('\n');
    out
}
