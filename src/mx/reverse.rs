//! Forward-confirmed reverse DNS of one address, as the "iprev" check does it (RFC 8601 §3): the
//! PTR names of the address, then each name's A (or AAAA) records; the address is confirmed
//! when one of those holds it.

use std::net::IpAddr;

use futures_util::future::join_all;

use crate::dns::name::reverse_name;
use crate::dns::{Rdata, RecordType};
use crate::finding::Finding;

use super::lookup::{Asker, Notes};
use super::{MAX_PTR_NAMES, MxAddress, ReverseDns, codes, special_block};

/// The address with its PTR names and their confirmation; `host` names it in findings.
pub async fn check(asker: Asker<'_>, ip: IpAddr, host: &str) -> (MxAddress, Notes) {
    let mut notes = Notes::default();
    let mut address = MxAddress {
        ip,
        special: special_block(ip),
        ptr: Vec::new(),
        reverse_dns: ReverseDns::Unknown,
        confirmed_by: None,
    };
    let subject = ip.to_string();
    let answer = match asker.ask(&reverse_name(ip), RecordType::Ptr).await {
        Ok(answer) => answer,
        Err(miss) => {
            notes.miss(&miss, &subject);
            return (address, notes);
        }
    };
    let mut names: Vec<String> = answer
        .records()
        .iter()
        .filter_map(|r| match r {
            Rdata::Ptr(name) => Some(name.clone()),
            _ => None,
        })
        .collect();
    names.sort();
    names.dedup();
    address.ptr = names;
    if address.ptr.is_empty() {
        address.reverse_dns = ReverseDns::NoPtr;
        return (address, notes);
    }
    let followed = &address.ptr[..address.ptr.len().min(MAX_PTR_NAMES)];
    let family = match ip {
        IpAddr::V4(_) => RecordType::A,
        IpAddr::V6(_) => RecordType::Aaaa,
    };
    let answers = join_all(followed.iter().map(|name| asker.ask(name, family))).await;
    let confirmed = followed.iter().zip(&answers).find(|(_, answer)| {
        answer
            .as_ref()
            .is_ok_and(|a| a.records().iter().any(|r| holds(r, ip)))
    });
    if let Some((name, _)) = confirmed {
        address.reverse_dns = ReverseDns::Confirmed;
        address.confirmed_by = Some(name.clone());
        return (address, notes);
    }
    // Not confirmed: a name that could not be looked up might have confirmed it.
    let mut failed = false;
    for (name, answer) in followed.iter().zip(&answers) {
        if let Err(miss) = answer {
            notes.miss(miss, name);
            failed = true;
        }
    }
    address.reverse_dns = if failed {
        ReverseDns::Unknown
    } else {
        ReverseDns::NotConfirmed
    };
    if address.ptr.len() > followed.len() {
        notes.findings.push(Finding::new(
            codes::AUDIT_LIMIT,
            &subject,
            format!(
                "{ip} ({host}) has {} PTR names; the first {MAX_PTR_NAMES} were looked up",
                address.ptr.len()
            ),
        ));
    }
    (address, notes)
}

fn holds(record: &Rdata, ip: IpAddr) -> bool {
    match (record, ip) {
        (Rdata::A(a), IpAddr::V4(v4)) => *a == v4,
        (Rdata::Aaaa(a), IpAddr::V6(v6)) => *a == v6,
        _ => false,
    }
}
