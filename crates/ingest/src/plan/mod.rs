//! Planning an import: the records of one document against the registry, into the delta of
//! records to insert or update, with notes on how names were resolved.
//!
//! - The original file is stored once (by content hash).
//! - Units: "Arendusosakond, arendustalitus" becomes the department and its division under the
//!   agency unit; existing units are found by name under the same parent, new ones get
//!   [`UnitId::derived`](ametijuhend_domain::UnitId) of the lower-cased path so that re-imports meet.
//! - Positions are found by unit, title and specialisation, else created with derived ids.
//! - A job description becomes the next version of its position; if a version of the
//!   position from the same file (content hash) exists, nothing: importing twice is a no-op.
//! - Competencies go to the library ([`Competency::from_text`](ametijuhend_domain::Competency::from_text): repeated texts meet).
//! - Directives get ids derived from number and date; annex k is linked to the job description
//!   of annex k; role cards and glossary entries get ids derived from catalogue and title/term
//!   and are updated in place (a changed card gets the next revision).
//! - Supervisor, substitutes and subordinates are resolved by name ([`crate::resolve`]) in the
//!   position's own unit, the units above it, its department, and elsewhere only by names that
//!   say the unit ("ekspertiisi talituse talitusejuhataja").
//!   Ambiguous and unknown names are noted, never guessed; the general part keeps them as
//!   written.
//!
//! - A new approved or signed version supersedes the position's earlier valid versions
//!   ([`versions`]); a version of a position linked to a role card is written from it.
//! - The holder a job description names becomes a person and an assignment of the position
//!   ([`holders`]).
//! - An original file that held a personal identification code is kept by name and hash only.
//!
//! The status of an imported version is the record's: approved with a filled approval stamp,
//! signed with a filled signature, draft otherwise.

use crate::personal;
use crate::record::{ApprovalRecord, ImportRecord};
use crate::resolve;
use ametijuhend_domain::directive::EntryIntoForce;
use ametijuhend_domain::ids::{DirectiveId, JobDescriptionId, PositionId};
use ametijuhend_domain::job_description::Approval;
use ametijuhend_domain::source::SourceRef;
use ametijuhend_domain::unit::Unit;
use ametijuhend_domain::{Position, Registry, SourceDocument, Timestamp};
use catalogue::{directive_id, plan_card, plan_directive, plan_glossary};
use links::link_names;
use positions::plan_jd;
use serde::{Deserialize, Serialize};

/// The agency every unit path hangs under.
pub const AGENCY: &str = "Sotsiaalkindlustusamet";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// How a record was planned or a name resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionNote {
    /// Index of the record in the slice given to [`plan`].
    pub record: usize,
    pub field: String,
    pub severity: Severity,
    pub message: String,
}

/// The records to insert or update, and the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub delta: Registry,
    pub report: Vec<ResolutionNote>,
}

impl Plan {
    /// True when the import changes nothing.
    pub fn is_empty(&self) -> bool {
        self.delta.is_empty()
    }

    /// The registry with the delta applied (records replaced by id, new ones added).
    pub fn apply_to(&self, registry: &Registry) -> Registry {
        merge(registry, &self.delta)
    }
}

pub(crate) fn upsert<T: Clone, K: PartialEq>(into: &mut Vec<T>, item: &T, key: impl Fn(&T) -> K) {
    match into.iter_mut().find(|x| key(x) == key(item)) {
        Some(slot) => *slot = item.clone(),
        None => into.push(item.clone()),
    }
}

/// `base` with every record of `delta` put in (replacing records with the same id).
pub fn merge(base: &Registry, delta: &Registry) -> Registry {
    let mut r = base.clone();
    delta
        .units
        .iter()
        .for_each(|x| upsert(&mut r.units, x, |u| u.id.clone()));
    delta
        .persons
        .iter()
        .for_each(|x| upsert(&mut r.persons, x, |u| u.id.clone()));
    delta
        .role_glossary
        .iter()
        .for_each(|x| upsert(&mut r.role_glossary, x, |u| u.id.clone()));
    delta
        .role_cards
        .iter()
        .for_each(|x| upsert(&mut r.role_cards, x, |u| u.id.clone()));
    delta
        .competencies
        .iter()
        .for_each(|x| upsert(&mut r.competencies, x, |u| u.id.clone()));
    delta
        .positions
        .iter()
        .for_each(|x| upsert(&mut r.positions, x, |u| u.id.clone()));
    delta
        .substitutions
        .iter()
        .for_each(|x| upsert(&mut r.substitutions, x, |u| u.clone()));
    delta
        .directives
        .iter()
        .for_each(|x| upsert(&mut r.directives, x, |u| u.id.clone()));
    delta
        .job_descriptions
        .iter()
        .for_each(|x| upsert(&mut r.job_descriptions, x, |u| u.id.clone()));
    delta
        .source_documents
        .iter()
        .for_each(|x| upsert(&mut r.source_documents, x, |u| u.content_hash.clone()));
    r.canonicalize();
    r
}

/// The work in progress: the base registry, the delta, the notes.
struct Work<'a> {
    base: &'a Registry,
    delta: Registry,
    notes: Vec<ResolutionNote>,
}

