//! ARC chain validation (RFC 8617 §5.2): the sets read by `arc_sets`, the newest seal's `cv=`
//! and every seal's `cv=` as its place requires, the newest ARC-Message-Signature verified as
//! a DKIM signature is (the older ones for `oldest-pass`), and every ARC-Seal verified over the
//! ARC fields of its instance and those before it. Keys come through the DKIM key fetch.

use base64ct::{Base64, Encoding};
use rsa::sha2::{Digest, Sha256};

use crate::dns::Dns;
use crate::finding::Finding;
use crate::tags::TagList;

use super::arc_report::{ArcResult, ArcSetCheck, ArcSignatureCheck, ArcVerification};
use super::arc_sets::{ArcSet, MAX_ARC_SETS, SetsProblem, aar_results, arc_sets};
use super::auth_results::AuthResults;
use super::canon::{self, Canonicalization};
use super::hash::{body_hash, header_hash};
use super::read::{HeaderField, Message};
use super::signature::{DkimSignature, SigningAlgorithm, b_value_range};
use super::verify::{Outcome, check_signature, fetch_key, key_name, usable_key, without_b};
use super::{DkimResult, codes};

/// Validates the ARC chain of `message`.
pub async fn verify_arc(dns: &Dns, message: &Message) -> ArcVerification {
    let mut report = ArcVerification {
        result: ArcResult::None,
        reason: "the message has no ARC set".into(),
        sets: Vec::new(),
        oldest_pass: None,
        origin_results: None,
        findings: Vec::new(),
    };
    let sets = match arc_sets(message) {
        Ok(sets) if sets.is_empty() => return report,
        Ok(sets) => sets,
        Err(SetsProblem::TooMany { highest }) => {
            report.findings.push(Finding::new(
                codes::ARC_TOO_MANY_SETS,
                "ARC",
                format!("an ARC set has instance {highest}; at most {MAX_ARC_SETS} are allowed"),
            ));
            return failed(report, format!("more than {MAX_ARC_SETS} ARC sets"));
        }
        Err(SetsProblem::Broken(why)) => return failed(report, why),
    };
    report.sets = sets.iter().map(set_check).collect();
    if let Err(why) = validate(dns, message, &sets, &mut report).await {
        return failed(report, why);
    }
    report.result = ArcResult::Pass;
    report.reason = format!(
        "{} ARC set{} verif{}",
        sets.len(),
        if sets.len() == 1 { "" } else { "s" },
        if sets.len() == 1 { "ies" } else { "y" }
    );
    report.origin_results = AuthResults::parse(&aar_results(sets[0].aar));
    report
}

/// The chain failed: the finding says why.
fn failed(mut report: ArcVerification, why: String) -> ArcVerification {
    report.findings.push(Finding::new(
        codes::ARC_CHAIN_FAILED,
        "ARC",
        format!("the ARC chain fails: {why}"),
    ));
    report.result = ArcResult::Fail;
    report.reason = why;
    report.oldest_pass = None;
    report
}

