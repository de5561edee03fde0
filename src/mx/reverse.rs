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
    address.ptr = ptr_names(answer.records());
    if address.ptr.is_empty() {
        address.reverse_dns = ReverseDns::NoPtr;
        return (address, notes);
    }
    let followed = &address.ptr[..address.ptr.len().min(MAX_PTR_NAMES)];
    let (verdict, by) = confirm(asker, followed, ip, &mut notes).await;
    address.reverse_dns = verdict;
    address.confirmed_by = by;
    if verdict == ReverseDns::Confirmed {
        return (address, notes);
    }
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

/// The PTR names among `records`, sorted, each once.
fn ptr_names(records: &[Rdata]) -> Vec<String> {
    let mut names: Vec<String> = records
        .iter()
        .filter_map(|r| match r {
            Rdata::Ptr(name) => Some(name.clone()),
            _ => None,
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Looks each of `names` up for `ip`'s family: confirmed by the first that holds `ip`; else
/// not confirmed, or unknown when a lookup that might have confirmed it failed.
async fn confirm(
    asker: Asker<'_>,
    names: &[String],
    ip: IpAddr,
    notes: &mut Notes,
) -> (ReverseDns, Option<String>) {
    let family = match ip {
        IpAddr::V4(_) => RecordType::A,
        IpAddr::V6(_) => RecordType::Aaaa,
    };
    let answers = join_all(names.iter().map(|name| asker.ask(name, family))).await;
    let confirmed = names.iter().zip(&answers).find(|(_, answer)| {
        answer
            .as_ref()
            .is_ok_and(|a| a.records().iter().any(|r| r.address() == Some(ip)))
    });
    if let Some((name, _)) = confirmed {
        return (ReverseDns::Confirmed, Some(name.clone()));
    }
    let mut failed = false;
    for (name, answer) in names.iter().zip(&answers) {
        if let Err(miss) = answer {
            notes.miss(miss, name);
            failed = true;
        }
    }
    let verdict = if failed {
        ReverseDns::Unknown
    } else {
        ReverseDns::NotConfirmed
    };
    (verdict, None)
}
