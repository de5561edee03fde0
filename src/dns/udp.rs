//! DNS over UDP to one server, many queries in flight on a few long-lived sockets (RFC 1035
//! §4.2.1, RFC 5452). A bulk run sends tens of thousands of queries a second; the resolver
//! library opens a socket for each, which costs more than the query. Here each socket carries
//! many queries, told apart by a random ID; an answer counts only when it comes from the server
//! the socket is connected to, carries the ID of a query waiting on that socket, and repeats
//! that query's question byte for byte — its name in the random letter case it was sent with
//! (0x20 encoding), so a forged answer must guess the port, the ID and the case.
//!
//! Only the plain case is answered here; the caller sends anything else (a truncated answer, a
//! socket error) through the full resolver.

use std::collections::HashMap;
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hickory_proto::op::{Edns, Message, MessageType, OpCode, Query};
use hickory_proto::rr::{Name, RecordType};
use tokio::net::UdpSocket;
use tokio::sync::{OnceCell, oneshot};
use tokio::task::JoinHandle;

/// Sockets per server: their source ports, chosen at random by the system, add to the ID what
/// a forger must guess.
const SOCKETS: usize = 16;

/// The largest answer asked for over UDP (EDNS, RFC 6891): what fits an unfragmented packet on
/// most paths (the DNS Flag Day 2020 value). A larger answer comes truncated and goes to TCP.
const PAYLOAD: u16 = 1232;

/// How one query ended.
#[derive(Debug)]
pub enum Reply {
    Answer(Message),
    /// Nothing came within the time.
    Timeout,
}

/// The queries waiting on one socket, by ID.
type Waiting = Mutex<HashMap<u16, Pending>>;

struct Pending {
    /// The question as sent (name in its random case, type).
    name: Name,
    rtype: RecordType,
    reply: oneshot::Sender<io::Result<Message>>,
}

struct Socket {
    udp: UdpSocket,
    waiting: Waiting,
}

/// A client of one server. Its sockets are opened on first use, inside the runtime.
pub struct UdpClient {
    server: SocketAddr,
    sockets: OnceCell<Vec<(Arc<Socket>, JoinHandle<()>)>>,
    turn: AtomicUsize,
}

impl Drop for UdpClient {
    fn drop(&mut self) {
        for (_, receiver) in self.sockets.get().into_iter().flatten() {
            receiver.abort();
        }
    }
}

impl UdpClient {
    pub fn new(server: SocketAddr) -> Self {
        Self {
            server,
            sockets: OnceCell::new(),
            turn: AtomicUsize::new(0),
        }
    }

    /// Asks `name` `rtype` (recursion desired) and waits at most `timeout` for the answer;
    /// with `dnssec`, with the DO bit, for the signatures too (RFC 3225).
    pub async fn ask(
        &self,
        name: &Name,
        rtype: RecordType,
        timeout: Duration,
        dnssec: bool,
    ) -> io::Result<Reply> {
        let sockets = self.sockets.get_or_try_init(|| open(self.server)).await?;
        let (socket, _) = &sockets[self.turn.fetch_add(1, Ordering::Relaxed) % sockets.len()];
        let sent_as = mixed_case(name)?;
        let (tx, mut rx) = oneshot::channel();
        let id = register(&socket.waiting, &sent_as, rtype, tx)?;
        let _unregister = Unregister(&socket.waiting, id);
        let query = query_message(id, &sent_as, rtype, PAYLOAD, dnssec);
        let bytes = query.to_vec().map_err(io::Error::other)?;
        socket.udp.send(&bytes).await?;
        let deadline = tokio::time::Instant::now() + timeout;
        // UDP may lose the query or its answer (a server's full receive buffer drops a burst):
        // sent once more, the same message, half way through the time (RFC 1035 §4.2.1).
        // Whichever answer comes first is taken; --timeout still bounds the whole query.
        if let Ok(answer) = tokio::time::timeout(timeout / 2, &mut rx).await {
            return received(answer);
        }
        socket.udp.send(&bytes).await?;
        match tokio::time::timeout_at(deadline, rx).await {
            Err(_) => Ok(Reply::Timeout),
            Ok(answer) => received(answer),
        }
    }
}

/// A recursive query with EDNS; with `dnssec`, the DO bit set and AD asked for.
pub(super) fn query_message(
    id: u16,
    name: &Name,
    rtype: RecordType,
    payload: u16,
    dnssec: bool,
) -> Message {
    let mut query = Message::new(id, MessageType::Query, OpCode::Query);
    query.metadata.recursion_desired = true;
    query.metadata.authentic_data = dnssec;
    query.add_query(Query::query(name.clone(), rtype));
    let mut edns = Edns::new();
    edns.set_max_payload(payload);
    if dnssec {
        edns.enable_dnssec();
    }
    query.set_edns(edns);
    query
}

