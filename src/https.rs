//! One bounded HTTPS GET the way a cautious client makes it (RFC 9110, RFC 9112 over TLS,
//! RFC 8446): to addresses the caller resolved (so the run's own resolver decides, not the
//! system's), tried with RFC 8305's stagger so that a dead address does not use up the deadline,
//! with SNI and certificate validation for the host name, no redirect followed, the body read up
//! to a cap and no further, and the whole exchange within one deadline. hyper speaks HTTP/1.1
//! over tokio-rustls; nothing here knows what the document means.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use rustls::pki_types::ServerName;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use crate::dns::bytes_text;
use crate::tls::{CertReport, CertVerdict, TrustStore, client_config};

/// What to fetch and within which bounds.
#[derive(Debug, Clone)]
pub struct Request {
    /// The name for SNI, certificate validation and the Host header.
    pub host: String,
    pub path: String,
    /// Tried in order, each next one after a failure or a short delay (RFC 8305 §5), until
    /// one accepts the connection.
    pub addresses: Vec<IpAddr>,
    pub port: u16,
    /// For the whole exchange: connecting, TLS, request and body.
    pub timeout: Duration,
    /// Body bytes read at most; a longer body is cut there and marked.
    pub max_body: usize,
}

/// An HTTP response, as far as it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    /// The Content-Type header as sent (non-UTF-8 bytes as `\xNN`).
    pub content_type: Option<String>,
    /// The Location header of a redirect.
    pub location: Option<String>,
    /// The body of a 200 response, at most `max_body` bytes.
    pub body: Vec<u8>,
    /// The body (or its announced Content-Length) was longer than `max_body`.
    pub too_large: bool,
}

/// Why no response was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The deadline passed.
    Timeout(Duration),
    /// No address accepted a TCP connection; each address and why.
    Connect(Vec<(SocketAddr, String)>),
    /// The server's certificate did not validate (the report says why).
    Certificate,
    /// The TLS handshake failed otherwise.
    Tls(String),
    /// The server did not speak HTTP/1.1 acceptably.
    Http(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Timeout(t) => write!(f, "no complete answer within {} s", t.as_secs_f64()),
            Self::Connect(tries) => {
                let parts: Vec<String> = tries.iter().map(|(a, e)| format!("{a}: {e}")).collect();
                write!(f, "cannot connect ({})", parts.join("; "))
            }
            Self::Certificate => f.write_str("the certificate did not validate"),
            Self::Tls(e) => write!(f, "TLS handshake failed: {e}"),
            Self::Http(e) => write!(f, "HTTP failed: {e}"),
        }
    }
}

/// The outcome of a fetch: the response or why there is none, and the certificate's verdict
/// when the handshake got that far.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub result: Result<Response, FetchError>,
    pub certificate: Option<CertReport>,
}

/// GETs `request.path` from `request.host` within `request.timeout`.
pub async fn get(request: &Request, trust: &TrustStore) -> Fetched {
    let (config, recorder) = match client_config(trust) {
        Ok(pair) => pair,
        Err(e) => {
            return Fetched {
                result: Err(FetchError::Tls(crate::tls::tls_error(&e))),
                certificate: None,
            };
        }
    };
    let exchange = exchange(request, TlsConnector::from(config));
    let result = match tokio::time::timeout(request.timeout, exchange).await {
        Ok(result) => result,
        Err(_) => Err(FetchError::Timeout(request.timeout)),
    };
    let certificate = recorder.report(&request.host);
    let result = match result {
        Err(FetchError::Tls(_))
            if certificate
                .as_ref()
                .is_some_and(|c| c.verdict != CertVerdict::Valid) =>
        {
            Err(FetchError::Certificate)
        }
        other => other,
    };
    Fetched {
        result,
        certificate,
    }
}

