//! More than 10 DNS-querying terms (RFC 7208 §4.6.4): the smallest edit that brings a
//! receiver's count to 10 or fewer, in this order, stopping as soon as it is reached: includes
//! reached twice collapsed, void terms removed, `a:host` and then the domain's own `a`/`mx`
//! terms replaced by their networks, then includes flattened (`flatten`).

use crate::spf::MAX_DNS_TERMS;
use crate::spf::networks::{SpfNetworks, TermNetworks};

use super::Refusal;
use super::collapse;
use super::draft::Draft;
use super::flatten;
use super::replace::{networks_terms, positions, void_term};

pub(super) const CODE: &str = "spf-too-many-lookups";

/// Edits `draft` until it spends at most 10 lookups; why not, when nothing gets it there.
pub(super) fn reduce(
    draft: &mut Draft,
    networks: &SpfNetworks,
    keep: &[String],
) -> Result<(), Refusal> {
    if draft.within_limit()
        || collapse::collapse(draft, true)
        || remove_voids(draft, networks)
        || replace_hosts(draft, networks, true)
        || replace_hosts(draft, networks, false)
        || flatten::flatten(draft, networks, keep)
    {
        return Ok(());
    }
    let why = format!(
        "{} DNS lookups, limit {MAX_DNS_TERMS}, would be left after every edit fix can make \
         (includes collapsed, void terms removed, a/mx replaced by their networks, includes \
         flattened where their records allow it and --keep does not forbid it, the record \
         kept within {} bytes); remove includes of services no longer used, or ask the \
         providers for a narrower include",
        draft.lookups(),
        crate::spf::audit::RECORD_SIZE_LIMIT
    );
    Err(Refusal::new(&draft.domain, why))
}

fn remove_voids(draft: &mut Draft, networks: &SpfNetworks) -> bool {
    for i in draft.owned_recs() {
        for j in positions(draft, i, |t| t.void).into_iter().rev() {
            if void_term(draft, networks, i, j) && draft.within_limit() {
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
            let with = networks_terms(&term, found, &draft.recs[i].terms[..j]);
            let added = with.len();
            let why = if with.is_empty() {
                format!(
                    "'{term}' is removed, which saves a lookup: the networks before it cover \
                     every address it stands for today (a snapshot: look again when that host \
                     moves)."
                )
            } else {
                format!(
                    "'{term}' is replaced by the networks it stands for today ({}), which saves \
                     a lookup; a snapshot to refresh when those hosts change their addresses.",
                    with.join(" ")
                )
            };
            if draft.try_edit(i, j, with, why) {
                if draft.within_limit() {
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::dns::Dns;
    use crate::dns::fake::FakeDns;
    use crate::spf::networks;

    /// The records' terms after `reduce` on the domain's tree (as `fake` serves it), by
    /// domain; or why not. Also checks the draft counts what the audit counted.
    async fn reduced(fake: FakeDns, keep: &[&str]) -> Result<Vec<(String, String)>, String> {
        let dns = Dns::new(fake);
        let budget = Duration::from_secs(5);
        let report = crate::spf::audit::audit_domain(&dns, "example.com", budget).await;
        let tree = report.tree.expect("a tree");
        let nets = networks::lookup(&dns, "example.com", &tree, budget).await;
        let mut draft = Draft::new("example.com", &tree);
        assert_eq!(draft.lookups(), report.lookups);
        assert_eq!(draft.voids(), report.void_lookups);
        let keep: Vec<String> = keep.iter().map(ToString::to_string).collect();
        reduce(&mut draft, &nets, &keep).map_err(|r| r.why)?;
        assert!(draft.lookups() <= MAX_DNS_TERMS);
        Ok(draft
            .recs
            .iter()
            .filter(|r| r.changed())
            .map(|r| (r.node.domain.clone(), r.text()))
            .collect())
    }

    fn senders(mut fake: FakeDns, n: u8) -> FakeDns {
        for i in 1..=n {
            fake = fake.txt(
                &format!("s{i}.example.net"),
                "v=spf1 exists:%{i}.x.example -all",
            );
        }
        fake
    }

    #[tokio::test]
    async fn an_include_reached_twice_is_collapsed_first() {
        let fake = senders(FakeDns::default(), 6)
            .txt(
                "example.com",
                "v=spf1 include:p.example.net include:_spf.example.com include:s1.example.net \
                 include:s2.example.net include:s3.example.net -all",
            )
            .txt("_spf.example.com", "v=spf1 include:p.example.net -all")
            .txt("p.example.net", "v=spf1 a:h.example.net -all")
            .a("h.example.net", "192.0.2.1");
        let edits = reduced(fake, &[]).await.unwrap();
        assert_eq!(
            edits,
            [("_spf.example.com".to_string(), "v=spf1 -all".to_string())]
        );
    }

    #[tokio::test]
    async fn what_cannot_be_flattened_is_refused_with_the_count_left() {
        let includes: Vec<String> = (1..=11)
            .map(|i| format!("include:s{i}.example.net"))
            .collect();
        let record = format!("v=spf1 {} -all", includes.join(" "));
        let fake = senders(FakeDns::default(), 11).txt("example.com", &record);
        let why = reduced(fake, &[]).await.unwrap_err();
        assert!(why.starts_with("22 DNS lookups, limit 10"), "{why}");
    }
}
