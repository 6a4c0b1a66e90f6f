//! Directives (käskkirjad) of the director general that approve or amend job descriptions. The
//! job descriptions are the directive's annexes (lisa 1, lisa 2 …).

use crate::ids::{DirectiveId, JobDescriptionId};
use crate::source::SourceRef;
use crate::time::format_date_et;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One annex: "1.1. talituse juhataja (lisa 1)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DirectiveAnnex {
    pub annex: u32,
    /// The position title as listed in the directive.
    pub title: String,
    /// The job description version the annex holds, when it is in the registry.
    pub job_description: Option<JobDescriptionId>,
}

/// Something the directive repeals ("Tunnistan kehtetuks …"): a whole directive, or one annex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Repeal {
    pub directive: Option<DirectiveId>,
    pub directive_number: Option<String>,
    pub directive_date: Option<NaiveDate>,
    /// The annex, when only one annex is repealed.
    pub annex: Option<u32>,
    /// The clause as written.
    pub text: String,
}

/// When the directive enters into force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EntryIntoForce {
    /// On a given date.
    OnDate { date: NaiveDate },
    /// On signing, applied retroactively from a date when one is given.
    OnSigning { retroactive_from: Option<NaiveDate> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Signer {
    pub name: Option<String>,
    pub title: Option<String>,
    #[serde(default)]
    pub placeholders: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Directive {
    pub id: DirectiveId,
    /// The register number ("49"); None until registered.
    pub number: Option<String>,
    /// The registration date; None until registered.
    pub date: Option<NaiveDate>,
    /// "Ametijuhendite kinnitamine".
    pub title: String,
    /// The legal basis paragraph as written.
    pub legal_basis: Option<String>,
    /// The operative clauses as written, in order.
    #[serde(default)]
    pub clauses: Vec<String>,
    pub annexes: Vec<DirectiveAnnex>,
    #[serde(default)]
    pub repeals: Vec<Repeal>,
    pub entry_into_force: Option<EntryIntoForce>,
    /// The appeal clause as written.
    pub appeal_clause: Option<String>,
    pub signer: Option<Signer>,
    /// Unfilled template fields ({regDateTime}, {regNumber}).
    #[serde(default)]
    pub placeholders: Vec<String>,
    pub source: Option<SourceRef>,
    #[serde(default)]
    pub unplaced: Vec<String>,
}

/// The document register's template fields a directive carries until it is registered.
pub const FIELD_REG_NUMBER: &str = "{regNumber}";
pub const FIELD_REG_DATE: &str = "{regDateTime}";
/// The longest register number accepted ("1-3/2024/17" and the like are short).
pub const MAX_NUMBER_LEN: usize = 50;

/// Why recording a directive's registration was refused. Every message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistrationError {
    #[error(
        "the directive is already registered (nr {number}, {date}): a registered directive keeps \
         its number and date; prepare a new directive to change what it approves"
    )]
    AlreadyRegistered { number: String, date: String },
    #[error("the register number is missing: give the number the document register gave")]
    NumberMissing,
    #[error(
        "the register number must be one line of at most {MAX_NUMBER_LEN} characters: give it as \
         the document register wrote it"
    )]
    NumberInvalid,
    #[error(
        "the registration date {date} is in the future (today is {today}): give the date the \
         document register gave the directive"
    )]
    DateInFuture { date: String, today: String },
}

impl RegistrationError {
    /// A stable code (API errors, translated messages `directive-error-<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            RegistrationError::AlreadyRegistered { .. } => "already-registered",
            RegistrationError::NumberMissing => "number-missing",
            RegistrationError::NumberInvalid => "number-invalid",
            RegistrationError::DateInFuture { .. } => "date-in-future",
        }
    }
}

impl Directive {
    /// True once the document register gave the directive a number or a date.
    pub fn is_registered(&self) -> bool {
        self.number.as_deref().is_some_and(|n| !n.trim().is_empty()) || self.date.is_some()
    }

