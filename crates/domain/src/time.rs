//! Dates and instants. Dates are calendar days (`chrono::NaiveDate`, ISO 8601 `YYYY-MM-DD` in
//! the interchange format, `DD.MM.YYYY` for people). Instants are [`Timestamp`]s: UTC, whole
//! seconds, so that they survive every storage backend unchanged.

use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A point in time, UTC, to the second (`2024-03-06T10:15:00Z`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(#[serde(with = "rfc3339_seconds")] DateTime<Utc>);

impl Timestamp {
    pub fn from_datetime(dt: DateTime<Utc>) -> Self {
        Self(dt.trunc_subsecs(0))
    }

    /// Parses RFC 3339 (`2024-03-06T10:15:00Z`); fractions of a second are dropped.
    pub fn parse(s: &str) -> Result<Self, chrono::ParseError> {
        DateTime::parse_from_rfc3339(s).map(|d| Self::from_datetime(d.with_timezone(&Utc)))
    }

    pub fn as_datetime(&self) -> DateTime<Utc> {
        self.0
    }

    pub fn date(&self) -> NaiveDate {
        self.0.date_naive()
    }
}

impl schemars::JsonSchema for Timestamp {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
            "description": "A point in time, UTC, to the second (RFC 3339), e.g. 2024-03-06T10:15:00Z.",
        })
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.format("%Y-%m-%dT%H:%M:%SZ").to_string())
    }
}

mod rfc3339_seconds {
    use chrono::{DateTime, SubsecRound, Utc};
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(dt: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&dt.format("%Y-%m-%dT%H:%M:%SZ").to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&s)
            .map(|t| t.with_timezone(&Utc).trunc_subsecs(0))
            .map_err(|e| {
                D::Error::custom(format!(
                    "'{s}' is not an RFC 3339 timestamp such as 2024-03-06T10:15:00Z ({e})"
                ))
            })
    }
}

/// Formats a date the Estonian way: `06.03.2023`.
pub fn format_date_et(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// Parses `06.03.2023`, `6.3.2023` or ISO `2023-03-06`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_end_matches('.');
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let mut parts = s.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (d, m, y) = (
        d.trim().parse().ok()?,
        m.trim().parse().ok()?,
        y.trim().parse().ok()?,
    );
    if !(1000..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estonian_dates_round_trip() {
        let d = parse_date("06.03.2023").unwrap();
        assert_eq!(d, NaiveDate::from_ymd_opt(2023, 3, 6).unwrap());
        assert_eq!(format_date_et(d), "06.03.2023");
        assert_eq!(parse_date("6.3.2023"), Some(d));
        assert_eq!(parse_date("2023-03-06"), Some(d));
        assert_eq!(parse_date("31.02.2023"), None);
        assert_eq!(parse_date("06.03.23"), None);
        assert_eq!(parse_date("nr 49"), None);
    }

    #[test]
    fn timestamps_drop_fractions_and_print_utc() {
        let t = Timestamp::parse("2024-03-06T12:15:00.987+02:00").unwrap();
        assert_eq!(t.to_string(), "2024-03-06T10:15:00Z");
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, "\"2024-03-06T10:15:00Z\"");
        let back: Timestamp = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
    }
}
