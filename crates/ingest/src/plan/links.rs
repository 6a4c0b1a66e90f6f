//! Linking positions by the names their job descriptions give: the supervisor, substitutions
//! both ways and subordinates, resolved with Estonian case endings; ambiguous and unknown
//! names are noted, not guessed.

use super::{Severity, Work, upsert};
use crate::record::JobDescriptionRecord;
use crate::resolve::{self, Resolution};
use ametijuhend_domain::ids::PositionId;
use ametijuhend_domain::{Position, Registry, Substitution};

/// Candidate positions in tiers: the same unit, the parent unit and its children, all.
pub(super) fn tiers(view: &Registry, own: &Position) -> Vec<Vec<(String, PositionId)>> {
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
