//! Which family needs a home visit most: the order of the cadre's families list.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use serde::Serialize;

/// The longest cadre's name (the app's and the server's tables check it too).
pub const NAME_MAX: usize = 60;

/// A cadre's name as the programme takes it: not blank, at most [`NAME_MAX`] characters.
pub fn is_valid_name(name: &str) -> bool {
    !name.trim().is_empty() && name.chars().count() <= NAME_MAX
}

/// Why a family is where it is in the list, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Need {
    /// A sign of risk since the last visit (see [`Risk`]).
    Risk,
    /// Never visited.
    NoVisit,
    /// The last checklist score is lower than the one before.
    FallingScore,
    /// Fewer than half the planned sessions in the last 7 days.
    FewSessions,
    OnTrack,
}

/// A sign since the cadre's last visit (or since enrolment) that puts a family above
/// the others, whatever else the list knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Risk {
    /// The safety check found a danger sign that cannot wait (heavy bleeding, fever...):
    /// the cadre makes sure the mother has seen the midwife.
    DangerSign,
    /// A session stopped because the mother felt pain.
    PainStop,
    /// The safety check found another reason not to massage (a wound, a spine operation...).
    SafetyStop,
    /// Milk production recorded as "tidak ada".
    NoMilk,
    /// The baby had something other than breast milk before six months, or honey
    /// before twelve (`feeding::alert`): the cadre visits, teaches, brings the midwife.
    OtherFeeding,
}

/// The risk a safety stop with these findings (`protocol::safety_findings`) stands for.
pub fn safety_risk(findings: &[&str]) -> Risk {
    if findings.iter().any(|f| super::protocol::is_urgent(f)) {
        Risk::DangerSign
    } else {
        Risk::SafetyStop
    }
}

/// What the list knows of a family, for ordering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitSignals {
    /// Risk signs since the last visit, most important first.
    pub risks: Vec<Risk>,
    pub last_visit: Option<NaiveDate>,
    pub last_percent: Option<u8>,
    pub previous_percent: Option<u8>,
    pub sessions_7d: u32,
    pub planned_7d: u32,
}

pub fn need(signals: &VisitSignals) -> Need {
    if !signals.risks.is_empty() {
        Need::Risk
    } else if signals.last_visit.is_none() {
        Need::NoVisit
    } else if matches!((signals.last_percent, signals.previous_percent), (Some(last), Some(previous)) if last < previous)
    {
        Need::FallingScore
    } else if signals.sessions_7d * 2 < signals.planned_7d {
        Need::FewSessions
    } else {
        Need::OnTrack
    }
}

/// Sort key: the need, then the longest since a visit, then the fewest sessions.
pub fn priority(signals: &VisitSignals) -> (Need, Option<NaiveDate>, u32) {
    (need(signals), signals.last_visit, signals.sessions_7d)
}

/// Sessions given in one week, against the plan, as the family's review shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekCount {
    pub week_start: NaiveDate,
    pub given: u32,
    pub planned: u32,
}

/// How many weeks a family's review shows (the app's and the dashboard's).
pub const REVIEW_WEEKS: u32 = 4;
/// How many weeks the dashboard's overview draws for each posyandu.
pub const OVERVIEW_WEEKS: u32 = 12;

/// The last `weeks` weeks up to `now`, oldest first: how many of `given_at` (when
/// sessions that were given, finished or stopped, began) fall in each, and how many were
/// planned for a plan that started on `plan_start` (`Family::plan_start`; none yet: 0).
pub fn weekly_counts(
    given_at: &[DateTime<FixedOffset>],
    plan_start: Option<NaiveDate>,
    now: DateTime<FixedOffset>,
    weeks: u32,
) -> Vec<WeekCount> {
    (0..i64::from(weeks))
        .rev()
        .map(|back| {
            let end = now - Duration::days(7 * back);
            let start = end - Duration::days(7);
            let given = given_at
                .iter()
                .filter(|t| **t >= start && **t < end)
                .count();
            WeekCount {
                week_start: start.date_naive(),
                given: given as u32,
                planned: planned_since(plan_start, end.date_naive()),
            }
        })
        .collect()
}

/// Adds one family's weeks to a posyandu's (both from [`weekly_counts`] with the same
/// `now` and number of weeks).
pub fn add_weeks(total: &mut Vec<WeekCount>, family: &[WeekCount]) {
    if total.is_empty() {
        total.extend_from_slice(family);
        return;
    }
    for (sum, week) in total.iter_mut().zip(family) {
        sum.given += week.given;
        sum.planned += week.planned;
    }
}

/// Sessions planned over the last 7 days for a family enrolled `days_enrolled` days ago
/// (twice a day, counting today).
pub fn planned_last_7_days(days_enrolled: i64) -> u32 {
    (days_enrolled + 1).clamp(0, 7) as u32 * super::protocol::SESSIONS_PER_DAY
}

