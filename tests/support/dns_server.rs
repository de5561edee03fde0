//! An in-process authoritative DNS server for tests (DESIGN.md "Tests"): hickory-server's
//! `Server` with a request handler of our own that answers from [`Zone`] fixture data, on
//! 127.0.0.1 with one port number for both UDP and TCP.
//!
//! Answers are authoritative (AA). A name holding records, but none of the asked type, is NODATA;
//! so is a name that exists only because names exist below it (an empty non-terminal); any other
//! name is NXDOMAIN, unless a wildcard (a fixture owned by `*.<closest encloser>`) answers for it
//! as RFC 4592 describes. Negative answers carry a made-up SOA for the parent of the name that
//! had no data. CNAMEs are chased within the fixture data (at most 8 hops, or `cname_hops`; a
//! loop is answered with each of its CNAMEs once, NOERROR) and the response code follows the
//! final target (RFC 6604). Over UDP, a response larger than 512 bytes (or than the payload
//! size the client announced with EDNS) is sent with TC set and no records, so that the client
//! repeats the query over TCP.
//!
//! Faults for a test to ask for, on exact names: `servfail`, `refused`, `silent`,
//! `truncate_udp`; on every name below a suffix: `silent_below`, `delay_below`; on every answer:
//! `delay`, `servfail_everything`, `refuse_everything`. `txt_below` serves TXT computed from the
//! query name, and `exists_below` makes computed names exist without data (see [`Zone`]);
//! `data_beside_cname` answers a name's own records beside its CNAME, as broken servers do.
//!
//! Zones can be declared over the fixture data, signed or not (`Zone::signed_zone`,
//! `Zone::unsigned_zone`): the server then answers as a validating resolver's upstream would,
//! signing live for queries with the DO bit, from a root of its own whose trust anchor
//! `TestDns::trust_anchor` gives. See dns_server/cuts.rs for the how-to, the faults, and what
//! hickory's validator reports for each case.
//!
//! Names are handled label by label as they come off the wire, so labels may hold any byte
//! except '.' (e.g. ':', '/', '+', '_') and be up to 63 bytes long; ASCII case is ignored. Fixture
//! names are written in dotted form, with or without the trailing dot; a label containing '.'
//! cannot be written.

#![allow(dead_code)]

use std::future::Future;
use std::iter;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::mpsc;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use hickory_server::Server;
use hickory_server::net::runtime::Time;
use hickory_server::net::xfer::Protocol;
use hickory_server::proto::op::{Edns, Header, HeaderCounts, Metadata, OpCode, ResponseCode};
use hickory_server::proto::rr::Record;
use hickory_server::proto::serialize::binary::BinEncoder;
use hickory_server::server::{Request, RequestHandler, ResponseHandler, ResponseInfo};
use hickory_server::zone_handler::MessageResponseBuilder;
use tokio::net::{TcpListener, UdpSocket};

#[path = "dns_server/anchor.rs"]
mod anchor;
#[path = "dns_server/cuts.rs"]
mod cuts;
#[path = "dns_server/denial.rs"]
mod denial;
#[path = "dns_server/names.rs"]
mod names;
#[path = "dns_server/secure.rs"]
mod secure;
#[path = "dns_server/signing.rs"]
mod signing;
#[path = "dns_server/zone.rs"]
mod zone;

// The benches include this file too, and sign nothing.
#[allow(unused_imports)]
pub use anchor::{AnchorForm, TrustAnchor};
#[allow(unused_imports)]
pub use cuts::Signing;
use names::{key_of_name, text_of_key, type_mnemonic};
use secure::SignedView;
#[allow(unused_imports)]
pub use signing::KeyAlgorithm;
pub use zone::Zone;

/// How long an idle TCP connection is kept open by the server.
const TCP_IDLE: Duration = Duration::from_secs(10);

/// One query as the server saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedQuery {
    /// Lowercase, without the trailing dot.
    pub name: String,
    /// The type mnemonic ("TXT", "A", "SPF" for type 99, "TYPEnnn" for other unknown types).
    pub rtype: String,
    /// Arrived over TCP (else UDP).
    pub tcp: bool,
    /// When it arrived (before any delay the zone asks for).
    pub at: Instant,
}

