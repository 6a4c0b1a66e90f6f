//! What the plan of one document reads, so that a caller can read just that from the store
//! instead of holding the whole registry: [`wanted`] names the records, [`plan_in_context`]
//! plans against the partial registry the caller assembled from them.
//!
//! The plan reads the unit tree and the role card catalogue whole (the caller keeps them), and
//! of the positions only:
//! - the position each job description is of, when it exists (found in its unit by title and
//!   specialisation), with its versions, its substitution links and the persons holding it;
//! - for each name the document gives (supervisor, substitutes, subordinates), the positions
//!   it could resolve to ([`super::links::tiers`]): those whose title it names in the own
//!   unit, the units above it and its department, and anywhere those whose unit and title it
//!   names ("ekspertiisi talituse talitusejuhataja"). Every position that matches is among
//!   them, so names resolve exactly as against the whole registry.
//!
//! Finding them takes a light index of the positions ([`PositionKey`]: id, title, unit), not
//! the positions themselves.

use super::{Work, catalogue::directive_id, holders, key, positions::unit_for};
use crate::record::ImportRecord;
use crate::resolve::{matches_name, normalise, word_matches};
use crate::units::genitive;
use ametijuhend_domain::ids::{CompetencyId, DirectiveId, PersonId, PositionId, UnitId};
use ametijuhend_domain::text::{full_title, split_title};
use ametijuhend_domain::{Competency, Position, Registry, SourceDocument, Timestamp, Unit};
use std::collections::{BTreeSet, HashMap, HashSet};

/// A position in the light index: enough to find the positions a document may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionKey {
    pub id: PositionId,
    pub title: String,
    pub specialisation: Option<String>,
    pub unit: UnitId,
}

impl PositionKey {
    pub fn of(p: &Position) -> Self {
        Self {
            id: p.id.clone(),
            title: p.title.clone(),
            specialisation: p.specialisation.clone(),
            unit: p.unit.clone(),
        }
    }

    fn full_title(&self) -> String {
        full_title(&self.title, self.specialisation.as_deref())
    }
}

/// The light index of every position, grouped by full title and by unit; built once (per
/// batch of imports) and kept up to date with [`PositionIndex::put`], so that finding what a
/// document names costs the number of distinct titles and units, not of positions.
#[derive(Debug, Clone, Default)]
pub struct PositionIndex {
    keys: Vec<PositionKey>,
    at: HashMap<PositionId, usize>,
    by_title: HashMap<String, Vec<usize>>,
    by_unit: HashMap<UnitId, Vec<usize>>,
    /// The full titles by [`title_bucket`]; those without one in `unbucketed`.
    buckets: HashMap<String, Vec<String>>,
    unbucketed: Vec<String>,
}

/// The first three letters of a name's words run together — which every written form of a
/// title shares with it when the title's first word has five letters or more (a case ending
/// or consonant gradation changes only the end of a word, see [`crate::resolve`]); None for
/// shorter first words, which are always compared.
fn title_bucket(name: &str) -> Option<String> {
    let (plain, _) = split_title(name);
    let w = words(&plain);
    if w.first().is_none_or(|f| f.chars().count() < 5) {
        return None;
    }
    Some(w.concat().chars().take(3).collect())
}

/// The bucket a written name's titles are in (three letters; the name itself when shorter).
fn written_bucket(name: &str) -> String {
    let (plain, _) = split_title(name);
    words(&plain).concat().chars().take(3).collect()
}

impl PositionIndex {
    pub fn new(keys: impl IntoIterator<Item = PositionKey>) -> Self {
        let mut index = Self::default();
        for k in keys {
            index.put(k);
        }
        index
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Adds a position, or replaces the one with its id.
    pub fn put(&mut self, key: PositionKey) {
        let i = match self.at.get(&key.id) {
            Some(&i) => {
                let old = &self.keys[i];
                let title = old.full_title();
                if let Some(v) = self.by_title.get_mut(&title) {
                    v.retain(|x| *x != i);
                }
                if let Some(v) = self.by_unit.get_mut(&old.unit) {
                    v.retain(|x| *x != i);
                }
                self.keys[i] = key;
                i
            }
            None => {
                self.at.insert(key.id.clone(), self.keys.len());
                self.keys.push(key);
                self.keys.len() - 1
            }
        };
        let k = &self.keys[i];
        let title = k.full_title();
        self.by_unit.entry(k.unit.clone()).or_default().push(i);
        if !self.by_title.contains_key(&title) {
            match title_bucket(&title) {
                Some(b) => self.buckets.entry(b).or_default().push(title.clone()),
                None => self.unbucketed.push(title.clone()),
            }
        }
        self.by_title.entry(title).or_default().push(i);
    }

    /// The full titles a written name may match: those of its bucket and the unbucketed.
    fn titles_for(&self, written: &str) -> impl Iterator<Item = &String> {
        self.buckets
            .get(&written_bucket(written))
            .into_iter()
            .flatten()
            .chain(&self.unbucketed)
    }

    fn in_unit(&self, unit: &UnitId) -> impl Iterator<Item = &PositionKey> {
        self.by_unit
            .get(unit)
            .into_iter()
            .flatten()
            .map(|&i| &self.keys[i])
    }
}

/// The records of the store one document's plan may look at (beyond units and the catalogue).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wanted {
    /// Positions to read whole.
    pub positions: Vec<PositionId>,
    /// The existing positions of the document's job descriptions, whose versions, links and
    /// holders the plan reads.
    pub versions_of: Vec<PositionId>,
    /// The holders the document names (their person ids depend on the position).
    pub holders: Vec<String>,
    /// Directives by number (approvals, repeals, the document's own).
    pub directive_numbers: Vec<String>,
    /// The directive the document is, by its id.
    pub directives: Vec<DirectiveId>,
    pub competencies: Vec<CompetencyId>,
}

