//! Arguments of `verify` (RFC 7208, RFC 6376, RFC 9989): a received message and what the
//! receiver knew of the SMTP session.

use std::net::IpAddr;

use clap::Args;

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The message file (RFC 5322; CRLF or LF, an mbox `From ` line tolerated); `-` reads
    /// standard input
    #[arg(value_name = "FILE")]
    pub message: String,
    /// The connecting client's IP address, for SPF
    #[arg(long)]
    pub ip: Option<IpAddr>,
    /// The MAIL FROM address ("" for the null sender) [default: the Return-Path field's]
    #[arg(long, value_name = "ADDRESS")]
    pub mail_from: Option<String>,
    /// The HELO/EHLO name the client gave
    #[arg(long, value_name = "NAME")]
    pub helo: Option<String>,
    /// The receiving MTA's name (repeatable): without --ip, SPF is checked for the client of the
    /// topmost Received field it added
    #[arg(long = "trusted-host", value_name = "NAME")]
    pub trusted_hosts: Vec<String>,
}
