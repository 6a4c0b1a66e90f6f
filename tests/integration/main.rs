//! The one integration-test binary: black-box tests of the `ametijuhend` program through its
//! command line and its HTTP API, each with a fresh data directory (and, for PostgreSQL, a fresh
//! database on the server named by AMETIJUHEND_TEST_POSTGRES_URL; run the suite with
//! `scripts/test.sh`, which starts a throwaway server).

mod api;
mod cli;
mod demo;
mod directives;
mod directives_web;
mod discard;
mod documents;
mod drafts_pages;
mod editor_roundtrip;
mod generate;
mod history;
mod import;
mod import_agencies;
mod lifecycle;
mod navigation;
mod org_catalogue;
mod read_only;
mod roundtrip;
mod search;
mod signatures;
mod support;
mod tasks;
mod web_auth;
mod web_concurrency;
mod web_edit;
mod web_edit_units;
mod web_pages;
mod web_permissions;
mod web_search;
mod web_support;
mod workflow;
mod workflow_api;
mod workflow_cli;
mod workflow_notify;
mod workflow_pages;
