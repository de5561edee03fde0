//! The IMAP side of a client session (RFC 9051, RFC 3501, STARTTLS and LOGINDISABLED per
//! RFC 2595 §3.1 and RFC 9051 §6.2.1): the greeting, CAPABILITY, STARTTLS and CAPABILITY again
//! over TLS, then LOGOUT. Tags are `a1`, `a2`, ...; nothing that logs in is ever sent.

use super::codes;
use super::dialogue::{Dialogue, Step, Stop};
use crate::sanitize::quoted;
use crate::smtp::TlsMode;

/// The IMAP dialogue with one endpoint.
pub async fn converse(d: &mut Dialogue<'_>) -> Step<()> {
    d.connect().await?;
    let mut tags = (1..).map(|n| format!("a{n}"));
    let mut tag = || tags.next().unwrap_or_default();
    let preauth = greeting(d).await?;
    // A server that refuses CAPABILITY may still have listed them in its greeting.
    let capabilities = capability(d, &tag()).await?.or_else(|| {
        d.session
            .greeting
            .as_deref()
            .and_then(greeting_capabilities)
    });
    if d.endpoint.service.tls_mode() == TlsMode::Implicit {
        d.session.capabilities_tls = capabilities;
    } else if preauth {
        d.session.capabilities = capabilities;
        d.finding(
            codes::CLEARTEXT_LOGIN,
            "the greeting is PREAUTH: the session is logged in before any TLS, and STARTTLS \
             is no longer allowed (RFC 9051 §6.2.1), so the whole mailbox crosses the network \
             in clear text"
                .to_string(),
        );
    } else {
        let caps = capabilities.clone().unwrap_or_default();
        d.session.capabilities = capabilities;
        cleartext_login(d, &caps);
        if has(&caps, "STARTTLS") {
            starttls(d, &tag()).await?;
            d.session.capabilities_tls = capability(d, &tag()).await?;
        } else {
            d.finding(
                codes::STARTTLS_MISSING,
                "the CAPABILITY response does not offer STARTTLS: mail programs on this port \
                 send passwords in clear text or refuse to connect"
                    .to_string(),
            );
        }
    }
    logout(d, &tag()).await;
    Ok(())
}

/// `* OK`, `* PREAUTH` or `* BYE` (RFC 9051 §7.1); whether it is PREAUTH.
async fn greeting(d: &mut Dialogue<'_>) -> Step<bool> {
    let line = d.line("the greeting").await?;
    d.session.greeting = Some(line.clone());
    if let Some(why) = literal(&line) {
        d.finding(codes::RESPONSE_MALFORMED, format!("the greeting: {why}"));
        return Err(Stop);
    }
    let upper = line.to_ascii_uppercase();
    if upper.starts_with("* OK") {
        return Ok(false);
    }
    if upper.starts_with("* PREAUTH") {
        return Ok(true);
    }
    if upper.starts_with("* BYE") {
        d.finding(
            codes::GREETING_REFUSED,
            format!("the server refuses the connection: {}", quoted(&line)),
        );
    } else {
        d.finding(
            codes::RESPONSE_MALFORMED,
            format!(
                "the greeting {} is not an IMAP greeting (\"* OK ...\")",
                quoted(&line)
            ),
        );
    }
    Err(Stop)
}

/// A tagged command's outcome: the untagged lines, the completion line, and whether it is OK.
struct Completion {
    untagged: Vec<String>,
    line: String,
    ok: bool,
}

/// Sends `tag command` and reads up to the tagged completion.
async fn command(d: &mut Dialogue<'_>, tag: &str, command: &str) -> Step<Completion> {
    d.send(&format!("{tag} {command}")).await?;
    let done = format!("{tag} ");
    let what = format!("the response to {command}");
    let mut untagged = d.lines(&what, |l| response_line(l, tag)).await?;
    let line = untagged.pop().unwrap_or_default();
    let ok = line
        .get(done.len()..)
        .unwrap_or_default()
        .trim_start()
        .to_ascii_uppercase()
        .starts_with("OK");
    Ok(Completion { untagged, line, ok })
}

/// Whether a line of the response to the command tagged `tag` is followed by more (`Ok(true)`)
/// or completes it (`Ok(false)`); else why it cannot be read. Every line is untagged (`* `) or
/// the completion: another tag completes no command sent, so waiting on would only end at the
/// timeout (RFC 9051 §2.2.2).
fn response_line(line: &str, tag: &str) -> Result<bool, String> {
    if let Some(why) = literal(line) {
        return Err(why);
    }
    let first = line.split(' ').next().unwrap_or_default();
    if first == "*" {
        Ok(true)
    } else if first.eq_ignore_ascii_case(tag) {
        Ok(false)
    } else if first == "+" {
        Err(format!(
            "{} asks for more of a command, but {tag} was sent whole",
            quoted(line)
        ))
    } else if first.is_empty() {
        Err(format!("{} is not an IMAP response line", quoted(line)))
    } else {
        Err(format!(
            "{} is tagged {}, but the command was sent as {tag}",
            quoted(line),
            quoted(first)
        ))
    }
}

