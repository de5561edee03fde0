//! DKIM selectors (RFC 6376 §3.1) as `check` and `fix` look for them: `--selector S`
//! (repeatable), each checked, the first that is not one a usage error naming it; without it,
//! discovery's list and the rotation state's selectors; and the config file's `[domains]`
//! settings for each domain.

use std::collections::BTreeMap;
use std::path::Path;

use crate::check::DomainOverride;
use crate::context::Ctx;
use crate::date::Date;
use crate::dkim::Selector;
use crate::dkim::discover::builtin_selectors;
use crate::dkim::rotate::RotationState;
use crate::error::Error;

pub fn parse(given: &[String]) -> Result<Vec<Selector>, Error> {
    given
        .iter()
        .map(|s| {
            Selector::new(s).map_err(|e| {
                Error::Usage(format!("--selector {}: {e}", crate::sanitize::quoted(s)))
            })
        })
        .collect()
}

/// The selectors discovery tries when none is given: the widely used ones and the rotation
/// state's (at `state`, or the user's) of every domain it knows — a few names more, looked up
/// only when discovery runs.
pub fn candidates(given: &[Selector], state: Option<&Path>) -> Result<Vec<Selector>, Error> {
    if !given.is_empty() {
        return Ok(Vec::new());
    }
    let mut list = builtin_selectors(Date::today());
    for s in RotationState::selectors_at(state)?.into_values().flatten() {
        if !list.contains(&s) {
            list.push(s);
        }
    }
    Ok(list)
}

/// The config file's `[domains]` settings, less what the command line gives for every domain:
/// selectors with `--selector` (`selectors_given`), the BIMI selector with `--bimi-selector`.
pub fn per_domain(
    selectors_given: bool,
    ctx: &Ctx,
) -> Result<BTreeMap<String, DomainOverride>, Error> {
    let bimi_given = ctx.config.given("bimi_selector");
    let mut out = BTreeMap::new();
    for (domain, s) in &ctx.config.file.domains {
        let dkim_candidates = match (&s.state, selectors_given) {
            (Some(path), false) => RotationState::selectors_at(Some(path))?
                .remove(domain)
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let dkim_selectors = if selectors_given {
            Vec::new()
        } else {
            s.selectors.clone()
        };
        out.insert(
            domain.clone(),
            DomainOverride {
                dkim_selectors,
                dkim_candidates,
                bimi_selector: s.bimi_selector.clone().filter(|_| !bimi_given),
                parked: s.parked,
            },
        );
    }
    Ok(out)
}
