//! One module per command.

pub mod analyze;
pub mod diff;
pub mod directive;
pub mod export;
pub mod generate;
pub mod import;
pub mod lint;
pub mod notify;
pub mod render;
pub mod restore;
pub mod schema;
pub mod search;
pub mod serve;
pub mod signature;
pub mod user;
pub mod workflow;