impl Work<'_> {
    fn note(&mut self, record: usize, field: &str, severity: Severity, message: impl Into<String>) {
        self.notes.push(ResolutionNote {
            record,
            field: field.to_string(),
            severity,
            message: message.into(),
        });
    }

    /// The registry as it will be: the base with the delta so far. The stored originals (file
    /// bytes) are left out: planning never looks into them.
    fn view(&self) -> Registry {
        let strip = |r: &Registry| Registry {
            units: r.units.clone(),
            persons: r.persons.clone(),
            role_glossary: r.role_glossary.clone(),
            role_cards: r.role_cards.clone(),
            competencies: r.competencies.clone(),
            positions: r.positions.clone(),
            substitutions: r.substitutions.clone(),
            directives: r.directives.clone(),
            job_descriptions: r.job_descriptions.clone(),
            ..Registry::default()
        };
        merge(&strip(self.base), &strip(&self.delta))
    }

    fn units(&self) -> Vec<Unit> {
        let mut out = self.base.units.clone();
        for u in &self.delta.units {
            upsert(&mut out, u, |x| x.id.clone());
        }
        out
    }

    fn positions(&self) -> Vec<Position> {
        let mut out = self.base.positions.clone();
        for p in &self.delta.positions {
            upsert(&mut out, p, |x| x.id.clone());
        }
        out
    }
}

/// Puts `item` into the delta unless the base already holds it unchanged.
macro_rules! put {
    ($work:expr, $coll:ident, $item:expr) => {{
        let item = $item;
        let same = $work.base.$coll.iter().any(|x| x == &item);
        if !same {
            upsert(&mut $work.delta.$coll, &item, |x| x.id.clone());
        }
    }};
}

mod catalogue;
pub mod context;
pub mod holders;
mod links;
mod positions;
pub mod versions;

pub(crate) fn key(s: &str) -> String {
    resolve::normalise(s)
}

/// Plans the import of one document's records into `registry`.
pub fn plan(
    records: &[ImportRecord],
    registry: &Registry,
    source: SourceDocument,
    now: Timestamp,
) -> Plan {
    plan_checked(records, registry, source, now, true)
}

/// [`plan`]; references out of `registry` are checked only with `check_references` (not when
/// it is a partial registry, see [`context`]).
fn plan_checked(
    records: &[ImportRecord],
    registry: &Registry,
    source: SourceDocument,
    now: Timestamp,
    check_references: bool,
) -> Plan {
    let mut w = Work {
        base: registry,
        delta: Registry::default(),
        notes: Vec::new(),
    };
    let source_ref = SourceRef {
        content_hash: source.content_hash.clone(),
        file_name: source.file_name.clone(),
    };
    for (i, r) in records.iter().enumerate() {
        if r.source().content_hash != source.content_hash {
            w.note(
                i,
                "source.content_hash",
                Severity::Warning,
                "the record comes from another file than the source document given",
            );
        }
    }
    if !records.is_empty()
        && !registry
            .source_documents
            .iter()
            .any(|s| s.content_hash == source.content_hash)
    {
        let mut source = source;
        if records.iter().any(|r| {
            r.warnings()
                .iter()
                .any(|w| w.field.as_deref() == Some(personal::FIELD))
        }) {
            // The original holds a personal identification code: its name and hash are kept
            // (records point at it), its bytes are not.
            source.content.clear();
            w.note(
                0,
                "source.content",
                Severity::Warning,
                "the original file holds a personal identification code: only its name and hash are stored, not the file itself; keep the original elsewhere if it is needed",
            );
        }
        w.delta.source_documents.push(source);
    }
    for r in records {
        if let ImportRecord::RoleGlossaryEntry(g) = r {
            plan_glossary(&mut w, g);
        }
    }
    for (i, r) in records.iter().enumerate() {
        if let ImportRecord::RoleCard(c) = r {
            plan_card(&mut w, i, c);
        }
    }
    let directive = records.iter().enumerate().find_map(|(i, r)| match r {
        ImportRecord::Directive(d) => Some((i, d)),
        _ => None,
    });
    let directive_id = directive.map(|(_, d)| directive_id(d, &source_ref.content_hash));
    let effective = directive.and_then(|(_, d)| match &d.directive.entry_into_force {
        Some(EntryIntoForce::OnDate { date }) => Some(*date),
        Some(EntryIntoForce::OnSigning { retroactive_from }) => *retroactive_from,
        None => None,
    });
    let mut planned: Vec<(usize, PositionId, JobDescriptionId, Option<u32>)> = Vec::new();
    for (i, r) in records.iter().enumerate() {
        if let ImportRecord::JobDescription(jd) = r {
            let dir = directive_id.clone().filter(|_| {
                jd.approval.as_ref().is_some_and(|a| {
                    directive.is_some_and(|(_, d)| a.directive_number == d.directive.number)
                })
            });
            if let Some((pos, id)) = plan_jd(&mut w, i, jd, &source_ref, now, dir, effective) {
                planned.push((i, pos, id, jd.approval.as_ref().and_then(|a| a.annex)));
            }
        }
    }
    for (i, pos, _, _) in &planned {
        if let ImportRecord::JobDescription(jd) = &records[*i] {
            link_names(&mut w, *i, pos, jd);
        }
    }
    if let (Some((i, d)), Some(id)) = (directive, directive_id) {
        plan_directive(&mut w, i, d, id, &planned, &source_ref);
    }
    w.delta.canonicalize();
    if let Err(errs) = merge(registry, &w.delta).validate() {
        for e in errs {
            if !check_references && e.message.starts_with("refers to ") {
                continue;
            }
            w.note(
                0,
                &e.path,
                Severity::Error,
                format!("the planned registry does not validate: {}", e.message),
            );
        }
    }
    Plan {
        delta: w.delta,
        report: w.notes,
    }
}

pub(crate) fn approval(a: &ApprovalRecord, directive: Option<DirectiveId>) -> Approval {
    Approval {
        directive,
        directive_number: a.directive_number.clone(),
        directive_date: a.directive_date,
        annex: a.annex,
        approved_by: a.approved_by.clone(),
        placeholders: a.placeholders.clone(),
    }
}
