//! Directives (käskkirjad) of the director general and the approval they give.
//!
//! - [`register`]: recording the number and date the document register gave a directive
//!   **approves its annexed versions** in the same transaction (each with its annex number and
//!   the directive's first day in force), and puts in force those of vacant positions whose day
//!   has come (superseding the version they replace); a held position's version waits for its
//!   holder's acknowledgement. If an annex cannot be approved nothing is written and each
//!   refusal is named.
//! - [`plan`] and [`create`]: preparing a directive from a validated [`NewDirective`] (the
//!   versions offered: [`candidates`]), stored in one audited transaction.
//! - [`approval`]: the rule that keeps an approval and the registry's directives in agreement,
//!   used when a version is approved by hand (documents approved outside the system).

pub mod approval;
mod prepare;
mod register;
#[cfg(test)]
mod tests;

pub use prepare::{
    Candidate, CandidateQuery, DirectiveInput, MAX_ANNEXES, MAX_LEGAL_BASIS, MAX_LINE,
    NewDirective, PlanError, Planned, candidates, create, plan,
};

pub use register::{AnnexRefusal, Registered, Registration, register};
