//! The shape of a generated registry, decided in one pass from the seed before any text is
//! written: the unit tree, every position's unit, title, supervisor, holders and the states of
//! its versions, the substitution links, and the directives that approved the versions. The
//! plan is small (some hundred bytes a position); the texts of the records are made from it one
//! record at a time (see `texts`), so that a registry of any size streams.

use crate::agency;
use crate::rng::Rng;
use crate::vocab::{AREAS, DEPARTMENTS, DIVISIONS, TEAMS, TITLES};
use ametijuhend_domain::{
    DirectiveId, JobDescriptionId, PersonId, PositionId, Status, Substitution, UnitId, UnitKind,
};
use chrono::{Months, NaiveDate};
use std::collections::BTreeMap;

pub(crate) struct GenUnit {
    pub id: UnitId,
    pub name: String,
    /// The department's name, for the unit as written in a job description.
    pub department: String,
    pub department_index: usize,
    pub parent: Option<usize>,
    pub area: usize,
    pub head: Option<usize>,
    pub kind: UnitKind,
    /// The titles of the unit's members (a small agency's units; others draw from all).
    pub work: Option<agency::Work>,
}

/// One version of a position's job description.
pub(crate) struct VersionPlan {
    pub status: Status,
    /// The approving directive (index into [`Plan::directives`]) and the annex number.
    pub approval: Option<(usize, u32)>,
    pub effective_from: Option<NaiveDate>,
    pub effective_to: Option<NaiveDate>,
    /// A draft sent back by HR with a comment.
    pub returned: bool,
    /// The date of an annual review with no change, for versions in force.
    pub reviewed_on: Option<NaiveDate>,
    /// The month the version was written (months after January 2023).
    pub month: u32,
    /// In coordination: whether the supervisor and HR have signed off (small agencies only;
    /// in larger registries every version in coordination waits for both).
    pub signed_off: [bool; 2],
}

/// One position.
pub(crate) struct Slot {
    pub index: usize,
    pub id: PositionId,
    pub unit: usize,
    /// (title, role card, family, levels, share of officials in tens of percent).
    pub title: (
        &'static str,
        usize,
        &'static str,
        &'static [&'static str],
        u32,
    ),
    pub level: usize,
    pub area: usize,
    pub specialised: bool,
    pub official: bool,
    pub supervisor: Option<usize>,
    /// 0 (vacant), 1, or 2 (the first left, the second holds it now).
    pub holders: u8,
    pub versions: Vec<VersionPlan>,
}

pub(crate) struct DirectivePlan {
    pub id: DirectiveId,
    pub number: String,
    pub date: NaiveDate,
    /// (position index, version index) of each annex, annex n at index n - 1.
    pub annexes: Vec<(usize, usize)>,
    /// False for a directive prepared but not yet registered: no number or date, its annexes
    /// coordinated versions waiting for the registration that approves them.
    pub registered: bool,
}

pub(crate) struct Plan {
    pub seed: u64,
    /// A small agency shaped after the corpus ([`crate::agency`]).
    pub small: bool,
    pub units: Vec<GenUnit>,
    pub slots: Vec<Slot>,
    pub substitutions: Vec<Substitution>,
    pub directives: Vec<DirectivePlan>,
}

pub(crate) fn position_id(seed: u64, index: usize) -> PositionId {
    PositionId::derived(&format!("generated:{seed}:position:{index}"))
}

pub(crate) fn job_description_id(seed: u64, index: usize, version: usize) -> JobDescriptionId {
    JobDescriptionId::derived(&format!("generated:{seed}:jd:{index}:{version}"))
}

pub(crate) fn person_id(seed: u64, index: usize, holder: u8) -> PersonId {
    PersonId::derived(&format!("generated:{seed}:person:{index}:{holder}"))
}

/// The first day of the month `m` months after January 2023.
pub(crate) fn month_start(m: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 1, 1)
        .and_then(|d| d.checked_add_months(Months::new(m)))
        .unwrap_or(NaiveDate::MIN)
}

/// The approval months span January 2023 to November 2026, so that some reviews are long
/// overdue, some due soon and some a year away (whatever "today" the reader takes).
const MONTHS: u32 = 47;

