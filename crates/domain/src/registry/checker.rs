//! The rules of a registry document, checked record by record: [`Checker`] is fed the records
//! of each collection in document order (the whole registry at once by
//! [`Registry::validate`](super::Registry::validate), or a document read in pieces by
//! [`read_document`](super::read_document)) and keeps only the ids it has seen and the
//! references it could not resolve yet, never the records themselves. Every problem names its
//! JSON path (`positions[3].supervisor`).

use super::{Collection, FORMAT_NAME, FORMAT_VERSION, RegistryError};
use crate::competency::Competency;
use crate::directive::Directive;
use crate::ids::Id;
use crate::job_description::JobDescription;
use crate::position::{Person, Position, Substitution};
use crate::role_card::{RoleCard, RoleGlossaryEntry};
use crate::source::SourceDocument;
use crate::unit::Unit;
use std::collections::{HashMap, HashSet};

/// A reference whose target collection was not read completely when it was met.
struct Pending {
    path: String,
    target: Collection,
    id: Box<str>,
}

/// Where a path points in the document: the header first, then the collections in their
/// order, records by index (a problem of a whole collection after its records).
fn document_order(path: &str) -> (usize, usize) {
    let name = path.split(['[', '.']).next().unwrap_or("");
    let Some(c) = Collection::parse(name) else {
        return (0, 0);
    };
    let rank = 1 + Collection::ALL.iter().position(|x| *x == c).unwrap_or(0);
    let index = path[name.len()..]
        .strip_prefix('[')
        .and_then(|rest| rest.split(']').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    (rank, index)
}

/// Checks a registry document record by record (see the module notes).
#[derive(Default)]
pub struct Checker {
    errors: Vec<RegistryError>,
    ids: HashMap<Collection, HashSet<Box<str>>>,
    /// Collections whose array has been read to its end.
    closed: HashSet<Collection>,
    pending: Vec<Pending>,
    /// (position, version) of every job description, with its index.
    versions: HashMap<(Box<str>, u32), usize>,
    /// Every unit's current parent, for the cycle check.
    parents: HashMap<Box<str>, Box<str>>,
}

fn error(path: impl Into<String>, message: impl Into<String>) -> RegistryError {
    RegistryError {
        path: path.into(),
        message: message.into(),
    }
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    /// The format header fields.
    pub fn header(&mut self, format: &str, format_version: u32) {
        if format != FORMAT_NAME {
            self.errors.push(error(
                "format",
                format!("is '{format}', expected '{FORMAT_NAME}'"),
            ));
        }
        if format_version != FORMAT_VERSION {
            self.errors.push(error(
                "format_version",
                format!("is {format_version}, this program reads version {FORMAT_VERSION}"),
            ));
        }
    }

    /// Marks a collection as read completely: references to it are checked at once from now on.
    pub fn close(&mut self, c: Collection) {
        self.closed.insert(c);
    }

    fn id<K>(&mut self, coll: Collection, i: usize, id: &Id<K>) {
        let name = coll.name();
        if !id.is_valid() {
            self.errors.push(error(
                format!("{name}[{i}].id"),
                format!("'{id}' is not a UUID"),
            ));
        }
        if !self.ids.entry(coll).or_default().insert(id.as_str().into()) {
            self.errors.push(error(
                format!("{name}[{i}].id"),
                format!("'{id}' is used by another record of {name}"),
            ));
        }
    }

    fn refers(&mut self, path: String, target: Collection, id: &str) {
        if self.closed.contains(&target) {
            self.resolve(path, target, id);
        } else {
            self.pending.push(Pending {
                path,
                target,
                id: id.into(),
            });
        }
    }

    fn resolve(&mut self, path: String, target: Collection, id: &str) {
        if self.ids.get(&target).is_some_and(|s| s.contains(id)) {
            return;
        }
        let message = match target {
            Collection::SourceDocuments => {
                format!("refers to source document '{id}', which is not in source_documents")
            }
            _ => format!(
                "refers to {} '{id}', which is not in the registry: add it or remove the reference",
                target.record_name()
            ),
        };
        self.errors.push(error(path, message));
    }

    pub fn unit(&mut self, i: usize, u: &Unit) {
        self.id(Collection::Units, i, &u.id);
        if let Err(e) = u.check_versions() {
            self.errors.push(error(format!("units[{i}]"), e));
        }
        for (j, v) in u.versions.iter().enumerate() {
            if let Some(p) = &v.parent {
                let path = format!("units[{i}].versions[{j}].parent");
                self.refers(path, Collection::Units, p.as_str());
            }
        }
        if let Some(p) = u.versions.last().and_then(|v| v.parent.as_ref()) {
            self.parents.insert(u.id.as_str().into(), p.as_str().into());
        }
    }

    pub fn person(&mut self, i: usize, p: &Person) {
        self.id(Collection::Persons, i, &p.id);
    }

    pub fn glossary_entry(&mut self, i: usize, g: &RoleGlossaryEntry) {
        self.id(Collection::RoleGlossary, i, &g.id);
    }

    pub fn role_card(&mut self, i: usize, c: &RoleCard) {
        self.id(Collection::RoleCards, i, &c.id);
        for (j, r) in c.roles.iter().enumerate() {
            if let Some(g) = &r.glossary_entry {
                let path = format!("role_cards[{i}].roles[{j}].glossary_entry");
                self.refers(path, Collection::RoleGlossary, g.as_str());
            }
        }
        if c.revision == 0 {
            self.errors.push(error(
                format!("role_cards[{i}].revision"),
                "must be 1 or more",
            ));
        }
    }

    pub fn competency(&mut self, i: usize, c: &Competency) {
        self.id(Collection::Competencies, i, &c.id);
    }

    pub fn position(&mut self, i: usize, p: &Position) {
        self.id(Collection::Positions, i, &p.id);
        if p.title.trim().is_empty() {
            self.errors
                .push(error(format!("positions[{i}].title"), "is empty"));
        }
        self.refers(
            format!("positions[{i}].unit"),
            Collection::Units,
            p.unit.as_str(),
        );
        if let Some(s) = &p.supervisor {
            let path = format!("positions[{i}].supervisor");
            self.refers(path.clone(), Collection::Positions, s.as_str());
            if s == &p.id {
                self.errors.push(error(path, "is the position itself"));
            }
        }
        if let Some(c) = &p.role_card {
            let path = format!("positions[{i}].role_card");
            self.refers(path, Collection::RoleCards, c.as_str());
        }
        for (j, a) in p.assignments.iter().enumerate() {
            let path = format!("positions[{i}].assignments[{j}].person");
            self.refers(path, Collection::Persons, a.person.as_str());
        }
    }

    pub fn substitution(&mut self, i: usize, s: &Substitution) {
        let (a, b) = (s.substitute.as_str(), s.substituted.as_str());
        self.refers(
            format!("substitutions[{i}].substitute"),
            Collection::Positions,
            a,
        );
        self.refers(
            format!("substitutions[{i}].substituted"),
            Collection::Positions,
            b,
        );
    }

    pub fn directive(&mut self, i: usize, d: &Directive) {
        self.id(Collection::Directives, i, &d.id);
        for (j, a) in d.annexes.iter().enumerate() {
            if let Some(jd) = &a.job_description {
                let path = format!("directives[{i}].annexes[{j}].job_description");
                self.refers(path, Collection::JobDescriptions, jd.as_str());
            }
        }
        for (j, r) in d.repeals.iter().enumerate() {
            if let Some(rd) = &r.directive {
                let path = format!("directives[{i}].repeals[{j}].directive");
                self.refers(path, Collection::Directives, rd.as_str());
            }
        }
        if let Some(s) = &d.source {
            let path = format!("directives[{i}].source.content_hash");
            self.refers(path, Collection::SourceDocuments, &s.content_hash);
        }
    }

    pub fn job_description(&mut self, i: usize, jd: &JobDescription) {
        self.id(Collection::JobDescriptions, i, &jd.id);
        self.refers(
            format!("job_descriptions[{i}].position"),
            Collection::Positions,
            jd.position.as_str(),
        );
        let key = (jd.position.as_str().into(), jd.version);
        if let Some(prev) = self.versions.insert(key, i) {
            self.errors.push(error(
                format!("job_descriptions[{i}].version"),
                format!(
                    "version {} of position '{}' is also job_descriptions[{prev}]",
                    jd.version, jd.position
                ),
            ));
        }
        for (path, problem) in jd.problems() {
            self.errors
                .push(error(format!("job_descriptions[{i}].{path}"), problem));
        }
        for (j, c) in jd.competencies.iter().enumerate() {
            let path = format!("job_descriptions[{i}].competencies[{j}].competency");
            self.refers(path, Collection::Competencies, c.competency.as_str());
        }
        if let Some(w) = &jd.written_from {
            let path = format!("job_descriptions[{i}].written_from.role_card");
            self.refers(path, Collection::RoleCards, w.role_card.as_str());
        }
        if let Some(d) = jd.approval.as_ref().and_then(|a| a.directive.as_ref()) {
            let path = format!("job_descriptions[{i}].approval.directive");
            self.refers(path, Collection::Directives, d.as_str());
        }
        if let Some(s) = &jd.source {
            let path = format!("job_descriptions[{i}].source.content_hash");
            self.refers(path, Collection::SourceDocuments, &s.content_hash);
        }
    }

    pub fn source_document(&mut self, i: usize, s: &SourceDocument) {
        self.ids
            .entry(Collection::SourceDocuments)
            .or_default()
            .insert(s.content_hash.as_str().into());
        let ok = s.content_hash.len() == 64
            && s.content_hash
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase());
        if !ok {
            self.errors.push(error(
                format!("source_documents[{i}].content_hash"),
                "must be the lower-case hex SHA-256 of content",
            ));
        }
    }

    /// The problems found, after resolving the references left open and looking for cycles in
    /// the unit tree.
    pub fn finish(mut self) -> Result<(), Vec<RegistryError>> {
        for p in std::mem::take(&mut self.pending) {
            self.resolve(p.path, p.target, &p.id);
        }
        if let Some(cycle) = self.unit_cycle() {
            self.errors.push(error(
                "units",
                format!(
                    "the unit tree has a cycle through unit '{cycle}': a unit cannot be its own ancestor"
                ),
            ));
        }
        if self.errors.is_empty() {
            Ok(())
        } else {
            // In document order, whenever a reference was resolved.
            self.errors.sort_by_cached_key(|e| document_order(&e.path));
            Err(self.errors)
        }
    }

    /// The problems found so far (without the references still open).
    pub fn problems_so_far(&self) -> usize {
        self.errors.len()
    }

    /// A unit on a cycle of the (current) parent links, if any.
    fn unit_cycle(&self) -> Option<String> {
        let mut starts: Vec<&Box<str>> = self.parents.keys().collect();
        starts.sort();
        for start in starts {
            let mut seen = HashSet::new();
            let mut cur = start;
            while let Some(p) = self.parents.get(cur) {
                if !seen.insert(p) {
                    return Some(p.to_string());
                }
                cur = p;
            }
        }
        None
    }
}