async fn exchange(request: &Request, tls: TlsConnector) -> Result<Response, FetchError> {
    let tcp = connect(&request.addresses, request.port).await?;
    let name = ServerName::try_from(request.host.clone()).map_err(|e| {
        let host = crate::sanitize::quoted(&request.host);
        FetchError::Tls(format!("{host} is not a server name: {e}"))
    })?;
    let stream = tls.connect(name, tcp).await.map_err(|e| {
        // rustls's own error inside the I/O error, in words; any other I/O error as it is.
        let words = e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
            .map_or_else(|| e.to_string(), crate::tls::tls_error);
        FetchError::Tls(words)
    })?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| FetchError::Http(e.to_string()))?;
    let http_request = hyper::Request::get(request.path.as_str())
        .header(hyper::header::HOST, request.host.as_str())
        .header(
            hyper::header::USER_AGENT,
            concat!("mailaudit/", env!("CARGO_PKG_VERSION")),
        )
        .header(hyper::header::CONNECTION, "close")
        .body(Empty::<Bytes>::new())
        .map_err(|e| FetchError::Http(e.to_string()))?;
    let work = async move {
        let response = sender
            .send_request(http_request)
            .await
            .map_err(|e| FetchError::Http(e.to_string()))?;
        read_response(response, request.max_body).await
    };
    // The connection must be driven while the response is read; once it ends, what it
    // delivered is still there for the reader.
    let mut work = std::pin::pin!(work);
    let mut connection = std::pin::pin!(connection);
    tokio::select! {
        out = &mut work => out,
        _ = &mut connection => work.await,
    }
}

/// How long an attempt has before the next address is tried beside it: RFC 8305 §5's
/// recommended Connection Attempt Delay.
const ATTEMPT_DELAY: Duration = Duration::from_millis(250);
/// Addresses tried at most: they come from DNS, and each one is a socket.
const MAX_ADDRESSES: usize = 16;

/// The first address to accept a TCP connection, the attempts staggered as RFC 8305 §5 does: the
/// next address starts when the last attempt fails or has had [`ATTEMPT_DELAY`], so an address
/// whose packets are dropped (a dead AAAA beside a good A) costs that delay, not the deadline.
async fn connect(addresses: &[IpAddr], port: u16) -> Result<TcpStream, FetchError> {
    let mut waiting = addresses
        .iter()
        .take(MAX_ADDRESSES)
        .map(|&ip| SocketAddr::new(ip, port));
    let attempt = |addr: SocketAddr| async move { (addr, TcpStream::connect(addr).await) };
    let mut running = FuturesUnordered::new();
    let mut tries = Vec::new();
    loop {
        if running.is_empty() {
            match waiting.next() {
                Some(addr) => running.push(attempt(addr)),
                None => return Err(FetchError::Connect(tries)),
            }
        }
        tokio::select! {
            Some((addr, result)) = running.next() => match result {
                Ok(stream) => return Ok(stream),
                // A failed attempt hands over to the next address at once.
                Err(e) => {
                    tries.push((addr, e.to_string()));
                    if let Some(next) = waiting.next() {
                        running.push(attempt(next));
                    }
                }
            },
            () = tokio::time::sleep(ATTEMPT_DELAY) => {
                if let Some(next) = waiting.next() {
                    running.push(attempt(next));
                }
            }
        }
    }
}

async fn read_response(
    response: hyper::Response<hyper::body::Incoming>,
    max_body: usize,
) -> Result<Response, FetchError> {
    let header = |name: hyper::header::HeaderName| {
        response
            .headers()
            .get(name)
            .map(|v| bytes_text(v.as_bytes()))
    };
    let mut out = Response {
        status: response.status().as_u16(),
        content_type: header(hyper::header::CONTENT_TYPE),
        location: header(hyper::header::LOCATION),
        body: Vec::new(),
        too_large: false,
    };
    if out.status != 200 {
        return Ok(out);
    }
    let announced = header(hyper::header::CONTENT_LENGTH).and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > max_body as u64) {
        out.too_large = true;
        return Ok(out);
    }
    let mut body = response.into_body();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| FetchError::Http(e.to_string()))?;
        if let Ok(data) = frame.into_data() {
            let room = max_body - out.body.len();
            if data.len() > room {
                out.body.extend_from_slice(&data[..room]);
                out.too_large = true;
                return Ok(out);
            }
            out.body.extend_from_slice(&data);
        }
    }
    Ok(out)
}
