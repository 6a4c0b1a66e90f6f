//! Login rate limiting, in memory: at most [`MAX_FAILURES`] failed sign-ins per username and
//! client address in [`WINDOW`]; further attempts are refused (429) until the oldest failure
//! leaves the window. A restart forgets the counts (documented in the README).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const MAX_FAILURES: usize = 5;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

type Key = (String, Option<IpAddr>);

#[derive(Debug, Default)]
pub struct RateLimiter {
    failures: Mutex<HashMap<Key, Vec<Instant>>>,
}

impl RateLimiter {
    fn key(username: &str, ip: Option<IpAddr>) -> Key {
        (username.trim().to_lowercase(), ip)
    }

    fn with<T>(&self, f: impl FnOnce(&mut HashMap<Key, Vec<Instant>>) -> T) -> T {
        let mut map = match self.failures.lock() {
            Ok(m) => m,
            Err(poisoned) => poisoned.into_inner(),
        };
        let now = Instant::now();
        map.retain(|_, times| {
            times.retain(|t| now.duration_since(*t) < WINDOW);
            !times.is_empty()
        });
        f(&mut map)
    }

    /// True when this username and address may try to sign in now.
    pub fn allows(&self, username: &str, ip: Option<IpAddr>) -> bool {
        let key = Self::key(username, ip);
        self.with(|m| m.get(&key).map_or(0, Vec::len) < MAX_FAILURES)
    }

    pub fn record_failure(&self, username: &str, ip: Option<IpAddr>) {
        let key = Self::key(username, ip);
        self.with(|m| m.entry(key).or_default().push(Instant::now()));
    }

    pub fn clear(&self, username: &str, ip: Option<IpAddr>) {
        let key = Self::key(username, ip);
        self.with(|m| m.remove(&key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_the_pair_only() {
        let l = RateLimiter::default();
        let ip = Some(IpAddr::from([127, 0, 0, 1]));
        for _ in 0..MAX_FAILURES {
            assert!(l.allows("Hr", ip));
            l.record_failure("hr", ip);
        }
        assert!(!l.allows("HR", ip));
        assert!(l.allows("admin", ip));
        assert!(l.allows("hr", Some(IpAddr::from([10, 0, 0, 1]))));
        l.clear("hr", ip);
        assert!(l.allows("hr", ip));
    }
}
