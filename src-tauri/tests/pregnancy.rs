//! A family enrolled in pregnancy: the massage is refused by the Rust side (not only
//! hidden on screen) until the birth is recorded; then it starts, no reminder is due
//! before, and the report counts the family as still pregnant until then.

use ayah_asi_lib::commands::cadre::family_list;
use ayah_asi_lib::commands::session::begin;
use ayah_asi_lib::domain::cohort::Period;
use ayah_asi_lib::domain::family::FamilyInput;
use ayah_asi_lib::domain::report;
use ayah_asi_lib::error::AppError;
use ayah_asi_lib::storage::report::list_cohort;
use ayah_asi_lib::storage::{Store, families, now};

fn enrol_pregnant(store: &mut Store) -> String {
    let today = now().date_naive();
    let input = FamilyInput {
        father_name: "Joko".into(),
        mother_name: "Dewi".into(),
        baby_birth_date: (today + chrono::Duration::days(40))
            .format("%Y-%m-%d")
            .to_string(),
        pregnant: true,
        consent_given: true,
        ..FamilyInput::default()
    };
    let family = input.validate(today).unwrap();
    let device = store.device_id().to_owned();
    store
        .with_tx(|tx| families::register(tx, family, &device, now()))
        .unwrap()
        .meta
        .id
}

/// Sessions the cadre's list expects of the family over the last 7 days.
fn planned_7d(store: &Store) -> u32 {
    family_list(store, "", now()).unwrap()[0].planned_7d
}

fn pregnant_in_report(store: &Store) -> usize {
    let today = now().date_naive();
    let scope = Period {
        from: today - chrono::Duration::days(30),
        to: today,
        active_since: today,
    };
    report::build(&list_cohort(store.conn(), &Default::default(), &scope).unwrap()).pregnant
}

#[test]
fn the_massage_waits_for_the_recorded_birth() {
    let mut store = Store::open_in_memory().unwrap();
    let id = enrol_pregnant(&mut store);
    let refused = begin(&mut store, &id, true);
    assert!(
        matches!(refused, Err(AppError::MassageBeforeBirth)),
        "{refused:?}"
    );
    assert_eq!(refused.unwrap_err().code(), "error-massage-before-birth");
    // Nothing was written by the refused start.
    let sessions: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM massage_session", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sessions, 0);
    assert_eq!(pregnant_in_report(&store), 1);
    assert_eq!(planned_7d(&store), 0, "nothing is planned before the birth");

    // The baby is born today: the same family, now with its birth date.
    let today = now().date_naive();
    let born = FamilyInput {
        father_name: "Joko".into(),
        mother_name: "Dewi".into(),
        baby_birth_date: today.format("%Y-%m-%d").to_string(),
        pregnant: false,
        consent_given: true,
        ..FamilyInput::default()
    }
    .validate(today)
    .unwrap();
    let device = store.device_id().to_owned();
    store
        .with_tx(|tx| families::update_family(tx, &id, &born, &device, now()))
        .unwrap();
    let saved = families::get_family(store.conn(), &id).unwrap().unwrap();
    assert!(!saved.family.pregnant);
    assert_eq!(saved.family.baby_age_days(today), Some(0));
    assert!(begin(&mut store, &id, true).is_ok());
    assert_eq!(pregnant_in_report(&store), 0);
    // The plan starts at the birth (today: two sessions), not at the enrolment.
    assert_eq!(planned_7d(&store), 2);
}
