//! The daftar tilik: the cadre's observation checklist of the father's technique, its
//! scoring (total / maximum x 100), bands, and the trend of each row across visits.

use serde::{Deserialize, Serialize};

use super::validation::FieldError;

/// Stored with every assessment; bump it when rows change.
pub const CHECKLIST_VERSION: &str = "daftar-tilik-v1";

/// The rows: the protocol's observable steps, in order. Texts: `checklist-<id>`.
pub const ROWS: [&str; 9] = [
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

/// 0 = not done, 1 = done but incomplete or out of order, 2 = done correctly, in order.
pub const MAX_ROW_SCORE: u8 = 2;

/// Competent from this percentage on, unless a programme configures another.
pub const DEFAULT_COMPETENT_PERCENT: u8 = 80;

/// One row as scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RowScore {
    pub row_id: String,
    pub score: u8,
    pub note: Option<String>,
}

/// The research bands used in the programme's papers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Score {
    pub total: u32,
    pub maximum: u32,
    /// Rounded half up to a whole percent.
    pub percent: u8,
    pub band: Band,
    pub competent: bool,
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

/// Scores rows: total / maximum x 100, the band, and competence at `competent_percent`.
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
    Score {
        total,
        maximum,
        percent,
        band,
        competent: percent >= competent_percent,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// The rows to coach first: not yet correct at the last visit that scored them, the
/// ones that failed most often first.
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
    weak.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)));
    weak.into_iter().map(|(id, _, _)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(scores: [u8; 9]) -> Vec<RowScore> {
        ROWS.iter()
            .zip(scores)
            .map(|(id, score)| RowScore {
                row_id: (*id).into(),
                score,
                note: None,
            })
            .collect()
    }

    #[test]
    fn all_zero_and_all_two() {
        let zero = score(&rows([0; 9]), 80);
        assert_eq!(
            (
                zero.total,
                zero.maximum,
                zero.percent,
                zero.band,
                zero.competent
            ),
            (0, 18, 0, Band::Kurang, false)
        );
        let full = score(&rows([2; 9]), 80);
        assert_eq!(
            (full.total, full.percent, full.band, full.competent),
            (18, 100, Band::Baik, true)
        );
    }

    #[test]
    fn mixed_scores_round_half_up_and_fall_in_the_research_bands() {
        // 13/18 = 72.2 % -> 72, cukup; 14/18 = 77.8 -> 78, baik but not competent at 80.
        let mixed = score(&rows([2, 2, 1, 1, 2, 1, 2, 1, 1]), 80);
        assert_eq!(
            (mixed.total, mixed.percent, mixed.band, mixed.competent),
            (13, 72, Band::Cukup, false)
        );
        let near = score(&rows([2, 2, 2, 1, 2, 1, 2, 1, 1]), 80);
        assert_eq!(
            (near.percent, near.band, near.competent),
            (78, Band::Baik, false)
        );
        assert!(
            score(&rows([2, 2, 2, 1, 2, 1, 2, 1, 1]), 75).competent,
            "the threshold is configurable"
        );
        // 1/18 = 5.56 -> 6; 10/18 = 55.6 -> 56 is cukup, not kurang.
        assert_eq!(score(&rows([1, 0, 0, 0, 0, 0, 0, 0, 0]), 80).percent, 6);
        let edge = score(&rows([2, 2, 2, 2, 2, 0, 0, 0, 0]), 80);
        assert_eq!((edge.percent, edge.band), (56, Band::Cukup));
        let below = score(&rows([2, 2, 2, 2, 1, 0, 0, 0, 0]), 80);
        assert_eq!((below.percent, below.band), (50, Band::Kurang));
    }

    #[test]
    fn validation_wants_every_row_once_within_range() {
        assert!(validate(&rows([2; 9])).is_ok());
        let mut missing = rows([2; 9]);
        missing.pop();
        assert_eq!(
            validate(&missing).unwrap_err()[0].code,
            "error-checklist-row-missing"
        );
        let mut too_high = rows([2; 9]);
        too_high[0].score = 3;
        assert_eq!(
            validate(&too_high).unwrap_err()[0].code,
            "error-out-of-range"
        );
        let mut unknown = rows([2; 9]);
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
        // An older checklist version had no "asks-comfort" row.
        let mut old = rows([1, 2, 0, 1, 2, 2, 2, 2, 0]);
        old.retain(|r| r.row_id != "asks-comfort");
        let visits = [
            PastVisit {
                visited_on: day(1),
                rows: old,
            },
            PastVisit {
                visited_on: day(8),
                rows: rows([2, 2, 0, 1, 2, 2, 2, 1, 2]),
            },
            PastVisit {
                visited_on: day(15),
                rows: rows([2, 2, 1, 1, 2, 2, 2, 2, 2]),
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
        assert_eq!(trend("asks-comfort"), [None, Some(2), Some(2)]);
        // Both still at 1; circular pressure failed three times, placement three times too,
        // then by row order of the sort (stable): placement-c7 failed 3, circular 3.
        assert_eq!(focus_rows(&trends), ["placement-c7", "circular-pressure"]);
    }

    #[test]
    fn an_amended_assessment_is_scored_on_its_own_rows() {
        // An amendment replaces the rows: its score is computed afresh, never merged.
        let original = score(&rows([1; 9]), 80);
        let amended = score(&rows([2, 2, 2, 2, 2, 2, 2, 1, 1]), 80);
        assert_eq!((original.percent, amended.percent), (50, 89));
    }
}
