//! A scripted SMTP server for tests of the probe: tokio + tokio-rustls on 127.0.0.1 with an
//! ephemeral port, playing one [`Personality`] — what it sends as its banner, how it answers
//! each command, what it does after STARTTLS — for every connection. Certificates come from
//! rcgen (see `https_server::TestCa`). The server side is written by hand on purpose: the tests
//! need servers that no well-behaved server library would be: silent, endless, huge, rude.
//!
//! Every behaviour ends by itself: endless output stops when the client leaves or after a
//! minute, silence after a minute, and dropping the server stops it all.
//!
//! The listener harness ([`Loopback`]), the [`Act`]s and the TLS endings are shared with the
//! scripted IMAP/POP3 server (`access_server`).

#![allow(dead_code)]

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use rustls::ServerConfig;
use rustls::pki_types::CertificateDer;
use rustls::sign::{CertifiedKey, SigningKey, SingleCertAndKey};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

/// How long a silent or endless behaviour lasts at most.
const AT_MOST: Duration = Duration::from_secs(60);

/// What the server does at one point of the dialogue.
#[derive(Debug, Clone)]
pub enum Act {
    /// Sends these bytes (a reply, CRLFs included).
    Send(Vec<u8>),
    /// Sends nothing and waits (until the client leaves, or a minute).
    Never,
    /// Closes the connection.
    Close,
    /// Sends `line` again and again, `every` apart (zero: as fast as the client reads).
    Endless { line: Vec<u8>, every: Duration },
}

impl Act {
    /// A reply: each line of `lines` with the code and the right separator.
    pub fn reply(code: u16, lines: &[&str]) -> Self {
        let last = lines.len().saturating_sub(1);
        let mut out = String::new();
        for (i, line) in lines.iter().enumerate() {
            let sep = if i == last { ' ' } else { '-' };
            let _ = write!(out, "{code}{sep}{line}\r\n");
        }
        Self::Send(out.into_bytes())
    }
}

/// What happens after a positive reply to STARTTLS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterStartTls {
    /// The TLS handshake with the personality's certificate.
    Tls,
    /// Plain text garbage instead of TLS, sent at once and then on, endlessly.
    Garbage,
    /// Answers the ClientHello with a TLS 1.0 ServerHello (as a server that speaks nothing
    /// newer does).
    Tls10Hello,
    /// Answers the ClientHello with a fatal protocol_version alert.
    VersionAlert,
}

/// The certificate and key a personality presents.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub chain: Vec<CertificateDer<'static>>,
    pub key: Arc<dyn SigningKey>,
    /// Only TLS 1.2 (else 1.2 and 1.3).
    pub tls12_only: bool,
}

impl Credentials {
    /// A chain and its PKCS#8 private key (ECDSA, Ed25519 or RSA of 2048 bits and more).
    pub fn new(chain: Vec<CertificateDer<'static>>, pkcs8: &[u8]) -> Self {
        let provider = rustls::crypto::ring::default_provider();
        let der = rustls::pki_types::PrivateKeyDer::Pkcs8(pkcs8.to_vec().into());
        let key = provider
            .key_provider
            .load_private_key(der)
            .expect("a usable private key");
        Self {
            chain,
            key,
            tls12_only: false,
        }
    }
}

/// Everything a scripted server does.
#[derive(Debug, Clone)]
pub struct Personality {
    pub banner: Act,
    /// TLS from the first byte (port 465 style), before the banner.
    pub implicit_tls: bool,
    pub credentials: Option<Credentials>,
    /// The reply to EHLO before TLS.
    pub ehlo: Act,
    /// The reply to EHLO over TLS.
    pub ehlo_tls: Act,
    pub helo: Act,
    pub starttls: Act,
    pub after_starttls: AfterStartTls,
    pub mail: Act,
    pub rcpt: Act,
    pub rset: Act,
    /// The reply to QUIT; the connection is closed after it.
    pub quit: Act,
}

impl Personality {
    /// A well-behaved STARTTLS server presenting `credentials`.
    pub fn good(credentials: Credentials) -> Self {
        Self {
            banner: Act::reply(220, &["mail.example.com ESMTP test server"]),
            implicit_tls: false,
            credentials: Some(credentials),
            ehlo: Act::reply(
                250,
                &[
                    "mail.example.com greets you",
                    "PIPELINING",
                    "SIZE 35882577",
                    "8BITMIME",
                    "ENHANCEDSTATUSCODES",
                    "SMTPUTF8",
                    "CHUNKING",
                    "STARTTLS",
                ],
            ),
            ehlo_tls: Act::reply(
                250,
                &[
                    "mail.example.com greets you",
                    "PIPELINING",
                    "SIZE 35882577",
                    "8BITMIME",
                    "ENHANCEDSTATUSCODES",
                    "SMTPUTF8",
                    "CHUNKING",
                    "REQUIRETLS",
                    "DSN",
                ],
            ),
            helo: Act::reply(250, &["mail.example.com"]),
            starttls: Act::reply(220, &["2.0.0 Ready to start TLS"]),
            after_starttls: AfterStartTls::Tls,
            mail: Act::reply(250, &["2.1.0 Ok"]),
            rcpt: Act::reply(250, &["2.1.5 Ok"]),
            rset: Act::reply(250, &["2.0.0 Ok"]),
            quit: Act::reply(221, &["2.0.0 Bye"]),
        }
    }
}

