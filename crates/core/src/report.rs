//! The posyandu report, in the layout of the programme's papers (seed 002): participants,
//! mothers' characteristics, milk production before and after with the Wilcoxon test,
//! knowledge before and after, checklist competence, and the mothers' comfort.

use serde::Serialize;

use super::protocol::Giver;
use super::rating::MilkStatus;
use super::stats::{self, Wilcoxon};

/// What the report needs to know of one family in the period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CohortFamily {
    pub mother_age: Option<u8>,
    pub mother_education: Option<String>,
    pub parity: Option<String>,
    /// The father's hands-on training is recorded (seed 004: by a midwife or a trained
    /// therapist), on or before the period's end.
    pub trained: bool,
    /// A knowledge post-test has been taken (its own row, not "trained").
    pub post_tested: bool,
    /// A session in the last 7 days.
    pub active: bool,
    /// Enrolled in pregnancy and the birth not yet recorded.
    pub pregnant: bool,
    /// First status on or after enrolment.
    pub milk_before: Option<MilkStatus>,
    /// Latest status in the period, when it is a later record than `milk_before`.
    pub milk_after: Option<MilkStatus>,
    pub pre_score: Option<u8>,
    pub post_score: Option<u8>,
    /// Latest visit in the period.
    pub latest_visit: Option<LatestVisit>,
    /// Comfort ratings (1-5) in the period.
    pub comforts: Vec<u8>,
    /// Sessions given in the period (finished or stopped) by who gave them; `None` for
    /// sessions recorded before the app asked.
    pub sessions_by: Vec<(Option<Giver>, usize)>,
    /// What the baby's feeding adds to the exclusive breastfeeding indicators.
    pub feeding: crate::feeding::BabyFacts,
}

/// A family's latest checklist visit, as the report counts it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LatestVisit {
    pub competent: bool,
    /// Rows not done correctly (scored below 2).
    pub failed_rows: Vec<String>,
    /// A critical row (pressing on the spine) scored 0.
    pub critical_failed: bool,
}

impl LatestVisit {
    pub fn new(competent: bool, failed_rows: &[&str], critical_failed: bool) -> Self {
        Self {
            competent,
            failed_rows: failed_rows.iter().map(|r| (*r).to_owned()).collect(),
            critical_failed,
        }
    }
}

/// A count and its share of all families in the report.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "ReportRow")]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub key: String,
    pub count: usize,
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub enrolled: usize,
    /// Of those enrolled, families still expecting their baby (enrolled in pregnancy).
    pub pregnant: usize,
    /// Fathers whose hands-on training is recorded.
    pub trained: usize,
    /// Fathers who took the knowledge post-test.
    pub post_tested: usize,
    pub active: usize,
    pub age: Vec<Row>,
    pub education: Vec<Row>,
    pub parity: Vec<Row>,
    pub milk_before: Vec<Row>,
    pub milk_after: Vec<Row>,
    pub milk_test: Wilcoxon,
    pub knowledge_pre_mean: Option<f64>,
    pub knowledge_post_mean: Option<f64>,
    pub knowledge_test: Wilcoxon,
    pub assessed: usize,
    pub competent: usize,
    pub competent_percent: Option<f64>,
    /// Fathers whose latest visit scored a critical row 0 (pressed on the spine).
    pub critical_failed: usize,
    /// Rows failed at the latest visits, most often first: (row, fathers).
    pub most_failed: Vec<(String, usize)>,
    pub comfort_ratings: usize,
    pub comfort_mean: Option<f64>,
    /// How many ratings gave 1, 2, 3, 4 and 5.
    pub comfort_distribution: [usize; 5],
    /// Sessions given in the period by who gave them (shares of those sessions, not of
    /// families): the father, the grandmother, another family member, not recorded.
    pub given_by: Vec<Row>,
    /// The cadres' own counselling (seed 004): each cadre who took the test, her scores.
    pub cadres: Vec<CadreScores>,
    /// Cadres with both a pre-test and a post-test: counselled.
    pub cadres_counselled: usize,
    /// Exclusive breastfeeding: the day before by age month, and since birth at six
    /// months (`feeding::indicators_of`).
    pub feeding: crate::feeding::Indicators,
    pub cadre_pre_mean: Option<f64>,
    pub cadre_post_mean: Option<f64>,
}

/// One cadre's knowledge test: her first pre-test and latest post-test.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CadreScores {
    pub name: String,
    pub pre: Option<u8>,
    pub post: Option<u8>,
}

impl Report {
    /// The report with the cadres' counselling filled in.
    pub fn with_cadres(mut self, cadres: Vec<CadreScores>) -> Self {
        self.cadres_counselled = cadres
            .iter()
            .filter(|c| c.pre.is_some() && c.post.is_some())
            .count();
        self.cadre_pre_mean = mean(cadres.iter().filter_map(|c| c.pre).map(f64::from));
        self.cadre_post_mean = mean(cadres.iter().filter_map(|c| c.post).map(f64::from));
        self.cadres = cadres;
        self
    }
}

/// The key of values not recorded.
pub const NOT_RECORDED: &str = "not-recorded";

/// Ordinal code for the test: higher is better.
pub fn milk_code(status: MilkStatus) -> f64 {
    match status {
        MilkStatus::TidakAda => 1.0,
        MilkStatus::TidakLancar => 2.0,
        MilkStatus::Lancar => 3.0,
    }
}

fn age_band(age: Option<u8>) -> &'static str {
    match age {
        None => NOT_RECORDED,
        Some(..25) => "under-25",
        Some(25..=35) => "25-35",
        Some(_) => "over-35",
    }
}

