//! Stable identifiers. Every record has an id that never changes and is the same in every
//! database and in the interchange format. Ids are UUID strings: random (v4, made by the caller,
//! since this crate has no source of randomness) for records created by people, and derived (v5)
//! from a natural key for imported and reference data, so that importing the same document twice
//! yields the same ids.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::marker::PhantomData;
use uuid::Uuid;

/// Namespace for derived ids (a fixed random UUID; never change it: ids derive from it).
const NAMESPACE: Uuid = Uuid::from_u128(0x6b1f_3c2e_9a47_4d0b_8e55_1c0a_77f2_d913);

/// Marker types naming what an [`Id`] points at.
pub mod kind {
    macro_rules! kinds {
        ($($name:ident => $prefix:literal),* $(,)?) => {$(
            #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
            pub struct $name;
            impl super::IdKind for $name { const PREFIX: &'static str = $prefix; }
        )*};
    }
    kinds! {
        Unit => "unit",
        Position => "position",
        Person => "person",
        RoleCard => "role-card",
        RoleGlossary => "role-glossary",
        Competency => "competency",
        JobDescription => "job-description",
        Directive => "directive",
    }
}

/// What kind of record an id names; the prefix keeps derived ids of different kinds apart.
pub trait IdKind {
    const PREFIX: &'static str;
}

/// A typed identifier (a UUID in its hyphenated lower-case form).
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id<K> {
    value: String,
    #[serde(skip)]
    _kind: PhantomData<K>,
}

pub type UnitId = Id<kind::Unit>;
pub type PositionId = Id<kind::Position>;
pub type PersonId = Id<kind::Person>;
pub type RoleCardId = Id<kind::RoleCard>;
pub type RoleGlossaryId = Id<kind::RoleGlossary>;
pub type CompetencyId = Id<kind::Competency>;
pub type JobDescriptionId = Id<kind::JobDescription>;
pub type DirectiveId = Id<kind::Directive>;

/// An id that is not a UUID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a valid id: expected a UUID such as 0b6c4f0e-2f6a-4a53-9c1e-5d1f3a7e9b20")]
pub struct InvalidId(pub String);

impl<K: IdKind> Id<K> {
    /// Parses an id, accepting any UUID form and normalising it to lower-case hyphenated.
    pub fn parse(s: &str) -> Result<Self, InvalidId> {
        Uuid::parse_str(s.trim())
            .map(Self::from_uuid)
            .map_err(|_| InvalidId(s.to_string()))
    }

    pub fn from_uuid(uuid: Uuid) -> Self {
        Self {
            value: uuid.hyphenated().to_string(),
            _kind: PhantomData,
        }
    }

    /// A deterministic id for a natural key (e.g. a unit's name, a competency's text).
    pub fn derived(natural_key: &str) -> Self {
        let name = format!("{}:{}", K::PREFIX, natural_key);
        Self::from_uuid(Uuid::new_v5(&NAMESPACE, name.as_bytes()))
    }
}

impl<K> Id<K> {
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// True when the stored value is a well-formed UUID (ids read from outside are checked).
    pub fn is_valid(&self) -> bool {
        Uuid::parse_str(&self.value).is_ok()
    }
}

impl<K> Clone for Id<K> {
    fn clone(&self) -> Self {
        Self {
            value: self.value.clone(),
            _kind: PhantomData,
        }
    }
}
impl<K> PartialEq for Id<K> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}
impl<K> Eq for Id<K> {}
impl<K> PartialOrd for Id<K> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<K> Ord for Id<K> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}
impl<K> std::hash::Hash for Id<K> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state)
    }
}
impl<K> fmt::Debug for Id<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.value)
    }
}
impl<K> fmt::Display for Id<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}
impl<K: IdKind> std::str::FromStr for Id<K> {
    type Err = InvalidId;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl<K: IdKind> schemars::JsonSchema for Id<K> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "uuid",
            "description": format!("Stable id of a {} record (UUID).", K::PREFIX.replace('-', " ")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_stable_and_kind_specific() {
        let a = UnitId::derived("Teenuste osakond");
        assert_eq!(a, UnitId::derived("Teenuste osakond"));
        assert_ne!(a.as_str(), PositionId::derived("Teenuste osakond").as_str());
        assert!(a.is_valid());
    }

    #[test]
    fn parse_normalises_and_rejects_garbage() {
        let id = PositionId::parse("6B1F3C2E-9A47-4D0B-8E55-1C0A77F2D913").unwrap();
        assert_eq!(id.as_str(), "6b1f3c2e-9a47-4d0b-8e55-1c0a77f2d913");
        let err = PositionId::parse("pos-1").unwrap_err();
        assert!(err.to_string().contains("pos-1"));
    }
}
