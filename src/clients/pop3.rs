//! The POP3 side of a client session (RFC 1939, CAPA per RFC 2449, STLS per RFC 2595 §4): the
//! greeting, CAPA, STLS and CAPA again over TLS, then QUIT. Nothing that logs in is ever sent.

use super::codes;
use super::dialogue::{Dialogue, Step, Stop};
use crate::sanitize::quoted;
use crate::smtp::TlsMode;

/// The POP3 dialogue with one endpoint.
pub async fn converse(d: &mut Dialogue<'_>) -> Step<()> {
    d.connect().await?;
    greeting(d).await?;
    let capabilities = capa(d).await?;
    if d.endpoint.service.tls_mode() == TlsMode::Implicit {
        d.session.capabilities_tls = capabilities;
    } else {
        let caps = capabilities.clone().unwrap_or_default();
        d.session.capabilities = capabilities;
        cleartext_login(d, &caps);
        if caps.iter().any(|c| keyword(c) == "STLS") {
            stls(d).await?;
            d.session.capabilities_tls = capa(d).await?;
        } else {
            let why = if d.session.capabilities.is_none() {
                "the server does not answer CAPA, so it cannot offer STLS"
            } else {
                "CAPA does not list STLS"
            };
            d.finding(
                codes::STARTTLS_MISSING,
                format!(
                    "{why}: mail programs on this port send passwords in clear text or refuse \
                     to connect"
                ),
            );
        }
    }
    quit(d).await;
    Ok(())
}

/// `+OK` or `-ERR` (RFC 1939 §4).
async fn greeting(d: &mut Dialogue<'_>) -> Step<()> {
    let line = d.line("the greeting").await?;
    d.session.greeting = Some(line.clone());
    if line.starts_with("+OK") {
        return Ok(());
    }
    if line.starts_with("-ERR") {
        d.finding(
            codes::GREETING_REFUSED,
            format!("the server refuses the connection: {}", quoted(&line)),
        );
    } else {
        d.finding(
            codes::RESPONSE_MALFORMED,
            format!(
                "the greeting {} is not a POP3 greeting (\"+OK ...\")",
                quoted(&line)
            ),
        );
    }
    Err(Stop)
}

/// The capability lines, as sent; `None` when CAPA is refused (RFC 2449 §5).
async fn capa(d: &mut Dialogue<'_>) -> Step<Option<Vec<String>>> {
    d.send("CAPA").await?;
    let status = d.line("the response to CAPA").await?;
    if !status.starts_with("+OK") {
        return Ok(None);
    }
    let mut lines = d.lines("the response to CAPA", |l| Ok(l != ".")).await?;
    lines.pop();
    Ok(Some(lines))
}

/// The first word of a capability line, upper-cased.
fn keyword(line: &str) -> String {
    line.split_ascii_whitespace()
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase()
}

/// Before TLS, USER (with PASS) and SASL PLAIN or LOGIN send the password as it is.
fn cleartext_login(d: &mut Dialogue<'_>, caps: &[String]) {
    let mut offered: Vec<String> = Vec::new();
    for line in caps {
        match keyword(line).as_str() {
            "USER" => offered.push("USER/PASS".into()),
            "SASL" => offered.extend(
                line.split_ascii_whitespace()
                    .skip(1)
                    .map(str::to_ascii_uppercase)
                    .filter(|m| m == "PLAIN" || m == "LOGIN")
                    .map(|m| format!("SASL {m}")),
            ),
            _ => {}
        }
    }
    if !offered.is_empty() {
        d.finding(
            codes::CLEARTEXT_LOGIN,
            format!(
                "before TLS CAPA lists {}: a password can cross the network in clear text",
                offered.join(" and ")
            ),
        );
    }
}

async fn stls(d: &mut Dialogue<'_>) -> Step<()> {
    d.send("STLS").await?;
    let reply = d.line("the response to STLS").await?;
    d.session.starttls = Some(reply.clone());
    if !reply.starts_with("+OK") {
        d.finding(
            codes::STARTTLS_REJECTED,
            format!("STLS is offered but answered {}", quoted(&reply)),
        );
        return Err(Stop);
    }
    d.start_tls().await
}

/// QUIT: a courtesy, so a server that closes without answering is not a finding.
async fn quit(d: &mut Dialogue<'_>) {
    if d.send("QUIT").await.is_ok() {
        d.session.logout = d.quiet_line().await;
    }
}
