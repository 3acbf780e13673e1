//! The daftar tilik: the cadre's observation checklist of the father's technique, its
//! scoring (total / maximum x 100), bands, and the trend of each row across visits.

use serde::{Deserialize, Serialize};

use super::validation::FieldError;

/// Stored with every assessment; bump it when rows change. Visits saved under an older
/// version keep the score, band and competence they were saved with.
pub const CHECKLIST_VERSION: &str = "daftar-tilik-v2";

/// The rows of the current version: the protocol's observable steps, in order. Texts:
/// `checklist-<id>`; `duration` and `repetitions` read the family's own plan.
/// Every id of an older version is also here, so old visits stay readable.
pub const ROWS: [&str; 10] = [
    "preparation",
    "position",
    "placement-c7",
    "circular-pressure",
    "down-to-ribs",
    "not-on-spine",
    "duration",
    "repetitions",
    "cleaning",
    "asks-comfort",
];

/// The rows of `daftar-tilik-v1` (pressing on the spine hid inside `down-to-ribs`).
pub const ROWS_V1: [&str; 9] = [
    "preparation",
    "position",
    "placement-c7",
    "circular-pressure",
    "down-to-ribs",
    "duration",
    "repetitions",
    "cleaning",
    "asks-comfort",
];

/// Rows whose 0 means "not competent" whatever the percentage: pressing on the spine
/// itself can hurt a mother days after birth.
pub const CRITICAL_ROWS: [&str; 1] = ["not-on-spine"];

/// Rows whose text reads the family's own plan (`$minutes`, `$passes`).
pub const PLAN_ROWS: [&str; 2] = ["duration", "repetitions"];

/// The text id of a row where no single family's plan applies (reports across
/// families): `checklist-<id>-any-plan` for the plan's rows, else `checklist-<id>`.
pub fn report_label_id(row_id: &str) -> String {
    if PLAN_ROWS.contains(&row_id) {
        format!("checklist-{row_id}-any-plan")
    } else {
        format!("checklist-{row_id}")
    }
}

/// Whether a 0 on this row makes the visit not competent.
pub fn is_critical(row_id: &str) -> bool {
    CRITICAL_ROWS.contains(&row_id)
}

/// 0 = not done, 1 = done but incomplete or out of order, 2 = done correctly, in order.
pub const MAX_ROW_SCORE: u8 = 2;

/// Competent from this percentage on, unless a programme configures another.
pub const DEFAULT_COMPETENT_PERCENT: u8 = 80;

/// One row as scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RowScore {
    pub row_id: String,
    pub score: u8,
    pub note: Option<String>,
}

/// The research bands used in the programme's papers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    /// >= 76
    Baik,
    /// 56-75
    Cukup,
    /// < 56
    Kurang,
}

/// An assessment's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Score {
    pub total: u32,
    pub maximum: u32,
    /// Rounded half up to a whole percent.
    pub percent: u8,
    pub band: Band,
    /// At least the competent percentage and no critical row at 0.
    pub competent: bool,
    /// Critical rows scored 0, in checklist order: the reason a visit is not competent
    /// whatever its percentage.
    pub critical_failed: Vec<String>,
}

/// Checks a full set of row scores against the checklist: every row once, 0-2, notes short.
pub fn validate(rows: &[RowScore]) -> Result<Vec<RowScore>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut valid = Vec::new();
    for id in ROWS {
        let given: Vec<&RowScore> = rows.iter().filter(|r| r.row_id == id).collect();
        match given.as_slice() {
            [] => errors
                .push(FieldError::new("rows", "error-checklist-row-missing").with_arg("row", id)),
            [row] if row.score <= MAX_ROW_SCORE => {
                let note = row.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
                if note.is_some_and(|n| n.chars().count() > 300 || n.chars().any(char::is_control))
                {
                    errors
                        .push(FieldError::new("rows", "error-checklist-note").with_arg("row", id));
                }
                valid.push(RowScore {
                    row_id: id.to_owned(),
                    score: row.score,
                    note: note.map(str::to_owned),
                });
            }
            [_] => errors.push(
                FieldError::new("rows", "error-out-of-range")
                    .with_arg("min", 0)
                    .with_arg("max", MAX_ROW_SCORE),
            ),
            _ => errors
                .push(FieldError::new("rows", "error-checklist-row-twice").with_arg("row", id)),
        }
    }
    if let Some(unknown) = rows.iter().find(|r| !ROWS.contains(&r.row_id.as_str())) {
        errors.push(
            FieldError::new("rows", "error-unknown-protocol-item")
                .with_arg("item", &unknown.row_id),
        );
    }
    if errors.is_empty() {
        Ok(valid)
    } else {
        Err(errors)
    }
}

/// Critical rows scored 0, in the order given.
pub fn critical_failures(rows: &[RowScore]) -> Vec<String> {
    rows.iter()
        .filter(|r| r.score == 0 && is_critical(&r.row_id))
        .map(|r| r.row_id.clone())
        .collect()
}