impl Plan {
    pub fn new(seed: u64, positions: usize) -> Self {
        let mut rng = Rng::new(seed);
        let small = positions < agency::SMALL;
        let units = if small {
            agency::units(seed, positions)
        } else {
            units(&mut rng, seed, positions)
        };
        let mut plan = Plan {
            seed,
            small,
            units,
            slots: Vec::with_capacity(positions),
            substitutions: Vec::new(),
            directives: Vec::new(),
        };
        plan.positions(&mut rng, positions);
        plan.substitutions(&mut rng);
        plan.directives();
        if small {
            plan.coordination();
        }
        plan
    }

    fn positions(&mut self, rng: &mut Rng, n: usize) {
        // A head for every department and division first, then the others.
        let mut heads: Vec<usize> = (0..self.units.len())
            .filter(|&i| {
                matches!(
                    self.units[i].kind,
                    UnitKind::Department | UnitKind::Division
                )
            })
            .collect();
        heads.reverse();
        let staffed: Vec<usize> = (1..self.units.len())
            .filter(|&i| self.units[i].kind != UnitKind::Department)
            .collect();
        // A small agency's heads are titled as the agency writes them ("Osakonnajuhataja").
        let (department_head, division_head) = if self.small {
            ("Osakonnajuhataja", "Talitusejuhataja")
        } else {
            ("Osakonna juhataja", "Talituse juhataja")
        };
        let mut members = 0;
        for index in 0..n {
            let (unit, head_of) = match heads.pop() {
                Some(u) => (u, true),
                // A small agency staffs every unit with three before the rest go anywhere.
                None if self.small && members < 3 * staffed.len() => {
                    members += 1;
                    (staffed[(members - 1) % staffed.len()], false)
                }
                None => (*rng.pick(&staffed), false),
            };
            let u = &self.units[unit];
            let title = match (head_of, u.kind) {
                (true, UnitKind::Department) => (
                    department_head,
                    0,
                    "Poliitika rakendamine",
                    &["5", "6", "7"][..],
                    10,
                ),
                (true, _) => (
                    division_head,
                    1,
                    "Poliitika rakendamine",
                    &["4", "5"][..],
                    9,
                ),
                _ => match u.work {
                    Some(work) => TITLES[*rng.pick(work)],
                    None => *rng.pick(TITLES),
                },
            };
            let area = if rng.chance(70) {
                u.area
            } else {
                rng.below(AREAS.len())
            };
            let supervisor = u
                .head
                .filter(|_| !head_of)
                .or_else(|| u.parent.and_then(|p| self.units[p].head));
            let holders = match rng.below(100) {
                0..=7 => 0,
                8..=95 => 1,
                _ => 2,
            };
            let slot = Slot {
                index,
                id: position_id(self.seed, index),
                unit,
                title,
                level: rng.below(title.3.len()),
                area,
                specialised: !head_of && rng.chance(60),
                official: rng.chance(u64::from(title.4) * 10),
                supervisor,
                holders,
                versions: versions(rng, if self.small { PERIOD_SMALL } else { 1 }),
            };
            if head_of {
                self.units[unit].head = Some(index);
            }
            self.slots.push(slot);
        }
    }

