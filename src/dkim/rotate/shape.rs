//! The shape of a DKIM rotation state (RFC 6376 §3.1 key rotation) before it is parsed, as
//! libyaml reads YAML 1.1: a state is a small block of mappings and lists, and mailaudit never
//! writes anchors, aliases, tags or deep nesting. A YAML parser would expand aliases into gigabytes and spends time quadratic in the
//! nesting depth, so this one linear pass refuses them first. It finds where libyaml's tokens
//! start (quoted scalars, comments, block scalar bodies and plain scalars are skipped as libyaml
//! skips them) and refuses, rather than guesses, where that takes more than a line of context: a
//! plain scalar over several lines, and flow collections holding more than plain words.

/// Nesting of mappings, lists and flow collections beyond which a state is refused; a state
/// mailaudit writes nests five deep.
pub const MAX_DEPTH: usize = 16;

/// Why the text is refused: a sentence with the line it is about.
pub type Refusal = String;

/// Checks `text` (the whole state) before it is parsed.
pub fn check(text: &str) -> Result<(), Refusal> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut scan = Scan::default();
    for (number, line) in lines(text).enumerate() {
        let chars: Vec<char> = line.chars().collect();
        scan.line(&chars)
            .map_err(|why| format!("{why} (line {})", number + 1))?;
    }
    Ok(())
}

/// The lines as libyaml breaks them: at LF, CR, CR LF, NEL, LS and PS.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        let Some((at, c)) = text.char_indices().find(|(_, c)| is_break(*c)) else {
            rest = None;
            return Some(text);
        };
        let skip = if text[at..].starts_with("\r\n") {
            2
        } else {
            c.len_utf8()
        };
        rest = Some(&text[at + skip..]);
        Some(&text[..at])
    })
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Whether the character at `i` is a blank or the end of the line.
fn blankz(line: &[char], i: usize) -> bool {
    line.get(i).is_none_or(|c| is_blank(*c))
}

fn refuse<T>(why: &str) -> Result<T, Refusal> {
    Err(why.to_string())
}

const ANCHOR: &str = "it uses YAML anchors or aliases (& or *), which mailaudit never writes";
const DEEP: &str = "it is nested deeper than 16 levels";

/// A block scalar (`|` or `>`) whose body lines are being skipped.
#[derive(Debug, Clone, Copy)]
struct BlockScalar {
    /// The column of the key or entry it is the value of (libyaml's current indentation).
    parent: usize,
    /// The body's indentation, once known (given, or found at its first line).
    indent: Option<usize>,
    /// The most spaces on the empty lines before the first line of the body.
    leading: usize,
}

impl BlockScalar {
    /// Whether the line of `spaces` leading spaces (and `empty` when nothing follows them)
    /// belongs to the body; the first line that does not ends it.
    fn takes(&mut self, spaces: usize, empty: bool) -> bool {
        if empty {
            self.leading = self.leading.max(spaces);
            return true;
        }
        let indent = *self
            .indent
            .get_or_insert_with(|| self.leading.max(spaces).max(self.parent + 1));
        spaces >= indent
    }
}

#[derive(Debug, Default)]
struct Scan {
    /// Open flow collections (`[`, `{`), which may span lines.
    flow: usize,
    block: Option<BlockScalar>,
    /// The quote of a quoted scalar that goes on on the next line.
    quote: Option<char>,
    /// After a line that ended in a plain scalar: the indentation from which a following line
    /// would continue it (one more than the column of its key or entry; 0 when it had none).
    plain_open: Option<usize>,
    /// The indentations of the lines enclosing this one.
    indents: Vec<usize>,
}

/// Where a line is, from the start of one token to the next.
#[derive(Debug, Default)]
struct Line {
    /// The column of the last key, `-`, `?` or `:` on the line: what a block scalar or a plain
    /// scalar running to the end of the line belongs to.
    parent: Option<usize>,
    /// The start of the last node on the line, which a `:` makes a key.
    node: Option<usize>,
    /// Keys and entries opened on the line.
    levels: usize,
}

