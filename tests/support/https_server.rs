//! An in-process HTTPS server for tests of the MTA-STS policy fetch: tokio + tokio-rustls on
//! 127.0.0.1 with an ephemeral port, certificates made with rcgen by a test CA whose PEM the test
//! hands to mailaudit with `--ca-file`. It answers every request with one scripted reply (or
//! never answers, for timeouts) and remembers the SNI name and request line it saw.
//!
//! The HTTP side is written by hand on purpose: the tests need replies a well-behaved server
//! library would not send (a 70 KiB body, a wrong media type, a redirect, silence).

#![allow(dead_code)]

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose,
    date_time_ymd,
};
use rustls::ServerConfig;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use super::temp::TempDir;

/// A certificate authority for tests.
pub struct TestCa {
    pub name: String,
    cert: CertificateDer<'static>,
    pem: String,
    issuer: Issuer<'static, KeyPair>,
}

/// A server certificate with the chain the server sends and its key.
pub struct ServerCert {
    pub chain: Vec<CertificateDer<'static>>,
    key: Vec<u8>,
}

impl TestCa {
    pub fn new(name: &str) -> Self {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        params.not_before = date_time_ymd(2020, 1, 1);
        params.not_after = date_time_ymd(2099, 1, 1);
        let key = KeyPair::generate().expect("CA key");
        let cert = params.self_signed(&key).expect("CA certificate");
        Self {
            name: name.to_string(),
            cert: cert.der().clone(),
            pem: cert.pem(),
            issuer: Issuer::new(params, key),
        }
    }

    /// A CA with a 2048-bit RSA key (signing with sha256WithRSAEncryption).
    pub fn rsa(name: &str) -> Self {
        use rsa::pkcs8::EncodePrivateKey;
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        params.not_before = date_time_ymd(2020, 1, 1);
        params.not_after = date_time_ymd(2099, 1, 1);
        let rsa_key = rsa::PrivateKey::new(&mut getrandom::SysRng, 2048).expect("RSA key");
        let der = rsa_key.to_pkcs8_der().expect("PKCS#8");
        let key = KeyPair::from_pkcs8_der_and_sign_algo(
            &PrivatePkcs8KeyDer::from(der.as_bytes().to_vec()),
            &rcgen::PKCS_RSA_SHA256,
        )
        .expect("RSA key pair");
        let cert = params.self_signed(&key).expect("CA certificate");
        Self {
            name: name.to_string(),
            cert: cert.der().clone(),
            pem: cert.pem(),
            issuer: Issuer::new(params, key),
        }
    }

    /// A certificate for `names` over someone else's public key (valid 2020–2099), sent with
    /// the CA's own certificate; the caller holds the private key.
    pub fn leaf_for_key(
        &self,
        names: &[&str],
        public_key: &impl rcgen::PublicKeyData,
    ) -> Vec<CertificateDer<'static>> {
        let cert = leaf_params(names)
            .signed_by(public_key, &self.issuer)
            .expect("leaf certificate");
        vec![cert.der().clone(), self.cert.clone()]
    }

    /// The CA's certificate, for a test client's root store.
    pub fn certificate(&self) -> CertificateDer<'static> {
        self.cert.clone()
    }

    /// Writes the CA's PEM into `dir`, for `--ca-file`.
    pub fn pem_file(&self, dir: &TempDir) -> PathBuf {
        dir.write("ca.pem", &self.pem)
    }

    /// A certificate for `names` valid 2020–2099, sent with the CA's own certificate.
    pub fn leaf(&self, names: &[&str]) -> ServerCert {
        self.leaf_valid(names, (2020, 1, 1), (2099, 1, 1))
    }

    /// A certificate for `names` valid between two dates (year, month, day).
    pub fn leaf_valid(&self, names: &[&str], from: (i32, u8, u8), to: (i32, u8, u8)) -> ServerCert {
        let mut params = leaf_params(names);
        params.not_before = date_time_ymd(from.0, from.1, from.2);
        params.not_after = date_time_ymd(to.0, to.1, to.2);
        let key = KeyPair::generate().expect("leaf key");
        let cert = params
            .signed_by(&key, &self.issuer)
            .expect("leaf certificate");
        ServerCert {
            chain: vec![cert.der().clone(), self.cert.clone()],
            key: key.serialize_der(),
        }
    }
}

impl ServerCert {
    /// A certificate for `names` that signs itself.
    pub fn self_signed(names: &[&str]) -> ServerCert {
        let params = leaf_params(names);
        let key = KeyPair::generate().expect("key");
        let cert = params.self_signed(&key).expect("self-signed certificate");
        ServerCert {
            chain: vec![cert.der().clone()],
            key: key.serialize_der(),
        }
    }

    /// The private key, PKCS#8 DER.
    pub fn key_der(&self) -> &[u8] {
        &self.key
    }

    /// The same certificate without the issuer's certificate in the chain.
    pub fn leaf_only(mut self) -> ServerCert {
        self.chain.truncate(1);
        self
    }
}