/// The persons the plan may read for `position`: its holders and the ones the document names.
pub fn persons_for(position: &Position, holders: &[String]) -> Vec<PersonId> {
    let mut out: Vec<PersonId> = position
        .assignments
        .iter()
        .map(|a| a.person.clone())
        .collect();
    out.extend(holders.iter().map(|h| holders::person_id(h, &position.id)));
    out
}

fn words(s: &str) -> Vec<String> {
    normalise(s)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// True when `written` may name a position of the unit called `unit_name` with the unit said
/// ("ekspertiisi talituse …"): a loose test, only to leave other units out.
fn may_name_unit(written: &[String], unit_name: &str) -> bool {
    let g = words(&genitive(unit_name));
    let (Some(first), Some(g0)) = (written.first(), g.first()) else {
        return false;
    };
    if word_matches(first, g0) {
        return true;
    }
    let concat: String = g.concat();
    let prefix: String = concat
        .chars()
        .take(concat.chars().count().saturating_sub(2))
        .collect();
    !prefix.is_empty() && written.concat().starts_with(&prefix)
}

fn ancestors(units: &HashMap<&UnitId, &Unit>, unit: &UnitId) -> Vec<UnitId> {
    let mut out: Vec<UnitId> = Vec::new();
    let mut cur = units.get(unit).and_then(|u| u.parent().cloned());
    while let Some(u) = cur {
        if out.contains(&u) || &u == unit {
            break;
        }
        cur = units.get(&u).and_then(|x| x.parent().cloned());
        out.push(u);
    }
    out
}

/// What the plan of `records` (from the file with `content_hash`) may read, given the unit
/// tree and the position index.
pub fn wanted(
    records: &[ImportRecord],
    content_hash: &str,
    units: &[Unit],
    index: &PositionIndex,
) -> Wanted {
    let mut out = Wanted::default();
    let scratch = Registry {
        units: units.to_vec(),
        ..Registry::default()
    };
    let by_id: HashMap<&UnitId, &Unit> = units.iter().map(|u| (&u.id, u)).collect();
    let mut positions: BTreeSet<PositionId> = BTreeSet::new();
    // The unit, title and specialisation of each job description's position.
    let mut own: Vec<(UnitId, String, Option<String>)> = Vec::new();
    let mut names: Vec<(UnitId, String)> = Vec::new();
    for r in records {
        match r {
            ImportRecord::JobDescription(jd) => {
                let mut w = Work {
                    base: &scratch,
                    delta: Registry::default(),
                    notes: vec![],
                };
                let unit = match &jd.position.unit {
                    Some(u) => unit_for(&mut w, u),
                    None => super::positions::agency(&mut w),
                };
                let p = &jd.position;
                for n in p
                    .supervisor
                    .iter()
                    .chain(&p.substituted_by)
                    .chain(&p.substitutes_for)
                    .chain(&p.subordinates)
                {
                    names.push((unit.clone(), n.clone()));
                }
                if let Some(title) = &p.title {
                    own.push((unit, key(title), p.specialisation.as_deref().map(key)));
                }
                out.holders
                    .extend(jd.holder.iter().map(|h| h.trim().to_string()));
                for c in &jd.competencies {
                    out.competencies
                        .push(Competency::from_text(&c.name, c.indicators.clone()).id);
                }
                if let Some(n) = jd
                    .approval
                    .as_ref()
                    .and_then(|a| a.directive_number.clone())
                {
                    out.directive_numbers.push(n);
                }
            }
            ImportRecord::Directive(d) => {
                out.directives.push(directive_id(d, content_hash));
                out.directive_numbers.extend(d.directive.number.clone());
                out.directive_numbers.extend(
                    d.directive
                        .repeals
                        .iter()
                        .filter_map(|r| r.directive_number.clone()),
                );
            }
            _ => {}
        }
    }
    let own_units: HashSet<&UnitId> = own.iter().map(|(u, _, _)| u).collect();
    for k in own_units.into_iter().flat_map(|u| index.in_unit(u)) {
        let (title, spec) = (key(&k.title), k.specialisation.as_deref().map(key));
        if own
            .iter()
            .any(|(u, t, s)| *u == k.unit && *t == title && *s == spec)
        {
            positions.insert(k.id.clone());
            out.versions_of.push(k.id.clone());
        }
    }
    if !names.is_empty() {
        for (unit, name) in &names {
            // Tiers 1–3: the own unit, the units above it and the department.
            let up = ancestors(&by_id, unit);
            let top = if up.len() >= 2 {
                up[up.len() - 2].clone()
            } else {
                unit.clone()
            };
            let near = |u: &UnitId| {
                u == unit || up.contains(u) || *u == top || ancestors(&by_id, u).contains(&top)
            };
            for title in index.titles_for(name) {
                if matches_name(name, title) {
                    positions.extend(
                        index.by_title[title]
                            .iter()
                            .map(|&i| &index.keys[i])
                            .filter(|k| near(&k.unit))
                            .map(|k| k.id.clone()),
                    );
                }
            }
            // Tier 4: anywhere, by a name that says the unit.
            let (plain, _) = split_title(name);
            let written = words(&plain);
            for u in units {
                if !may_name_unit(&written, u.name()) {
                    continue;
                }
                for k in index.in_unit(&u.id) {
                    let qualified = format!("{} {}", genitive(u.name()), k.full_title());
                    if matches_name(name, &qualified) {
                        positions.insert(k.id.clone());
                    }
                }
            }
        }
    }
    out.positions = positions.into_iter().collect();
    for v in [&mut out.holders, &mut out.directive_numbers] {
        v.retain(|x| !x.is_empty());
        v.sort();
        v.dedup();
    }
    out.competencies.sort();
    out.competencies.dedup();
    out
}

/// [`super::plan`] against a partial registry (`context`: the unit tree, the catalogue and the
/// records [`wanted`] named, read from the store). It is the same plan, except that
/// references out of the context are not checked here: the store checks every reference of
/// what it writes, inside the write's transaction, against the whole registry.
pub fn plan_in_context(
    records: &[ImportRecord],
    context: &Registry,
    source: SourceDocument,
    now: Timestamp,
) -> super::Plan {
    super::plan_checked(records, context, source, now, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(id: &str, title: &str, unit: &str) -> PositionKey {
        PositionKey {
            id: PositionId::derived(id),
            title: title.into(),
            specialisation: None,
            unit: UnitId::derived(unit),
        }
    }

    #[test]
    fn a_position_put_again_moves_to_its_new_title_and_unit() {
        let mut index = PositionIndex::new([key("a", "Jurist", "u1"), key("b", "Jurist", "u1")]);
        assert_eq!(index.len(), 2);
        assert_eq!(index.in_unit(&UnitId::derived("u1")).count(), 2);
        index.put(key("a", "Peajurist", "u2"));
        assert_eq!(index.len(), 2);
        let u1: Vec<_> = index.in_unit(&UnitId::derived("u1")).collect();
        assert_eq!(u1, vec![&key("b", "Jurist", "u1")]);
        assert_eq!(index.in_unit(&UnitId::derived("u2")).count(), 1);
        assert_eq!(index.by_title["Jurist"].len(), 1);
        assert_eq!(index.by_title["Peajurist"].len(), 1);
    }

    #[test]
    fn every_title_a_written_name_matches_is_in_its_bucket() {
        let titles = [
            "Peaspetsialist (STAR kasutajatugi)",
            "Osakonnajuhataja",
            "Osakonna juhataja",
            "Valdkonna juht",
            "Jurist",
            "IT-juht",
            "Referent",
        ];
        let written = [
            "Peaspetsialisti",
            "osakonna juhatajale",
            "Osakonnajuhatajat",
            "valdkonna juhi",
            "Juristi",
            "IT-juhti",
            "referendile",
            "peaspetsialist (STAR kasutajatugi)",
        ];
        let index = PositionIndex::new(
            titles
                .iter()
                .enumerate()
                .map(|(i, t)| key(&i.to_string(), t, "u")),
        );
        for w in written {
            let candidates: Vec<&String> = index.titles_for(w).collect();
            for t in titles {
                if matches_name(w, t) {
                    assert!(candidates.contains(&&t.to_string()), "{w} / {t}");
                }
            }
            assert!(
                titles.iter().any(|t| matches_name(w, t)),
                "{w} matches something"
            );
        }
    }

    #[test]
    fn a_name_that_says_the_unit_may_name_its_positions_only() {
        let written = words("ekspertiisi talituse talitusejuhataja");
        assert!(may_name_unit(&written, "Ekspertiisi talitus"));
        assert!(!may_name_unit(&written, "Arendusosakond"));
        assert!(may_name_unit(
            &words("teenuste osakonnajuhataja"),
            "Teenuste osakond"
        ));
    }
}
