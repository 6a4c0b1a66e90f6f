//! # ametijuhend-extract: document bytes → plain text, safely
//!
//! Job descriptions, directives and role cards arrive as `.txt`, `.docx`, `.odt` and `.pdf`
//! files. This crate turns the bytes of such a file into the plain text (lines separated by
//! `\n`) that the parser in `ametijuhend-ingest` reads, and refuses hostile or broken files
//! with a message the uploader can act on.
//!
//! ```no_run
//! use ametijuhend_extract::{extract, Limits};
//! let bytes = std::fs::read("ametijuhend.docx").unwrap();
//! match extract(&bytes, "ametijuhend.docx", &Limits::default()) {
//!     Ok(doc) => println!("{:?}: {} lines, warnings {:?}", doc.format, doc.text.lines().count(), doc.warnings),
//!     Err(err) => eprintln!("cannot import: {err}"),
//! }
//! ```
//!
//! ## Formats
//!
//! The format is detected from the content (magic bytes); the file extension is only a hint,
//! and an extension that contradicts the content (a `.docx` that is not a zip, a `.pdf` that
//! is text, …) is an [`ExtractError::FormatMismatch`]. Files without a known extension are
//! read as whatever their content is.
//!
//! * **Text**: UTF-8 (a BOM is stripped), UTF-16 LE/BE with a BOM, otherwise a legacy 8-bit
//!   code page used in Estonia (Windows-1257, ISO-8859-13 or Windows-1252, whichever decodes
//!   to the most plausible Estonian) with a warning. Binary content is refused.
//! * **DOCX** (`word/document.xml`): a paragraph is a line; `w:br`/`w:cr` break lines;
//!   `w:tab` becomes a space; list numbering is rendered (`2.1.`, `a)`, …) and bullets become
//!   `•`; tables are written row by row (see [Tables](#tables)). Headers, footers, comments,
//!   footnotes, deleted text of tracked changes and images are left out.
//! * **ODT** (`content.xml`, mimetype `application/vnd.oasis.opendocument.text`): `text:p` and
//!   `text:h` are lines, `text:s`/`text:tab`/`text:line-break` are honoured, tables as for DOCX.
//!   List numbers that are not stored in the file (LibreOffice computes them) are not
//!   rendered; list items are written without a marker.
//! * **PDF**: text is extracted page by page with `pdf-extract`, glyph by glyph in the order
//!   the page draws them; their positions decide line breaks and spaces (a new baseline is a
//!   new line, a jump of more than one and a half lines a blank line, a gap on the baseline a
//!   space; see `pdf_text`). Pages are separated by a line that holds only a form feed (`\x0c`).
//!   A PDF protected by a user password is refused ([`ExtractError::EncryptedPdf`]); one that
//!   only restricts permissions (empty user password) is read. A PDF without any text is
//!   refused ([`ExtractError::NoTextLayer`]). A page that the reader cannot handle is skipped
//!   with a warning.
//!
//! The returned text uses `\n` line ends, contains no control characters other than `\t`,
//! `\n` and the page-break `\x0c`, and ends with a `\n`.
//!
//! ## Tables
//!
//! Each row is written as lines, its cells in order. A cell whose content is one short line
//! (a label, ≤ 80 characters) is joined on the same line with the first line of the next
//! cell, unless that line starts with a list bullet; so the 2024-template row
//! `Struktuuriüksus | Arendusosakond, arendustalitus` becomes the line
//! `Struktuuriüksus Arendusosakond, arendustalitus`, and a header row
//! `1.3 Vahetu juht | 1.4 Kes asendab | 1.5 Keda asendab` becomes one line. A cell with
//! several paragraphs (a task with its list of expected results) keeps its lines.
//!
//! ## Notes for the parser
//!
//! * Lines keep their leading and trailing spaces and blank lines are kept; compare
//!   trimmed lines.
//! * DOCX/ODT: one paragraph is one line, however long; PDF: one *visual* line is one
//!   line, so a long sentence (or a "label value" line wider than the page) is wrapped onto
//!   the next line(s), and the split point depends on the font and page width. Text placed
//!   in separate columns on the same baseline comes out on one line separated by a space.
//! * PDF tables come out cell by cell as the page draws them (typst and LibreOffice: the
//!   whole left cell, then the cell to its right). A label wrapped onto several short lines
//!   of its cell (≤ 80 characters in all) is joined into one line, and the first line of the
//!   cell beside it continues that line unless it starts with a bullet, so a typst row
//!   `Teenistuskoha / eesmärk | Ametikoha eesmärk on …` reads `Teenistuskoha eesmärk
//!   Ametikoha eesmärk on …`, as a DOCX row does.
//! * PDF: a word hyphenated at a line end ends its line in `-` (`ra-` / `kenduste`), also
//!   where the PDF marks the hyphen as a soft hyphen (typst); the importer decides whether
//!   the hyphen stays. No line ends in U+00AD. A real hyphen at a line end looks the same.
//! * Bullets may appear as `•` (rendered DOCX/ODT lists), `▪`, or U+F0B7 (Symbol-font
//!   bullets copied from Word); list numbers such as `2.1.` are part of the line text.
//! * A PDF page break is a line holding only `\x0c`; other formats have none.
//!
//! ## Safety
//!
//! Hostile files must never crash or hang the importer; see [`Limits`]:
//!
//! * the file size is checked first ([`Limits::max_file_bytes`]);
//! * zip containers: at most [`Limits::max_entries`] entries; every entry read goes through a
//!   size-capped reader that stops at [`Limits::max_uncompressed_bytes`] in total and at
//!   [`Limits::max_ratio`] × the compressed size per entry (zip bombs);
//! * XML with a `DOCTYPE` (entity declarations, "billion laughs", external entities) is refused
//!   outright; undeclared entity references are errors;
//! * PDF: the compressed streams are inflated once through the same cap before the parser
//!   sees them, page trees with cycles and self-drawing form XObjects are refused before the
//!   (recursive) reader runs;
//! * every reader runs on a worker thread inside `catch_unwind` with [`Limits::timeout`]: a
//!   panic becomes [`ExtractError::ReaderFailed`], a reader that does not finish in time
//!   [`ExtractError::Timeout`]. **On a timeout the worker thread is left running** until it
//!   ends by itself (a thread cannot be killed safely); its result is discarded.

