//! Keeping the search index (`<data dir>/search-index`) in step with the database: the use case
//! that composes the store's change log with the search crate. The web server and the command
//! line both use it from here.
//!
//! Every write transaction of the store bumps the registry's revision and logs the records it
//! touched (crates/store `changes`); the index keeps the revision it reflects in its own commit.
//! [`sync`] replays the log from there — record by record (reading only the changed records), or
//! by a full rebuild (slice by slice, see [`rebuild`]) after a restore, a large batch or a change
//! of the catalogue — and commits the new revision together with the
//! documents. A crash between the database commit and the index commit leaves the index behind,
//! never wrong: the next sync replays the missed revisions. A new, unreadable or outdated index
//! is rebuilt from the database by the first sync, so the index is created on first start.
//!
//! The server holds a [`Search`]: it opens the index (taking its writer lock), syncs it at
//! start, again every [`SYNC_PERIOD`] in a background task, and before every search, so a
//! search always sees the writes that came before it. When another process holds the index
//! (another server on the same data directory), the server still runs and search says it is
//! unavailable until the lock is free. The command line (`search`, `reindex`) uses [`open`],
//! [`sync`] and [`rebuild`] directly.

use ametijuhend_domain::{JobDescription, Position, PositionId, Registry, UnitId};
use ametijuhend_search::{DocKind, SearchError, SearchIndex};
use ametijuhend_store::{Store, StoreError};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// The index's directory under the data directory.
pub const INDEX_DIR: &str = "search-index";
/// How often the server's background task syncs the index.
pub const SYNC_PERIOD: Duration = Duration::from_secs(1);
/// How long a search waits for a sync already running (e.g. a rebuild) before it answers from
/// the index as it is.
const SEARCH_WAIT: Duration = Duration::from_secs(3);
/// More changed records than this in one sync: rebuild instead of replaying.
const REPLAY_LIMIT: usize = 2000;

/// The index directory of a data directory.
pub fn index_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(INDEX_DIR)
}

/// What can go wrong while opening or updating the index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("cannot open the search index in {dir}: {source}")]
    Open {
        dir: PathBuf,
        #[source]
        source: SearchError,
    },
    #[error("cannot update the search index: {0}")]
    Index(#[from] SearchError),
    #[error("cannot read the registry for the search index: {0}")]
    Store(#[from] StoreError),
    #[error("the search index update stopped: {0}")]
    Task(String),
}

impl IndexError {
    /// True when another process writes the index (its writer lock is taken).
    pub fn is_locked(&self) -> bool {
        matches!(
            self,
            IndexError::Open {
                source: SearchError::Locked,
                ..
            } | IndexError::Index(SearchError::Locked)
        )
    }
}

/// What a sync did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synced {
    UpToDate,
    Replayed { records: usize, revision: u64 },
    Rebuilt { documents: u64, revision: u64 },
}

/// Runs index work (file I/O, indexing) off the async worker threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, SearchError> + Send + 'static,
) -> Result<T, IndexError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| IndexError::Task(e.to_string()))?
        .map_err(IndexError::from)
}

/// Opens the index in `dir`, creating it when there is none (the first [`sync`] fills it).
pub fn open(dir: &Path) -> Result<SearchIndex, IndexError> {
    SearchIndex::open_or_create(dir).map_err(|source| IndexError::Open {
        dir: dir.to_path_buf(),
        source,
    })
}

/// Rebuilds the whole index from the registry at its current revision, reading it slice by
/// slice (positions with their versions, never the stored source files): the old documents
/// stay visible until the one commit at the end.
pub async fn rebuild(store: &Store, index: &Arc<SearchIndex>) -> Result<Synced, IndexError> {
    // The revision is read before the records: a write in between only makes the index look
    // one revision behind, so the next sync replays it (never the reverse).
    let revision = store.revision().await?;
    let lookup = Arc::new(Registry {
        units: store.list_units().await?,
        role_cards: store.list_role_cards().await?,
        competencies: store.list_competencies().await?,
        ..Registry::default()
    });
    let (ix, reference) = (Arc::clone(index), Arc::clone(&lookup));
    let mut documents = blocking(move || {
        ix.clear()?;
        for c in &reference.role_cards {
            ix.upsert_role_card(c)?;
        }
        for c in &reference.competencies {
            ix.upsert_competency(c)?;
        }
        let lookup = ametijuhend_search::RegistryLookup::new(&reference);
        for u in &reference.units {
            ix.upsert_unit(u, &lookup)?;
        }
        let n = reference.role_cards.len() + reference.competencies.len() + reference.units.len();
        Ok(n as u64)
    })
    .await;
    let mut after: Option<PositionId> = None;
    while let Ok(done) = documents {
        let slice = match store
            .position_slice(after.as_ref(), ametijuhend_store::SLICE_POSITIONS)
            .await
        {
            Ok(slice) => slice,
            Err(e) => {
                documents = Err(e.into());
                break;
            }
        };
        let Some(last) = slice.positions.last().map(|p| p.id.clone()) else {
            break;
        };
        after = Some(last);
        let (ix, reference) = (Arc::clone(index), Arc::clone(&lookup));
        documents = blocking(move || {
            let lookup = ametijuhend_search::RegistryLookup::new(&reference);
            for p in &slice.positions {
                let versions = slice.job_descriptions.iter().filter(|j| j.position == p.id);
                let current = ametijuhend_search::document::current_job_description(versions);
                ix.upsert_position(p, current, &lookup)?;
            }
            Ok(done + slice.positions.len() as u64)
        })
        .await;
    }
    let ix = Arc::clone(index);
    let documents = match documents {
        Ok(n) => blocking(move || ix.commit(Some(revision)).map(|()| n)).await,
        Err(e) => Err(e),
    };
    if documents.is_err() {
        // Nothing half-done stays staged for the next commit.
        let ix = Arc::clone(index);
        if let Err(e) = blocking(move || ix.rollback()).await {
            tracing::warn!(error = %e, "cannot discard the staged index changes");
        }
    }
    Ok(Synced::Rebuilt {
        documents: documents?,
        revision,
    })
}

