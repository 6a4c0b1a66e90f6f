//! What a request would read again although the registry has not changed: the unit list every
//! page's permission check needs, the positions list in Estonian order, the directives list and
//! each account's count of waiting tasks. Each is kept for the store's revision (one row to
//! read) and computed again by the first request after a write; at 50,000 positions this is
//! the difference between tens of milliseconds and over a second per page.
//!
//! Two requests that find the same value missing may both compute it (no lock is held across a
//! read of the store); the later one keeps its result only if no newer revision was kept.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

/// Values by key, all of one store revision (a newer revision drops the older values).
pub struct RevisionCache<K, V> {
    slot: Mutex<(u64, HashMap<K, Arc<V>>)>,
    /// The most keys kept at once (accounts for the task counts); one more starts afresh.
    max_keys: usize,
}

impl<K, V> Default for RevisionCache<K, V> {
    fn default() -> Self {
        Self::with_max_keys(1)
    }
}

impl<K, V> RevisionCache<K, V> {
    pub fn with_max_keys(max_keys: usize) -> Self {
        Self {
            slot: Mutex::new((0, HashMap::new())),
            max_keys: max_keys.max(1),
        }
    }
}

impl<K: Eq + Hash + Clone, V> RevisionCache<K, V> {
    /// The value of `key` at `revision`: the kept one, else `compute`'s (kept when no newer
    /// revision is kept meanwhile).
    pub async fn get_or_try<E, Fut>(
        &self,
        revision: u64,
        key: K,
        compute: impl FnOnce() -> Fut,
    ) -> Result<Arc<V>, E>
    where
        Fut: std::future::Future<Output = Result<V, E>>,
    {
        if let Some(v) = self.kept(revision, &key) {
            return Ok(v);
        }
        let value = Arc::new(compute().await?);
        let mut slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        if slot.0 < revision || (slot.0 == revision && slot.1.len() >= self.max_keys) {
            *slot = (revision, HashMap::new());
        }
        if slot.0 == revision {
            slot.1.insert(key, Arc::clone(&value));
        }
        Ok(value)
    }

    fn kept(&self, revision: u64, key: &K) -> Option<Arc<V>> {
        let slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        (slot.0 == revision)
            .then(|| slot.1.get(key).cloned())
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_value_is_kept_for_its_revision_only() {
        let cache: RevisionCache<&str, u32> = RevisionCache::with_max_keys(2);
        let calls = std::sync::atomic::AtomicU32::new(0);
        let compute = |v: u32| {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            async move { Ok::<u32, ()>(v) }
        };
        assert_eq!(*cache.get_or_try(1, "a", || compute(10)).await.unwrap(), 10);
        assert_eq!(
            *cache.get_or_try(1, "a", || compute(11)).await.unwrap(),
            10,
            "kept"
        );
        assert_eq!(*cache.get_or_try(1, "b", || compute(20)).await.unwrap(), 20);
        assert_eq!(
            *cache.get_or_try(2, "a", || compute(12)).await.unwrap(),
            12,
            "a write"
        );
        assert_eq!(*cache.get_or_try(2, "b", || compute(21)).await.unwrap(), 21);
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 4);
        // An older revision's value is returned to its request but not kept over a newer one.
        assert_eq!(*cache.get_or_try(1, "a", || compute(13)).await.unwrap(), 13);
        assert_eq!(*cache.get_or_try(2, "a", || compute(14)).await.unwrap(), 12);
        // More keys than allowed: the cache starts afresh.
        assert_eq!(*cache.get_or_try(2, "c", || compute(30)).await.unwrap(), 30);
        assert_eq!(*cache.get_or_try(2, "a", || compute(15)).await.unwrap(), 15);
        // A failure is returned and nothing is kept.
        assert!(
            cache
                .get_or_try(2, "d", || async { Err::<u32, ()>(()) })
                .await
                .is_err()
        );
    }
}
