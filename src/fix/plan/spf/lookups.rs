//! More than 10 DNS-querying terms (RFC 7208 §4.6.4): the smallest edit that brings a
//! receiver's count to 10 or fewer, in this order, stopping as soon as it is reached: includes
//! reached twice collapsed, void terms removed, `a:host` and then the domain's own `a`/`mx`
//! terms replaced by their networks, then includes flattened (`flatten`).

use crate::spf::MAX_DNS_TERMS;
use crate::spf::networks::{SpfNetworks, TermNetworks};

use super::draft::{Draft, qualifier};
use super::flatten;
use super::replace::{networks_terms, positions, void_term};

pub(super) const CODE: &str = "spf-too-many-lookups";

/// Edits `draft` until it spends at most 10 lookups; why not, when nothing gets it there.
pub(super) fn reduce(
    draft: &mut Draft,
    networks: &SpfNetworks,
    keep: &[String],
) -> Result<(), String> {
    if done(draft)
        || collapse(draft)
        || remove_voids(draft, networks)
        || replace_hosts(draft, networks, true)
        || replace_hosts(draft, networks, false)
        || flatten::flatten(draft, networks, keep)
    {
        return Ok(());
    }
    Err(format!(
        "{} DNS lookups, limit {MAX_DNS_TERMS}, would be left after every edit fix can make \
         (includes collapsed, void terms removed, a/mx replaced by their networks, includes \
         flattened where their records allow it and --keep does not forbid it, the record \
         kept within {} bytes); remove includes of services no longer used, or ask the \
         providers for a narrower include",
        draft.lookups(),
        crate::spf::audit::RECORD_SIZE_LIMIT
    ))
}

pub(super) fn done(draft: &Draft) -> bool {
    draft.lookups() <= MAX_DNS_TERMS
}

/// An include of the same target as an earlier one in the same record, or as a passing include
/// of the domain's own record, matches nothing more: removed.
fn collapse(draft: &mut Draft) -> bool {
    for i in draft.owned_recs() {
        let includes = positions(draft, i, |t| t.include);
        for j in includes.into_iter().rev() {
            let term = draft.recs[i].terms[j].clone();
            let Some(target) = draft.target(i, &term) else {
                continue;
            };
            let earlier = draft.recs[i].terms[..j]
                .iter()
                .any(|t| draft.target(i, t) == Some(target) && qualifier(t) == qualifier(&term));
            let in_root = i != 0
                && matches!(qualifier(&term), "" | "+")
                && draft.recs[0].terms.iter().any(|t| {
                    matches!(qualifier(t), "" | "+") && draft.target(0, t) == Some(target)
                });
            if earlier || in_root {
                let why = format!(
                    "'{term}' is removed: the same record is already included before it, and a \
                     second include matches nothing more yet spends its lookups again."
                );
                draft.try_edit(i, j, Vec::new(), why);
                if done(draft) {
                    return true;
                }
            }
        }
    }
    false
}

fn remove_voids(draft: &mut Draft, networks: &SpfNetworks) -> bool {
    for i in draft.owned_recs() {
        for j in positions(draft, i, |t| t.void).into_iter().rev() {
            if void_term(draft, networks, i, j) && done(draft) {
                return true;
            }
        }
    }
    false
}

/// `a:host` terms (`hosts`), or the other `a` and `mx` terms, replaced by their networks.
fn replace_hosts(draft: &mut Draft, networks: &SpfNetworks, hosts: bool) -> bool {
    for i in draft.owned_recs() {
        let domain = draft.recs[i].node.domain.clone();
        let mut j = 0;
        while j < draft.recs[i].terms.len() {
            let term = draft.recs[i].terms[j].clone();
            let bare = term
                .trim_start_matches(['+', '-', '~', '?'])
                .to_ascii_lowercase();
            let is_host = bare.starts_with("a:") && !named_domain(&bare, &draft.domain);
            let is_own = (bare == "a" || bare.starts_with("a/") || bare.starts_with("a:"))
                && !is_host
                || bare == "mx"
                || bare.starts_with("mx/")
                || bare.starts_with("mx:");
            let wanted = if hosts { is_host } else { is_own };
            let found = match networks.get(&domain, &term) {
                Some(TermNetworks::Found(found)) if wanted && !found.is_empty() => found,
                _ => {
                    j += 1;
                    continue;
                }
            };
            let with = networks_terms(&term, found);
            let added = with.len();
            let why = format!(
                "'{term}' is replaced by the networks it stands for today ({}), which saves a \
                 lookup; a snapshot to refresh when those hosts change their addresses.",
                with.join(" ")
            );
            if draft.try_edit(i, j, with, why) {
                if done(draft) {
                    return true;
                }
                j += added;
            } else {
                j += 1;
            }
        }
    }
    false
}

/// Whether `a:NAME...` names `domain` itself.
fn named_domain(bare: &str, domain: &str) -> bool {
    let name = bare[2..].split('/').next().unwrap_or_default();
    name.trim_end_matches('.') == domain
}