mod detect;
mod docx;
mod docx_numbering;
mod error;
mod isolate;
mod lines;
mod odt;
mod pdf;
mod pdf_guard;
mod pdf_text;
mod pdf_widths;
mod text;
pub mod walk;
mod xml;
mod zipsafe;

#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

pub use error::ExtractError;

/// The document formats the extractor reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text.
    Text,
    /// Office Open XML word-processing document.
    Docx,
    /// OpenDocument text.
    Odt,
    /// Portable Document Format.
    Pdf,
}

impl Format {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Pdf => "pdf",
        }
    }

    /// A description for messages, e.g. "a Word document (DOCX)".
    pub fn describe(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Docx => "a Word document (DOCX)",
            Format::Odt => "an OpenDocument text (ODT)",
            Format::Pdf => "a PDF",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text",
            Format::Docx => "DOCX",
            Format::Odt => "ODT",
            Format::Pdf => "PDF",
        })
    }
}

/// Resource limits for one extraction. [`Limits::default`] suits interactive imports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted file (default 20 MiB).
    pub max_file_bytes: u64,
    /// Largest total of decompressed bytes read from a file: all zip entries read, or all
    /// compressed PDF streams (default 100 MiB).
    pub max_uncompressed_bytes: u64,
    /// Most entries a zip container may have (default 10 000).
    pub max_entries: usize,
    /// Highest compression ratio (decompressed / compressed) of a single zip entry once it
    /// is larger than 1 MiB (default 200; ordinary XML compresses 5–20×).
    pub max_ratio: u64,
    /// Longest time a reader may run (default 20 s).
    pub timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 20 * 1024 * 1024,
            max_uncompressed_bytes: 100 * 1024 * 1024,
            max_entries: 10_000,
            max_ratio: 200,
            timeout: Duration::from_secs(20),
        }
    }
}

/// The text of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The detected format.
    pub format: Format,
    /// The text: lines separated by `\n`; pages of a PDF separated by a `\x0c` line.
    pub text: String,
    /// Things the uploader may want to check (an assumed legacy encoding, a skipped PDF
    /// page, …). Empty for a clean document.
    pub warnings: Vec<String>,
}

/// Turns the bytes of a `.txt`, `.docx`, `.odt` or `.pdf` file into text.
///
/// `file_name` is used for its extension (a hint, see the [crate docs](crate)) and in
/// messages. Never panics; every error message says what is wrong and what to do.
pub fn extract(bytes: &[u8], file_name: &str, limits: &Limits) -> Result<Extracted, ExtractError> {
    let size = bytes.len() as u64;
    if size > limits.max_file_bytes {
        return Err(ExtractError::TooLarge {
            size,
            limit: limits.max_file_bytes,
        });
    }
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let plan = detect::plan(bytes, file_name)?;
    let format = plan.format_hint();
    // The worker thread needs owned data: one copy of at most `max_file_bytes`.
    let owned: Arc<[u8]> = Arc::from(bytes);
    let worker_limits = limits.clone();
    let file_name = file_name.to_owned();
    let mut extracted = isolate::run_isolated(format, limits.timeout, move || {
        read(&owned, &plan, &file_name, &worker_limits)
    })?;
    extracted.text = finish_text(&extracted.text);
    if !extracted.text.chars().any(char::is_alphanumeric) {
        return Err(match extracted.format {
            Format::Pdf => ExtractError::NoTextLayer,
            format => ExtractError::NoText { format },
        });
    }
    Ok(extracted)
}

/// Runs the reader chosen by `plan` (on the worker thread).
fn read(
    bytes: &[u8],
    plan: &detect::Plan,
    file_name: &str,
    limits: &Limits,
) -> Result<Extracted, ExtractError> {
    match plan {
        detect::Plan::Text => {
            let (text, warnings) = text::decode(bytes)?;
            Ok(Extracted {
                format: Format::Text,
                text,
                warnings,
            })
        }
        detect::Plan::Zip { expected } => {
            let mut package =
                zipsafe::SafeZip::open(bytes, expected.unwrap_or(Format::Docx), limits)?;
            let format = detect::classify_zip(&mut package)?;
            if let Some(expected) = expected
                && *expected != format
            {
                return Err(ExtractError::FormatMismatch {
                    file_name: file_name.to_owned(),
                    expected: expected.describe(),
                    found: format.describe(),
                });
            }
            package.set_format(format);
            let (text, warnings) = match format {
                Format::Odt => odt::read(&mut package)?,
                _ => docx::read(&mut package)?,
            };
            Ok(Extracted {
                format,
                text,
                warnings,
            })
        }
        detect::Plan::Pdf => {
            let (text, warnings) = pdf::read(bytes, limits)?;
            Ok(Extracted {
                format: Format::Pdf,
                text,
                warnings,
            })
        }
    }
}

/// Final clean-up shared by all formats: `\n` line ends, no control characters except
/// `\t` and the page-break `\x0c`, no trailing blank lines, a final `\n`.
fn finish_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        match c {
            '\n' | '\t' | '\x0c' => out.push(c),
            '\u{feff}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    let trimmed_len = out.trim_end().len();
    out.truncate(trimmed_len);
    out.push('\n');
    out
}
