//! The author of a message (RFC 5322 §3.6.2, RFC 9989 §4.4): the one `From:` address whose
//! domain DMARC is evaluated for. Several From fields or addresses, or none, leave DMARC without
//! a domain, and RFC 9989 says so rather than picking one.

use super::read::Message;

/// Most addresses counted in one From field; past it the field is several addresses anyway.
const MAX_ADDRESSES: usize = 100;

/// Why the message has no single author domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FromProblem {
    /// No From field at all.
    Missing,
    /// More than one From field.
    SeveralFields(usize),
    /// One From field naming more than one address.
    SeveralAddresses(usize),
    /// The address has no usable domain (the text given, unescaped).
    NoDomain(String),
}

/// The From address and its domain (lowercase, no trailing dot).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub address: String,
    pub domain: String,
}

/// The message's one author.
pub fn author(message: &Message) -> Result<Author, FromProblem> {
    let fields: Vec<_> = message.fields("From").collect();
    let field = match fields.as_slice() {
        [] => return Err(FromProblem::Missing),
        [one] => one,
        many => return Err(FromProblem::SeveralFields(many.len())),
    };
    let value = String::from_utf8_lossy(field.value());
    let addresses = addresses(&value);
    let address = match addresses.as_slice() {
        [] => return Err(FromProblem::NoDomain(value.trim().to_string())),
        [one] => one.clone(),
        many => return Err(FromProblem::SeveralAddresses(many.len())),
    };
    let domain = address
        .rsplit_once('@')
        .map(|(_, d)| d.trim().trim_start_matches('[').trim_end_matches(']'))
        .and_then(|d| crate::dns::name::normalize_domain(d).ok())
        .ok_or_else(|| FromProblem::NoDomain(address.clone()))?;
    Ok(Author { address, domain })
}

/// The addr-specs of a mailbox list: each comma-separated mailbox (commas inside quotes,
/// comments and angle brackets do not separate), its `<...>` when it has one.
fn addresses(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    for mailbox in split_mailboxes(value).into_iter().take(MAX_ADDRESSES) {
        let mailbox = without_comments(&mailbox);
        let spec = match (mailbox.find('<'), mailbox.rfind('>')) {
            (Some(open), Some(close)) if open < close => mailbox[open + 1..close].to_string(),
            _ => mailbox.trim().to_string(),
        };
        // A group's display name ("undisclosed:;") is no address.
        let spec = spec.rsplit_once(':').map_or(spec.as_str(), |(_, s)| s);
        let spec = spec.trim().trim_end_matches(';').trim();
        if !spec.is_empty() {
            out.push(spec.to_string());
        }
    }
    out
}

/// The mailbox list split at commas outside quotes, comments and angle brackets.
fn split_mailboxes(value: &str) -> Vec<String> {
    let (mut parts, mut current) = (Vec::new(), String::new());
    let (mut quoted, mut escaped, mut comment, mut angle) = (false, false, 0usize, false);
    for c in value.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' && (quoted || comment > 0) {
            escaped = true;
        } else if c == '"' && comment == 0 {
            quoted = !quoted;
        } else if !quoted && c == '(' {
            comment += 1;
        } else if !quoted && c == ')' {
            comment = comment.saturating_sub(1);
        } else if !quoted && comment == 0 && c == '<' {
            angle = true;
        } else if !quoted && comment == 0 && c == '>' {
            angle = false;
        } else if c == ',' && !quoted && comment == 0 && !angle {
            parts.push(std::mem::take(&mut current));
            continue;
        }
        current.push(c);
    }
    parts.push(current);
    parts.retain(|p| !p.trim().is_empty());
    parts
}

/// `text` without its comments and quoted display names, so an `@` or `<` in them counts not.
fn without_comments(text: &str) -> String {
    let mut out = String::new();
    let (mut quoted, mut escaped, mut comment) = (false, false, 0usize);
    for c in text.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' if quoted || comment > 0 => escaped = true,
            '"' if comment == 0 => quoted = !quoted,
            '(' if !quoted => comment += 1,
            ')' if !quoted && comment > 0 => comment -= 1,
            _ if quoted || comment > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(head: &str) -> Result<Author, FromProblem> {
        let text = format!("{head}\r\n\r\nbody\r\n");
        author(&Message::parse(text.as_bytes()).unwrap())
    }

    #[test]
    fn one_address_in_its_forms() {
        for head in [
            "From: alice@Example.COM",
            "From: Alice <alice@example.com>",
            "From: \"Smith, Alice <x@evil.test>\" <alice@example.com>",
            "From: alice@example.com (Alice, at@evil.test)",
            "From:\r\n Alice\r\n <alice@example.com.>",
        ] {
            let a = of(head).unwrap();
            assert_eq!(a.domain, "example.com", "{head}");
        }
    }

    #[test]
    fn none_or_several_is_a_problem() {
        assert_eq!(of("To: b@example.net"), Err(FromProblem::Missing));
        assert_eq!(
            of("From: a@example.com\r\nFrom: b@example.org"),
            Err(FromProblem::SeveralFields(2))
        );
        assert_eq!(
            of("From: a@example.com, Bob <b@example.org>"),
            Err(FromProblem::SeveralAddresses(2))
        );
        assert!(matches!(of("From: alice"), Err(FromProblem::NoDomain(_))));
        assert!(matches!(
            of("From: undisclosed:;"),
            Err(FromProblem::NoDomain(_))
        ));
    }
}