/// Sessions planned over the 7 days up to `today` for a plan that started on
/// `plan_start` (none before the birth).
pub fn planned_since(plan_start: Option<NaiveDate>, today: NaiveDate) -> u32 {
    plan_start.map_or(0, |start| planned_last_7_days((today - start).num_days()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signals(
        last_visit: Option<u32>,
        last: Option<u8>,
        previous: Option<u8>,
        sessions: u32,
    ) -> VisitSignals {
        VisitSignals {
            risks: Vec::new(),
            last_visit: last_visit.map(|d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap()),
            last_percent: last,
            previous_percent: previous,
            sessions_7d: sessions,
            planned_7d: 14,
        }
    }

    #[test]
    fn the_most_needed_visit_comes_first() {
        let on_track = signals(Some(10), Some(90), Some(80), 12);
        let few = signals(Some(15), Some(90), None, 3);
        let falling = signals(Some(18), Some(60), Some(80), 14);
        let never = signals(None, None, None, 14);
        let older_on_track = signals(Some(2), Some(90), Some(90), 10);
        let mut list = vec![
            on_track.clone(),
            few.clone(),
            falling.clone(),
            never.clone(),
            older_on_track.clone(),
        ];
        list.sort_by_key(priority);
        assert_eq!(list, [never, falling, few, older_on_track, on_track]);
    }

    #[test]
    fn a_family_with_a_risk_sign_comes_before_every_other() {
        let never = signals(None, None, None, 0);
        let mut pain = signals(Some(20), Some(100), Some(90), 14);
        pain.risks = vec![Risk::PainStop];
        let mut list = vec![never.clone(), pain.clone()];
        list.sort_by_key(priority);
        assert_eq!(list, [pain.clone(), never]);
        assert_eq!(need(&pain), Need::Risk);
        for risk in [Risk::DangerSign, Risk::SafetyStop, Risk::NoMilk] {
            let mut family = signals(Some(20), Some(100), None, 14);
            family.risks = vec![risk];
            assert_eq!(need(&family), Need::Risk);
        }
    }

    #[test]
    fn a_safety_stop_for_a_danger_sign_is_named_apart_from_a_back_rash() {
        assert_eq!(safety_risk(&["back-wound"]), Risk::SafetyStop);
        assert_eq!(safety_risk(&["back-wound", "fever"]), Risk::DangerSign);
        assert_eq!(safety_risk(&["fever-bleeding-dizzy"]), Risk::DangerSign);
        // Listed first among a family's risks.
        let mut risks = [Risk::NoMilk, Risk::PainStop, Risk::DangerSign];
        risks.sort();
        assert_eq!(risks[0], Risk::DangerSign);
    }

    #[test]
    fn four_weeks_count_what_was_given_against_the_plan() {
        use chrono::Datelike;
        let wib = FixedOffset::east_opt(7 * 3600).unwrap();
        let at = |d: u32, h: u32| {
            NaiveDate::from_ymd_opt(2026, 11, d)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
                .and_local_timezone(wib)
                .unwrap()
        };
        let now = at(29, 12);
        // Enrolled on the 10th: the first week (1-8 Nov) plans nothing, the second six days.
        let enrolled = NaiveDate::from_ymd_opt(2026, 11, 10).unwrap();
        let given = [
            at(12, 7),
            at(12, 19),
            at(20, 7),
            at(28, 7),
            at(29, 7),
            at(29, 12),
        ];
        let weeks = weekly_counts(&given, Some(enrolled), now, REVIEW_WEEKS);
        let summary: Vec<(u32, u32, u32)> = weeks
            .iter()
            .map(|w| (w.week_start.day0() + 1, w.given, w.planned))
            .collect();
        // Weeks start on the 1st, 8th, 15th and 22nd at noon; the session at noon on the
        // 29th is this week's end, not in it.
        assert_eq!(summary, [(1, 0, 0), (8, 2, 12), (15, 1, 14), (22, 2, 14)]);
    }

    #[test]
    fn a_posyandus_weeks_add_up_its_families() {
        let wib = FixedOffset::east_opt(7 * 3600).unwrap();
        let now = NaiveDate::from_ymd_opt(2026, 12, 6)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
            .and_local_timezone(wib)
            .unwrap();
        let early = NaiveDate::from_ymd_opt(2026, 9, 1);
        let late = NaiveDate::from_ymd_opt(2026, 12, 4);
        let given = [now - Duration::days(1), now - Duration::days(20)];
        let mut total = Vec::new();
        add_weeks(
            &mut total,
            &weekly_counts(&given, early, now, OVERVIEW_WEEKS),
        );
        add_weeks(&mut total, &weekly_counts(&[], late, now, OVERVIEW_WEEKS));
        add_weeks(&mut total, &weekly_counts(&[], None, now, OVERVIEW_WEEKS));
        assert_eq!(total.len(), OVERVIEW_WEEKS as usize);
        let last = &total[11];
        // The last week: 14 planned for the early family, 6 for one enrolled on the 4th.
        assert_eq!((last.given, last.planned), (1, 14 + 6));
        assert_eq!((total[9].given, total[9].planned), (1, 14));
        assert_eq!((total[0].given, total[0].planned), (0, 14));
    }

    #[test]
    fn the_plan_counts_only_days_since_enrolment() {
        assert_eq!(planned_last_7_days(0), 2);
        assert_eq!(planned_last_7_days(3), 8);
        assert_eq!(planned_last_7_days(30), 14);
    }
}
