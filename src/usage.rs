//! Usage errors made safe for a terminal: clap quotes a rejected argument as it was given, and
//! a script that passes text from received mail (an `s=` tag to `--selector`) would hand its
//! sender the terminal through escape sequences. The quoted text is escaped; clap still prints
//! the error (colour only on a terminal, exit 2) and help and version (stdout, exit 0).

use std::io::Write;

use clap::CommandFactory;
use clap::builder::StyledStr;
use clap::error::{ContextValue, Error};

use crate::cli::Cli;
use crate::sanitize::escape;

/// Prints `error` as clap does, with what it quotes escaped, and exits.
pub fn exit(mut error: Error) -> ! {
    if !error.use_stderr() {
        error.exit(); // help and version
    }
    if let Some(plain) = make_safe(&mut error) {
        let _ = writeln!(std::io::stderr(), "{plain}");
        std::process::exit(error.exit_code());
    }
    error.exit()
}

/// Escapes what `error` quotes. `Some` when something unsafe is left that clap did not take
/// from its context (a value parser's message, a raw message): the error as plain, escaped
/// text, to print instead.
fn make_safe(error: &mut Error) -> Option<String> {
    let colours = colours();
    let escaped: Vec<_> = error
        .context()
        .filter_map(|(kind, value)| safe(value, &colours).map(|value| (kind, value)))
        .collect();
    for (kind, value) in escaped {
        error.insert(kind, value);
    }
    let shown = error.render().ansi().to_string();
    if keep_colours(&shown, &colours) == shown {
        return None;
    }
    // clap's plain text has no escape sequences left; other controls are escaped here.
    let plain = error.render().to_string();
    Some(keep_colours(plain.trim_end(), &[]))
}

/// The colour sequences clap's styles write, and their resets.
fn colours() -> Vec<String> {
    let styles = Cli::command().get_styles().clone();
    [
        styles.get_header(),
        styles.get_error(),
        styles.get_usage(),
        styles.get_literal(),
        styles.get_placeholder(),
        styles.get_valid(),
        styles.get_invalid(),
        styles.get_context(),
        styles.get_context_value(),
    ]
    .iter()
    .flat_map(|style| [style.render().to_string(), style.render_reset().to_string()])
    .filter(|sgr| !sgr.is_empty())
    .collect()
}

/// `value` with its control characters escaped, when it has any. Styled text keeps the colour
/// sequences clap's own styles write (`colours`), and nothing else.
fn safe(value: &ContextValue, colours: &[String]) -> Option<ContextValue> {
    let styled = |s: &StyledStr| StyledStr::from(keep_colours(&s.ansi().to_string(), colours));
    let new = match value {
        ContextValue::String(s) => ContextValue::String(escape(s)),
        ContextValue::Strings(list) => {
            ContextValue::Strings(list.iter().map(|s| escape(s)).collect())
        }
        ContextValue::StyledStr(s) => ContextValue::StyledStr(styled(s)),
        ContextValue::StyledStrs(list) => {
            ContextValue::StyledStrs(list.iter().map(styled).collect())
        }
        _ => return None,
    };
    Some(new)
}

/// Escapes `text` except for line breaks (clap's layout) and the sequences in `colours`.
fn keep_colours(text: &str, colours: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(sgr) = colours.iter().find(|sgr| rest.starts_with(sgr.as_str())) {
            out.push_str(sgr);
            rest = &rest[sgr.len()..];
        } else if c == '\n' {
            out.push(c);
            rest = &rest[1..];
        } else {
            out.push_str(&escape(c.encode_utf8(&mut [0; 4])));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[test]
    fn quoted_arguments_are_escaped_and_clap_still_prints() {
        let hostile = "x\u{1b}]0;pwned\u{7}\u{9b}31m";
        let mut error = Cli::try_parse_from(["mailaudit", "--format", hostile]).unwrap_err();
        assert_eq!(make_safe(&mut error), None);
        let shown = error.render().ansi().to_string();
        assert!(shown.contains(r"x\x1b]0;pwned\x07\x9b31m"), "{shown:?}");
        // A message clap did not build from its context is printed plain and escaped.
        let mut raw = Error::raw(clap::error::ErrorKind::InvalidValue, hostile);
        let plain = make_safe(&mut raw).unwrap();
        assert!(!plain.chars().any(char::is_control), "{plain:?}");
        assert!(plain.contains("x\\x9b31m"), "{plain:?}");
    }

    #[test]
    fn only_the_listed_colour_sequences_survive() {
        let colours = ["\u{1b}[1m".to_string(), "\u{1b}[0m".to_string()];
        assert_eq!(
            keep_colours(
                "\u{1b}[1mto pass '\u{1b}]0;x\u{7}\u{1b}[31m'\u{1b}[0m",
                &colours
            ),
            "\u{1b}[1mto pass '\\x1b]0;x\\x07\\x1b[31m'\u{1b}[0m"
        );
    }
}
