//! The clients audit of one domain: discovery (RFC 6186), then every endpoint probed in its
//! protocol, `jobs` at a time, each session within its own budget and none started after the
//! run's deadline (in `check`) — submission by the SMTP probe (RFC 6409, RFC 8314), IMAP and
//! POP3 by the client dialogue — then the verdicts and RFC 8314's preference for implicit TLS.

use std::net::SocketAddr;

use crate::dns::Dns;
use crate::finding::Finding;
use crate::smtp::probe::{in_order, not_probed};
use crate::smtp::{self, Role, Settings};

use super::dialogue::Dialogue;
use super::endpoints::{PortOverride, at_hosts, bounded, from_srv};
use super::{
    AccessSession, ClientEndpoint, ClientSession, ClientsReport, EndpointReport, Protocol,
    Published, Service, Source, Verdict, imap, lints, pop3, srv,
};

/// How a clients audit runs.
#[derive(Debug, Clone)]
pub struct ClientSettings {
    /// What every session shares: limits, trust anchors, the EHLO name, the transcript.
    pub session: Settings,
    /// The services looked up and probed.
    pub services: Vec<Service>,
    /// Hosts probed at standard ports when no SRV record is published.
    pub hosts: Vec<String>,
    pub ports: Vec<PortOverride>,
    /// Sessions at once.
    pub jobs: usize,
}

/// Audits the client endpoints of `domain` (already normalised); `done` is told of each
/// endpoint as its session ends.
pub async fn audit_domain(
    dns: &Dns,
    domain: &str,
    settings: &ClientSettings,
    done: &(dyn Fn(&ClientEndpoint) + Sync),
) -> ClientsReport {
    let discovery = srv::discover(dns, domain, &settings.services).await;
    let mut findings = discovery.findings;
    let mut incomplete = discovery.incomplete;
    let published = discovery
        .services
        .iter()
        .any(|s| s.published == Published::Offered);
    let (endpoints, hosts) = if published || settings.hosts.is_empty() {
        (from_srv(&discovery.services), Vec::new())
    } else {
        // Services the domain says it does not offer are not looked for at the hosts.
        let wanted: Vec<Service> = settings
            .services
            .iter()
            .copied()
            .filter(|s| {
                !discovery
                    .services
                    .iter()
                    .any(|r| r.service == *s && r.published == Published::NotOffered)
            })
            .collect();
        let (endpoints, found, failed) =
            at_hosts(dns, &settings.hosts, &wanted, &settings.ports).await;
        findings.extend(found);
        incomplete |= failed;
        (endpoints, settings.hosts.clone())
    };
    let (endpoints, limit) = bounded(endpoints, domain);
    findings.extend(limit);
    let mut reports = Vec::with_capacity(endpoints.len());
    let probed = probe_all(&endpoints, &settings.session, settings.jobs, done).await;
    for (report, found) in probed.into_iter().flatten() {
        reports.push(report);
        findings.extend(found);
    }
    // Endpoints whose turn came after the check's deadline: counted, not blamed on a server.
    let not_probed = not_probed(&settings.session, domain, endpoints.len(), reports.len());
    incomplete |= not_probed.is_some();
    findings.extend(not_probed);
    let endpoints = reports;
    findings.extend(lints::implicit_tls_preferred(domain, &discovery.services));
    findings.extend(lints::implicit_tls_missing_at_hosts(&endpoints));
    ClientsReport {
        domain: domain.to_string(),
        services: discovery.services,
        hosts,
        endpoints,
        findings,
        incomplete,
    }
}

/// Every endpoint's session, `jobs` at a time, in the order of `endpoints`; `None` for an
/// endpoint whose turn came after the run's deadline, which is not started.
async fn probe_all(
    endpoints: &[ClientEndpoint],
    settings: &Settings,
    jobs: usize,
    done: &(dyn Fn(&ClientEndpoint) + Sync),
) -> Vec<Option<(EndpointReport, Vec<Finding>)>> {
    in_order(
        endpoints,
        jobs,
        |endpoint| async move {
            if settings.out_of_time() {
                return (None, endpoint);
            }
            let (session, findings) = probe_one(endpoint, settings).await;
            let report = endpoint_report(endpoint, session, &findings);
            (Some((report, findings)), endpoint)
        },
        |(_, endpoint)| done(endpoint),
    )
    .await
    .into_iter()
    .map(|(probed, _)| probed)
    .collect()
}

