//! What every user-created record carries so it can travel between devices.

use chrono::{DateTime, FixedOffset, SecondsFormat};
use uuid::Uuid;

/// Identity and times of a record. Ids are UUID v7 (time-ordered, never colliding
/// across devices); times keep the local UTC offset (WIB, WITA, WIT) they were made in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordMeta {
    pub id: String,
    pub device_id: String,
    pub created_at: String,
    pub updated_at: String,
}

impl RecordMeta {
    /// A new record written now on `device_id`.
    pub fn new(device_id: &str, now: DateTime<FixedOffset>) -> Self {
        let stamp = format_time(now);
        Self {
            id: new_id(),
            device_id: device_id.to_owned(),
            created_at: stamp.clone(),
            updated_at: stamp,
        }
    }
}

/// A fresh UUID v7 as text.
pub fn new_id() -> String {
    Uuid::now_v7().to_string()
}

/// RFC 3339 with milliseconds and the offset, e.g. `2026-11-22T18:35:00.123+07:00`.
pub fn format_time(time: DateTime<FixedOffset>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, false)
}

/// The widest UTC offset a stored time may carry, in seconds (±14:00, the widest any
/// place uses; PostgreSQL refuses offsets past ±15:59, chrono reads up to ±23:59).
pub const MAX_OFFSET_SECONDS: i32 = 14 * 3600;

/// The years a stored time may fall in: both SQLite's text and PostgreSQL's
/// `timestamptz` hold them, and no record of this programme is older or later.
pub const STORABLE_YEARS: (i32, i32) = (1900, 2100);

/// Whether every store can hold this time as it is: an offset within ±14:00 and a year
/// within [`STORABLE_YEARS`]. The one check of a time that comes from outside.
pub fn is_storable_time(time: DateTime<FixedOffset>) -> bool {
    use chrono::Datelike;
    let offset = time.offset().local_minus_utc();
    let (first, last) = STORABLE_YEARS;
    offset.abs() <= MAX_OFFSET_SECONDS && (first..=last).contains(&time.year())
}

/// The `since` of a bundle or push: a day before the last export (or acknowledged
/// push). Records are compared by their local time text and devices may sit in
/// different time zones; sending a record twice is harmless.
pub fn since_of(last_export: Option<&str>) -> Option<String> {
    let last = chrono::DateTime::parse_from_rfc3339(last_export?).ok()?;
    Some(format_time(last - chrono::Duration::days(1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn meta_keeps_the_local_offset_and_uses_uuid_v7() {
        let wita = FixedOffset::east_opt(8 * 3600).unwrap();
        let now = wita.with_ymd_and_hms(2026, 11, 22, 7, 30, 0).unwrap();
        let meta = RecordMeta::new("0193a1b2-0000-7000-8000-000000000000", now);
        assert_eq!(meta.created_at, "2026-11-22T07:30:00.000+08:00");
        assert_eq!(meta.created_at, meta.updated_at);
        let id = Uuid::parse_str(&meta.id).unwrap();
        assert_eq!(id.get_version_num(), 7);
    }

    #[test]
    fn ids_are_unique_and_time_ordered() {
        let ids: Vec<String> = (0..1000).map(|_| new_id()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len());
    }

    #[test]
    fn a_time_is_storable_within_fourteen_hours_of_utc_and_the_programmes_years() {
        let at = |text: &str| DateTime::parse_from_rfc3339(text).unwrap();
        assert!(is_storable_time(at("2026-12-06T20:00:00+07:00")));
        assert!(is_storable_time(at("2026-12-06T20:00:00+14:00")));
        assert!(is_storable_time(at("2026-12-06T20:00:00-12:00")));
        // chrono reads these; PostgreSQL's timestamptz refuses them.
        assert!(!is_storable_time(at("2026-12-06T20:00:00+20:00")));
        assert!(!is_storable_time(at("2026-12-06T20:00:00-14:30")));
        assert!(!is_storable_time(at("0000-01-01T00:00:00+00:00")));
        assert!(!is_storable_time(at("1899-12-31T23:59:59+00:00")));
        assert!(!is_storable_time(at("2101-01-01T00:00:00+00:00")));
    }
}