/// What the receiver handed over.
fn received(answer: Result<io::Result<Message>, oneshot::error::RecvError>) -> io::Result<Reply> {
    match answer {
        Ok(answer) => answer.map(Reply::Answer),
        Err(_) => Err(io::Error::other("the socket's receiver ended")),
    }
}

/// Takes the query's ID out of the waiting list however the wait ends.
struct Unregister<'a>(&'a Waiting, u16);

impl Drop for Unregister<'_> {
    fn drop(&mut self) {
        lock(self.0).remove(&self.1);
    }
}

/// Sockets connected to `server` (so the system drops datagrams from anyone else), each with
/// its receiver task.
async fn open(server: SocketAddr) -> io::Result<Vec<(Arc<Socket>, JoinHandle<()>)>> {
    let mut sockets = Vec::with_capacity(SOCKETS);
    for _ in 0..SOCKETS {
        let local: SocketAddr = if server.is_ipv4() {
            (Ipv4Addr::UNSPECIFIED, 0).into()
        } else {
            (Ipv6Addr::UNSPECIFIED, 0).into()
        };
        let udp = UdpSocket::bind(local).await?;
        udp.connect(server).await?;
        let socket = Arc::new(Socket {
            udp,
            waiting: Mutex::new(HashMap::new()),
        });
        let receiver = tokio::spawn(receive(socket.clone()));
        sockets.push((socket, receiver));
    }
    Ok(sockets)
}

/// Hands each answer to the query it answers; drops what answers none. A socket error (the
/// server's port closed: ICMP) fails every query waiting on the socket.
async fn receive(socket: Arc<Socket>) {
    let mut buf = vec![0u8; 65_535];
    loop {
        let len = match socket.udp.recv(&mut buf).await {
            Ok(len) => len,
            Err(e) => {
                for (_, pending) in lock(&socket.waiting).drain() {
                    let _ = pending
                        .reply
                        .send(Err(io::Error::new(e.kind(), e.to_string())));
                }
                // Errors come one per ICMP message; should one ever repeat at once, this loop
                // must not spin.
                tokio::time::sleep(Duration::from_millis(1)).await;
                continue;
            }
        };
        let Ok(answer) = Message::from_vec(&buf[..len]) else {
            continue;
        };
        let mut waiting = lock(&socket.waiting);
        let id = answer.metadata.id;
        let matches = waiting.get(&id).is_some_and(|p| answers(&answer, p));
        if matches && let Some(pending) = waiting.remove(&id) {
            let _ = pending.reply.send(Ok(answer));
        }
    }
}

/// Whether `answer` is a response to exactly the question of `pending`.
fn answers(answer: &Message, pending: &Pending) -> bool {
    let [question] = answer.queries.as_slice() else {
        return false;
    };
    answer.metadata.message_type == MessageType::Response
        && question.query_type() == pending.rtype
        && question.name().iter().eq(pending.name.iter())
}

/// A random ID no other query on the socket is waiting with, registered for `reply`.
fn register(
    waiting: &Waiting,
    name: &Name,
    rtype: RecordType,
    reply: oneshot::Sender<io::Result<Message>>,
) -> io::Result<u16> {
    let mut waiting = lock(waiting);
    // A socket never has 65,536 queries waiting (the run's concurrency bounds them), so a free
    // ID is found within a few draws.
    for _ in 0..64 {
        let mut id = [0u8; 2];
        getrandom::fill(&mut id).map_err(|e| io::Error::other(e.to_string()))?;
        let id = u16::from_be_bytes(id);
        if let std::collections::hash_map::Entry::Vacant(slot) = waiting.entry(id) {
            slot.insert(Pending {
                name: name.clone(),
                rtype,
                reply,
            });
            return Ok(id);
        }
    }
    Err(io::Error::other("no free query ID on the socket"))
}

/// `name` with each ASCII letter in a random case (draft-vixie-dnsext-dns0x20): servers copy
/// the question into the answer as it was asked.
fn mixed_case(name: &Name) -> io::Result<Name> {
    let mut bits = random_u64()?;
    let labels: Vec<Vec<u8>> = name
        .iter()
        .map(|label| {
            label
                .iter()
                .map(|&b| {
                    if !b.is_ascii_alphabetic() {
                        return b;
                    }
                    let upper = bits & 1 == 1;
                    bits = bits.rotate_right(1);
                    if upper {
                        b.to_ascii_uppercase()
                    } else {
                        b.to_ascii_lowercase()
                    }
                })
                .collect()
        })
        .collect();
    Name::from_labels(labels).map_err(io::Error::other)
}

fn random_u64() -> io::Result<u64> {
    getrandom::u64().map_err(|e| io::Error::other(e.to_string()))
}

