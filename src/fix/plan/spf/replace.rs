//! Terms of the records the domain owns that are replaced or removed on their own (RFC 7208):
//! an include or redirect whose target has no SPF record (a permerror, §5.2, §6.1), `ptr`
//! (§5.5) by the addresses of the domain's hosts it confirms, and `a`/`mx` terms whose lookup
//! finds nothing (void lookups, §4.6.4).

use crate::spf::networks::{Network, SpfNetworks, TermNetworks};
use crate::spf::{Mechanism, Modifier, SpfReport, TermKind};

use super::Refusal;
use super::all::with_all;
use super::draft::{Draft, kind, qualifier};

pub(super) const DEAD: &str = "spf-target-no-record";
pub(super) const PTR: &str = "spf-ptr";
pub(super) const VOID: &str = "spf-too-many-void-lookups";

/// Removes every include or redirect of an owned record whose target has no SPF record; a
/// record that loses its redirect= ends with `all` instead.
pub(super) fn dead(draft: &mut Draft, report: &SpfReport, all: &str) -> Result<(), Refusal> {
    for i in 0..draft.recs.len() {
        let dead: Vec<usize> = positions(draft, i, |t| t.no_record);
        if dead.is_empty() {
            continue;
        }
        if !draft.owned(i) {
            let subject = &draft.recs[i].node.domain;
            return Err(Refusal::new(
                subject,
                format!(
                    "{subject} names a target without an SPF record, which makes receivers \
                     return permerror; it is not under {}: ask its owner to remove it",
                    report.domain
                ),
            ));
        }
        let lost_redirect = dead.iter().any(|&j| is_redirect(&draft.recs[i].terms[j]));
        for &j in dead.iter().rev() {
            let why = format!(
                "{} is removed: its target publishes no SPF record, so receivers return \
                 permerror for every message.",
                draft.recs[i].terms[j]
            );
            draft.try_edit(i, j, Vec::new(), why);
        }
        let rec = &mut draft.recs[i];
        if lost_redirect && !rec.terms.iter().any(|t| is_all(t)) {
            rec.terms = with_all(&rec.terms, all);
        }
    }
    Ok(())
}

/// Replaces every `ptr` by the networks it stands for, when all of them are known.
pub(super) fn ptr(draft: &mut Draft, networks: &SpfNetworks) -> Result<(), Refusal> {
    for i in 0..draft.recs.len() {
        let domain = draft.recs[i].node.domain.clone();
        let ptrs = positions(draft, i, |t| is_ptr(&t.term));
        if !ptrs.is_empty() && !draft.owned(i) {
            return Err(Refusal::new(
                &domain,
                format!(
                    "'ptr' is in the record of {domain}, which is not under {}: ask its \
                     provider to list its networks instead",
                    draft.domain
                ),
            ));
        }
        for &j in ptrs.iter().rev() {
            let term = draft.recs[i].terms[j].clone();
            let found = match networks.get(&domain, &term) {
                Some(TermNetworks::Found(found)) if !found.is_empty() => found,
                Some(TermNetworks::Found(_)) => {
                    return Err(Refusal::new(
                        &domain,
                        format!(
                            "'{term}': no address of {}'s MX hosts or of the domain itself has \
                             a PTR name under the ptr's domain that points back to it, so fix \
                             cannot tell which networks it stands for; replace it by the \
                             ip4/ip6 networks of the hosts that send the mail.",
                            draft.domain
                        ),
                    ));
                }
                Some(TermNetworks::Unknown(why)) => {
                    return Err(Refusal::new(&domain, format!("'{term}': {why}")));
                }
                None => {
                    return Err(Refusal::new(
                        &domain,
                        format!("'{term}': its networks are unknown"),
                    ));
                }
            };
            let with = networks_terms(&term, found, &draft.recs[i].terms[..j]);
            let why = format!(
                "'{term}' (slow, and discouraged by RFC 7208 §5.5) is replaced by {}: the \
                 addresses whose PTR name it confirms today; a snapshot to refresh when those \
                 hosts change.",
                with.join(" ")
            );
            if !draft.try_edit(i, j, with, why) {
                return Err(Refusal::new(&domain, too_long(&domain)));
            }
        }
    }
    Ok(())
}

