//! Document layouts: recognising what a document is and reading it. One module per layout:
//! the two job-description templates of the agency ([`jd2023`], [`jd2024`]), other agencies'
//! job descriptions ([`jd_other`]), all read by the shared [`job_description`] skeleton; the
//! director general's directives with their annexes ([`directive`]); and the role card
//! catalogue with its glossary ([`role_cards`]).

pub mod directive;
pub mod jd2023;
pub mod jd2024;
pub mod jd_other;
pub mod job_description;
pub mod role_cards;

use crate::lexicon::Lexicon;
use crate::lines::Line;
use ametijuhend_domain::job_description::Template;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A job description in the agency's 2023 template ("1. ÜLDOSA").
    #[serde(rename = "job_description_2023")]
    JobDescription2023,
    /// A job description in the agency's 2024+ template ("1. Üldosa", "Teenistuskoht").
    #[serde(rename = "job_description_2024")]
    JobDescription2024,
    /// A job description in another layout (another agency's template).
    JobDescriptionOther,
    /// A directive (käskkiri), with its annexes.
    Directive,
    /// The role card catalogue with its role glossary.
    RoleCardCatalogue,
    /// Nothing the importer knows.
    Unrecognised,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::JobDescription2023 => "job_description_2023",
            DocumentKind::JobDescription2024 => "job_description_2024",
            DocumentKind::JobDescriptionOther => "job_description_other",
            DocumentKind::Directive => "directive",
            DocumentKind::RoleCardCatalogue => "role_card_catalogue",
            DocumentKind::Unrecognised => "unrecognised",
        }
    }

    /// The job-description template, for the job-description kinds.
    pub fn template(self) -> Option<Template> {
        match self {
            DocumentKind::JobDescription2023 => Some(jd2023::TEMPLATE),
            DocumentKind::JobDescription2024 => Some(jd2024::TEMPLATE),
            DocumentKind::JobDescriptionOther => Some(jd_other::TEMPLATE),
            _ => None,
        }
    }
}

impl fmt::Display for DocumentKind {
    /// For people; [`DocumentKind::as_str`] (also the serialised form) for machines.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DocumentKind::JobDescription2023 => "job description (SKA 2023 template)",
            DocumentKind::JobDescription2024 => "job description (SKA 2024 template)",
            DocumentKind::JobDescriptionOther => "job description (other layout)",
            DocumentKind::Directive => "directive (käskkiri)",
            DocumentKind::RoleCardCatalogue => "role card catalogue",
            DocumentKind::Unrecognised => "unrecognised document",
        })
    }
}

/// The job-description kind of some lines, if they are a job description.
pub fn detect_job_description(lex: &Lexicon, lines: &[Line]) -> Option<DocumentKind> {
    if jd2023::matches(lex, lines) {
        Some(DocumentKind::JobDescription2023)
    } else if jd2024::matches(lex, lines) {
        Some(DocumentKind::JobDescription2024)
    } else if jd_other::matches(lex, lines) {
        Some(DocumentKind::JobDescriptionOther)
    } else {
        None
    }
}

/// What the lines are. The catalogue and directives are tried first: a directive's annexes
/// are job descriptions, and the catalogue mentions job descriptions.
pub fn detect_lines(lex: &Lexicon, lines: &[Line]) -> DocumentKind {
    if role_cards::matches(lines) {
        DocumentKind::RoleCardCatalogue
    } else if directive::matches(lines) {
        DocumentKind::Directive
    } else {
        detect_job_description(lex, lines).unwrap_or(DocumentKind::Unrecognised)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_serialise_as_their_names() {
        for k in [
            DocumentKind::JobDescription2023,
            DocumentKind::JobDescription2024,
            DocumentKind::JobDescriptionOther,
            DocumentKind::Directive,
            DocumentKind::RoleCardCatalogue,
            DocumentKind::Unrecognised,
        ] {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
    }

    /// The records' `template` is spelled as the database stores it ([`Template::as_str`]);
    /// the older spelling still reads.
    #[test]
    fn templates_serialise_as_stored() {
        for t in [Template::Ska2023, Template::Ska2024, Template::Other] {
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
            assert_eq!(serde_json::from_str::<Template>(&json).unwrap(), t);
        }
        assert_eq!(
            serde_json::from_str::<Template>("\"ska2023\"").unwrap(),
            Template::Ska2023
        );
    }
}
