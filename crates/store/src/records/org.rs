//! Units with their versions, persons, positions with their assignments, and substitutions.

use super::{Filter, clear, each, grouped, insert_rows, select};
use crate::Result;
use crate::sql::{Arg, Session, Stmt};
use ametijuhend_domain::{
    Assignment, JobFamilyLevel, Person, Position, StaffGroup, Substitution, Unit, UnitKind,
    UnitVersion,
};

/// A unit's version rows (`unit_id, seq, valid_from, valid_to, name, kind, parent_id`).
pub(crate) fn unit_rows(u: &Unit) -> Vec<Vec<Arg>> {
    u.versions
        .iter()
        .enumerate()
        .map(|(seq, v)| {
            Stmt::new("")
                .text(&u.id)
                .seq(seq)
                .date(v.valid_from)
                .date(v.valid_to)
                .text(&v.name)
                .text(v.kind.as_str())
                .opt_text(v.parent.as_ref())
                .args
        })
        .collect()
}

pub(crate) const UNIT_VERSION_COLUMNS: &str =
    "unit_id, seq, valid_from, valid_to, name, kind, parent_id";

pub(crate) async fn upsert_unit<S: Session>(s: &mut S, u: &Unit) -> Result<()> {
    s.execute(
        Stmt::new("INSERT INTO units (id) VALUES ($1) ON CONFLICT (id) DO NOTHING").text(&u.id),
    )
    .await?;
    clear(s, "unit_versions", "unit_id", u.id.as_str()).await?;
    insert_rows(s, "unit_versions", UNIT_VERSION_COLUMNS, unit_rows(u)).await
}

pub(crate) async fn load_units<S: Session>(s: &mut S, f: Filter<'_>) -> Result<Vec<Unit>> {
    let ids = each(
        s,
        "units",
        select("SELECT id FROM units {where}", f.records("id")),
        |c| c.parsed(),
    )
    .await?;
    let mut versions = grouped(
        s,
        "unit_versions",
        select(
            "SELECT unit_id, valid_from, valid_to, name, kind, parent_id FROM unit_versions \
             {where} ORDER BY unit_id, seq",
            f.lists("unit_id", "units", "id"),
        ),
        |c| {
            Ok(UnitVersion {
                valid_from: c.opt_date()?,
                valid_to: c.opt_date()?,
                name: c.text()?,
                kind: c.name(UnitKind::parse)?,
                parent: c.opt_parsed()?,
            })
        },
    )
    .await?;
    let mut units: Vec<Unit> = ids
        .into_iter()
        .map(|id: ametijuhend_domain::UnitId| Unit {
            versions: versions.remove(id.as_str()).unwrap_or_default(),
            id,
        })
        .collect();
    units.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(units)
}

/// A person's row (`id, name, email`).
pub(crate) fn person_row(p: &Person) -> Vec<Arg> {
    Stmt::new("")
        .text(&p.id)
        .text(&p.name)
        .opt_text(p.email.as_ref())
        .args
}

pub(crate) async fn upsert_person<S: Session>(s: &mut S, p: &Person) -> Result<()> {
    s.execute(
        Stmt::new(
            "INSERT INTO persons (id, name, email) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email",
        )
        .text(&p.id)
        .text(&p.name)
        .opt_text(p.email.as_ref()),
    )
    .await
    .map(|_| ())
}

pub(crate) async fn load_persons<S: Session>(s: &mut S, f: Filter<'_>) -> Result<Vec<Person>> {
    let stmt = select(
        "SELECT id, name, email FROM persons {where}",
        f.records("id"),
    );
    let mut persons = each(s, "persons", stmt, |c| {
        Ok(Person {
            id: c.parsed()?,
            name: c.text()?,
            email: c.opt_text()?,
        })
    })
    .await?;
    persons.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(persons)
}

pub(crate) const POSITION_COLUMNS: &str = "id, title, specialisation, unit_id, supervisor_id, \
     staff_group, role_card_id, job_family, job_level";
pub(crate) const ASSIGNMENT_COLUMNS: &str = "position_id, seq, person_id, from_date, to_date";

/// A position's row ([`POSITION_COLUMNS`]) and its assignment rows ([`ASSIGNMENT_COLUMNS`]).
pub(crate) fn position_rows(p: &Position) -> (Vec<Arg>, Vec<Vec<Arg>>) {
    let row = Stmt::new("")
        .text(&p.id)
        .text(&p.title)
        .opt_text(p.specialisation.as_ref())
        .text(&p.unit)
        .opt_text(p.supervisor.as_ref())
        .text(p.staff_group.as_str())
        .opt_text(p.role_card.as_ref())
        .opt_text(p.job_family.as_ref().map(|j| &j.family))
        .opt_text(p.job_family.as_ref().map(|j| &j.level))
        .args;
    let assignments = p
        .assignments
        .iter()
        .enumerate()
        .map(|(seq, a)| {
            Stmt::new("")
                .text(&p.id)
                .seq(seq)
                .text(&a.person)
                .date(a.from)
                .date(a.to)
                .args
        })
        .collect();
    (row, assignments)
}