/// A running server; dropping it stops it.
pub struct TestSmtp {
    server: Loopback,
    commands: Log,
}

impl TestSmtp {
    /// Plays `personality` on 127.0.0.1 until dropped.
    pub fn start(personality: Personality) -> TestSmtp {
        let acceptor = personality.credentials.as_ref().map(acceptor);
        let personality = Arc::new(personality);
        let commands = Log::default();
        let log = commands.clone();
        let server = Loopback::start("test-smtp", move |tcp| {
            session(tcp, personality.clone(), acceptor.clone(), log.clone())
        });
        TestSmtp { server, commands }
    }

    pub fn port(&self) -> u16 {
        self.server.addr().port()
    }

    /// Every command line received so far, of every connection, in order.
    pub fn commands(&self) -> Vec<String> {
        self.commands.lines()
    }
}

/// Lines received, shared between the server's sessions and the test.
#[derive(Debug, Clone, Default)]
pub struct Log(Arc<Mutex<Vec<String>>>);

impl Log {
    pub fn push(&self, line: String) {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(line);
    }

    pub fn lines(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

/// A listener on 127.0.0.1 (ephemeral port) with its own thread and runtime, so that it serves
/// plain `#[test]`s; it runs one session per connection, each for at most [`AT_MOST`]. Dropping
/// it stops it all.
pub struct Loopback {
    addr: SocketAddr,
    open: Arc<AtomicUsize>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Loopback {
    /// Serves every connection with `session` (its result is ignored: whatever the client does
    /// is the client's business).
    pub fn start<F, Fut, T>(name: &str, session: F) -> Loopback
    where
        F: Fn(tokio::net::TcpStream) -> Fut + Send + 'static,
        Fut: Future<Output = T> + Send + 'static,
    {
        let (ready_tx, ready_rx) = mpsc::channel();
        let (shutdown_tx, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
        let open = Arc::new(AtomicUsize::new(0));
        let counter = open.clone();
        let thread = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || serve(session, counter, ready_tx, shutdown_rx))
            .unwrap_or_else(|e| panic!("spawn the {name} server: {e}"));
        let addr = ready_rx
            .recv()
            .unwrap_or_else(|e| panic!("{name} server started: {e}"));
        Loopback {
            addr,
            open,
            shutdown: Some(shutdown_tx),
            thread: Some(thread),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// How many sessions are still running (a behaviour that ends by itself gets back to 0
    /// once its client has left).
    pub fn open_sessions(&self) -> usize {
        self.open.load(Ordering::SeqCst)
    }
}

impl Drop for Loopback {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The TLS side of a server presenting `credentials`.
pub fn acceptor(credentials: &Credentials) -> TlsAcceptor {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ServerConfig::builder_with_provider(provider);
    let builder = if credentials.tls12_only {
        builder.with_protocol_versions(&[&rustls::version::TLS12])
    } else {
        builder.with_safe_default_protocol_versions()
    }
    .expect("protocol versions");
    let certified = CertifiedKey::new(credentials.chain.clone(), credentials.key.clone());
    let config = builder
        .with_no_client_auth()
        .with_cert_resolver(Arc::new(SingleCertAndKey::from(certified)));
    TlsAcceptor::from(Arc::new(config))
}

/// Counts a running session; the count drops with it, however the session ends.
struct Running(Arc<AtomicUsize>);

impl Running {
    fn new(count: Arc<AtomicUsize>) -> Self {
        count.fetch_add(1, Ordering::SeqCst);
        Self(count)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn serve<F, Fut, T>(
    session: F,
    open: Arc<AtomicUsize>,
    ready: mpsc::Sender<SocketAddr>,
    shutdown: tokio::sync::oneshot::Receiver<()>,
) where
    F: Fn(tokio::net::TcpStream) -> Fut,
    Fut: Future<Output = T> + Send + 'static,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("test server runtime");
    runtime.block_on(async move {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let _ = ready.send(listener.local_addr().expect("local address"));
        let accept = async {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    continue;
                };
                let running = Running::new(open.clone());
                let session = session(tcp);
                tokio::spawn(async move {
                    let _ = tokio::time::timeout(AT_MOST, session).await;
                    drop(running);
                });
            }
        };
        tokio::select! {
            () = accept => {}
            _ = shutdown => {}
        }
    });
    runtime.shutdown_background();
}

pub trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// `Err(())`: the session is over.
pub type Step = Result<(), ()>;

async fn session(
    tcp: tokio::net::TcpStream,
    p: Arc<Personality>,
    acceptor: Option<TlsAcceptor>,
    log: Log,
) -> Step {
    let mut io: Box<dyn Io> = Box::new(tcp);
    let mut tls = false;
    if p.implicit_tls {
        io = start_tls(io, acceptor.as_ref()).await?;
        tls = true;
    }
    act(&mut io, &p.banner).await?;
    loop {
        let line = read_line(&mut io).await?;
        log.push(line.clone());
        let verb = line
            .split_ascii_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        match verb.as_str() {
            "EHLO" => act(&mut io, if tls { &p.ehlo_tls } else { &p.ehlo }).await?,
            "HELO" => act(&mut io, &p.helo).await?,
            "STARTTLS" if !tls => {
                act(&mut io, &p.starttls).await?;
                if matches!(&p.starttls, Act::Send(bytes) if bytes.starts_with(b"220")) {
                    io = after_starttls(io, p.after_starttls, acceptor.as_ref()).await?;
                    tls = true;
                }
            }
            "MAIL" => act(&mut io, &p.mail).await?,
            "RCPT" => act(&mut io, &p.rcpt).await?,
            "RSET" => act(&mut io, &p.rset).await?,
            "QUIT" => {
                act(&mut io, &p.quit).await?;
                return Err(());
            }
            _ => send(&mut io, b"502 5.5.2 Error: command not recognized\r\n").await?,
        }
    }
}

async fn start_tls(io: Box<dyn Io>, acceptor: Option<&TlsAcceptor>) -> Result<Box<dyn Io>, ()> {
    let acceptor = acceptor.ok_or(())?;
    let stream = acceptor.accept(io).await.map_err(|_| ())?;
    Ok(Box::new(stream))
}

pub async fn after_starttls(
    mut io: Box<dyn Io>,
    after: AfterStartTls,
    acceptor: Option<&TlsAcceptor>,
) -> Result<Box<dyn Io>, ()> {
    match after {
        AfterStartTls::Tls => start_tls(io, acceptor).await,
        AfterStartTls::Garbage => {
            let garbage = Act::Endless {
                line: b"this is not TLS \x00\x01\x02 garbage garbage garbage\r\n".to_vec(),
                every: Duration::from_millis(50),
            };
            act(&mut io, &garbage).await?;
            Err(())
        }
        AfterStartTls::Tls10Hello => {
            read_client_hello(&mut io).await?;
            send(&mut io, &tls10_server_hello()).await?;
            // Wait for the client's alert or its hanging up.
            let _ = io.read(&mut [0u8; 512]).await;
            Err(())
        }
        AfterStartTls::VersionAlert => {
            read_client_hello(&mut io).await?;
            // A fatal (2) protocol_version (70) alert in a TLS 1.0 record.
            send(&mut io, &[0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]).await?;
            Err(())
        }
    }
}

/// Reads the first TLS record (the ClientHello), by its length.
async fn read_client_hello(io: &mut Box<dyn Io>) -> Step {
    let mut header = [0u8; 5];
    io.read_exact(&mut header).await.map_err(|_| ())?;
    let len = usize::from(u16::from_be_bytes([header[3], header[4]]));
    let mut body = vec![0u8; len];
    io.read_exact(&mut body).await.map_err(|_| ())?;
    Ok(())
}

/// A ServerHello choosing TLS 1.0 (0x0301) and TLS_RSA_WITH_AES_128_CBC_SHA, no extensions.
fn tls10_server_hello() -> Vec<u8> {
    let mut hello = vec![0x03, 0x01];
    hello.extend_from_slice(&[0x5a; 32]); // random
    hello.push(0); // session id length
    hello.extend_from_slice(&[0x00, 0x2f]); // cipher suite
    hello.push(0); // compression: null
    let mut handshake = vec![0x02, 0x00, 0x00, u8::try_from(hello.len()).unwrap()];
    handshake.extend_from_slice(&hello);
    let mut record = vec![
        0x16,
        0x03,
        0x01,
        0x00,
        u8::try_from(handshake.len()).unwrap(),
    ];
    record.extend_from_slice(&handshake);
    record
}

pub async fn act(io: &mut Box<dyn Io>, act: &Act) -> Step {
    match act {
        Act::Send(bytes) => send(io, bytes).await,
        Act::Never => {
            // Until the client hangs up (a read of 0) or a minute has passed.
            let _ = tokio::time::timeout(AT_MOST, io.read(&mut [0u8; 1])).await;
            Err(())
        }
        Act::Close => Err(()),
        Act::Endless { line, every } => loop {
            send(io, line).await?;
            if !every.is_zero() {
                tokio::time::sleep(*every).await;
            }
        },
    }
}

pub async fn send(io: &mut Box<dyn Io>, bytes: &[u8]) -> Step {
    io.write_all(bytes).await.map_err(|_| ())?;
    io.flush().await.map_err(|_| ())
}

/// One command line (at most 4 KiB), without its line ending.
pub async fn read_line(io: &mut Box<dyn Io>) -> Result<String, ()> {
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while line.len() < 4096 {
        if io.read(&mut byte).await.map_err(|_| ())? == 0 {
            return Err(());
        }
        if byte[0] == b'\n' {
            break;
        }
        line.push(byte[0]);
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(String::from_utf8_lossy(&line).into_owned())
}
