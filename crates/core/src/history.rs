//! The father's history: sessions by day against the twice-a-day plan, and honest,
//! encouraging feedback on the last week.

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use serde::Serialize;

use super::protocol::{Giver, SESSIONS_PER_DAY};
use super::rating::{MilkFlow, Rating};
use super::reminder::{ReminderSettings, Slot};

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "SessionOutcome")]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Finished,
    Stopped,
    /// Never started (no consent, or a safety "yes").
    NotStarted,
}

/// One session as the history shows it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "SessionView")]
#[serde(rename_all = "camelCase")]
pub struct SessionSummary {
    pub id: String,
    pub at: DateTime<FixedOffset>,
    pub outcome: Outcome,
    pub stop_reason: Option<String>,
    /// The mother's current rating; `None` when she has not been asked or not answered.
    pub rating: Option<Rating>,
    /// Who gave it; `None` when it never started, or was recorded before this was asked.
    pub given_by: Option<Giver>,
}

/// One day against the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Day {
    pub date: NaiveDate,
    pub finished: u32,
    pub stopped: u32,
    /// Planned slots already due with no session given.
    pub missed: u32,
}

/// The last `count` days up to `now`, oldest first. Nothing is missed before the plan
/// starts (`Family::plan_start`; never while it has not), and today's plan counts only
/// the slots whose reminder time has come, so the morning does not call the evening missed.
pub fn days(
    sessions: &[SessionSummary],
    now: DateTime<FixedOffset>,
    settings: &ReminderSettings,
    count: u32,
    plan_start: Option<NaiveDate>,
) -> Vec<Day> {
    let zone = *now.offset();
    let today = now.date_naive();
    (0..count)
        .rev()
        .filter_map(|back| today.checked_sub_days(Days::new(u64::from(back))))
        .map(|date| {
            let on_day = sessions
                .iter()
                .filter(|s| s.at.with_timezone(&zone).date_naive() == date);
            let count = |outcome| on_day.clone().filter(|s| s.outcome == outcome).count() as u32;
            let (finished, stopped) = (count(Outcome::Finished), count(Outcome::Stopped));
            let due = if plan_start.is_none_or(|start| date < start) {
                0
            } else if date == today {
                slots_due(settings, now)
            } else {
                SESSIONS_PER_DAY
            };
            Day {
                date,
                finished,
                stopped,
                missed: due.saturating_sub(finished + stopped),
            }
        })
        .collect()
}

fn slots_due(settings: &ReminderSettings, now: DateTime<FixedOffset>) -> u32 {
    let time = now.time();
    [Slot::Morning, Slot::Evening]
        .iter()
        .filter(|slot| match slot {
            Slot::Morning => time >= settings.morning,
            Slot::Evening => time >= settings.evening,
        })
        .count() as u32
}

/// How the week went, for a short, honest sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekFeedback {
    pub finished: u32,
    pub planned: u32,
    pub tone: Tone,
    /// Comfort the mother gave the latest rated session.
    pub last_comfort: Option<u8>,
    pub last_milk_flow: Option<MilkFlow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Tone {
    /// Nothing done yet this week.
    Start,
    /// Some done; more would help.
    KeepGoing,
    /// Three quarters of the plan or more.
    Great,
}