impl Scan {
    fn line(&mut self, line: &[char]) -> Result<(), Refusal> {
        let spaces = line.iter().take_while(|c| **c == ' ').count();
        let start = line.iter().take_while(|c| is_blank(**c)).count();
        if let Some(block) = &mut self.block {
            if block.takes(spaces, start == line.len()) {
                return Ok(());
            }
            self.block = None;
        }
        if let Some(quote) = self.quote {
            // Up to its closing quote, a quoted scalar is text whatever the lines look like.
            let Some(end) = quote_end(line, 0, quote) else {
                return Ok(());
            };
            self.quote = None;
            return self.block_tokens(line, end, &mut Line::default());
        }
        if start == line.len() {
            return Ok(());
        }
        if self.flow > 0 {
            let at = self.flow_words(line, 0)?;
            return self.block_tokens(line, at, &mut Line::default());
        }
        if line[start] == '#' {
            self.plain_open = None;
            return Ok(());
        }
        if self.plain_open.take().is_some_and(|from| start >= from) {
            return refuse("a plain scalar goes on over more than one line");
        }
        while self.indents.last().is_some_and(|i| *i >= start) {
            self.indents.pop();
        }
        self.indents.push(start);
        let mut at = start;
        if start == 0 {
            let three: String = line.iter().take(3).collect();
            if line[0] == '%' {
                return refuse("it holds a YAML directive, which mailaudit never writes");
            }
            if (three == "---" || three == "...") && blankz(line, 3) {
                at = 3;
            }
        }
        self.block_tokens(line, at, &mut Line::default())
    }

    /// The tokens of a line in block context, from `at` to its end.
    fn block_tokens(&mut self, line: &[char], mut at: usize, l: &mut Line) -> Result<(), Refusal> {
        loop {
            while line.get(at).is_some_and(|c| is_blank(*c)) {
                at += 1;
            }
            if self.indents.len() + l.levels + self.flow > MAX_DEPTH {
                return refuse(DEEP);
            }
            let Some(&c) = line.get(at) else {
                return Ok(());
            };
            match c {
                '#' => return Ok(()),
                '-' | '?' if blankz(line, at + 1) => {
                    (l.parent, l.node, l.levels) = (Some(at), None, l.levels + 1);
                    at += 1;
                }
                ':' if blankz(line, at + 1) => {
                    (l.parent, l.levels) = (Some(l.node.take().unwrap_or(at)), l.levels + 1);
                    at += 1;
                }
                '&' | '*' => return refuse(ANCHOR),
                '!' => return refuse("it uses YAML tags (!), which mailaudit never writes"),
                '|' | '>' => return self.block_scalar(line, at, l.parent),
                '\'' | '"' => {
                    l.node = Some(at);
                    let Some(end) = quote_end(line, at + 1, c) else {
                        self.quote = Some(c);
                        return Ok(());
                    };
                    at = end;
                }
                '[' | '{' => {
                    self.flow = 1;
                    l.node = Some(at);
                    at = self.flow_words(line, at + 1)?;
                    if self.flow > 0 {
                        return Ok(());
                    }
                }
                ']' | '}' | ',' | '%' | '@' | '`' => {
                    return refuse("it holds YAML that mailaudit never writes");
                }
                _ => {
                    l.node = Some(at);
                    let Some(end) = plain(line, at) else {
                        self.plain_open = Some(l.parent.map_or(0, |p| p + 1));
                        return Ok(());
                    };
                    at = end;
                }
            }
        }
    }

