//! The Wilcoxon signed-rank test on paired before/after values, computed as SPSS does:
//! zero differences dropped, average ranks for ties, tie-corrected variance, normal
//! approximation without continuity correction, Z from the smaller rank sum (so never
//! positive), two-sided p; and for up to 25 usable pairs the exact two-sided p.

use serde::Serialize;
use statrs::distribution::{ContinuousCDF, Normal};

/// Up to this many non-zero pairs the exact p is computed as well.
pub const EXACT_MAX_PAIRS: usize = 25;
/// The significance level of the plain-words reading.
pub const ALPHA: f64 = 0.05;

/// The ranks of one sign.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RankGroup {
    pub n: usize,
    pub sum: f64,
    /// 0 when `n` is 0.
    pub mean: f64,
}

/// Z and p, when there are at least two usable pairs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "WilcoxonOutcome")]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub z: f64,
    /// Two-sided, from the normal approximation.
    pub p: f64,
    /// Two-sided exact p (conditional on the ranks, ties included), for small n.
    pub p_exact: Option<f64>,
    /// At the 5 % level, on the exact p when there is one.
    pub significant: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Wilcoxon {
    /// All pairs given.
    pub pairs: usize,
    /// After < before.
    pub negative: RankGroup,
    /// After > before.
    pub positive: RankGroup,
    /// After = before (dropped from the ranking).
    pub ties: usize,
    /// `None` with fewer than two usable pairs.
    pub outcome: Option<Outcome>,
}

/// The test on pairs of (before, after).
pub fn wilcoxon(pairs: &[(f64, f64)]) -> Wilcoxon {
    let differences: Vec<f64> = pairs
        .iter()
        .map(|(before, after)| after - before)
        .filter(|d| *d != 0.0)
        .collect();
    let ranks = average_ranks(&differences.iter().map(|d| d.abs()).collect::<Vec<_>>());
    let group = |positive: bool| {
        let ranks: Vec<f64> = differences
            .iter()
            .zip(&ranks)
            .filter(|(d, _)| (**d > 0.0) == positive)
            .map(|(_, r)| *r)
            .collect();
        // An empty float sum is -0.0, which would print as "-0"; adding 0.0 makes it +0.0.
        let sum: f64 = ranks.iter().sum::<f64>() + 0.0;
        RankGroup {
            n: ranks.len(),
            sum,
            mean: if ranks.is_empty() {
                0.0
            } else {
                sum / ranks.len() as f64
            },
        }
    };
    let (negative, positive) = (group(false), group(true));
    let n = differences.len();
    let outcome = (n >= 2).then(|| {
        let nf = n as f64;
        let smaller = negative.sum.min(positive.sum);
        let variance = nf * (nf + 1.0) * (2.0 * nf + 1.0) / 24.0 - tie_correction(&ranks) / 48.0;
        let z = (smaller - nf * (nf + 1.0) / 4.0) / variance.sqrt();
        let p = (2.0 * standard_normal_cdf(z)).min(1.0);
        let p_exact = (n <= EXACT_MAX_PAIRS).then(|| exact_p(&ranks, smaller));
        Outcome {
            z,
            p,
            p_exact,
            significant: p_exact.unwrap_or(p) < ALPHA,
        }
    });
    Wilcoxon {
        pairs: pairs.len(),
        negative,
        positive,
        ties: pairs.len() - n,
        outcome,
    }
}

fn standard_normal_cdf(z: f64) -> f64 {
    Normal::new(0.0, 1.0).map_or(f64::NAN, |normal| normal.cdf(z))
}

/// 1-based ranks of `values`, tied values sharing their average rank.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|a, b| values[*a].total_cmp(&values[*b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
            end += 1;
        }
        let average = (start + end) as f64 / 2.0 + 1.0;
        for index in &order[start..=end] {
            ranks[*index] = average;
        }
        start = end + 1;
    }
    ranks
}

/// Σ (t³ - t) over groups of tied ranks.
fn tie_correction(ranks: &[f64]) -> f64 {
    let mut sorted = ranks.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted
        .chunk_by(|a, b| a == b)
        .map(|group| {
            let t = group.len() as f64;
            t * t * t - t
        })
        .sum()
}

/// Exact two-sided p: the chance, under random signs, of a rank sum as small as
/// `smaller` or as large as its mirror. Ranks are halves at worst, so doubled they are
/// whole numbers and a count of subset sums gives the distribution.
fn exact_p(ranks: &[f64], smaller: f64) -> f64 {
    let doubled: Vec<usize> = ranks.iter().map(|r| (r * 2.0).round() as usize).collect();
    let total: usize = doubled.iter().sum();
    let mut counts = vec![0f64; total + 1];
    counts[0] = 1.0;
    for rank in doubled {
        for sum in (rank..=total).rev() {
            counts[sum] += counts[sum - rank];
        }
    }
    let limit = (smaller * 2.0).round() as usize;
    let at_most: f64 = counts[..=limit.min(total)].iter().sum();
    let all = 2f64.powi(ranks.len() as i32);
    (2.0 * at_most / all).min(1.0)
}

#[cfg(test)]
#[path = "stats_tests.rs"]
mod tests;
