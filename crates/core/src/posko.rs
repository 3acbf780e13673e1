//! The "posko Ayah ASI" (seed 004): a consultation point the cadre runs. She sets its
//! place, day, hours and how to reach her; families receive it with her next bundle (in
//! the header, as it is hers, not a family's record) and the father's home shows the
//! next posko day. His questions for it are family records that reach her review.

use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::validation::{FieldError, optional_text, required_text};

/// The posko as the cadre sets it and as families receive it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(rename = "Posko")]
#[serde(rename_all = "camelCase")]
pub struct PoskoNotice {
    pub cadre_name: String,
    pub place: String,
    /// ISO weekday: 1 Monday .. 7 Sunday.
    pub weekday: u8,
    /// `HH:MM`.
    pub starts_at: String,
    pub ends_at: String,
    /// A phone or WhatsApp number, or how else to reach her.
    pub contact: Option<String>,
    /// When she last changed it (RFC 3339): a newer notice replaces an older one.
    pub updated_at: String,
}

/// What the cadre types.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PoskoInput {
    pub place: String,
    pub weekday: u8,
    pub starts_at: String,
    pub ends_at: String,
    pub contact: Option<String>,
}

fn time_of(text: &str) -> Option<NaiveTime> {
    (text.len() == 5)
        .then(|| NaiveTime::parse_from_str(text, "%H:%M").ok())
        .flatten()
}

impl PoskoInput {
    /// A place, a weekday, hours that start before they end, an optional contact.
    pub fn validate(
        &self,
        cadre_name: &str,
        updated_at: &str,
    ) -> Result<PoskoNotice, Vec<FieldError>> {
        let mut errors = Vec::new();
        let place = required_text("place", &self.place, 120, &mut errors);
        if !(1..=7).contains(&self.weekday) {
            errors.push(FieldError::new("weekday", "error-choice-unknown"));
        }
        match (time_of(&self.starts_at), time_of(&self.ends_at)) {
            (Some(start), Some(end)) if start < end => {}
            (Some(_), Some(_)) => errors.push(FieldError::new("endsAt", "error-posko-hours")),
            (start, end) => {
                if start.is_none() {
                    errors.push(FieldError::new("startsAt", "error-time-invalid"));
                }
                if end.is_none() {
                    errors.push(FieldError::new("endsAt", "error-time-invalid"));
                }
            }
        }
        let contact = optional_text("contact", self.contact.as_deref(), 80, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(PoskoNotice {
            cadre_name: cadre_name.to_owned(),
            place,
            weekday: self.weekday,
            starts_at: self.starts_at.clone(),
            ends_at: self.ends_at.clone(),
            contact,
            updated_at: updated_at.to_owned(),
        })
    }
}

impl PoskoNotice {
    /// The same rules as when she set it (a received notice is checked like her input).
    pub fn is_valid(&self) -> bool {
        let input = PoskoInput {
            place: self.place.clone(),
            weekday: self.weekday,
            starts_at: self.starts_at.clone(),
            ends_at: self.ends_at.clone(),
            contact: self.contact.clone(),
        };
        crate::cadre::is_valid_name(&self.cadre_name)
            && chrono::DateTime::parse_from_rfc3339(&self.updated_at).is_ok()
            && input.validate(&self.cadre_name, &self.updated_at).as_ref() == Ok(self)
    }

    /// The next posko day on or after `today`.
    pub fn next_day(&self, today: NaiveDate) -> NaiveDate {
        let from = today.weekday().number_from_monday();
        let ahead = (u32::from(self.weekday) + 7 - from) % 7;
        today
            .checked_add_days(Days::new(u64::from(ahead)))
            .unwrap_or(today)
    }
}

/// A question the father notes to ask at the posko: 1..=300 readable characters.
pub fn check_question(text: &str) -> Result<String, Vec<FieldError>> {
    let mut errors = Vec::new();
    let question = required_text("question", text, 300, &mut errors);
    if errors.is_empty() {
        Ok(question)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(weekday: u8, starts: &str, ends: &str) -> PoskoInput {
        PoskoInput {
            place: " Balai RW 11 ".into(),
            weekday,
            starts_at: starts.into(),
            ends_at: ends.into(),
            contact: Some("0812 3456 7890".into()),
        }
    }

    const AT: &str = "2026-12-02T09:00:00.000+07:00";

    #[test]
    fn a_posko_keeps_its_place_day_hours_and_contact() {
        let notice = input(6, "08:00", "10:00").validate("Bu Rina", AT).unwrap();
        assert_eq!(notice.place, "Balai RW 11");
        assert!(notice.is_valid());
        let codes = |i: PoskoInput| -> Vec<&str> {
            i.validate("Bu Rina", AT)
                .unwrap_err()
                .iter()
                .map(|e| e.code)
                .collect()
        };
        assert_eq!(codes(input(0, "08:00", "10:00")), ["error-choice-unknown"]);
        assert_eq!(codes(input(8, "08:00", "10:00")), ["error-choice-unknown"]);
        assert_eq!(codes(input(6, "10:00", "08:00")), ["error-posko-hours"]);
        assert_eq!(
            codes(input(6, "8", "25:00")),
            ["error-time-invalid", "error-time-invalid"]
        );
        let mut nowhere = input(6, "08:00", "10:00");
        nowhere.place = "  ".into();
        assert_eq!(codes(nowhere), ["error-field-required"]);
    }

    #[test]
    fn a_received_notice_is_checked_like_her_input() {
        let good = input(6, "08:00", "10:00").validate("Bu Rina", AT).unwrap();
        let mut untrimmed = good.clone();
        untrimmed.place = " Balai ".into();
        let mut bad_time = good.clone();
        bad_time.updated_at = "kemarin".into();
        let mut no_name = good.clone();
        no_name.cadre_name = " ".into();
        for bad in [untrimmed, bad_time, no_name] {
            assert!(!bad.is_valid(), "{bad:?}");
        }
    }

    #[test]
    fn the_next_posko_day_is_today_or_the_coming_one() {
        // 2026-12-02 is a Wednesday (3).
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let on = |weekday| {
            input(weekday, "08:00", "10:00")
                .validate("Bu Rina", AT)
                .unwrap()
                .next_day(today)
                .to_string()
        };
        assert_eq!(on(3), "2026-12-02");
        assert_eq!(on(6), "2026-12-05");
        assert_eq!(on(1), "2026-12-07");
        assert_eq!(on(2), "2026-12-08");
    }

    #[test]
    fn a_question_is_one_readable_line_of_at_most_300_characters() {
        assert_eq!(
            check_question("  Boleh pijat saat Ibu flu? ").unwrap(),
            "Boleh pijat saat Ibu flu?"
        );
        assert!(check_question(" ").is_err());
        assert!(check_question(&"a".repeat(301)).is_err());
    }
}
