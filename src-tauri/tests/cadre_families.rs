//! Cadre mode shows only the families assigned to this device's cadre (those she
//! registered or imported), plus the device's own family: in the families list, the
//! review checks and the report.

use ayah_asi_lib::commands::cadre::family_list;
use ayah_asi_lib::domain::cohort::Period;
use ayah_asi_lib::domain::family::FamilyInput;
use ayah_asi_lib::storage::{self, Store, cadre, families, now};

fn add_family(store: &mut Store, father: &str, by_cadre: bool, assign: bool) -> String {
    let input = FamilyInput {
        father_name: father.into(),
        mother_name: format!("Ibu {father}"),
        baby_birth_date: now().date_naive().format("%Y-%m-%d").to_string(),
        consent_given: true,
        ..FamilyInput::default()
    };
    let valid = input.validate(now().date_naive()).unwrap();
    let device = store.device_id().to_owned();
    store
        .with_tx(|tx| {
            let record = families::register(tx, valid, &device, now())?;
            if by_cadre {
                families::update_registered_by_cadre(tx, &record.meta.id)?;
            }
            if assign {
                cadre::insert_assignment(tx, &record.meta.id, now())?;
            }
            Ok::<_, storage::StorageError>(record.meta.id)
        })
        .unwrap()
}

fn fathers(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = family_list(store, "", now())
        .unwrap()
        .into_iter()
        .map(|item| item.family.father_name)
        .collect();
    names.sort();
    names
}

#[test]
fn cadre_mode_shows_her_families_and_the_devices_own_only() {
    let mut store = Store::open_in_memory().unwrap();
    let device = store.device_id().to_owned();
    cadre::insert_cadre(store.conn(), "Bu Ani", "$argon2id$test", &device, now()).unwrap();
    let own = add_family(&mut store, "Budi", false, false);
    let hers = add_family(&mut store, "Andi", true, true);
    // On the device, but not hers (e.g. left by an earlier cadre's data).
    let other = add_family(&mut store, "Candra", true, false);

    assert_eq!(fathers(&store), ["Andi", "Budi"]);
    assert!(cadre::get_visible(store.conn(), &own).unwrap());
    assert!(cadre::get_visible(store.conn(), &hers).unwrap());
    assert!(!cadre::get_visible(store.conn(), &other).unwrap());
    // "Send all families" takes these ids: hers and the device's own, never Candra.
    let mut sent = cadre::list_visible_family_ids(store.conn()).unwrap();
    sent.sort();
    let mut expected = vec![own.clone(), hers.clone()];
    expected.sort();
    assert_eq!(sent, expected);
    let lines = storage::transfer::gather(store.conn(), &sent, None).unwrap();
    assert!(
        lines.iter().all(|l| l.id != other
            && l.body
                .as_ref()
                .and_then(|b| b.get("family_id"))
                .and_then(|v| v.as_str())
                != Some(other.as_str())),
        "nothing of a family she may not see travels"
    );

    let today = now().date_naive();
    let scope = Period {
        from: today - chrono::Duration::days(30),
        to: today,
        active_since: today,
    };
    let cohort = storage::report::list_cohort(store.conn(), &Default::default(), &scope).unwrap();
    assert_eq!(
        cohort.len(),
        2,
        "the report counts only the families she may see"
    );
}

#[test]
fn families_a_cadre_registered_before_assignments_existed_stay_hers() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut conn = rusqlite::Connection::open(dir.path().join(storage::DATABASE_FILE)).unwrap();
        storage::migrations().to_version(&mut conn, 8).unwrap();
        conn.execute_batch(
            "INSERT INTO device VALUES (1, '0193a1b2-0000-7000-8000-0000000000aa', '2026-01-01T08:00:00.000+07:00');
             INSERT INTO cadre (id, device_id, created_at, updated_at, name, pin_hash)
                 VALUES ('0193a1b2-0000-7000-8000-000000000004', '0193a1b2-0000-7000-8000-0000000000aa',
                 '2026-01-01T08:00:00.000+07:00', '2026-01-01T08:00:00.000+07:00', 'Ani', '$argon2id$x');
             INSERT INTO family (id, device_id, created_at, updated_at, father_name, mother_name, baby_birth_date, registered_by)
                 VALUES ('0193a1b2-0000-7000-8000-000000000001', '0193a1b2-0000-7000-8000-0000000000aa',
                 '2026-01-01T08:00:00.000+07:00', '2026-01-01T08:00:00.000+07:00', 'Andi', 'Rina', '2025-12-20', 'cadre');",
        )
        .unwrap();
    }
    let store = Store::open_in(dir.path()).unwrap();
    assert!(cadre::get_visible(store.conn(), "0193a1b2-0000-7000-8000-000000000001").unwrap());
}
