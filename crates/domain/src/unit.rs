//! Organisational units as an effective-dated tree: agency → department → division → team.
//!
//! A unit keeps its id for life; its name, kind and place in the tree are [`UnitVersion`]s with
//! the period they were valid. Renaming or moving a unit closes one version and opens the next,
//! so that the history survives restructuring.

use crate::ids::UnitId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// The agency itself (amet).
    Agency,
    /// Osakond.
    Department,
    /// Talitus.
    Division,
    /// Tiim, valdkond, meeskond.
    Team,
}

impl UnitKind {
    pub const ALL: [UnitKind; 4] = [
        UnitKind::Agency,
        UnitKind::Department,
        UnitKind::Division,
        UnitKind::Team,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Agency => "agency",
            UnitKind::Department => "department",
            UnitKind::Division => "division",
            UnitKind::Team => "team",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Guesses the kind from an Estonian unit name ("Teenuste osakond" → department).
    pub fn from_estonian_name(name: &str) -> Option<Self> {
        let last = name.split_whitespace().last()?.to_lowercase();
        let last = last.trim_end_matches([',', '.']);
        if last.ends_with("osakond") {
            Some(UnitKind::Department)
        } else if last.ends_with("talitus") {
            Some(UnitKind::Division)
        } else if last.ends_with("tiim") || last.ends_with("meeskond") || last.ends_with("valdkond")
        {
            Some(UnitKind::Team)
        } else if last.ends_with("amet") {
            Some(UnitKind::Agency)
        } else {
            None
        }
    }
}

/// A unit's name, kind and parent during one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnitVersion {
    /// First day this version is valid; `None` when the start is not known (since ever).
    pub valid_from: Option<NaiveDate>,
    /// Last day this version is valid; `None` while it still is.
    pub valid_to: Option<NaiveDate>,
    pub name: String,
    pub kind: UnitKind,
    pub parent: Option<UnitId>,
}

impl UnitVersion {
    pub fn is_valid_on(&self, day: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= day) && self.valid_to.is_none_or(|t| day <= t)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Unit {
    pub id: UnitId,
    /// Versions in time order, non-overlapping; the last one is the current one unless closed.
    pub versions: Vec<UnitVersion>,
}

impl Unit {
    /// A unit with a single open version.
    pub fn new(
        id: UnitId,
        name: impl Into<String>,
        kind: UnitKind,
        parent: Option<UnitId>,
    ) -> Self {
        Self {
            id,
            versions: vec![UnitVersion {
                valid_from: None,
                valid_to: None,
                name: name.into(),
                kind,
                parent,
            }],
        }
    }

    pub fn version_on(&self, day: NaiveDate) -> Option<&UnitVersion> {
        self.versions.iter().rev().find(|v| v.is_valid_on(day))
    }

    /// The latest version (the one in force unless the unit was closed).
    pub fn current(&self) -> &UnitVersion {
        self.versions
            .last()
            .expect("a unit always has at least one version (checked by Registry::validate)")
    }

    pub fn name(&self) -> &str {
        &self.current().name
    }

    pub fn parent(&self) -> Option<&UnitId> {
        self.current().parent.as_ref()
    }

    /// Closes the current version on `day - 1` and opens a new one from `day` (rename or move).
    /// Refused when `day` is not after the current version's start.
    pub fn restructure(
        &mut self,
        day: NaiveDate,
        name: impl Into<String>,
        kind: UnitKind,
        parent: Option<UnitId>,
    ) -> Result<(), String> {
        let current = self.versions.last_mut().ok_or("unit has no version")?;
        if current.valid_from.is_some_and(|f| f >= day) {
            return Err(format!(
                "the change must start after {} (the current version's first day)",
                current
                    .valid_from
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            ));
        }
        current.valid_to = day.pred_opt();
        self.versions.push(UnitVersion {
            valid_from: Some(day),
            valid_to: None,
            name: name.into(),
            kind,
            parent,
        });
        Ok(())
    }

    /// Checks the version list: not empty, names present, periods ordered and non-overlapping.
    pub fn check_versions(&self) -> Result<(), String> {
        if self.versions.is_empty() {
            return Err("has no versions: a unit needs at least one (name, kind, parent)".into());
        }
        for (i, v) in self.versions.iter().enumerate() {
            if v.name.trim().is_empty() {
                return Err(format!("versions[{i}].name is empty"));
            }
            if let (Some(f), Some(t)) = (v.valid_from, v.valid_to)
                && f > t
            {
                return Err(format!("versions[{i}] ends ({t}) before it starts ({f})"));
            }
            if v.parent.as_ref() == Some(&self.id) {
                return Err(format!("versions[{i}].parent is the unit itself"));
            }
        }
        for (i, pair) in self.versions.windows(2).enumerate() {
            let ok = match (pair[0].valid_to, pair[1].valid_from) {
                (Some(end), Some(start)) => end < start,
                _ => false,
            };
            if !ok {
                return Err(format!(
                    "versions[{i}] and versions[{}] overlap: the earlier one needs valid_to before the later one's valid_from",
                    i + 1
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn renaming_keeps_history() {
        let mut u = Unit::new(
            UnitId::derived("x"),
            "Arendusosakond",
            UnitKind::Department,
            None,
        );
        u.restructure(d(2024, 1, 1), "IT-osakond", UnitKind::Department, None)
            .unwrap();
        assert_eq!(u.name(), "IT-osakond");
        assert_eq!(u.version_on(d(2023, 6, 1)).unwrap().name, "Arendusosakond");
        assert_eq!(u.version_on(d(2024, 1, 1)).unwrap().name, "IT-osakond");
        assert_eq!(u.versions[0].valid_to, Some(d(2023, 12, 31)));
        u.check_versions().unwrap();
        assert!(
            u.restructure(d(2023, 1, 1), "X", UnitKind::Department, None)
                .is_err()
        );
    }

    #[test]
    fn overlapping_versions_are_refused() {
        let mut u = Unit::new(UnitId::derived("y"), "A", UnitKind::Team, None);
        u.versions.push(u.versions[0].clone());
        assert!(u.check_versions().unwrap_err().contains("overlap"));
    }

    #[test]
    fn kind_from_name() {
        assert_eq!(
            UnitKind::from_estonian_name("Teenuste osakond"),
            Some(UnitKind::Department)
        );
        assert_eq!(
            UnitKind::from_estonian_name("Arendusosakond, arendustalitus"),
            Some(UnitKind::Division)
        );
        assert_eq!(
            UnitKind::from_estonian_name("perehüvitiste valdkonna tiim"),
            Some(UnitKind::Team)
        );
        assert_eq!(
            UnitKind::from_estonian_name("Sotsiaalkindlustusamet"),
            Some(UnitKind::Agency)
        );
        assert_eq!(UnitKind::from_estonian_name("Juhtkond"), None);
    }
}
