//! hickory's DNS messages in mailaudit's terms (RFC 1035 §3.3, §4.1): record data as [`Rdata`],
//! the CNAME chain an answer holds (RFC 1034 §3.6.2) and its loops, and what a whole UDP answer
//! says.

use hickory_proto::op::{Message, ResponseCode};
use hickory_proto::rr::{Name, RData, Record, RecordType as HickoryType};

use super::{Answer, FailureKind, Rdata, RecordType, Txt};

/// What a whole UDP answer says, or `None` when the full resolver must ask: the answer has an
/// unusual response code, or ends in a CNAME whose target it does not answer for (the resolver
/// chases it).
pub(super) fn direct_answer(
    answer: &Message,
    fqdn: &Name,
    wanted: HickoryType,
) -> Option<Result<Answer, (FailureKind, String)>> {
    let code = answer.metadata.response_code;
    match code {
        ResponseCode::NoError | ResponseCode::NXDomain => {}
        ResponseCode::ServFail => return Some(Err((FailureKind::Servfail, "SERVFAIL".into()))),
        ResponseCode::Refused => return Some(Err((FailureKind::Refused, "REFUSED".into()))),
        _ => return None,
    }
    let answers = answer.answers.as_slice();
    if let Some(chain) = answered_loop(answers, fqdn) {
        return Some(Err((FailureKind::CnameLoop, chain)));
    }
    let records: Vec<Rdata> = answers
        .iter()
        .filter(|r| r.record_type() == wanted)
        .filter_map(|r| convert(&r.data))
        .collect();
    if !records.is_empty() {
        return Some(Ok(Answer::Records(records)));
    }
    // No loop and no chain too long (checked above), so this ends.
    let mut end = fqdn.clone();
    while let Some(target) = cname_of(answers, &end) {
        end = target;
    }
    let negative = answer
        .authorities
        .iter()
        .any(|r| r.record_type() == HickoryType::SOA);
    if end != *fqdn && !negative {
        return None;
    }
    Some(Ok(if code == ResponseCode::NXDomain {
        Answer::NxDomain
    } else {
        Answer::NoData
    }))
}

pub(super) fn hickory_type(rtype: RecordType) -> HickoryType {
    match rtype {
        RecordType::A => HickoryType::A,
        RecordType::Aaaa => HickoryType::AAAA,
        RecordType::Mx => HickoryType::MX,
        RecordType::Txt => HickoryType::TXT,
        RecordType::Ptr => HickoryType::PTR,
        RecordType::Spf => HickoryType::Unknown(99),
        RecordType::Cname => HickoryType::CNAME,
        RecordType::Srv => HickoryType::SRV,
        RecordType::Tlsa => HickoryType::TLSA,
    }
}

/// The name's labels as text, unescaped (`to_ascii` would escape unusual bytes).
pub(super) fn name_text(name: &Name) -> String {
    let labels: Vec<String> = name
        .iter()
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .collect();
    super::name::canonical(&labels.join("."))
}

pub(super) fn convert(data: &RData) -> Option<Rdata> {
    Some(match data {
        RData::A(a) => Rdata::A(a.0),
        RData::AAAA(a) => Rdata::Aaaa(a.0),
        RData::MX(mx) => Rdata::Mx {
            preference: mx.preference,
            exchange: name_text(&mx.exchange),
        },
        RData::TXT(txt) => Rdata::Txt(Txt {
            strings: txt.txt_data.iter().map(|s| s.to_vec()).collect(),
        }),
        RData::PTR(ptr) => Rdata::Ptr(name_text(&ptr.0)),
        RData::CNAME(target) => Rdata::Cname(name_text(&target.0)),
        RData::SRV(srv) => Rdata::Srv {
            priority: srv.priority,
            weight: srv.weight,
            port: srv.port,
            target: name_text(&srv.target),
        },
        RData::TLSA(tlsa) => Rdata::Tlsa(
            [
                u8::from(tlsa.cert_usage),
                u8::from(tlsa.selector),
                u8::from(tlsa.matching),
            ]
            .into_iter()
            .chain(tlsa.cert_data.iter().copied())
            .collect(),
        ),
        // Type 99 has TXT's wire format (RFC 7208 §3.1); hickory hands it over undecoded.
        RData::Unknown { code, rdata } if u16::from(*code) == 99 => Rdata::Txt(Txt {
            strings: character_strings(rdata.anything.as_ref())?,
        }),
        _ => return None,
    })
}

/// Longest CNAME chain followed, as hickory's own resolver does.
pub(super) const MAX_CNAME_CHAIN: usize = 8;

/// The loop among the CNAMEs of an answer, or their chain from `start` when it is longer than
/// [`MAX_CNAME_CHAIN`].
pub(super) fn answered_loop(answers: &[Record], start: &Name) -> Option<String> {
    chain_problem(start, |name| cname_of(answers, name))
}

/// The target of `name`'s CNAME among `records`.
pub(super) fn cname_of(records: &[Record], name: &Name) -> Option<Name> {
    records.iter().find_map(|r| match &r.data {
        RData::CNAME(target) if r.name == *name => Some(target.0.clone()),
        _ => None,
    })
}

/// Follows CNAMEs from `start` with `next`: a description when they loop or run past
/// [`MAX_CNAME_CHAIN`], `None` when the chain ends.
pub(super) fn chain_problem(start: &Name, next: impl Fn(&Name) -> Option<Name>) -> Option<String> {
    let mut chain = vec![start.clone()];
    while chain.len() <= MAX_CNAME_CHAIN {
        let target = next(chain.last()?)?;
        let looped = chain.contains(&target);
        chain.push(target);
        if looped {
            return Some(describe_chain("CNAME loop", &chain));
        }
    }
    Some(describe_chain("CNAME chain too long", &chain))
}

fn describe_chain(kind: &str, chain: &[Name]) -> String {
    let names: Vec<String> = chain.iter().map(name_text).collect();
    format!("{kind}: {}", names.join(" -> "))
}

/// Splits TXT-format RDATA into its length-prefixed character-strings.
fn character_strings(mut bytes: &[u8]) -> Option<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    while let Some((&len, rest)) = bytes.split_first() {
        let len = usize::from(len);
        if rest.len() < len {
            return None;
        }
        out.push(rest[..len].to_vec());
        bytes = &rest[len..];
    }
    Some(out)
}
