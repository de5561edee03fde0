//! Includes reached twice (RFC 7208 §4.6.4, §5.2): a second include of the same record matches
//! nothing the first did not, yet spends its lookups again. In the records the domain owns, an
//! include is removed when the same record includes the target earlier, or when the domain's
//! own record includes it too (both passing, so which one matches first does not change the
//! result).

use std::collections::BTreeMap;

use super::Refusal;
use super::draft::{Draft, qualifier, reached};
use super::replace::positions;

pub(super) const CODE: &str = "spf-duplicate-include";

/// Removes the repeated includes; with `until_within`, stops as soon as the lookups are within
/// the limit and says whether they are.
pub(super) fn collapse(draft: &mut Draft, until_within: bool) -> bool {
    for i in draft.owned_recs() {
        let includes = positions(draft, i, |t| t.include);
        for j in includes.into_iter().rev() {
            let term = draft.recs[i].terms[j].clone();
            if !repeated(draft, i, j, &term) {
                continue;
            }
            let why = format!(
                "'{term}' is removed: the same record is already included before it, and a \
                 second include matches nothing more yet spends its lookups again."
            );
            draft.try_edit(i, j, Vec::new(), why);
            if until_within && draft.within_limit() {
                return true;
            }
        }
    }
    until_within && draft.within_limit()
}

/// Whether include `term` (at `j` in record `i`) repeats an earlier include of the same record
/// or a passing include of the domain's own record.
fn repeated(draft: &Draft, i: usize, j: usize, term: &str) -> bool {
    let Some(target) = draft.target(i, term) else {
        return false;
    };
    let rec = &draft.recs[i];
    let same = |k: usize, t: &str| {
        draft.recs[k].original(t).is_some_and(|n| n.include) && draft.target(k, t) == Some(target)
    };
    let passing = |t: &str| matches!(qualifier(t), "" | "+");
    let earlier = rec.terms[..j]
        .iter()
        .any(|t| same(i, t) && qualifier(t) == qualifier(term));
    let in_root = i != 0
        && passing(term)
        && reached(&draft.recs[0].terms)
            .into_iter()
            .any(|t| passing(t) && same(0, t));
    earlier || in_root
}

/// Removes the repeated includes fix can remove; refused when some are left in records the
/// domain does not own.
pub(super) fn step(draft: &mut Draft) -> Result<(), Refusal> {
    collapse(draft, false);
    let mut seen: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for i in reachable(draft) {
        for term in reached(&draft.recs[i].terms) {
            let include = draft.recs[i].original(term).is_some_and(|n| n.include);
            if let Some(target) = draft.target(i, term).filter(|_| include) {
                seen.entry(target)
                    .or_default()
                    .push(draft.recs[i].node.domain.clone());
            }
        }
    }
    match seen.into_iter().find(|(_, from)| from.len() > 1) {
        None => Ok(()),
        Some((target, from)) => Err(Refusal::new(
            &draft.domain,
            format!(
                "include:{} is reached from {}, and fix can only remove repeats from records \
                 under {} that the domain's own record already covers; remove the others by hand",
                draft.recs[target].node.domain,
                from.join(", "),
                draft.domain
            ),
        )),
    }
}

/// The records a receiver can reach from the domain's own record, each once.
fn reachable(draft: &Draft) -> Vec<usize> {
    let mut out = vec![0];
    let mut next = 0;
    while next < out.len() {
        let i = out[next];
        for term in reached(&draft.recs[i].terms) {
            if let Some(t) = draft.target(i, term)
                && !out.contains(&t)
            {
                out.push(t);
            }
        }
        next += 1;
    }
    out
}
