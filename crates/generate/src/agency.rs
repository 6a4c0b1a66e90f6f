//! The shape of a small generated agency (fewer than [`SMALL`] positions): the departments the
//! agency's documents name (Teenuste osakond with its Erihoolekande ja rehabilitatsiooni, Abivahendite
//! and Ekspertiisi talitus; Arendusosakond with its Arendustalitus; Hüvitiste osakond with its
//! Perehüvitiste valdkonna tiim; Kommunikatsiooniosakond) first, then others of the agency, each
//! with the divisions and teams it would have. The size decides how many departments and how many
//! of their units there are: 150 positions give seven departments and some thirty units of four
//! to eight positions. Larger registries keep the generator's first shape (see `plan::units`),
//! on which the benchmarks were measured.

use crate::plan::GenUnit;
use crate::vocab::AREAS;
use ametijuhend_domain::{UnitId, UnitKind};

/// Registries with fewer positions than this are small agencies shaped after the corpus.
pub(crate) const SMALL: usize = 500;

/// The titles a unit's members are drawn from (indices into [`TITLES`](crate::vocab::TITLES); a title twice is
/// drawn twice as often): the work of the unit.
pub(crate) type Work = &'static [usize];

// Spetsialist 0, Menetleja 1, Nõustaja 2, Peaspetsialist 3, Juhtivspetsialist 4, Ekspert 5,
// Peakasutaja 6, Testjuht 7, Veebihaldur 8, Teenuse disainer 9, Teenuseomanik 10,
// Piirkonna koordinaator 11, Peadirektori nõunik 12, Jurist 13.
const CASEWORK: Work = &[0, 1, 1, 2, 3, 4, 5];
const REGIONAL: Work = &[0, 1, 2, 2, 3, 11];
const EXPERTISE: Work = &[5, 5, 3, 4, 1];
const DEVELOPMENT: Work = &[6, 6, 7, 9, 10, 3, 4];
const USER_SUPPORT: Work = &[3, 3, 4, 6, 0];
const TESTING: Work = &[7, 7, 6, 3];
const DATA: Work = &[3, 4, 5, 0];
const DESIGN: Work = &[9, 9, 10, 3];
const COMMUNICATION: Work = &[8, 0, 3, 4];
const LEGAL: Work = &[13, 13, 3, 4];
const SUPPORT: Work = &[0, 3, 4, 5];

/// A team: (name, service area, work).
type Team = (&'static str, &'static str, Work);

