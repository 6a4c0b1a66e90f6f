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
use std::collections::{HashMap, HashSet};

pub const FORMAT_NAME: &str = "ametijuhend-registry";
pub const FORMAT_VERSION: u32 = 1;

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

impl RegistryError {
    fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
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
        let mut errs = Vec::new();
        if self.format != FORMAT_NAME {
            errs.push(RegistryError::new(
                "format",
                format!("is '{}', expected '{FORMAT_NAME}'", self.format),
            ));
        }
        if self.format_version != FORMAT_VERSION {
            errs.push(RegistryError::new(
                "format_version",
                format!(
                    "is {}, this program reads version {FORMAT_VERSION}",
                    self.format_version
                ),
            ));
        }

        fn ids<'a, K: 'a>(
            errs: &mut Vec<RegistryError>,
            coll: &str,
            items: impl Iterator<Item = &'a crate::ids::Id<K>>,
        ) -> HashSet<String> {
            let mut set = HashSet::new();
            for (i, id) in items.enumerate() {
                if !id.is_valid() {
                    errs.push(RegistryError::new(
                        format!("{coll}[{i}].id"),
                        format!("'{id}' is not a UUID"),
                    ));
                }
                if !set.insert(id.to_string()) {
                    errs.push(RegistryError::new(
                        format!("{coll}[{i}].id"),
                        format!("'{id}' is used by another record of {coll}"),
                    ));
                }
            }
            set
        }
        let units = ids(&mut errs, "units", self.units.iter().map(|u| &u.id));
        let persons = ids(&mut errs, "persons", self.persons.iter().map(|p| &p.id));
        let glossary = ids(
            &mut errs,
            "role_glossary",
            self.role_glossary.iter().map(|g| &g.id),
        );
        let cards = ids(
            &mut errs,
            "role_cards",
            self.role_cards.iter().map(|c| &c.id),
        );
        let comps = ids(
            &mut errs,
            "competencies",
            self.competencies.iter().map(|c| &c.id),
        );
        let positions = ids(&mut errs, "positions", self.positions.iter().map(|p| &p.id));
        let directives = ids(
            &mut errs,
            "directives",
            self.directives.iter().map(|d| &d.id),
        );
        let jds = ids(
            &mut errs,
            "job_descriptions",
            self.job_descriptions.iter().map(|j| &j.id),
        );
        let sources: HashSet<&str> = self
            .source_documents
            .iter()
            .map(|s| s.content_hash.as_str())
            .collect();

        let check = |errs: &mut Vec<RegistryError>,
                     set: &HashSet<String>,
                     path: String,
                     id: &str,
                     what: &str| {
            if !set.contains(id) {
                errs.push(RegistryError::new(
                    path,
                    format!("refers to {what} '{id}', which is not in the registry: add it or remove the reference"),
                ));
            }
        };

