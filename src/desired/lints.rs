//! A `check` report against one `[policy]` section of the config file: each key the report can
//! answer (RFC 9989 §4.7, RFC 8301, RFC 8463, RFC 8461 §5, RFC 8460, RFC 7208, RFC 5321 §5.1)
//! becomes a finding when broken. Read from the report alone, never a new lookup; an area that
//! did not finish, or could not tell, breaks nothing.

use std::collections::BTreeSet;

use crate::check::CheckReport;
use crate::dkim::KeyType;
use crate::dmarc::{DmarcRecord, Policy};
use crate::finding::{Code, Finding};
use crate::mx::Delivery;
use crate::policy::mta_sts::Mode;
use crate::spf::{SpfNode, SpfReport};

use super::{Desired, DmarcLevel, StsLevel, codes};

/// Records of an SPF tree visited at most: the tree is bounded already; this bounds the walk.
const MAX_NODES: usize = 1000;

pub fn findings(report: &CheckReport, want: &Desired) -> Vec<Finding> {
    let mut out = Vec::new();
    dmarc(report, want, &mut out);
    dkim(report, want, &mut out);
    transport(report, want, &mut out);
    if let Some(spf) = report.spf.as_ref().filter(|s| !s.incomplete) {
        self::spf(&report.domain, spf, want, &mut out);
    }
    mx(report, want, &mut out);
    out
}

fn dmarc(report: &CheckReport, want: &Desired, out: &mut Vec<Finding>) {
    let Some(d) = report.dmarc.as_ref().filter(|d| !d.incomplete) else {
        return;
    };
    let record = d.record.as_ref().map(|r| DmarcRecord::parse(&r.text));
    let applies = d.policy.and_then(|e| e.policy).filter(|_| record.is_some());
    let sp = record.as_ref().and_then(|r| r.sp.or(r.p));
    let np = record.as_ref().and_then(|r| r.np.or(r.sp).or(r.p));
    let checks = [
        (
            want.dmarc_policy,
            applies,
            codes::DMARC_WEAKER,
            "the policy that applies",
        ),
        (want.dmarc_sp, sp, codes::DMARC_SP_WEAKER, "sp (subdomains)"),
        (
            want.dmarc_np,
            np,
            codes::DMARC_NP_WEAKER,
            "np (non-existent subdomains)",
        ),
    ];
    for (wanted, actual, code, what) in checks {
        let Some(wanted) = wanted.map(DmarcLevel::policy) else {
            continue;
        };
        if actual < Some(wanted) {
            let is = actual.map_or("no DMARC policy", Policy::as_str);
            out.push(Finding::new(
                code,
                &report.domain,
                format!(
                    "{what} is {is}; the config file asks for at least {}",
                    wanted.as_str()
                ),
            ));
        }
    }
}

fn dkim(report: &CheckReport, want: &Desired, out: &mut Vec<Finding>) {
    let Some(k) = report.dkim.as_ref().filter(|k| !k.incomplete) else {
        return;
    };
    let keys = k
        .selectors
        .iter()
        .flat_map(|s| s.records.iter().filter_map(move |r| Some((s, r.key?))));
    if let Some(min) = want.min_rsa_bits {
        for (selector, key) in keys.clone() {
            if key.algorithm == KeyType::Rsa && key.bits < min as usize {
                out.push(Finding::new(
                    codes::RSA_KEY_SHORT,
                    &selector.name,
                    format!(
                        "{}-bit RSA key; the config file asks for at least {min}",
                        key.bits
                    ),
                ));
            }
        }
    }
    if want.ed25519 == Some(true) && !keys.clone().any(|(_, k)| k.algorithm == KeyType::Ed25519) {
        let tried = k.selectors_tried;
        out.push(Finding::new(
            codes::EDDSA_MISSING,
            &report.domain,
            format!(
                "no Ed25519 key among the {} selector(s) found ({tried} tried); the config file \
                 requires one",
                k.selectors.len()
            ),
        ));
    }
}

