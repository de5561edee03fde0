//! RFC 1035 §5.1 master files, read byte-exactly: `$ORIGIN`, `$TTL` (RFC 2308 §4), `$INCLUDE`,
//! and records of owner / TTL / class / type fields and data (tokens from [`super::lexer`]).
//!
//! TXT and SPF character-strings come out as exactly the published bytes. hickory-proto's own
//! reader decodes `\DDD` as a Unicode code point (`\045` became U+0405, not `-`) and splits
//! quoted strings inside parentheses at their spaces, so only names (`Name::parse`) and TTLs
//! come from it. Record types mailaudit does not read are checked by [`super::fields`], or by
//! hickory one at a time; any type may be written in RFC 3597's generic form ([`super::generic`]).

use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use hickory_proto::rr::Name;
use hickory_proto::serialize::txt::{Parser, parse_ttl};

use super::lexer::{Entry, Lexer, Token, parse_name, show};
use super::{Data, ZoneError};
use super::{fields, generic, rrtype};
use crate::dns::name::canonical;
use crate::dns::{Rdata, RecordType, Txt};

/// `$INCLUDE`s nest at most this deep (a file that includes itself stops here).
const MAX_INCLUDE_DEPTH: usize = 8;

/// Where records go, and how an `$INCLUDE`d file is read.
pub(super) trait Sink {
    fn include(&mut self, path: &Path) -> Result<Vec<u8>, ZoneError>;
    /// `owner` is canonical (lowercase, no trailing dot). An error is a message for the line.
    fn record(&mut self, owner: String, data: Data) -> Result<(), String>;
}

/// Reads one file's bytes into `sink`.
pub(super) fn read(
    sink: &mut dyn Sink,
    bytes: &[u8],
    path: Option<&Path>,
) -> Result<(), ZoneError> {
    Reader {
        sink,
        state: State::default(),
        depth: 0,
    }
    .file(bytes, path)
}

/// What a line may leave out and take from before it (RFC 1035 §5.1).
#[derive(Clone, Default)]
struct State {
    origin: Option<Name>,
    owner: Option<Name>,
}

struct Reader<'s> {
    sink: &'s mut dyn Sink,
    state: State,
    depth: usize,
}

impl Reader<'_> {
    fn file(&mut self, bytes: &[u8], path: Option<&Path>) -> Result<(), ZoneError> {
        let mut lexer = Lexer::new(bytes);
        while let Some(entry) = lexer
            .next_entry()
            .map_err(|(line, message)| parse_error(path, line, message))?
        {
            let at = |message| parse_error(path, entry.line, message);
            let first = &entry.tokens[0];
            if !entry.blank_start && !first.quoted && first.text.starts_with(b"$") {
                self.directive(&entry, path)?;
                continue;
            }
            let (owner, fields) = if entry.blank_start {
                let owner = self.state.owner.clone();
                let owner = owner.ok_or_else(|| at("the first record has no owner name".into()))?;
                (owner, &entry.tokens[..])
            } else {
                let origin = self.state.origin.as_ref();
                (parse_name(first, origin).map_err(at)?, &entry.tokens[1..])
            };
            self.state.owner = Some(owner.clone());
            if let Some(data) = record(fields, self.state.origin.as_ref()).map_err(at)? {
                let owner = canonical(&owner.to_ascii());
                self.sink.record(owner, data).map_err(at)?;
            }
        }
        Ok(())
    }

    fn directive(&mut self, entry: &Entry, path: Option<&Path>) -> Result<(), ZoneError> {
        let at = |message| parse_error(path, entry.line, message);
        let args = &entry.tokens[1..];
        match entry.tokens[0].text.to_ascii_uppercase().as_slice() {
            b"$ORIGIN" => {
                let [name] = args else {
                    return Err(at("$ORIGIN takes one domain name".into()));
                };
                let origin = parse_name(name, self.state.origin.as_ref()).map_err(at)?;
                self.state.origin = Some(origin);
            }
            b"$TTL" => {
                let [ttl] = args else {
                    return Err(at("$TTL takes one TTL".into()));
                };
                ttl_value(ttl).map_err(at)?;
            }
            b"$INCLUDE" => return self.include(args, path).map_err(|e| e.at(path, entry.line)),
            _ => {
                let name = show(&entry.tokens[0].text);
                return Err(at(format!("unknown directive {name}")));
            }
        }
        Ok(())
    }

    /// `$INCLUDE file [origin]`: a relative file name is taken from the including file's folder;
    /// the origin and owner name revert once the file is read (RFC 1035 §5.1).
    fn include(&mut self, args: &[Token], path: Option<&Path>) -> Result<(), Included> {
        let (file, origin) = match args {
            [file] => (file, None),
            [file, origin] => (file, Some(origin)),
            _ => {
                return Err(Included::Here(
                    "$INCLUDE takes a file name and, optionally, an origin".into(),
                ));
            }
        };
        if self.depth >= MAX_INCLUDE_DEPTH {
            let why = format!("$INCLUDE nested more than {MAX_INCLUDE_DEPTH} deep");
            return Err(Included::Here(why));
        }
        let file = std::str::from_utf8(&file.text)
            .map_err(|_| Included::Here("the $INCLUDE file name is not UTF-8".into()))?;
        let target = match path.and_then(Path::parent) {
            _ if Path::new(file).is_absolute() => PathBuf::from(file),
            Some(folder) => folder.join(file),
            None => {
                let why = "a relative $INCLUDE needs the including file's path";
                return Err(Included::Here(why.into()));
            }
        };
        let saved = self.state.clone();
        if let Some(origin) = origin {
            let origin = parse_name(origin, self.state.origin.as_ref()).map_err(Included::Here)?;
            self.state.origin = Some(origin);
        }
        let bytes = self.sink.include(&target).map_err(Included::Nested)?;
        self.depth += 1;
        let result = self.file(&bytes, Some(&target));
        self.depth -= 1;
        self.state = saved;
        result.map_err(Included::Nested)
    }
}

