//! The one clock of the program. Every use case, page and command asks a [`Clock`] for "now"
//! and "today" instead of reading the system time; tests give a [`FixedClock`].
//!
//! "Today" is the calendar day in Europe/Tallinn, the agency's time zone, whatever the
//! machine's own zone is; times shown to people are Europe/Tallinn times ([`local`],
//! [`format_local`]). Stored instants stay UTC ([`Timestamp`]).

use ametijuhend_domain::Timestamp;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Tallinn;
use std::sync::Arc;

/// The agency's time zone.
pub const ZONE: chrono_tz::Tz = Tallinn;

/// Where "now" comes from.
pub trait Clock: Send + Sync + 'static {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;

    /// The current instant as stored (UTC, whole seconds).
    fn timestamp(&self) -> Timestamp {
        Timestamp::from_datetime(self.now())
    }

    /// The current calendar day in Europe/Tallinn.
    fn today(&self) -> NaiveDate {
        self.now().with_timezone(&ZONE).date_naive()
    }
}

/// A clock shared by every request and command.
pub type SharedClock = Arc<dyn Clock>;

/// The machine's clock: the only place the program reads the system time.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that always says the same instant (tests, reproducible runs).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl FixedClock {
    /// Noon of `day` in Europe/Tallinn.
    pub fn on_day(day: NaiveDate) -> Self {
        let noon = day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
        let at = ZONE
            .from_local_datetime(&noon)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|| Utc.from_utc_datetime(&noon));
        Self(at)
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// The system clock, shared.
pub fn system_clock() -> SharedClock {
    Arc::new(SystemClock)
}

/// A stored instant in Europe/Tallinn.
pub fn local(at: &Timestamp) -> DateTime<chrono_tz::Tz> {
    at.as_datetime().with_timezone(&ZONE)
}

/// A stored instant as people read it: `06.03.2024 12:15` in Europe/Tallinn.
pub fn format_local(at: &Timestamp) -> String {
    local(at).format("%d.%m.%Y %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn today_is_the_tallinn_day_not_the_utc_day() {
        // 22:30 UTC on 31 December is 00:30 (winter, UTC+2) on 1 January in Tallinn.
        let late = FixedClock(utc("2025-12-31T22:30:00Z"));
        assert_eq!(late.today(), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!(
            late.now().date_naive(),
            NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
        );
        // Summer time is UTC+3: 20:59 UTC is still the same day, 21:00 UTC the next.
        let before = FixedClock(utc("2026-06-30T20:59:59Z"));
        let after = FixedClock(utc("2026-06-30T21:00:00Z"));
        assert_eq!(
            before.today(),
            NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
        );
        assert_eq!(after.today(), NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
    }

    #[test]
    fn a_fixed_day_is_that_day_and_times_are_shown_in_tallinn() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 6).unwrap();
        let c = FixedClock::on_day(day);
        assert_eq!(c.today(), day);
        assert_eq!(c.timestamp().to_string(), "2026-03-06T10:00:00Z");
        assert_eq!(format_local(&c.timestamp()), "06.03.2026 12:00");
        let summer = Timestamp::parse("2026-07-01T09:15:00Z").unwrap();
        assert_eq!(format_local(&summer), "01.07.2026 12:15");
    }
}
