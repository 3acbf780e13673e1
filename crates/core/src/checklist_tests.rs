//! The daftar tilik's scoring, versions and trends.

use super::*;

/// Rows of the current checklist with these scores, in `ROWS` order.
fn rows(scores: [u8; 12]) -> Vec<RowScore> {
    scored(&ROWS, &scores)
}

/// Rows of `daftar-tilik-v2` with these scores.
fn rows_v2(scores: [u8; 10]) -> Vec<RowScore> {
    scored(&ROWS_V2, &scores)
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
    let zero = score(&rows([0; 12]), 80);
    assert_eq!(
        (
            zero.total,
            zero.maximum,
            zero.percent,
            zero.band,
            zero.competent
        ),
        (0, 24, 0, Band::Kurang, false)
    );
    let full = score(&rows([2; 12]), 80);
    assert_eq!(
        (full.total, full.percent, full.band, full.competent),
        (24, 100, Band::Baik, true)
    );
    assert!(full.critical_failed.is_empty());
}

#[test]
fn pressing_on_the_spine_is_never_competent() {
    // Every row correct but the spine row: 22/24 = 92 %, baik, and still not competent.
    let mut spine = [2; 12];
    spine[6] = FAIL;
    assert_eq!(ROWS[6], "not-on-spine");
    let s = score(&rows(spine), 80);
    assert_eq!((s.percent, s.band, s.competent), (92, Band::Baik, false));
    assert_eq!(s.critical_failed, ["not-on-spine"]);
    assert!(validate(&rows(spine)).is_ok(), "a fail is a score to save");
    // Even a threshold of 50 % does not make it competent.
    assert!(!score(&rows(spine), 50).competent);
}

#[test]
fn a_safety_requirement_is_pass_or_fail_with_no_half_score() {
    // "He pressed now and then" has no score of its own: a 1 there is refused.
    let mut sometimes = [2; 12];
    sometimes[6] = 1;
    let errors = validate(&rows(sometimes)).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code, "error-checklist-pass-or-fail");
    for row in CRITICAL_ROWS {
        assert_eq!(allowed_scores(row), [FAIL, PASS], "{row}");
        assert!(ROWS.contains(&row));
    }
    // Massaging without asking her, or despite a "yes", fails the visit too.
    let mut unasked = [2; 12];
    unasked[0] = FAIL;
    assert_eq!(ROWS[0], "consent-safety");
    let s = score(&rows(unasked), 80);
    assert_eq!(
        (s.competent, s.critical_failed.as_slice()),
        (false, &["consent-safety".to_owned()][..])
    );
    // Every other row keeps its three scores.
    assert_eq!(allowed_scores("placement-c7"), [0, 1, 2]);
    let mut half = [2; 12];
    half[3] = 1;
    assert!(validate(&rows(half)).is_ok());
}

#[test]
fn a_second_version_visit_keeps_the_result_it_was_saved_with() {
    // daftar-tilik-v2 scored the spine row 0-2 and failed only a 0: such a visit with a 1
    // there was saved competent (19/20 = 95 %) and is still read that way.
    let mut v2 = [2; 10];
    v2[5] = 1;
    assert_eq!(ROWS_V2[5], "not-on-spine");
    let s = score(&rows_v2(v2), 80);
    assert_eq!((s.percent, s.competent), (95, true));
    assert!(s.critical_failed.is_empty());
    v2[5] = 0;
    assert_eq!(score(&rows_v2(v2), 80).critical_failed, ["not-on-spine"]);
    assert!(ROWS_V2.iter().all(|id| ROWS.contains(id)));
}

#[test]
fn the_third_version_asks_for_consent_first_and_the_breast_after() {
    assert_eq!(CHECKLIST_VERSION, "daftar-tilik-v3");
    assert_eq!(ROWS.first(), Some(&"consent-safety"));
    assert_eq!(ROWS.last(), Some(&"offer-breast"));
    let mut missing = rows([2; 12]);
    missing.retain(|r| r.row_id != "offer-breast");
    assert_eq!(
        validate(&missing).unwrap_err()[0].code,
        "error-checklist-row-missing"
    );
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
    let mixed = score(&rows_v2([2, 2, 1, 1, 2, 1, 2, 1, 1, 1]), 80);
    assert_eq!(
        (mixed.total, mixed.percent, mixed.band, mixed.competent),
        (14, 70, Band::Cukup, false)
    );
    let near = score(&rows_v2([2, 2, 2, 1, 2, 1, 2, 1, 1, 1]), 80);
    assert_eq!(
        (near.percent, near.band, near.competent),
        (75, Band::Cukup, false)
    );
    assert!(
        score(&rows_v2([2, 2, 2, 1, 2, 1, 2, 1, 1, 1]), 75).competent,
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
    assert!(validate(&rows([2; 12])).is_ok());
    let mut missing = rows([2; 12]);
    missing.retain(|r| r.row_id != "not-on-spine");
    assert_eq!(
        validate(&missing).unwrap_err()[0].code,
        "error-checklist-row-missing"
    );
    let mut too_high = rows([2; 12]);
    too_high[1].score = 3;
    assert_eq!(
        validate(&too_high).unwrap_err()[0].code,
        "error-out-of-range"
    );
    let mut unknown = rows([2; 12]);
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
            rows: rows_v2([2, 2, 0, 1, 2, 2, 2, 2, 1, 2]),
        },
        PastVisit {
            visited_on: day(15),
            rows: rows_v2([2, 2, 1, 1, 2, 2, 2, 2, 2, 2]),
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
            rows: rows_v2([0, 0, 0, 2, 2, 2, 2, 2, 2, 2]),
        },
        PastVisit {
            visited_on: day(8),
            // Preparation failed twice and is 0 too, but the spine row goes first.
            rows: rows_v2([0, 2, 2, 2, 2, 0, 2, 2, 2, 2]),
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
    let original = score(&rows_v2([1; 10]), 80);
    let amended = score(&rows_v2([2, 2, 2, 2, 2, 2, 2, 2, 1, 1]), 80);
    assert_eq!((original.percent, amended.percent), (50, 90));
}
