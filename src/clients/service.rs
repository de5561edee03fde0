//! The six services of RFC 6186 and RFC 8314 §5.1: their SRV names, standard ports, protocol
//! and how each starts TLS.

use serde::Serialize;

use crate::smtp::TlsMode;

/// A mail-client service with an RFC 6186 SRV name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Service {
    /// Message submission over implicit TLS (RFC 8314 §3.3), port 465.
    Submissions,
    /// Message submission with STARTTLS (RFC 6409), port 587.
    Submission,
    /// IMAP over implicit TLS, port 993.
    Imaps,
    /// IMAP with STARTTLS, port 143.
    Imap,
    /// POP3 over implicit TLS, port 995.
    Pop3s,
    /// POP3 with STLS, port 110.
    Pop3,
}

/// The protocol an endpoint speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Smtp,
    Imap,
    Pop3,
}

impl Service {
    /// Every service, implicit TLS first, as RFC 8314 prefers.
    pub const ALL: [Self; 6] = [
        Self::Submissions,
        Self::Submission,
        Self::Imaps,
        Self::Imap,
        Self::Pop3s,
        Self::Pop3,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Submissions => "submissions",
            Self::Submission => "submission",
            Self::Imaps => "imaps",
            Self::Imap => "imap",
            Self::Pop3s => "pop3s",
            Self::Pop3 => "pop3",
        }
    }

    /// The service called `name` (as `--service` and `--port` take it).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name))
    }

    /// The SRV owner name below `domain`.
    pub fn srv_name(self, domain: &str) -> String {
        format!("_{}._tcp.{domain}", self.name())
    }

    /// The ports a client tries without SRV records; 2525 is the usual fallback where
    /// providers block 587.
    pub fn standard_ports(self) -> &'static [u16] {
        match self {
            Self::Submissions => &[465],
            Self::Submission => &[587, 2525],
            Self::Imaps => &[993],
            Self::Imap => &[143],
            Self::Pop3s => &[995],
            Self::Pop3 => &[110],
        }
    }

    pub fn protocol(self) -> Protocol {
        match self {
            Self::Submissions | Self::Submission => Protocol::Smtp,
            Self::Imaps | Self::Imap => Protocol::Imap,
            Self::Pop3s | Self::Pop3 => Protocol::Pop3,
        }
    }

    pub fn tls_mode(self) -> TlsMode {
        match self {
            Self::Submissions | Self::Imaps | Self::Pop3s => TlsMode::Implicit,
            Self::Submission | Self::Imap | Self::Pop3 => TlsMode::Starttls,
        }
    }

    /// The implicit-TLS service RFC 8314 prefers to this STARTTLS one.
    pub fn implicit_counterpart(self) -> Option<Self> {
        match self {
            Self::Submission => Some(Self::Submissions),
            Self::Imap => Some(Self::Imaps),
            Self::Pop3 => Some(Self::Pop3s),
            Self::Submissions | Self::Imaps | Self::Pop3s => None,
        }
    }

    /// What the command that starts TLS is called in this protocol.
    pub fn starttls_command(self) -> &'static str {
        match self.protocol() {
            Protocol::Pop3 => "STLS",
            Protocol::Smtp | Protocol::Imap => "STARTTLS",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_pair_up() {
        for s in Service::ALL {
            assert_eq!(Service::from_name(s.name()), Some(s));
            if let Some(implicit) = s.implicit_counterpart() {
                assert_eq!(implicit.tls_mode(), TlsMode::Implicit);
                assert_eq!(implicit.protocol(), s.protocol());
            }
        }
        assert_eq!(
            Service::Imaps.srv_name("example.com"),
            "_imaps._tcp.example.com"
        );
        assert_eq!(Service::from_name("IMAP"), Some(Service::Imap));
        assert_eq!(Service::from_name("smtp"), None);
    }
}
