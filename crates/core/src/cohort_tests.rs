use super::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
}

fn period() -> Period {
    Period::last_months(day("2026-06-30"), 3)
}

fn family() -> FamilyRow {
    FamilyRow {
        id: "f".into(),
        created_at: "2026-03-10T08:00:00.000+07:00".into(),
        baby_birth_date: "2026-03-01".into(),
        ..FamilyRow::default()
    }
}

fn visit(id: &str, original: &str, version: u32, on: &str) -> VisitRow {
    VisitRow {
        id: id.into(),
        original_id: original.into(),
        version,
        visited_on: on.into(),
        created_at: format!("{on}T09:00:00.000+07:00"),
        competent: version > 1,
    }
}

#[test]
fn a_period_is_its_months_and_an_active_week() {
    let p = period();
    assert_eq!((p.from, p.to), (day("2026-03-30"), day("2026-06-30")));
    assert_eq!(p.active_since, day("2026-06-24"));
    assert_eq!(p.until(), day("2026-07-01"));
}

#[test]
fn the_latest_visit_is_the_current_version_of_the_last_one_by_the_periods_end() {
    let visits = [
        visit("a1", "a", 1, "2026-05-01"),
        visit("b1", "b", 1, "2026-06-01"),
        visit("b2", "b", 2, "2026-06-01"),
        // After the period: not yet visited as far as this report knows.
        visit("c1", "c", 1, "2026-07-02"),
    ];
    assert_eq!(
        latest_visit(&visits, &period()).map(|v| v.id.as_str()),
        Some("b2")
    );
    // A correction that moved the visit after the period takes it out.
    let moved = [
        visits[0].clone(),
        visits[1].clone(),
        visit("b2", "b", 2, "2026-07-05"),
    ];
    assert_eq!(
        latest_visit(&moved, &period()).map(|v| v.id.as_str()),
        Some("a1")
    );
}

#[test]
fn the_facts_follow_the_programmes_rules() {
    let milk = |id: &str, on: &str, status: &str| MilkRow {
        id: id.into(),
        recorded_on: on.into(),
        created_at: format!("{on}T08:00:00.000+07:00"),
        status: status.into(),
    };
    let count = |status: &str, given_by: Option<&str>, count| SessionCount {
        status: status.into(),
        given_by: given_by.map(Into::into),
        count,
    };
    let quiz = |kind: &str, score, at: &str| QuizRow {
        kind: kind.into(),
        score: Some(score),
        created_at: at.into(),
    };
    let rows = FamilyRows {
        family: family(),
        // Before the programme counts (enrolment on the 10th): not "before".
        milk: vec![
            milk("m0", "2026-03-05", "tidak-ada"),
            milk("m1", "2026-03-12", "tidak-lancar"),
            milk("m2", "2026-06-20", "lancar"),
        ],
        quizzes: vec![
            quiz("post", 9, "2026-05-02"),
            quiz("pre", 4, "2026-03-11"),
            quiz("pre", 6, "2026-03-20"),
            quiz("post", 7, "2026-04-02"),
        ],
        trained_on: vec!["2026-07-03".into()],
        visits: vec![visit("v1", "v", 1, "2026-06-01")],
        latest_visit_scores: vec![("not-on-spine".into(), 0), ("b".into(), 2), ("a".into(), 1)],
        comforts: vec![4, 2],
        sessions: vec![
            count("finished", Some("father"), 3),
            count("not-started", Some("father"), 2),
            count("stopped", Some("father"), 1),
            count("stopped", None, 1),
        ],
        recent_sessions: vec![count("not-started", None, 1)],
        // Water once in April (and "yes, since birth"), breast milk only in June.
        recalls: vec![
            crate::feeding::RecallRow {
                recalled_on: "2026-04-20".into(),
                items: "breast-milk,water".into(),
                ever_other: Some("yes".into()),
                first_other_on: None,
            },
            crate::feeding::RecallRow {
                recalled_on: "2026-06-10".into(),
                items: "breast-milk".into(),
                ever_other: None,
                first_other_on: None,
            },
        ],
    };
    let facts = facts(&rows, &period());
    // Three months old at the June answer, breast milk only; six months in September.
    assert_eq!(
        facts.feeding,
        crate::feeding::BabyFacts {
            latest: Some((3, true)),
            six_months: None
        }
    );
    assert_eq!(facts.milk_before, Some(MilkStatus::TidakLancar));
    assert_eq!(facts.milk_after, Some(MilkStatus::Lancar));
    assert_eq!((facts.pre_score, facts.post_score), (Some(4), Some(9)));
    assert!(facts.post_tested);
    assert!(!facts.trained, "trained after the period's end");
    assert!(!facts.active, "a session that never started is not given");
    assert_eq!(facts.comforts, [2, 4]);
    assert_eq!(facts.sessions_by, [(None, 1), (Some(Giver::Father), 4)]);
    let visit = facts.latest_visit.unwrap_or_default();
    assert_eq!(visit.failed_rows, ["a", "not-on-spine"]);
    assert!(visit.critical_failed);
}

#[test]
fn a_family_enrolled_after_the_period_is_left_out() {
    let mut late = family();
    late.created_at = "2026-07-01T08:00:00.000+07:00".into();
    let rows = [
        FamilyRows {
            family: late,
            ..FamilyRows::default()
        },
        FamilyRows {
            family: family(),
            ..FamilyRows::default()
        },
    ];
    assert_eq!(families(&rows, &period()).len(), 1);
}

#[test]
fn statuses_name_their_words_once() {
    for status in SessionStatus::ALL {
        assert_eq!(SessionStatus::parse(status.as_str()), Some(status));
    }
    assert_eq!(
        SessionStatus::sql_list(&SessionStatus::GIVEN),
        "'finished', 'stopped'"
    );
}
