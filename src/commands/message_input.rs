//! Where a command reads a message (RFC 5322): a file it names, or stdin (`-`), read up to the
//! message bound plus one byte, so a larger input is refused rather than read whole.

use std::io::Read;

use crate::error::Error;
use crate::message::ReadError;
use crate::message::read::MAX_MESSAGE_BYTES;
use crate::sanitize::escape;

/// The bytes of the message `arg` names, and how to name it in messages.
pub fn read(arg: &str) -> Result<(Vec<u8>, String), Error> {
    let from = if arg == "-" {
        "from standard input".to_string()
    } else {
        escape(arg)
    };
    let failed = |source: std::io::Error| Error::Input {
        path: escape(arg),
        source,
    };
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_MESSAGE_BYTES).unwrap_or(u64::MAX) + 1;
    if arg == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(failed)?;
    } else {
        let file = std::fs::File::open(arg).map_err(failed)?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(failed(std::io::Error::other("it is a directory")));
        }
        file.take(limit).read_to_end(&mut bytes).map_err(failed)?;
    }
    if bytes.len() > MAX_MESSAGE_BYTES {
        return Err(Error::Message {
            from,
            source: ReadError::TooLarge {
                limit: MAX_MESSAGE_BYTES,
            },
        });
    }
    Ok((bytes, from))
}
