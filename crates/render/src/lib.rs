//! Document output of Ametijuhend: job descriptions and directives as PDF, DOCX and HTML in the
//! agency's (Sotsiaalkindlustusamet's) layout.
//!
//! # How it works
//!
//! Every document is built once from the domain records into the intermediate model of
//! [`doc`] (stamp, headings, paragraphs, bullet lists, tables, signature block): the job
//! description's layout per template lives in [`layout`], the directive's in [`directive`].
//! Three small backends write the model out:
//!
//! - [`pdf`]: typst as a library. The model goes to typst as a JSON file of a virtual file
//!   system and a fixed template iterates over it, so user text is never typst markup. Fonts are
//!   embedded in the binary (typst-assets); nothing is read from disk or the network. The PDF is
//!   PDF/A-2b, tagged, in Estonian with Estonian hyphenation, page numbers in the footer
//!   ("Lk 1/3") and table headers repeated on every page.
//! - [`docx`]: OOXML written directly (styles, bullet numbering, real tables with a repeated
//!   header row, a footer with page numbers), zipped with deflate, byte-for-byte reproducible.
//! - [`html`]: a standalone page with print CSS, or a fragment for the web app's position page.
//!
//! The text is laid out like the agency's documents (same headings, labels, "3.1." numbering,
//! bullet items) so that the importer reads a rendered document back into the same record.
//!
//! # Text layout (what the importer reads back)
//!
//! - 2024 template: "1. Üldosa", then a label | value table (Struktuuriüksus, Teenistuskoht,
//!   Vahetu juht, Alluvad, Teenistuja asendab, Teenistuja asendaja, Teenistuskoha eesmärk,
//!   Ametikoha grupp, Eritingimused), the duty table whose header row is
//!   "2. Peamised teenistusülesanded | Oodatavad tulemused", "3. Teenistuskoha täitjale
//!   esitatavad nõuded" and "4. Õigused ja vastutus" as label | value tables, then the review
//!   rules as paragraphs.
//! - 2023 template: "AMETIJUHEND", "1. ÜLDOSA" with rows of labels over rows of values
//!   ("1.1 Ametinimetus | 1.2 Struktuuriüksus", "1.3 Vahetu juht | 1.4 Kes asendab | 1.5 Keda
//!   asendab"), then "2. AMETIKOHA EESMÄRK" ("TÖÖKOHA" for employees), "3. TEENISTUSÜLESANDED"
//!   ("TÖÖÜLESANDED") with "Põhiülesanded | Oodatavad tulemused", "4. ÕIGUSED", "5. VASTUTUS",
//!   "6. TÖÖVAHENDID", "7. AMETIKOHALE ESITATAVAD NÕUDED" with bold labels (Haridus, Töökogemus,
//!   Keeleoskus, Arvutikasutamise oskus, Tööks vajalikud kompetentsid, Täiendavad kompetentsid,
//!   isikuomadused ja teadmised), "8. AMETIJUHENDI MUUTMINE". Empty optional sections are left
//!   out and the following ones renumbered.
//! - Duties are numbered from their position, "{section}.{n}." ("2.1.", "3.12."), whatever the
//!   record's `number` says; bullets are "•" (DOCX: real list numbering); lists of names are
//!   joined with ", "; a missing value is "-".
//! - The stamp is four lines: "KINNITATUD", "Sotsiaalkindlustusameti peadirektori
//!   06.03.2023" (or `{regDateTime}`), "käskkirjaga nr 49" (or `{regNumber}`), "Lisa 2".
//! - The signature block is written row by row: "Tööandja: | Töötaja:", "(allkirjastatud
//!   digitaalselt)", name (or `{Allkirjastaja}`), title (or `{Ametikoht}`).
//! - PDF: words hyphenated at a line end carry a soft hyphen (U+00AD, pdftotext prints it);
//!   the footer is "Lk 1/3".
//!
//! # API
//!
//! ```no_run
//! use ametijuhend_render::{Format, JobDescriptionOptions, DirectiveDraft};
//! # fn demo(registry: &ametijuhend_domain::Registry) -> Result<(), ametijuhend_render::RenderError> {
//! let jd = &registry.job_descriptions[0];
//! let pdf = ametijuhend_render::render_job_description(
//!     registry, jd, Format::Pdf, &JobDescriptionOptions::default())?;
//! let fragment = ametijuhend_render::render_html_fragment(
//!     registry, jd, &JobDescriptionOptions::default())?;
//! let draft = DirectiveDraft::new(vec![jd.id.clone()]);
//! let plan = ametijuhend_render::plan_directive(registry, &draft.job_descriptions)?;
//! let docx = ametijuhend_render::render_directive(registry, &draft, Format::Docx)?;
//! // The record to store, and later the stored (registered) record printed again:
//! let record = ametijuhend_render::directive_record(
//!     registry, &draft, ametijuhend_domain::DirectiveId::derived("example"))?;
//! let pdf = ametijuhend_render::render_stored_directive(
//!     registry, &record, Format::Pdf, ametijuhend_domain::Template::Ska2024)?;
//! # Ok(()) }
//! ```

