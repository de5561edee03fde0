//! Answers as the upstream sent them, DNSSEC records included (the DO bit, RFC 3225; RFC 4035
//! §3.2.1), for the chain of trust: DNSKEY, DS and the RRSIGs over each RRset. Over UDP, and
//! over TCP when the answer is truncated (RFC 7766). Not validated and not cached.

use std::net::SocketAddr;
use std::time::Duration;

use hickory_proto::op::{Edns, Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::{Name, Record, RecordType};

use super::udp::Reply;
use super::{FailureKind, LookupError};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// What the upstream answered.
#[derive(Debug, Clone)]
pub struct RawAnswer {
    pub code: ResponseCode,
    pub answers: Vec<Record>,
    pub authorities: Vec<Record>,
    /// The upstream set AD: it validated the answer itself (RFC 4035 §3.2.3).
    pub authentic: bool,
}

impl RawAnswer {
    pub(super) fn from_message(message: Message) -> Self {
        Self {
            code: message.metadata.response_code,
            authentic: message.metadata.authentic_data,
            answers: message.answers,
            authorities: message.authorities,
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

/// One query over TCP to `server`, the whole exchange within `timeout`; the answer is at most
/// 65,535 bytes by its length prefix.
pub(super) async fn over_tcp(
    server: SocketAddr,
    name: &Name,
    rtype: RecordType,
    timeout: Duration,
) -> Result<Message, String> {
    let exchange = async {
        let id = u16::from_be_bytes(rand_id());
        let bytes = query_message(id, name, rtype, 4096, true)
            .to_vec()
            .map_err(|e| e.to_string())?;
        let mut stream = TcpStream::connect(server)
            .await
            .map_err(|e| e.to_string())?;
        let length = u16::try_from(bytes.len()).map_err(|_| "query too long".to_string())?;
        let mut framed = length.to_be_bytes().to_vec();
        framed.extend(bytes);
        stream.write_all(&framed).await.map_err(|e| e.to_string())?;
        let mut prefix = [0u8; 2];
        stream
            .read_exact(&mut prefix)
            .await
            .map_err(|e| e.to_string())?;
        let mut answer = vec![0u8; usize::from(u16::from_be_bytes(prefix))];
        stream
            .read_exact(&mut answer)
            .await
            .map_err(|e| e.to_string())?;
        let message = Message::from_vec(&answer).map_err(|e| e.to_string())?;
        if message.metadata.id != id {
            return Err("the answer over TCP carries another query's ID".to_string());
        }
        Ok(message)
    };
    tokio::time::timeout(timeout, exchange)
        .await
        .unwrap_or_else(|_| Err("timed out".to_string()))
}

fn rand_id() -> [u8; 2] {
    let mut id = [0u8; 2];
    // Over TCP the connection itself ties the answer to the query; a fixed ID would do.
    let _ = getrandom::fill(&mut id);
    id
}

impl super::live::LiveSource {
    /// One query with the DO bit to the first server: UDP, then TCP when truncated.
    pub(super) async fn raw_query(
        &self,
        name: &Name,
        rtype: RecordType,
    ) -> Result<RawAnswer, LookupError> {
        let text = super::wire::name_text(name);
        let fail = |kind, what: &str| LookupError {
            kind,
            detail: format!("{text} {rtype}: {what}"),
        };
        let Some((server, udp)) = &self.raw else {
            return Err(fail(FailureKind::Io, "no resolver is configured"));
        };
        let message = match udp.ask(name, rtype, self.timeout, true).await {
            Ok(Reply::Timeout) => return Err(fail(FailureKind::Timeout, "timed out")),
            Ok(Reply::Answer(m)) if m.metadata.truncation => {
                over_tcp(*server, name, rtype, self.timeout)
                    .await
                    .map_err(|e| fail(FailureKind::Io, &e))?
            }
            Ok(Reply::Answer(m)) => m,
            Err(e) => return Err(fail(FailureKind::Io, &e.to_string())),
        };
        match message.metadata.response_code {
            ResponseCode::ServFail => Err(fail(FailureKind::Servfail, "SERVFAIL")),
            ResponseCode::Refused => Err(fail(FailureKind::Refused, "REFUSED")),
            _ => Ok(RawAnswer::from_message(message)),
        }
    }
}