/// One session in the endpoint's protocol.
async fn probe_one(
    endpoint: &ClientEndpoint,
    settings: &Settings,
) -> (ClientSession, Vec<Finding>) {
    match endpoint.service.protocol() {
        Protocol::Smtp => {
            let (session, findings) = submission_session(endpoint, settings).await;
            (ClientSession::Smtp(Box::new(session)), findings)
        }
        Protocol::Imap => {
            let (session, findings) = access_session(endpoint, settings).await;
            (ClientSession::Imap(session), findings)
        }
        Protocol::Pop3 => {
            let (session, findings) = access_session(endpoint, settings).await;
            (ClientSession::Pop3(session), findings)
        }
    }
}

/// One SMTP session with a submission endpoint, as the probe holds it, with the findings a
/// client endpoint judges its own way.
async fn submission_session(
    endpoint: &ClientEndpoint,
    settings: &Settings,
) -> (smtp::Session, Vec<Finding>) {
    let smtp_endpoint = smtp::Endpoint {
        host: endpoint.host.clone(),
        address: endpoint.address,
        port: endpoint.port,
        tls: endpoint.service.tls_mode(),
        role: Role::Submission,
        dane: None,
    };
    let (session, mut findings) = smtp::session::run(&smtp_endpoint, settings).await;
    if let Some(failure) = session.connect_failure.as_ref()
        && endpoint.source == Source::Host
    {
        // A guessed port that is closed says only that the service is not there.
        findings.retain(|f| f.code != smtp::codes::CONNECT_FAILED);
        let addr = SocketAddr::new(endpoint.address, endpoint.port);
        findings.push(lints::unreachable(endpoint, &addr, failure));
    }
    if let Some(failure) = session.tls_failure.as_ref()
        && findings
            .iter()
            .any(|f| f.code == smtp::codes::IMPLICIT_NOT_TLS)
    {
        // A submissions port that does not speak TLS is told as imaps and pop3s are.
        findings.retain(|f| f.code != smtp::codes::IMPLICIT_NOT_TLS);
        findings.push(lints::handshake_failed(endpoint, failure));
    }
    (session, findings)
}

/// Holds one IMAP or POP3 session with `endpoint` within the budget.
async fn access_session(
    endpoint: &ClientEndpoint,
    settings: &Settings,
) -> (AccessSession, Vec<Finding>) {
    let started = std::time::Instant::now();
    let mut d = Dialogue::new(endpoint, settings);
    let budget = settings.session_budget();
    let script = async {
        match endpoint.service.protocol() {
            Protocol::Pop3 => pop3::converse(&mut d).await,
            // Submission never comes here: the SMTP probe holds those sessions.
            Protocol::Imap | Protocol::Smtp => imap::converse(&mut d).await,
        }
    };
    let result = tokio::time::timeout(budget.0, script).await;
    d.conclude(result, budget, started)
}

fn endpoint_report(
    endpoint: &ClientEndpoint,
    session: ClientSession,
    findings: &[Finding],
) -> EndpointReport {
    let tls = session.tls();
    let tls_version = tls
        .filter(|t| t.established)
        .map(|t| t.facts.version.clone());
    let certificate = tls.and_then(|t| t.facts.certificate.as_ref().map(|c| c.verdict));
    let cert_days_left = tls.and_then(|t| t.facts.chain.first().and_then(|c| c.days_left));
    let label = endpoint.label();
    let own: Vec<&Finding> = findings.iter().filter(|f| f.subject == label).collect();
    EndpointReport {
        service: endpoint.service,
        host: endpoint.host.clone(),
        address: endpoint.address,
        port: endpoint.port,
        tls_mode: endpoint.service.tls_mode(),
        source: endpoint.source,
        tls_version,
        certificate,
        cert_days_left,
        verdict: Verdict::of(&session, endpoint.source, &own),
        session,
    }
}
