//! Language requirements: a language (ISO 639-1 code) and a CEFR level (A1–C2).

use serde::{Deserialize, Serialize};
use std::fmt;

/// An ISO 639-1 language code such as `et`, `en`, `ru`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode(String);

impl schemars::JsonSchema for LanguageCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LanguageCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[a-z]{2}$",
            "description": "ISO 639-1 language code, e.g. et, en, ru.",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an ISO 639-1 language code: use two lower-case letters such as et, en, ru")]
pub struct InvalidLanguageCode(pub String);

impl LanguageCode {
    pub fn parse(s: &str) -> Result<Self, InvalidLanguageCode> {
        let t = s.trim();
        if t.len() == 2 && t.chars().all(|c| c.is_ascii_lowercase()) {
            Ok(Self(t.to_string()))
        } else {
            Err(InvalidLanguageCode(s.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The Estonian name of the language as written in requirements ("eesti", "inglise" …).
    pub fn name_et(&self) -> Option<&'static str> {
        LANGUAGE_NAMES_ET
            .iter()
            .find(|(code, _)| *code == self.0)
            .map(|(_, name)| *name)
    }

    /// Recognises an Estonian language name stem ("eesti", "inglise", "vene" …) in any case form.
    pub fn from_estonian_name(word: &str) -> Option<Self> {
        let w = word.trim().to_lowercase();
        LANGUAGE_NAMES_ET
            .iter()
            .find(|(_, name)| w.starts_with(name))
            .map(|(code, _)| Self((*code).to_string()))
    }
}

const LANGUAGE_NAMES_ET: &[(&str, &str)] = &[
    ("et", "eesti"),
    ("en", "inglise"),
    ("ru", "vene"),
    ("de", "saksa"),
    ("fi", "soome"),
    ("fr", "prantsuse"),
    ("sv", "rootsi"),
    ("lv", "läti"),
    ("lt", "leedu"),
    ("uk", "ukraina"),
    ("es", "hispaania"),
    ("pl", "poola"),
];

impl TryFrom<String> for LanguageCode {
    type Error = InvalidLanguageCode;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}
impl From<LanguageCode> for String {
    fn from(c: LanguageCode) -> String {
        c.0
    }
}
impl fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A level of the Common European Framework of Reference for Languages.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
pub enum Cefr {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

impl Cefr {
    pub const ALL: [Cefr; 6] = [Cefr::A1, Cefr::A2, Cefr::B1, Cefr::B2, Cefr::C1, Cefr::C2];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Cefr::A1 => "A1",
            Cefr::A2 => "A2",
            Cefr::B1 => "B1",
            Cefr::B2 => "B2",
            Cefr::C1 => "C1",
            Cefr::C2 => "C2",
        }
    }
}

impl fmt::Display for Cefr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One language requirement of a position.
///
/// "Eesti keele valdamine vähemalt tasemel C1" is `et` at `C1`. "Ühe võõrkeele (soovitavalt
/// inglise või vene keel) oskus vähemalt tasemel B1" names no single language: `language` is
/// `None`, `preferred` lists `en` and `ru`, `count` is 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LanguageRequirement {
    /// The required language; `None` when any language (of `preferred`, if given) will do.
    pub language: Option<LanguageCode>,
    /// The minimum level.
    pub level: Cefr,
    /// Languages named as preferred when the requirement leaves the choice open.
    #[serde(default)]
    pub preferred: Vec<LanguageCode>,
    /// How many languages of the open choice are required (1 for "ühe võõrkeele").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// The sentence as written in the document.
    pub text: String,
}

impl LanguageRequirement {
    /// True when this requirement asks for `code` at `level` or higher.
    pub fn requires_at_least(&self, code: &LanguageCode, level: Cefr) -> bool {
        self.language.as_ref() == Some(code) && self.level >= level
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_are_checked() {
        assert_eq!(LanguageCode::parse("et").unwrap().as_str(), "et");
        assert!(LanguageCode::parse("EST").is_err());
        assert!(LanguageCode::parse("E").is_err());
        assert!(serde_json::from_str::<LanguageCode>("\"xyz\"").is_err());
    }

    #[test]
    fn estonian_language_names_in_case_forms() {
        assert_eq!(
            LanguageCode::from_estonian_name("Eesti").unwrap().as_str(),
            "et"
        );
        assert_eq!(
            LanguageCode::from_estonian_name("inglise")
                .unwrap()
                .as_str(),
            "en"
        );
        assert_eq!(
            LanguageCode::from_estonian_name("vene").unwrap().as_str(),
            "ru"
        );
        assert_eq!(LanguageCode::from_estonian_name("vana"), None);
        assert_eq!(LanguageCode::parse("ru").unwrap().name_et(), Some("vene"));
    }

    #[test]
    fn cefr_levels_order_and_parse() {
        assert!(Cefr::C1 > Cefr::B2);
        assert_eq!(Cefr::parse("b1"), Some(Cefr::B1));
        assert_eq!(Cefr::parse("D1"), None);
        let req = LanguageRequirement {
            language: Some(LanguageCode::parse("ru").unwrap()),
            level: Cefr::B2,
            preferred: vec![],
            count: None,
            text: String::new(),
        };
        assert!(req.requires_at_least(&LanguageCode::parse("ru").unwrap(), Cefr::B1));
        assert!(!req.requires_at_least(&LanguageCode::parse("ru").unwrap(), Cefr::C1));
    }
}