        for (i, u) in self.units.iter().enumerate() {
            if let Err(e) = u.check_versions() {
                errs.push(RegistryError::new(format!("units[{i}]"), e));
            }
            for (j, v) in u.versions.iter().enumerate() {
                if let Some(p) = &v.parent {
                    check(
                        &mut errs,
                        &units,
                        format!("units[{i}].versions[{j}].parent"),
                        p.as_str(),
                        "unit",
                    );
                }
            }
        }
        if let Some(cycle) = self.unit_cycle() {
            errs.push(RegistryError::new(
                "units",
                format!("the unit tree has a cycle through unit '{cycle}': a unit cannot be its own ancestor"),
            ));
        }
        for (i, c) in self.role_cards.iter().enumerate() {
            for (j, r) in c.roles.iter().enumerate() {
                if let Some(g) = &r.glossary_entry {
                    check(
                        &mut errs,
                        &glossary,
                        format!("role_cards[{i}].roles[{j}].glossary_entry"),
                        g.as_str(),
                        "role glossary entry",
                    );
                }
            }
            if c.revision == 0 {
                errs.push(RegistryError::new(
                    format!("role_cards[{i}].revision"),
                    "must be 1 or more",
                ));
            }
        }
        for (i, p) in self.positions.iter().enumerate() {
            if p.title.trim().is_empty() {
                errs.push(RegistryError::new(
                    format!("positions[{i}].title"),
                    "is empty",
                ));
            }
            check(
                &mut errs,
                &units,
                format!("positions[{i}].unit"),
                p.unit.as_str(),
                "unit",
            );
            if let Some(s) = &p.supervisor {
                check(
                    &mut errs,
                    &positions,
                    format!("positions[{i}].supervisor"),
                    s.as_str(),
                    "position",
                );
                if s == &p.id {
                    errs.push(RegistryError::new(
                        format!("positions[{i}].supervisor"),
                        "is the position itself",
                    ));
                }
            }
            if let Some(c) = &p.role_card {
                check(
                    &mut errs,
                    &cards,
                    format!("positions[{i}].role_card"),
                    c.as_str(),
                    "role card",
                );
            }
            for (j, a) in p.assignments.iter().enumerate() {
                check(
                    &mut errs,
                    &persons,
                    format!("positions[{i}].assignments[{j}].person"),
                    a.person.as_str(),
                    "person",
                );
            }
        }
        for (i, s) in self.substitutions.iter().enumerate() {
            check(
                &mut errs,
                &positions,
                format!("substitutions[{i}].substitute"),
                s.substitute.as_str(),
                "position",
            );
            check(
                &mut errs,
                &positions,
                format!("substitutions[{i}].substituted"),
                s.substituted.as_str(),
                "position",
            );
        }
        for (i, d) in self.directives.iter().enumerate() {
            for (j, a) in d.annexes.iter().enumerate() {
                if let Some(jd) = &a.job_description {
                    check(
                        &mut errs,
                        &jds,
                        format!("directives[{i}].annexes[{j}].job_description"),
                        jd.as_str(),
                        "job description",
                    );
                }
            }
            for (j, r) in d.repeals.iter().enumerate() {
                if let Some(rd) = &r.directive {
                    check(
                        &mut errs,
                        &directives,
                        format!("directives[{i}].repeals[{j}].directive"),
                        rd.as_str(),
                        "directive",
                    );
                }
            }
            if let Some(s) = &d.source
                && !sources.contains(s.content_hash.as_str())
            {
                errs.push(RegistryError::new(
                    format!("directives[{i}].source.content_hash"),
                    format!(
                        "refers to source document '{}', which is not in source_documents",
                        s.content_hash
                    ),
                ));
            }
        }
        let mut versions: HashMap<(&str, u32), usize> = HashMap::new();
        for (i, jd) in self.job_descriptions.iter().enumerate() {
            check(
                &mut errs,
                &positions,
                format!("job_descriptions[{i}].position"),
                jd.position.as_str(),
                "position",
            );
            if let Some(prev) = versions.insert((jd.position.as_str(), jd.version), i) {
                errs.push(RegistryError::new(
                    format!("job_descriptions[{i}].version"),
                    format!(
                        "version {} of position '{}' is also job_descriptions[{prev}]",
                        jd.version, jd.position
                    ),
                ));
            }
            for (path, problem) in jd.problems() {
                errs.push(RegistryError::new(
                    format!("job_descriptions[{i}].{path}"),
                    problem,
                ));
            }
            for (j, c) in jd.competencies.iter().enumerate() {
                check(
                    &mut errs,
                    &comps,
                    format!("job_descriptions[{i}].competencies[{j}].competency"),
                    c.competency.as_str(),
                    "competency",
                );
            }
            if let Some(w) = &jd.written_from {
                check(
                    &mut errs,
                    &cards,
                    format!("job_descriptions[{i}].written_from.role_card"),
                    w.role_card.as_str(),
                    "role card",
                );
            }
            if let Some(a) = &jd.approval
                && let Some(d) = &a.directive
            {
                check(
                    &mut errs,
                    &directives,
                    format!("job_descriptions[{i}].approval.directive"),
                    d.as_str(),
                    "directive",
                );
            }
            if let Some(s) = &jd.source
                && !sources.contains(s.content_hash.as_str())
            {
                errs.push(RegistryError::new(
                    format!("job_descriptions[{i}].source.content_hash"),
                    format!(
                        "refers to source document '{}', which is not in source_documents",
                        s.content_hash
                    ),
                ));
            }
        }
        for (i, s) in self.source_documents.iter().enumerate() {
            let ok = s.content_hash.len() == 64
                && s.content_hash
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase());
            if !ok {
                errs.push(RegistryError::new(
                    format!("source_documents[{i}].content_hash"),
                    "must be the lower-case hex SHA-256 of content",
                ));
            }
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }

    /// A unit on a cycle of the (current) parent links, if any.
    fn unit_cycle(&self) -> Option<UnitId> {
        let parent: HashMap<&UnitId, &UnitId> = self
            .units
            .iter()
            .filter_map(|u| {
                u.versions
                    .last()
                    .and_then(|v| v.parent.as_ref())
                    .map(|p| (&u.id, p))
            })
            .collect();
        for u in &self.units {
            let mut seen = HashSet::new();
            let mut cur = &u.id;
            while let Some(p) = parent.get(cur) {
                if !seen.insert(*p) {
                    return Some((*p).clone());
                }
                cur = p;
            }
        }
        None
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
