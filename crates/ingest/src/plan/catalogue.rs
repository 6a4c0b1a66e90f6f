//! Planning the role card catalogue, its glossary and directives: ids derived from the
//! catalogue and title or term (from number and date for directives), updated in place; a
//! changed card gets the next revision; a directive's annexes are linked to their job
//! descriptions.

use super::{Severity, Work, approval, key, upsert};
use crate::record::{DirectiveRecord, GlossaryRecord, RoleCardRecord};
use ametijuhend_domain::directive::{Directive, DirectiveAnnex, Repeal};
use ametijuhend_domain::ids::{
    DirectiveId, JobDescriptionId, PositionId, RoleCardId, RoleGlossaryId,
};
use ametijuhend_domain::source::SourceRef;
use ametijuhend_domain::{Registry, RoleCard, RoleGlossaryEntry, RoleRef};

fn glossary_id(catalogue: &str, term: &str) -> RoleGlossaryId {
    RoleGlossaryId::derived(&format!("{}:{}", key(catalogue), key(term)))
}

pub(super) fn plan_glossary(w: &mut Work, g: &GlossaryRecord) {
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

pub(super) fn plan_card(w: &mut Work, i: usize, c: &RoleCardRecord) {
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

pub(super) fn directive_id(d: &DirectiveRecord, hash: &str) -> DirectiveId {
    match (&d.directive.number, d.directive.date) {
        (Some(n), Some(date)) => DirectiveId::derived(&format!("{}|{date}", key(n))),
        _ => DirectiveId::derived(&format!("{hash}|directive")),
    }
}

pub(super) fn find_directive(
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

pub(super) fn plan_directive(
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
