//! The posyandu report on hand-made cohorts whose answers are known.

use super::*;

fn family(before: Option<MilkStatus>, after: Option<MilkStatus>) -> CohortFamily {
    CohortFamily {
        milk_before: before,
        milk_after: after,
        ..CohortFamily::default()
    }
}

#[test]
fn trained_counts_the_hands_on_training_and_the_post_test_is_its_own_row() {
    let families = [
        CohortFamily {
            trained: true,
            ..CohortFamily::default()
        },
        CohortFamily {
            post_tested: true,
            ..CohortFamily::default()
        },
        CohortFamily::default(),
    ];
    let report = build(&families);
    assert_eq!((report.trained, report.post_tested), (1, 1));
}

#[test]
fn cadres_are_counselled_once_they_have_both_tests() {
    let cadre = |name: &str, pre, post| CadreScores {
        name: name.into(),
        pre,
        post,
    };
    let report = build(&[]).with_cadres(vec![
        cadre("Ani", Some(60), Some(90)),
        cadre("Rina", Some(70), None),
    ]);
    assert_eq!(report.cadres_counselled, 1);
    assert_eq!(report.cadre_pre_mean, Some(65.0));
    assert_eq!(report.cadre_post_mean, Some(90.0));
    assert_eq!(report.cadres.len(), 2);
    assert_eq!(build(&[]).cadres_counselled, 0);
}

#[test]
fn sessions_are_counted_by_who_gave_them_across_families() {
    let families = [
        CohortFamily {
            sessions_by: vec![(Some(Giver::Father), 6), (Some(Giver::Grandmother), 2)],
            ..CohortFamily::default()
        },
        CohortFamily {
            sessions_by: vec![(Some(Giver::Grandmother), 1), (None, 1)],
            ..CohortFamily::default()
        },
        CohortFamily::default(),
    ];
    let rows = build(&families).given_by;
    let counts: Vec<(&str, usize)> = rows.iter().map(|r| (r.key.as_str(), r.count)).collect();
    assert_eq!(
        counts,
        [
            ("father", 6),
            ("grandmother", 3),
            ("other-family", 0),
            (NOT_RECORDED, 1)
        ]
    );
    assert!(
        (rows[0].percent - 60.0).abs() < 1e-9,
        "a share of the 10 sessions"
    );
    let empty = build(&[]).given_by;
    assert!(empty.iter().all(|r| r.count == 0 && r.percent == 0.0));
}

#[test]
fn characteristics_are_counted_with_not_recorded() {
    let families = [
        CohortFamily {
            mother_age: Some(22),
            mother_education: Some("sma".into()),
            parity: Some("primipara".into()),
            ..CohortFamily::default()
        },
        CohortFamily {
            mother_age: Some(30),
            mother_education: Some("sma".into()),
            ..CohortFamily::default()
        },
        CohortFamily {
            mother_age: Some(36),
            ..CohortFamily::default()
        },
        CohortFamily::default(),
    ];
    let report = build(&families);
    let counts = |rows: &[Row]| {
        rows.iter()
            .map(|r| (r.key.clone(), r.count))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        counts(&report.age),
        [
            ("under-25".into(), 1),
            ("25-35".into(), 1),
            ("over-35".into(), 1),
            ("not-recorded".into(), 1)
        ]
    );
    assert_eq!(
        report
            .education
            .iter()
            .find(|r| r.key == "sma")
            .map(|r| (r.count, r.percent)),
        Some((2, 50.0))
    );
    assert_eq!(
        report
            .parity
            .iter()
            .find(|r| r.key == NOT_RECORDED)
            .map(|r| r.count),
        Some(3)
    );
}

#[test]
fn milk_before_and_after_feed_the_test_only_when_both_exist() {
    use MilkStatus::*;
    let families = [
        family(Some(TidakLancar), Some(Lancar)),
        family(Some(TidakAda), Some(TidakLancar)),
        family(Some(TidakLancar), Some(Lancar)),
        family(Some(Lancar), None),
    ];
    let report = build(&families);
    assert_eq!(
        report
            .milk_before
            .iter()
            .map(|r| r.count)
            .collect::<Vec<_>>(),
        [1, 2, 1, 0]
    );
    assert_eq!(
        report
            .milk_after
            .iter()
            .map(|r| r.count)
            .collect::<Vec<_>>(),
        [2, 1, 0, 1]
    );
    assert_eq!(report.milk_test.pairs, 3);
    assert_eq!(report.milk_test.positive.n, 3);
}

#[test]
fn competence_knowledge_and_comfort() {
    let families = [
        CohortFamily {
            latest_visit: Some(LatestVisit::new(true, &[], false)),
            pre_score: Some(50),
            post_score: Some(90),
            comforts: vec![5, 4],
            ..CohortFamily::default()
        },
        CohortFamily {
            latest_visit: Some(LatestVisit::new(
                false,
                &["placement-c7", "not-on-spine"],
                true,
            )),
            pre_score: Some(60),
            comforts: vec![3],
            ..CohortFamily::default()
        },
        CohortFamily {
            latest_visit: Some(LatestVisit::new(false, &["placement-c7"], false)),
            ..CohortFamily::default()
        },
    ];
    let report = build(&families);
    assert_eq!((report.assessed, report.competent), (3, 1));
    assert!((report.competent_percent.unwrap() - 33.333).abs() < 0.01);
    assert_eq!(report.most_failed[0], ("placement-c7".to_string(), 2));
    assert_eq!(
        report.critical_failed, 1,
        "pressing on the spine is counted"
    );
    assert_eq!(report.knowledge_pre_mean, Some(55.0));
    assert_eq!(report.knowledge_post_mean, Some(90.0));
    assert_eq!(report.knowledge_test.outcome, None, "one pair is too few");
    assert_eq!(
        (report.comfort_ratings, report.comfort_mean),
        (3, Some(4.0))
    );
    assert_eq!(report.comfort_distribution, [0, 0, 1, 1, 1]);
}
