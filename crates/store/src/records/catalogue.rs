//! The role glossary, role cards with their roles, and the competency library.

use super::{Filter, clear, each, grouped, select};
use crate::Result;
use crate::sql::{Session, Stmt};
use ametijuhend_domain::role_card::PointsRange;
use ametijuhend_domain::{
    Approval, Competency, JobFamilyRange, RoleCard, RoleCardId, RoleGlossaryEntry, RoleRef,
};
use serde::{Deserialize, Serialize};

pub(crate) async fn upsert_role_glossary_entry<S: Session>(
    s: &mut S,
    g: &RoleGlossaryEntry,
) -> Result<()> {
    s.execute(
        Stmt::new(
            "INSERT INTO role_glossary (id, ordinal, term, synonyms, definition) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET \
             ordinal = excluded.ordinal, term = excluded.term, synonyms = excluded.synonyms, \
             definition = excluded.definition",
        )
        .text(&g.id)
        .int(g.ordinal)
        .text(&g.term)
        .json(&g.synonyms)?
        .text(&g.definition),
    )
    .await
    .map(|_| ())
}

pub(crate) async fn load_role_glossary<S: Session>(
    s: &mut S,
    f: Filter<'_>,
) -> Result<Vec<RoleGlossaryEntry>> {
    let stmt = select(
        "SELECT id, ordinal, term, synonyms, definition FROM role_glossary {where}",
        f.records("id"),
    );
    let mut entries = each(s, "role_glossary", stmt, |c| {
        Ok(RoleGlossaryEntry {
            id: c.parsed()?,
            ordinal: c.u32()?,
            term: c.text()?,
            synonyms: c.json()?,
            definition: c.text()?,
        })
    })
    .await?;
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(entries)
}

/// The fields of a role card kept in its `body` document.
#[derive(Serialize, Deserialize)]
struct RoleCardBody {
    note: Option<String>,
    why_needed: String,
    roles_text: String,
    purpose: String,
    benefit: String,
    target_groups: Vec<String>,
    required_competences: String,
    competence_note: Option<String>,
    job_family_text: String,
    job_family_note: Option<String>,
    job_families: Vec<JobFamilyRange>,
    evaluation_points: Option<PointsRange>,
    approval: Option<Approval>,
}

pub(crate) async fn upsert_role_card<S: Session>(s: &mut S, card: &RoleCard) -> Result<()> {
    // Destructured in full so that a new field of RoleCard cannot be forgotten here.
    let RoleCard {
        id,
        catalogue,
        revision,
        ordinal,
        title,
        note,
        why_needed,
        roles_text,
        roles,
        purpose,
        benefit,
        target_groups,
        required_competences,
        competence_note,
        job_family_text,
        job_family_note,
        job_families,
        evaluation_points,
        approval,
    } = card.clone();
    let body = RoleCardBody {
        note,
        why_needed,
        roles_text,
        purpose,
        benefit,
        target_groups,
        required_competences,
        competence_note,
        job_family_text,
        job_family_note,
        job_families,
        evaluation_points,
        approval,
    };
    s.execute(
        Stmt::new(
            "INSERT INTO role_cards (id, catalogue, revision, ordinal, title, body) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET \
             catalogue = excluded.catalogue, revision = excluded.revision, \
             ordinal = excluded.ordinal, title = excluded.title, body = excluded.body",
        )
        .text(&id)
        .text(catalogue)
        .int(revision)
        .int(ordinal)
        .text(title)
        .json(&body)?,
    )
    .await?;
    clear(s, "role_card_roles", "role_card_id", id.as_str()).await?;
    for (seq, r) in roles.iter().enumerate() {
        s.execute(
            Stmt::new(
                "INSERT INTO role_card_roles (role_card_id, seq, text, glossary_entry_id) \
                 VALUES ($1, $2, $3, $4)",
            )
            .text(&id)
            .seq(seq)
            .text(&r.text)
            .opt_text(r.glossary_entry.as_ref()),
        )
        .await?;
    }
    Ok(())
}

pub(crate) async fn load_role_cards<S: Session>(s: &mut S, f: Filter<'_>) -> Result<Vec<RoleCard>> {
    let mut roles = grouped(
        s,
        "role_card_roles",
        select(
            "SELECT role_card_id, text, glossary_entry_id FROM role_card_roles {where} \
             ORDER BY role_card_id, seq",
            f.lists("role_card_id", "role_cards", "id"),
        ),
        |c| {
            Ok(RoleRef {
                text: c.text()?,
                glossary_entry: c.opt_parsed()?,
            })
        },
    )
    .await?;
    let stmt = select(
        "SELECT id, catalogue, revision, ordinal, title, body FROM role_cards {where}",
        f.records("id"),
    );
    let mut cards = each(s, "role_cards", stmt, |c| {
        let id: RoleCardId = c.parsed()?;
        let (catalogue, revision, ordinal, title) = (c.text()?, c.u32()?, c.u32()?, c.text()?);
        let b: RoleCardBody = c.json()?;
        Ok(RoleCard {
            roles: roles.remove(id.as_str()).unwrap_or_default(),
            id,
            catalogue,
            revision,
            ordinal,
            title,
            note: b.note,
            why_needed: b.why_needed,
            roles_text: b.roles_text,
            purpose: b.purpose,
            benefit: b.benefit,
            target_groups: b.target_groups,
            required_competences: b.required_competences,
            competence_note: b.competence_note,
            job_family_text: b.job_family_text,
            job_family_note: b.job_family_note,
            job_families: b.job_families,
            evaluation_points: b.evaluation_points,
            approval: b.approval,
        })
    })
    .await?;
    cards.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(cards)
}

pub(crate) async fn upsert_competency<S: Session>(s: &mut S, c: &Competency) -> Result<()> {
    s.execute(
        Stmt::new(
            "INSERT INTO competencies (id, name, indicators) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, indicators = excluded.indicators",
        )
        .text(&c.id)
        .text(&c.name)
        .json(&c.indicators)?,
    )
    .await
    .map(|_| ())
}

pub(crate) async fn load_competencies<S: Session>(
    s: &mut S,
    f: Filter<'_>,
) -> Result<Vec<Competency>> {
    let stmt = select(
        "SELECT id, name, indicators FROM competencies {where}",
        f.records("id"),
    );
    let mut comps = each(s, "competencies", stmt, |c| {
        Ok(Competency {
            id: c.parsed()?,
            name: c.text()?,
            indicators: c.json()?,
        })
    })
    .await?;
    comps.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(comps)
}
