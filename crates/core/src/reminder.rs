//! When to remind the family of the next massage: morning and evening, in the device's
//! local time, skipping a slot already done.

use chrono::{DateTime, Days, FixedOffset, NaiveTime, TimeZone};
use serde::Serialize;

use super::validation::FieldError;

/// The family's reminder times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderSettings {
    pub enabled: bool,
    pub morning: NaiveTime,
    pub evening: NaiveTime,
}

impl Default for ReminderSettings {
    /// 07:00 and 19:00, on.
    fn default() -> Self {
        Self {
            enabled: true,
            morning: NaiveTime::from_hms_opt(7, 0, 0).unwrap_or(NaiveTime::MIN),
            evening: NaiveTime::from_hms_opt(19, 0, 0).unwrap_or(NaiveTime::MIN),
        }
    }
}

impl ReminderSettings {
    /// Settings from the form's `HH:MM` texts; the morning must come before the evening.
    pub fn parse(enabled: bool, morning: &str, evening: &str) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut time = |field, text: &str| {
            NaiveTime::parse_from_str(text, "%H:%M")
                .map_err(|_| errors.push(FieldError::new(field, "error-time-invalid")))
                .ok()
        };
        let (morning, evening) = (time("morning", morning), time("evening", evening));
        match (morning, evening) {
            (Some(m), Some(e)) if m < e => Ok(Self {
                enabled,
                morning: m,
                evening: e,
            }),
            (Some(_), Some(_)) => Err(vec![FieldError::new(
                "evening",
                "error-evening-after-morning",
            )]),
            _ => Err(errors),
        }
    }

    /// Which slot a moment of the day belongs to: before the midpoint between the two
    /// reminders, the morning one.
    pub fn slot_of(&self, time: NaiveTime) -> Slot {
        let midpoint = self.morning + (self.evening - self.morning) / 2;
        if time < midpoint {
            Slot::Morning
        } else {
            Slot::Evening
        }
    }

    fn time_of(&self, slot: Slot) -> NaiveTime {
        match slot {
            Slot::Morning => self.morning,
            Slot::Evening => self.evening,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Slot {
    Morning,
    Evening,
}

/// The next reminder: when, and for which slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    pub at: DateTime<FixedOffset>,
    pub slot: Slot,
}

/// The first reminder at or after `now` whose slot has no session yet. `done` holds the
/// times sessions happened (in whatever offset they were recorded); they are compared in
/// `now`'s offset, the device's zone today.
pub fn next_reminder(
    settings: &ReminderSettings,
    now: DateTime<FixedOffset>,
    done: &[DateTime<FixedOffset>],
) -> Option<Reminder> {
    if !settings.enabled {
        return None;
    }
    let zone = *now.offset();
    let today = now.date_naive();
    for day in 0..=2 {
        let date = today.checked_add_days(Days::new(day))?;
        for slot in [Slot::Morning, Slot::Evening] {
            let at = zone
                .from_local_datetime(&date.and_time(settings.time_of(slot)))
                .single()?;
            let already_done = done.iter().any(|session| {
                let local = session.with_timezone(&zone);
                local.date_naive() == date && settings.slot_of(local.time()) == slot
            });
            if at >= now && !already_done {
                return Some(Reminder { at, slot });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIB: i32 = 7 * 3600;
    const WITA: i32 = 8 * 3600;
    const WIT: i32 = 9 * 3600;

    fn at(offset: i32, text: &str) -> DateTime<FixedOffset> {
        let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
        FixedOffset::east_opt(offset)
            .unwrap()
            .from_local_datetime(&naive)
            .unwrap()
    }

    fn next(now: DateTime<FixedOffset>, done: &[DateTime<FixedOffset>]) -> (String, Slot) {
        let reminder = next_reminder(&ReminderSettings::default(), now, done).unwrap();
        (
            reminder.at.format("%Y-%m-%d %H:%M %:z").to_string(),
            reminder.slot,
        )
    }

    #[test]
    fn the_next_slot_of_the_day_in_local_time() {
        assert_eq!(
            next(at(WIB, "2026-11-22 05:00"), &[]),
            ("2026-11-22 07:00 +07:00".into(), Slot::Morning)
        );
        assert_eq!(
            next(at(WIB, "2026-11-22 07:00"), &[]),
            ("2026-11-22 07:00 +07:00".into(), Slot::Morning)
        );
        assert_eq!(
            next(at(WIB, "2026-11-22 07:01"), &[]),
            ("2026-11-22 19:00 +07:00".into(), Slot::Evening)
        );
    }

    #[test]
    fn after_the_evening_it_is_tomorrow_morning_across_midnight_and_month_end() {
        assert_eq!(
            next(at(WIB, "2026-11-30 23:59"), &[]),
            ("2026-12-01 07:00 +07:00".into(), Slot::Morning)
        );
        assert_eq!(
            next(at(WIT, "2026-12-31 19:30"), &[]),
            ("2027-01-01 07:00 +09:00".into(), Slot::Morning)
        );
    }

    #[test]
    fn a_slot_already_done_gets_no_reminder() {
        let morning_massage = at(WIB, "2026-11-22 06:30");
        assert_eq!(
            next(at(WIB, "2026-11-22 06:45"), &[morning_massage]),
            ("2026-11-22 19:00 +07:00".into(), Slot::Evening)
        );
        let early_evening = at(WIB, "2026-11-22 17:10");
        assert_eq!(
            next(
                at(WIB, "2026-11-22 18:00"),
                &[morning_massage, early_evening]
            ),
            ("2026-11-23 07:00 +07:00".into(), Slot::Morning)
        );
    }

    #[test]
    fn sessions_are_compared_in_the_zone_the_device_is_in_now() {
        // Done at 06:30 WIB = 07:30 WITA: after flying to Makassar it is still this
        // morning's massage, so the next reminder is the evening one, at 19:00 WITA.
        let done = at(WIB, "2026-11-22 06:30");
        assert_eq!(
            next(at(WITA, "2026-11-22 07:45"), &[done]),
            ("2026-11-22 19:00 +08:00".into(), Slot::Evening)
        );
        // Done at 23:30 WIB = 01:30 WIT the next day: it belongs to that day's morning.
        let late = at(WIB, "2026-11-22 23:30");
        assert_eq!(
            next(at(WIT, "2026-11-23 01:45"), &[late]),
            ("2026-11-23 19:00 +09:00".into(), Slot::Evening)
        );
    }

    #[test]
    fn turned_off_means_no_reminder() {
        let off = ReminderSettings {
            enabled: false,
            ..ReminderSettings::default()
        };
        assert_eq!(next_reminder(&off, at(WIB, "2026-11-22 05:00"), &[]), None);
    }

    #[test]
    fn settings_are_parsed_and_checked() {
        let settings = ReminderSettings::parse(true, "06:30", "20:15").unwrap();
        assert_eq!(
            settings.slot_of(NaiveTime::from_hms_opt(13, 22, 0).unwrap()),
            Slot::Morning
        );
        assert_eq!(
            settings.slot_of(NaiveTime::from_hms_opt(13, 23, 0).unwrap()),
            Slot::Evening
        );
        let codes = |r: Result<ReminderSettings, Vec<FieldError>>| {
            r.unwrap_err()
                .into_iter()
                .map(|e| e.code)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(ReminderSettings::parse(true, "19:00", "07:00")),
            ["error-evening-after-morning"]
        );
        assert_eq!(
            codes(ReminderSettings::parse(true, "7 pagi", "25:00")),
            ["error-time-invalid", "error-time-invalid"]
        );
    }
}