/// MTA-STS and TLS-RPT.
fn transport(report: &CheckReport, want: &Desired, out: &mut Vec<Finding>) {
    if let Some(sts) = report.mta_sts.as_ref().filter(|m| !m.incomplete) {
        // A record whose policy could not be fetched: the mode is unknown (MTA-STS says why).
        let known = sts.records.is_empty() || sts.policy.is_some();
        let mode = sts.policy.as_ref().and_then(|p| p.mode);
        let wanted = want
            .mta_sts_mode
            .filter(|w| known && StsLevel::rank(mode) < w.own_rank());
        if let Some(wanted) = wanted {
            let is = match mode {
                None => "there is no MTA-STS policy",
                Some(Mode::None) => "the policy's mode is none",
                Some(Mode::Testing) => "the policy's mode is testing",
                Some(Mode::Enforce) => "the policy's mode is enforce",
            };
            out.push(Finding::new(
                codes::MTA_STS_MODE,
                &report.domain,
                format!("{is}; the config file asks for {}", wanted.as_str()),
            ));
        }
    }
    let tls_rpt = report.tls_rpt.as_ref().filter(|t| !t.incomplete);
    if want.tls_rpt == Some(true) && tls_rpt.is_some_and(|t| t.records.is_empty()) {
        out.push(Finding::new(
            codes::TLS_RPT_MISSING,
            format!("_smtp._tls.{}", report.domain),
            "no TLS-RPT record; the config file requires one",
        ));
    }
}

fn spf(domain: &str, spf: &SpfReport, want: &Desired, out: &mut Vec<Finding>) {
    if let Some(max) = want.spf_max_lookups.filter(|m| spf.lookups > *m as usize) {
        out.push(Finding::new(
            codes::SPF_LOOKUPS,
            domain,
            format!(
                "{} DNS lookups; the config file allows at most {max}",
                spf.lookups
            ),
        ));
    }
    let included = included(spf.tree.as_ref());
    let missing = want
        .spf_include
        .iter()
        .filter(|n| !included.contains(&name(n)));
    for n in missing {
        out.push(spf_finding(
            codes::SPF_INCLUDE_MISSING,
            domain,
            n,
            "does not include",
        ));
    }
    let forbidden = want
        .spf_exclude
        .iter()
        .filter(|n| included.contains(&name(n)));
    for n in forbidden {
        out.push(spf_finding(
            codes::SPF_INCLUDE_FORBIDDEN,
            domain,
            n,
            "includes",
        ));
    }
}

fn spf_finding(code: Code, domain: &str, target: &str, verb: &str) -> Finding {
    Finding::new(
        code,
        domain,
        format!("the SPF record {verb} {}", name(target)),
    )
}

/// Every name the tree includes or redirects to, at any depth.
fn included(tree: Option<&SpfNode>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut stack: Vec<&SpfNode> = tree.into_iter().collect();
    let mut visited = 0;
    while let Some(node) = stack.pop() {
        visited += 1;
        if visited > MAX_NODES {
            break;
        }
        for term in &node.terms {
            let lower = term.term.to_ascii_lowercase();
            let target = ["include:", "+include:", "redirect="]
                .iter()
                .find_map(|p| lower.strip_prefix(p));
            if let Some(target) = target {
                names.insert(name(target));
            }
            stack.extend(term.target.as_ref());
        }
    }
    names
}

fn mx(report: &CheckReport, want: &Desired, out: &mut Vec<Finding>) {
    let (Some(expected), Some(mx)) = (&want.mx, report.mx.as_ref().filter(|m| !m.incomplete))
    else {
        return;
    };
    let expected: BTreeSet<String> = expected.iter().map(|n| name(n)).collect();
    let actual: BTreeSet<String> = if mx.delivery == Delivery::Mx {
        mx.hosts.iter().map(|h| name(&h.name)).collect()
    } else {
        BTreeSet::new()
    };
    if expected == actual {
        return;
    }
    let list = |set: Vec<&String>| {
        if set.is_empty() {
            "none".to_string()
        } else {
            set.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    out.push(Finding::new(
        codes::MX_MISMATCH,
        &report.domain,
        format!(
            "MX hosts {}; the config file expects {} (missing: {}; unexpected: {})",
            list(actual.iter().collect()),
            list(expected.iter().collect()),
            list(expected.difference(&actual).collect()),
            list(actual.difference(&expected).collect()),
        ),
    ));
}

/// A DNS name as compared: lowercase, without the trailing dot.
fn name(text: &str) -> String {
    text.trim().trim_end_matches('.').to_ascii_lowercase()
}
