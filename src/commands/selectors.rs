//! `--selector S` (repeatable), as `check` and `fix` take it: DKIM selectors (RFC 6376 §3.1),
//! each checked, the first that is not one a usage error naming it.

use crate::dkim::Selector;
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
