//! Planning an import: the records of one document against the registry, into the delta of
//! records to insert or update, with notes on how names were resolved.
//!
//! - The original file is stored once (by content hash).
//! - Units: "Arendusosakond, arendustalitus" becomes the department and its division under the
//!   agency unit; existing units are found by name under the same parent, new ones get
//!   [`UnitId::derived`] of the lower-cased path so that re-imports meet.
//! - Positions are found by unit, title and specialisation, else created with derived ids.
//! - A job description becomes the next version of its position; if a version of the
//!   position from the same file (content hash) exists, nothing: importing twice is a no-op.
//! - Competencies go to the library ([`Competency::from_text`]: repeated texts meet).
//! - Directives get ids derived from number and date; annex k is linked to the job description
//!   of annex k; role cards and glossary entries get ids derived from catalogue and title/term
//!   and are updated in place (a changed card gets the next revision).
//! - Supervisor, substitutes and subordinates are resolved by name ([`crate::resolve`]),
//!   preferring the position's own unit, then its parent unit, then the whole registry.
//!   Ambiguous and unknown names are noted, never guessed; the general part keeps them as
//!   written.
//!
//! The status of an imported version is the record's: approved with a filled approval stamp,
//! signed with a filled signature, draft otherwise.

use crate::record::{
    ApprovalRecord, DirectiveRecord, GlossaryRecord, ImportRecord, JobDescriptionRecord,
    RoleCardRecord,
};
use crate::resolve::{self, Resolution};
use crate::units::unit_path;
use ametijuhend_domain::directive::{Directive, DirectiveAnnex, EntryIntoForce, Repeal};
use ametijuhend_domain::ids::{
    DirectiveId, JobDescriptionId, PositionId, RoleCardId, RoleGlossaryId, UnitId,
};
use ametijuhend_domain::job_description::{Approval, GeneralPart, JobDescription};
use ametijuhend_domain::source::SourceRef;
use ametijuhend_domain::unit::{Unit, UnitKind};
use ametijuhend_domain::{
    Competency, CompetencyRef, Position, Registry, RoleCard, RoleGlossaryEntry, RoleRef,
    SourceDocument, StaffGroup, Substitution, Timestamp,
};
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

