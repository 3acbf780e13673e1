//! The daftar tilik: the cadre's observation checklist of the father's technique, its
//! scoring (total / maximum x 100), bands, and the trend of each row across visits.

use serde::{Deserialize, Serialize};

use super::validation::FieldError;

/// Stored with every assessment; bump it when rows change. Visits saved under an older
/// version keep the score, band and competence they were saved with.
pub const CHECKLIST_VERSION: &str = "daftar-tilik-v3";

/// The rows of the current version: the protocol's observable steps, in order. Texts:
/// `checklist-<id>`; `duration` and `repetitions` read the family's own plan.
/// Every id of an older version is also here, so old visits stay readable.
pub const ROWS: [&str; 12] = [
    "consent-safety",
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
    "offer-breast",
];

/// The rows of `daftar-tilik-v2` (its spine row was scored 0-2, and only a 0 failed it).
pub const ROWS_V2: [&str; 10] = [
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

/// Safety requirements: pass or fail, and a fail means "not competent" whatever the
/// percentage: massaging without her agreement or despite a danger sign, and pressing
/// on the spine itself, can hurt a mother days after birth. Since `daftar-tilik-v3`
/// such a row takes only [`PASS`] or [`FAIL`], each with its own words
/// (`checklist-<id>-pass`, `checklist-<id>-fail`): "now and then" is a fail. A
/// `daftar-tilik-v2` visit may hold a 1 on the spine row, which it was saved as
/// passing with.
pub const CRITICAL_ROWS: [&str; 2] = ["consent-safety", "not-on-spine"];

/// A safety requirement met.
pub const PASS: u8 = MAX_ROW_SCORE;
/// A safety requirement not met (stored as 0, so every version reads it alike).
pub const FAIL: u8 = 0;

/// The scores a cadre may give this row, in the order the visit screen offers them (the
/// best last, on every row alike).
pub fn allowed_scores(row_id: &str) -> &'static [u8] {
    if is_critical(row_id) {
        &[FAIL, PASS]
    } else {
        &[0, 1, 2]
    }
}

/// Rows whose text reads the family's own plan (`$minutes`, `$passes`).
pub const PLAN_ROWS: [&str; 2] = ["duration", "repetitions"];

/// How the father took the coaching at a visit, as the cadre saw it.
pub const MOTIVATIONS: [&str; 3] = ["cooperative", "hesitant", "refuses"];

/// The text id of a row where no single family's plan applies (reports across
/// families): `checklist-<id>-any-plan` for the plan's rows, else `checklist-<id>`.
pub fn report_label_id(row_id: &str) -> String {
    if PLAN_ROWS.contains(&row_id) {
        format!("checklist-{row_id}-any-plan")
    } else {
        format!("checklist-{row_id}")
    }
}

/// Whether this row is a safety requirement (pass or fail).
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

/// Checks a full set of row scores against the checklist: every row once, 0-2 (a safety
/// requirement pass or fail), notes short.
pub fn validate(rows: &[RowScore]) -> Result<Vec<RowScore>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut valid = Vec::new();
    for id in ROWS {
        let given: Vec<&RowScore> = rows.iter().filter(|r| r.row_id == id).collect();
        match given.as_slice() {
            [] => errors
                .push(FieldError::new("rows", "error-checklist-row-missing").with_arg("row", id)),
            [row] if is_critical(id) && !allowed_scores(id).contains(&row.score) => errors
                .push(FieldError::new("rows", "error-checklist-pass-or-fail").with_arg("row", id)),
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
#[path = "checklist_tests.rs"]
mod tests;
