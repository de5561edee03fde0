//! What a failed lookup through hickory was (RFC 1035 §4.1.1, §7.2): a server's own failure,
//! which the next server may not share, or an answer — NXDOMAIN and NODATA come as errors too.

use hickory_proto::op::ResponseCode;
use hickory_resolver::net::{DnsError, NetError};

use super::{Answer, FailureKind, LookupError, LookupResult, RecordType};

/// A failure of one server that the next may not share: its own failure, no answer, I/O.
pub(super) fn passes_on(e: &NetError) -> bool {
    server_failure(e)
        || matches!(
            e,
            NetError::Timeout | NetError::Io(_) | NetError::NoConnections
        )
}

/// A server's own failure (RFC 1035 §4.1.1 RCODE 2 and 5), which another server may not share.
pub(super) fn server_failure(e: &NetError) -> bool {
    matches!(
        e,
        NetError::Dns(DnsError::ResponseCode(
            ResponseCode::ServFail | ResponseCode::Refused
        ))
    )
}

pub(super) fn failure(kind: FailureKind, name: &str, rtype: RecordType, what: &str) -> LookupError {
    LookupError {
        kind,
        detail: format!("{name} {rtype}: {what}"),
    }
}

pub(super) fn classify(e: NetError, name: &str, rtype: RecordType) -> LookupResult {
    let kind = match &e {
        NetError::Dns(DnsError::NoRecordsFound(no)) => {
            return Ok(if no.response_code == ResponseCode::NXDomain {
                Answer::NxDomain
            } else {
                Answer::NoData
            });
        }
        NetError::Dns(DnsError::ResponseCode(ResponseCode::ServFail)) => FailureKind::Servfail,
        NetError::Dns(DnsError::ResponseCode(ResponseCode::Refused)) => FailureKind::Refused,
        NetError::Timeout => FailureKind::Timeout,
        NetError::Io(_) | NetError::NoConnections => FailureKind::Io,
        _ => FailureKind::Other,
    };
    let what = match kind {
        FailureKind::Servfail => "SERVFAIL".to_string(),
        FailureKind::Refused => "REFUSED".to_string(),
        FailureKind::Timeout => "timed out".to_string(),
        _ => e.to_string(),
    };
    Err(failure(kind, name, rtype, &what))
}
