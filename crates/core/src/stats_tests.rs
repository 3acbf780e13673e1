//! Reference values from scipy 1.17.1 (`tools/wilcoxon_reference.py`):
//! `scipy.stats.wilcoxon(after, before, zero_method="wilcox", correction=False,
//! method="approx")` for Z and p, and `method="exact"` (tie-free cases only) for the
//! exact p. Milk production is coded tidak ada = 1, tidak lancar = 2, lancar = 3.

// The data of `no_ties_classic` holds 3.14, a measurement, not pi.
#![allow(clippy::approx_constant)]

use super::*;

struct Reference {
    name: &'static str,
    before: &'static [f64],
    after: &'static [f64],
    n: usize,
    r_minus: f64,
    r_plus: f64,
    z: f64,
    p: f64,
    exact: Option<f64>,
}

const CASES: &[Reference] = &[
    Reference {
        name: "all_improve",
        before: &[1., 1., 2., 2., 1., 2., 1., 2.],
        after: &[3., 2., 3., 3., 2., 3., 3., 3.],
        n: 8,
        r_minus: 0.,
        r_plus: 36.,
        z: -2.6396480703843594,
        p: 0.00829921599528076,
        exact: None,
    },
    Reference {
        name: "mixed_signs",
        before: &[2., 3., 1., 2., 2., 3., 1., 2., 3., 1.],
        after: &[3., 2., 2., 2., 3., 2., 3., 3., 3., 2.],
        n: 8,
        r_minus: 8.,
        r_plus: 28.,
        z: -1.507556722888818,
        p: 0.13166801602281422,
        exact: None,
    },
    Reference {
        name: "seed_002_like",
        before: &[
            2., 2., 2., 2., 2., 2., 2., 2., 2., 2., 2., 2., 2., 1., 1., 1., 1., 3., 3., 3.,
        ],
        after: &[
            3., 3., 3., 3., 3., 3., 3., 3., 3., 2., 2., 2., 2., 3., 3., 3., 2., 3., 3., 3.,
        ],
        n: 13,
        r_minus: 0.,
        r_plus: 91.,
        z: -3.357727845312339,
        p: 0.0007858594642590617,
        exact: None,
    },
    Reference {
        name: "zeros_and_ties",
        before: &[2., 2., 2., 1., 1., 3., 3., 2., 1., 2., 2., 1.],
        after: &[2., 3., 3., 1., 2., 3., 2., 3., 3., 2., 3., 2.],
        n: 8,
        r_minus: 4.,
        r_plus: 32.,
        z: -2.1105794120443453,
        p: 0.034808478811867126,
        exact: None,
    },
    Reference {
        name: "two_pairs",
        before: &[1., 2.],
        after: &[3., 3.],
        n: 2,
        r_minus: 0.,
        r_plus: 3.,
        z: -1.3416407864998738,
        p: 0.17971249487899976,
        exact: Some(0.5),
    },
    Reference {
        name: "all_worse",
        before: &[3., 3., 2., 3., 2., 3.],
        after: &[2., 1., 1., 2., 1., 1.],
        n: 6,
        r_minus: 21.,
        r_plus: 0.,
        z: -2.2710998958306754,
        p: 0.023140931308743732,
        exact: None,
    },
    Reference {
        name: "knowledge",
        before: &[40., 50., 60., 30., 70., 50., 60., 40., 80., 50.],
        after: &[90., 80., 100., 70., 90., 90., 80., 80., 100., 70.],
        n: 10,
        r_minus: 0.,
        r_plus: 55.,
        z: -2.8401877872187726,
        p: 0.004508698364904227,
        exact: None,
    },
    Reference {
        name: "no_ties_classic",
        before: &[1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30],
        after: &[0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29],
        n: 9,
        r_minus: 40.,
        r_plus: 5.,
        z: -2.073221072156823,
        p: 0.038151710173415135,
        exact: Some(0.0390625),
    },
    Reference {
        name: "no_ties_n25",
        before: &[
            0., 1., 2., 3., 4., 5., 6., 7., 8., 9., 10., 11., 12., 13., 14., 15., 16., 17., 18.,
            19., 20., 21., 22., 23., 24.,
        ],
        after: &[
            0.5,
            2.51,
            4.52,
            0.46999999999999975,
            8.54,
            10.55,
            0.4399999999999995,
            14.57,
            16.58,
            0.41000000000000014,
            20.6,
            22.61,
            0.379999999999999,
            26.630000000000003,
            28.64,
            0.34999999999999964,
            32.66,
            34.67,
            0.3200000000000003,
            38.69,
            40.7,
            0.28999999999999915,
            44.72,
            46.730000000000004,
            0.259999999999998,
        ],
        n: 25,
        r_minus: 116.,
        r_plus: 209.,
        z: -1.2511713968331413,
        p: 0.21087195144032855,
        exact: Some(0.21998637914657593),
    },
    Reference {
        name: "n60",
        before: &[
            3., 2., 3., 3., 2., 3., 3., 1., 1., 1., 1., 3., 3., 1., 2., 3., 1., 3., 1., 2., 3., 1.,
            2., 1., 3., 1., 3., 2., 2., 2., 2., 2., 2., 3., 3., 3., 3., 2., 2., 3., 2., 1., 3., 1.,
            3., 2., 1., 1., 2., 1., 1., 2., 3., 2., 3., 3., 3., 2., 2., 2.,
        ],
        after: &[
            1., 2., 2., 1., 3., 1., 1., 1., 3., 3., 3., 1., 3., 2., 2., 1., 2., 3., 2., 1., 2., 1.,
            3., 3., 1., 2., 3., 3., 3., 2., 1., 3., 2., 1., 1., 2., 3., 2., 2., 3., 3., 2., 2., 2.,
            1., 1., 2., 2., 2., 1., 1., 1., 2., 3., 2., 2., 2., 3., 2., 2.,
        ],
        n: 42,
        r_minus: 529.,
        r_plus: 374.,
        z: -1.0104530063508104,
        p: 0.31227830335614337,
        exact: None,
    },
];

