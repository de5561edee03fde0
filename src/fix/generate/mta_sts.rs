//! `generate mta-sts` (RFC 8461): the `_mta-sts` TXT record (§3.1) and the policy file senders
//! fetch from `https://mta-sts.DOMAIN/.well-known/mta-sts.txt` (§3.2), its lines ending in CRLF.

use std::fmt::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::date::Date;
use crate::dns::Txt;
use crate::fix::{Change, Changes, File, Manual};
use crate::policy::mta_sts::txt::is_valid_id;
use crate::policy::mta_sts::{
    self, HOST_LABEL, MAX_AGE_LIMIT, Mode, POLICY_PATH, RECORD_LABEL, VERSION, codes,
};

use super::{GenerateError, distinct, domain, invalid, vetted, with_notes};

/// The policy a domain asks senders to apply to its MX hosts.
#[derive(Debug, Clone)]
pub struct MtaStsIntent {
    pub domain: String,
    pub mode: Mode,
    /// MX host names, or patterns `*.example.com` for one label below.
    pub mx: Vec<String>,
    /// Seconds senders keep the policy.
    pub max_age: u64,
    /// The record's `id`: a new one each time the policy changes (see [`fresh_id`]).
    pub id: String,
    pub ttl: u32,
}

/// An `id` from the time, `YYYYMMDDHHMMSS` in UTC: a new one for each policy, in order.
pub fn fresh_id(now: SystemTime) -> String {
    let secs = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (year, month, day) =
        Date::from_ymd(1970, 1, 1).map_or((1970, 1, 1), |epoch| epoch.add_days(days).ymd());
    let time = secs % 86_400;
    format!(
        "{year:04}{month:02}{day:02}{:02}{:02}{:02}",
        time / 3600,
        time / 60 % 60,
        time % 60
    )
}

/// The TXT record and the policy file for `intent`; serving the file is work for a person.
pub fn mta_sts(intent: &MtaStsIntent) -> Result<Changes, GenerateError> {
    let domain = domain(&intent.domain)?;
    if !is_valid_id(&intent.id) {
        return Err(invalid(format!(
            "--id {}: an id is 1 to 32 letters and digits",
            crate::sanitize::quoted(&intent.id)
        )));
    }
    if intent.max_age == 0 || intent.max_age > MAX_AGE_LIMIT {
        return Err(invalid(format!(
            "--max-age {}: from 1 to {MAX_AGE_LIMIT} seconds (RFC 8461 §3.2)",
            intent.max_age
        )));
    }
    let mx = distinct(
        intent
            .mx
            .iter()
            .map(|m| pattern(m))
            .collect::<Result<_, _>>()?,
    );
    if mx.is_empty() && intent.mode != Mode::None {
        return Err(invalid(format!(
            "mode {} needs the MX hosts senders may deliver to: give --mx",
            mode_name(intent.mode)
        )));
    }
    let value = format!("v={VERSION}; id={}", intent.id);
    let host = format!("{HOST_LABEL}.{domain}");
    let url = format!("https://{host}{POLICY_PATH}");
    let mut content = format!("version: {VERSION}\r\nmode: {}\r\n", mode_name(intent.mode));
    for m in &mx {
        let _ = write!(content, "mx: {m}\r\n");
    }
    let _ = write!(content, "max_age: {}\r\n", intent.max_age);
    let mut findings = mta_sts::lint_record(&Txt::single(&value)).findings;
    findings.extend(mta_sts::lint_policy(&url, content.as_bytes()).findings);
    let notes = vetted(&findings)?;
    let why = format!(
        "MTA-STS record of {domain}: senders fetch its policy from {url}, and fetch it again \
         whenever the id changes."
    );
    let manual = Manual {
        code: codes::POLICY_HOST_MISSING.as_str().to_string(),
        subject: host.clone(),
        why: format!(
            "Publish an address for {host} and serve the policy file at {url} over HTTPS with a \
             certificate valid for {host} (RFC 8461 §3.3), before the TXT record."
        ),
    };
    Ok(Changes {
        changes: vec![Change::add_txt(
            &format!("{RECORD_LABEL}.{domain}"),
            &value,
            intent.ttl,
            with_notes(why, &notes),
        )],
        files: vec![File { url, content }],
        manual: vec![manual],
    })
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Enforce => "enforce",
        Mode::Testing => "testing",
        Mode::None => "none",
    }
}

/// An MX host name, or `*.` and a name (§3.2: one left-most label), normalised.
/// An `mx` pattern as a policy lists it: a host name, or `*.` and a domain, lowercase.
pub fn pattern(input: &str) -> Result<String, GenerateError> {
    let input = input.trim();
    match input.strip_prefix("*.") {
        Some(name) => Ok(format!("*.{}", domain(name)?)),
        None => domain(input),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn intent(mode: Mode) -> MtaStsIntent {
        MtaStsIntent {
            domain: "example.com".into(),
            mode,
            mx: vec!["MX1.example.com.".into(), "*.mail.example.com".into()],
            max_age: 604_800,
            id: "20250102030405".into(),
            ttl: 3600,
        }
    }

    #[test]
    fn ids_come_from_the_utc_time() {
        let at = UNIX_EPOCH + Duration::from_secs(1_735_787_045);
        assert_eq!(fresh_id(at), "20250102030405");
        assert!(is_valid_id(&fresh_id(SystemTime::now())));
    }

    #[test]
    fn record_and_policy() {
        let c = mta_sts(&intent(Mode::Enforce)).unwrap();
        assert_eq!(c.changes[0].name, "_mta-sts.example.com.");
        assert_eq!(c.changes[0].new, ["\"v=STSv1; id=20250102030405\""]);
        assert_eq!(
            c.files[0].url,
            "https://mta-sts.example.com/.well-known/mta-sts.txt"
        );
        assert_eq!(
            c.files[0].content,
            "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: *.mail.example.com\r\n\
             max_age: 604800\r\n"
        );
        assert_eq!(c.manual[0].subject, "mta-sts.example.com");
    }

    #[test]
    fn refusals() {
        let mut i = intent(Mode::Testing);
        i.mx.clear();
        assert!(mta_sts(&i).unwrap_err().to_string().contains("give --mx"));
        i.mode = Mode::None;
        assert!(mta_sts(&i).is_ok(), "mode none needs no MX host");
        for id in ["", "2025-01-02", &"1".repeat(33)] {
            let mut i = intent(Mode::Enforce);
            i.id = id.into();
            assert!(mta_sts(&i).is_err(), "{id}");
        }
        let mut i = intent(Mode::Enforce);
        i.mx = vec!["*.*.example.com".into()];
        assert!(mta_sts(&i).is_err());
        i.mx = vec!["mx.example.com".into()];
        i.max_age = MAX_AGE_LIMIT + 1;
        assert!(mta_sts(&i).is_err());
    }
}
