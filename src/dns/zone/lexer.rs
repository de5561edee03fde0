//! RFC 1035 §5.1 master-file tokens: fields split at blanks, quoted strings, `( )` joining
//! lines, `;` comments, and the escapes `\X` (the byte X) and `\DDD` (the byte of decimal
//! value DDD). Bytes in, bytes out: nothing here assumes UTF-8. Also a token read as a domain name,
//! and a token shown in a message.

use hickory_proto::rr::Name;

/// One field: `text` is what it means (escapes decoded, quotes removed), `raw` as written.
pub(super) struct Token<'a> {
    pub raw: &'a [u8],
    pub text: Vec<u8>,
    pub quoted: bool,
}

/// One record or directive: a line, or several joined by parentheses.
pub(super) struct Entry<'a> {
    pub line: usize,
    /// The line starts with a space or tab: the owner is the previous record's.
    pub blank_start: bool,
    pub tokens: Vec<Token<'a>>,
}

/// A token error: the line and what is wrong.
pub(super) type Lexed<T> = Result<T, (usize, String)>;

pub(super) struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a [u8]) -> Self {
        Self {
            src,
            pos: 0,
            line: 1,
        }
    }

    /// The next record or directive; `None` at the end of the file.
    pub fn next_entry(&mut self) -> Lexed<Option<Entry<'a>>> {
        while self.pos < self.src.len() {
            let line = self.line;
            let blank_start = matches!(self.src[self.pos], b' ' | b'\t');
            let tokens = self.entry_tokens()?;
            if !tokens.is_empty() {
                return Ok(Some(Entry {
                    line,
                    blank_start,
                    tokens,
                }));
            }
        }
        Ok(None)
    }

    /// The tokens to the end of the line, or to the end of the line that closes a `(`.
    fn entry_tokens(&mut self) -> Lexed<Vec<Token<'a>>> {
        let mut tokens = Vec::new();
        let mut open = None; // the line of an unclosed '('
        while let Some(&b) = self.src.get(self.pos) {
            match b {
                b'\n' => {
                    self.pos += 1;
                    self.line += 1;
                    if open.is_none() {
                        return Ok(tokens);
                    }
                }
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b';' => {
                    while self.src.get(self.pos).is_some_and(|&b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                b'(' if open.is_some() => return Err((self.line, "'(' inside '( )'".into())),
                b'(' => {
                    open = Some(self.line);
                    self.pos += 1;
                }
                b')' if open.is_none() => return Err((self.line, "')' without '('".into())),
                b')' => {
                    open = None;
                    self.pos += 1;
                }
                b'"' => tokens.push(self.quoted()?),
                _ => tokens.push(self.plain()?),
            }
        }
        match open {
            Some(line) => Err((line, "'(' is never closed".into())),
            None => Ok(tokens),
        }
    }

    fn quoted(&mut self) -> Lexed<Token<'a>> {
        let (start, line) = (self.pos, self.line);
        self.pos += 1;
        let mut text = Vec::new();
        loop {
            match self.src.get(self.pos) {
                None | Some(b'\n') => return Err((line, "a quoted string is not closed".into())),
                Some(b'"') => break,
                Some(b'\\') => text.push(self.escape()?),
                Some(&b) => {
                    text.push(b);
                    self.pos += 1;
                }
            }
        }
        self.pos += 1;
        let raw = &self.src[start..self.pos];
        Ok(Token {
            raw,
            text,
            quoted: true,
        })
    }

    fn plain(&mut self) -> Lexed<Token<'a>> {
        let start = self.pos;
        let mut text = Vec::new();
        while let Some(&b) = self.src.get(self.pos) {
            match b {
                b' ' | b'\t' | b'\r' | b'\n' | b';' | b'(' | b')' | b'"' => break,
                b'\\' => text.push(self.escape()?),
                _ => {
                    text.push(b);
                    self.pos += 1;
                }
            }
        }
        let raw = &self.src[start..self.pos];
        Ok(Token {
            raw,
            text,
            quoted: false,
        })
    }

    /// `\X` is the byte X itself; `\DDD` the byte of decimal value DDD (RFC 1035 §5.1).
    fn escape(&mut self) -> Lexed<u8> {
        self.pos += 1;
        let Some(&b) = self.src.get(self.pos) else {
            return Err((self.line, "'\\' at the end of the file".into()));
        };
        if !b.is_ascii_digit() {
            self.pos += 1;
            self.line += usize::from(b == b'\n');
            return Ok(b);
        }
        let digits = self.src.get(self.pos..self.pos + 3).unwrap_or_default();
        if digits.len() < 3 || !digits.iter().all(u8::is_ascii_digit) {
            let why = "'\\' and a digit must be \\DDD, three decimal digits";
            return Err((self.line, why.into()));
        }
        let value = digits
            .iter()
            .fold(0u32, |v, d| v * 10 + u32::from(d - b'0'));
        let byte = u8::try_from(value).map_err(|_| {
            let why = format!("\\{value} is not a byte value (\\000 to \\255)");
            (self.line, why)
        })?;
        self.pos += 3;
        Ok(byte)
    }
}

/// An absolute name: `@` is the origin, a name without a final dot is relative to it.
pub(super) fn parse_name(token: &Token, origin: Option<&Name>) -> Result<Name, String> {
    let shown = show(token.raw);
    let text = match std::str::from_utf8(token.raw) {
        Ok(text) if !token.quoted => text,
        _ => return Err(format!("{shown} is not a domain name")),
    };
    let name = match (text, origin) {
        ("@", Some(origin)) => origin.clone(),
        ("@", None) => return Err("'@' needs an $ORIGIN before it".into()),
        _ => Name::parse(text, origin).map_err(|e| format!("invalid name {shown}: {e}"))?,
    };
    if !name.is_fqdn() {
        return Err(format!("relative name {shown} needs an $ORIGIN before it"));
    }
    Ok(name)
}

/// Source text for a message, quoted; the error's `Display` escapes control characters.
pub(super) fn show(raw: impl AsRef<[u8]>) -> String {
    format!("\"{}\"", String::from_utf8_lossy(raw.as_ref()))
}
