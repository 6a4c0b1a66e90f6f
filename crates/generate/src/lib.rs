//! A seeded generator of realistic registries, for tests, benchmarks, load tests and the demo.
//!
//! An agency with departments, divisions and teams, the role card catalogue, a competency
//! library, and `n` positions: a head for every department and division, the others in
//! divisions and teams with their supervisors; holders (fictional people, some positions vacant,
//! some with a former holder); substitution links in pairs, most both ways, some one-way, some
//! positions without; job descriptions written from the role cards with 5–12 duties drawn from
//! some seventy duty texts, in every state of the lifecycle (draft, returned draft, in
//! coordination, approved, signed, in force, superseded, repealed); the directives that approved
//! them, with an annex per version; approvals from January 2023 to November 2026 and some annual
//! reviews recorded, so that reviews are overdue, due soon and not yet due.
//!
//! Two shapes. A small agency (fewer than 500 positions; see `agency`) is shaped after the
//! agency's documents: the departments they name with their divisions and teams, scaled with
//! the size (150 positions: seven departments, some thirty units of four to eight positions),
//! members titled after the work of their unit, heads titled as the agency writes them
//! ("Osakonnajuhataja", "Talitusejuhataja"), one directive per department and half-year, versions
//! in coordination waiting for the supervisor's sign-off, HR's, both or neither, and a directive
//! prepared but not registered whose annexes are coordinated versions. A larger registry keeps
//! the first shape, on which the benchmarks were measured (twelve departments, about one unit
//! per forty positions, one directive per department and month).
//!
//! The same seed and size always give the same registry, byte for byte. [`write_document`]
//! writes it as the registry document (`ametijuhend restore` loads it) one record at a time in
//! canonical order, keeping only the plan in memory (some hundred bytes a position);
//! [`registry`] builds it in memory.

mod agency;
mod plan;
mod rng;
mod texts;
pub mod vocab;

use ametijuhend_domain::{
    Collection, Competency, CompetencyId, DocumentWriter, PositionId, Registry,
};
use plan::Plan;
pub use rng::Rng;
use std::io::{self, Write};
use texts::Library;

/// The generator's output could not be read back as domain records (a bug in the generator).
#[derive(Debug, thiserror::Error)]
#[error("generated {what} does not match the domain model: {source}")]
pub struct GenerateError {
    what: &'static str,
    source: serde_json::Error,
}

/// How many records of each kind a generated registry holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub units: usize,
    pub positions: usize,
    pub persons: usize,
    pub substitutions: usize,
    pub directives: usize,
    pub job_descriptions: usize,
}

/// Where generated records go, collection by collection in canonical order.
trait Sink {
    fn begin(&mut self, c: Collection) -> io::Result<()>;
    fn unit(&mut self, r: ametijuhend_domain::Unit) -> io::Result<()>;
    fn person(&mut self, r: ametijuhend_domain::Person) -> io::Result<()>;
    fn role_card(&mut self, r: &ametijuhend_domain::RoleCard) -> io::Result<()>;
    fn competency(&mut self, r: &Competency) -> io::Result<()>;
    fn position(&mut self, r: ametijuhend_domain::Position) -> io::Result<()>;
    fn substitution(&mut self, r: &ametijuhend_domain::Substitution) -> io::Result<()>;
    fn directive(&mut self, r: ametijuhend_domain::Directive) -> io::Result<()>;
    fn job_description(&mut self, r: ametijuhend_domain::JobDescription) -> io::Result<()>;
}

impl<W: Write> Sink for DocumentWriter<W> {
    fn begin(&mut self, c: Collection) -> io::Result<()> {
        DocumentWriter::begin(self, c)
    }
    fn unit(&mut self, r: ametijuhend_domain::Unit) -> io::Result<()> {
        self.record(&r)
    }
    fn person(&mut self, r: ametijuhend_domain::Person) -> io::Result<()> {
        self.record(&r)
    }
    fn role_card(&mut self, r: &ametijuhend_domain::RoleCard) -> io::Result<()> {
        self.record(r)
    }
    fn competency(&mut self, r: &Competency) -> io::Result<()> {
        self.record(r)
    }
    fn position(&mut self, r: ametijuhend_domain::Position) -> io::Result<()> {
        self.record(&r)
    }
    fn substitution(&mut self, r: &ametijuhend_domain::Substitution) -> io::Result<()> {
        self.record(r)
    }
    fn directive(&mut self, r: ametijuhend_domain::Directive) -> io::Result<()> {
        self.record(&r)
    }
    fn job_description(&mut self, r: ametijuhend_domain::JobDescription) -> io::Result<()> {
        self.record(&r)
    }
}

impl Sink for Registry {
    fn begin(&mut self, _: Collection) -> io::Result<()> {
        Ok(())
    }
    fn unit(&mut self, r: ametijuhend_domain::Unit) -> io::Result<()> {
        self.units.push(r);
        Ok(())
    }
    fn person(&mut self, r: ametijuhend_domain::Person) -> io::Result<()> {
        self.persons.push(r);
        Ok(())
    }
    fn role_card(&mut self, r: &ametijuhend_domain::RoleCard) -> io::Result<()> {
        self.role_cards.push(r.clone());
        Ok(())
    }
    fn competency(&mut self, r: &Competency) -> io::Result<()> {
        self.competencies.push(r.clone());
        Ok(())
    }
    fn position(&mut self, r: ametijuhend_domain::Position) -> io::Result<()> {
        self.positions.push(r);
        Ok(())
    }
    fn substitution(&mut self, r: &ametijuhend_domain::Substitution) -> io::Result<()> {
        self.substitutions.push(r.clone());
        Ok(())
    }
    fn directive(&mut self, r: ametijuhend_domain::Directive) -> io::Result<()> {
        self.directives.push(r);
        Ok(())
    }
    fn job_description(&mut self, r: ametijuhend_domain::JobDescription) -> io::Result<()> {
        self.job_descriptions.push(r);
        Ok(())
    }
}