fn upsert<T: Clone, K: PartialEq>(into: &mut Vec<T>, item: &T, key: impl Fn(&T) -> K) {
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

    /// The registry as it will be: the base with the delta so far.
    fn view(&self) -> Registry {
        merge(self.base, &self.delta)
    }

    fn units(&self) -> Vec<Unit> {
        self.view().units
    }

    fn positions(&self) -> Vec<Position> {
        self.view().positions
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

fn key(s: &str) -> String {
    resolve::normalise(s)
}

/// Plans the import of one document's records into `registry`.
pub fn plan(
    records: &[ImportRecord],
    registry: &Registry,
    source: SourceDocument,
    now: Timestamp,
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

fn glossary_id(catalogue: &str, term: &str) -> RoleGlossaryId {
    RoleGlossaryId::derived(&format!("{}:{}", key(catalogue), key(term)))
}

fn plan_glossary(w: &mut Work, g: &GlossaryRecord) {
    let b = &g.role_glossary_entry;
    let entry = RoleGlossaryEntry {
        id: glossary_id(&b.catalogue, &b.term),
        ordinal: b.ordinal,
        term: b.term.clone(),
        synonyms: b.synonyms.clone(),
        definition: b.definition.clone(),
    };
    put!(w, role_glossary, entry);
}

fn approval(a: &ApprovalRecord, directive: Option<DirectiveId>) -> Approval {
    Approval {
        directive,
        directive_number: a.directive_number.clone(),
        directive_date: a.directive_date,
        annex: a.annex,
        approved_by: a.approved_by.clone(),
        placeholders: a.placeholders.clone(),
    }
}

fn plan_card(w: &mut Work, i: usize, c: &RoleCardRecord) {
    let b = &c.role_card;
    let id = RoleCardId::derived(&format!("{}:{}", key(&b.catalogue), key(&b.title)));
    let view = w.view();
    let roles = b
        .roles
        .iter()
        .map(|r| RoleRef {
            text: r.text.clone(),
            glossary_entry: r
                .glossary_term
                .as_ref()
                .map(|t| glossary_id(&b.catalogue, t))
                .filter(|g| view.glossary_entry(g).is_some()),
        })
        .collect();
    let mut card = RoleCard {
        id: id.clone(),
        catalogue: b.catalogue.clone(),
        revision: 1,
        ordinal: b.ordinal,
        title: b.title.clone(),
        note: b.note.clone(),
        why_needed: b.why_needed.clone(),
        roles_text: b.roles_text.clone(),
        roles,
        purpose: b.purpose.clone(),
        benefit: b.benefit.clone(),
        target_groups: b.target_groups.clone(),
        required_competences: b.required_competences.clone(),
        competence_note: b.competence_note.clone(),
        job_family_text: b.job_family_text.clone(),
        job_family_note: b.job_family_note.clone(),
        job_families: b.job_families.clone(),
        evaluation_points: b.evaluation_points,
        approval: b.approval.as_ref().map(|a| approval(a, None)),
    };
    if let Some(old) = view.role_card(&id) {
        card.revision = old.revision;
        if *old == card {
            return;
        }
        card.revision = old.revision + 1;
        w.note(
            i,
            "role_card",
            Severity::Info,
            format!(
                "role card '{}' changed: revision {}",
                card.title, card.revision
            ),
        );
    }
    put!(w, role_cards, card);
}

fn directive_id(d: &DirectiveRecord, hash: &str) -> DirectiveId {
    match (&d.directive.number, d.directive.date) {
        (Some(n), Some(date)) => DirectiveId::derived(&format!("{}|{date}", key(n))),
        _ => DirectiveId::derived(&format!("{hash}|directive")),
    }
}

fn find_directive(
    view: &Registry,
    number: Option<&str>,
    date: Option<chrono::NaiveDate>,
) -> Option<DirectiveId> {
    let n = number?;
    view.directives
        .iter()
        .find(|d| d.number.as_deref() == Some(n) && (date.is_none() || d.date == date))
        .map(|d| d.id.clone())
}

fn plan_directive(
    w: &mut Work,
    i: usize,
    d: &DirectiveRecord,
    id: DirectiveId,
    planned: &[(usize, PositionId, JobDescriptionId, Option<u32>)],
    source: &SourceRef,
) {
    let view = w.view();
    let b = &d.directive;
    let annexes = b
        .annexes
        .iter()
        .map(|a| DirectiveAnnex {
            annex: a.annex,
            title: a.title.clone(),
            job_description: planned
                .iter()
                .find(|p| p.3 == Some(a.annex))
                .map(|p| p.2.clone()),
        })
        .collect();
    let mut repeals = Vec::new();
    for r in &b.repeals {
        let target = find_directive(&view, r.directive_number.as_deref(), r.directive_date);
        if target.is_none() {
            w.note(
                i,
                "directive.repeals",
                Severity::Info,
                format!(
                    "repealed directive nr {} is not in the registry: kept as written",
                    r.directive_number.as_deref().unwrap_or("?")
                ),
            );
        }
        repeals.push(Repeal {
            directive: target,
            directive_number: r.directive_number.clone(),
            directive_date: r.directive_date,
            annex: r.annex,
            text: r.text.clone(),
        });
    }
    let directive = Directive {
        id,
        number: b.number.clone(),
        date: b.date,
        title: b.title.clone(),
        legal_basis: b.legal_basis.clone(),
        clauses: b.clauses.clone(),
        annexes,
        repeals,
        entry_into_force: b.entry_into_force.clone(),
        appeal_clause: b.appeal_clause.clone(),
        signer: b.signer.clone(),
        placeholders: b.placeholders.clone(),
        source: Some(source.clone()),
        unplaced: d
            .unplaced
            .iter()
            .map(|u| format!("{}: {}", u.line, u.text))
            .collect(),
    };
    put!(w, directives, directive);
}

/// The agency unit: the one root agency of the registry, else a new one.
fn agency(w: &mut Work) -> UnitId {
    let units = w.units();
    let roots: Vec<&Unit> = units
        .iter()
        .filter(|u| u.current().kind == UnitKind::Agency && u.parent().is_none())
        .collect();
    if let [one] = roots.as_slice() {
        return one.id.clone();
    }
    if let Some(u) = roots.iter().find(|u| key(u.name()) == key(AGENCY)) {
        return u.id.clone();
    }
    let unit = Unit::new(
        UnitId::derived(&key(AGENCY)),
        AGENCY,
        UnitKind::Agency,
        None,
    );
    let id = unit.id.clone();
    put!(w, units, unit);
    id
}

/// The unit a unit text names, created level by level where missing.
fn unit_for(w: &mut Work, text: &str) -> UnitId {
    let mut parent = agency(w);
    let mut path = key(AGENCY);
    for (name, kind) in unit_path(text) {
        path = format!("{path}/{}", key(&name));
        let units = w.units();
        let found = units
            .iter()
            .find(|u| key(u.name()) == key(&name) && u.parent() == Some(&parent))
            .map(|u| u.id.clone());
        parent = match found {
            Some(id) => id,
            None => {
                let unit = Unit::new(UnitId::derived(&path), name, kind, Some(parent));
                let id = unit.id.clone();
                put!(w, units, unit);
                id
            }
        };
    }
    parent
}

fn plan_jd(
    w: &mut Work,
    i: usize,
    jd: &JobDescriptionRecord,
    source: &SourceRef,
    now: Timestamp,
    directive: Option<DirectiveId>,
    effective: Option<chrono::NaiveDate>,
) -> Option<(PositionId, JobDescriptionId)> {
    let Some(title) = jd.position.title.clone() else {
        w.note(
            i,
            "position.title",
            Severity::Error,
            "the job description has no position title: not imported",
        );
        return None;
    };
    let p = &jd.position;
    let unit = match &p.unit {
        Some(u) => unit_for(w, u),
        None => {
            w.note(
                i,
                "position.unit",
                Severity::Warning,
                "no unit: the position is placed under the agency",
            );
            agency(w)
        }
    };
    let spec_key = p.specialisation.as_deref().map(key);
    let existing = w.positions().into_iter().find(|x| {
        x.unit == unit
            && key(&x.title) == key(&title)
            && x.specialisation.as_deref().map(key) == spec_key
    });
    let position = match existing {
        Some(x) => {
            w.note(
                i,
                "position",
                Severity::Info,
                format!(
                    "'{}' is a known position: the job description is a new version of it",
                    x.full_title()
                ),
            );
            x
        }
        None => {
            let unit_key = w
                .view()
                .unit(&unit)
                .map(|u| key(u.name()))
                .unwrap_or_default();
            let view = w.view();
            let cards: Vec<&RoleCard> = view
                .role_cards
                .iter()
                .filter(|c| {
                    crate::lines::letters_key(&c.title) == crate::lines::letters_key(&title)
                })
                .collect();
            let role_card = match cards.as_slice() {
                [one] => Some(one.id.clone()),
                _ => None,
            };
            if let Some(c) = &role_card {
                w.note(
                    i,
                    "position.role_card",
                    Severity::Info,
                    format!(
                        "linked to role card '{}' by title",
                        view.role_card(c).map_or("", |c| c.title.as_str())
                    ),
                );
            }
            let x = Position {
                id: PositionId::derived(&format!(
                    "{}|{unit_key}|{}|{}",
                    unit.as_str(),
                    key(&title),
                    spec_key.clone().unwrap_or_default()
                )),
                title: title.clone(),
                specialisation: p.specialisation.clone(),
                unit: unit.clone(),
                supervisor: None,
                staff_group: p.staff_group.unwrap_or(StaffGroup::Official),
                role_card,
                job_family: None,
                assignments: vec![],
            };
            put!(w, positions, x.clone());
            x
        }
    };
    let view = w.view();
    let versions: Vec<&JobDescription> = view
        .job_descriptions
        .iter()
        .filter(|j| j.position == position.id)
        .collect();
    if let Some(same) = versions.iter().find(|j| {
        j.source
            .as_ref()
            .is_some_and(|s| s.content_hash == source.content_hash)
    }) {
        w.note(
            i,
            "job_description",
            Severity::Info,
            format!(
                "already imported from this file (version {}): nothing to do",
                same.version
            ),
        );
        return Some((position.id.clone(), same.id.clone()));
    }
    let version = versions.iter().map(|j| j.version).max().unwrap_or(0) + 1;
    let mut refs: Vec<CompetencyRef> = Vec::new();
    for c in &jd.competencies {
        let comp = Competency::from_text(&c.name, c.indicators.clone());
        let r = CompetencyRef {
            competency: comp.id.clone(),
            kind: c.kind,
        };
        put!(w, competencies, comp);
        if !refs.contains(&r) {
            refs.push(r);
        }
    }
    let directive = directive.or_else(|| {
        jd.approval
            .as_ref()
            .and_then(|a| find_directive(&view, a.directive_number.as_deref(), a.directive_date))
    });
    let id = JobDescriptionId::derived(&format!(
        "{}|{}|{}",
        position.id, source.content_hash, jd.source.first_line
    ));
    let record = JobDescription {
        id: id.clone(),
        position: position.id.clone(),
        version,
        status: jd.status,
        template: jd.template,
        created_at: now,
        created_by: None,
        written_from: None,
        general: GeneralPart {
            title,
            specialisation: p.specialisation.clone(),
            unit: p.unit.clone().unwrap_or_default(),
            supervisor: p.supervisor.clone(),
            subordinates: p.subordinates.clone(),
            substituted_by: p.substituted_by.clone(),
            substitutes_for: p.substitutes_for.clone(),
            staff_group: p.staff_group,
        },
        purpose: jd.purpose.clone().unwrap_or_default(),
        duties: jd.duties.clone(),
        rights: jd.rights.clone(),
        responsibilities: jd.responsibilities.clone(),
        work_equipment: jd.work_equipment.clone(),
        requirements: jd.requirements.clone(),
        competencies: refs,
        amendment_rules: jd.amendment_rules.clone(),
        special_conditions: jd.special_conditions.clone(),
        signatures: jd.signatures.clone(),
        approval: jd.approval.as_ref().map(|a| approval(a, directive)),
        effective_from: effective,
        effective_to: None,
        source: Some(source.clone()),
        unplaced: jd
            .unplaced
            .iter()
            .map(|u| format!("{}: {}", u.line, u.text))
            .collect(),
        roles: Vec::new(),
        workflow: Default::default(),
    };
    if version > 1 {
        w.note(
            i,
            "job_description",
            Severity::Info,
            format!("version {version} of '{}'", position.full_title()),
        );
    }
    put!(w, job_descriptions, record);
    Some((position.id.clone(), id))
}

/// Candidate positions in tiers: the same unit, the parent unit and its children, all.
fn tiers(view: &Registry, own: &Position) -> Vec<Vec<(String, PositionId)>> {
    let parent = view.unit(&own.unit).and_then(|u| u.parent().cloned());
    let near = |p: &Position| {
        p.unit == own.unit
            || parent.as_ref().is_some_and(|par| {
                &p.unit == par || view.unit(&p.unit).and_then(|u| u.parent()) == Some(par)
            })
    };
    let entry = |p: &Position| (p.full_title(), p.id.clone());
    vec![
        view.positions
            .iter()
            .filter(|p| p.unit == own.unit)
            .map(entry)
            .collect(),
        view.positions
            .iter()
            .filter(|p| near(p))
            .map(entry)
            .collect(),
        view.positions.iter().map(entry).collect(),
    ]
}

fn resolve_one(
    w: &mut Work,
    i: usize,
    field: &str,
    name: &str,
    view: &Registry,
    own: &Position,
) -> Option<PositionId> {
    match resolve::resolve(name, &tiers(view, own)) {
        Resolution::Found(id) if id == own.id => {
            w.note(i, field, Severity::Info, format!("'{name}' names this position's own title (another holder of the same title): no link"));
            None
        }
        Resolution::Found(id) => Some(id),
        Resolution::Ambiguous(ids) => {
            let titles: Vec<String> = ids
                .iter()
                .filter_map(|id| view.position(id))
                .map(|p| {
                    let unit = view.unit(&p.unit).map_or("?", |u| u.name());
                    format!("'{}' in {unit}", p.full_title())
                })
                .collect();
            w.note(
                i,
                field,
                Severity::Warning,
                format!(
                    "'{name}' is ambiguous ({}): not linked, kept as written",
                    titles.join(", ")
                ),
            );
            None
        }
        Resolution::NotFound => {
            w.note(
                i,
                field,
                Severity::Warning,
                format!("'{name}' matches no position of the registry: kept as written"),
            );
            None
        }
    }
}

/// Supervisor, substitutions and subordinates by name.
fn link_names(w: &mut Work, i: usize, pos: &PositionId, jd: &JobDescriptionRecord) {
    let view = w.view();
    let Some(own) = view.position(pos).cloned() else {
        return;
    };
    let p = &jd.position;
    if let Some(name) = &p.supervisor
        && let Some(sup) = resolve_one(w, i, "position.supervisor", name, &view, &own)
        && own.supervisor.as_ref() != Some(&sup)
    {
        let mut updated = own.clone();
        updated.supervisor = Some(sup);
        put!(w, positions, updated);
    }
    let mut links = Vec::new();
    for name in &p.substituted_by {
        if let Some(other) = resolve_one(w, i, "position.substituted_by", name, &view, &own) {
            links.push(Substitution {
                substitute: other,
                substituted: own.id.clone(),
            });
        }
    }
    for name in &p.substitutes_for {
        if let Some(other) = resolve_one(w, i, "position.substitutes_for", name, &view, &own) {
            links.push(Substitution {
                substitute: own.id.clone(),
                substituted: other,
            });
        }
    }
    for l in links {
        if !view.substitutions.contains(&l) && !w.delta.substitutions.contains(&l) {
            w.delta.substitutions.push(l);
        }
    }
    for name in &p.subordinates {
        let Some(sub) = resolve_one(w, i, "position.subordinates", name, &view, &own) else {
            continue;
        };
        let Some(mut s) = w.view().position(&sub).cloned() else {
            continue;
        };
        match &s.supervisor {
            None => {
                s.supervisor = Some(own.id.clone());
                put!(w, positions, s);
            }
            Some(x) if *x == own.id => {}
            Some(_) => w.note(
                i,
                "position.subordinates",
                Severity::Warning,
                format!("'{name}' already reports to another position: left as it is"),
            ),
        }
    }
}