/// Feedback over the last seven of `days` (as [`days`] returns them).
pub fn week_feedback(days: &[Day], sessions: &[SessionSummary]) -> WeekFeedback {
    let week = &days[days.len().saturating_sub(7)..];
    let finished: u32 = week.iter().map(|d| d.finished).sum();
    let planned: u32 = week
        .iter()
        .map(|d| d.finished + d.stopped + d.missed)
        .sum::<u32>()
        .max(finished);
    let tone = if finished == 0 {
        Tone::Start
    } else if finished * 4 >= planned * 3 {
        Tone::Great
    } else {
        Tone::KeepGoing
    };
    let last_rated = sessions
        .iter()
        .filter_map(|s| s.rating.as_ref().filter(|r| !r.skipped).map(|r| (s.at, r)))
        .max_by_key(|(at, _)| *at)
        .map(|(_, r)| r);
    WeekFeedback {
        finished,
        planned,
        tone,
        last_comfort: last_rated.and_then(|r| r.comfort),
        last_milk_flow: last_rated.and_then(|r| r.milk_flow),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn wib(text: &str) -> DateTime<FixedOffset> {
        let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
        FixedOffset::east_opt(7 * 3600)
            .unwrap()
            .from_local_datetime(&naive)
            .unwrap()
    }

    fn session(at: &str, outcome: Outcome, comfort: Option<u8>) -> SessionSummary {
        let rating = comfort
            .map(|c| Rating {
                comfort: Some(c),
                milk_flow: Some(MilkFlow::Drips),
                ..Rating::skipped()
            })
            .map(|r| Rating {
                skipped: false,
                ..r
            });
        SessionSummary {
            id: at.into(),
            at: wib(at),
            outcome,
            stop_reason: None,
            rating,
            given_by: Some(Giver::Father),
        }
    }

    #[test]
    fn days_count_sessions_against_the_plan_and_today_only_what_is_due() {
        let sessions = [
            session("2026-11-20 07:05", Outcome::Finished, Some(4)),
            session("2026-11-20 19:10", Outcome::Stopped, None),
            session("2026-11-21 07:00", Outcome::NotStarted, None),
            session("2026-11-22 06:50", Outcome::Finished, Some(5)),
        ];
        let enrolled = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let last_3 = days(
            &sessions,
            wib("2026-11-22 12:00"),
            &ReminderSettings::default(),
            3,
            Some(enrolled),
        );
        let summary: Vec<_> = last_3
            .iter()
            .map(|d| (d.date.to_string(), d.finished, d.stopped, d.missed))
            .collect();
        assert_eq!(
            summary,
            [
                ("2026-11-20".to_string(), 1, 1, 0),
                ("2026-11-21".to_string(), 0, 0, 2),
                ("2026-11-22".to_string(), 1, 0, 0), // the evening is not due yet
            ]
        );
    }

    #[test]
    fn feedback_is_honest_about_the_week_and_names_the_last_rating() {
        let sessions = [
            session("2026-11-20 07:05", Outcome::Finished, Some(4)),
            session("2026-11-21 07:05", Outcome::Finished, Some(5)),
            session("2026-11-21 19:05", Outcome::Finished, None),
        ];
        let enrolled = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let last_14 = days(
            &sessions,
            wib("2026-11-21 20:00"),
            &ReminderSettings::default(),
            14,
            Some(enrolled),
        );
        let feedback = week_feedback(&last_14, &sessions);
        assert_eq!((feedback.finished, feedback.planned), (3, 14));
        assert_eq!(feedback.tone, Tone::KeepGoing);
        assert_eq!(
            feedback.last_comfort,
            Some(5),
            "the latest session with a rating"
        );

        let none = week_feedback(
            &days(
                &[],
                wib("2026-11-21 20:00"),
                &ReminderSettings::default(),
                14,
                Some(enrolled),
            ),
            &[],
        );
        assert_eq!((none.tone, none.last_comfort), (Tone::Start, None));
    }

    #[test]
    fn days_before_enrolment_are_not_missed() {
        let sessions = [session("2026-11-21 07:05", Outcome::Finished, Some(4))];
        let enrolled = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let week = days(
            &sessions,
            wib("2026-11-21 20:00"),
            &ReminderSettings::default(),
            7,
            Some(enrolled),
        );
        assert_eq!(
            week.iter().map(|d| d.missed).sum::<u32>(),
            1,
            "only this evening"
        );
        let feedback = week_feedback(&week, &sessions);
        assert_eq!(
            (feedback.finished, feedback.planned, feedback.tone),
            (1, 2, Tone::KeepGoing)
        );
    }

    #[test]
    fn nothing_is_missed_before_the_plan_starts() {
        let week = |plan_start| {
            days(
                &[],
                wib("2026-11-21 20:00"),
                &ReminderSettings::default(),
                7,
                plan_start,
            )
        };
        let missed = |plan_start| week(plan_start).iter().map(|d| d.missed).sum::<u32>();
        // Before the birth (no plan yet) nothing is missed; from a birth two days ago, the
        // two full days and this morning and evening are.
        assert_eq!(missed(None), 0);
        assert_eq!(missed(NaiveDate::from_ymd_opt(2026, 11, 19)), 6);
    }
}
