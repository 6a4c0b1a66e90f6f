//! PDF reader: `pdf-extract` (layout-aware text from glyph positions), page by page.
//!
//! Before the reader runs, [`pdf_guard`] measures the compressed streams and refuses
//! recursive structures, and [`pdf_widths`] rewrites the glyph widths of CID fonts into the
//! form the reader understands (without them typst's glyphs all stand at one spot). The
//! reader draws each page into [`LineText`], which makes lines and spaces from the glyph
//! positions. Each page is extracted inside its own `catch_unwind`, so a page
//! that makes the reader panic is skipped with a warning instead of losing the whole file
//! (the whole file is additionally isolated by the caller). Pages are joined with a line
//! that holds only a form feed (`\x0c`).

use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::Document;

use crate::isolate::panic_message;
use crate::pdf_text::LineText;
use crate::{ExtractError, Format, Limits, pdf_guard, pdf_widths};

/// Most page failures listed one by one in the warnings.
const MAX_PAGE_WARNINGS: usize = 10;

/// Reads the text of a PDF.
pub(crate) fn read(bytes: &[u8], limits: &Limits) -> Result<(String, Vec<String>), ExtractError> {
    pdf_guard::prescan(bytes, limits)?;
    let mut doc = Document::load_mem(bytes).map_err(|err| ExtractError::CorruptPdf {
        detail: err.to_string(),
    })?;
    if doc.is_encrypted() {
        // Many PDFs are "encrypted" only to restrict permissions and open without a
        // password; those are read. A real user password cannot be supplied here.
        doc.decrypt("").map_err(|_| ExtractError::EncryptedPdf)?;
    }
    pdf_guard::measure_streams(&doc, limits)?;
    pdf_guard::check_structure(&doc)?;
    pdf_widths::normalise(&mut doc);

    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(ExtractError::CorruptPdf {
            detail: "it has no pages".to_owned(),
        });
    }
    let mut texts = Vec::with_capacity(pages.len());
    let mut failures: Vec<(u32, String)> = Vec::new();
    for &number in pages.keys() {
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let mut output = LineText::default();
            pdf_extract::output_doc_page(&doc, &mut output, number).map(|()| output.finish())
        }));
        match outcome {
            Ok(Ok(text)) => texts.push(tidy_page(&text)),
            Ok(Err(err)) => {
                failures.push((number, err.to_string()));
                texts.push(String::new());
            }
            Err(payload) => {
                failures.push((
                    number,
                    format!("the reader crashed: {}", panic_message(payload.as_ref())),
                ));
                texts.push(String::new());
            }
        }
    }
    if failures.len() == pages.len() {
        let (_, message) = failures.swap_remove(0);
        return Err(ExtractError::ReaderFailed {
            format: Format::Pdf,
            message: format!("no page could be read; page 1: {message}"),
        });
    }
    let mut warnings: Vec<String> = failures
        .iter()
        .take(MAX_PAGE_WARNINGS)
        .map(|(number, message)| {
            format!(
                "page {number} of the PDF could not be read ({message}), so its text is missing: check the result, or import the DOCX"
            )
        })
        .collect();
    if failures.len() > MAX_PAGE_WARNINGS {
        warnings.push(format!(
            "{} more pages of the PDF could not be read",
            failures.len() - MAX_PAGE_WARNINGS
        ));
    }
    Ok((texts.join("\n\x0c\n"), warnings))
}

/// Drops the blank lines the reader puts at the start and end of a page.
fn tidy_page(text: &str) -> String {
    let text = text.trim_start_matches(['\n', '\r']);
    text.trim_end().to_owned()
}
