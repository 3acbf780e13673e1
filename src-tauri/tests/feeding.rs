//! What the baby had yesterday, stored and read back as the core counts it, and the
//! cadre's list putting first a family whose baby had water before six months.

use ayah_asi_lib::commands::cadre::family_list;
use ayah_asi_lib::commands::feeding::{RecallInput, record};
use ayah_asi_lib::domain::cadre::{Need, Risk};
use ayah_asi_lib::domain::family::FamilyInput;
use ayah_asi_lib::domain::feeding::{self, FoodItem};
use ayah_asi_lib::storage::feeding::{RecallEntry, get_feeding, insert_recall};
use ayah_asi_lib::storage::{self, Store, cadre, families, now};

fn add_family(store: &mut Store, father: &str, born_days_ago: i64) -> String {
    let birth = now().date_naive() - chrono::Duration::days(born_days_ago);
    let input = FamilyInput {
        father_name: father.into(),
        mother_name: format!("Ibu {father}"),
        baby_birth_date: birth.format("%Y-%m-%d").to_string(),
        consent_given: true,
        ..FamilyInput::default()
    };
    let valid = input.validate(now().date_naive()).unwrap();
    let device = store.device_id().to_owned();
    store
        .with_tx(|tx| {
            let record = families::register(tx, valid, &device, now())?;
            families::update_registered_by_cadre(tx, &record.meta.id)?;
            cadre::insert_assignment(tx, &record.meta.id, now())?;
            Ok::<_, storage::StorageError>(record.meta.id)
        })
        .unwrap()
}

fn answer(store: &Store, family: &str, items: &[FoodItem], ever_other: Option<bool>) {
    let entry = RecallEntry {
        recalled_on: now().date_naive(),
        items,
        ever_other,
        first_other_on: None,
        recorded_by: "cadre",
    };
    insert_recall(store.conn(), family, &entry, store.device_id(), now()).unwrap();
}

#[test]
fn an_answer_is_read_back_as_the_core_counts_it_and_water_puts_the_family_first() {
    let mut store = Store::open_in_memory().unwrap();
    let device = store.device_id().to_owned();
    cadre::insert_cadre(store.conn(), "Bu Ani", "$argon2id$test", &device, now()).unwrap();
    let andi = add_family(&mut store, "Andi", 40);
    let budi = add_family(&mut store, "Budi", 40);
    answer(
        &store,
        &andi,
        &[FoodItem::BreastMilk, FoodItem::Medicine],
        Some(false),
    );
    answer(
        &store,
        &budi,
        &[FoodItem::BreastMilk, FoodItem::Water],
        Some(true),
    );

    let birth = now().date_naive() - chrono::Duration::days(40);
    let andi_feeding = get_feeding(store.conn(), &andi, Some(birth)).unwrap();
    assert!(andi_feeding.recalls[0].exclusive());
    assert_eq!(andi_feeding.first_other(), None);
    let budi_feeding = get_feeding(store.conn(), &budi, Some(birth)).unwrap();
    // "Yes" without a day: known by the day of the answer (and by yesterday's water).
    assert_eq!(budi_feeding.first_other(), now().date_naive().pred_opt());
    assert_eq!(
        feeding::alert(&budi_feeding).map(|a| a.item),
        Some(FoodItem::Water)
    );

    let list = family_list(&store, "", now()).unwrap();
    let first = &list[0];
    assert_eq!(first.family.father_name, "Budi");
    assert_eq!(first.need, Need::Risk);
    assert_eq!(first.risks, [Risk::OtherFeeding]);
    assert!(list[1].risks.is_empty(), "{:?}", list[1].risks);
}

#[test]
fn nothing_of_the_feeding_is_recorded_until_the_mother_agreed_to_the_text_that_names_it() {
    let mut store = Store::open_in_memory().unwrap();
    let device = store.device_id().to_owned();
    cadre::insert_cadre(store.conn(), "Bu Ani", "$argon2id$test", &device, now()).unwrap();
    let andi = add_family(&mut store, "Andi", 40);
    // Her consent was to v3: it named the server, not what the baby eats and drinks.
    store
        .conn()
        .execute("UPDATE consent SET text_version = 'health-data-v3'", [])
        .unwrap();
    let input = || RecallInput {
        items: vec![FoodItem::BreastMilk],
        ever_other: Some(false),
        first_other_on: None,
    };
    let refused = record(&mut store, &andi, input(), true).unwrap_err();
    assert_eq!(refused.code(), "error-consent-not-current");
    let birth = now().date_naive() - chrono::Duration::days(40);
    let kept = get_feeding(store.conn(), &andi, Some(birth)).unwrap();
    assert!(kept.recalls.is_empty(), "{:?}", kept.recalls);

    // She reads the new text at the cadre's visit and agrees: the answer is kept.
    families::insert_current_consent(store.conn(), &andi, &device, now()).unwrap();
    let status = record(&mut store, &andi, input(), true).unwrap();
    assert_eq!(status.last_exclusive, Some(true));
    let kept = get_feeding(store.conn(), &andi, Some(birth)).unwrap();
    assert_eq!(kept.recalls.len(), 1);
}