/// An `$INCLUDE` that failed: on its own line, or inside the included file.
enum Included {
    Here(String),
    Nested(ZoneError),
}

impl Included {
    fn at(self, path: Option<&Path>, line: usize) -> ZoneError {
        match self {
            Self::Here(message) => parse_error(path, line, message),
            Self::Nested(error) => error,
        }
    }
}

fn parse_error(path: Option<&Path>, line: usize, message: String) -> ZoneError {
    ZoneError::Parse {
        path: path.map(Path::to_path_buf),
        line,
        message,
    }
}

/// Reads `[TTL] [class] type rdata` (TTL and class in either order). `None`: a record of a
/// class other than IN, which no query of mailaudit's sees.
fn record(fields: &[Token], origin: Option<&Name>) -> Result<Option<Data>, String> {
    let (mut ttl, mut class) = (false, None);
    let mut rest = fields.iter();
    let rtype = loop {
        let Some(token) = rest.next() else {
            return Err("the record has no type".into());
        };
        let text = String::from_utf8_lossy(&token.text).to_ascii_uppercase();
        if token.quoted || text.is_empty() {
            return Err(format!(
                "expected a TTL, class or type, found {}",
                show(token.raw)
            ));
        } else if !ttl && text.as_bytes()[0].is_ascii_digit() {
            ttl_value(token)?;
            ttl = true;
        } else if class.is_none() && ["IN", "CH", "CS", "HS"].contains(&text.as_str()) {
            class = Some(text);
        } else {
            break text;
        }
    };
    let rdata: Vec<&Token> = rest.collect();
    let data = data(&rtype, &rdata, origin)?;
    Ok(class.is_none_or(|c| c == "IN").then_some(data))
}

/// The registry's mnemonic for a type field (`TYPE1` is A, RFC 3597 §5), or `TYPEnnn` for a
/// type without one.
fn type_name(rtype: &str) -> Result<&str, String> {
    let number =
        rrtype::number(rtype).ok_or_else(|| format!("unknown record type {}", show(rtype)))?;
    if rrtype::is_meta(number) {
        return Err(format!(
            "{} is a type of queries and messages, not of zone data (RFC 6895 §3.1)",
            show(rtype)
        ));
    }
    Ok(rrtype::mnemonic(number).unwrap_or(rtype))
}

fn data(rtype: &str, rdata: &[&Token], origin: Option<&Name>) -> Result<Data, String> {
    let rtype = type_name(rtype)?;
    if generic::is_generic(rdata) {
        return generic::data(rtype, &generic::bytes(&rdata[1..])?);
    }
    let fields = |n: usize| {
        if rdata.len() == n {
            Ok(())
        } else {
            Err(format!("{rtype} has {n} data fields, not {}", rdata.len()))
        }
    };
    let rr = |rtype, rdata| Data::Rdata(rtype, rdata);
    Ok(match rtype {
        "A" => {
            fields(1)?;
            rr(
                RecordType::A,
                Rdata::A(address::<Ipv4Addr>(rdata[0], "IPv4")?),
            )
        }
        "AAAA" => {
            fields(1)?;
            rr(
                RecordType::Aaaa,
                Rdata::Aaaa(address::<Ipv6Addr>(rdata[0], "IPv6")?),
            )
        }
        "MX" => {
            fields(2)?;
            rr(RecordType::Mx, mx(rdata[0], rdata[1], origin)?)
        }
        "SRV" => {
            fields(4)?;
            rr(RecordType::Srv, srv(rdata, origin)?)
        }
        "PTR" => {
            fields(1)?;
            rr(RecordType::Ptr, Rdata::Ptr(name_text(rdata[0], origin)?))
        }
        "CNAME" => {
            fields(1)?;
            Data::Cname(name_text(rdata[0], origin)?)
        }
        "TXT" | "SPF" if rdata.is_empty() => return Err(format!("{rtype} has no strings")),
        "TXT" | "SPF" => {
            let strings = rdata.iter().map(|t| t.text.clone()).collect();
            let kind = if rtype == "TXT" {
                RecordType::Txt
            } else {
                RecordType::Spf
            };
            rr(kind, Rdata::Txt(Txt { strings }))
        }
        "TLSA" => rr(
            RecordType::Tlsa,
            tlsa(rdata).map_err(|e| format!("invalid TLSA record: {e}"))?,
        ),
        other => {
            check_other(other, rdata, origin)?;
            Data::Other
        }
    })
}

