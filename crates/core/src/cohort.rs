//! What the posyandu report knows of each family, decided once from the family's rows.
//!
//! The app (SQLite) and the server (PostgreSQL) only load rows: [`FamilyRows`], one per
//! family. Their SQL narrows what it reads so that an index serves it (the period's
//! days), and the rules are applied here again over what was read, so a loader that
//! reads more cannot change a figure. One rule stays in both loaders' SQL for speed, a
//! rating's current version ([`FamilyRows::comforts`]); `server/tests/report_loaders.rs`
//! loads the same records through both and holds their rows, facts and tables equal.
//!
//! Times are compared as text, the way the phone wrote them (RFC 3339, starting with its
//! local date), so the app and the server agree on a session's day.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use chrono::{Duration, Months, NaiveDate};

use crate::checklist;
use crate::protocol::Giver;
use crate::rating::MilkStatus;
use crate::report::{CohortFamily, LatestVisit};

/// A massage session's stored status: what the app writes and the bundle carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStatus {
    /// Opened: the safety questions or the preparation, not yet timed.
    Preparing,
    Running,
    Finished,
    /// Ended early (pain, the mother asked, ...).
    Stopped,
    /// Closed before it began (no consent, a safety answer).
    NotStarted,
}

impl SessionStatus {
    pub const ALL: [Self; 5] = [
        Self::Preparing,
        Self::Running,
        Self::Finished,
        Self::Stopped,
        Self::NotStarted,
    ];
    /// A session the mother was given, whole or in part: what the report counts.
    pub const GIVEN: [Self; 2] = [Self::Finished, Self::Stopped];
    /// A session that is over: only these travel in bundles.
    pub const DONE: [Self; 3] = [Self::Finished, Self::Stopped, Self::NotStarted];