/// Replaces or removes every void `a`/`mx` term of the owned records, then says whether the
/// void lookups are within the limit.
pub(super) fn voids(draft: &mut Draft, networks: &SpfNetworks) -> Result<(), Refusal> {
    for i in draft.owned_recs() {
        for j in positions(draft, i, |t| t.void).into_iter().rev() {
            void_term(draft, networks, i, j);
        }
    }
    let left = draft.voids();
    if left > crate::spf::MAX_VOID_LOOKUPS {
        return Err(Refusal::new(
            &draft.domain,
            format!(
                "{left} void lookups would be left after removing those of the records under \
                 {}; the others are in records of other domains: ask their owners",
                draft.domain
            ),
        ));
    }
    Ok(())
}

/// One void term replaced by what it still stands for (an `a` with only IPv6 addresses) or
/// removed; false when its networks are unknown.
pub(super) fn void_term(draft: &mut Draft, networks: &SpfNetworks, i: usize, j: usize) -> bool {
    let domain = draft.recs[i].node.domain.clone();
    let term = draft.recs[i].terms[j].clone();
    let Some(TermNetworks::Found(found)) = networks.get(&domain, &term) else {
        return false;
    };
    let with = networks_terms(&term, found, &draft.recs[i].terms[..j]);
    let why = if with.is_empty() {
        format!("'{term}' is removed: its lookup finds nothing (a void lookup, RFC 7208 §4.6.4).")
    } else {
        format!(
            "'{term}' finds no IPv4 address (a void lookup) and is replaced by {}, a snapshot \
             to refresh when the host changes.",
            with.join(" ")
        )
    };
    draft.try_edit(i, j, with, why)
}

/// The positions of the unchanged terms of record `i` whose audit node matches.
pub(super) fn positions(
    draft: &Draft,
    i: usize,
    test: impl Fn(&crate::spf::TermNode) -> bool,
) -> Vec<usize> {
    let rec = &draft.recs[i];
    rec.terms
        .iter()
        .enumerate()
        .filter(|(_, t)| rec.original(t).is_some_and(&test))
        .map(|(j, _)| j)
        .collect()
}

/// The networks as terms with `term`'s qualifier, but those an `earlier` term of the record
/// with the same qualifier already covers (it matches first, with the same result).
pub(super) fn networks_terms(term: &str, networks: &[Network], earlier: &[String]) -> Vec<String> {
    let q = qualifier(term);
    // No qualifier is `+`.
    let same = |t: &str| qualifier(t).trim_start_matches('+') == q.trim_start_matches('+');
    let covering: Vec<Network> = earlier
        .iter()
        .filter(|t| same(t))
        .filter_map(|t| Network::of_term(t))
        .collect();
    networks
        .iter()
        .filter(|n| !covering.iter().any(|c| c.contains(n)))
        .map(|n| format!("{q}{n}"))
        .collect()
}

pub(super) fn too_long(domain: &str) -> String {
    format!(
        "the record of {domain} would grow past {} bytes, which receivers may fail to fetch; \
         move some networks into an include under the domain by hand",
        crate::spf::audit::RECORD_SIZE_LIMIT
    )
}

fn is_ptr(term: &str) -> bool {
    matches!(kind(term), Some(TermKind::Directive(d)) if matches!(d.mechanism, Mechanism::Ptr { .. }))
}

fn is_all(term: &str) -> bool {
    matches!(kind(term), Some(TermKind::Directive(d)) if d.mechanism == Mechanism::All)
}

fn is_redirect(term: &str) -> bool {
    matches!(
        kind(term),
        Some(TermKind::Modifier(Modifier::Redirect { .. }))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks_an_earlier_term_covers_are_left_out() {
        let found = [
            Network::new("192.0.2.30".parse().unwrap(), None),
            Network::new("198.51.100.7".parse().unwrap(), None),
        ];
        let earlier = [
            "ip4:192.0.2.0/24".to_string(),
            "-ip4:198.51.100.0/24".to_string(),
        ];
        assert_eq!(
            networks_terms("a:relay.example.com", &found, &earlier),
            ["ip4:198.51.100.7"]
        );
        assert_eq!(
            networks_terms("+a:relay.example.com", &found, &earlier[..1]),
            ["+ip4:198.51.100.7"]
        );
        assert!(Network::of_term("~ip6:2001:db8::/32").is_some());
        assert_eq!(Network::of_term("a:host"), None);
    }
}
