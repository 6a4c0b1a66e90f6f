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
    ) -> Result<Arc<Reports>, StoreError> {
        if day == crate::lifecycle::today() {
            self.get(store, day).await
        } else {
            Ok(Arc::new(
                ametijuhend_store::reports(store, day, HORIZON_DAYS).await?,
            ))
        }
    }
}
