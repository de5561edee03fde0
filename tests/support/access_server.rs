//! A scripted IMAP and POP3 server for tests of the mail-client probe: the twin of
//! `smtp_server`, on 127.0.0.1 with an ephemeral port, playing one [`AccessPersonality`] for
//! every connection. It speaks what the probe speaks — the greeting, CAPABILITY (RFC 9051) or
//! CAPA (RFC 2449), STARTTLS (RFC 9051 §6.2.1, RFC 2595) or STLS (RFC 2595), LOGOUT or QUIT —
//! and refuses every login (LOGIN and AUTHENTICATE get `NO`; USER, PASS, AUTH and APOP `-ERR`).
//! It logs every line it receives, in the clear or over TLS, so that tests can check that the
//! probe sent nothing else, and the SNI of every TLS ClientHello.
//!
//! IMAP replies carry the client's tag: a [`Script`] is a template in which [`TAG`] stands for
//! the tag of the command being answered.
//!
//! Every behaviour ends by itself, as in `smtp_server`: endless output stops when the client
//! leaves or after a minute, silence after a minute, and dropping the server stops it all.

#![allow(dead_code)]

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::Arc;

use rustls::server::Acceptor;
use tokio::io::AsyncWriteExt;
use tokio_rustls::{LazyConfigAcceptor, TlsAcceptor};

use super::smtp_server::{
    Act, AfterStartTls, Credentials, Io, Log, Loopback, Step, acceptor, act, after_starttls,
    read_line,
};

/// Stands for the client's tag in IMAP replies.
pub const TAG: &str = "{tag}";

/// The mail access protocol a server speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Imap,
    Pop3,
}

/// What the server does at one point of the dialogue: its acts in order. `Act::Close`,
/// `Act::Never` and `Act::Endless` end the session.
pub type Script = Vec<Act>;

/// Everything a scripted IMAP or POP3 server does.
#[derive(Debug, Clone)]
pub struct AccessPersonality {
    pub protocol: Protocol,
    /// TLS from the first byte (ports 993 and 995), before the greeting.
    pub implicit_tls: bool,
    pub credentials: Option<Credentials>,
    /// How the server meets the client's TLS handshake: after a positive reply to STARTTLS or
    /// STLS, or at connect with `implicit_tls`.
    pub handshake: AfterStartTls,
    pub greeting: Script,
    /// The reply to CAPABILITY (IMAP) or CAPA (POP3) in the clear.
    pub capability: Script,
    /// The reply to CAPABILITY or CAPA over TLS.
    pub capability_tls: Script,
    /// The reply to STARTTLS or STLS (in the clear only). A reply whose first act sends
    /// `{tag} OK` (IMAP) or `+OK` (POP3) is followed by the handshake.
    pub starttls: Script,
    /// The reply to LOGOUT or QUIT; the connection is closed after it.
    pub logout: Script,
}

/// A line of text sent as it is, CRLF added.
pub fn line(text: &str) -> Act {
    Act::Send(format!("{text}\r\n").into_bytes())
}

/// An IMAP response: untagged lines (`* ` prefixed), then the tagged completion.
pub fn imap_reply(untagged: &[&str], tagged: &str) -> Script {
    let mut out = String::new();
    for text in untagged {
        let _ = write!(out, "* {text}\r\n");
    }
    let _ = write!(out, "{TAG} {tagged}\r\n");
    vec![Act::Send(out.into_bytes())]
}

/// A POP3 multi-line response (RFC 1939 §3): the status line, the lines dot-stuffed, and the
/// terminating `.`.
pub fn pop3_list(status: &str, lines: &[&str]) -> Script {
    let mut out = format!("{status}\r\n");
    for text in lines {
        if text.starts_with('.') {
            out.push('.');
        }
        out.push_str(text);
        out.push_str("\r\n");
    }
    out.push_str(".\r\n");
    vec![Act::Send(out.into_bytes())]
}

/// A running server; dropping it stops it.
pub struct TestAccess {
    server: Loopback,
    commands: Log,
    server_names: Log,
}

impl TestAccess {
    /// Plays `personality` on 127.0.0.1 until dropped.
    pub fn start(personality: AccessPersonality) -> TestAccess {
        let acceptor = personality.credentials.as_ref().map(acceptor);
        let personality = Arc::new(personality);
        let (commands, server_names) = (Log::default(), Log::default());
        let seen = Seen {
            commands: commands.clone(),
            server_names: server_names.clone(),
        };
        let name = match personality.protocol {
            Protocol::Imap => "test-imap",
            Protocol::Pop3 => "test-pop3",
        };
        let server = Loopback::start(name, move |tcp| {
            session(tcp, personality.clone(), acceptor.clone(), seen.clone())
        });
        TestAccess {
            server,
            commands,
            server_names,
        }
    }

    pub fn port(&self) -> u16 {
        self.server.addr().port()
    }

    /// Every line received so far, of every connection, in the clear or over TLS, in order.
    pub fn commands(&self) -> Vec<String> {
        self.commands.lines()
    }

    /// The server name (SNI) of every TLS ClientHello received, `None` where it had none.
    pub fn server_names(&self) -> Vec<Option<String>> {
        self.server_names
            .lines()
            .into_iter()
            .map(|name| Some(name).filter(|n| !n.is_empty()))
            .collect()
    }

    /// How many connections are still being served.
    pub fn open_sessions(&self) -> usize {
        self.server.open_sessions()
    }
}

/// What the sessions record for the test.
#[derive(Clone)]
struct Seen {
    commands: Log,
    /// SNI names, "" for a ClientHello without one (a server name is never empty).
    server_names: Log,
}

/// A command as the server tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Capability,
    StartTls,
    Logout,
    Login,
    Noop,
    Other,
}

