//! The recipient test of `--rcpt-test` (RFC 5321 §4.5.1, §4.5.5): `MAIL FROM:<>` — the null
//! reverse-path bounces are sent with — then `RCPT TO:<postmaster@DOMAIN>`, which every domain
//! that accepts mail must accept, then RSET. No DATA is ever sent.

use super::session::{Dialogue, Step};
use super::{RcptTest, Reply, codes, lints};

impl Dialogue<'_> {
    pub(super) async fn rcpt_test(&mut self, recipient: &str) -> Step<()> {
        let mut test = RcptTest {
            recipient: recipient.to_string(),
            mail_from: None,
            rcpt_to: None,
            accepted: None,
        };
        let mail = self.command("MAIL FROM:<>", "the reply to MAIL FROM").await;
        let mail = self.keep_rcpt(&mut test, mail, |t, r| t.mail_from = Some(r))?;
        if mail.is_positive() {
            let line = format!("RCPT TO:<{recipient}>");
            let rcpt = self.command(&line, "the reply to RCPT TO").await;
            let rcpt = self.keep_rcpt(&mut test, rcpt, |t, r| t.rcpt_to = Some(r))?;
            test.accepted = Some(matches!(rcpt.code, 250 | 251));
            if !rcpt.is_positive() {
                self.refused(lints::refused(codes::POSTMASTER_REJECTED, &line, &rcpt));
            }
        } else {
            self.refused(lints::refused(
                codes::NULL_SENDER_REJECTED,
                "MAIL FROM:<>",
                &mail,
            ));
        }
        self.session.rcpt_test = Some(test);
        let rset = self.command("RSET", "the reply to RSET").await?;
        if !rset.is_positive() {
            self.finding(
                codes::UNEXPECTED_REPLY,
                format!("RSET got {}", rset.summary()),
            );
        }
        Ok(())
    }

    /// Records a refusal, a warning when it is temporary.
    fn refused(&mut self, (found, severity): (lints::Found, Option<crate::finding::Severity>)) {
        self.record(found);
        if let (Some(severity), Some(f)) = (severity, self.findings.last_mut()) {
            f.severity = severity;
        }
    }

    /// Keeps a reply of the recipient test (or the test so far, when the session ended).
    fn keep_rcpt(
        &mut self,
        test: &mut RcptTest,
        reply: Step<Reply>,
        put: impl FnOnce(&mut RcptTest, Reply),
    ) -> Step<Reply> {
        match reply {
            Ok(r) => {
                put(test, r.clone());
                Ok(r)
            }
            Err(stop) => {
                self.session.rcpt_test = Some(test.clone());
                Err(stop)
            }
        }
    }
}