fn close(a: f64, b: f64, what: &str, case: &str) {
    assert!((a - b).abs() < 1e-9, "{case}: {what} {a} != {b}");
}

fn pairs_of(before: &[f64], after: &[f64]) -> Vec<(f64, f64)> {
    before.iter().copied().zip(after.iter().copied()).collect()
}

/// The test on `pairs`, after checking it kept `n` non-zero differences.
fn usable_pairs(pairs: &[(f64, f64)], n: usize, name: &str) -> Wilcoxon {
    let result = wilcoxon(pairs);
    assert_eq!(result.negative.n + result.positive.n, n, "{name}");
    result
}

#[test]
fn matches_scipy_on_every_reference_case() {
    for case in CASES {
        let pairs = pairs_of(case.before, case.after);
        let result = usable_pairs(&pairs, case.n, case.name);
        assert_eq!(result.ties, pairs.len() - case.n, "{}", case.name);
        close(
            result.negative.sum,
            case.r_minus,
            "negative ranks",
            case.name,
        );
        close(
            result.positive.sum,
            case.r_plus,
            "positive ranks",
            case.name,
        );
        let outcome = result
            .outcome
            .unwrap_or_else(|| panic!("{}: no outcome", case.name));
        close(outcome.z, case.z, "z", case.name);
        close(outcome.p, case.p, "p", case.name);
        if let Some(exact) = case.exact {
            close(outcome.p_exact.unwrap(), exact, "exact p", case.name);
        }
        assert_eq!(
            outcome.p_exact.is_some(),
            case.n <= EXACT_MAX_PAIRS,
            "{}",
            case.name
        );
    }
}

#[test]
fn fewer_than_two_usable_pairs_give_no_numbers() {
    // scipy answers z = -1, p = 0.317 for one pair; a report says "too few" instead.
    let one = wilcoxon(&[(1., 2.), (2., 2.), (2., 2.)]);
    assert_eq!((one.positive.n, one.ties, one.outcome), (1, 2, None));
    assert_eq!(wilcoxon(&[]).outcome, None);
    assert_eq!(wilcoxon(&[(2., 2.), (3., 3.)]).outcome, None);
}

#[test]
fn means_and_the_reading() {
    let result = wilcoxon(&[(1., 3.), (2., 3.), (2., 1.), (1., 2.), (1., 3.)]);
    // |d| = 2, 1, 1, 1, 2 -> ranks 4.5, 2, 2, 2, 4.5
    assert_eq!(
        result.negative,
        RankGroup {
            n: 1,
            sum: 2.0,
            mean: 2.0
        }
    );
    assert_eq!(
        result.positive,
        RankGroup {
            n: 4,
            sum: 13.0,
            mean: 3.25
        }
    );
    assert!(!result.outcome.unwrap().significant);
    let clear = wilcoxon(
        &(0..15)
            .map(|i| (1.0, 2.0 + f64::from(i % 2)))
            .collect::<Vec<_>>(),
    );
    assert!(clear.outcome.unwrap().significant);
}

