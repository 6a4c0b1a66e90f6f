//! The domain model of Ametijuhend: the agency's organisation (units, positions), the role card
//! catalogue and its role glossary, the competency library, job descriptions as immutable
//! versions, and the director general's directives that approve them.
//!
//! This crate does no I/O. It defines the records, the rules that keep them consistent and the
//! interchange document ([`Registry`]) that `export` writes and `restore` reads. Storage, parsing,
//! rendering and the web layer all depend on it; it depends on none of them.

pub mod access;
pub mod competency;
pub mod consent;
pub mod diff;
pub mod directive;
pub mod from_role_card;
pub mod ids;
pub mod job_description;
pub mod language;
pub mod limits;
pub mod lint;
pub mod position;
pub mod registry;
pub mod reports;
pub mod review;
pub mod role_card;
pub mod sample;
pub mod signing;
pub mod slice;
pub mod source;
pub mod text;
pub mod time;
pub mod unit;
pub mod workflow;

#[cfg(test)]
mod fixtures;

pub use competency::{Competency, CompetencyKind, CompetencyRef};
pub use consent::{ConsentAssessment, ConsentKind, ConsentPolicy, ConsentReason, classify};
pub use diff::{JobDescriptionDiff, compare, unified_diff};
pub use directive::{Directive, DirectiveAnnex, EntryIntoForce, RegistrationError, Repeal, Signer};
pub use from_role_card::{CardUpdate, draft_from_role_card, pending_card_updates};
pub use ids::{
    CompetencyId, DirectiveId, Id, JobDescriptionId, PersonId, PositionId, RoleCardId,
    RoleGlossaryId, UnitId,
};
pub use job_description::{
    Approval, Duty, GeneralPart, JobDescription, ListSection, Requirements, Signature,
    SignatureParty, Status, Template,
};
pub use language::{Cefr, LanguageCode, LanguageRequirement};
pub use lint::{Finding, Severity, lint};
pub use position::{Assignment, JobFamilyLevel, Person, Position, StaffGroup, Substitution};
pub use registry::{
    Chunk, Collection, DocumentWriter, FORMAT_NAME, FORMAT_VERSION, ReadError, Registry,
    RegistryError, read_document,
};
pub use review::{ReviewOutcome, ReviewRecord, due_report, review_due};
pub use role_card::{JobFamilyRange, RoleCard, RoleGlossaryEntry, RoleRef};
pub use source::SourceDocument;
pub use time::Timestamp;
pub use unit::{Unit, UnitKind, UnitVersion};
pub use workflow::{
    Action, ActionKind, Actor, Role, TransitionError, TransitionOutcome, TransitionRecord,
    can_edit, transition,
};