/// Scores rows: total / maximum x 100, the band, and competence at `competent_percent`
/// (never with a critical row at 0).
pub fn score(rows: &[RowScore], competent_percent: u8) -> Score {
    let total: u32 = rows.iter().map(|r| u32::from(r.score)).sum();
    let maximum = rows.len() as u32 * u32::from(MAX_ROW_SCORE);
    let percent = if maximum == 0 {
        0
    } else {
        ((total * 200 + maximum) / (2 * maximum)) as u8
    };
    let band = match percent {
        76.. => Band::Baik,
        56..=75 => Band::Cukup,
        _ => Band::Kurang,
    };
    let critical_failed = critical_failures(rows);
    Score {
        total,
        maximum,
        percent,
        band,
        competent: percent >= competent_percent && critical_failed.is_empty(),
        critical_failed,
    }
}

/// One past assessment, for trends: its rows by id (rows of another checklist version
/// simply do not match).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastVisit {
    pub visited_on: chrono::NaiveDate,
    pub rows: Vec<RowScore>,
}

/// A row's scores across visits, oldest first (`None` where that visit's checklist had
/// no such row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RowTrend {
    pub row_id: &'static str,
    pub scores: Vec<Option<u8>>,
}

pub fn row_trends(visits: &[PastVisit]) -> Vec<RowTrend> {
    ROWS.iter()
        .map(|id| RowTrend {
            row_id: id,
            scores: visits
                .iter()
                .map(|v| v.rows.iter().find(|r| r.row_id == *id).map(|r| r.score))
                .collect(),
        })
        .collect()
}