    /// The first day its annexes are in force: the date it names, else (in force on signing)
    /// the retroactive date, else its registration date. None while unregistered and no date
    /// is named.
    pub fn first_day_in_force(&self) -> Option<NaiveDate> {
        match &self.entry_into_force {
            Some(EntryIntoForce::OnDate { date }) => Some(*date),
            Some(EntryIntoForce::OnSigning {
                retroactive_from: Some(d),
            }) => Some(*d),
            _ => self.date,
        }
    }

    /// The directive's annex holding this version, when it is one.
    pub fn annex_of(&self, version: &JobDescriptionId) -> Option<&DirectiveAnnex> {
        self.annexes
            .iter()
            .find(|a| a.job_description.as_ref() == Some(version))
    }

    /// "nr 1-1/124, 02.05.2025" ("nr –" while unregistered).
    pub fn label(&self) -> String {
        format!(
            "nr {}{}",
            self.number.as_deref().unwrap_or("–"),
            self.date
                .map(|d| format!(", {}", format_date_et(d)))
                .unwrap_or_default()
        )
    }

    /// The directive with the number and date the document register gave it (the template
    /// fields `{regNumber}` and `{regDateTime}` no longer open). Refuses a directive already
    /// registered, an empty or multi-line number, and a date after `today`.
    pub fn registered(
        &self,
        number: &str,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<Directive, RegistrationError> {
        if self.is_registered() {
            return Err(RegistrationError::AlreadyRegistered {
                number: self.number.clone().unwrap_or_else(|| "–".into()),
                date: self.date.map(format_date_et).unwrap_or_else(|| "–".into()),
            });
        }
        let number = number.trim();
        if number.is_empty() {
            return Err(RegistrationError::NumberMissing);
        }
        if number.chars().any(char::is_control) || number.chars().count() > MAX_NUMBER_LEN {
            return Err(RegistrationError::NumberInvalid);
        }
        if date > today {
            return Err(RegistrationError::DateInFuture {
                date: format_date_et(date),
                today: format_date_et(today),
            });
        }
        let mut d = self.clone();
        d.number = Some(number.to_string());
        d.date = Some(date);
        d.placeholders
            .retain(|p| p != FIELD_REG_NUMBER && p != FIELD_REG_DATE);
        Ok(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    fn unregistered() -> Directive {
        Directive {
            id: DirectiveId::derived("new"),
            number: None,
            date: None,
            title: "Ametijuhendi kinnitamine".into(),
            legal_basis: None,
            clauses: vec![],
            annexes: vec![],
            repeals: vec![],
            entry_into_force: None,
            appeal_clause: None,
            signer: None,
            placeholders: vec![
                FIELD_REG_NUMBER.into(),
                FIELD_REG_DATE.into(),
                "{Allkirjastaja}".into(),
            ],
            source: None,
            unplaced: vec![],
        }
    }

    #[test]
    fn registration_sets_number_and_date_once() {
        let today = day(2024, 5, 2);
        let d = unregistered();
        assert!(!d.is_registered());
        let r = d.registered(" 1-3/17 ", today, today).expect("registered");
        assert_eq!(r.number.as_deref(), Some("1-3/17"));
        assert_eq!(r.date, Some(today));
        assert_eq!(r.placeholders, ["{Allkirjastaja}"]);
        assert!(r.is_registered());
        let again = r.registered("18", today, today).unwrap_err();
        assert_eq!(again.code(), "already-registered");
        assert!(
            again.to_string().contains("nr 1-3/17, 02.05.2024"),
            "{again}"
        );
    }

    #[test]
    fn registration_refuses_bad_numbers_and_future_dates() {
        let today = day(2024, 5, 2);
        let d = unregistered();
        assert_eq!(
            d.registered("  ", today, today),
            Err(RegistrationError::NumberMissing)
        );
        assert_eq!(
            d.registered("1\n2", today, today),
            Err(RegistrationError::NumberInvalid)
        );
        let future = d.registered("17", day(2024, 5, 3), today).unwrap_err();
        assert_eq!(future.code(), "date-in-future");
        assert!(future.to_string().contains("03.05.2024"), "{future}");
        assert!(d.registered("17", day(2023, 1, 1), today).is_ok());
    }
}