    /// Positions of a unit stand in for each other in pairs, most both ways; some links are
    /// one-way and some positions have none (what `lint` reports).
    fn substitutions(&mut self, rng: &mut Rng) {
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); self.units.len()];
        for s in &self.slots {
            members[s.unit].push(s.index);
        }
        let mut links = Vec::new();
        for (u, m) in members.iter().enumerate() {
            for pair in m.chunks(2) {
                let [a, b] = pair else { continue };
                let (a, b) = (self.slots[*a].id.clone(), self.slots[*b].id.clone());
                match rng.below(100) {
                    0..=79 => {
                        links.push(link(&a, &b));
                        links.push(link(&b, &a));
                    }
                    80..=89 => links.push(link(&a, &b)),
                    _ => {}
                }
            }
            // The head of a unit and its first member stand in for each other.
            let head = self.units[u].head;
            if let (Some(h), Some(first)) = (head, m.iter().find(|&&i| Some(i) != head)) {
                let (h, f) = (&self.slots[h].id, &self.slots[*first].id);
                if h != f {
                    links.push(link(h, f));
                    links.push(link(f, h));
                }
            }
        }
        links.sort();
        links.dedup();
        self.substitutions = links;
    }

    /// One directive per department and month with approvals, numbered in date order.
    fn directives(&mut self) {
        let mut groups: BTreeMap<(u32, usize), Vec<(usize, usize)>> = BTreeMap::new();
        for s in &self.slots {
            let dept = self.units[s.unit].department_index;
            for (v, plan) in s.versions.iter().enumerate() {
                if needs_approval(plan.status) {
                    groups
                        .entry((plan.month, dept))
                        .or_default()
                        .push((s.index, v));
                }
            }
        }
        for (n, ((month, dept), annexes)) in groups.into_iter().enumerate() {
            let date = month_start(month) + chrono::Days::new(2 + (dept as u64 % 20));
            let d = self.directives.len();
            for (annex, &(p, v)) in annexes.iter().enumerate() {
                let plan = &mut self.slots[p].versions[v];
                plan.approval = Some((d, annex as u32 + 1));
                plan.effective_from = Some(date);
            }
            self.directives.push(DirectivePlan {
                id: DirectiveId::derived(&format!(
                    "generated:{}:directive:{month}:{dept}",
                    self.seed
                )),
                number: format!("1-1/{}", n + 1),
                date,
                annexes,
                registered: true,
            });
        }
        // A superseded version ends the day before its successor takes effect.
        for s in &mut self.slots {
            for v in 1..s.versions.len() {
                let next_from = s.versions[v].effective_from;
                if s.versions[v - 1].status == Status::Superseded {
                    s.versions[v - 1].effective_to = next_from.and_then(|d| d.pred_opt());
                }
            }
            for v in &mut s.versions {
                if v.status == Status::InForce
                    && let Some(from) = v.effective_from
                    && v.reviewed_on.is_some()
                {
                    v.reviewed_on = from
                        .checked_add_months(Months::new(12))
                        .filter(|d| *d < month_start(MONTHS));
                }
            }
        }
    }
}

impl Plan {
    /// A small agency's versions in coordination wait for different parties, in turn: for both
    /// sign-offs, for HR's (the supervisor signed off), for the supervisor's (HR signed off), and
    /// for none (coordinated, to be approved by a directive). The coordinated first versions of
    /// their positions are the annexes of a directive prepared but not yet registered.
    fn coordination(&mut self) {
        let mut k = 0;
        let mut prepared = Vec::new();
        for s in &mut self.slots {
            for (v, plan) in s.versions.iter_mut().enumerate() {
                if plan.status != Status::InCoordination {
                    continue;
                }
                plan.signed_off = [k % 4 == 1 || k % 4 == 3, k % 4 >= 2];
                k += 1;
                if plan.signed_off == [true, true] && v == 0 {
                    prepared.push((s.index, v));
                }
            }
        }
        if !prepared.is_empty() {
            self.directives.push(DirectivePlan {
                id: DirectiveId::derived(&format!("generated:{}:directive:prepared", self.seed)),
                number: String::new(),
                date: month_start(MONTHS),
                annexes: prepared,
                registered: false,
            });
        }
    }
}

fn link(a: &PositionId, b: &PositionId) -> Substitution {
    Substitution {
        substitute: a.clone(),
        substituted: b.clone(),
    }
}

fn needs_approval(s: Status) -> bool {
    matches!(
        s,
        Status::Approved | Status::Signed | Status::InForce | Status::Superseded | Status::Repealed
    )
}

/// A small agency's directives approve a department's versions of half a year together (so
/// that a directive has several annexes); larger registries have one per department and month.
const PERIOD_SMALL: u32 = 6;

/// The states of a position's versions, oldest first: most in force, some superseded by a
/// newer one, some with a new draft on top, and every other state of the lifecycle. Versions
/// are approved in the first month of a `period` of months.
fn versions(rng: &mut Rng, period: u32) -> Vec<VersionPlan> {
    use Status::*;
    let (statuses, returned): (&[Status], bool) = match rng.below(100) {
        0..=51 => (&[InForce], false),
        52..=61 => (&[Superseded, InForce], false),
        62..=67 => (&[InForce, Draft], false),
        68..=71 => (&[Approved], false),
        72..=75 => (&[Signed], false),
        76..=82 => (&[Draft], false),
        83..=87 => (&[InCoordination], false),
        88..=91 => (&[Draft], true),
        92..=93 => (&[Superseded, Repealed], false),
        _ => (&[Superseded, InForce, InCoordination], false),
    };
    // The first approval is at least a period before the last month, so that a later
    // version's period is always a later one.
    let snap = |m: u32| m - m % period;
    let mut month = snap(rng.below(MONTHS as usize - 6) as u32);
    statuses
        .iter()
        .enumerate()
        .map(|(i, &status)| {
            if i > 0 {
                month = snap((month + period + rng.below(12) as u32).min(MONTHS));
            }
            if !needs_approval(status) {
                month = MONTHS - rng.below(3) as u32;
            }
            VersionPlan {
                status,
                approval: None,
                effective_from: None,
                effective_to: None,
                returned: returned && i + 1 == statuses.len(),
                reviewed_on: (status == InForce && rng.chance(35)).then_some(NaiveDate::MIN),
                month,
                signed_off: [false; 2],
            }
        })
        .collect()
}

