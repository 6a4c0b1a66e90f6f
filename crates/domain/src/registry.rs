//! The interchange document: the whole registry as one JSON value. `ametijuhend export` writes
//! it, `ametijuhend restore` reads it, and docs/registry.schema.json describes it.
//!
//! Collections are kept in a canonical order (by id; job descriptions by position and version) so
//! that the same registry always serialises to the same bytes.

use crate::competency::Competency;
use crate::directive::Directive;
use crate::ids::{
    CompetencyId, DirectiveId, JobDescriptionId, PersonId, PositionId, RoleCardId, RoleGlossaryId,
    UnitId,
};
use crate::job_description::JobDescription;
use crate::position::{Person, Position, Substitution};
use crate::role_card::{RoleCard, RoleGlossaryEntry};
use crate::source::SourceDocument;
use crate::unit::Unit;
use serde::{Deserialize, Serialize};

mod checker;
mod reader;
mod schema;
mod writer;

pub use checker::Checker;
pub use reader::{Chunk, ReadError, read_document};
pub use schema::registry_schema;
pub use writer::DocumentWriter;

pub const FORMAT_NAME: &str = "ametijuhend-registry";
pub const FORMAT_VERSION: u32 = 1;

/// The collections of the document, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Collection {
    Units,
    Persons,
    RoleGlossary,
    RoleCards,
    Competencies,
    Positions,
    Substitutions,
    Directives,
    JobDescriptions,
    SourceDocuments,
}

impl Collection {
    pub const ALL: [Collection; 10] = [
        Collection::Units,
        Collection::Persons,
        Collection::RoleGlossary,
        Collection::RoleCards,
        Collection::Competencies,
        Collection::Positions,
        Collection::Substitutions,
        Collection::Directives,
        Collection::JobDescriptions,
        Collection::SourceDocuments,
    ];

    /// The field name in the document.
    pub fn name(self) -> &'static str {
        match self {
            Collection::Units => "units",
            Collection::Persons => "persons",
            Collection::RoleGlossary => "role_glossary",
            Collection::RoleCards => "role_cards",
            Collection::Competencies => "competencies",
            Collection::Positions => "positions",
            Collection::Substitutions => "substitutions",
            Collection::Directives => "directives",
            Collection::JobDescriptions => "job_descriptions",
            Collection::SourceDocuments => "source_documents",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    /// What one record is called in messages.
    fn record_name(self) -> &'static str {
        match self {
            Collection::Units => "unit",
            Collection::Persons => "person",
            Collection::RoleGlossary => "role glossary entry",
            Collection::RoleCards => "role card",
            Collection::Competencies => "competency",
            Collection::Positions => "position",
            Collection::Substitutions => "substitution",
            Collection::Directives => "directive",
            Collection::JobDescriptions => "job description",
            Collection::SourceDocuments => "source document",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    /// Always "ametijuhend-registry".
    pub format: String,
    /// The format's version (1).
    pub format_version: u32,
    pub units: Vec<Unit>,
    pub persons: Vec<Person>,
    pub role_glossary: Vec<RoleGlossaryEntry>,
    pub role_cards: Vec<RoleCard>,
    pub competencies: Vec<Competency>,
    pub positions: Vec<Position>,
    pub substitutions: Vec<Substitution>,
    pub directives: Vec<Directive>,
    pub job_descriptions: Vec<JobDescription>,
    pub source_documents: Vec<SourceDocument>,
}

impl Default for Registry {
    fn default() -> Self {
        Self {
            format: FORMAT_NAME.to_string(),
            format_version: FORMAT_VERSION,
            units: vec![],
            persons: vec![],
            role_glossary: vec![],
            role_cards: vec![],
            competencies: vec![],
            positions: vec![],
            substitutions: vec![],
            directives: vec![],
            job_descriptions: vec![],
            source_documents: vec![],
        }
    }
}

/// A registry that breaks a rule, with the JSON path of the offending field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct RegistryError {
    pub path: String,
    pub message: String,
}

impl Registry {
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
            && self.persons.is_empty()
            && self.role_glossary.is_empty()
            && self.role_cards.is_empty()
            && self.competencies.is_empty()
            && self.positions.is_empty()
            && self.substitutions.is_empty()
            && self.directives.is_empty()
            && self.job_descriptions.is_empty()
            && self.source_documents.is_empty()
    }

    /// Puts every collection in canonical order.
    pub fn canonicalize(&mut self) {
        self.units.sort_by(|a, b| a.id.cmp(&b.id));
        self.persons.sort_by(|a, b| a.id.cmp(&b.id));
        self.role_glossary.sort_by(|a, b| a.id.cmp(&b.id));
        self.role_cards.sort_by(|a, b| a.id.cmp(&b.id));
        self.competencies.sort_by(|a, b| a.id.cmp(&b.id));
        self.positions.sort_by(|a, b| a.id.cmp(&b.id));
        self.substitutions.sort();
        self.substitutions.dedup();
        self.directives.sort_by(|a, b| a.id.cmp(&b.id));
        self.job_descriptions
            .sort_by(|a, b| (&a.position, a.version).cmp(&(&b.position, b.version)));
        self.source_documents
            .sort_by(|a, b| a.content_hash.cmp(&b.content_hash));
    }

