//! PDF: the text layer. pdf-extract reads the file, its fonts and their Unicode maps, and hands
//! over each glyph with its position; [`super::pdf_glyphs`] rebuilds words and lines from those
//! positions (pdf-extract's own layout splits letter-spaced words). The library can panic on
//! damaged files, so it runs under `catch_unwind`; a PDF with no text (a scan) is skipped with
//! that reason. The caller's size limit bounds the memory one PDF can take.

use std::panic::{catch_unwind, AssertUnwindSafe};

use super::pdf_glyphs::GlyphText;
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
    let extracted = catch_unwind(AssertUnwindSafe(|| text_layer(bytes)));
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
    let titled = title_and_body(&text);
    Ok(SourceRecord {
        title: titled.title,
        body: titled.body,
        ..SourceRecord::default()
    })
}

/// The text of every page, through pdf-extract's glyphs; an encrypted PDF is opened with the empty
/// password (what viewers do for files that only restrict printing or copying).
fn text_layer(bytes: &[u8]) -> Result<String, pdf_extract::OutputError> {
    let mut doc = pdf_extract::Document::load_mem(bytes)?;
    if doc.is_encrypted() {
        doc.decrypt("")?;
    }
    let mut glyphs = GlyphText::default();
    pdf_extract::output_doc(&doc, &mut glyphs)?;
    Ok(glyphs.text)
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

    use crate::readers::minimal_pdf::pdf_drawing;

    #[test]
    fn browser_printed_pdf_keeps_its_words_whole() {
        let record = read_pdf(include_bytes!(
            "../../../../tests/fixtures/pdf/browser-print.pdf"
        ))
        .unwrap();
        assert_eq!(record.title, "ATTAQUE CONTRE LE DÉTACHEMENT DE DIAPAGA");
        for whole in [
            "Les VDP et les FDS ont repoussé",
            "détachement de\nDiapaga, dans la province",
            "à Botou",
            "l'axe Fada–Diapaga",
        ] {
            assert!(
                record.body.contains(whole),
                "{whole:?} not in {}",
                record.body
            );
        }
        for split in ["D iapaga", "VD P", "FD S", "V D P", "B otou"] {
            assert!(!record.body.contains(split), "{split:?} in {}", record.body);
        }
    }

    #[test]
    fn office_printed_pdf_keeps_its_letter_spaced_title_whole() {
        let record = read_pdf(include_bytes!(
            "../../../../tests/fixtures/pdf/office-print.pdf"
        ))
        .unwrap();
        assert_eq!(record.title, "NOTE DE SITUATION : GOROM-GOROM ET");
        assert!(
            record
                .body
                .contains("Les VDP et les FDS ont sécurisé l'axe Dori–Gorom-Gorom"),
            "{}",
            record.body
        );
        assert!(
            record
                .body
                .contains("de Markoye, dans la province de l'Oudalan"),
            "{}",
            record.body
        );
    }

    #[test]
    fn words_placed_apart_without_spaces_are_separated() {
        // TeX's way: no space glyphs, each word moved by a TJ offset of a third of the size.
        let record = read_pdf(&pdf_drawing(
            "BT /F1 12 Tf 72 720 Td [(Attaque)-333(contre)-333(le)-333(camp)-333(de)-333(Boni)] TJ ET",
        ))
        .unwrap();
        assert_eq!(record.title, "Attaque contre le camp de Boni");
    }

    #[test]
    fn character_spacing_does_not_split_words() {
        // Tc letter-spacing of 0.2 em, spaces drawn.
        let record = read_pdf(&pdf_drawing(
            "BT /F1 12 Tf 2.4 Tc 72 720 Td (Les VDP et les FDS a Diapaga) Tj ET",
        ))
        .unwrap();
        assert_eq!(record.title, "Les VDP et les FDS a Diapaga");
    }
}