/// Names drawn for units of one level: each name once while the vocabulary lasts, then again
/// with a number ("Arendustalitus 2"), so that no two units of the agency share a name.
struct Names {
    vocabulary: &'static [&'static str],
    unused: Vec<usize>,
    used: Vec<usize>,
}

impl Names {
    fn new(vocabulary: &'static [&'static str]) -> Self {
        Self {
            vocabulary,
            unused: (0..vocabulary.len()).collect(),
            used: vec![0; vocabulary.len()],
        }
    }

    /// `k` names for the units under one parent: distinct among themselves.
    fn draw(&mut self, rng: &mut Rng, k: usize) -> Vec<String> {
        let k = k.min(self.vocabulary.len());
        let picks: Vec<usize> = if self.unused.len() >= k {
            let chosen = rng.distinct(self.unused.len(), k);
            let picks: Vec<usize> = chosen.iter().map(|&i| self.unused[i]).collect();
            self.unused.retain(|i| !picks.contains(i));
            picks
        } else {
            rng.distinct(self.vocabulary.len(), k)
        };
        picks
            .into_iter()
            .map(|i| {
                self.used[i] += 1;
                match self.used[i] {
                    1 => self.vocabulary[i].to_string(),
                    n => format!("{} {n}", self.vocabulary[i]),
                }
            })
            .collect()
    }
}

/// Units of a registry of [`agency::SMALL`] positions or more: agency → departments →
/// divisions → teams; more divisions and teams for larger registries (about one unit per forty
/// positions). No two units share a name.
fn units(rng: &mut Rng, seed: u64, positions: usize) -> Vec<GenUnit> {
    let mut division_names = Names::new(DIVISIONS);
    let mut team_names = Names::new(TEAMS);
    let key = |s: String| UnitId::derived(&format!("generated:{seed}:{s}"));
    let mut units = vec![GenUnit {
        id: key("agency".into()),
        name: "Sotsiaalkindlustusamet".into(),
        department: String::new(),
        department_index: 0,
        parent: None,
        area: 0,
        head: None,
        kind: UnitKind::Agency,
        work: None,
    }];
    for (d, dept) in DEPARTMENTS.iter().enumerate() {
        let di = units.len();
        units.push(GenUnit {
            id: key(format!("unit:{d}")),
            name: dept.to_string(),
            department: dept.to_string(),
            department_index: d,
            parent: Some(0),
            area: rng.below(AREAS.len()),
            head: None,
            kind: UnitKind::Department,
            work: None,
        });
        let n_div = (rng.between(2, 5) + positions / 5000).min(DIVISIONS.len());
        for (v, div) in division_names.draw(rng, n_div).into_iter().enumerate() {
            let vi = units.len();
            units.push(GenUnit {
                id: key(format!("unit:{d}/{v}")),
                name: div,
                department: dept.to_string(),
                department_index: d,
                parent: Some(di),
                area: rng.below(AREAS.len()),
                head: None,
                kind: UnitKind::Division,
                work: None,
            });
            let n_team = (rng.between(0, 3) + positions / 10000).min(TEAMS.len());
            for (t, team) in team_names.draw(rng, n_team).into_iter().enumerate() {
                units.push(GenUnit {
                    id: key(format!("unit:{d}/{v}/{t}")),
                    name: team,
                    department: dept.to_string(),
                    department_index: d,
                    parent: Some(vi),
                    area: rng.below(AREAS.len()),
                    head: None,
                    kind: UnitKind::Team,
                    work: None,
                });
            }
        }
    }
    units
}
