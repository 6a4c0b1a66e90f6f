//! Directives (käskkirjad) of the director general that approve or amend job descriptions. The
//! job descriptions are the directive's annexes (lisa 1, lisa 2 …).

use crate::ids::{DirectiveId, JobDescriptionId};
use crate::source::SourceRef;
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