/// The rows to coach first: not yet correct at the last visit that scored them; a
/// critical row at 0 before everything else, then the lowest latest score, then the
/// ones that failed most often.
pub fn focus_rows(trends: &[RowTrend]) -> Vec<&'static str> {
    let mut weak: Vec<(&'static str, u8, usize)> = trends
        .iter()
        .filter_map(|t| {
            let latest = t.scores.iter().rev().find_map(|s| *s)?;
            let failures = t
                .scores
                .iter()
                .flatten()
                .filter(|s| **s < MAX_ROW_SCORE)
                .count();
            (latest < MAX_ROW_SCORE).then_some((t.row_id, latest, failures))
        })
        .collect();
    let critical_zero = |row: &(&str, u8, usize)| !(row.1 == 0 && is_critical(row.0));
    weak.sort_by(|a, b| {
        critical_zero(a)
            .cmp(&critical_zero(b))
            .then(a.1.cmp(&b.1))
            .then(b.2.cmp(&a.2))
    });
    weak.into_iter().map(|(id, _, _)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows of the current checklist with these scores, in `ROWS` order.
    fn rows(scores: [u8; 10]) -> Vec<RowScore> {
        scored(&ROWS, &scores)
    }

    fn scored(ids: &[&str], scores: &[u8]) -> Vec<RowScore> {
        ids.iter()
            .zip(scores)
            .map(|(id, score)| RowScore {
                row_id: (*id).into(),
                score: *score,
                note: None,
            })
            .collect()
    }

    #[test]
    fn all_zero_and_all_two() {
        let zero = score(&rows([0; 10]), 80);
        assert_eq!(
            (
                zero.total,
                zero.maximum,
                zero.percent,
                zero.band,
                zero.competent
            ),
            (0, 20, 0, Band::Kurang, false)
        );
        let full = score(&rows([2; 10]), 80);
        assert_eq!(
            (full.total, full.percent, full.band, full.competent),
            (20, 100, Band::Baik, true)
        );
        assert!(full.critical_failed.is_empty());
    }

    #[test]
    fn pressing_on_the_spine_is_never_competent() {
        // Every row correct but the spine row: 18/20 = 90 %, baik, and still not competent.
        let mut spine = [2; 10];
        spine[5] = 0;
        assert_eq!(ROWS[5], "not-on-spine");
        let s = score(&rows(spine), 80);
        assert_eq!((s.percent, s.band, s.competent), (90, Band::Baik, false));
        assert_eq!(s.critical_failed, ["not-on-spine"]);
        // A 1 on the spine row ("kurang tepat") is not a critical failure.
        spine[5] = 1;
        let s = score(&rows(spine), 80);
        assert_eq!((s.percent, s.competent), (95, true));
        assert!(s.critical_failed.is_empty());
        // Even a threshold of 50 % does not make a spine 0 competent.
        spine[5] = 0;
        assert!(!score(&rows(spine), 50).competent);
    }

    #[test]
    fn a_first_version_visit_keeps_its_score_and_band() {
        // daftar-tilik-v1: nine rows, no spine row; the example the review found
        // (everything right but "down to ribs" at 0) scored 16/18 = 89 %, competent.
        let v1 = scored(&ROWS_V1, &[2, 2, 2, 2, 0, 2, 2, 2, 2]);
        let s = score(&v1, 80);
        assert_eq!(
            (s.total, s.maximum, s.percent, s.band),
            (16, 18, 89, Band::Baik)
        );
        assert!(s.competent, "an old visit is scored by its own rows");
        assert!(
            ROWS_V1.iter().all(|id| ROWS.contains(id)),
            "every old row id is still a known row"
        );
    }

    #[test]
    fn mixed_scores_round_half_up_and_fall_in_the_research_bands() {
        // 14/20 = 70 % cukup; 15/20 = 75 % cukup; 16/20 = 80 % baik and competent.
        let mixed = score(&rows([2, 2, 1, 1, 2, 1, 2, 1, 1, 1]), 80);
        assert_eq!(
            (mixed.total, mixed.percent, mixed.band, mixed.competent),
            (14, 70, Band::Cukup, false)
        );
        let near = score(&rows([2, 2, 2, 1, 2, 1, 2, 1, 1, 1]), 80);
        assert_eq!(
            (near.percent, near.band, near.competent),
            (75, Band::Cukup, false)
        );
        assert!(
            score(&rows([2, 2, 2, 1, 2, 1, 2, 1, 1, 1]), 75).competent,
            "the threshold is configurable"
        );
        // 1/18 = 5.56 -> 6 (v1); 10/18 = 55.6 -> 56 is cukup, not kurang.
        assert_eq!(
            score(&scored(&ROWS_V1, &[1, 0, 0, 0, 0, 0, 0, 0, 0]), 80).percent,
            6
        );
        let edge = score(&scored(&ROWS_V1, &[2, 2, 2, 2, 2, 0, 0, 0, 0]), 80);
        assert_eq!((edge.percent, edge.band), (56, Band::Cukup));
        let below = score(&scored(&ROWS_V1, &[2, 2, 2, 2, 1, 0, 0, 0, 0]), 80);
        assert_eq!((below.percent, below.band), (50, Band::Kurang));
    }

    #[test]
    fn validation_wants_every_row_once_within_range() {
        assert!(validate(&rows([2; 10])).is_ok());
        let mut missing = rows([2; 10]);
        missing.retain(|r| r.row_id != "not-on-spine");
        assert_eq!(
            validate(&missing).unwrap_err()[0].code,
            "error-checklist-row-missing"
        );
        let mut too_high = rows([2; 10]);
        too_high[0].score = 3;
        assert_eq!(
            validate(&too_high).unwrap_err()[0].code,
            "error-out-of-range"
        );
        let mut unknown = rows([2; 10]);
        unknown.push(RowScore {
            row_id: "juggling".into(),
            score: 1,
            note: None,
        });
        assert_eq!(
            validate(&unknown).unwrap_err()[0].code,
            "error-unknown-protocol-item"
        );
    }

    #[test]
    fn trends_follow_rows_across_versions_and_show_what_to_coach_first() {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        // The first checklist version had no spine row.
        let old = scored(&ROWS_V1, &[1, 2, 0, 1, 2, 2, 2, 2, 0]);
        let visits = [
            PastVisit {
                visited_on: day(1),
                rows: old,
            },
            PastVisit {
                visited_on: day(8),
                rows: rows([2, 2, 0, 1, 2, 2, 2, 2, 1, 2]),
            },
            PastVisit {
                visited_on: day(15),
                rows: rows([2, 2, 1, 1, 2, 2, 2, 2, 2, 2]),
            },
        ];
        let trends = row_trends(&visits);
        let trend = |id: &str| {
            trends
                .iter()
                .find(|t| t.row_id == id)
                .unwrap()
                .scores
                .clone()
        };
        assert_eq!(trend("placement-c7"), [Some(0), Some(0), Some(1)]);
        assert_eq!(trend("not-on-spine"), [None, Some(2), Some(2)]);
        // Both still at 1 and failed three times each: checklist order (stable sort).
        assert_eq!(focus_rows(&trends), ["placement-c7", "circular-pressure"]);
    }

    #[test]
    fn a_failed_critical_row_is_coached_first() {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let visits = [
            PastVisit {
                visited_on: day(1),
                rows: rows([0, 0, 0, 2, 2, 2, 2, 2, 2, 2]),
            },
            PastVisit {
                visited_on: day(8),
                // Preparation failed twice and is 0 too, but the spine row goes first.
                rows: rows([0, 2, 2, 2, 2, 0, 2, 2, 2, 2]),
            },
        ];
        assert_eq!(
            focus_rows(&row_trends(&visits)),
            ["not-on-spine", "preparation"]
        );
    }

    #[test]
    fn an_amended_assessment_is_scored_on_its_own_rows() {
        // An amendment replaces the rows: its score is computed afresh, never merged.
        let original = score(&rows([1; 10]), 80);
        let amended = score(&rows([2, 2, 2, 2, 2, 2, 2, 2, 1, 1]), 80);
        assert_eq!((original.percent, amended.percent), (50, 90));
    }
}