pub mod directive;
pub mod doc;
pub mod docx;
pub mod html;
pub mod layout;
pub mod names;
pub mod pdf;
pub mod text;
mod xml;

#[cfg(test)]
mod tests;

pub use directive::{
    APPEAL_CLAUSE, DEFAULT_LEGAL_BASIS, DirectiveDraft, DirectivePlan, directive_clauses,
    directive_record, plan_directive, registration_placeholders,
};
pub use layout::Stamp;

use ametijuhend_domain::{Directive, JobDescription, Registry, Template};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Pdf,
    Docx,
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Pdf, Format::Docx, Format::Html];

    /// "pdf", "docx", "html" (any case).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
        }
    }

    /// The media type for HTTP responses.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Html => "text/html; charset=utf-8",
        }
    }
}

/// Which approval stamp a job description gets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StampChoice {
    /// The record's approval; for a draft or a version in coordination without one, a stamp
    /// with the template fields `{regDateTime}` / `{regNumber}` for the document register;
    /// otherwise none.
    #[default]
    Auto,
    /// No stamp.
    None,
    /// This stamp (a directive's annex).
    Given(Stamp),
}

/// How a job description is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobDescriptionOptions {
    /// [`Template::Ska2024`] (the default) or [`Template::Ska2023`].
    pub template: Template,
    pub stamp: StampChoice,
}

impl Default for JobDescriptionOptions {
    fn default() -> Self {
        Self {
            template: Template::Ska2024,
            stamp: StampChoice::Auto,
        }
    }
}

/// Why a document could not be made. Every message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the template 'other' cannot be rendered: choose ska_2024 or ska_2023")]
    UnsupportedTemplate,
    #[error(
        "job description {job_description} refers to competency {competency}, which is not in \
         the registry: add the competency to the library or remove the reference"
    )]
    MissingCompetency {
        job_description: String,
        competency: String,
    },
    #[error("job description {0} is not in the registry: choose an existing version")]
    UnknownJobDescription(String),
    #[error(
        "job descriptions {first} and {second} belong to the same position: a directive approves \
         one version per position, choose one of them"
    )]
    SamePositionTwice { first: String, second: String },
    #[error("no job description chosen: a directive needs at least one")]
    NothingToApprove,
    #[error("the PDF could not be typeset: {0}")]
    Pdf(String),
    #[error("the DOCX could not be written: {0}")]
    Docx(String),
}

/// The document of one job description in the intermediate model (what every format is
/// written from; also handy for tests and previews).
pub fn job_description_document(
    registry: &Registry,
    jd: &JobDescription,
    options: &JobDescriptionOptions,
) -> Result<doc::Document, RenderError> {
    let stamp = layout::stamp_for(registry, jd, &options.stamp);
    layout::job_description_document(registry, jd, options.template, stamp.as_ref())
}

/// A job description as a PDF, DOCX or standalone HTML file.
pub fn render_job_description(
    registry: &Registry,
    jd: &JobDescription,
    format: Format,
    options: &JobDescriptionOptions,
) -> Result<Vec<u8>, RenderError> {
    let doc = job_description_document(registry, jd, options)?;
    write(&doc, format)
}

/// A job description as an HTML fragment (an `<article>`) for embedding in a page; the page
/// should include [`html::STYLE`] or its own styles.
pub fn render_html_fragment(
    registry: &Registry,
    jd: &JobDescription,
    options: &JobDescriptionOptions,
) -> Result<String, RenderError> {
    let doc = job_description_document(registry, jd, options)?;
    Ok(html::fragment(&doc))
}

/// The directive of `draft`, followed by its annexes, as a PDF, DOCX or HTML file.
pub fn render_directive(
    registry: &Registry,
    draft: &DirectiveDraft,
    format: Format,
) -> Result<Vec<u8>, RenderError> {
    let doc = directive::directive_document(registry, draft)?;
    write(&doc, format)
}

/// A stored directive (see [`directive::stored_directive_document`]), followed by its annexes in
/// `template`, as a PDF, DOCX or HTML file. Once registered, its number and date print in the
/// heading and in every annex's stamp ("KINNITATUD … käskkirjaga nr N Lisa k").
pub fn render_stored_directive(
    registry: &Registry,
    directive: &Directive,
    format: Format,
    template: Template,
) -> Result<Vec<u8>, RenderError> {
    let doc = directive::stored_directive_document(registry, directive, template)?;
    write(&doc, format)
}

/// Writes a document model in a format.
pub fn write(doc: &doc::Document, format: Format) -> Result<Vec<u8>, RenderError> {
    match format {
        Format::Pdf => pdf::pdf(doc),
        Format::Docx => docx::docx(doc),
        Format::Html => Ok(html::standalone(doc).into_bytes()),
    }
}
