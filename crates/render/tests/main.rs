//! The render crate's one integration-test binary (one module per area; `common` holds the
//! corpus fixtures, golden-file comparison and the external programs the tests call).
//!
//! - `golden`: snapshots of the demo documents (`UPDATE_GOLDEN=1` rewrites them).
//! - `libreoffice`: every generated DOCX converts cleanly in LibreOffice.
//! - `output`: properties of the PDF, DOCX and HTML files.
//! - `round_trip`: rendered documents read back by the importer give the same records.
//! - `sample_registry`: every job description of the domain's sample registry renders.

mod common;
mod golden;
mod libreoffice;
mod output;
mod round_trip;
mod sample_registry;
