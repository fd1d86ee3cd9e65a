//! PDF: the text layer, through `pdf-extract`. The library can panic on damaged files, so it runs
//! under `catch_unwind`; a PDF with no text (a scan) is skipped with that reason. The caller's size
//! limit bounds the memory one PDF can take.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::cleanup::title_and_body;
use crate::problem::SkipReason;
use crate::record::SourceRecord;

/// Reads the text layer of a PDF held in memory.
pub fn read_pdf(bytes: &[u8]) -> Result<SourceRecord, SkipReason> {
    if !bytes.starts_with(b"%PDF")
        && !bytes[..bytes.len().min(1024)]
            .windows(4)
            .any(|w| w == b"%PDF")
    {
        return Err(SkipReason::BrokenPdf("no %PDF header".into()));
    }
    let extracted = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem(bytes)
    }));
    let text = match extracted {
        Ok(Ok(text)) => text,
        Ok(Err(err)) => return Err(SkipReason::BrokenPdf(err.to_string())),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "the PDF reader crashed".into());
            return Err(SkipReason::BrokenPdf(msg));
        }
    };
    if text.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return Err(SkipReason::NoTextLayer);
    }
    // pdf-extract separates some words with runs of spaces and breaks lines mid-sentence.
    let titled = title_and_body(&text);
    Ok(SourceRecord {
        title: titled.title,
        body: titled.body,
        ..SourceRecord::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_a_broken_pdf_not_a_panic() {
        assert!(matches!(
            read_pdf(b"%PDF-1.4\n garbage garbage"),
            Err(SkipReason::BrokenPdf(_))
        ));
        assert!(matches!(
            read_pdf(b"not a pdf at all"),
            Err(SkipReason::BrokenPdf(_))
        ));
    }
}
