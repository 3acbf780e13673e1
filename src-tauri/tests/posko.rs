//! The posko Ayah ASI: the cadre's posko rides in the header of her bundles and a
//! family's phone keeps the newest one it receives; his questions travel to her.

mod common;
#[path = "transfer_support/mod.rs"]
#[allow(dead_code)] // each test file uses its own part of the shared helpers
mod transfer_support;

use ayah_asi_lib::domain::posko::PoskoInput;
use ayah_asi_lib::storage::posko;
use transfer_support::*;

fn notice(place: &str, at: &str) -> ayah_asi_lib::domain::posko::PoskoNotice {
    PoskoInput {
        place: place.into(),
        weekday: 6,
        starts_at: "08:00".into(),
        ends_at: "10:00".into(),
        contact: None,
    }
    .validate("Bu Ani", at)
    .unwrap()
}

#[test]
fn a_received_posko_replaces_an_older_one_but_never_the_cadres_own() {
    let (phone, _) = family_device();
    let conn = phone.conn();
    assert!(
        posko::update_received_posko(
            conn,
            &notice("Balai RW 11", "2026-11-01T08:00:00.000+07:00")
        )
        .unwrap()
    );
    assert!(
        !posko::update_received_posko(conn, &notice("Lama", "2026-10-01T08:00:00.000+07:00"))
            .unwrap()
    );
    assert!(
        posko::update_received_posko(conn, &notice("Masjid", "2026-11-02T08:00:00.000+07:00"))
            .unwrap()
    );
    let (kept, own) = posko::get_posko(conn).unwrap().unwrap();
    assert_eq!((kept.place.as_str(), own), ("Masjid", false));
    assert!(
        posko::get_own_posko(conn).unwrap().is_none(),
        "a family never sends it on"
    );

    let (tablet, _) = cadre_device();
    posko::update_own_posko(
        tablet.conn(),
        &notice("Posyandu Melati", "2026-11-01T08:00:00.000+07:00"),
    )
    .unwrap();
    let newer = notice("Elsewhere", "2026-12-01T08:00:00.000+07:00");
    assert!(!posko::update_received_posko(tablet.conn(), &newer).unwrap());
    assert_eq!(
        posko::get_own_posko(tablet.conn()).unwrap().unwrap().place,
        "Posyandu Melati"
    );
}

#[test]
fn his_question_travels_to_the_cadre_with_his_family() {
    let (phone, family) = family_device();
    let (mut tablet, _) = cadre_device();
    let device = phone.device_id().to_owned();
    posko::insert_question(
        phone.conn(),
        &family,
        "Boleh pijat saat Ibu flu?",
        &device,
        now(),
    )
    .unwrap();
    let (_, tally) = import(
        &mut tablet,
        &export(&phone, std::slice::from_ref(&family), None),
    )
    .unwrap();
    assert_eq!(count(&tally, "posko_question", Decision::New), 1);
    let questions = posko::list_questions(tablet.conn(), &family).unwrap();
    assert_eq!(questions.len(), 1);
    assert_eq!(questions[0].question, "Boleh pijat saat Ibu flu?");
}
