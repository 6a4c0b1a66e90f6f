//! Reading the registry document in pieces: [`read_document`] parses it as it is read and hands
//! its records on in [`Chunk`]s of a given size, checking each with the [`Checker`], so that a
//! registry of any size is read with the memory of a few chunks (plus the ids the checker
//! keeps). A document that is not valid JSON, or a record that does not match the model, stops
//! the reading with a [`ReadError`] that names the JSON path, line and column.

use super::{Checker, Collection, RegistryError};
use crate::competency::Competency;
use crate::directive::Directive;
use crate::job_description::JobDescription;
use crate::position::{Person, Position, Substitution};
use crate::role_card::{RoleCard, RoleGlossaryEntry};
use crate::source::SourceDocument;
use crate::unit::Unit;
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;
use std::io::Read;

/// Records of one collection, in document order, with the index of the first in its array.
#[derive(Debug)]
pub enum Chunk {
    Units(usize, Vec<Unit>),
    Persons(usize, Vec<Person>),
    RoleGlossary(usize, Vec<RoleGlossaryEntry>),
    RoleCards(usize, Vec<RoleCard>),
    Competencies(usize, Vec<Competency>),
    Positions(usize, Vec<Position>),
    Substitutions(usize, Vec<Substitution>),
    Directives(usize, Vec<Directive>),
    JobDescriptions(usize, Vec<JobDescription>),
    SourceDocuments(usize, Vec<SourceDocument>),
}

impl Chunk {
    pub fn len(&self) -> usize {
        match self {
            Chunk::Units(_, v) => v.len(),
            Chunk::Persons(_, v) => v.len(),
            Chunk::RoleGlossary(_, v) => v.len(),
            Chunk::RoleCards(_, v) => v.len(),
            Chunk::Competencies(_, v) => v.len(),
            Chunk::Positions(_, v) => v.len(),
            Chunk::Substitutions(_, v) => v.len(),
            Chunk::Directives(_, v) => v.len(),
            Chunk::JobDescriptions(_, v) => v.len(),
            Chunk::SourceDocuments(_, v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A document that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct ReadError {
    /// The JSON path of the value being read (empty at the top level).
    pub path: String,
    /// Line and column (1-based) where reading stopped; 0 when the input could not be read.
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The input itself failed (a read error), not its content.
    pub io: bool,
}

impl ReadError {
    fn describe(&self) -> String {
        let field = if self.path.is_empty() || self.path == "." {
            String::new()
        } else {
            format!(" at {}", self.path)
        };
        if self.io {
            format!("cannot read the document{field}: {}", self.message)
        } else {
            format!(
                "invalid registry document{field} (line {}, column {}): {}",
                self.line, self.column, self.message
            )
        }
    }
}

/// Where records go: returns `false` to stop reading (the receiver is gone).
type Sink<'a> = &'a mut dyn FnMut(Chunk) -> bool;

const STOPPED: &str = "the records could not be handed on (the restore stopped)";

/// Reads a registry document from `input`, giving its records to `sink` in chunks of at most
/// `chunk_size`. Returns the consistency problems the [`Checker`] found (the records were all
/// handed on), or the [`ReadError`] that stopped the reading.
pub fn read_document<R: Read>(
    input: R,
    chunk_size: usize,
    sink: Sink<'_>,
) -> Result<Result<(), Vec<RegistryError>>, ReadError> {
    let mut checker = Checker::new();
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::new(input));
    let mut track = serde_path_to_error::Track::new();
    let read = DocumentSeed {
        checker: &mut checker,
        sink,
        chunk_size: chunk_size.max(1),
    }
    .deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track))
    .and_then(|()| de.end());
    match read {
        Ok(()) => Ok(checker.finish()),
        Err(e) => Err(ReadError {
            path: track.path().to_string(),
            line: e.line(),
            column: e.column(),
            io: e.is_io(),
            message: e
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or("")
                .to_string(),
        }),
    }
}

struct DocumentSeed<'a, 'b> {
    checker: &'a mut Checker,
    sink: Sink<'b>,
    chunk_size: usize,
}

const FIELDS: &[&str] = &[
    "format",
    "format_version",
    "units",
    "persons",
    "role_glossary",
    "role_cards",
    "competencies",
    "positions",
    "substitutions",
    "directives",
    "job_descriptions",
    "source_documents",
];

impl<'de> DeserializeSeed<'de> for DocumentSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("Registry", FIELDS, self)
    }
}

impl<'de> Visitor<'de> for DocumentSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a registry document (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut format: Option<String> = None;
        let mut version: Option<u32> = None;
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => format = Some(map.next_value()?),
                "format_version" => version = Some(map.next_value()?),
                name => {
                    let Some(c) = Collection::parse(name) else {
                        return Err(de::Error::unknown_field(name, FIELDS));
                    };
                    if !seen.insert(c) {
                        return Err(de::Error::duplicate_field(c.name()));
                    }
                    map.next_value_seed(CollectionSeed {
                        collection: c,
                        checker: &mut *self.checker,
                        sink: &mut *self.sink,
                        chunk_size: self.chunk_size,
                    })?;
                    self.checker.close(c);
                }
            }
        }
        let format = format.ok_or_else(|| de::Error::missing_field("format"))?;
        let version = version.ok_or_else(|| de::Error::missing_field("format_version"))?;
        if let Some(c) = Collection::ALL.into_iter().find(|c| !seen.contains(c)) {
            return Err(de::Error::missing_field(c.name()));
        }
        self.checker.header(&format, version);
        Ok(())
    }
}