/// Why a line that ends announcing a literal (`{123}`, or `{123+}`, RFC 9051 §4.3; RFC 7888)
/// cannot be read: no response to what the probe sends holds one, and a client would wait for
/// octets the server may never send.
fn literal(line: &str) -> Option<String> {
    let inner = line.strip_suffix('}')?.rsplit_once('{')?.1;
    let digits = inner.strip_suffix('+').unwrap_or(inner);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| {
        format!(
            "{} announces a literal of {digits} octets, which no response to CAPABILITY, \
             STARTTLS or LOGOUT holds",
            quoted(line)
        )
    })
}

/// The capabilities the server lists, as it spells them; `None` when CAPABILITY is refused.
async fn capability(d: &mut Dialogue<'_>, tag: &str) -> Step<Option<Vec<String>>> {
    let done = command(d, tag, "CAPABILITY").await?;
    if !done.ok {
        return Ok(None);
    }
    let caps = done
        .untagged
        .iter()
        .filter_map(|l| {
            l.get(..13)
                .filter(|head| head.eq_ignore_ascii_case("* CAPABILITY "))
                .map(|_| l[13..].to_string())
        })
        .flat_map(|l| {
            l.split_ascii_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    Ok(Some(caps))
}

/// The capabilities of a greeting's `[CAPABILITY ...]` response code (RFC 9051 §7.1).
fn greeting_capabilities(line: &str) -> Option<Vec<String>> {
    let start = line.to_ascii_uppercase().find("[CAPABILITY ")? + "[CAPABILITY ".len();
    let rest = line.get(start..)?;
    let list = &rest[..rest.find(']')?];
    Some(list.split_ascii_whitespace().map(str::to_string).collect())
}

fn has(caps: &[String], name: &str) -> bool {
    caps.iter().any(|c| c.eq_ignore_ascii_case(name))
}

/// Before TLS, LOGIN works unless LOGINDISABLED is listed, and AUTH=PLAIN or AUTH=LOGIN send
/// the password as it is.
fn cleartext_login(d: &mut Dialogue<'_>, caps: &[String]) {
    let mut offered: Vec<&str> = Vec::new();
    if !has(caps, "LOGINDISABLED") {
        offered.push("LOGIN (no LOGINDISABLED)");
    }
    offered.extend(
        ["AUTH=PLAIN", "AUTH=LOGIN"]
            .into_iter()
            .filter(|m| has(caps, m)),
    );
    if !offered.is_empty() {
        d.finding(
            codes::CLEARTEXT_LOGIN,
            format!(
                "before TLS the server accepts {}: a password can cross the network in clear \
                 text",
                offered.join(" and ")
            ),
        );
    }
}

async fn starttls(d: &mut Dialogue<'_>, tag: &str) -> Step<()> {
    let done = command(d, tag, "STARTTLS").await?;
    d.session.starttls = Some(done.line.clone());
    if !done.ok {
        d.finding(
            codes::STARTTLS_REJECTED,
            format!("STARTTLS is offered but answered {}", quoted(&done.line)),
        );
        return Err(Stop);
    }
    d.start_tls().await
}

/// LOGOUT: a courtesy, so a server that closes at once after its BYE is not a finding.
async fn logout(d: &mut Dialogue<'_>, tag: &str) {
    if d.send(&format!("{tag} LOGOUT")).await.is_err() {
        return;
    }
    let done = format!("{tag} ");
    for _ in 0..d.settings.limits.lines {
        let Some(line) = d.quiet_line().await else {
            return;
        };
        let last = line.to_ascii_lowercase().starts_with(&done);
        d.session.logout = Some(line);
        if last {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_untagged_lines_the_completion_and_what_cannot_be_read() {
        assert_eq!(response_line("* CAPABILITY IMAP4rev2", "a1"), Ok(true));
        assert_eq!(response_line("A1 OK done", "a1"), Ok(false));
        for (line, why) in [
            ("* CAPABILITY IMAP4rev2 {64}", "a literal of 64 octets"),
            ("a1 OK {5+}", "a literal of 5 octets"),
            (
                "a2 OK done",
                "tagged \"a2\", but the command was sent as a1",
            ),
            ("+ go ahead", "asks for more"),
        ] {
            let found = response_line(line, "a1").unwrap_err();
            assert!(found.contains(why), "{line}: {found}");
        }
        assert_eq!(literal("* OK {x}"), None);
        assert_eq!(literal("* OK {}"), None);
    }

    #[test]
    fn reads_the_capabilities_of_a_greeting() {
        let caps = greeting_capabilities("* OK [capability IMAP4rev2 STARTTLS LOGINDISABLED] hi");
        assert_eq!(caps.unwrap(), ["IMAP4rev2", "STARTTLS", "LOGINDISABLED"]);
        assert_eq!(greeting_capabilities("* OK [ALERT] hi"), None);
        assert_eq!(greeting_capabilities("* OK [CAPABILITY IMAP4rev2"), None);
    }
}
