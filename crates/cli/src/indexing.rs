//! Keeping the search index (in `<data dir>/search-index`) in step with the database.
//!
//! Every write transaction of the store bumps the registry's revision and logs the records it
//! touched (crates/store `changes`); the index keeps the revision it reflects in its own commit.
//! [`sync`] replays the log from there — record by record, or by a full rebuild after a restore,
//! a large batch or a change of the catalogue — and commits the new revision together with the
//! documents. A crash between the two commits leaves the index behind, never wrong: the next
//! sync replays the missed revisions. `serve` runs [`sync`] at start and then every second.

use crate::config::Config;
use crate::error::CliError;
use ametijuhend_domain::{PositionId, Registry, UnitId};
use ametijuhend_search::{DocKind, SearchIndex};
use ametijuhend_store::Store;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// More changed records than this in one sync: rebuild instead of replaying.
const REPLAY_LIMIT: usize = 2000;

pub fn index_dir(cfg: &Config) -> PathBuf {
    cfg.data_dir.join("search-index")
}

pub fn open(cfg: &Config) -> Result<SearchIndex, CliError> {
    let dir = index_dir(cfg);
    SearchIndex::open_or_create(&dir).map_err(|e| {
        CliError::new(format!("cannot open the search index in {}: {e}", dir.display()))
            .with_hint("if another `ametijuhend serve` runs on this data directory, search there (web or /api/search); `ametijuhend reindex` rebuilds the index")
    })
}

/// What a sync did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synced {
    UpToDate,
    Replayed { records: usize, revision: u64 },
    Rebuilt { documents: u64, revision: u64 },
}

fn failed(e: impl std::fmt::Display) -> CliError {
    CliError::new(format!("cannot update the search index: {e}"))
}

/// Rebuilds the whole index from the registry at its current revision.
pub async fn rebuild(store: &Store, index: &SearchIndex) -> Result<Synced, CliError> {
    // The revision is read before the export: a write in between only makes the index look one
    // revision behind, so the next sync replays it (never the reverse).
    let revision = store.revision().await?;
    let registry = store.export().await?;
    let documents = index
        .index_registry(&registry, Some(revision))
        .map_err(failed)?;
    Ok(Synced::Rebuilt {
        documents,
        revision,
    })
}

/// Brings the index up to the database's revision.
pub async fn sync(store: &Store, index: &SearchIndex) -> Result<Synced, CliError> {
    let target = store.revision().await?;
    let from = match index.last_applied() {
        Some(r) if r <= target => r,
        // A new index, or one from another (e.g. replaced) database.
        _ => return rebuild(store, index).await,
    };
    if from == target {
        return Ok(Synced::UpToDate);
    }
    let gap = u32::try_from(target - from).unwrap_or(u32::MAX);
    let changes = store.changes_since(from, gap).await?;
    let touched: BTreeSet<(&str, &str)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.id.as_str()))
        .collect();
    let catalogue_changed = touched
        .iter()
        .any(|(k, _)| matches!(*k, "registry" | "role_card" | "competency"));
    if catalogue_changed || touched.len() > REPLAY_LIMIT {
        // Position documents carry role card titles and competency names: rebuild.
        return rebuild(store, index).await;
    }
    let revision = changes.iter().map(|c| c.revision).max().unwrap_or(target);

    let lookup = Registry {
        units: store.list_units().await?,
        role_cards: store.list_role_cards().await?,
        competencies: store.list_competencies().await?,
        ..Registry::default()
    };
    let mut positions: BTreeSet<String> = BTreeSet::new();
    for (kind, id) in &touched {
        match *kind {
            "position" => {
                positions.insert((*id).to_string());
            }
            "unit" => {
                let unit_id = UnitId::parse(id).map_err(failed)?;
                match lookup.unit(&unit_id) {
                    Some(unit) => index.upsert_unit(unit, &lookup).map_err(failed)?,
                    None => index.remove_unit(&unit_id).map_err(failed)?,
                }
                // Positions below a renamed or moved unit carry its name and ancestors.
                positions.extend(
                    index
                        .ids_in_unit_subtree(&unit_id, DocKind::Position)
                        .map_err(failed)?,
                );
                for p in store.list_positions(Some(&unit_id)).await? {
                    positions.insert(p.id.to_string());
                }
            }
            // Job descriptions are logged with their position; persons, directives and the
            // role glossary are not indexed.
            _ => {}
        }
    }
    for id in &positions {
        let position_id = PositionId::parse(id).map_err(failed)?;
        match store.get_position(&position_id).await? {
            Some(position) => {
                let versions = store.list_job_descriptions(&position_id).await?;
                let current = ametijuhend_search::document::current_job_description(&versions);
                index
                    .upsert_position(&position, current, &lookup)
                    .map_err(failed)?;
            }
            None => index.remove_position(&position_id).map_err(failed)?,
        }
    }
    index.commit(Some(revision)).map_err(failed)?;
    Ok(Synced::Replayed {
        records: touched.len(),
        revision,
    })
}

/// Opens the index and brings it up to date (for one-off commands such as `search`).
pub async fn open_synced(cfg: &Config, store: &Store) -> Result<SearchIndex, CliError> {
    let index = open(cfg)?;
    sync(store, &index).await?;
    Ok(index)
}
