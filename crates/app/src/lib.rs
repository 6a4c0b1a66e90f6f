//! The application layer: one module per use case. A use case takes the store, the clock, the
//! acting [`Principal`] and a validated command (one validating constructor per command holds
//! its limits), asks the one permission decision ([`ametijuhend_domain::access`]), writes one
//! transaction with its audit entry and returns a typed result or an [`AppError`].
//!
//! Web pages, the JSON API and the command line are thin adapters over these modules: they
//! parse their input into a command, call the use case and present the result. Only this
//! crate composes the store with the domain rules for a use case.

pub mod accounts;
pub mod clock;
mod error;
mod principal;

pub use clock::{Clock, FixedClock, SharedClock, SystemClock};
pub use error::{AppError, Problem};
pub use principal::Principal;
pub mod directives;
pub mod discard;
pub mod documents;
pub mod drafts;
pub mod imports;
pub mod indexing;
pub mod lifecycle;
pub mod positions;
pub mod reminders;
pub mod reviews;
pub mod signatures;
pub mod tasks;
pub mod units;

#[cfg(test)]
mod testing;
