//! One SMTP connection with every read bounded (RFC 5321 §4.5.3.1): octets per reply line,
//! lines per reply, octets in the whole session (counted on the socket, so TLS records count
//! too). Time is bounded by the caller. The stream underneath is swapped for a TLS stream by
//! STARTTLS.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::TcpStream;

use super::Limits;
use super::reply::{Reply, parse_line};

/// A byte stream to talk over: TCP, or TLS over TCP.
pub trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}

/// Why a reply could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The server closed the connection.
    Closed,
    /// A line longer than the limit (octets).
    LineTooLong(usize),
    /// A reply of more lines than the limit.
    TooManyLines(usize),
    /// The session went over its byte limit.
    TooManyBytes(u64),
    /// A line that is not `ddd[ -]text`, or whose code differs from the reply's first line.
    Malformed(String),
    Io(String),
}

/// The bytes read on a socket, shared with the [`Metered`] stream that counts them.
#[derive(Debug, Clone, Default)]
pub struct Meter(Arc<AtomicU64>);

impl Meter {
    pub fn read(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// A stream that reads at most `limit` octets in all, then fails.
pub struct Metered<S> {
    inner: S,
    meter: Meter,
    limit: u64,
}

impl<S> Metered<S> {
    pub fn new(inner: S, meter: Meter, limit: u64) -> Self {
        Self {
            inner,
            meter,
            limit,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Metered<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let left = self.limit.saturating_sub(self.meter.read());
        if left == 0 {
            return Poll::Ready(Err(io::Error::other("session byte limit reached")));
        }
        let mut chunk = [0u8; 4096];
        let room = usize::try_from(left)
            .unwrap_or(usize::MAX)
            .min(buf.remaining())
            .min(chunk.len());
        let mut limited = ReadBuf::new(&mut chunk[..room]);
        let result = Pin::new(&mut self.inner).poll_read(cx, &mut limited);
        let n = limited.filled().len();
        self.meter.0.fetch_add(n as u64, Ordering::Relaxed);
        buf.put_slice(limited.filled());
        result
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Metered<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Why a connection could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectFailure {
    pub detail: String,
    /// This machine has no route to the address (most often: no IPv6 here), so the failure
    /// says nothing about the server.
    pub no_route: bool,
}

impl ConnectFailure {
    fn from_io(e: &io::Error) -> Self {
        Self {
            detail: e.to_string(),
            no_route: matches!(
                e.kind(),
                io::ErrorKind::NetworkUnreachable | io::ErrorKind::AddrNotAvailable
            ),
        }
    }

    /// What a message about the failure says: the error, and why it may not be the server's.
    pub fn explained(&self) -> String {
        if self.no_route {
            format!(
                "{}; this machine has no route to that address (no IPv6 here?), so the server \
                 could not be tested from here",
                self.detail
            )
        } else {
            self.detail.clone()
        }
    }
}

/// Connects to `addr` within one step of `limits`, counting what is read on `meter`.
pub async fn open(
    addr: SocketAddr,
    meter: &Meter,
    limits: Limits,
) -> Result<Connection, ConnectFailure> {
    match tokio::time::timeout(limits.step, TcpStream::connect(addr)).await {
        Ok(Ok(tcp)) => {
            let metered = Metered::new(tcp, meter.clone(), limits.bytes);
            Ok(Connection::new(Box::new(metered), meter.clone(), limits))
        }
        Ok(Err(e)) => Err(ConnectFailure::from_io(&e)),
        Err(_) => Err(ConnectFailure {
            detail: format!("no answer within {} s", limits.step.as_secs_f64()),
            no_route: false,
        }),
    }
}

/// Replies read line by line from a stream, within the limits.
pub struct Connection {
    io: Box<dyn Stream>,
    buf: Vec<u8>,
    meter: Meter,
    limits: Limits,
}

impl Connection {
    pub fn new(io: Box<dyn Stream>, meter: Meter, limits: Limits) -> Self {
        Self {
            io,
            buf: Vec::new(),
            meter,
            limits,
        }
    }

    /// Reads one complete reply.
    pub async fn read_reply(&mut self) -> Result<Reply, ReadError> {
        let mut reply: Option<Reply> = None;
        loop {
            let raw = self.read_line().await?;
            let Some(line) = parse_line(&raw) else {
                return Err(ReadError::Malformed(crate::dns::bytes_text(&raw)));
            };
            let reply = reply.get_or_insert_with(|| Reply {
                code: line.code,
                lines: Vec::new(),
            });
            if line.code != reply.code {
                return Err(ReadError::Malformed(crate::dns::bytes_text(&raw)));
            }
            if reply.lines.len() == self.limits.lines {
                return Err(ReadError::TooManyLines(self.limits.lines));
            }
            reply.lines.push(line.text);
            if line.last {
                return Ok(reply.clone());
            }
        }
    }

    /// One line without its CRLF (a bare LF ends a line too, as lenient clients read it).
    pub async fn read_line(&mut self) -> Result<Vec<u8>, ReadError> {
        loop {
            if let Some(end) = self.buf.iter().position(|&b| b == b'\n') {
                if end + 1 > self.limits.line {
                    return Err(ReadError::LineTooLong(self.limits.line));
                }
                let mut line: Vec<u8> = self.buf.drain(..=end).collect();
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(line);
            }
            if self.buf.len() >= self.limits.line {
                return Err(ReadError::LineTooLong(self.limits.line));
            }
            let mut chunk = [0u8; 4096];
            let n = match self.io.read(&mut chunk).await {
                Ok(0) => return Err(ReadError::Closed),
                Ok(n) => n,
                Err(e) => return Err(self.io_error(&e)),
            };
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }

    fn io_error(&self, e: &io::Error) -> ReadError {
        if self.meter.read() >= self.limits.bytes {
            ReadError::TooManyBytes(self.limits.bytes)
        } else if matches!(
            e.kind(),
            io::ErrorKind::ConnectionReset
                | io::ErrorKind::UnexpectedEof
                | io::ErrorKind::BrokenPipe
        ) {
            ReadError::Closed
        } else {
            ReadError::Io(e.to_string())
        }
    }

    /// Sends one command line (CRLF added).
    pub async fn send(&mut self, line: &str) -> io::Result<()> {
        self.io.write_all(format!("{line}\r\n").as_bytes()).await?;
        self.io.flush().await
    }

    /// The stream, for STARTTLS, and what had been read beyond the last reply: RFC 3207 §4.2
    /// has the client throw that away, as it arrived before TLS.
    pub fn into_parts(self) -> (Box<dyn Stream>, Vec<u8>) {
        (self.io, self.buf)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn limits() -> Limits {
        Limits {
            line: 64,
            lines: 3,
            bytes: 1024,
            step: Duration::from_secs(1),
            budget: Duration::from_secs(1),
        }
    }

    fn connection(input: &[u8], limits: Limits) -> Connection {
        let meter = Meter::default();
        let stream = Metered::new(tokio_test_stream(input), meter.clone(), limits.bytes);
        Connection::new(Box::new(stream), meter, limits)
    }

    /// A stream that reads `input` and then end of file, and swallows writes.
    fn tokio_test_stream(input: &[u8]) -> impl Stream + use<> {
        let (mut client, server) = tokio::io::duplex(1 << 16);
        let input = input.to_vec();
        tokio::spawn(async move {
            let _ = client.write_all(&input).await;
            let _ = client.shutdown().await;
            let mut sink = Vec::new();
            let _ = client.read_to_end(&mut sink).await;
        });
        server
    }

    #[test]
    fn a_missing_route_is_told_apart_from_a_refusal() {
        let unreachable = io::Error::from(io::ErrorKind::NetworkUnreachable);
        let f = ConnectFailure::from_io(&unreachable);
        assert!(f.no_route && f.explained().contains("no route to that address"));
        let refused = io::Error::from(io::ErrorKind::ConnectionRefused);
        let f = ConnectFailure::from_io(&refused);
        assert!(!f.no_route);
        assert_eq!(f.explained(), refused.to_string());
    }

    #[tokio::test]
    async fn reads_multi_line_replies_and_stops_at_each_limit() {
        let mut c = connection(b"250-a\r\n250-b\r\n250 c\r\n220 next\n", limits());
        assert_eq!(c.read_reply().await.unwrap().lines, ["a", "b", "c"]);
        assert_eq!(c.read_reply().await.unwrap().code, 220);
        assert_eq!(c.read_reply().await, Err(ReadError::Closed));

        let mut c = connection(b"250-a\r\n250-b\r\n250-c\r\n250 d\r\n", limits());
        assert_eq!(c.read_reply().await, Err(ReadError::TooManyLines(3)));

        let long = format!("220 {}\r\n", "x".repeat(100));
        let mut c = connection(long.as_bytes(), limits());
        assert_eq!(c.read_reply().await, Err(ReadError::LineTooLong(64)));

        let mut c = connection(b"250-a\r\n251 b\r\n", limits());
        assert_eq!(
            c.read_reply().await,
            Err(ReadError::Malformed("251 b".into()))
        );

        let many = "250-x\r\n".repeat(2) + "250 y\r\n";
        let small = Limits {
            bytes: 10,
            ..limits()
        };
        let mut c = connection(many.as_bytes(), small);
        assert_eq!(c.read_reply().await, Err(ReadError::TooManyBytes(10)));
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 128,
            failure_persistence: None,
            ..proptest::test_runner::Config::default()
        })]

        /// Whatever a server sends, reading ends, and no reply or session goes past its limits.
        #[test]
        fn reading_any_bytes_ends_within_the_limits(
            input in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(b"250-x\r\n".to_vec()),
                    proptest::strategy::Just(b"250 y\r\n".to_vec()),
                    proptest::collection::vec(proptest::arbitrary::any::<u8>(), 0..200),
                ],
                0..40,
            )
        ) {
            let bytes: Vec<u8> = input.concat();
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async {
                let limits = limits();
                let mut c = connection(&bytes, limits);
                let mut replies = 0;
                while let Ok(reply) = c.read_reply().await {
                    assert!(reply.lines.len() <= limits.lines);
                    replies += 1;
                    assert!(replies <= bytes.len());
                }
                assert!(c.meter.read() <= limits.bytes);
            });
        }
    }
}