    /// A block scalar's header at `at`; its body is skipped from the next line on.
    fn block_scalar(
        &mut self,
        line: &[char],
        at: usize,
        parent: Option<usize>,
    ) -> Result<(), Refusal> {
        let Some(parent) = parent else {
            return refuse("a block scalar (| or >) that is not the value of a key or entry");
        };
        let mut at = at + 1;
        let mut given = None;
        for _ in 0..2 {
            match line.get(at) {
                Some('+' | '-') => at += 1,
                Some(c @ '1'..='9') => {
                    given = c.to_digit(10).map(|d| parent + d as usize);
                    at += 1;
                }
                _ => {}
            }
        }
        while line.get(at).is_some_and(|c| is_blank(*c)) {
            at += 1;
        }
        if line.get(at).is_some_and(|c| *c != '#') {
            return refuse("a block scalar header followed by more than a comment");
        }
        self.block = Some(BlockScalar {
            parent,
            indent: given,
            leading: 0,
        });
        Ok(())
    }

    /// Flow collection content from `at`, up to the end of the outermost collection (the
    /// position after it) or of the line. Only plain words are allowed inside: then no quote,
    /// comment, anchor or alias can hide there, and every bracket nests.
    fn flow_words(&mut self, line: &[char], mut at: usize) -> Result<usize, Refusal> {
        while let Some(&c) = line.get(at) {
            at += 1;
            match c {
                '[' | '{' => {
                    self.flow += 1;
                    if self.indents.len() + self.flow > MAX_DEPTH {
                        return refuse(DEEP);
                    }
                }
                ']' | '}' => {
                    self.flow = self.flow.saturating_sub(1);
                    if self.flow == 0 {
                        return Ok(at);
                    }
                }
                c if c.is_ascii_alphanumeric() || is_blank(c) || "-._/+,:".contains(c) => {}
                '&' | '*' => return refuse(ANCHOR),
                _ => {
                    return refuse(
                        "a flow collection ([...] or {...}) holds more than plain words, which \
                         mailaudit never writes",
                    );
                }
            }
        }
        Ok(at)
    }
}

