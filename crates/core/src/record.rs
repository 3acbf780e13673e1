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
}
