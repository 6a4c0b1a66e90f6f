//! The change log: every write transaction bumps the registry's revision once (a single-row
//! counter, so concurrent writers are ordered and revisions have no gaps) and records which
//! records it touched. Readers that keep derived data — the search index — remember the
//! revision they reflect and replay the changes after it.

use crate::sql::{Cols, Driver, Session, Stmt, TxMode};
use crate::{ChangeSet, Result, StoreError};
use std::collections::BTreeSet;

/// One record touched by one revision.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    pub revision: u64,
    /// `registry` (everything changed: a restore), `unit`, `position`, `role_card`,
    /// `competency`, `role_glossary`, `person`, `directive` or `job_description`.
    pub kind: String,
    pub id: String,
}

/// Bumps the revision and returns the new value (inside the caller's transaction).
async fn bump<S: Session>(s: &mut S) -> Result<i64> {
    let rows = s
        .fetch(Stmt::new(
            "UPDATE registry_revision SET value = value + 1 WHERE id = 1 RETURNING value",
        ))
        .await?;
    let row = rows
        .first()
        .ok_or_else(|| StoreError::Database("the registry revision counter is missing".into()))?;
    Cols::new("registry_revision", row).i64()
}

async fn insert<S: Session>(
    s: &mut S,
    revision: i64,
    touched: &BTreeSet<(&str, String)>,
) -> Result<()> {
    for (kind, id) in touched {
        s.execute(
            Stmt::new(
                "INSERT INTO registry_changes (revision, kind, record_id) VALUES ($1, $2, $3)",
            )
            .int(revision)
            .text(kind)
            .text(id),
        )
        .await?;
    }
    Ok(())
}

/// Records a change set as one revision.
pub(crate) async fn record<S: Session>(s: &mut S, c: &ChangeSet) -> Result<()> {
    let mut touched: BTreeSet<(&str, String)> = BTreeSet::new();
    touched.extend(c.units.iter().map(|r| ("unit", r.id.to_string())));
    touched.extend(c.persons.iter().map(|r| ("person", r.id.to_string())));
    touched.extend(
        c.role_glossary
            .iter()
            .map(|r| ("role_glossary", r.id.to_string())),
    );
    touched.extend(c.role_cards.iter().map(|r| ("role_card", r.id.to_string())));
    touched.extend(
        c.competencies
            .iter()
            .map(|r| ("competency", r.id.to_string())),
    );
    touched.extend(c.positions.iter().map(|r| ("position", r.id.to_string())));
    for link in c.substitutions.iter().chain(&c.remove_substitutions) {
        touched.insert(("position", link.substitute.to_string()));
        touched.insert(("position", link.substituted.to_string()));
    }
    touched.extend(c.directives.iter().map(|r| ("directive", r.id.to_string())));
    for jd in &c.job_descriptions {
        touched.insert(("job_description", jd.id.to_string()));
        touched.insert(("position", jd.position.to_string()));
    }
    if touched.is_empty() {
        return Ok(());
    }
    let revision = bump(s).await?;
    insert(s, revision, &touched).await
}

/// Records one removed or changed record as one revision.
pub(crate) async fn record_one<S: Session>(s: &mut S, kind: &'static str, id: &str) -> Result<()> {
    record_touched(s, &[(kind, id.to_string())]).await
}

/// Records removed or changed records (`(kind, id)`) as one revision.
pub(crate) async fn record_touched<S: Session>(
    s: &mut S,
    records: &[(&'static str, String)],
) -> Result<()> {
    let touched: BTreeSet<(&str, String)> =
        records.iter().map(|(k, id)| (*k, id.clone())).collect();
    let revision = bump(s).await?;
    insert(s, revision, &touched).await
}

/// Records that everything changed (a restore) as one revision.
pub(crate) async fn record_everything<S: Session>(s: &mut S) -> Result<()> {
    record_one(s, "registry", "*").await
}

pub(crate) async fn revision<D: Driver>(d: &D) -> Result<u64> {
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(Stmt::new(
            "SELECT value FROM registry_revision WHERE id = 1",
        ))
        .await?;
    match rows.first() {
        Some(row) => Ok(u64::try_from(Cols::new("registry_revision", row).i64()?).unwrap_or(0)),
        None => Err(StoreError::Database(
            "the registry revision counter is missing".into(),
        )),
    }
}

pub(crate) async fn changes_since<D: Driver>(
    d: &D,
    after: u64,
    max_revisions: u32,
) -> Result<Vec<Change>> {
    let after = i64::try_from(after).unwrap_or(i64::MAX);
    let mut s = d.begin(TxMode::Read).await?;
    let rows = s
        .fetch(
            Stmt::new(
                "SELECT revision, kind, record_id FROM registry_changes \
                 WHERE revision > $1 AND revision <= $2 ORDER BY revision, kind, record_id",
            )
            .int(after)
            .int(after.saturating_add(i64::from(max_revisions))),
        )
        .await?;
    rows.iter()
        .map(|row| {
            let mut c = Cols::new("registry_changes", row);
            Ok(Change {
                revision: u64::try_from(c.i64()?).unwrap_or(0),
                kind: c.text()?,
                id: c.text()?,
            })
        })
        .collect()
}