pub(crate) async fn upsert_position<S: Session>(s: &mut S, p: &Position) -> Result<()> {
    let (row, assignments) = position_rows(p);
    let mut stmt = Stmt::new(format!(
        "INSERT INTO positions ({POSITION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, \
         specialisation = excluded.specialisation, unit_id = excluded.unit_id, \
         supervisor_id = excluded.supervisor_id, staff_group = excluded.staff_group, \
         role_card_id = excluded.role_card_id, job_family = excluded.job_family, \
         job_level = excluded.job_level"
    ));
    stmt.args = row;
    s.execute(stmt).await?;
    clear(s, "assignments", "position_id", p.id.as_str()).await?;
    insert_rows(s, "assignments", ASSIGNMENT_COLUMNS, assignments).await
}

pub(crate) async fn load_positions<S: Session>(s: &mut S, f: Filter<'_>) -> Result<Vec<Position>> {
    let mut assignments = grouped(
        s,
        "assignments",
        select(
            "SELECT position_id, person_id, from_date, to_date FROM assignments {where} \
             ORDER BY position_id, seq",
            f.lists("position_id", "positions", "id"),
        ),
        |c| {
            Ok(Assignment {
                person: c.parsed()?,
                from: c.opt_date()?,
                to: c.opt_date()?,
            })
        },
    )
    .await?;
    let stmt = select(
        "SELECT id, title, specialisation, unit_id, supervisor_id, staff_group, role_card_id, \
         job_family, job_level FROM positions {where}",
        f.records("id"),
    );
    let mut positions = each(s, "positions", stmt, |c| {
        let id: ametijuhend_domain::PositionId = c.parsed()?;
        Ok(Position {
            title: c.text()?,
            specialisation: c.opt_text()?,
            unit: c.parsed()?,
            supervisor: c.opt_parsed()?,
            staff_group: c.name(StaffGroup::parse)?,
            role_card: c.opt_parsed()?,
            job_family: match (c.opt_text()?, c.opt_text()?) {
                (Some(family), Some(level)) => Some(JobFamilyLevel { family, level }),
                _ => None,
            },
            assignments: assignments.remove(id.as_str()).unwrap_or_default(),
            id,
        })
    })
    .await?;
    positions.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(positions)
}

pub(crate) async fn add_substitution<S: Session>(s: &mut S, l: &Substitution) -> Result<()> {
    s.execute(
        Stmt::new(
            "INSERT INTO substitutions (substitute_id, substituted_id) VALUES ($1, $2) \
             ON CONFLICT (substitute_id, substituted_id) DO NOTHING",
        )
        .text(&l.substitute)
        .text(&l.substituted),
    )
    .await
    .map(|_| ())
}

pub(crate) async fn remove_substitution<S: Session>(s: &mut S, l: &Substitution) -> Result<()> {
    s.execute(
        Stmt::new("DELETE FROM substitutions WHERE substitute_id = $1 AND substituted_id = $2")
            .text(&l.substitute)
            .text(&l.substituted),
    )
    .await
    .map(|_| ())
}

/// All substitution links, or those where `position` is on either side.
pub(crate) async fn load_substitutions<S: Session>(
    s: &mut S,
    position: Option<&str>,
) -> Result<Vec<Substitution>> {
    let mut stmt = Stmt::new("SELECT substitute_id, substituted_id FROM substitutions");
    if let Some(p) = position {
        stmt = Stmt::new(
            "SELECT substitute_id, substituted_id FROM substitutions \
             WHERE substitute_id = $1 OR substituted_id = $1",
        )
        .text(p);
    }
    let mut links = each(s, "substitutions", stmt, |c| {
        Ok(Substitution {
            substitute: c.parsed()?,
            substituted: c.parsed()?,
        })
    })
    .await?;
    links.sort();
    Ok(links)
}

/// The substitution links with a position on either side among those a subquery selects (its
/// parameters `$1` … are `args`), sorted.
pub(crate) async fn load_substitutions_touching<S: Session>(
    s: &mut S,
    sub: &str,
    args: &[Arg],
) -> Result<Vec<Substitution>> {
    let mut stmt = Stmt::new(format!(
        "SELECT substitute_id, substituted_id FROM substitutions \
         WHERE substitute_id IN ({sub}) OR substituted_id IN ({sub})"
    ));
    stmt.args = args.to_vec();
    let mut links = each(s, "substitutions", stmt, |c| {
        Ok(Substitution {
            substitute: c.parsed()?,
            substituted: c.parsed()?,
        })
    })
    .await?;
    links.sort();
    Ok(links)
}

/// The substitution links whose substitute is one of `substitutes` (a page of an export).
pub(crate) async fn load_substitutions_from<S: Session>(
    s: &mut S,
    substitutes: &[String],
) -> Result<Vec<Substitution>> {
    let stmt = select(
        "SELECT substitute_id, substituted_id FROM substitutions {where}",
        Filter::Among("substitute_id", substitutes).records("substitute_id"),
    );
    let mut links = each(s, "substitutions", stmt, |c| {
        Ok(Substitution {
            substitute: c.parsed()?,
            substituted: c.parsed()?,
        })
    })
    .await?;
    links.sort();
    Ok(links)
}