/// A unit below a department: (name, service area, work, teams below it). A name ending in
/// "talitus" is a division, any other a team.
type Sub = (&'static str, &'static str, Work, &'static [Team]);

/// The departments in the order they are taken: (name, service area, its units in the order
/// they are taken). No two units share a name.
pub(crate) const DEPARTMENTS: &[(&str, &str, &[Sub])] = &[
    (
        "Teenuste osakond",
        "sotsiaalteenused",
        &[
            (
                "Erihoolekande ja rehabilitatsiooni talitus",
                "rehabilitatsioon",
                CASEWORK,
                &[("Järelevalve meeskond", "erihoolekanne", EXPERTISE)],
            ),
            ("Abivahendite talitus", "abivahendid", CASEWORK, &[]),
            (
                "Ekspertiisi talitus",
                "ekspertiis",
                EXPERTISE,
                &[("Töövõime hindamise tiim", "töövõime hindamine", EXPERTISE)],
            ),
        ],
    ),
    (
        "Arendusosakond",
        "SKAIS",
        &[
            (
                "Arendustalitus",
                "STAR",
                DEVELOPMENT,
                &[
                    ("Kasutajatoe tiim", "kasutajatugi", USER_SUPPORT),
                    ("Testimise tiim", "SKAIS", TESTING),
                ],
            ),
            (
                "Andmehalduse talitus",
                "andmekaitse",
                DATA,
                &[("Andmeanalüüsi tiim", "kvaliteedijuhtimine", DATA)],
            ),
            ("Teenusedisaini tiim", "sotsiaalteenused", DESIGN, &[]),
        ],
    ),
    (
        "Hüvitiste osakond",
        "perehüvitised",
        &[
            (
                "Perehüvitiste valdkonna tiim",
                "perehüvitised",
                CASEWORK,
                &[],
            ),
            ("Elatisabi talitus", "elatisabi", CASEWORK, &[]),
            (
                "Puuetega inimeste toetuste talitus",
                "puuetega inimeste toetused",
                CASEWORK,
                &[(
                    "Taotluste menetlemise tiim",
                    "puuetega inimeste toetused",
                    CASEWORK,
                )],
            ),
        ],
    ),
    (
        "Kommunikatsiooniosakond",
        "kommunikatsioon",
        &[
            ("Veebitiim", "kommunikatsioon", COMMUNICATION, &[]),
            ("Meediasuhete tiim", "kommunikatsioon", COMMUNICATION, &[]),
        ],
    ),
    (
        "Pensionide osakond",
        "pensionid",
        &[
            (
                "Pensionide määramise talitus",
                "pensionid",
                CASEWORK,
                &[
                    ("Tallinna piirkonna tiim", "pensionid", REGIONAL),
                    ("Tartu piirkonna tiim", "pensionid", REGIONAL),
                ],
            ),
            ("Välissuhete talitus", "välissuhted", CASEWORK, &[]),
        ],
    ),
    (
        "Lastekaitse osakond",
        "lastekaitse",
        &[
            ("Lastekaitse talitus", "lastekaitse", CASEWORK, &[]),
            (
                "Asendushoolduse ja lapsendamise talitus",
                "asendushooldus",
                CASEWORK,
                &[],
            ),
        ],
    ),
    (
        "Ohvriabi osakond",
        "ohvriabi",
        &[
            (
                "Ohvriabi talitus",
                "ohvriabi",
                CASEWORK,
                &[
                    ("Pärnu piirkonna tiim", "ohvriabi", REGIONAL),
                    ("Jõhvi piirkonna tiim", "ohvriabi", REGIONAL),
                ],
            ),
            ("Ennetustöö talitus", "ennetustöö", EXPERTISE, &[]),
        ],
    ),
    (
        "Klienditeeninduse osakond",
        "kasutajatugi",
        &[
            (
                "Klienditeeninduse talitus",
                "kasutajatugi",
                CASEWORK,
                &[("Nõustamise meeskond", "kasutajatugi", CASEWORK)],
            ),
            ("Kvaliteedi talitus", "kvaliteedijuhtimine", SUPPORT, &[]),
        ],
    ),
    (
        "Personaliosakond",
        "personalitöö",
        &[
            ("Personalitalitus", "personalitöö", SUPPORT, &[]),
            ("Koolitustalitus", "personalitöö", SUPPORT, &[]),
        ],
    ),
    (
        "Õigusosakond",
        "andmekaitse",
        &[
            ("Õigustalitus", "andmekaitse", LEGAL, &[]),
            ("Dokumendihalduse talitus", "dokumendihaldus", SUPPORT, &[]),
        ],
    ),
    (
        "Finantsosakond",
        "raamatupidamine",
        &[
            ("Raamatupidamise talitus", "raamatupidamine", SUPPORT, &[]),
            ("Hanketalitus", "hanked", SUPPORT, &[]),
        ],
    ),
    (
        "Turvalisuse ja riskijuhtimise osakond",
        "infoturve",
        &[
            ("Infoturbe talitus", "infoturve", SUPPORT, &[]),
            ("Kriisivalmiduse tiim", "kriisivalmidus", EXPERTISE, &[]),
        ],
    ),
];

fn area(name: &str) -> usize {
    AREAS.iter().position(|(a, _)| *a == name).unwrap_or(0)
}

fn kind_of(name: &str) -> UnitKind {
    if name.ends_with("talitus") {
        UnitKind::Division
    } else {
        UnitKind::Team
    }
}

/// The units of a small agency of `positions` positions: the agency, then each department
/// followed by its units (a division followed by its teams). Seven departments with three units
/// each (teams under divisions from 100 positions on) at 150 positions.
pub(crate) fn units(seed: u64, positions: usize) -> Vec<GenUnit> {
    let key = |s: String| UnitId::derived(&format!("generated:{seed}:{s}"));
    let unit =
        |id: UnitId, name: &str, d: usize, parent: Option<usize>, area, kind, work| GenUnit {
            id,
            name: name.to_string(),
            department: if parent.is_some() {
                DEPARTMENTS[d].0.to_string()
            } else {
                String::new()
            },
            department_index: d,
            parent,
            area,
            head: None,
            kind,
            work,
        };
    let mut units = vec![unit(
        key("agency".into()),
        "Sotsiaalkindlustusamet",
        0,
        None,
        0,
        UnitKind::Agency,
        None,
    )];
    let departments = (positions / 20).clamp(3, DEPARTMENTS.len());
    let per_department = positions.div_ceil(50).max(1);
    let with_teams = positions >= 100;
    for (d, (name, dept_area, subs)) in DEPARTMENTS.iter().take(departments).enumerate() {
        let di = units.len();
        units.push(unit(
            key(format!("unit:{d}")),
            name,
            d,
            Some(0),
            area(dept_area),
            UnitKind::Department,
            None,
        ));
        for (v, (sub, sub_area, work, teams)) in subs.iter().take(per_department).enumerate() {
            let vi = units.len();
            units.push(unit(
                key(format!("unit:{d}/{v}")),
                sub,
                d,
                Some(di),
                area(sub_area),
                kind_of(sub),
                Some(*work),
            ));
            if !with_teams {
                continue;
            }
            for (t, (team, team_area, work)) in teams.iter().enumerate() {
                units.push(unit(
                    key(format!("unit:{d}/{v}/{t}")),
                    team,
                    d,
                    Some(vi),
                    area(team_area),
                    UnitKind::Team,
                    Some(*work),
                ));
            }
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::TITLES;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_and_areas_known() {
        let mut names = HashSet::new();
        for (d, a, subs) in DEPARTMENTS {
            assert!(names.insert(*d), "{d}");
            assert!(AREAS.iter().any(|(x, _)| x == a), "{a}");
            for (s, a, work, teams) in *subs {
                assert!(names.insert(*s), "{s}");
                assert!(AREAS.iter().any(|(x, _)| x == a), "{a}");
                assert!(work.iter().all(|&i| i < TITLES.len()));
                for (t, a, work) in *teams {
                    assert!(names.insert(*t), "{t}");
                    assert!(work.iter().all(|&i| i < TITLES.len()));
                    assert!(kind_of(t) == UnitKind::Team, "{t}");
                    assert!(AREAS.iter().any(|(x, _)| x == a), "{a}");
                }
            }
        }
    }

    #[test]
    fn a_demo_sized_agency_has_some_thirty_units() {
        let u = units(1, 150);
        assert!((25..=36).contains(&u.len()), "{} units", u.len());
        let departments = u.iter().filter(|u| u.kind == UnitKind::Department).count();
        assert_eq!(departments, 7);
        assert!(units(1, 20).len() >= 6);
        assert!(units(1, 499).len() > 30);
    }
}