    /// Checks the format header, ids, and that every reference points at a record of the
    /// registry. Returns every problem found, each with its JSON path.
    pub fn validate(&self) -> Result<(), Vec<RegistryError>> {
        let mut c = Checker::new();
        c.header(&self.format, self.format_version);
        macro_rules! each {
            ($($coll:ident $field:ident $check:ident),*) => {$(
                for (i, r) in self.$field.iter().enumerate() {
                    c.$check(i, r);
                }
                c.close(Collection::$coll);
            )*};
        }
        each!(
            Units units unit, Persons persons person, RoleGlossary role_glossary glossary_entry,
            RoleCards role_cards role_card, Competencies competencies competency,
            Positions positions position, Substitutions substitutions substitution,
            Directives directives directive, JobDescriptions job_descriptions job_description,
            SourceDocuments source_documents source_document
        );
        c.finish()
    }

    /// Writes the registry as its JSON document (the same bytes as `serde_json::to_string_pretty`).
    pub fn write_document<W: std::io::Write>(&self, out: W) -> std::io::Result<W> {
        let mut w = DocumentWriter::new(out)?;
        macro_rules! each {
            ($($coll:ident $field:ident),*) => {$(
                w.begin(Collection::$coll)?;
                for r in &self.$field {
                    w.record(r)?;
                }
            )*};
        }
        each!(
            Units units, Persons persons, RoleGlossary role_glossary, RoleCards role_cards,
            Competencies competencies, Positions positions, Substitutions substitutions,
            Directives directives, JobDescriptions job_descriptions,
            SourceDocuments source_documents
        );
        w.finish()
    }

    pub fn unit(&self, id: &UnitId) -> Option<&Unit> {
        self.units.iter().find(|u| &u.id == id)
    }
    pub fn position(&self, id: &PositionId) -> Option<&Position> {
        self.positions.iter().find(|p| &p.id == id)
    }
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        self.persons.iter().find(|p| &p.id == id)
    }
    pub fn role_card(&self, id: &RoleCardId) -> Option<&RoleCard> {
        self.role_cards.iter().find(|c| &c.id == id)
    }
    pub fn glossary_entry(&self, id: &RoleGlossaryId) -> Option<&RoleGlossaryEntry> {
        self.role_glossary.iter().find(|g| &g.id == id)
    }
    pub fn competency(&self, id: &CompetencyId) -> Option<&Competency> {
        self.competencies.iter().find(|c| &c.id == id)
    }
    pub fn directive(&self, id: &DirectiveId) -> Option<&Directive> {
        self.directives.iter().find(|d| &d.id == id)
    }
    pub fn job_description(&self, id: &JobDescriptionId) -> Option<&JobDescription> {
        self.job_descriptions.iter().find(|j| &j.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::position::StaffGroup;
    use crate::unit::UnitKind;

    fn small() -> Registry {
        let agency = Unit::new(
            UnitId::derived("SKA"),
            "Sotsiaalkindlustusamet",
            UnitKind::Agency,
            None,
        );
        let dept = Unit::new(
            UnitId::derived("A"),
            "Arendusosakond",
            UnitKind::Department,
            Some(agency.id.clone()),
        );
        let pos = Position {
            id: PositionId::derived("p"),
            title: "Peaspetsialist".into(),
            specialisation: None,
            unit: dept.id.clone(),
            supervisor: None,
            staff_group: StaffGroup::Official,
            role_card: None,
            job_family: None,
            assignments: vec![],
        };
        Registry {
            units: vec![agency, dept],
            positions: vec![pos],
            ..Registry::default()
        }
    }

    #[test]
    fn a_consistent_registry_validates() {
        small().validate().unwrap();
    }

    #[test]
    fn dangling_references_name_their_path() {
        let mut r = small();
        r.positions[0].supervisor = Some(PositionId::derived("missing"));
        let errs = r.validate().unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].path, "positions[0].supervisor");
        assert!(errs[0].message.contains("not in the registry"));
    }

    #[test]
    fn cycles_and_duplicates_are_found() {
        let mut r = small();
        let a = r.units[0].id.clone();
        r.units[0].versions[0].parent = Some(r.units[1].id.clone());
        let _ = a;
        let errs = r.validate().unwrap_err();
        assert!(errs.iter().any(|e| e.message.contains("cycle")), "{errs:?}");

        let mut r = small();
        r.positions.push(r.positions[0].clone());
        let errs = r.validate().unwrap_err();
        assert!(errs.iter().any(|e| e.path == "positions[1].id"), "{errs:?}");
    }

    #[test]
    fn wrong_format_header_is_refused() {
        let mut r = small();
        r.format = "something-else".into();
        r.format_version = 9;
        let errs = r.validate().unwrap_err();
        assert_eq!(errs.len(), 2);
    }

    #[test]
    fn canonical_order_is_deterministic() {
        let mut a = small();
        let mut b = small();
        b.units.reverse();
        a.canonicalize();
        b.canonicalize();
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
    }
}
