//! Trained in the programme's sense: the father's hands-on training travels with his
//! family and is what the report's "trained" counts (the post-test is its own row); the
//! cadre's own test is kept per cadre and the report counts her as counselled.

mod common;
#[path = "transfer_support/mod.rs"]
#[allow(dead_code)] // each test file uses its own part of the shared helpers
mod transfer_support;

use ayah_asi_lib::commands::learning::record_attempt;
use ayah_asi_lib::domain::cohort::Period;
use ayah_asi_lib::domain::report::{self, CadreScores};
use ayah_asi_lib::domain::training::{Trainer, TrainingInput};
use ayah_asi_lib::storage::learning::{Learner, TrainingRow};
use ayah_asi_lib::storage::report::list_cohort;
use transfer_support::*;

fn scope() -> Period {
    common::last_month()
}

fn all_answers(right: usize) -> Vec<Answer> {
    learning::STATEMENTS
        .iter()
        .enumerate()
        .map(|(i, s)| Answer {
            statement_id: s.id.to_owned(),
            answer: if i < right { s.answer } else { !s.answer },
        })
        .collect()
}

#[test]
fn a_recorded_training_travels_and_is_what_the_report_counts_as_trained() {
    let (phone, family) = family_device();
    let (mut tablet, _) = cadre_device();
    import(
        &mut tablet,
        &export(&phone, std::slice::from_ref(&family), None),
    )
    .unwrap();
    // As the import command does: a family she imports is hers.
    cadre::insert_assignment(tablet.conn(), &family, now()).unwrap();
    // The phone's father took the pre-test only: neither trained nor post-tested.
    let before = report::build(&list_cohort(tablet.conn(), &Default::default(), &scope()).unwrap());
    assert_eq!(
        (before.enrolled, before.trained, before.post_tested),
        (1, 0, 0)
    );

    let training = TrainingInput {
        trained_on: (now().date_naive() - chrono::Duration::days(3)).to_string(),
        trainer: "therapist".into(),
        trainer_name: Some("Pak Hendra".into()),
        // The grandmother gives the massage too (seed 002): she is the one trained.
        trainee: Some("grandmother".into()),
    }
    .validate(now().date_naive())
    .unwrap();
    let device = tablet.device_id().to_owned();
    learning_store::insert_training(tablet.conn(), &family, &training, &device, now()).unwrap();
    let after = report::build(&list_cohort(tablet.conn(), &Default::default(), &scope()).unwrap());
    assert_eq!((after.trained, after.post_tested), (1, 0));

    // Back on the phone with the next bundle from the cadre.
    let mut phone = phone;
    let (_, tally) = import(
        &mut phone,
        &export(&tablet, std::slice::from_ref(&family), None),
    )
    .unwrap();
    assert_eq!(count(&tally, "hands_on_training", Decision::New), 1);
    let trainings: Vec<TrainingRow> =
        learning_store::list_trainings(phone.conn(), &family).unwrap();
    assert_eq!(trainings.len(), 1);
    assert_eq!(trainings[0].training.trainer, Trainer::Therapist);
    assert_eq!(
        trainings[0].training.trainer_name.as_deref(),
        Some("Pak Hendra")
    );
    assert_eq!(
        trainings[0].training.trainee,
        ayah_asi_lib::domain::protocol::Giver::Grandmother
    );
}

#[test]
fn the_cadres_own_tests_are_hers_and_the_report_counts_her_counselled() {
    let (mut tablet, cadre_id) = cadre_device();
    let learner = Learner::Cadre(&cadre_id);
    let pre = record_attempt(
        &mut tablet,
        learner,
        &learning::grade(&all_answers(6)).unwrap(),
        &all_answers(6),
    )
    .unwrap();
    assert_eq!((pre.kind, pre.score), (TestKind::Pre, 60));
    let scores = learning_store::list_cadre_scores(tablet.conn()).unwrap();
    assert_eq!(
        scores,
        [CadreScores {
            name: "Bu Ani".into(),
            pre: Some(60),
            post: None
        }]
    );
    let post = record_attempt(
        &mut tablet,
        learner,
        &learning::grade(&all_answers(9)).unwrap(),
        &all_answers(9),
    )
    .unwrap();
    assert_eq!(
        (post.kind, post.score, post.pre_score),
        (TestKind::Post, 90, Some(60))
    );

    let cadres = learning_store::list_cadre_scores(tablet.conn()).unwrap();
    let built = report::build(&[]).with_cadres(cadres);
    assert_eq!(built.cadres_counselled, 1);
    assert_eq!(
        (built.cadre_pre_mean, built.cadre_post_mean),
        (Some(60.0), Some(90.0))
    );
    // A family's tests are not the cadre's.
    let family_attempts: i64 = tablet
        .conn()
        .query_row("SELECT count(*) FROM quiz_attempt", [], |r| r.get(0))
        .unwrap();
    assert_eq!(family_attempts, 0);
}
