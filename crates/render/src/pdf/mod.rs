//! The PDF backend: typst as a library.
//!
//! A minimal [`World`] serves two virtual files: `/main.typ`, the fixed template
//! (`template.typ`, compiled into the binary), and `/data.json`, the document model as JSON.
//! The template iterates over the model, so user text is data and needs no escaping. The fonts
//! are typst-assets' embedded fonts (Libertinus Serif …), loaded once; nothing is read from disk
//! or the network. The PDF is written as PDF/A-2b and tagged, with the document's own date as
//! creation date so that the output does not depend on the clock.
//!
//! Characters that none of the embedded fonts can print (they would make a PDF/A invalid) are
//! replaced by "?" before typesetting.

use crate::RenderError;
use crate::doc::Document;
use chrono::Datelike;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// The typst template (see the file's own comment).
pub const TEMPLATE: &str = include_str!("template.typ");

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// Interns a fixed virtual path; `None` only if typst refused the path (it does not for these).
fn file_id(path: &str) -> Option<FileId> {
    VirtualPath::new(path)
        .ok()
        .map(|v| RootedPath::new(VirtualRoot::Project, v).intern())
}

static MAIN: LazyLock<Option<(FileId, Source)>> = LazyLock::new(|| {
    let id = file_id("/main.typ")?;
    Some((id, Source::new(id, TEMPLATE.to_string())))
});

static DATA: LazyLock<Option<FileId>> = LazyLock::new(|| file_id("/data.json"));

/// The world of one compilation: the template and one document's data.
struct RenderWorld {
    main: FileId,
    source: Source,
    data_id: FileId,
    data: Bytes,
}

impl World for RenderWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else if id == self.data_id {
            Err(FileError::NotSource)
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main {
            Ok(Bytes::from_string(self.source.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// True when one of the embedded fonts has a glyph for `c`.
fn printable(c: char) -> bool {
    if c.is_ascii_graphic() || c == ' ' {
        return true;
    }
    if c.is_control() {
        return false;
    }
    FONTS
        .fonts
        .iter()
        .any(|f| f.info().coverage.contains(c as u32))
}

/// Replaces what the fonts cannot print: control characters become spaces, other unprintable
/// characters "?".
pub fn printable_text(s: &str) -> String {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c {
            c if printable(c) => c,
            '\u{00ad}' | '\u{200b}' | '\u{200d}' | '\u{feff}' => c,
            c if c.is_whitespace() || c.is_control() => ' ',
            _ => '?',
        })
        .collect()
}

/// Typesets the document and writes a tagged PDF/A-2b.
pub fn pdf(doc: &Document) -> Result<Vec<u8>, RenderError> {
    let mut doc = doc.clone();
    doc.map_text(&printable_text);
    let data = serde_json::to_vec(&doc).map_err(|e| RenderError::Pdf(e.to_string()))?;
    let (main, source) = MAIN
        .as_ref()
        .cloned()
        .ok_or_else(|| RenderError::Pdf("the template's virtual path was refused".into()))?;
    let data_id =
        (*DATA).ok_or_else(|| RenderError::Pdf("the data's virtual path was refused".into()))?;
    let world = RenderWorld {
        main,
        source,
        data_id,
        data: Bytes::new(data),
    };
    let result = typst::compile::<PagedDocument>(&world).output;
    // Keep typst's memo cache from growing without bound across many documents.
    typst::comemo::evict(30);
    let paged = result.map_err(|d| RenderError::Pdf(diagnostics(&d)))?;

    let standards = PdfStandards::new(&[PdfStandard::A_2b])
        .map_err(|e| RenderError::Pdf(e.message().to_string()))?;
    let date = Datetime::from_ymd(
        doc.date.year(),
        doc.date.month() as u8,
        doc.date.day() as u8,
    );
    let options = PdfOptions {
        ident: typst::foundations::Smart::Custom(doc.title.clone()),
        creator: typst::foundations::Smart::Custom(Some("Ametijuhend".into())),
        timestamp: date.map(Timestamp::new_utc),
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&paged, &options).map_err(|d| RenderError::Pdf(diagnostics(&d)))
}

fn diagnostics(d: &[SourceDiagnostic]) -> String {
    d.iter()
        .map(|d| {
            let mut s = d.message.to_string();
            for h in &d.hints {
                s.push_str(" (");
                s.push_str(&h.v);
                s.push(')');
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}
