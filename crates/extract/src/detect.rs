//! Format detection: magic bytes first, the file extension only as a hint.

use crate::zipsafe::SafeZip;
use crate::{ExtractError, Format, text};

/// What to do with a file, decided before any reader runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Plan {
    /// Decode as text.
    Text,
    /// A zip container; DOCX or ODT is decided from its entries. `expected` is what the
    /// extension promised, if it promised a zip format.
    Zip { expected: Option<Format> },
    /// A PDF.
    Pdf,
}

impl Plan {
    /// The format to name in errors before the content is fully known.
    pub(crate) fn format_hint(&self) -> Format {
        match self {
            Plan::Text => Format::Text,
            Plan::Zip { expected } => expected.unwrap_or(Format::Docx),
            Plan::Pdf => Format::Pdf,
        }
    }
}

/// What the first bytes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Magic {
    Zip,
    Pdf,
    /// OLE compound file: old `.doc`, or any password-protected Office document.
    Cfb,
    Rtf,
    Other,
}

/// What the extension says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extension {
    Known(Format),
    Unknown,
}

fn sniff(bytes: &[u8]) -> Magic {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Magic::Zip
    } else if bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        Magic::Cfb
    } else if bytes.starts_with(b"{\\rtf") {
        Magic::Rtf
    } else if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() {
        // Readers accept junk before the header within the first kilobyte.
        Magic::Pdf
    } else {
        Magic::Other
    }
}

fn extension(file_name: &str) -> Extension {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let Some((_, ext)) = base.rsplit_once('.') else {
        return Extension::Unknown;
    };
    match ext.to_ascii_lowercase().as_str() {
        "txt" | "text" => Extension::Known(Format::Text),
        "docx" | "docm" | "dotx" | "dotm" => Extension::Known(Format::Docx),
        "odt" | "ott" => Extension::Known(Format::Odt),
        "pdf" => Extension::Known(Format::Pdf),
        _ => Extension::Unknown,
    }
}

/// Decides how to read the file, or refuses it.
pub(crate) fn plan(bytes: &[u8], file_name: &str) -> Result<Plan, ExtractError> {
    let ext = extension(file_name);
    let mismatch = |expected: Format, found: &'static str| ExtractError::FormatMismatch {
        file_name: file_name.to_owned(),
        expected: expected.describe(),
        found,
    };
    match (sniff(bytes), ext) {
        (Magic::Zip, Extension::Known(f @ (Format::Text | Format::Pdf))) => {
            Err(mismatch(f, "a zip archive (such as a DOCX or ODT file)"))
        }
        (Magic::Zip, Extension::Known(f)) => Ok(Plan::Zip { expected: Some(f) }),
        (Magic::Zip, Extension::Unknown) => Ok(Plan::Zip { expected: None }),
        (Magic::Pdf, Extension::Known(f)) if f != Format::Pdf => {
            Err(mismatch(f, Format::Pdf.describe()))
        }
        (Magic::Pdf, _) => Ok(Plan::Pdf),
        (Magic::Cfb, _) => Err(ExtractError::Unsupported {
            what: "an old Word .doc file or a password-protected Office document",
            advice: "open it in Word or LibreOffice, remove any password and save it as .docx, then import again",
        }),
        (Magic::Rtf, _) => Err(ExtractError::Unsupported {
            what: "an RTF document",
            advice: "open it in Word or LibreOffice and save it as .docx, then import again",
        }),
        (Magic::Other, Extension::Known(f)) if f != Format::Text => {
            let found = if text::looks_binary(bytes) {
                "unrecognised binary data"
            } else {
                Format::Text.describe()
            };
            Err(mismatch(f, found))
        }
        (Magic::Other, _) => Ok(Plan::Text),
    }
}

/// Tells DOCX from ODT by the entries of the zip; refuses other zip-based files.
pub(crate) fn classify_zip(package: &mut SafeZip<'_>) -> Result<Format, ExtractError> {
    if package.has("word/document.xml") {
        return Ok(Format::Docx);
    }
    if package.has("content.xml") {
        let mimetype = match package.read_optional("mimetype")? {
            Some(bytes) => String::from_utf8_lossy(&bytes).trim().to_owned(),
            None => String::new(),
        };
        if mimetype.is_empty() || mimetype.starts_with("application/vnd.oasis.opendocument.text") {
            return Ok(Format::Odt);
        }
        if mimetype.contains("spreadsheet") {
            return Err(unsupported_spreadsheet());
        }
        if mimetype.contains("presentation") {
            return Err(unsupported_presentation());
        }
        return Err(ExtractError::Unsupported {
            what: "an OpenDocument file that is not a text document",
            advice: "save the job description as an .odt text document, .docx or .pdf, then import again",
        });
    }
    if package.has("xl/workbook.xml") {
        return Err(unsupported_spreadsheet());
    }
    if package.has("ppt/presentation.xml") {
        return Err(unsupported_presentation());
    }
    Err(ExtractError::Unsupported {
        what: "a zip archive that is not a Word (DOCX) or OpenDocument (ODT) text document",
        advice: "unpack it and import the .docx, .odt, .pdf or .txt file inside",
    })
}

fn unsupported_spreadsheet() -> ExtractError {
    ExtractError::Unsupported {
        what: "a spreadsheet",
        advice: "copy the job description into a text document and save it as .docx, then import again",
    }
}

fn unsupported_presentation() -> ExtractError {
    ExtractError::Unsupported {
        what: "a presentation",
        advice: "copy the job description into a text document and save it as .docx, then import again",
    }
}

/// Position of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}
