//! `mailaudit dkim keygen`: a new key pair (RFC 8301 sizes, RFC 8463 Ed25519), written as a
//! PKCS#8 PEM private key (0600) and a zone-file TXT line, both created new.

use std::path::PathBuf;

use crate::cli::{DkimKeygenArgs, HashAlgorithm, Service};
use crate::dkim::KeyType;
use crate::dkim::keygen::{KeygenReport, PrivateKey, RecordOptions, TxtRecord, record_value};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::render::Printer;

use super::key_files::{file_names, write_new};
use crate::context::Ctx;

pub fn run(
    args: DkimKeygenArgs,
    ctx: &Ctx,
    printer: &mut Printer<'_>,
) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let dir = args.out.clone().unwrap_or_else(|| PathBuf::from("."));
    let (key_path, txt_path) = file_names(&dir, &args.selector, &domain);
    // Refuse before the (slow) generation when a file is in the way; `write_new` checks again.
    for path in [&key_path, &txt_path] {
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(crate::error::KeyFileError::Exists(path.clone()).into());
        }
    }
    let algorithm = KeyType::from(args.algorithm);
    let key = PrivateKey::generate(algorithm, args.bits)?;
    let options = RecordOptions {
        testing: args.testing,
        hash: args.hash.map(|HashAlgorithm::Sha256| "sha256".to_string()),
        service: args.service.map(|Service::Email| "email".to_string()),
    };
    let record = TxtRecord::new(
        &args.selector,
        &domain,
        record_value(algorithm, &key.p_value()?, &options),
    );
    let pem = key.to_pkcs8_pem()?;
    write_new(
        &key_path,
        &pem,
        Some((&txt_path, &format!("{}\n", record.zone_line))),
    )?;
    printer.record(&KeygenReport {
        domain,
        selector: args.selector.to_string(),
        algorithm,
        bits: key.public_data().bits(),
        record,
        key_file: key_path.display().to_string(),
        txt_file: txt_path.display().to_string(),
    })?;
    Ok(ctx.config.exit_status())
}
