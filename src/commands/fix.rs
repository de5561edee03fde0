//! `mailaudit fix DOMAIN`: the domain looked up as `check --no-probe` does, then the changes
//! that clear its findings (`fix::plan`), printed as zone-file lines (or the `changes` JSON);
//! `--out DIR` also writes the files to serve and, when the domain has no usable DKIM key, a new
//! one (never over an existing file). Nothing is changed in DNS. Exit 0 when there is nothing to
//! do, 1 when changes or manual work are proposed, 2 when the lookups fell short.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use rsa::pkcs8::der::zeroize::Zeroizing;

use crate::check::{CheckReport, CheckSettings, check_domain};
use crate::cli::FixArgs;
use crate::context::Ctx;
use crate::date::Date;
use crate::dkim::KeyType;
use crate::dkim::keygen::{PrivateKey, RecordOptions, TxtRecord, record_value};
use crate::dns::{Dns, RecordType, Txt};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::fix::generate::fresh_id;
use crate::fix::plan::dkim::{self, NewKey};
use crate::fix::plan::{FixIntent, plan, spf_merged_record, spf_needs_networks};
use crate::fix::split_txt;
use crate::policy::mta_sts::txt::is_valid_id;
use crate::render::Printer;
use crate::spf::audit::audit_record;
use crate::spf::networks::{self, SpfNetworks};

use super::change_files;
use super::key_files;
use super::selectors;

pub async fn run(args: FixArgs, ctx: &Ctx, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let settings = settings(&args, ctx)?;
    let mta_sts_id = match args.mta_sts_id {
        Some(id) if is_valid_id(&id) => id,
        Some(id) => {
            return Err(Error::Usage(format!(
                "--mta-sts-id {}: an id is 1 to 32 letters and digits",
                crate::sanitize::quoted(&id)
            )));
        }
        None => fresh_id(SystemTime::now()),
    };
    let dns = ctx.dns()?;
    let report = Box::pin(check_domain(&dns, &domain, &settings)).await;
    let new_key = match &args.out {
        Some(dir) if dkim::wanted(&report) => new_key(&dns, &report, &domain, dir).await?,
        _ => None,
    };
    let mut intent = FixIntent {
        rua: args.rua,
        parked: args.parked,
        softfail: args.softfail,
        include: args.include,
        ip4: args.ip4,
        ip6: args.ip6,
        ttl: args.ttl,
        mta_sts_id,
        dkim_key: new_key.as_ref().map(|(key, _)| key.clone()),
        keep: args.keep,
        spf_networks: SpfNetworks::default(),
        spf_merged: None,
    };
    spf_lookups(&dns, &report, &mut intent, settings.budget).await;
    let changes = plan(&report, &intent);
    if let Some(dir) = &args.out {
        change_files::write_new(dir, &changes.files)?;
    }
    if let (Some(dir), Some((key, pem))) = (&args.out, &new_key) {
        let (key_path, txt_path) = key_files::file_names(dir, &key.selector, &domain);
        let line = TxtRecord::new(&key.selector, &domain, key.value.clone()).zone_line;
        key_files::write_new(&key_path, pem, Some((&txt_path, &format!("{line}\n"))))?;
    }
    printer.record(&changes)?;
    let mut status = ExitStatus::new(None);
    if !changes.changes.is_empty() || !changes.manual.is_empty() {
        status.mark_failed();
    }
    if report.incomplete {
        // Findings not seen cannot be fixed: the changes may not be all there is to do.
        status.mark_incomplete();
    }
    Ok(status)
}

/// What the SPF planner needs beyond the report, looked up now so it stays pure: the audit of
/// the record several SPF records merge into, and what the tree's a/mx/ptr terms stand for.
async fn spf_lookups(dns: &Dns, report: &CheckReport, intent: &mut FixIntent, budget: Duration) {
    if let (Some(text), Some(spf)) = (spf_merged_record(report, intent), &report.spf) {
        let txt = Txt {
            strings: split_txt(text.as_bytes()),
        };
        let mut merged = audit_record(dns, &report.domain, txt, budget).await;
        merged.published.clone_from(&spf.published);
        intent.spf_merged = Some(merged);
    }
    let audited = intent.spf_merged.as_ref().or(report.spf.as_ref());
    let needed = audited.filter(|s| spf_needs_networks(s));
    if let Some(tree) = needed.and_then(|s| s.tree.as_ref()) {
        intent.spf_networks = networks::lookup(dns, &report.domain, tree, budget).await;
    }
}

/// A new RSA key for the domain, made in memory under this quarter's selector, with its PEM; the
/// files are written once the rest has been. `None` when both quarters' selectors are taken (or
/// cannot be looked up).
async fn new_key(
    dns: &Dns,
    report: &CheckReport,
    domain: &str,
    dir: &Path,
) -> Result<Option<(NewKey, Zeroizing<String>)>, Error> {
    let mut free = None;
    for selector in dkim::selectors_for(report, Date::today()) {
        let name = selector.record_name(domain);
        if let Ok(answer) = dns.lookup(&name, RecordType::Txt).await
            && crate::dns::txts(answer.records()).is_empty()
        {
            free = Some(selector);
            break;
        }
    }
    let Some(selector) = free else {
        return Ok(None);
    };
    let (key_path, txt_path) = key_files::file_names(dir, &selector, domain);
    // Refuse before the (slow) generation when a file is in the way; `write_new` checks again.
    for path in [&key_path, &txt_path] {
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(crate::error::KeyFileError::Exists(path.clone()).into());
        }
    }
    let key = PrivateKey::generate(KeyType::Rsa, 2048)?;
    let value = record_value(KeyType::Rsa, &key.p_value()?, &RecordOptions::default());
    let new = NewKey {
        selector,
        value,
        key_file: key_path.display().to_string(),
    };
    Ok(Some((new, key.to_pkcs8_pem()?)))
}

/// What `check --no-probe` looks at: the DNS areas and the MTA-STS policy, with the given
/// selectors or the ones discovery tries (the rotation state's too), and the config file's
/// settings for the domain (selectors, parked).
fn settings(args: &FixArgs, ctx: &Ctx) -> Result<CheckSettings, Error> {
    let dkim_selectors = selectors::parse(&args.selectors)?;
    let dkim_candidates = selectors::candidates(&dkim_selectors, None)?;
    Ok(CheckSettings {
        budget: ctx.config.budget,
        dkim_selectors,
        dkim_candidates,
        bimi_selector: "default".into(),
        mta_sts: ctx.fetch_settings()?,
        parked: args.parked,
        probe: None,
        clients: None,
        dnssec: None,
        per_domain: Arc::new(selectors::per_domain(!args.selectors.is_empty(), ctx)?),
    })
}
