//! An error in the config file, located: the byte span the TOML parser or a check points at,
//! turned into the line number and the key a one-line message names (TOML 1.0 key/value pairs).

use crate::error::Error;

/// Something wrong in the file, at a byte span; the key when it is not on the line.
#[derive(Debug)]
pub struct ParseError {
    pub span: Option<std::ops::Range<usize>>,
    pub key: Option<String>,
    pub message: String,
}

impl ParseError {
    pub fn at(span: std::ops::Range<usize>, key: &str, message: impl Into<String>) -> Self {
        Self {
            span: Some(span),
            key: Some(key.to_string()),
            message: message.into(),
        }
    }

    /// The one-line message: `config FILE:LINE: KEY: what is wrong`.
    pub fn into_error(self, file: &str, text: &str) -> Error {
        let Some(span) = self.span.clone() else {
            return Error::Usage(format!("config {file}: {}", self.message));
        };
        Error::Usage(format!("config {}", self.located(file, text, span)))
    }

    /// `FILE:LINE: KEY: what is wrong`.
    fn located(self, file: &str, text: &str, span: std::ops::Range<usize>) -> String {
        let start = span.start.min(text.len());
        let line = text[..start].bytes().filter(|b| *b == b'\n').count() + 1;
        let key = self.key.or_else(|| key_on_line(text, start));
        let key = key.map(|k| format!("{k}: ")).unwrap_or_default();
        format!("{file}:{line}: {key}{}", self.message)
    }
}

/// The key of a `key = value` line that holds byte `at`.
fn key_on_line(text: &str, at: usize) -> Option<String> {
    let begin = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[begin..].lines().next().unwrap_or("");
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.starts_with('[')).then(|| key.to_string())
}
