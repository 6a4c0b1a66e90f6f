//! One module per command.

pub mod export;
pub mod import;
pub mod restore;
pub mod schema;
pub mod serve;