struct CollectionSeed<'a, 'b> {
    collection: Collection,
    checker: &'a mut Checker,
    sink: Sink<'b>,
    chunk_size: usize,
}

impl<'de> DeserializeSeed<'de> for CollectionSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

/// Reads the records of one array, checks each, and hands them on in chunks.
fn records<'de, A: SeqAccess<'de>, T: DeserializeOwned>(
    mut seq: A,
    s: CollectionSeed<'_, '_>,
    check: fn(&mut Checker, usize, &T),
    wrap: fn(usize, Vec<T>) -> Chunk,
) -> Result<(), A::Error> {
    let mut first = 0;
    let mut buf: Vec<T> = Vec::with_capacity(s.chunk_size);
    while let Some(r) = seq.next_element::<T>()? {
        check(s.checker, first + buf.len(), &r);
        buf.push(r);
        if buf.len() == s.chunk_size {
            let n = buf.len();
            let full = std::mem::replace(&mut buf, Vec::with_capacity(s.chunk_size));
            if !(s.sink)(wrap(first, full)) {
                return Err(de::Error::custom(STOPPED));
            }
            first += n;
        }
    }
    if !buf.is_empty() && !(s.sink)(wrap(first, buf)) {
        return Err(de::Error::custom(STOPPED));
    }
    Ok(())
}

impl<'de> Visitor<'de> for CollectionSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an array of {}", self.collection.name())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        match self.collection {
            Collection::Units => records(seq, self, Checker::unit, Chunk::Units),
            Collection::Persons => records(seq, self, Checker::person, Chunk::Persons),
            Collection::RoleGlossary => {
                records(seq, self, Checker::glossary_entry, Chunk::RoleGlossary)
            }
            Collection::RoleCards => records(seq, self, Checker::role_card, Chunk::RoleCards),
            Collection::Competencies => {
                records(seq, self, Checker::competency, Chunk::Competencies)
            }
            Collection::Positions => records(seq, self, Checker::position, Chunk::Positions),
            Collection::Substitutions => {
                records(seq, self, Checker::substitution, Chunk::Substitutions)
            }
            Collection::Directives => records(seq, self, Checker::directive, Chunk::Directives),
            Collection::JobDescriptions => {
                records(seq, self, Checker::job_description, Chunk::JobDescriptions)
            }
            Collection::SourceDocuments => {
                records(seq, self, Checker::source_document, Chunk::SourceDocuments)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Registry;

    fn read_all(
        text: &str,
        size: usize,
    ) -> Result<(Registry, Result<(), Vec<RegistryError>>), ReadError> {
        let mut r = Registry::default();
        let verdict = read_document(text.as_bytes(), size, &mut |c| {
            match c {
                Chunk::Units(_, v) => r.units.extend(v),
                Chunk::Persons(_, v) => r.persons.extend(v),
                Chunk::RoleGlossary(_, v) => r.role_glossary.extend(v),
                Chunk::RoleCards(_, v) => r.role_cards.extend(v),
                Chunk::Competencies(_, v) => r.competencies.extend(v),
                Chunk::Positions(_, v) => r.positions.extend(v),
                Chunk::Substitutions(_, v) => r.substitutions.extend(v),
                Chunk::Directives(_, v) => r.directives.extend(v),
                Chunk::JobDescriptions(_, v) => r.job_descriptions.extend(v),
                Chunk::SourceDocuments(_, v) => r.source_documents.extend(v),
            }
            true
        })?;
        Ok((r, verdict))
    }

    #[test]
    fn a_document_read_in_chunks_is_the_registry() {
        let mut sample = crate::sample::sample_registry();
        sample.canonicalize();
        let text = serde_json::to_string_pretty(&sample).unwrap();
        for size in [1, 2, 1000] {
            let (r, verdict) = read_all(&text, size).unwrap();
            assert_eq!(verdict, Ok(()));
            assert_eq!(r, sample);
        }
    }

    #[test]
    fn errors_name_the_path_and_line() {
        let mut sample = crate::sample::sample_registry();
        sample.canonicalize();
        let mut v = serde_json::to_value(&sample).unwrap();
        v["positions"][1]["staff_group"] = serde_json::json!("pirate");
        let text = serde_json::to_string_pretty(&v).unwrap();
        let e = read_all(&text, 1).unwrap_err();
        assert_eq!(e.path, "positions[1].staff_group");
        assert!(e.line > 1, "{e}");
        assert!(e.to_string().contains("positions[1].staff_group"), "{e}");

        let e = read_all("{ not json", 5).unwrap_err();
        assert_eq!(e.line, 1);
        let e = read_all(r#"{"format": "ametijuhend-registry", "extra": 1}"#, 5).unwrap_err();
        assert!(e.message.contains("unknown field"), "{e}");
    }

    #[test]
    fn references_across_chunks_and_forward_are_checked() {
        let mut sample = crate::sample::sample_registry();
        sample.canonicalize();
        sample.positions[0].supervisor = Some(crate::ids::PositionId::derived("nowhere"));
        let text = serde_json::to_string_pretty(&sample).unwrap();
        let (_, verdict) = read_all(&text, 1).unwrap();
        let errs = verdict.unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].path, "positions[0].supervisor");
        assert_eq!(Err(errs), sample.validate());
    }
}