/// "usage selector matching hex…" (RFC 6698 §2.2); the hexadecimal may be split by spaces.
fn tlsa(rdata: &[&Token]) -> Result<Rdata, String> {
    if rdata.len() < 4 {
        return Err(format!("4 or more data fields, not {}", rdata.len()));
    }
    let mut wire = Vec::new();
    for (field, what) in rdata[..3]
        .iter()
        .zip(["usage", "selector", "matching type"])
    {
        let n = number(field, what)?;
        wire.push(u8::try_from(n).map_err(|_| format!("{what} {n} is over 255"))?);
    }
    let digits: Vec<u8> = rdata[3..].iter().flat_map(|t| t.text.clone()).collect();
    let data = crate::hex::decode(&digits).filter(|_| !rdata[3..].iter().any(|t| t.quoted));
    wire.extend(data.ok_or("the data is not an even number of hex digits")?);
    Ok(Rdata::Tlsa(wire))
}

fn mx(preference: &Token, exchange: &Token, origin: Option<&Name>) -> Result<Rdata, String> {
    let preference = number(preference, "MX preference")?;
    let exchange = name_text(exchange, origin)?;
    Ok(Rdata::Mx {
        preference,
        exchange,
    })
}

/// `priority weight port target` (RFC 2782); the target "." is the root, kept as "".
fn srv(rdata: &[&Token], origin: Option<&Name>) -> Result<Rdata, String> {
    Ok(Rdata::Srv {
        priority: number(rdata[0], "SRV priority")?,
        weight: number(rdata[1], "SRV weight")?,
        port: number(rdata[2], "SRV port")?,
        target: name_text(rdata[3], origin)?,
    })
}

/// A 16-bit field, written in decimal.
fn number(token: &Token, what: &str) -> Result<u16, String> {
    std::str::from_utf8(&token.text)
        .ok()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("{what} {} is not 0-65535", show(token.raw)))
}

fn address<T: FromStr>(token: &Token, family: &str) -> Result<T, String> {
    std::str::from_utf8(&token.text)
        .ok()
        .and_then(|a| a.parse().ok())
        .ok_or_else(|| format!("{} is not an {family} address", show(token.raw)))
}

/// Types whose text form hickory-proto reads correctly (its zone parser refuses the DNSSEC types
/// and has no parser for several others, which [`fields`] checks instead).
const HICKORY_READS: &[&str] = &[
    "SOA",
    "NS",
    "CAA",
    "TLSA",
    "SMIMEA",
    "SVCB",
    "HTTPS",
    "SSHFP",
    "NAPTR",
    "HINFO",
    "CERT",
    "OPENPGPKEY",
    "CSYNC",
];

/// A type mailaudit does not read, which is then only an owner name: checked field by field
/// where [`fields`] or hickory knows its format. The rest of the registry's types (LOC, APL,
/// IPSECKEY, ...) are taken as written.
fn check_other(rtype: &str, rdata: &[&Token], origin: Option<&Name>) -> Result<(), String> {
    if let Some(checked) = fields::check(rtype, rdata, origin) {
        return checked;
    }
    if rtype == "NULL" || rrtype::number(rtype).is_some_and(|n| rrtype::mnemonic(n).is_none()) {
        return Err(format!(
            "{rtype} data can only be written as \\# and its length and hex (RFC 3597 §5)"
        ));
    }
    if !HICKORY_READS.contains(&rtype) || rdata.iter().any(|t| t.raw.contains(&b'\n')) {
        return Ok(()); // an escaped line break: hickory reads one line
    }
    let mut line = format!("@ 0 IN {rtype}");
    for (i, token) in rdata.iter().enumerate() {
        // `alpn="h2,h3"` is one SVCB field that the lexer reads as two tokens: keep them joined.
        let joined = i > 0 && rdata[i - 1].raw.as_ptr_range().end == token.raw.as_ptr();
        if !joined {
            line.push(' ');
        }
        line.push_str(&String::from_utf8_lossy(token.raw));
    }
    line.push('\n');
    let origin = origin.cloned().unwrap_or_else(Name::root);
    match Parser::new(line, None, Some(origin)).parse() {
        Ok(_) => Ok(()),
        Err(e) => Err(format!("invalid {rtype} record: {e}")),
    }
}

fn ttl_value(token: &Token) -> Result<u32, String> {
    std::str::from_utf8(&token.text)
        .ok()
        .and_then(|t| parse_ttl(t).ok())
        .ok_or_else(|| format!("{} is not a TTL", show(token.raw)))
}

fn name_text(token: &Token, origin: Option<&Name>) -> Result<String, String> {
    parse_name(token, origin).map(|name| canonical(&name.to_ascii()))
}
