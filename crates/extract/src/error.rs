//! The error type of the extractor.
//!
//! Every message is meant to be shown to the person who uploaded the file: it says what is
//! wrong with the file and what they can do about it.

use crate::Format;

/// Why a document could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The file has no bytes at all.
    #[error(
        "the file is empty (0 bytes): check that the right file was chosen and upload it again"
    )]
    Empty,

    /// The file is larger than [`Limits::max_file_bytes`](crate::Limits::max_file_bytes).
    #[error(
        "the file is too large ({} > {} allowed): remove embedded images or split the document, then import again",
        human_bytes(*size),
        human_bytes(*limit)
    )]
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },

    /// The file name promises one format, the content is another (or nothing known).
    #[error(
        "the file is named “{file_name}” but its content is {found}, not {expected}: open it in the program that made it and save it again as {expected}, or rename it to the right extension"
    )]
    FormatMismatch {
        /// The file name as given.
        file_name: String,
        /// What the extension promised, e.g. "a Word document (DOCX)".
        expected: &'static str,
        /// What the content is, e.g. "plain text".
        found: &'static str,
    },

    /// A format that is recognised but not supported (old .doc, RTF, spreadsheets, …).
    #[error("the file is {what}, which cannot be imported: {advice}")]
    Unsupported {
        /// What the file is.
        what: &'static str,
        /// What the user can do.
        advice: &'static str,
    },

    /// Binary content that is neither a known document format nor text.
    #[error(
        "not a text document: the file contains binary data ({reason}); import a .txt, .docx, .odt or .pdf file"
    )]
    NotText {
        /// What gave it away.
        reason: String,
    },

    /// The document was read but contains no text.
    #[error("the {format} document contains no text: check that the right file was chosen")]
    NoText {
        /// The detected format.
        format: Format,
    },

    /// A zip container (DOCX/ODT) that cannot be read: corrupt, truncated, or not a zip.
    #[error(
        "the {format} file is damaged or incomplete ({detail}): open it in Word or LibreOffice, save it again and import the new file"
    )]
    CorruptArchive {
        /// DOCX or ODT.
        format: Format,
        /// Technical detail.
        detail: String,
    },

    /// The zip container is password-protected or uses an unsupported compression method.
    #[error(
        "the {format} file uses encryption or compression that cannot be read ({detail}): remove the password and save it again in Word or LibreOffice"
    )]
    UnreadableArchive {
        /// DOCX or ODT.
        format: Format,
        /// Technical detail.
        detail: String,
    },

    /// The zip container has more entries than [`Limits::max_entries`](crate::Limits::max_entries).
    #[error(
        "the {format} file has {entries} parts (at most {limit} allowed): not a normal document; save it again in Word or LibreOffice"
    )]
    TooManyEntries {
        /// DOCX or ODT.
        format: Format,
        /// Number of zip entries.
        entries: usize,
        /// The limit.
        limit: usize,
    },

    /// Decompressed content would exceed [`Limits::max_uncompressed_bytes`](crate::Limits::max_uncompressed_bytes)
    /// or the per-entry compression ratio (a "zip bomb").
    #[error(
        "the {format} file's part “{part}” expands beyond {limit_mib} MiB: not a normal document ({reason}); save it again in Word or LibreOffice, or import a PDF"
    )]
    ExpansionLimit {
        /// The format of the file.
        format: Format,
        /// The part (zip entry or PDF stream) that went over.
        part: String,
        /// The total limit in MiB.
        limit_mib: u64,
        /// Which limit was hit.
        reason: String,
    },

    /// XML with a DOCTYPE / entity declarations ("billion laughs" and XXE attacks).
    #[error(
        "the {format} file's part “{part}” declares a DOCTYPE or XML entities, which real Word and LibreOffice documents never do (it may be an entity-expansion attack): save the document again in Word or LibreOffice"
    )]
    XmlDoctype {
        /// DOCX or ODT.
        format: Format,
        /// The zip entry.
        part: String,
    },

    /// XML that is not well-formed.
    #[error(
        "the {format} file's part “{part}” is not valid XML ({detail}): open the document in Word or LibreOffice, save it again and import the new file"
    )]
    MalformedXml {
        /// DOCX or ODT.
        format: Format,
        /// The zip entry.
        part: String,
        /// Technical detail.
        detail: String,
    },

    /// A PDF that cannot be parsed.
    #[error(
        "the PDF is damaged or not a valid PDF ({detail}): open it and save or print it to PDF again, or import the DOCX"
    )]
    CorruptPdf {
        /// Technical detail.
        detail: String,
    },

    /// A PDF protected by a user password.
    #[error("the PDF is encrypted: save it without a password and import again")]
    EncryptedPdf,

    /// A PDF whose pages carry no text (scanned images).
    #[error("the PDF has no text layer (a scanned image?): run OCR first or import the DOCX")]
    NoTextLayer,

    /// The reader did not finish within [`Limits::timeout`](crate::Limits::timeout).
    #[error(
        "reading the {format} file took longer than {seconds} s, so it was stopped (the file may be damaged or unusually complex): save it again, or import it in another format (DOCX or PDF)"
    )]
    Timeout {
        /// The format being read.
        format: Format,
        /// The timeout in whole seconds (rounded up).
        seconds: u64,
    },

    /// The reader crashed (panicked) or could not be started.
    #[error(
        "the {format} reader failed on this file ({message}): the file is probably damaged; save it again, or import it in another format (DOCX or PDF)"
    )]
    ReaderFailed {
        /// The format being read.
        format: Format,
        /// The panic message or the reason.
        message: String,
    },
}

/// Formats a byte count for messages: "20 MiB", "512 KiB", "17 bytes".
pub(crate) fn human_bytes(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if n >= MIB {
        if n.is_multiple_of(MIB) {
            format!("{} MiB", n / MIB)
        } else {
            format!("{:.1} MiB", n as f64 / MIB as f64)
        }
    } else if n >= KIB {
        format!("{} KiB", n.div_ceil(KIB))
    } else {
        format!("{n} bytes")
    }
}