fn bug(e: GenerateError) -> io::Error {
    io::Error::other(e)
}

/// Generates every record into `sink` in canonical order (collections sorted by id, job
/// descriptions by position and version).
fn generate(seed: u64, positions: usize, sink: &mut dyn Sink) -> io::Result<Summary> {
    let plan = Plan::new(seed, positions);
    let lib = Library::new(seed).map_err(bug)?;
    let mut summary = Summary {
        units: plan.units.len(),
        positions,
        substitutions: plan.substitutions.len(),
        directives: plan.directives.len(),
        ..Summary::default()
    };

    sink.begin(Collection::Units)?;
    let mut order: Vec<usize> = (0..plan.units.len()).collect();
    order.sort_by(|a, b| plan.units[*a].id.cmp(&plan.units[*b].id));
    for i in order {
        sink.unit(texts::unit(&plan, i))?;
    }

    sink.begin(Collection::Persons)?;
    let mut holders: Vec<(ametijuhend_domain::PersonId, usize, u8)> = plan
        .slots
        .iter()
        .flat_map(|s| (0..s.holders).map(move |h| (plan::person_id(seed, s.index, h), s.index, h)))
        .collect();
    holders.sort();
    summary.persons = holders.len();
    for (_, p, h) in holders {
        let people = texts::persons(&plan, &plan.slots[p]);
        if let Some(person) = people.into_iter().nth(usize::from(h)) {
            sink.person(person)?;
        }
    }

    sink.begin(Collection::RoleCards)?;
    let mut cards: Vec<_> = lib.cards.iter().collect();
    cards.sort_by(|a, b| a.id.cmp(&b.id));
    for c in cards {
        sink.role_card(c)?;
    }
    sink.begin(Collection::Competencies)?;
    let mut comps: Vec<&Competency> = lib.competencies().collect();
    comps.sort_by(|a, b| a.id.cmp(&b.id));
    for c in comps {
        sink.competency(c)?;
    }

    let mut order: Vec<usize> = (0..plan.slots.len()).collect();
    order.sort_by(|a, b| plan.slots[*a].id.cmp(&plan.slots[*b].id));
    sink.begin(Collection::Positions)?;
    for &i in &order {
        sink.position(texts::position(&plan, &lib, &plan.slots[i]).map_err(bug)?)?;
    }
    sink.begin(Collection::Substitutions)?;
    for l in &plan.substitutions {
        sink.substitution(l)?;
    }
    sink.begin(Collection::Directives)?;
    let mut ds: Vec<usize> = (0..plan.directives.len()).collect();
    ds.sort_by(|a, b| plan.directives[*a].id.cmp(&plan.directives[*b].id));
    for d in ds {
        sink.directive(texts::directive(&plan, d).map_err(bug)?)?;
    }
    sink.begin(Collection::JobDescriptions)?;
    for &i in &order {
        let s = &plan.slots[i];
        for v in 0..s.versions.len() {
            sink.job_description(texts::job_description(&plan, &lib, s, v).map_err(bug)?)?;
            summary.job_descriptions += 1;
        }
    }
    Ok(summary)
}

/// Writes the registry generated from `seed` with `positions` positions as a registry document
/// (the bytes `ametijuhend export` would write for it), one record at a time.
pub fn write_document<W: Write>(seed: u64, positions: usize, out: W) -> io::Result<(W, Summary)> {
    let mut w = DocumentWriter::new(out)?;
    let summary = generate(seed, positions, &mut w)?;
    Ok((w.finish()?, summary))
}

/// A registry with `positions` positions, generated from `seed`, in memory.
pub fn registry(seed: u64, positions: usize) -> Result<Registry, GenerateError> {
    let mut r = Registry::default();
    generate(seed, positions, &mut r).map_err(|e| {
        match e
            .into_inner()
            .map(|inner| inner.downcast::<GenerateError>())
        {
            Some(Ok(g)) => *g,
            _ => GenerateError {
                what: "registry",
                source: serde_json::Error::io(io::Error::other("the generator stopped")),
            },
        }
    })?;
    Ok(r)
}

/// The id of generated position `index` (positions are numbered in the order generated: the
/// heads of departments and divisions first).
pub fn position_id(seed: u64, index: usize) -> PositionId {
    plan::position_id(seed, index)
}

/// The id of a generated competency by name, if the library has it.
pub fn competency_id(name: &str) -> Option<CompetencyId> {
    vocab::CORE_COMPETENCIES
        .iter()
        .chain(vocab::ADDITIONAL_COMPETENCIES)
        .find(|(n, _)| *n == name)
        .map(|(n, ind)| Competency::from_text(n, ind.iter().map(|s| s.to_string()).collect()).id)
}
