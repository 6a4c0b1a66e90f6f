//! Planning job descriptions: units from the unit text under the agency, the position (found
//! by unit, title and specialisation, else created), the next version (nothing when the file
//! was imported before; written from the position's role card when it has one), competencies
//! in the library; then the earlier versions it supersedes ([`super::versions`]) and its
//! holder ([`super::holders`]).

use super::AGENCY;
use super::catalogue::find_directive;
use super::{Severity, Work, approval, holders, key, upsert, versions};
use crate::record::JobDescriptionRecord;
use crate::units::unit_path;
use ametijuhend_domain::ids::{DirectiveId, JobDescriptionId, PositionId, UnitId};
use ametijuhend_domain::job_description::{GeneralPart, JobDescription};
use ametijuhend_domain::source::SourceRef;
use ametijuhend_domain::unit::{Unit, UnitKind};
use ametijuhend_domain::{Competency, CompetencyRef, Position, RoleCard, StaffGroup, Timestamp};

/// The agency unit: the one root agency of the registry, else a new one.
pub(super) fn agency(w: &mut Work) -> UnitId {
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
pub(super) fn unit_for(w: &mut Work, text: &str) -> UnitId {
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

pub(super) fn plan_jd(
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
    let card = versions::card_source(&view, &position);
    let mut record = JobDescription {
        id: id.clone(),
        position: position.id.clone(),
        version,
        status: jd.status,
        template: jd.template,
        created_at: now,
        created_by: None,
        written_from: card.as_ref().map(|(source, _)| source.clone()),
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
    record.workflow.card_snapshot = card.map(|(_, c)| c);
    if version > 1 {
        w.note(
            i,
            "job_description",
            Severity::Info,
            format!("version {version} of '{}'", position.full_title()),
        );
    }
    put!(w, job_descriptions, record.clone());
    versions::supersede_previous(w, i, &record, now);
    holders::assign_holder(w, i, jd, &record);
    Some((position.id.clone(), id))
}