#[test]
fn an_empty_rank_group_sums_to_plus_zero() {
    let result = wilcoxon(&[(1., 2.), (1., 3.)]);
    assert!(
        result.negative.sum.is_sign_positive(),
        "{}",
        result.negative.sum
    );
}

#[test]
fn average_ranks_share_ties() {
    assert_eq!(average_ranks(&[3., 1., 3., 2.]), [3.5, 1., 3.5, 2.]);
}

/// A cohort with tied ranks and its exact two-sided p, from `tools/wilcoxon_exact_ties.py`:
/// every one of the 2^n sign assignments enumerated (not the app's subset-sum count).
struct TiedCohort {
    name: &'static str,
    before: &'static [f64],
    after: &'static [f64],
    n: usize,
    exact: f64,
}

const TIED_COHORTS: &[TiedCohort] = &[
    TiedCohort {
        name: "milk_10_families",
        before: &[2., 2., 1., 2., 2., 2., 1., 2., 3., 1.],
        after: &[1., 3., 2., 3., 3., 2., 2., 3., 3., 2.],
        n: 8,
        exact: 0.0703125,
    },
    TiedCohort {
        name: "milk_19_families",
        before: &[
            3., 2., 3., 3., 2., 2., 2., 2., 3., 3., 2., 3., 2., 2., 1., 1., 2., 2., 3.,
        ],
        after: &[
            3., 2., 3., 3., 3., 2., 3., 2., 2., 2., 3., 2., 3., 2., 1., 1., 3., 3., 3.,
        ],
        n: 9,
        exact: 0.5078125,
    },
    TiedCohort {
        name: "milk_25_families",
        before: &[
            2., 3., 3., 2., 2., 3., 2., 1., 3., 3., 3., 1., 1., 2., 2., 2., 2., 1., 3., 1., 3., 3.,
            2., 1., 1.,
        ],
        after: &[
            3., 3., 3., 3., 1., 3., 2., 1., 3., 2., 3., 2., 2., 2., 3., 1., 2., 1., 3., 1., 3., 2.,
            3., 2., 2.,
        ],
        n: 12,
        exact: 0.3876953125,
    },
    TiedCohort {
        name: "milk_25_families_mostly_better",
        before: &[
            3., 1., 1., 2., 3., 3., 2., 2., 2., 1., 1., 1., 2., 1., 2., 3., 2., 1., 2., 2., 3., 2.,
            1., 1., 3.,
        ],
        after: &[
            3., 2., 2., 3., 3., 2., 3., 2., 3., 2., 2., 2., 3., 1., 3., 3., 3., 2., 3., 3., 3., 3.,
            2., 1., 3.,
        ],
        n: 17,
        exact: 0.000274658203125,
    },
    TiedCohort {
        name: "knowledge_12_fathers",
        before: &[60., 40., 60., 70., 50., 40., 70., 60., 70., 40., 50., 60.],
        after: &[80., 60., 80., 90., 70., 60., 90., 90., 100., 40., 70., 70.],
        n: 11,
        exact: 0.0009765625,
    },
    TiedCohort {
        name: "milk_16_no_change_dominant",
        before: &[
            2., 2., 3., 2., 2., 2., 3., 1., 2., 2., 2., 1., 1., 2., 1., 1.,
        ],
        after: &[
            2., 2., 3., 1., 3., 2., 3., 1., 2., 3., 1., 1., 2., 2., 2., 1.,
        ],
        n: 6,
        exact: 0.6875,
    },
    TiedCohort {
        name: "milk_25_families_every_one_changed",
        before: &[
            3., 1., 2., 3., 1., 2., 1., 1., 1., 3., 2., 1., 2., 2., 1., 1., 3., 3., 2., 3., 1., 2.,
            2., 2., 1.,
        ],
        after: &[
            2., 3., 1., 2., 3., 3., 3., 2., 2., 2., 3., 3., 1., 3., 2., 2., 2., 2., 3., 2., 3., 1.,
            1., 3., 2.,
        ],
        n: 25,
        exact: 0.09162312746047974,
    },
];

#[test]
fn the_exact_p_with_ties_matches_an_enumeration_of_every_sign_assignment() {
    for cohort in TIED_COHORTS {
        let pairs = pairs_of(cohort.before, cohort.after);
        let result = usable_pairs(&pairs, cohort.n, cohort.name);
        let exact = result
            .outcome
            .and_then(|o| o.p_exact)
            .unwrap_or_else(|| panic!("{}: no exact p", cohort.name));
        close(exact, cohort.exact, "exact p with ties", cohort.name);
    }
}
