//! A TCP address on loopback where connecting hangs, as it does to a host whose packets are
//! dropped (a dead AAAA, a firewall that drops): the connect neither completes nor fails.
//!
//! Loopback cannot drop packets by itself, and an address where nothing listens answers RST at
//! once, which is the easy case. What hangs is a listener whose accept queue is full: Linux then
//! drops each new SYN (with `net.ipv4.tcp_abort_on_overflow` at its default 0), and the client
//! keeps retransmitting it until its own timeout. The listener has a backlog of 0 and never
//! accepts; [`Blackhole::bind`] fills its queue and proves it full with a connect that does not
//! complete, so a kernel that behaves otherwise fails the test loudly instead of testing nothing.

#![allow(dead_code)]

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

/// How long a connect to a full queue is given before it counts as hanging.
const PROBE: Duration = Duration::from_millis(200);
/// Connections that may be needed to fill the queue (the kernel may round the backlog up).
const MAX_FILL: usize = 64;

/// A listener on `addr` whose connects hang; dropping it frees the address.
pub struct Blackhole {
    addr: SocketAddr,
    _listener: TcpListener,
    _queued: Vec<TcpStream>,
}

impl Blackhole {
    /// Binds `addr` (e.g. 127.0.0.2 and the port of a real server on 127.0.0.1) and fills the
    /// accept queue.
    pub fn bind(addr: SocketAddr) -> Blackhole {
        let listener = listen_without_backlog(addr);
        let mut queued = Vec::new();
        loop {
            assert!(
                queued.len() < MAX_FILL,
                "{addr}: the accept queue takes more than {MAX_FILL} connections"
            );
            match TcpStream::connect_timeout(&addr, PROBE) {
                Ok(stream) => queued.push(stream),
                Err(e) if e.kind() == std::io::ErrorKind::TimedOut => break,
                Err(e) => {
                    panic!("{addr}: a connect to the full queue failed instead of hanging: {e}")
                }
            }
        }
        Blackhole {
            addr,
            _listener: listener,
            _queued: queued,
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

/// A listening socket with a backlog of 0. std's `TcpListener::bind` asks for 128, so tokio's
/// `TcpSocket` sets it, inside a throwaway runtime, and hands back a plain std listener.
fn listen_without_backlog(addr: SocketAddr) -> TcpListener {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .expect("a tokio runtime");
    let _entered = runtime.enter();
    let socket = match addr {
        SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4(),
        SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6(),
    }
    .expect("a TCP socket");
    socket
        .bind(addr)
        .unwrap_or_else(|e| panic!("cannot bind {addr}: {e}"));
    let listener = socket.listen(0).expect("listen");
    listener.into_std().expect("a std listener")
}
