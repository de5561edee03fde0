//! Where `lint` reads a record: the argument itself, a file it names, or stdin (`-`); files and
//! stdin are read up to a bound, so a device or an endless pipe cannot exhaust memory.

use std::io::Read;
use std::path::Path;

use crate::dns::Txt;
use crate::error::Error;
use crate::sanitize::escape;

/// The most a record file (or stdin) may hold: a TXT record over TCP is at most 64 KiB.
pub const MAX_RECORD_INPUT: u64 = 64 * 1024;

/// The record `arg` stands for. An argument that names an existing file is read from it, and so
/// is one without any `=` (every tag-value record has one, so it can only be a file name, and a
/// missing file is an error rather than a record to lint); anything else is the record itself.
pub fn read(arg: &str) -> Result<Txt, Error> {
    let (bytes, from) = if arg == "-" {
        (read_bounded(std::io::stdin().lock(), "stdin")?, "stdin")
    } else if Path::new(arg).is_file() || !arg.contains('=') {
        let file = std::fs::File::open(arg).map_err(|e| failed(arg, &e.to_string()))?;
        (read_bounded(file, arg)?, arg)
    } else {
        return Ok(Txt::from_typed(arg)?);
    };
    match String::from_utf8(bytes) {
        Ok(text) => Txt::from_typed(&text).map_err(|e| failed(from, &e.to_string())),
        // Bytes that are not UTF-8 are kept as they are, for the lints to point at.
        Err(e) => Ok(Txt {
            strings: vec![e.into_bytes().trim_ascii().to_vec()],
        }),
    }
}

fn read_bounded(input: impl Read, from: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    input
        .take(MAX_RECORD_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| failed(from, &e.to_string()))?;
    if bytes.len() as u64 > MAX_RECORD_INPUT {
        return Err(failed(from, "more than 64 KiB, which no record is"));
    }
    Ok(bytes)
}

fn failed(from: &str, message: &str) -> Error {
    Error::RecordRead {
        from: escape(from),
        message: escape(message),
    }
}
