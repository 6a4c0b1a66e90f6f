//! Original documents kept with the records imported from them.

use crate::time::Timestamp;
use base64::Engine as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An imported file, stored byte for byte and named by the SHA-256 of its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SourceDocument {
    /// Lower-case hex SHA-256 of `content`.
    pub content_hash: String,
    pub file_name: String,
    pub media_type: String,
    pub imported_at: Timestamp,
    /// The file's bytes (base64 in the interchange format).
    #[serde(serialize_with = "to_base64", deserialize_with = "from_base64")]
    #[schemars(with = "String", extend("contentEncoding" = "base64"))]
    pub content: Vec<u8>,
}

fn to_base64<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
}

fn from_base64<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    let s = String::deserialize(d)?;
    base64::engine::general_purpose::STANDARD
        .decode(s.as_bytes())
        .map_err(|e| serde::de::Error::custom(format!("content is not valid base64: {e}")))
}

/// A reference from a record to the document it was imported from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SourceRef {
    pub content_hash: String,
    pub file_name: String,
}
