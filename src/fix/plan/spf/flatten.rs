//! Flattening an include (RFC 7208 §5.2): replacing `include:X` by the networks X's record
//! stands for. Only a record whose result is exactly its networks can be: every directive it
//! reaches passing and one of ip4, ip6, a, mx or a flattenable include (or redirect), no
//! `ptr`, `exists` or macros, and its `all` not `+all`. The result is a snapshot of the
//! provider's networks, to refresh when they change them.

use crate::spf::networks::{Network, SpfNetworks, TermNetworks};
use crate::spf::{Mechanism, Modifier, Qualifier, SpfRecord, TermKind};

use super::draft::{Draft, qualifier, reached};

/// Include levels followed below the include flattened.
const MAX_DEPTH: usize = 10;

/// Flattens, one at a time, the include of the domain's policy records that saves most, never
/// one `keep` names, until the lookups are within the limit.
pub(super) fn flatten(draft: &mut Draft, networks: &SpfNetworks, keep: &[String]) -> bool {
    let mut refused = Vec::new();
    loop {
        let Some((i, j, nets)) = best(draft, networks, keep, &refused) else {
            return false;
        };
        let term = draft.recs[i].terms[j].clone();
        let with: Vec<String> = nets.iter().map(ToString::to_string).collect();
        let why = if with.is_empty() {
            format!(
                "'{term}' is removed: its records list no network, so it never matches, yet it \
                 spends lookups (keep it with --keep)."
            )
        } else {
            format!(
                "'{term}' is flattened into the networks its records list today ({} network{}), \
                 which saves its lookups; a snapshot to refresh whenever the provider changes \
                 its networks (or keep it with --keep).",
                with.len(),
                if with.len() == 1 { "" } else { "s" }
            )
        };
        if !draft.try_edit(i, j, with, why) {
            refused.push((i, term));
            continue;
        }
        if draft.within_limit() {
            return true;
        }
    }
}

/// The flattenable include that saves most lookups (the first of equals), with its networks.
fn best(
    draft: &Draft,
    networks: &SpfNetworks,
    keep: &[String],
    refused: &[(usize, String)],
) -> Option<(usize, usize, Vec<Network>)> {
    let mut best: Option<(usize, usize, usize, Vec<Network>)> = None;
    for i in policy_records(draft) {
        for (j, term) in draft.recs[i].terms.iter().enumerate() {
            let Some(target) = draft.target(i, term) else {
                continue;
            };
            let name = &draft.recs[target].node.domain;
            let include = draft.recs[i].original(term).is_some_and(|t| t.include);
            if !include
                || !matches!(qualifier(term), "" | "+")
                || keep.iter().any(|k| crate::dns::name::canonical(k) == *name)
                || refused.contains(&(i, term.clone()))
            {
                continue;
            }
            let Some(nets) = subtree(draft, networks, target, 0) else {
                continue;
            };
            let saves = 1 + draft
                .totals(target, 0, &mut std::collections::HashMap::new())
                .0;
            if best.as_ref().is_none_or(|b| saves > b.0) {
                best = Some((saves, i, j, nets));
            }
        }
    }
    best.map(|(_, i, j, nets)| (i, j, nets))
}

/// The domain's own record and the owned records it redirects to: where its includes are.
fn policy_records(draft: &Draft) -> Vec<usize> {
    let mut out = vec![0];
    while out.len() <= MAX_DEPTH {
        let last = *out.last().unwrap_or(&0);
        let next = reached(&draft.recs[last].terms).into_iter().find_map(|t| {
            let redirect = draft.recs[last].original(t).is_some_and(|n| !n.include)
                && t.to_ascii_lowercase().starts_with("redirect=");
            redirect.then(|| draft.target(last, t)).flatten()
        });
        match next {
            Some(n) if draft.owned(n) && !out.contains(&n) => out.push(n),
            _ => break,
        }
    }
    out
}

/// Every network record `i` stands for, when its result is exactly those networks.
pub(super) fn subtree(
    draft: &Draft,
    networks: &SpfNetworks,
    i: usize,
    depth: usize,
) -> Option<Vec<Network>> {
    let rec = &draft.recs[i];
    let record = SpfRecord::parse(&rec.text());
    if depth > MAX_DEPTH || !record.errors.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for term in reached(&rec.terms) {
        let kind = super::draft::kind(term)?;
        match kind {
            TermKind::Directive(d) if d.mechanism == Mechanism::All => {
                if d.qualifier == Qualifier::Pass {
                    return None;
                }
            }
            TermKind::Directive(d) if d.qualifier != Qualifier::Pass => return None,
            TermKind::Directive(d) => match d.mechanism {
                Mechanism::Ip4 { network, prefix } => {
                    out.push(Network::new(network.into(), Some(prefix)));
                }
                Mechanism::Ip6 { network, prefix } => {
                    out.push(Network::new(network.into(), Some(prefix)));
                }
                Mechanism::A { .. } | Mechanism::Mx { .. } => {
                    match networks.get(&rec.node.domain, term)? {
                        TermNetworks::Found(found) => out.extend(found),
                        TermNetworks::Unknown(_) => return None,
                    }
                }
                Mechanism::Include { .. } => {
                    let target = draft.target(i, term)?;
                    out.extend(subtree(draft, networks, target, depth + 1)?);
                }
                _ => return None,
            },
            TermKind::Modifier(Modifier::Redirect { .. }) => {
                let target = draft.target(i, term)?;
                out.extend(subtree(draft, networks, target, depth + 1)?);
            }
            TermKind::Modifier(_) => {}
            TermKind::Invalid => return None,
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|n| seen.insert(*n));
    Some(out)
}
