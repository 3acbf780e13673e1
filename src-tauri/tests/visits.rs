//! Home visits in storage: an amendment adds a version, the review reads the latest,
//! and the original stays untouched.

mod common;

use ayah_asi_lib::domain::checklist::{self, ROWS, RowScore};
use ayah_asi_lib::storage::cadre::{self, NewVisit};
use ayah_asi_lib::storage::now;
use common::store_with_family;

fn rows(score: u8) -> Vec<RowScore> {
    ROWS.iter()
        .map(|id| RowScore {
            row_id: (*id).into(),
            score,
            note: None,
        })
        .collect()
}

/// A store with one family and this device's cadre; their ids.
fn store_with_cadre() -> (ayah_asi_lib::storage::Store, String, String) {
    let (store, family_id) = store_with_family();
    let device = store.device_id().to_owned();
    let cadre_id = cadre::insert_cadre(
        store.conn(),
        "Bu Rina",
        "$argon2id$v=19$fake",
        &device,
        now(),
    )
    .unwrap();
    (store, family_id, cadre_id)
}

/// Saves a visit scored on an older checklist (`version`, its `row_ids`), every row 2
/// but those in `low`, as the app saved it then; returns the stored visits.
fn saved_old_visit(
    store: &ayah_asi_lib::storage::Store,
    family_id: &str,
    cadre_id: &str,
    version: &str,
    row_ids: &[&str],
    low: &[(&str, u8)],
) -> Vec<cadre::VisitRow> {
    let rows: Vec<RowScore> = row_ids
        .iter()
        .map(|id| RowScore {
            row_id: (*id).into(),
            score: low.iter().find(|(r, _)| r == id).map_or(2, |(_, s)| *s),
            note: None,
        })
        .collect();
    let old = NewVisit {
        family_id,
        cadre_id,
        visited_on: now().date_naive(),
        checklist_version: version,
        score: checklist::score(&rows, 80),
        rows: &rows,
        coaching_notes: None,
        motivation: "cooperative",
        milk_status: None,
        observed: None,
        amends: None,
    };
    let device = store.device_id().to_owned();
    cadre::insert_visit(store.conn(), &old, &device, now()).unwrap();
    cadre::list_visits(store.conn(), family_id).unwrap()
}

#[test]
fn an_amendment_adds_a_version_and_keeps_the_original() {
    let (store, family_id, cadre_id) = store_with_cadre();
    let device = store.device_id().to_owned();

    let first_rows = rows(1);
    let first = NewVisit {
        family_id: &family_id,
        cadre_id: &cadre_id,
        visited_on: now().date_naive(),
        checklist_version: checklist::CHECKLIST_VERSION,
        score: checklist::score(&first_rows, 80),
        rows: &first_rows,
        coaching_notes: None,
        motivation: "hesitant",
        milk_status: None,
        observed: None,
        amends: None,
    };
    let (original, version) = cadre::insert_visit(store.conn(), &first, &device, now()).unwrap();
    assert_eq!(version, 1);
    let amended_rows = rows(2);
    let amendment = NewVisit {
        score: checklist::score(&amended_rows, 80),
        rows: &amended_rows,
        amends: Some((&original, "scored the wrong family member")),
        ..first.clone()
    };
    let (_, version) = cadre::insert_visit(store.conn(), &amendment, &device, now()).unwrap();
    assert_eq!(version, 2);

    let visits = cadre::list_visits(store.conn(), &family_id).unwrap();
    assert_eq!(visits.len(), 1, "the review shows each visit once");
    assert_eq!((visits[0].version, visits[0].percent), (2, 100));
    assert_eq!(
        visits[0].amend_reason.as_deref(),
        Some("scored the wrong family member")
    );
    assert_eq!(
        cadre::count_visit_versions(store.conn(), &original).unwrap(),
        2
    );
    let kept: i64 = store
        .conn()
        .query_row(
            "SELECT percent FROM home_visit WHERE id = ?1",
            [&original],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, 50, "the original is untouched");
    // A first version cannot carry a reason, nor an amendment lack one (the schema says so).
    let bad = store.conn().execute(
        "UPDATE home_visit SET amend_reason = 'x' WHERE id = ?1",
        [&original],
    );
    assert!(bad.is_err());
}

#[test]
fn a_visit_saved_on_the_first_checklist_keeps_its_score_band_and_competence() {
    let (store, family_id, cadre_id) = store_with_cadre();
    // daftar-tilik-v1 had no spine row: this father scored 16 of 18 = 89 %, competent.
    let visits = saved_old_visit(
        &store,
        &family_id,
        &cadre_id,
        "daftar-tilik-v1",
        &checklist::ROWS_V1,
        &[("down-to-ribs", 0)],
    );
    let v = &visits[0];
    assert_eq!(
        (
            v.checklist_version.as_str(),
            v.percent,
            v.band.as_str(),
            v.competent
        ),
        ("daftar-tilik-v1", 89, "baik", true)
    );
    assert!(v.critical_failed.is_empty(), "v1 had no required row");
    assert_eq!(v.rows.len(), 9);
}

#[test]
fn a_second_checklist_visit_with_a_half_score_on_the_spine_keeps_its_result_in_the_report() {
    use ayah_asi_lib::domain::report;
    use ayah_asi_lib::storage::report::list_cohort;
    let (store, family_id, cadre_id) = store_with_cadre();
    // daftar-tilik-v2 scored the spine row 0-2 and failed only a 0: a 1 there was
    // saved competent (19 of 20 = 95 %). The third version has no such half score,
    // but this visit keeps what it was saved with, in the review and the report.
    let visits = saved_old_visit(
        &store,
        &family_id,
        &cadre_id,
        "daftar-tilik-v2",
        &checklist::ROWS_V2,
        &[("not-on-spine", 1)],
    );
    let v = &visits[0];
    assert_eq!(
        (v.checklist_version.as_str(), v.percent, v.competent),
        ("daftar-tilik-v2", 95, true)
    );
    assert!(v.critical_failed.is_empty());
    // The same rows are refused today: the spine row is pass or fail.
    assert!(checklist::validate(&v.rows).is_err());
    let scope = common::last_month();
    let built = report::build(&list_cohort(store.conn(), &Default::default(), &scope).unwrap());
    assert_eq!(
        (built.assessed, built.competent, built.critical_failed),
        (1, 1, 0)
    );
}