/// Counts per key in `order` (every key shown, also at zero), as shares of `total`.
fn tabulate<'a>(values: impl Iterator<Item = &'a str>, order: &[&str], total: usize) -> Vec<Row> {
    let values: Vec<&str> = values.collect();
    order
        .iter()
        .map(|key| {
            let count = values.iter().filter(|v| *v == key).count();
            let percent = if total == 0 {
                0.0
            } else {
                count as f64 * 100.0 / total as f64
            };
            Row {
                key: (*key).to_owned(),
                count,
                percent,
            }
        })
        .collect()
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

pub fn build(families: &[CohortFamily]) -> Report {
    let total = families.len();
    let milk_keys = ["lancar", "tidak-lancar", "tidak-ada", NOT_RECORDED];
    let milk = |pick: fn(&CohortFamily) -> Option<MilkStatus>| {
        tabulate(
            families
                .iter()
                .map(|f| pick(f).map_or(NOT_RECORDED, |s| s.as_str())),
            &milk_keys,
            total,
        )
    };
    let milk_pairs: Vec<(f64, f64)> = families
        .iter()
        .filter_map(|f| Some((milk_code(f.milk_before?), milk_code(f.milk_after?))))
        .collect();
    let knowledge_pairs: Vec<(f64, f64)> = families
        .iter()
        .filter_map(|f| Some((f64::from(f.pre_score?), f64::from(f.post_score?))))
        .collect();
    let assessed: Vec<&LatestVisit> = families
        .iter()
        .filter_map(|f| f.latest_visit.as_ref())
        .collect();
    let competent = assessed.iter().filter(|v| v.competent).count();
    let mut failed: Vec<(String, usize)> = Vec::new();
    for row in assessed.iter().flat_map(|v| &v.failed_rows) {
        match failed.iter_mut().find(|(id, _)| id == row) {
            Some((_, count)) => *count += 1,
            None => failed.push((row.clone(), 1)),
        }
    }
    failed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let comforts: Vec<u8> = families
        .iter()
        .flat_map(|f| f.comforts.iter().copied())
        .collect();
    let mut distribution = [0usize; 5];
    for comfort in &comforts {
        if let Some(slot) = distribution.get_mut(usize::from(*comfort).wrapping_sub(1)) {
            *slot += 1;
        }
    }
    Report {
        enrolled: total,
        pregnant: families.iter().filter(|f| f.pregnant).count(),
        trained: families.iter().filter(|f| f.trained).count(),
        post_tested: families.iter().filter(|f| f.post_tested).count(),
        active: families.iter().filter(|f| f.active).count(),
        age: tabulate(
            families.iter().map(|f| age_band(f.mother_age)),
            &["under-25", "25-35", "over-35", NOT_RECORDED],
            total,
        ),
        education: tabulate(
            families
                .iter()
                .map(|f| f.mother_education.as_deref().unwrap_or(NOT_RECORDED)),
            &["sd", "smp", "sma", "perguruan-tinggi", NOT_RECORDED],
            total,
        ),
        parity: tabulate(
            families
                .iter()
                .map(|f| f.parity.as_deref().unwrap_or(NOT_RECORDED)),
            &["primipara", "multipara", NOT_RECORDED],
            total,
        ),
        milk_before: milk(|f| f.milk_before),
        milk_after: milk(|f| f.milk_after),
        milk_test: stats::wilcoxon(&milk_pairs),
        knowledge_pre_mean: mean(families.iter().filter_map(|f| f.pre_score).map(f64::from)),
        knowledge_post_mean: mean(families.iter().filter_map(|f| f.post_score).map(f64::from)),
        knowledge_test: stats::wilcoxon(&knowledge_pairs),
        assessed: assessed.len(),
        competent,
        competent_percent: (!assessed.is_empty())
            .then(|| competent as f64 * 100.0 / assessed.len() as f64),
        critical_failed: assessed.iter().filter(|v| v.critical_failed).count(),
        most_failed: failed,
        comfort_ratings: comforts.len(),
        comfort_mean: mean(comforts.iter().map(|c| f64::from(*c))),
        comfort_distribution: distribution,
        given_by: given_by_rows(families),
        feeding: crate::feeding::indicators_of(
            &families.iter().map(|f| f.feeding).collect::<Vec<_>>(),
        ),
        cadres: Vec::new(),
        cadres_counselled: 0,
        cadre_pre_mean: None,
        cadre_post_mean: None,
    }
}

/// Sessions by giver, every giver shown (also at zero), as shares of all sessions given.
fn given_by_rows(families: &[CohortFamily]) -> Vec<Row> {
    let key = |giver: &Option<Giver>| giver.as_ref().map_or(NOT_RECORDED, Giver::as_str);
    let mut order: Vec<&str> = Giver::IDS.to_vec();
    order.push(NOT_RECORDED);
    let sessions: Vec<(&str, usize)> = families
        .iter()
        .flat_map(|f| f.sessions_by.iter().map(|(g, n)| (key(g), *n)))
        .collect();
    let total: usize = sessions.iter().map(|(_, n)| n).sum();
    order
        .into_iter()
        .map(|giver| {
            let count = sessions
                .iter()
                .filter(|(k, _)| *k == giver)
                .map(|(_, n)| n)
                .sum();
            Row {
                key: giver.to_owned(),
                count,
                percent: if total == 0 {
                    0.0
                } else {
                    count as f64 * 100.0 / total as f64
                },
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
