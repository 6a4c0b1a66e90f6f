//! A slice of the registry around a few positions: what the per-position reports (checks,
//! review due lists, positions without a valid document, role card updates) need, so that they
//! run over the registry slice by slice and never hold all of it.

use crate::ids::PositionId;
use crate::job_description::JobDescription;
use crate::position::{Position, Substitution};
use crate::registry::Registry;
use crate::role_card::RoleCard;
use crate::unit::Unit;
use std::collections::{BTreeSet, HashSet};

/// Some positions (by id), with every version of their job descriptions, the positions they
/// point at and the substitution links they are on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PositionSlice {
    /// The slice's own positions, by id.
    pub positions: Vec<Position>,
    /// Positions outside the slice that its positions name: supervisors and the other side of
    /// substitution links, by id.
    pub neighbours: Vec<Position>,
    /// Every substitution link with a slice position on either side.
    pub substitutions: Vec<Substitution>,
    /// Every version of the slice positions' job descriptions.
    pub job_descriptions: Vec<JobDescription>,
}

impl PositionSlice {
    /// The ids of the positions outside the slice that its positions and links name.
    pub fn neighbour_ids(
        positions: &[Position],
        substitutions: &[Substitution],
    ) -> BTreeSet<PositionId> {
        let own: HashSet<&PositionId> = positions.iter().map(|p| &p.id).collect();
        positions
            .iter()
            .filter_map(|p| p.supervisor.as_ref())
            .chain(
                substitutions
                    .iter()
                    .flat_map(|s| [&s.substitute, &s.substituted]),
            )
            .filter(|id| !own.contains(id))
            .cloned()
            .collect()
    }

    /// Runs `f` on a registry of the slice's records together with the units and role cards of
    /// `context` (moved in and back, not copied). `f` also gets the ids of the slice's own
    /// positions; the registry's positions are those first, then the neighbours.
    pub fn with_registry<T>(
        self,
        context: &mut Registry,
        f: impl FnOnce(&Registry, &HashSet<PositionId>) -> T,
    ) -> T {
        let own: HashSet<PositionId> = self.positions.iter().map(|p| p.id.clone()).collect();
        let mut positions = self.positions;
        positions.extend(self.neighbours);
        let r = Registry {
            units: std::mem::take(&mut context.units),
            role_cards: std::mem::take(&mut context.role_cards),
            positions,
            substitutions: self.substitutions,
            job_descriptions: self.job_descriptions,
            ..Registry::default()
        };
        let out = f(&r, &own);
        context.units = r.units;
        context.role_cards = r.role_cards;
        out
    }
}

/// A registry of units and role cards only: the context every slice is read in (see
/// [`PositionSlice::with_registry`]).
pub fn context(units: Vec<Unit>, role_cards: Vec<RoleCard>) -> Registry {
    Registry {
        units,
        role_cards,
        ..Registry::default()
    }
}

/// The registry cut into slices of `size` positions in id order (for a registry already in
/// memory, and for tests of the streaming passes).
pub fn slices_of(r: &Registry, size: usize) -> Vec<PositionSlice> {
    let mut positions: Vec<&Position> = r.positions.iter().collect();
    positions.sort_by(|a, b| a.id.cmp(&b.id));
    positions
        .chunks(size.max(1))
        .map(|chunk| {
            let own: HashSet<&PositionId> = chunk.iter().map(|p| &p.id).collect();
            let mine: Vec<Position> = chunk.iter().map(|p| (*p).clone()).collect();
            let substitutions: Vec<Substitution> = r
                .substitutions
                .iter()
                .filter(|s| own.contains(&s.substitute) || own.contains(&s.substituted))
                .cloned()
                .collect();
            let ids = PositionSlice::neighbour_ids(&mine, &substitutions);
            PositionSlice {
                neighbours: r
                    .positions
                    .iter()
                    .filter(|p| ids.contains(&p.id))
                    .cloned()
                    .collect(),
                job_descriptions: r
                    .job_descriptions
                    .iter()
                    .filter(|j| own.contains(&j.position))
                    .cloned()
                    .collect(),
                positions: mine,
                substitutions,
            }
        })
        .collect()
}
