//! The registry-wide reports behind the start page, the reviews, checks and card update pages
//! and their JSON API: computed by the store's streaming pass ([`ametijuhend_store::reports`],
//! one slice of positions at a time) and kept for the registry revision and day they were
//! computed for. A request reads the revision (one row) and pages through the kept report; the
//! first request after a write computes it again (one at a time: concurrent requests wait for
//! that one instead of each reading the registry).

use ametijuhend_domain::reports::Reports;
use ametijuhend_store::{Repository, StoreError};
use chrono::NaiveDate;
use std::sync::Arc;

/// How far ahead the kept review due list looks (the start page: 60 days; the reviews page and
/// API show their own horizon of it).
pub const HORIZON_DAYS: u32 = 60;

struct Kept {
    revision: u64,
    today: NaiveDate,
    reports: Arc<Reports>,
}

/// The reports of the latest revision and day asked for.
#[derive(Default)]
pub struct ReportCache {
    slot: tokio::sync::Mutex<Option<Kept>>,
}

impl ReportCache {
    /// The reports of `today` at the store's current revision.
    pub async fn get(
        &self,
        store: &dyn Repository,
        today: NaiveDate,
    ) -> Result<Arc<Reports>, StoreError> {
        let mut slot = self.slot.lock().await;
        // Read after taking the lock: a report computed meanwhile is seen. A write during the
        // pass only makes the kept report look older than it is (the next request redoes it).
        let revision = store.revision().await?;
        if let Some(kept) = &*slot
            && kept.revision == revision
            && kept.today == today
        {
            return Ok(Arc::clone(&kept.reports));
        }
        let reports = Arc::new(ametijuhend_store::reports(store, today, HORIZON_DAYS).await?);
        *slot = Some(Kept {
            revision,
            today,
            reports: Arc::clone(&reports),
        });
        Ok(reports)
    }

    /// The reports of any day: today's are kept, another day's (the API's `today` parameter)
    /// are computed for the request alone.
    pub async fn for_day(
        &self,
        store: &dyn Repository,
        day: NaiveDate,
        today: NaiveDate,
    ) -> Result<Arc<Reports>, StoreError> {
        if day == today {
            self.get(store, day).await
        } else {
            Ok(Arc::new(
                ametijuhend_store::reports(store, day, HORIZON_DAYS).await?,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ametijuhend_domain::review::due_report;
    use ametijuhend_store::{ChangeSet, RestoreMode, Store};

    async fn store_with(positions: usize) -> (Store, ametijuhend_domain::Registry) {
        let mut registry =
            ametijuhend_generate::registry(7, positions).expect("a generated registry");
        registry.canonicalize();
        let store = ametijuhend_store::open(Some("sqlite::memory:"), std::path::Path::new("."))
            .await
            .expect("an in-memory store");
        store
            .restore(&registry, RestoreMode::IntoEmpty)
            .await
            .expect("restores");
        (store, registry)
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).expect("a date")
    }

    #[tokio::test]
    async fn the_streamed_reports_equal_the_whole_registry_reports() {
        let (store, registry) = store_with(300).await;
        let reports = ametijuhend_store::reports(store.as_ref(), day(), HORIZON_DAYS)
            .await
            .expect("reports");
        assert_eq!(reports.due, due_report(&registry, day(), HORIZON_DAYS));
        let findings: Vec<_> = reports.findings.iter().map(|f| f.finding.clone()).collect();
        assert_eq!(findings, ametijuhend_domain::lint(&registry, day()));
        assert!(!findings.is_empty() && !reports.due.is_empty());
        assert!(reports.findings.iter().all(|f| !f.positions.is_empty()));
        let lint = ametijuhend_store::lint(store.as_ref(), day())
            .await
            .expect("lint");
        assert_eq!(lint, findings);
    }

    #[tokio::test]
    async fn requests_reuse_the_kept_report_until_the_registry_changes() {
        // A registry of SKA's size: the second request does no pass over it.
        let (store, registry) = store_with(2000).await;
        let cache = ReportCache::default();
        let first = cache.get(store.as_ref(), day()).await.expect("reports");
        let second = cache.get(store.as_ref(), day()).await.expect("reports");
        assert!(Arc::ptr_eq(&first, &second), "kept, not computed again");
        let next_day = day().succ_opt().expect("a date");
        let other = cache.get(store.as_ref(), next_day).await.expect("reports");
        assert!(!Arc::ptr_eq(&other, &second), "another day is computed");
        assert_eq!(other.today, next_day);
        // A write bumps the revision: the next request computes the report again.
        let mut unit = registry.units[0].clone();
        if let Some(v) = unit.versions.last_mut() {
            v.name.push_str(" (renamed)");
        }
        store
            .apply(&ChangeSet {
                units: vec![unit],
                ..ChangeSet::default()
            })
            .await
            .expect("a write");
        let after = cache.get(store.as_ref(), next_day).await.expect("reports");
        assert!(!Arc::ptr_eq(&after, &other), "computed again after a write");
        assert_eq!(after.findings.len(), other.findings.len());
    }
}
