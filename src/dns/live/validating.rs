//! DNSSEC validation of live answers (RFC 4035 §5) by hickory: the validating resolvers, made
//! on first use from the anchors (a DS anchor needs its zone's DNSKEY records first), and each
//! answer's status — asked once more when bogus, as hickory reports a DS or DNSKEY query that
//! timed out as bogus, and with its data kept: the audit reports what is published.

use std::num::NonZeroU32;
use std::sync::Arc;

use hickory_proto::dnssec::TrustAnchors;
use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{Name, RecordType as HickoryType};
use hickory_resolver::config::{ResolverConfig, ResolverOpts};
use hickory_resolver::net::{DnsError, NetError};
use tokio::sync::OnceCell;

use super::{LiveSource, Route, Validate, fqdn, route};
use crate::dns::anchor::Anchor;
use crate::dns::failure::failure;
use crate::dns::raw::{RawAnswer, over_tcp};
use crate::dns::udp::Reply;
use crate::dns::validation::{judge, trust_anchors, unproven_denial};
use crate::dns::wire::{MAX_CNAME_CHAIN, cname_of, hickory_type};
use crate::dns::{Answer, Dnssec, FailureKind, Judgement, LookupError, RecordType, Security};

/// DNSSEC validation (RFC 4035 §5) by hickory, from the anchors given or its built-in root
/// anchors. Its resolvers are made on first use: a DS anchor needs its zone's DNSKEY records.
pub(super) struct Validator {
    pub(super) anchors: Vec<Anchor>,
    pub(super) config: ResolverConfig,
    pub(super) opts: ResolverOpts,
    pub(super) qps: Option<NonZeroU32>,
    pub(super) route: OnceCell<Result<Route, String>>,
}

impl LiveSource {
    /// The validating resolvers, made on first use.
    async fn validating<'a>(&'a self, validator: &'a Validator) -> Result<&'a Route, String> {
        let made = validator.route.get_or_init(|| async {
            let anchors = if validator.anchors.is_empty() {
                Validate::BuiltInRoot
            } else {
                Validate::From(self.anchor_keys(&validator.anchors).await?)
            };
            let (config, opts) = (&validator.config, &validator.opts);
            route(config, opts, validator.qps, &anchors).map_err(|e| e.to_string())
        });
        made.await.as_ref().map_err(Clone::clone)
    }

    /// The trust anchors with each DS anchor's zone's DNSKEY records fetched.
    async fn anchor_keys(&self, anchors: &[Anchor]) -> Result<Arc<TrustAnchors>, String> {
        let mut keys = Vec::new();
        for anchor in anchors {
            if let Anchor::Ds(name, _) = anchor {
                let answer = self
                    .raw_query(name, HickoryType::DNSKEY)
                    .await
                    .map_err(|e| format!("the DNSKEY of the DS anchor: {e}"))?;
                let found = answer
                    .answers
                    .iter()
                    .filter_map(|r| match &r.data {
                        hickory_proto::rr::RData::DNSSEC(
                            hickory_proto::dnssec::rdata::DNSSECRData::DNSKEY(k),
                        ) if r.name == *name => Some(k.clone()),
                        _ => None,
                    })
                    .collect();
                keys.push((name.clone(), found));
            }
        }
        trust_anchors(anchors, &keys)
    }