/// One change to apply to the index.
enum Step {
    Unit(UnitId),
    /// The position with its current version; `None` when it was removed.
    Position(PositionId, Option<Box<(Position, Option<JobDescription>)>>),
}

/// Brings the index up to the database's revision.
pub async fn sync(store: &Store, index: &Arc<SearchIndex>) -> Result<Synced, IndexError> {
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
    let mut units: Vec<UnitId> = Vec::new();
    let mut positions: BTreeSet<String> = BTreeSet::new();
    for (kind, id) in &touched {
        match *kind {
            "position" => {
                positions.insert((*id).to_string());
            }
            "unit" => {
                let Ok(unit) = UnitId::parse(id) else {
                    tracing::warn!(id, "the change log names a unit id that is not a UUID");
                    return rebuild(store, index).await;
                };
                // Positions below a renamed or moved unit carry its name and ancestors.
                positions.extend(index.ids_in_unit_subtree(&unit, DocKind::Position)?);
                for p in store.list_positions(Some(&unit)).await? {
                    positions.insert(p.id.to_string());
                }
                units.push(unit);
            }
            // Job descriptions are logged with their position; persons, directives and the
            // role glossary are not indexed.
            _ => {}
        }
    }
    let mut steps: Vec<Step> = units.into_iter().map(Step::Unit).collect();
    for id in &positions {
        let Ok(position_id) = PositionId::parse(id) else {
            tracing::warn!(id, "the change log names a position id that is not a UUID");
            return rebuild(store, index).await;
        };
        let found = match store.get_position(&position_id).await? {
            Some(position) => {
                let versions = store.list_job_descriptions(&position_id).await?;
                let current =
                    ametijuhend_search::document::current_job_description(&versions).cloned();
                Some(Box::new((position, current)))
            }
            None => None,
        };
        steps.push(Step::Position(position_id, found));
    }
    let records = touched.len();
    let ix = Arc::clone(index);
    blocking(move || {
        let applied = apply(&ix, &lookup, &steps).and_then(|()| ix.commit(Some(revision)));
        if applied.is_err() {
            // Nothing half-done stays staged for the next commit.
            if let Err(e) = ix.rollback() {
                tracing::warn!(error = %e, "cannot discard the staged index changes");
            }
        }
        applied
    })
    .await?;
    Ok(Synced::Replayed { records, revision })
}

fn apply(index: &SearchIndex, lookup: &Registry, steps: &[Step]) -> Result<(), SearchError> {
    for step in steps {
        match step {
            Step::Unit(id) => match lookup.unit(id) {
                Some(unit) => index.upsert_unit(unit, lookup)?,
                None => index.remove_unit(id)?,
            },
            Step::Position(_, Some(found)) => {
                let (position, current) = &**found;
                index.upsert_position(position, current.as_ref(), lookup)?
            }
            Step::Position(id, None) => index.remove_position(id)?,
        }
    }
    Ok(())
}

/// Why search cannot answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// The server runs without a search index (tests, tools).
    Disabled,
    /// Another process writes the index (another server on the same data directory?).
    Locked,
    /// The index could not be opened or brought up to date (the reason is in the server log).
    Failed,
}

#[derive(Clone)]
enum Status {
    Ready(Arc<SearchIndex>),
    Unavailable(Unavailable),
}

