//! The one integration-test binary of the importer's parsing core (few test binaries keep
//! link time down): corpus assertions, golden files, planning, robustness and hand-made
//! variants, PDF-style wrapping, each a module, with the shared helpers in [`common`].

mod common;
mod corpus;
mod golden;
mod plan;
mod robustness;
mod variants;
mod wrapping;