fn leaf_params(names: &[&str]) -> CertificateParams {
    let names: Vec<String> = names.iter().map(|n| (*n).to_string()).collect();
    let mut params = CertificateParams::new(names.clone()).expect("leaf params");
    if let Some(first) = names.first() {
        params
            .distinguished_name
            .push(DnType::CommonName, first.as_str());
    }
    params.not_before = date_time_ymd(2020, 1, 1);
    params.not_after = date_time_ymd(2099, 1, 1);
    params
}

/// What the server answers.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A response: status, extra headers, body (Content-Length is added).
    Http {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// 200 with this Content-Type and the body in chunked transfer coding, 8 KiB a chunk: no
    /// length is announced, so the client must stop reading by itself.
    Chunked { content_type: String, body: Vec<u8> },
    /// Completes the TLS handshake, reads the request, and never answers.
    Silent,
}

impl Reply {
    /// 200 with `Content-Type: text/plain` and `body`.
    pub fn policy(body: &str) -> Self {
        Self::with_type(200, "text/plain", body.as_bytes().to_vec())
    }

    pub fn with_type(status: u16, content_type: &str, body: Vec<u8>) -> Self {
        Self::Http {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body,
        }
    }
}

/// What the server saw of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub sni: Option<String>,
    pub request_line: String,
    pub host: Option<String>,
}

/// A running server; dropping it stops it.
pub struct TestHttps {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl TestHttps {
    /// Serves `reply` with `cert` on 127.0.0.1 until dropped.
    pub fn start(cert: ServerCert, reply: Reply) -> TestHttps {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(cert.key));
        let config = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(cert.chain, key)
            .expect("server certificate");
        let acceptor = TlsAcceptor::from(Arc::new(config));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (ready_tx, ready_rx) = mpsc::channel();
        let (shutdown_tx, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
        let log = seen.clone();
        let thread = std::thread::Builder::new()
            .name("test-https".into())
            .spawn(move || serve(acceptor, reply, log, ready_tx, shutdown_rx))
            .expect("spawn the test HTTPS server");
        let addr = ready_rx.recv().expect("test HTTPS server started");
        TestHttps {
            addr,
            seen,
            shutdown: Some(shutdown_tx),
            thread: Some(thread),
        }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The requests served so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

impl Drop for TestHttps {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(
    acceptor: TlsAcceptor,
    reply: Reply,
    seen: Arc<Mutex<Vec<Seen>>>,
    ready: mpsc::Sender<SocketAddr>,
    shutdown: tokio::sync::oneshot::Receiver<()>,
) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("test HTTPS runtime");
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
                let (acceptor, reply, seen) = (acceptor.clone(), reply.clone(), seen.clone());
                tokio::spawn(async move {
                    // A client that gives up mid-handshake is the client's business.
                    let _ = connection(acceptor, tcp, reply, seen).await;
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

async fn connection(
    acceptor: TlsAcceptor,
    tcp: tokio::net::TcpStream,
    reply: Reply,
    seen: Arc<Mutex<Vec<Seen>>>,
) -> std::io::Result<()> {
    let mut tls = acceptor.accept(tcp).await?;
    let sni = tls.get_ref().1.server_name().map(str::to_string);
    let head = read_head(&mut tls).await?;
    let request_line = head.lines().next().unwrap_or("").to_string();
    let host = head
        .lines()
        .find_map(|l| {
            l.strip_prefix("host: ")
                .or_else(|| l.strip_prefix("Host: "))
        })
        .map(str::to_string);
    seen.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push(Seen {
            sni,
            request_line,
            host,
        });
    match reply {
        Reply::Silent => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            Ok(())
        }
        Reply::Chunked { content_type, body } => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            );
            tls.write_all(head.as_bytes()).await?;
            for chunk in body.chunks(8192) {
                let mut framed = format!("{:x}\r\n", chunk.len()).into_bytes();
                framed.extend_from_slice(chunk);
                framed.extend_from_slice(b"\r\n");
                // A client that has read enough closes the connection: not an error here.
                if tls.write_all(&framed).await.is_err() {
                    return Ok(());
                }
            }
            let _ = tls.write_all(b"0\r\n\r\n").await;
            let _ = tls.shutdown().await;
            Ok(())
        }
        Reply::Http {
            status,
            headers,
            body,
        } => {
            let mut out = format!(
                "HTTP/1.1 {status} Test\r\nContent-Length: {}\r\n",
                body.len()
            );
            for (name, value) in headers {
                let _ = write!(out, "{name}: {value}\r\n");
            }
            out.push_str("Connection: close\r\n\r\n");
            tls.write_all(out.as_bytes()).await?;
            // A client that stops reading a large body closes the connection: not an error here.
            let _ = tls.write_all(&body).await;
            let _ = tls.shutdown().await;
            Ok(())
        }
    }
}

/// The request head, up to the blank line (at most 16 KiB).
async fn read_head(
    tls: &mut tokio_rustls::server::TlsStream<tokio::net::TcpStream>,
) -> std::io::Result<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        let n = tls.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}
