//! The one integration-test binary of the importer's parsing core (few test binaries keep
//! link time down), a module each: corpus assertions, golden files, planning, what planning
//! does to earlier versions, holders and persons (lifecycle), robustness, hand-made variants
//! and PDF-style wrapping; the shared helpers are in [`common`].

mod agencies;
mod common;
mod corpus;
mod golden;
mod lifecycle;
mod plan;
mod robustness;
mod variants;
mod wrapping;
