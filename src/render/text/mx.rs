//! Text for the MX audit (RFC 5321 §5.1): how mail is routed, each host by preference with its
//! alias, then each address with its special-purpose block and reverse DNS, then the findings.

use std::fmt::Write;

use crate::mx::{
    Delivery, HostStatus, MAX_HOSTS, MxAddress, MxHost, MxReport, ReverseDns, SpecialBlock,
};
use crate::render::{Paint, Palette, Report, TextStyle};
use crate::sanitize::escape;

use super::findings::{findings, quiet_findings};

impl Report for MxReport {
    fn text(&self, style: TextStyle) -> String {
        let p = style.palette;
        if style.quiet {
            return quiet_findings(p, &self.findings);
        }
        let mut out = String::new();
        let domain = escape(&self.domain);
        let _ = writeln!(out, "{} {}", p.bold("MX"), p.bold(&domain));
        if let Some(line) = routing(p, self, &domain) {
            let _ = writeln!(out, "  {line}");
        }
        let preference_width = self
            .hosts
            .iter()
            .map(|h| h.preference.to_string().len())
            .max()
            .unwrap_or(1);
        let ip_width = self
            .hosts
            .iter()
            .flat_map(|h| &h.addresses)
            .map(|a| a.ip.to_string().len())
            .max()
            .unwrap_or(0);
        for host in &self.hosts {
            host_lines(&mut out, p, host, preference_width, ip_width);
        }
        let _ = writeln!(out);
        findings(&mut out, p, &self.findings);
        out
    }
}

/// The line that says how mail is routed, when it is not simply "to the hosts below".
fn routing(p: Palette, r: &MxReport, domain: &str) -> Option<String> {
    Some(match r.delivery {
        Delivery::Mx if r.null_mx => p.paint(
            Paint::RedBold,
            "a null MX (.) beside the hosts below, which RFC 7505 forbids",
        ),
        Delivery::Mx => return None,
        Delivery::Implicit => p.paint(
            Paint::YellowBold,
            "no MX records: mail goes to the domain's own addresses (implicit MX)",
        ),
        Delivery::NullMx => format!("null MX: {domain} accepts no mail"),
        Delivery::None => p.paint(
            Paint::RedBold,
            &format!("no mail exchanger: mail to {domain} bounces"),
        ),
        Delivery::Unknown => p.paint(Paint::RedBold, "unknown: the MX lookup failed"),
    })
}

fn host_lines(out: &mut String, p: Palette, host: &MxHost, pw: usize, ip_width: usize) {
    let mut line = format!(
        "  {:>pw$}  {}",
        host.preference,
        p.bold(&escape(&host.name))
    );
    if let Some(target) = &host.cname {
        let _ = write!(
            line,
            "  {}",
            p.paint(Paint::YellowBold, &format!("alias of {}", escape(target)))
        );
    }
    if host.ip_literal {
        let _ = write!(
            line,
            "  {}",
            p.paint(Paint::RedBold, "an IP address, not a host name")
        );
    }
    let _ = writeln!(out, "{line}");
    let indent = " ".repeat(pw + 4);
    let status = match host.status {
        HostStatus::Resolved => None,
        HostStatus::NoAddress => Some(p.paint(Paint::RedBold, "no A or AAAA record")),
        HostStatus::NxDomain => Some(p.paint(Paint::RedBold, "does not exist (NXDOMAIN)")),
        HostStatus::Failed => Some(p.paint(Paint::RedBold, "address lookup failed")),
        HostStatus::NotFollowed => Some(p.dim(&format!(
            "not looked up (the audit follows {MAX_HOSTS} hosts)"
        ))),
    };
    if let Some(status) = status {
        let _ = writeln!(out, "{indent}{status}");
    }
    for address in &host.addresses {
        let ip = format!("{:<ip_width$}", address.ip.to_string());
        let _ = writeln!(out, "{indent}{ip}  {}", reverse(p, address));
        if let Some(block) = address.special {
            let under = " ".repeat(ip_width + 2);
            let _ = writeln!(out, "{indent}{under}{}", unreachable(p, block));
        }
    }
}

fn reverse(p: Palette, a: &MxAddress) -> String {
    let names = a
        .ptr
        .iter()
        .map(|n| escape(n))
        .collect::<Vec<_>>()
        .join(", ");
    match a.reverse_dns {
        ReverseDns::Confirmed => format!("PTR {names}  {}", p.dim("(forward-confirmed)")),
        ReverseDns::NotConfirmed => format!(
            "PTR {names}  {}",
            p.paint(Paint::YellowBold, "(does not resolve back)")
        ),
        ReverseDns::NoPtr => p.paint(Paint::YellowBold, "no PTR"),
        ReverseDns::Unknown if names.is_empty() => p.dim("PTR unknown"),
        ReverseDns::Unknown => format!("PTR {names}  {}", p.dim("(not confirmed: lookup failed)")),
    }
}

fn unreachable(p: Palette, block: SpecialBlock) -> String {
    p.paint(
        Paint::RedBold,
        &format!("not reachable: {} is {}", block.block, block.name),
    )
}

/// The check's scorecard line.
pub(super) fn card(m: &MxReport) -> String {
    let v6 = m
        .hosts
        .iter()
        .any(|h| h.addresses.iter().any(|a| a.ip.is_ipv6()));
    match m.delivery {
        Delivery::NullMx => "null MX: accepts no mail".into(),
        Delivery::Implicit => format!("no MX: mail goes to {} itself", m.domain),
        _ => format!(
            "{} host{}{}",
            m.hosts.len(),
            if m.hosts.len() == 1 { "" } else { "s" },
            if v6 { ", IPv4 and IPv6" } else { ", IPv4 only" }
        ),
    }
}
