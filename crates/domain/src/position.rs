//! Positions (ametikohad), the people who hold them, and who substitutes whom.

use crate::ids::{PersonId, PositionId, RoleCardId, UnitId};
use crate::text::full_title;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Whether the position is filled by an official under the Civil Service Act or an employee
/// under an employment contract ("Ametikoha grupp: Töötaja").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StaffGroup {
    /// Ametnik.
    Official,
    /// Töötaja.
    Employee,
}

impl StaffGroup {
    pub fn as_str(self) -> &'static str {
        match self {
            StaffGroup::Official => "official",
            StaffGroup::Employee => "employee",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "official" => Some(StaffGroup::Official),
            "employee" => Some(StaffGroup::Employee),
            _ => None,
        }
    }

    /// "Ametnik" / "Töötaja" as written in documents, any case.
    pub fn from_estonian(s: &str) -> Option<Self> {
        let w = s.trim().to_lowercase();
        if w.starts_with("ametnik") {
            Some(StaffGroup::Official)
        } else if w.starts_with("töötaja") {
            Some(StaffGroup::Employee)
        } else {
            None
        }
    }
}

/// A job family and level from the state's classification of public-sector posts,
/// e.g. family "Poliitika rakendamine", level "4B".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub struct JobFamilyLevel {
    pub family: String,
    pub level: String,
}

/// A person who holds (or held) a position. Personal identification codes are not stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// A person holding a position for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Assignment {
    pub person: PersonId,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Assignment {
    pub fn is_active_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Position {
    pub id: PositionId,
    /// The position title without its specialisation ("Peaspetsialist").
    pub title: String,
    /// The bracketed part of the title ("STAR kasutajatugi"), if any.
    pub specialisation: Option<String>,
    pub unit: UnitId,
    /// The position this one reports to.
    pub supervisor: Option<PositionId>,
    pub staff_group: StaffGroup,
    /// The role card the job description is written from.
    pub role_card: Option<RoleCardId>,
    pub job_family: Option<JobFamilyLevel>,
    /// Holders in time order.
    #[serde(default)]
    pub assignments: Vec<Assignment>,
}

impl Position {
    /// The title as written in documents: "Peaspetsialist (STAR kasutajatugi)".
    pub fn full_title(&self) -> String {
        full_title(&self.title, self.specialisation.as_deref())
    }

    /// The holder on a given day, if any.
    pub fn holder_on(&self, day: NaiveDate) -> Option<&PersonId> {
        self.assignments
            .iter()
            .rev()
            .find(|a| a.is_active_on(day))
            .map(|a| &a.person)
    }
}

/// `substitute` stands in for `substituted` during absence. Stored once; "substitutes for" and
/// "substituted by" are the two readings of the same link.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct Substitution {
    pub substitute: PositionId,
    pub substituted: PositionId,
}

/// Whom `position` stands in for.
pub fn substitutes_for<'a>(
    links: &'a [Substitution],
    position: &'a PositionId,
) -> impl Iterator<Item = &'a PositionId> + 'a {
    links
        .iter()
        .filter(move |s| &s.substitute == position)
        .map(|s| &s.substituted)
}

/// Who stands in for `position`.
pub fn substituted_by<'a>(
    links: &'a [Substitution],
    position: &'a PositionId,
) -> impl Iterator<Item = &'a PositionId> + 'a {
    links
        .iter()
        .filter(move |s| &s.substituted == position)
        .map(|s| &s.substitute)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitution_reads_both_ways() {
        let a = PositionId::derived("a");
        let b = PositionId::derived("b");
        let c = PositionId::derived("c");
        let links = vec![
            Substitution {
                substitute: a.clone(),
                substituted: b.clone(),
            },
            Substitution {
                substitute: c.clone(),
                substituted: a.clone(),
            },
        ];
        assert_eq!(substitutes_for(&links, &a).collect::<Vec<_>>(), vec![&b]);
        assert_eq!(substituted_by(&links, &a).collect::<Vec<_>>(), vec![&c]);
        assert_eq!(substituted_by(&links, &b).collect::<Vec<_>>(), vec![&a]);
    }

    #[test]
    fn holder_by_date() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let p1 = PersonId::derived("p1");
        let p2 = PersonId::derived("p2");
        let pos = Position {
            id: PositionId::derived("x"),
            title: "Peaspetsialist".into(),
            specialisation: Some("STAR kasutajatugi".into()),
            unit: UnitId::derived("u"),
            supervisor: None,
            staff_group: StaffGroup::Employee,
            role_card: None,
            job_family: None,
            assignments: vec![
                Assignment {
                    person: p1.clone(),
                    from: Some(d(2020, 1, 1)),
                    to: Some(d(2022, 12, 31)),
                },
                Assignment {
                    person: p2.clone(),
                    from: Some(d(2023, 1, 1)),
                    to: None,
                },
            ],
        };
        assert_eq!(pos.holder_on(d(2021, 5, 5)), Some(&p1));
        assert_eq!(pos.holder_on(d(2024, 5, 5)), Some(&p2));
        assert_eq!(pos.holder_on(d(2019, 5, 5)), None);
        assert_eq!(pos.full_title(), "Peaspetsialist (STAR kasutajatugi)");
        assert_eq!(
            StaffGroup::from_estonian("Töötaja "),
            Some(StaffGroup::Employee)
        );
    }
}
