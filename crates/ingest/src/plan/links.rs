//! Linking positions by the names their job descriptions give: the supervisor, substitutions
//! both ways and subordinates, resolved with Estonian case endings; ambiguous and unknown
//! names are noted, not guessed.

use super::{Severity, Work, upsert};
use crate::record::JobDescriptionRecord;
use crate::resolve::{self, Resolution};
use crate::units::genitive;
use ametijuhend_domain::ids::{PositionId, UnitId};
use ametijuhend_domain::{Position, Registry, Substitution};

/// The units above `unit`, nearest first.
fn ancestors(view: &Registry, unit: &UnitId) -> Vec<UnitId> {
    let mut out: Vec<UnitId> = Vec::new();
    let mut cur = view.unit(unit).and_then(|u| u.parent().cloned());
    while let Some(u) = cur {
        if out.contains(&u) || &u == unit {
            break;
        }
        cur = view.unit(&u).and_then(|x| x.parent().cloned());
        out.push(u);
    }
    out
}

/// Candidate positions in tiers of preference:
/// 1. the position's own unit;
/// 2. the units above it (a supervisor is usually up the chain);
/// 3. its top-level unit (department) and everything in it;
/// 4. the whole registry, but only by names that say the unit ("ekspertiisi talituse
///    talitusejuhataja"): a bare title ("Osakonnajuhataja") elsewhere is someone else's.
pub(super) fn tiers(view: &Registry, own: &Position) -> Vec<Vec<(String, PositionId)>> {
    let up = ancestors(view, &own.unit);
    // The department: the highest unit below the root (the agency).
    let top = if up.len() >= 2 {
        up[up.len() - 2].clone()
    } else {
        own.unit.clone()
    };
    let in_department = |p: &Position| p.unit == top || ancestors(view, &p.unit).contains(&top);
    let entry = |p: &Position| (p.full_title(), p.id.clone());
    let qualified = |p: &Position| {
        let unit = view
            .unit(&p.unit)
            .map_or(String::new(), |u| genitive(u.name()));
        (format!("{unit} {}", p.full_title()), p.id.clone())
    };
    let all = &view.positions;
    vec![
        all.iter()
            .filter(|p| p.unit == own.unit)
            .map(entry)
            .collect(),
        all.iter()
            .filter(|p| up.contains(&p.unit))
            .map(entry)
            .collect(),
        all.iter().filter(|p| in_department(p)).map(entry).collect(),
        all.iter().map(qualified).collect(),
    ]
}

pub(super) fn resolve_one(
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
pub(super) fn link_names(w: &mut Work, i: usize, pos: &PositionId, jd: &JobDescriptionRecord) {
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
