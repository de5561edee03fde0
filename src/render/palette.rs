//! The only place colour is decided: a palette that paints text with ANSI SGR sequences
//! (ECMA-48) when colour is on and leaves it alone when it is off. It is a value handed to the
//! text renderers, so stdout and stderr can decide separately and nothing is process-wide.

use colored::Color;

/// How a piece of text is painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Plain,
    Bold,
    Dim,
    Green,
    GreenBold,
    Red,
    RedBold,
    YellowBold,
    Cyan,
    Magenta,
    MagentaBold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Palette {
    color: bool,
}

impl Palette {
    pub fn new(color: bool) -> Self {
        Self { color }
    }

    pub fn paint(self, paint: Paint, text: &str) -> String {
        let (color, bold, dim) = match paint {
            Paint::Plain => (None, false, false),
            Paint::Bold => (None, true, false),
            Paint::Dim => (None, false, true),
            Paint::Green => (Some(Color::Green), false, false),
            Paint::GreenBold => (Some(Color::Green), true, false),
            Paint::Red => (Some(Color::Red), false, false),
            Paint::RedBold => (Some(Color::Red), true, false),
            Paint::YellowBold => (Some(Color::Yellow), true, false),
            Paint::Cyan => (Some(Color::Cyan), false, false),
            Paint::Magenta => (Some(Color::Magenta), false, false),
            Paint::MagentaBold => (Some(Color::Magenta), true, false),
        };
        if !self.color || paint == Paint::Plain || text.is_empty() {
            return text.to_string();
        }
        let mut codes: Vec<String> = Vec::new();
        if bold {
            codes.push("1".into());
        }
        if dim {
            codes.push("2".into());
        }
        if let Some(c) = color {
            codes.push(c.to_fg_str().into_owned());
        }
        format!("\x1b[{}m{text}\x1b[0m", codes.join(";"))
    }

    pub fn bold(self, text: &str) -> String {
        self.paint(Paint::Bold, text)
    }

    pub fn dim(self, text: &str) -> String {
        self.paint(Paint::Dim, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paints_only_when_colour_is_on() {
        assert_eq!(Palette::new(false).paint(Paint::RedBold, "x"), "x");
        assert_eq!(
            Palette::new(true).paint(Paint::RedBold, "x"),
            "\x1b[1;31mx\x1b[0m"
        );
        assert_eq!(Palette::new(true).dim("x"), "\x1b[2mx\x1b[0m");
    }
}