/// The server's search index: opened, kept in step and handed to searches (see the module
/// documentation).
pub struct Search {
    dir: Option<PathBuf>,
    /// The open index; syncs take this lock, so that only one runs at a time.
    slot: tokio::sync::Mutex<Option<Arc<SearchIndex>>>,
    /// What the last sync left, for searches that do not wait for a running sync.
    status: Mutex<Status>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Search {
    /// No search index: searches answer [`Unavailable::Disabled`].
    pub fn disabled() -> Self {
        Self {
            dir: None,
            slot: tokio::sync::Mutex::new(None),
            status: Mutex::new(Status::Unavailable(Unavailable::Disabled)),
        }
    }

    /// The index in `dir`, opened (or created) by the first [`Search::refresh`].
    pub fn in_dir(dir: PathBuf) -> Self {
        Self {
            dir: Some(dir),
            slot: tokio::sync::Mutex::new(None),
            status: Mutex::new(Status::Unavailable(Unavailable::Failed)),
        }
    }

    /// An index opened elsewhere (e.g. in memory), brought up to date by [`Search::refresh`].
    pub fn with_index(index: Arc<SearchIndex>) -> Self {
        Self {
            dir: None,
            slot: tokio::sync::Mutex::new(Some(index)),
            status: Mutex::new(Status::Unavailable(Unavailable::Failed)),
        }
    }

    fn set(&self, next: Status) {
        let mut status = lock(&self.status);
        let before = match &*status {
            Status::Ready(_) => None,
            Status::Unavailable(u) => Some(*u),
        };
        let after = match &next {
            Status::Ready(_) => None,
            Status::Unavailable(u) => Some(*u),
        };
        if before != after && after.is_none() && before == Some(Unavailable::Locked) {
            tracing::info!("the search index is free again: search is available");
        }
        *status = next;
    }

    /// Opens the index when it is not open yet, and brings it up to the database's revision.
    /// Errors are also remembered: searches then answer why they cannot.
    pub async fn refresh(&self, store: &Store) -> Result<Synced, IndexError> {
        let mut slot = self.slot.lock().await;
        let index = match (&*slot, &self.dir) {
            (Some(index), _) => Arc::clone(index),
            (None, Some(dir)) => {
                let dir = dir.clone();
                let opened = blocking(move || {
                    let index = SearchIndex::open_or_create(&dir)?;
                    // Take the writer lock now, so that a second server on the same data
                    // directory finds out at start.
                    index.commit(None)?;
                    Ok(index)
                })
                .await;
                match opened {
                    Ok(index) => {
                        let index = Arc::new(index);
                        *slot = Some(Arc::clone(&index));
                        index
                    }
                    Err(e) => {
                        self.failed(&e);
                        return Err(e);
                    }
                }
            }
            (None, None) => return Ok(Synced::UpToDate),
        };
        match sync(store, &index).await {
            Ok(done) => {
                if let Synced::Rebuilt {
                    documents,
                    revision,
                } = done
                {
                    tracing::info!(
                        documents,
                        revision,
                        "search index rebuilt from the database"
                    );
                }
                self.set(Status::Ready(index));
                Ok(done)
            }
            Err(e) => {
                self.failed(&e);
                Err(e)
            }
        }
    }

    fn failed(&self, e: &IndexError) {
        let why = if e.is_locked() {
            Unavailable::Locked
        } else {
            Unavailable::Failed
        };
        let was = match &*lock(&self.status) {
            Status::Ready(_) => None,
            Status::Unavailable(u) => Some(*u),
        };
        if was != Some(why) {
            match why {
                Unavailable::Locked => tracing::warn!(
                    "search is unavailable while another program writes the search index \
                     (another `ametijuhend serve` on this data directory?); retrying: {e}"
                ),
                _ => tracing::warn!(
                    "search is unavailable: {e}; retrying (`ametijuhend reindex` rebuilds the \
                     index)"
                ),
            }
        }
        self.set(Status::Unavailable(why));
    }

    /// The index for a search, brought up to date first (waiting a little for a sync that is
    /// already running; the sync runs on even when the request is given up).
    pub async fn ready(self: &Arc<Self>, store: &Store) -> Result<Arc<SearchIndex>, Unavailable> {
        let this = Arc::clone(self);
        let store = store.clone();
        let running = tokio::spawn(async move { this.refresh(&store).await });
        match tokio::time::timeout(SEARCH_WAIT, running).await {
            Ok(Ok(Ok(_))) => {}
            Ok(Ok(Err(e))) => tracing::debug!(error = %e, "search index sync before a search"),
            Ok(Err(e)) => tracing::warn!(error = %e, "the search index sync stopped"),
            Err(_) => tracing::debug!("a search index sync is still running"),
        }
        match &*lock(&self.status) {
            Status::Ready(index) => Ok(Arc::clone(index)),
            Status::Unavailable(why) => Err(*why),
        }
    }

    /// Syncs every [`SYNC_PERIOD`] until the task is aborted (the server does so when it stops).
    pub fn spawn_sync_loop(self: &Arc<Self>, store: Store) -> tokio::task::JoinHandle<()> {
        let this = Arc::clone(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(SYNC_PERIOD);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                // Errors are remembered and logged when they change (see `failed`).
                let _ = this.refresh(&store).await;
            }
        })
    }

    /// True when there is an index to keep in step (not [`Search::disabled`]).
    pub fn is_enabled(&self) -> bool {
        !matches!(
            &*lock(&self.status),
            Status::Unavailable(Unavailable::Disabled)
        )
    }
}