    /// The answer, validated when the source validates.
    pub(super) async fn query_judged(&self, name: &str, rtype: RecordType) -> Judgement {
        let Some(validator) = &self.validator else {
            return (self.query(name, rtype).await, None);
        };
        let fqdn = match fqdn(name) {
            Ok(fqdn) => fqdn,
            Err(e) => return (Err(e), None),
        };
        let route = match self.validating(validator).await {
            Ok(route) => route,
            Err(e) => return (Err(failure(FailureKind::Other, name, rtype, &e)), None),
        };
        let wanted = hickory_type(rtype);
        let mut asked = self.ask_on(route, &fqdn, wanted).await;
        let mut dnssec = judge(&asked);
        // A DS or DNSKEY query that timed out inside hickory can come back as bogus: asked once
        // more, which its validation cache makes cheap when the first verdict was real.
        if dnssec
            .as_ref()
            .is_some_and(|d| matches!(d.status, Security::Bogus | Security::Indeterminate))
        {
            asked = self.ask_on(route, &fqdn, wanted).await;
            dnssec = judge(&asked);
        }
        // hickory withholds records that fail validation; the audit still reports what is
        // published, marked bogus. A validation that outran the time bound (a DS or DNSKEY
        // query went unanswered) proves nothing either way: the data, indeterminate.
        if matches!(asked, Err(NetError::Dns(DnsError::DnssecBogus))) {
            if let Some(links) = self.judge_links(route, &fqdn, wanted).await {
                dnssec = Some(links);
            }
            asked = self.ask(&fqdn, wanted).await;
        } else if matches!(asked, Err(NetError::Timeout)) {
            asked = self.ask(&fqdn, wanted).await;
            dnssec = (!matches!(asked, Err(NetError::Timeout)))
                .then(|| Dnssec::new(Security::Indeterminate));
        }
        if let Err(e) = &asked
            && let Some(code) = unproven_denial(e)
        {
            let answer = if code == ResponseCode::NXDomain {
                Answer::NxDomain
            } else {
                Answer::NoData
            };
            return (Ok(answer), dnssec);
        }
        (self.conclude(asked, &fqdn, name, rtype).await, dnssec)
    }

    /// hickory judges the denial at the end of a CNAME chain handed over whole against the
    /// name asked for, not in the target's zone where RFC 4035 §3.1.3 puts it, and calls it
    /// bogus: the links and the target judged one by one, the weakest standing. `None` when
    /// `name` starts no chain.
    async fn judge_links(&self, route: &Route, name: &Name, wanted: HickoryType) -> Option<Dnssec> {
        let mut name = name.clone();
        let mut weakest = Security::Secure;
        let mut links = 0;
        while links < MAX_CNAME_CHAIN {
            let asked = self.ask_on(route, &name, HickoryType::CNAME).await;
            let Some(target) = asked
                .as_ref()
                .ok()
                .and_then(|l| cname_of(l.answers(), &name))
            else {
                break;
            };
            weakest = weakest.min(judge(&asked)?.status);
            name = target;
            links += 1;
        }
        if links == 0 {
            return None;
        }
        let target = judge(&self.ask_on(route, &name, wanted).await)?;
        Some(Dnssec::new(weakest.min(target.status)))
    }

    /// One query with the DO bit to the first server: UDP, then TCP when truncated.
    pub(in crate::dns) async fn raw_query(
        &self,
        name: &Name,
        rtype: HickoryType,
    ) -> Result<RawAnswer, LookupError> {
        let text = crate::dns::wire::name_text(name);
        let fail = |kind, what: &str| LookupError {
            kind,
            detail: format!("{text} {rtype}: {what}"),
        };
        let Some((server, udp)) = &self.raw else {
            return Err(fail(FailureKind::Io, "no resolver is configured"));
        };
        let message = match udp.ask(name, rtype, self.timeout, true).await {
            Ok(Reply::Timeout) => return Err(fail(FailureKind::Timeout, "timed out")),
            Ok(Reply::Answer(m)) if m.metadata.truncation => {
                over_tcp(*server, name, rtype, self.timeout)
                    .await
                    .map_err(|e| fail(FailureKind::Io, &e))?
            }
            Ok(Reply::Answer(m)) => m,
            Err(e) => return Err(fail(FailureKind::Io, &e.to_string())),
        };
        match message.metadata.response_code {
            ResponseCode::ServFail => Err(fail(FailureKind::Servfail, "SERVFAIL")),
            ResponseCode::Refused => Err(fail(FailureKind::Refused, "REFUSED")),
            _ => Ok(RawAnswer::from_message(message)),
        }
    }
}