fn lock(waiting: &Waiting) -> std::sync::MutexGuard<'_, HashMap<u16, Pending>> {
    // A panic elsewhere cannot leave the map half-changed; keep using it.
    waiting
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_proto::op::{OpCode, Query};
    use hickory_proto::rr::rdata::A;
    use hickory_proto::rr::{RData, Record};

    /// A server on loopback that hands each query it receives to `answer`, which returns the
    /// datagrams to send back.
    async fn server(
        answer: impl Fn(&Message) -> Vec<Message> + Send + 'static,
    ) -> (SocketAddr, JoinHandle<()>) {
        let udp = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let addr = udp.local_addr().unwrap();
        let task = tokio::spawn(async move {
            let mut buf = vec![0u8; 4096];
            loop {
                let (len, from) = udp.recv_from(&mut buf).await.unwrap();
                let query = Message::from_vec(&buf[..len]).unwrap();
                for reply in answer(&query) {
                    udp.send_to(&reply.to_vec().unwrap(), from).await.unwrap();
                }
            }
        });
        (addr, task)
    }

    /// A response to `query` with its question as given and one A record.
    fn response(query: &Message, id: u16, question: Query, last: u8) -> Message {
        let mut reply = Message::new(id, MessageType::Response, OpCode::Query);
        let name = query.queries[0].name().clone();
        reply.add_query(question);
        let a = RData::A(A::new(192, 0, 2, last));
        reply.add_answer(Record::from_rdata(name, 60, a));
        reply
    }

    fn name(text: &str) -> Name {
        Name::from_ascii(text).unwrap()
    }

    fn last_octet(reply: &Reply) -> Option<u8> {
        match reply {
            Reply::Answer(m) => m.answers.iter().find_map(|r| match &r.data {
                RData::A(a) => Some(a.0.octets()[3]),
                _ => None,
            }),
            Reply::Timeout => None,
        }
    }

    #[tokio::test]
    async fn only_an_answer_to_the_very_question_is_taken() {
        let (addr, _server) = server(|query| {
            let id = query.metadata.id;
            let asked = query.queries[0].clone();
            let mut flipped = asked.clone();
            let swapped: Vec<Vec<u8>> = asked
                .name()
                .iter()
                .map(|l| {
                    l.iter()
                        .map(|b| {
                            if b.is_ascii_uppercase() {
                                b.to_ascii_lowercase()
                            } else {
                                b.to_ascii_uppercase()
                            }
                        })
                        .collect()
                })
                .collect();
            flipped.set_name(Name::from_labels(swapped).unwrap());
            let mut other_type = asked.clone();
            other_type.set_query_type(RecordType::AAAA);
            vec![
                response(query, id.wrapping_add(1), asked.clone(), 1),
                response(query, id, flipped, 2),
                response(query, id, other_type, 3),
                response(query, id, asked, 4),
            ]
        })
        .await;
        let client = UdpClient::new(addr);
        let reply = client
            .ask(
                &name("mail.example.com."),
                RecordType::A,
                Duration::from_secs(5),
                false,
            )
            .await
            .unwrap();
        assert_eq!(last_octet(&reply), Some(4));
    }

    #[tokio::test]
    async fn queries_in_flight_get_their_own_answers_and_silence_times_out() {
        let (addr, _server) = server(|query| {
            let asked = query.queries[0].clone();
            let text = asked.name().to_ascii().to_ascii_lowercase();
            let last = match text.split('.').next() {
                Some("one") => 1,
                Some("two") => 2,
                _ => return Vec::new(),
            };
            vec![response(query, query.metadata.id, asked, last)]
        })
        .await;
        let client = UdpClient::new(addr);
        let time = Duration::from_secs(5);
        let (one, two) = (name("one.example."), name("two.example."));
        let (one, two) = tokio::join!(
            client.ask(&one, RecordType::A, time, false),
            client.ask(&two, RecordType::A, time, false),
        );
        assert_eq!(last_octet(&one.unwrap()), Some(1));
        assert_eq!(last_octet(&two.unwrap()), Some(2));
        let silent = client
            .ask(
                &name("silent.example."),
                RecordType::A,
                Duration::from_millis(50),
                false,
            )
            .await
            .unwrap();
        assert!(matches!(silent, Reply::Timeout));
    }

    #[test]
    fn mixed_case_changes_only_the_case() {
        let plain = name("abcdefghijklmnop.example.");
        let mixed: Vec<Name> = (0..8).map(|_| mixed_case(&plain).unwrap()).collect();
        assert!(mixed.iter().all(|m| *m == plain), "equal ignoring case");
        assert!(
            mixed.iter().any(|m| m.to_ascii() != plain.to_ascii()),
            "some letter's case changed in eight draws"
        );
    }
}
