//! The competency library. A competency is a name with its behavioural indicators (core
//! competencies) or a description (additional ones). The same text repeated across documents is
//! one record: its id derives from the normalised name and text.

use crate::ids::CompetencyId;
use crate::text::collapse_whitespace;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Competency {
    pub id: CompetencyId,
    /// "Kliendikesksus", "Korrektsus", "Rehabilitatsioonivaldkonna tundmine".
    pub name: String,
    /// The indicators or description, each as written (white space collapsed).
    pub indicators: Vec<String>,
}

impl Competency {
    /// The natural key: name and indicators, white space collapsed, case kept.
    pub fn natural_key(name: &str, indicators: &[String]) -> String {
        let mut key = collapse_whitespace(name).trim_end_matches(':').to_string();
        for i in indicators {
            key.push('\n');
            key.push_str(&collapse_whitespace(i));
        }
        key
    }

    /// A library record whose id derives from its text, so that repeats meet in one record.
    pub fn from_text(name: &str, indicators: Vec<String>) -> Self {
        let name = collapse_whitespace(name)
            .trim_end_matches(':')
            .trim()
            .to_string();
        let indicators: Vec<String> = indicators.iter().map(|i| collapse_whitespace(i)).collect();
        Self {
            id: CompetencyId::derived(&Self::natural_key(&name, &indicators)),
            name,
            indicators,
        }
    }
}

/// Whether a job description lists the competency among the core ones ("Tööks vajalikud
/// kompetentsid") or the additional ones ("Täiendavad kompetentsid, isikuomadused ja teadmised").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CompetencyKind {
    Core,
    Additional,
}

impl CompetencyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CompetencyKind::Core => "core",
            CompetencyKind::Additional => "additional",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "core" => Some(CompetencyKind::Core),
            "additional" => Some(CompetencyKind::Additional),
            _ => None,
        }
    }
}

/// A job description's reference into the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CompetencyRef {
    pub competency: CompetencyId,
    pub kind: CompetencyKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_is_one_record() {
        let a = Competency::from_text(
            "Asjatundlikkus:",
            vec!["Tunneb  põhjalikult\noma vastutusala.".into()],
        );
        let b = Competency::from_text(
            "Asjatundlikkus",
            vec!["Tunneb põhjalikult oma vastutusala.".into()],
        );
        assert_eq!(a, b);
        let c = Competency::from_text("Asjatundlikkus", vec!["Tegutseb eetiliselt.".into()]);
        assert_ne!(a.id, c.id);
    }
}
