//! `mailaudit dkim sign`: a message written to stdout with a DKIM-Signature field on top
//! (RFC 6376 §5, RFC 8463), made with a private key file. Nothing else is written.

use crate::cli::{CanonicalizationArg, DkimSignArgs};
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::message::Message;
use crate::message::canon::Canonicalization::{Relaxed, Simple};
use crate::message::sign::{SignOptions, sign};
use crate::message::signing_key::SigningKey;
use crate::render::Printer;

use super::key_files::read_key;
use super::message_input;

pub fn run(args: DkimSignArgs, printer: &mut Printer<'_>) -> Result<ExitStatus, Error> {
    let domain = crate::dns::name::normalize_domain(&args.domain)?;
    let key = SigningKey::from_pem(&read_key(&args.key)?)?;
    let (bytes, from) = message_input::read(&args.message)?;
    let message = Message::parse(&bytes).map_err(|source| Error::Message { from, source })?;
    let (header_canonicalization, body_canonicalization) = match args.canonicalization {
        CanonicalizationArg::RelaxedRelaxed => (Relaxed, Relaxed),
        CanonicalizationArg::RelaxedSimple => (Relaxed, Simple),
        CanonicalizationArg::SimpleRelaxed => (Simple, Relaxed),
        CanonicalizationArg::SimpleSimple => (Simple, Simple),
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let options = SignOptions {
        domain,
        selector: args.selector,
        header_canonicalization,
        body_canonicalization,
        now,
        expire_after: args.expire.map(|days| days * 86_400),
        headers: args.headers,
    };
    let field = sign(&message, &key, &options)?;
    // The field goes first (after an mbox `From ` line), in the file's own line endings.
    let (mbox_line, rest) = if message.mbox_from {
        let end = bytes
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| p + 1);
        bytes.split_at(end)
    } else {
        bytes.split_at(0)
    };
    let field = if message.bare_lf {
        field.replace("\r\n", "\n")
    } else {
        field
    };
    printer.raw(mbox_line)?;
    printer.raw(field.as_bytes())?;
    printer.raw(rest)?;
    Ok(ExitStatus::new(None))
}
