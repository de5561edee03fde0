//! Validated names of the SPF client (RFC 7208 §5.5, §7.3): the PTR names of the client's address
//! whose forward lookup leads back to it, for the `ptr` mechanism and the `%{p}` macro, within
//! the ten-name limit of §4.6.4.

use crate::dns::name::reverse_name;
use crate::dns::{Answer, Rdata, RecordType};

use super::evaluator::{Evaluator, is_within};
use super::expand::needs_ptr;
use crate::spf::MAX_NAMES_PER_MECHANISM;
use crate::spf::macros::MacroString;

impl Evaluator<'_> {
    /// The `%{p}` value for expanding `spec`: looked up only when `spec` uses it.
    pub(super) async fn ptr_value(&mut self, spec: &MacroString, domain: &str) -> Option<String> {
        if needs_ptr(spec) {
            self.validated_name(domain).await
        } else {
            None
        }
    }

    /// §7.3 `p`: a validated name of the client, preferring `domain` itself, then a subdomain of
    /// it, then any; `None` (expanded as "unknown") when there is none.
    pub(super) async fn validated_name(&mut self, domain: &str) -> Option<String> {
        if self.validated.is_none() {
            let names = self.validated_names(None).await;
            self.validated = Some(names);
        }
        let names = self.validated.as_deref().unwrap_or_default();
        let domain = domain.to_ascii_lowercase();
        names
            .iter()
            .find(|n| **n == domain)
            .or_else(|| names.iter().find(|n| is_within(n, &domain)))
            .or_else(|| names.first())
            .cloned()
    }

    /// §5.5: the client's PTR names (the first ten) whose forward lookup gives the client's
    /// address back; with `within`, only names equal to or below it are looked at. A failed PTR
    /// lookup gives no names; a failed forward lookup skips that name.
    pub async fn validated_names(&mut self, within: Option<&str>) -> Vec<String> {
        let reverse = reverse_name(self.ctx.ip);
        let Ok(Answer::Records(records)) = self.lookup(&reverse, RecordType::Ptr).await else {
            return Vec::new();
        };
        let mut names: Vec<String> = Vec::new();
        for record in records {
            if let Rdata::Ptr(name) = record {
                let name = crate::dns::name::canonical(&name);
                if names.len() < MAX_NAMES_PER_MECHANISM && !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        if let Some(within) = within {
            names.retain(|n| is_within(n, within));
        }
        let rtype = self.address_type();
        let answers = self.lookup_all(&names, rtype).await;
        let ip = self.ctx.ip;
        names
            .into_iter()
            .zip(answers)
            .filter(|(_, answer)| match answer {
                Ok(answer) => answer.records().iter().any(|r| r.address() == Some(ip)),
                Err(_) => false,
            })
            .map(|(name, _)| name)
            .collect()
    }
}