/// The position after the closing `quote` of a quoted scalar whose text goes on at `from`;
/// `None` when it goes on on the next line.
fn quote_end(line: &[char], from: usize, quote: char) -> Option<usize> {
    let mut i = from;
    while let Some(&c) = line.get(i) {
        match c {
            // '' is a quote inside single quotes; \ escapes the next character inside double
            // (at the end of the line, the line break).
            '\'' if quote == '\'' && line.get(i + 1) == Some(&'\'') => i += 2,
            '\\' if quote == '"' => i += 2,
            c if c == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// The end of the plain scalar that starts at `at` (block context): where a `: ` or ` #`
/// follows it; `None` when it runs to the end of the line.
fn plain(line: &[char], at: usize) -> Option<usize> {
    let mut i = at + 1;
    while let Some(&c) = line.get(i) {
        if c == ':' && blankz(line, i + 1) {
            return Some(i);
        }
        if is_blank(c) {
            let next = (i..line.len()).find(|j| !is_blank(line[*j]));
            match next {
                Some(j) if line[j] == '#' => return Some(j),
                Some(j) => i = j,
                None => return None,
            }
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn refused(text: &str) -> String {
        check(text).expect_err(text)
    }

    #[test]
    fn finds_anchors_and_aliases_wherever_libyaml_does() {
        for text in [
            "a: &x 1\nb: *x\n",
            "a: *x\n",
            "- *x\n",
            "- - *x\n",
            "? *x\n: 1\n",
            "a: [1, *x]\n",
            "a: {b: *x}\n",
            "a: [1,\n  *x]\n",
            "a: 'q'\nb: *x\n",
            "a: \"q\\\"\"\nb: *x\n",
            "a: b # c\n*x: 1\n",
            "a: b\r*x: 1\n",
            "a: b\u{2028}*x: 1\n",
            "a: |\n  body\n*x: 1\n",
            "- a: |\n  *x\n",
            "a: |2\n *x\n",
            "--- *x\n",
            "a: 'x' *y\n",
            "a: 'x\n  y'\nb: *z\n",
            "a: \"x\\\n  y\"\nb: *z\n",
        ] {
            assert!(refused(text).contains("alias"), "{text:?}");
        }
    }

    #[test]
    fn leaves_alone_what_is_only_text() {
        for text in [
            "a: b *c &d\n",
            "a: '*x &y # z: w'\n",
            "a: \"*x \\\" &y\"\n",
            "a: b#*c\n",
            "a: b # *c &d\n",
            "# *x\n",
            "a: |-\n  *x &y\n    - z: 'w\n\n  *q\nb: 1\n",
            "a: >\n  [*x\nb: 1\n",
            "a: x:*y\n",
            "a: [rsa, ed25519]\nb: {}\nc: []\n",
            "a: [b]\n",
            "a: 'x\n  *y &z\n'\n",
            "a: \"x\\\n*y\n\"\n",
            "a: '\u{2028}  *y'\n",
        ] {
            assert_eq!(check(text), Ok(()), "{text:?}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_follow_on_one_line() {
        for (text, why) in [
            ("a: x\n  'y\nb: *z\n", "plain scalar"),
            ("a: [\"x\"]\n", "flow collection"),
            ("a: !!str x\n", "tags"),
            ("%YAML 1.1\n", "directive"),
            ("|\n  x\n", "block scalar"),
        ] {
            assert!(refused(text).contains(why), "{text:?}: {}", refused(text));
        }
    }

    #[test]
    fn refuses_deep_nesting_in_one_pass() {
        assert!(refused(&"[".repeat(1_000_000)).contains("nested deeper"));
        assert!(refused(&"{a: ".repeat(1_000)).contains("nested deeper"));
        assert!(refused(&"- ".repeat(100)).contains("nested deeper"));
        let block = (0..40).fold(String::new(), |text, i| {
            format!("{text}{}k{i}:\n", " ".repeat(i))
        });
        assert!(refused(&block).contains("nested deeper"));
        assert!(refused("a:\n b:\n  c: [[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]\n").contains("line 3"));
    }

    /// Every string in `v` with `from` replaced by `to`.
    fn replaced(v: serde_yaml::Value, from: char, to: char) -> serde_yaml::Value {
        use serde_yaml::Value;
        let text = |s: String| s.replace(from, &to.to_string());
        match v {
            Value::String(s) => Value::String(text(s)),
            Value::Sequence(items) => {
                Value::Sequence(items.into_iter().map(|i| replaced(i, from, to)).collect())
            }
            Value::Mapping(map) => Value::Mapping(
                map.into_iter()
                    .map(|(k, v)| (replaced(k, from, to), replaced(v, from, to)))
                    .collect(),
            ),
            other => other,
        }
    }

    /// YAML-like lines full of indicators, mostly valid enough for libyaml to read.
    fn yamlish() -> impl Strategy<Value = String> {
        let prefix = prop::sample::select(vec!["", "- ", "k: ", "- k: ", "? ", ": ", "k: |\n"]);
        let body = "[ \t\\-?:,\\[\\]{}#&*|>'\"ab1]{0,12}";
        prop::collection::vec((0..5usize, prefix, body), 1..8).prop_map(|lines| {
            lines
                .into_iter()
                .fold(String::new(), |text, (indent, prefix, body)| {
                    format!("{text}{}{prefix}{body}\n", " ".repeat(indent))
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4_000))]

        /// Whatever the scan lets through reads as the same document when every `&` and `*`
        /// in it is made a letter: none of them was an anchor or alias to libyaml.
        #[test]
        fn what_it_lets_through_has_no_anchor_or_alias_for_libyaml(text in yamlish()) {
            let read = serde_yaml::from_str::<serde_yaml::Value>(&text);
            if let (Ok(()), Ok(read)) = (check(&text), read) {
                let plain = text.replace('&', "Q").replace('*', "W");
                let other = serde_yaml::from_str::<serde_yaml::Value>(&plain)
                    .map(|v| replaced(replaced(v, 'Q', '&'), 'W', '*'));
                prop_assert_eq!(Some(read), other.ok(), "{:?}", text);
            }
        }
    }
}