impl Protocol {
    /// The tag (IMAP; `*` where the line has none, empty for POP3) and the command of a line.
    fn parse(self, line: &str) -> (&str, Command) {
        let mut words = line.split(' ');
        let tag = match self {
            Protocol::Imap => words.next().filter(|t| !t.is_empty()).unwrap_or("*"),
            Protocol::Pop3 => "",
        };
        let verb = words.next().unwrap_or("").to_ascii_uppercase();
        let command = match (self, verb.as_str()) {
            (Protocol::Imap, "CAPABILITY") | (Protocol::Pop3, "CAPA") => Command::Capability,
            (Protocol::Imap, "STARTTLS") | (Protocol::Pop3, "STLS") => Command::StartTls,
            (Protocol::Imap, "LOGOUT") | (Protocol::Pop3, "QUIT") => Command::Logout,
            (Protocol::Imap, "LOGIN" | "AUTHENTICATE")
            | (Protocol::Pop3, "USER" | "PASS" | "AUTH" | "APOP") => Command::Login,
            (Protocol::Imap, "NOOP") => Command::Noop,
            _ => Command::Other,
        };
        (tag, command)
    }

    /// Whether `reply` to STARTTLS/STLS says yes.
    fn accepts(self, reply: &Script) -> bool {
        let yes: &[u8] = match self {
            Protocol::Imap => b"{tag} OK",
            Protocol::Pop3 => b"+OK",
        };
        matches!(reply.first(), Some(Act::Send(bytes)) if bytes.starts_with(yes))
    }

    /// The fixed answer to the commands personalities do not script.
    fn fixed(self, command: Command) -> &'static [u8] {
        match (self, command) {
            (Protocol::Imap, Command::Login) => b"{tag} NO this test server accepts no login\r\n",
            (Protocol::Imap, Command::Noop) => b"{tag} OK NOOP completed\r\n",
            (Protocol::Imap, _) => b"{tag} BAD command unknown or not allowed now\r\n",
            (Protocol::Pop3, Command::Login) => b"-ERR this test server accepts no login\r\n",
            (Protocol::Pop3, _) => b"-ERR command unknown or not allowed now\r\n",
        }
    }
}

async fn session(
    tcp: tokio::net::TcpStream,
    p: Arc<AccessPersonality>,
    acceptor: Option<TlsAcceptor>,
    seen: Seen,
) -> Step {
    let mut io: Box<dyn Io> = Box::new(tcp);
    let mut tls = p.implicit_tls;
    if tls {
        io = handshake(io, p.handshake, acceptor.as_ref(), &seen).await?;
    }
    play(&mut io, &p.greeting, "").await?;
    loop {
        let line = read_line(&mut io).await?;
        seen.commands.push(line.clone());
        let (tag, command) = p.protocol.parse(&line);
        match command {
            Command::Capability => {
                let reply = if tls {
                    &p.capability_tls
                } else {
                    &p.capability
                };
                play(&mut io, reply, tag).await?;
            }
            Command::StartTls if !tls => {
                play(&mut io, &p.starttls, tag).await?;
                if p.protocol.accepts(&p.starttls) {
                    io = handshake(io, p.handshake, acceptor.as_ref(), &seen).await?;
                    tls = true;
                }
            }
            Command::Logout => {
                play(&mut io, &p.logout, tag).await?;
                // A TLS close_notify, as a server that means to close sends.
                let _ = io.shutdown().await;
                return Err(());
            }
            other => {
                let reply = Act::Send(p.protocol.fixed(other).to_vec());
                act(&mut io, &with_tag(&reply, tag)).await?;
            }
        }
    }
}

/// Meets the client's ClientHello as `how` says, recording its SNI when it is TLS.
async fn handshake(
    io: Box<dyn Io>,
    how: AfterStartTls,
    acceptor: Option<&TlsAcceptor>,
    seen: &Seen,
) -> Result<Box<dyn Io>, ()> {
    if how != AfterStartTls::Tls {
        return after_starttls(io, how, acceptor).await;
    }
    let config = acceptor.ok_or(())?.config().clone();
    let start = LazyConfigAcceptor::new(Acceptor::default(), io)
        .await
        .map_err(|_| ())?;
    let name = start.client_hello().server_name().unwrap_or("").to_string();
    seen.server_names.push(name);
    let stream = start.into_stream(config).await.map_err(|_| ())?;
    Ok(Box::new(stream))
}

/// Plays `script` with `tag` in place of [`TAG`].
async fn play(io: &mut Box<dyn Io>, script: &Script, tag: &str) -> Step {
    for each in script {
        act(io, &with_tag(each, tag)).await?;
    }
    Ok(())
}

fn with_tag<'a>(each: &'a Act, tag: &str) -> Cow<'a, Act> {
    match each {
        Act::Send(bytes) => match fill(bytes, tag) {
            Some(bytes) => Cow::Owned(Act::Send(bytes)),
            None => Cow::Borrowed(each),
        },
        Act::Endless { line, every } => match fill(line, tag) {
            Some(line) => Cow::Owned(Act::Endless {
                line,
                every: *every,
            }),
            None => Cow::Borrowed(each),
        },
        Act::Never | Act::Close => Cow::Borrowed(each),
    }
}

/// `bytes` with every [`TAG`] replaced by `tag`; `None` when there is none.
fn fill(bytes: &[u8], tag: &str) -> Option<Vec<u8>> {
    let placeholder = TAG.as_bytes();
    if !bytes.windows(placeholder.len()).any(|w| w == placeholder) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() + tag.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix(placeholder) {
            out.extend_from_slice(tag.as_bytes());
            rest = after;
        } else {
            out.push(rest[0]);
            rest = &rest[1..];
        }
    }
    Some(out)
}