/// A running server; dropping it shuts the server down.
pub struct TestDns {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<LoggedQuery>>>,
    view: Option<Arc<SignedView>>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl TestDns {
    /// Starts serving `zone` on 127.0.0.1 (UDP and TCP, same port) on a thread of its own with
    /// its own tokio runtime, and returns once both sockets are listening. Works from plain
    /// `#[test]`s and from inside a tokio runtime alike.
    pub fn start(zone: Zone) -> TestDns {
        let log = Arc::new(Mutex::new(Vec::new()));
        let view = SignedView::new(&zone).map(Arc::new);
        let handler = Handler {
            zone: Arc::new(zone),
            log: log.clone(),
            view: view.clone(),
        };
        let (ready_tx, ready_rx) = mpsc::channel::<Result<SocketAddr, String>>();
        let (shutdown_tx, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("test-dns".into())
            .spawn(move || serve(handler, ready_tx, shutdown_rx))
            .expect("cannot spawn the test DNS server thread");
        let addr = match ready_rx.recv() {
            Ok(Ok(addr)) => addr,
            Ok(Err(e)) => panic!("test DNS server did not start: {e}"),
            Err(e) => panic!("test DNS server thread died while starting: {e}"),
        };
        TestDns {
            addr,
            log,
            view,
            shutdown: Some(shutdown_tx),
            thread: Some(thread),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The value for mailaudit's `--resolver`: "127.0.0.1:PORT".
    pub fn resolver_arg(&self) -> String {
        self.addr.to_string()
    }

    /// (lowercase name without trailing dot, type mnemonic) of every query, in arrival order.
    pub fn queries(&self) -> Vec<(String, String)> {
        self.query_log()
            .into_iter()
            .map(|q| (q.name, q.rtype))
            .collect()
    }

    /// Every query in arrival order, with the transport it came over.
    pub fn query_log(&self) -> Vec<LoggedQuery> {
        lock(&self.log).clone()
    }

    /// The trust anchor of the server's own root, whose keys were made when it started. Panics
    /// unless the zone declared a signed root (`Zone::signed_zone(".", ..)`).
    pub fn trust_anchor(&self) -> TrustAnchor {
        self.view
            .as_ref()
            .and_then(|view| view.trust_anchor())
            .expect(
                "the server has no signed root zone: declare one with Zone::signed_zone(\".\", ..)",
            )
    }

    /// Forgets the queries logged so far.
    pub fn clear_queries(&self) {
        lock(&self.log).clear();
    }
}

impl Drop for TestDns {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            // An error means the server thread is already gone.
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            // A panic on the server thread has been printed already; do not panic in drop.
            let _ = thread.join();
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The server thread: binds, reports the address, serves until told to stop.
fn serve(
    handler: Handler,
    ready: mpsc::Sender<Result<SocketAddr, String>>,
    shutdown: tokio::sync::oneshot::Receiver<()>,
) {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            let _ = ready.send(Err(format!("cannot build a tokio runtime: {e}")));
            return;
        }
    };
    runtime.block_on(async move {
        let (udp, tcp) = match bind_pair().await {
            Ok(pair) => pair,
            Err(e) => {
                let _ = ready.send(Err(e));
                return;
            }
        };
        let addr = match udp.local_addr() {
            Ok(addr) => addr,
            Err(e) => {
                let _ = ready.send(Err(format!("no local address: {e}")));
                return;
            }
        };
        let mut server = Server::new(handler);
        server.register_socket(udp);
        server.register_listener(tcp, TCP_IDLE, 64);
        if ready.send(Ok(addr)).is_err() {
            return;
        }
        // Resolves on a stop request and also when the TestDns is gone without one.
        let _ = shutdown.await;
        // Shutting down cancels the accept loops, which abort their connection tasks.
        let _ = tokio::time::timeout(Duration::from_secs(5), server.shutdown_gracefully()).await;
    });
    // Whatever is still pending (nothing should be) is dropped without waiting.
    runtime.shutdown_background();
}

/// A UDP socket and a TCP listener on the same loopback port.
async fn bind_pair() -> Result<(UdpSocket, TcpListener), String> {
    let mut last_error = String::new();
    for _ in 0..50 {
        let udp = UdpSocket::bind("127.0.0.1:0")
            .await
            .map_err(|e| format!("cannot bind UDP on 127.0.0.1: {e}"))?;
        let addr = udp
            .local_addr()
            .map_err(|e| format!("no local address: {e}"))?;
        match TcpListener::bind(addr).await {
            Ok(tcp) => return Ok((udp, tcp)),
            // The port is free for UDP but taken for TCP: try another one.
            Err(e) => last_error = format!("cannot bind TCP on {addr}: {e}"),
        }
    }
    Err(last_error)
}

struct Handler {
    zone: Arc<Zone>,
    log: Arc<Mutex<Vec<LoggedQuery>>>,
    /// The declared zones and their keys, when the fixture declares any.
    view: Option<Arc<SignedView>>,
}

// `RequestHandler` is declared with `#[async_trait]`; this is the signature that macro expands to,
// written out so the tests need no `async-trait` dependency of their own.
impl RequestHandler for Handler {
    fn handle_request<'life0, 'life1, 'async_trait, R, T>(
        &'life0 self,
        request: &'life1 Request,
        response_handle: R,
    ) -> Pin<Box<dyn Future<Output = ResponseInfo> + Send + 'async_trait>>
    where
        R: ResponseHandler + 'async_trait,
        T: Time + 'async_trait,
        'life0: 'async_trait,
        'life1: 'async_trait,
        Self: 'async_trait,
    {
        Box::pin(self.answer(request, response_handle))
    }
}

impl Handler {
    async fn answer<R: ResponseHandler>(&self, request: &Request, handle: R) -> ResponseInfo {
        let zone = &self.zone;
        let tcp = request.protocol() != Protocol::Udp;
        let single = match request.queries.queries() {
            [query] if request.metadata.op_code == OpCode::Query => Some(query),
            _ => None,
        };
        // Logged on arrival, before any delay.
        let delay = match single {
            Some(query) => {
                let key = key_of_name(query.original().name());
                lock(&self.log).push(LoggedQuery {
                    name: text_of_key(&key),
                    rtype: type_mnemonic(query.query_type()),
                    tcp,
                    at: Instant::now(),
                });
                zone.delay_for(&key)
            }
            None => zone.delay,
        };
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        let Some(query) = single else {
            let code = if request.metadata.op_code == OpCode::Query {
                ResponseCode::FormErr
            } else {
                ResponseCode::NotImp
            };
            return send_error(request, handle, code).await;
        };
        let qname = query.original().name();
        let qtype = query.query_type();
        let key = key_of_name(qname);

        if zone.is_silent(&key, qtype) {
            // No response at all; the client times out.
            return response_info(request, ResponseCode::NoError);
        }
        if let Some(&code) = zone.fail_every_name.as_ref().or(zone.failures.get(&key)) {
            return send_error(request, handle, code).await;
        }
        let edns = response_edns(request);
        let mut metadata = Metadata::response_from_request(&request.metadata);
        metadata.authoritative = true;
        if !tcp && zone.truncate_udp.contains(&key) {
            metadata.truncation = true;
            return send(request, handle, metadata, edns.as_ref(), &[], &[]).await;
        }

        let (code, answers, soa) = match &self.view {
            Some(view) => view.answer(zone, qname, qtype, dnssec_ok(request)),
            None => zone.resolve(qname, qtype),
        };
        metadata.response_code = code;
        if !tcp && !fits(request, metadata, edns.as_ref(), &answers, &soa) {
            metadata.truncation = true;
            return send(request, handle, metadata, edns.as_ref(), &[], &[]).await;
        }
        send(request, handle, metadata, edns.as_ref(), &answers, &soa).await
    }
}

/// The OPT record for the response: present when the query had one (RFC 6891 §6.1.1), announcing
/// the client's own payload size so hickory's encoder applies the same limit as [`fits`].
fn response_edns(request: &Request) -> Option<Edns> {
    request.edns.as_ref().map(|_| {
        let mut edns = Edns::new();
        edns.set_max_payload(request.max_payload());
        // RFC 3225 §3: the DO bit is copied into the response.
        edns.set_dnssec_ok(dnssec_ok(request));
        edns
    })
}

/// Whether the query set the DO bit (RFC 3225): it wants RRSIGs and denial records.
fn dnssec_ok(request: &Request) -> bool {
    request
        .edns
        .as_ref()
        .is_some_and(|edns| edns.flags().dnssec_ok)
}

/// Whether the full response fits the client's UDP limit: 512 bytes without EDNS, else the
/// payload size it announced. hickory's encoder would send a partial answer with TC set; we want
/// an empty one, so we encode once on the side to find out.
fn fits(
    request: &Request,
    metadata: Metadata,
    edns: Option<&Edns>,
    answers: &[Record],
    soa: &[Record],
) -> bool {
    let mut bytes = Vec::with_capacity(512);
    let mut encoder = BinEncoder::new(&mut bytes);
    encoder.set_max_size(request.max_payload());
    let mut builder = MessageResponseBuilder::new(&request.queries, None);
    if let Some(edns) = edns {
        builder.edns(edns);
    }
    let response = builder.build(metadata, answers, iter::empty(), soa, iter::empty());
    match response.destructive_emit(&mut encoder) {
        Ok(info) => !info.truncation,
        Err(_) => false,
    }
}

async fn send<R: ResponseHandler>(
    request: &Request,
    mut handle: R,
    metadata: Metadata,
    edns: Option<&Edns>,
    answers: &[Record],
    soa: &[Record],
) -> ResponseInfo {
    let mut builder = MessageResponseBuilder::new(&request.queries, None);
    if let Some(edns) = edns {
        builder.edns(edns);
    }
    let response = builder.build(metadata, answers, iter::empty(), soa, iter::empty());
    match handle.send_response(response).await {
        Ok(info) => info,
        Err(_) => response_info(request, ResponseCode::ServFail),
    }
}

async fn send_error<R: ResponseHandler>(
    request: &Request,
    handle: R,
    code: ResponseCode,
) -> ResponseInfo {
    let mut metadata = Metadata::response_from_request(&request.metadata);
    metadata.authoritative = true;
    metadata.response_code = code;
    let edns = response_edns(request);
    send(request, handle, metadata, edns.as_ref(), &[], &[]).await
}

/// What the server reports about a response it did not (or could not) send.
fn response_info(request: &Request, code: ResponseCode) -> ResponseInfo {
    let mut metadata = Metadata::response_from_request(&request.metadata);
    metadata.response_code = code;
    ResponseInfo::from(Header {
        metadata,
        counts: HeaderCounts::default(),
    })
}