/// §5.2 steps 3-7; `Err` says which instance and which signature broke the chain.
async fn validate(
    dns: &Dns,
    message: &Message,
    sets: &[ArcSet<'_>],
    report: &mut ArcVerification,
) -> Result<(), String> {
    check_cv(&report.sets)?;
    // The newest message signature must verify; the older ones tell `oldest-pass`.
    let mut oldest_pass = 0;
    for (set, check) in sets.iter().zip(report.sets.iter_mut()).rev() {
        let outcome = verify_ams(dns, message, set.ams).await;
        let passed = outcome.is_ok();
        record(&mut check.message_signature, outcome);
        if !passed && oldest_pass == 0 {
            oldest_pass = set.instance + 1;
        }
    }
    let newest = report.sets.last().map_or(0, |c| c.instance);
    if oldest_pass > newest {
        let why = &report.sets[report.sets.len() - 1].message_signature.reason;
        return Err(format!(
            "the newest ARC-Message-Signature (instance {newest}) does not verify: {why}"
        ));
    }
    for (at, set) in sets.iter().enumerate().rev() {
        let outcome = verify_seal(dns, &sets[..=at]).await;
        let passed = outcome.is_ok();
        record(&mut report.sets[at].seal, outcome);
        if !passed {
            let why = &report.sets[at].seal.reason;
            return Err(format!(
                "the ARC-Seal of instance {} does not verify: {why}",
                set.instance
            ));
        }
    }
    report.oldest_pass = Some(oldest_pass);
    Ok(())
}

/// §5.2 step 3 and §5.1.1: cv=fail anywhere ends the chain; instance 1 says none, the
/// others pass.
fn check_cv(sets: &[ArcSetCheck]) -> Result<(), String> {
    for check in sets {
        let cv = check.cv.as_deref().map(str::to_ascii_lowercase);
        let wanted = if check.instance == 1 { "none" } else { "pass" };
        match cv.as_deref() {
            Some("fail") => {
                return Err(format!(
                    "the ARC-Seal of instance {} says cv=fail: that hop found the chain broken",
                    check.instance
                ));
            }
            Some(cv) if cv == wanted => {}
            _ => {
                return Err(format!(
                    "the ARC-Seal of instance {} has cv={}, where cv={wanted} belongs",
                    check.instance,
                    crate::sanitize::escape(check.cv.as_deref().unwrap_or("(none)"))
                ));
            }
        }
    }
    Ok(())
}

fn record(check: &mut ArcSignatureCheck, outcome: Outcome<()>) {
    (check.result, check.reason) = match outcome {
        Ok(()) => (Some(DkimResult::Pass), "the signature verifies".into()),
        Err((result, why)) => (Some(result), why),
    };
}

/// What a set says before anything is verified.
fn set_check(set: &ArcSet<'_>) -> ArcSetCheck {
    let seal = seal_tags(set.seal);
    let tag = |name: &str| {
        seal.as_ref()
            .and_then(|t| t.get(name))
            .map(|t| t.value.clone())
    };
    let ams = text(set.ams).and_then(|v| DkimSignature::parse_ams(&v).ok());
    ArcSetCheck {
        instance: set.instance,
        cv: tag("cv"),
        seal: ArcSignatureCheck {
            domain: tag("d"),
            selector: tag("s"),
            ..ArcSignatureCheck::default()
        },
        message_signature: ArcSignatureCheck {
            domain: ams.as_ref().map(|s| s.domain.clone()),
            selector: ams.as_ref().map(|s| s.selector.clone()),
            ..ArcSignatureCheck::default()
        },
        authentication_results: Some(aar_results(set.aar)),
    }
}

fn text(field: &HeaderField) -> Option<String> {
    std::str::from_utf8(field.value()).ok().map(str::to_string)
}

fn seal_tags(field: &HeaderField) -> Option<TagList> {
    let list = TagList::parse(&text(field)?);
    (list.errors.is_empty() && list.duplicates().next().is_none()).then_some(list)
}

/// An ARC-Message-Signature verified as a DKIM signature is (§5.2 step 4), `i=` its instance.
async fn verify_ams(dns: &Dns, message: &Message, field: &HeaderField) -> Outcome<()> {
    let neutral = |why: String| (DkimResult::Neutral, why);
    let value = text(field).ok_or_else(|| neutral("the field is not UTF-8 text".into()))?;
    let sig = DkimSignature::parse_ams(&value)
        .map_err(|e| neutral(format!("the signature does not parse: {}", e.message)))?;
    let b = signature_bytes(&sig.signature)?;
    let key = key(dns, sig.algorithm, &sig.selector, &sig.domain).await?;
    let computed =
        body_hash(sig.body_canonicalization, &message.body, sig.length).map_err(|_| {
            (
                DkimResult::Permerror,
                "l= is longer than the canonical body".to_string(),
            )
        })?;
    if Base64::decode_vec(&sig.body_hash).ok().as_deref() != Some(&computed[..]) {
        return Err((
            DkimResult::Fail,
            "body hash mismatch: the body changed after this hop signed it".into(),
        ));
    }
    let own = without_b(field, &sig);
    let hash = header_hash(sig.header_canonicalization, message, &sig.headers, &own);
    check_signature(&key, &hash, &b).map_err(|why| (DkimResult::Fail, why))
}

/// An ARC-Seal verified over the sets up to its own, which is last in `sets` (§5.1.1, §5.2
/// step 6): each set's AAR, AMS and AS in relaxed form, the seal itself with `b=` emptied.
async fn verify_seal(dns: &Dns, sets: &[ArcSet<'_>]) -> Outcome<()> {
    let permerror = |why: &str| (DkimResult::Permerror, why.to_string());
    let own = sets.last().ok_or_else(|| permerror("no set"))?.seal;
    let value = text(own).ok_or_else(|| permerror("the field is not UTF-8 text"))?;
    let tags = seal_tags(own).ok_or_else(|| permerror("the ARC-Seal does not parse"))?;
    let tag = |name: &str| {
        tags.get(name)
            .map(|t| t.value.as_str())
            .ok_or_else(|| permerror(&format!("the ARC-Seal has no {name}= tag")))
    };
    if tags.get("h").is_some() {
        return Err(permerror(
            "the ARC-Seal has an h= tag, which RFC 8617 §4.1.3 forbids",
        ));
    }
    let algorithm = SigningAlgorithm::from_tag(tag("a")?)
        .ok_or_else(|| permerror("the ARC-Seal's a= is not a known algorithm"))?;
    let b = signature_bytes(&tag("b")?.replace(|c: char| c.is_ascii_whitespace(), ""))?;
    let key = key(dns, algorithm, tag("s")?, tag("d")?).await?;
    let b_at = tags.get("b").map_or(0, |t| t.name_span.end);
    let range = b_value_range(&value, b_at);
    let emptied = [
        &own.raw[..own.value_start + range.start],
        &own.raw[own.value_start + range.end..],
    ]
    .concat();
    let mut hasher = Sha256::new();
    for set in sets {
        hasher.update(canon::header(Canonicalization::Relaxed, &set.aar.raw));
        hasher.update(canon::header(Canonicalization::Relaxed, &set.ams.raw));
        if !std::ptr::eq(set.seal, own) {
            hasher.update(canon::header(Canonicalization::Relaxed, &set.seal.raw));
        }
    }
    let last = canon::header(Canonicalization::Relaxed, &emptied);
    hasher.update(&last[..last.len() - 2]);
    let hash: [u8; 32] = hasher.finalize().into();
    check_signature(&key, &hash, &b).map_err(|why| (DkimResult::Fail, why))
}

/// `b=` as bytes.
fn signature_bytes(b: &str) -> Outcome<Vec<u8>> {
    Base64::decode_vec(b).map_err(|_| (DkimResult::Permerror, "b= is not valid base64".into()))
}

/// The key at `s._domainkey.d`, when it may verify `algorithm` (rsa-sha1 is refused, RFC 8301).
async fn key(
    dns: &Dns,
    algorithm: SigningAlgorithm,
    selector: &str,
    domain: &str,
) -> Outcome<crate::dkim::PublicKeyData> {
    if algorithm == SigningAlgorithm::RsaSha1 {
        return Err((
            DkimResult::Fail,
            "algorithm not allowed: rsa-sha1 is no longer accepted (RFC 8301 §3.1)".into(),
        ));
    }
    let name = key_name(selector, domain)?;
    let linted = fetch_key(dns, &name).await?;
    usable_key(&linted, algorithm, None, domain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(cvs: &[Option<&str>]) -> Vec<ArcSetCheck> {
        (1..)
            .zip(cvs)
            .map(|(instance, cv)| ArcSetCheck {
                instance,
                cv: cv.map(str::to_string),
                seal: ArcSignatureCheck::default(),
                message_signature: ArcSignatureCheck::default(),
                authentication_results: None,
            })
            .collect()
    }

    #[test]
    fn cv_is_none_at_the_first_hop_pass_after_and_fail_anywhere_ends_it() {
        assert_eq!(check_cv(&sets(&[Some("none"), Some("PASS")])), Ok(()));
        let why = |cvs: &[Option<&str>]| check_cv(&sets(cvs)).unwrap_err();
        assert!(why(&[Some("pass")]).contains("instance 1 has cv=pass, where cv=none"));
        assert!(why(&[Some("none"), Some("none")]).contains("where cv=pass"));
        assert!(why(&[Some("none"), None]).contains("cv=(none)"));
        assert!(why(&[Some("none"), Some("fail")]).contains("says cv=fail"));
        assert!(why(&[Some("none"), Some("x\u{1b}")]).contains("cv=x\\"));
    }
}
