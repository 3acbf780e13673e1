//! Set-up shared by the integration tests.

use ayah_asi_lib::domain::family::FamilyInput;
use ayah_asi_lib::storage::{Store, families, now};

/// An in-memory store with one family registered today; returns it and the family id.
pub fn store_with_family() -> (Store, String) {
    let mut store = Store::open_in_memory().unwrap();
    let input = FamilyInput {
        father_name: "Budi".into(),
        mother_name: "Siti".into(),
        baby_birth_date: now().date_naive().format("%Y-%m-%d").to_string(),
        consent_given: true,
        ..FamilyInput::default()
    };
    let family = input.validate(now().date_naive()).unwrap();
    let device = store.device_id().to_owned();
    let record = store
        .with_tx(|tx| families::register(tx, family, &device, now()))
        .unwrap();
    (store, record.meta.id)
}

/// The report's scope over the last 30 days, every posyandu and RW.
#[allow(dead_code)]
pub fn last_month() -> ayah_asi_lib::domain::cohort::Period {
    let today = now().date_naive();
    ayah_asi_lib::domain::cohort::Period {
        from: today - chrono::Duration::days(30),
        to: today,
        active_since: today,
    }
}
