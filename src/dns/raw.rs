//! Answers as the upstream sent them, DNSSEC records included (the DO bit, RFC 3225; RFC 4035
//! §3.2.1), for the chain of trust: DNSKEY, DS and the RRSIGs over each RRset. Over UDP, and
//! over TCP when the answer is truncated (RFC 7766). Not validated and not cached.

use std::net::SocketAddr;
use std::time::Duration;

use hickory_proto::op::{Message, ResponseCode};
use hickory_proto::rr::{Name, Record, RecordType};

use super::udp::query_message;
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
