//! SPF explanations (RFC 7208 §6.2): the exp= text of a fail — its domain-spec expanded, the one
//! TXT record there read as an explain-string and expanded — or nothing when any step fails, in
//! which case check_host() gives its default text.

use crate::dns::{Answer, RecordType};
use crate::spf::SpfRecord;
use crate::spf::macros::MacroString;

use super::evaluator::Evaluator;
use super::expand::{Values, expand};
use super::trace::TermOutcome;

impl Evaluator<'_> {
    /// §6.2: the exp= text for a fail at this level, or `None` when there is no usable one.
    pub(super) async fn explain(&mut self, record: &SpfRecord, domain: &str) -> Option<String> {
        let (term, spec) = record.exp_term()?;
        let index = self.trace.open_term(record.term_text(term));
        let result = self.explanation_text(spec, domain, index).await;
        match &result {
            Ok(_) => self.trace.close_term(index, TermOutcome::Applied, None),
            Err(why) => self
                .trace
                .close_term(index, TermOutcome::Ignored, Some(why.clone())),
        }
        result.ok()
    }

    async fn explanation_text(
        &mut self,
        spec: &MacroString,
        domain: &str,
        index: usize,
    ) -> Result<String, String> {
        let name = self.target(Some(spec), domain, RecordType::Txt).await?;
        self.trace.set_target(index, &name);
        let records = match self.lookup(&name, RecordType::Txt).await {
            Ok(Answer::Records(records)) => records,
            Ok(answer) => return Err(format!("{name} TXT: {answer}")),
            Err(e) => return Err(e.detail),
        };
        let txts = crate::dns::txts(&records);
        let [txt] = txts.as_slice() else {
            return Err(format!("{name} has {} TXT records, not one", txts.len()));
        };
        let bytes = txt.joined();
        if !bytes.is_ascii() {
            return Err(format!("the text at {name} is not ASCII"));
        }
        let text = String::from_utf8_lossy(&bytes);
        let spec = MacroString::parse(&text, true).map_err(|e| {
            format!(
                "the text at {name} is not a valid explain-string: {}",
                e.message
            )
        })?;
        let ptr = self.ptr_value(&spec, domain).await;
        let values = Values {
            ctx: &self.ctx,
            domain,
            ptr: ptr.as_deref(),
        };
        Ok(expand(&spec, &values))
    }
}