    /// The words of [`Self::DONE`], which the bundle's schema accepts.
    pub const DONE_WORDS: [&'static str; 3] = [
        Self::DONE[0].as_str(),
        Self::DONE[1].as_str(),
        Self::DONE[2].as_str(),
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Preparing => "preparing",
            Self::Running => "running",
            Self::Finished => "finished",
            Self::Stopped => "stopped",
            Self::NotStarted => "not-started",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn is_given(self) -> bool {
        Self::GIVEN.contains(&self)
    }

    /// `'finished', 'stopped'`: a set of statuses as an SQL list, so that both
    /// databases' filters are written from the lists above (the words are fixed here,
    /// never user input).
    pub fn sql_list(statuses: &[Self]) -> String {
        statuses
            .iter()
            .map(|s| format!("'{}'", s.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The days a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// "Active" means a session given since this day.
    pub active_since: NaiveDate,
}

impl Period {
    /// How many months a report may look back.
    pub const MONTHS: RangeInclusive<u32> = 1..=24;
    /// The dashboard's report when no length is asked.
    pub const DEFAULT_MONTHS: u32 = 3;
    /// A family is active with a session in the last 7 days, today included.
    pub const ACTIVE_DAYS: i64 = 7;

    /// The `months` up to `today`, which the caller has checked against [`Self::MONTHS`].
    pub fn last_months(today: NaiveDate, months: u32) -> Self {
        Self {
            from: today
                .checked_sub_months(Months::new(months))
                .unwrap_or(today),
            to: today,
            active_since: today - Duration::days(Self::ACTIVE_DAYS - 1),
        }
    }

    /// The day after the period: times before it are in the period.
    pub fn until(&self) -> NaiveDate {
        self.to.succ_opt().unwrap_or(self.to)
    }

    fn has_day(&self, day: &str) -> bool {
        day >= self.from.to_string().as_str() && day <= self.to.to_string().as_str()
    }
}

/// A family's own record, as the report reads it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FamilyRow {
    pub id: String,
    pub created_at: String,
    pub baby_birth_date: String,
    pub mother_age: Option<u8>,
    pub mother_education: Option<String>,
    pub parity: Option<String>,
    pub pregnant: bool,
}

impl FamilyRow {
    /// In the report when enrolled by the period's end.
    pub fn enrolled_by(&self, period: &Period) -> bool {
        day_of(&self.created_at) <= period.to.to_string().as_str()
    }

    /// The day the programme counts from: enrolment, or the (expected) birth when it
    /// comes later. The rule of [`crate::family::plan_start`] without its "not while
    /// pregnant", which the report counts apart.
    fn counted_from(&self) -> &str {
        day_of(&self.created_at).max(self.baby_birth_date.as_str())
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MilkRow {
    pub id: String,
    pub recorded_on: String,
    pub created_at: String,
    pub status: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuizRow {
    /// `pre` or `post`.
    pub kind: String,
    pub score: Option<u8>,
    pub created_at: String,
}

/// One version of a home visit, without its scores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VisitRow {
    pub id: String,
    pub original_id: String,
    pub version: u32,
    pub visited_on: String,
    pub created_at: String,
    pub competent: bool,
}

/// How many sessions of one status and giver.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SessionCount {
    pub status: String,
    pub given_by: Option<String>,
    pub count: usize,
}

/// Everything the report reads of one family.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FamilyRows {
    pub family: FamilyRow,
    /// Every milk status of the family.
    pub milk: Vec<MilkRow>,
    /// Every knowledge test of the family.
    pub quizzes: Vec<QuizRow>,
    /// The days of its hands-on trainings.
    pub trained_on: Vec<String>,
    /// Its visits, every version (a loader may leave out visits after the period).
    pub visits: Vec<VisitRow>,
    /// The rows scored at the visit [`latest_visit`] chose: (row, score).
    pub latest_visit_scores: Vec<(String, u8)>,
    /// The comfort of each current rating (its latest version) made in the period that
    /// the mother answered. A rating is made right after its session, so its time
    /// stands for the session's. Both loaders select the current versions in SQL (the
    /// app's `current` column, the server's "no later version"): read whole, a year of
    /// ratings costs the table instead of one index range per family.
    pub comforts: Vec<u8>,
    /// Sessions made in the period, counted by status and giver.
    pub sessions: Vec<SessionCount>,
    /// Sessions made since the period's `active_since`, counted by status.
    pub recent_sessions: Vec<SessionCount>,
    /// Every answer to "what did the baby have yesterday", oldest first.
    pub recalls: Vec<crate::feeding::RecallRow>,
}

/// The current version of each edited record (a visit, a rating): of those sharing an
/// original, the one with the highest version. In no particular order.
pub fn current_versions<T>(
    records: &[T],
    original: impl Fn(&T) -> &str,
    version: impl Fn(&T) -> u32,
) -> Vec<&T> {
    let mut current: HashMap<&str, &T> = HashMap::new();
    for record in records {
        let slot = current.entry(original(record)).or_insert(record);
        if version(record) > version(slot) {
            *slot = record;
        }
    }
    current.into_values().collect()
}

/// The visit the report scores: the family's latest by the period's end (by its day,
/// then its creation), in its current version. A loader reads that visit's scores.
pub fn latest_visit<'a>(visits: &'a [VisitRow], period: &Period) -> Option<&'a VisitRow> {
    let to = period.to.to_string();
    current_versions(visits, |v| v.original_id.as_str(), |v| v.version)
        .into_iter()
        .filter(|v| v.visited_on.as_str() <= to.as_str())
        .max_by(|a, b| {
            (a.visited_on.as_str(), a.created_at.as_str(), a.id.as_str()).cmp(&(
                b.visited_on.as_str(),
                b.created_at.as_str(),
                b.id.as_str(),
            ))
        })
}

/// The report's families: those enrolled by the period's end, oldest enrolment first,
/// each with its facts.
pub fn families(rows: &[FamilyRows], period: &Period) -> Vec<CohortFamily> {
    let mut enrolled: Vec<&FamilyRows> = rows
        .iter()
        .filter(|r| r.family.enrolled_by(period))
        .collect();
    enrolled.sort_by(|a, b| a.family.created_at.cmp(&b.family.created_at));
    enrolled.into_iter().map(|r| facts(r, period)).collect()
}

/// One family's facts in the period.
pub fn facts(rows: &FamilyRows, period: &Period) -> CohortFamily {
    let family = &rows.family;
    let (milk_before, milk_after) = milk_before_after(&rows.milk, family.counted_from(), period);
    let (pre_score, post_score) = first_pre_latest_post(&rows.quizzes);
    let to = period.to.to_string();
    CohortFamily {
        mother_age: family.mother_age,
        mother_education: family.mother_education.clone(),
        parity: family.parity.clone(),
        trained: rows
            .trained_on
            .iter()
            .any(|day| day.as_str() <= to.as_str()),
        post_tested: post_score.is_some(),
        active: rows
            .recent_sessions
            .iter()
            .any(|s| s.count > 0 && is_given(&s.status)),
        pregnant: family.pregnant,
        milk_before,
        milk_after,
        pre_score,
        post_score,
        latest_visit: latest_visit(&rows.visits, period).map(|visit| LatestVisit {
            competent: visit.competent,
            critical_failed: rows
                .latest_visit_scores
                .iter()
                .any(|(row, score)| *score == 0 && checklist::is_critical(row)),
            failed_rows: failed_rows(&rows.latest_visit_scores),
        }),
        comforts: sorted(&rows.comforts),
        sessions_by: sessions_by(&rows.sessions),
        feeding: {
            let birth = (!family.pregnant)
                .then(|| NaiveDate::parse_from_str(&family.baby_birth_date, "%Y-%m-%d").ok())
                .flatten();
            let history = crate::feeding::from_rows(birth, &rows.recalls);
            crate::feeding::baby_facts(&history, period.from, period.to)
        },
    }
}

/// A learner's first pre-test and latest post-test score, of tests in any order.
pub fn first_pre_latest_post(quizzes: &[QuizRow]) -> (Option<u8>, Option<u8>) {
    let pre = quizzes
        .iter()
        .filter(|q| q.kind == "pre")
        .min_by(|a, b| a.created_at.cmp(&b.created_at));
    let post = quizzes
        .iter()
        .filter(|q| q.kind == "post")
        .max_by(|a, b| a.created_at.cmp(&b.created_at));
    (pre.and_then(|q| q.score), post.and_then(|q| q.score))
}

/// "Before": the first status on or after the day the programme counts from; "after":
/// the latest in the period, when it is a later record than "before".
fn milk_before_after(
    statuses: &[MilkRow],
    counted_from: &str,
    period: &Period,
) -> (Option<MilkStatus>, Option<MilkStatus>) {
    // The id last: neither database promises an order, so ties are broken the same way.
    let order = |m: &&MilkRow| (m.recorded_on.clone(), m.created_at.clone(), m.id.clone());
    let first = statuses
        .iter()
        .filter(|m| m.recorded_on.as_str() >= counted_from)
        .min_by_key(order);
    let latest = statuses
        .iter()
        .filter(|m| period.has_day(&m.recorded_on))
        .max_by_key(order);
    let before = first.and_then(|m| MilkStatus::parse(&m.status));
    let after = match (first, latest) {
        (Some(first), Some(latest)) if first.id != latest.id => MilkStatus::parse(&latest.status),
        _ => None,
    };
    (before, after)
}

/// The rows scored below correct, in row order.
fn failed_rows(scores: &[(String, u8)]) -> Vec<String> {
    let mut failed: Vec<String> = scores
        .iter()
        .filter(|(_, score)| *score < checklist::MAX_ROW_SCORE)
        .map(|(row, _)| row.clone())
        .collect();
    failed.sort();
    failed
}

/// Comforts in one order (the report counts and averages them; neither database
/// promises an order).
fn sorted(comforts: &[u8]) -> Vec<u8> {
    let mut all = comforts.to_vec();
    all.sort_unstable();
    all
}

/// Given sessions by who gave them; `None` for sessions recorded before the app asked.
fn sessions_by(sessions: &[SessionCount]) -> Vec<(Option<Giver>, usize)> {
    let mut by: Vec<(Option<Giver>, usize)> = Vec::new();
    for count in sessions.iter().filter(|s| is_given(&s.status)) {
        let giver = count.given_by.as_deref().and_then(Giver::parse);
        match by.iter_mut().find(|(g, _)| *g == giver) {
            Some((_, n)) => *n += count.count,
            None => by.push((giver, count.count)),
        }
    }
    by.sort_by_key(|(giver, _)| giver.map(|g| g.as_str()));
    by
}

fn is_given(status: &str) -> bool {
    SessionStatus::parse(status).is_some_and(SessionStatus::is_given)
}

fn day_of(time: &str) -> &str {
    time.get(..10).unwrap_or(time)
}

#[cfg(test)]
#[path = "cohort_tests.rs"]
mod tests;
