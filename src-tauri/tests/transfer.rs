//! Records moving between devices in bundle files: a round trip family -> cadre ->
//! family, importing twice, edits made on both devices at once, an older version
//! arriving after a newer one, deletions, partial bundles, and every kind of bad file
//! refused without a change.

mod common;
#[path = "transfer_support/mod.rs"]
#[allow(dead_code)] // each test file uses its own part of the shared helpers
mod support;

use ayah_asi_lib::domain::bundle::Decision;
use ayah_asi_lib::storage::transfer;
use support::*;

#[test]
fn a_family_round_trips_to_the_cadre_and_back_with_nothing_lost_or_doubled() {
    let (mut phone, family) = family_device();
    let (mut cadre_tablet, cadre_id) = cadre_device();

    let (changed, tally) = import(
        &mut cadre_tablet,
        &export(&phone, std::slice::from_ref(&family), None),
    )
    .unwrap();
    assert_eq!(count(&tally, "massage_session", Decision::New), 2);
    assert_eq!(count(&tally, "session_rating", Decision::New), 2);
    assert_eq!(count(&tally, "massage_plan", Decision::New), 1);
    assert_eq!(changed, travelling(&phone, &family).len());
    assert_eq!(
        travelling(&cadre_tablet, &family),
        travelling(&phone, &family)
    );
    // The plan's earlier version came along too.
    let history: i64 = cadre_tablet
        .conn()
        .query_row(
            "SELECT count(*) FROM record_history WHERE table_name = 'massage_plan'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(history, 1);
    // Who gave each session came along (format 4).
    let givers: Vec<Option<String>> = cadre_tablet
        .conn()
        .prepare("SELECT given_by FROM massage_session")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        givers,
        [
            Some("grandmother".to_owned()),
            Some("grandmother".to_owned())
        ]
    );
    // An imported family is not the cadre device's own.
    assert!(
        families::get_own_family(cadre_tablet.conn())
            .unwrap()
            .is_none()
    );

    // The cadre visits, corrects the posyandu name, and sends the family back.
    visit(&cadre_tablet, &family, &cadre_id);
    edit_family(&cadre_tablet, &family, |f| {
        f.posyandu = Some("Mawar 3".into())
    });
    assert_eq!(
        transfer::count(cadre_tablet.conn(), std::slice::from_ref(&family), None).unwrap(),
        transfer::gather(cadre_tablet.conn(), std::slice::from_ref(&family), None)
            .unwrap()
            .len(),
        "the count the send screen shows"
    );
    let (_, tally) = import(
        &mut phone,
        &export(&cadre_tablet, std::slice::from_ref(&family), None),
    )
    .unwrap();
    assert_eq!(count(&tally, "family", Decision::Updated), 1);
    assert_eq!(count(&tally, "home_visit", Decision::New), 1);
    assert_eq!(
        count(&tally, "visit_score", Decision::New),
        checklist::ROWS.len() as u64
    );
    assert_eq!(count(&tally, "cadre", Decision::New), 1);
    assert_eq!(count(&tally, "massage_session", Decision::Known), 2);
    let observed: String = phone
        .conn()
        .query_row("SELECT observed FROM home_visit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        observed, "grandmother",
        "whom the cadre watched travels back"
    );
    assert_eq!(
        travelling(&phone, &family),
        travelling(&cadre_tablet, &family)
    );
    let own = families::get_own_family(phone.conn()).unwrap().unwrap();
    assert_eq!(own.family.posyandu.as_deref(), Some("Mawar 3"));
    assert_eq!(row_version(&phone, &family), 2);
    // The cadre is known on the phone by name only: no PIN can open cadre mode there.
    assert!(cadre::get_cadre(phone.conn()).unwrap().is_none());
}

#[test]
fn importing_the_same_bundle_twice_changes_nothing() {
    let (phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    let bytes = export(&phone, &[family], None);
    let (first, _) = import(&mut cadre_tablet, &bytes).unwrap();
    assert!(first > 0);
    let before = dump(&cadre_tablet);
    let (second, tally) = import(&mut cadre_tablet, &bytes).unwrap();
    assert_eq!(second, 0);
    assert!(
        tally
            .values()
            .all(|d| d.keys().all(|k| *k == Decision::Known))
    );
    assert_eq!(dump(&cadre_tablet), before);
}

#[test]
fn edits_made_on_both_devices_at_once_are_both_kept_until_the_cadre_chooses() {
    let (mut phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    import(
        &mut cadre_tablet,
        &export(&phone, std::slice::from_ref(&family), None),
    )
    .unwrap();

    edit_family(&phone, &family, |f| f.father_name = "Budi Santoso".into());
    edit_family(&cadre_tablet, &family, |f| f.rw = Some("4".into()));
    let from_phone = export(&phone, std::slice::from_ref(&family), None);
    let (_, tally) = import(&mut cadre_tablet, &from_phone).unwrap();
    assert_eq!(count(&tally, "family", Decision::Conflict), 1);
    // The cadre's own edit stays until she chooses; the phone's is kept aside.
    let here = families::get_family(cadre_tablet.conn(), &family)
        .unwrap()
        .unwrap()
        .family;
    assert_eq!(
        (here.father_name.as_str(), here.rw.as_deref()),
        ("Budi", Some("4"))
    );
    let conflicts = transfer::list_open_conflicts(cadre_tablet.conn()).unwrap();
    assert_eq!(conflicts.len(), 1);
    let fields: Vec<&str> = conflicts[0]
        .differences
        .iter()
        .map(|d| d.field.as_str())
        .collect();
    assert_eq!(fields, ["father_name", "rw"]);

    // The same bundle again does not add a second conflict.
    let (changed, _) = import(&mut cadre_tablet, &from_phone).unwrap();
    assert_eq!(changed, 0);
    assert_eq!(
        transfer::get_open_conflict_count(cadre_tablet.conn()).unwrap(),
        1
    );

    // She takes the father's version: it becomes version 3, above both.
    let device = cadre_tablet.device_id().to_owned();
    cadre_tablet
        .with_tx(|tx| transfer::resolve(tx, &conflicts[0].id, true, &device, now()))
        .unwrap();
    assert_eq!(
        transfer::get_open_conflict_count(cadre_tablet.conn()).unwrap(),
        0
    );
    assert_eq!(row_version(&cadre_tablet, &family), 3);
    let here = families::get_family(cadre_tablet.conn(), &family)
        .unwrap()
        .unwrap()
        .family;
    assert_eq!(here.father_name, "Budi Santoso");

    // Back on the phone the choice arrives as a plain update, not a new conflict.
    let (_, tally) = import(
        &mut phone,
        &export(&cadre_tablet, std::slice::from_ref(&family), None),
    )
    .unwrap();
    assert_eq!(count(&tally, "family", Decision::Updated), 1);
    assert_eq!(transfer::get_open_conflict_count(phone.conn()).unwrap(), 0);
    assert_eq!(
        travelling(&phone, &family),
        travelling(&cadre_tablet, &family)
    );
    // And the phone's bundle, made before the choice, is now older there.
    let (changed, tally) = import(&mut cadre_tablet, &from_phone).unwrap();
    assert_eq!(changed, 0);
    assert_eq!(count(&tally, "family", Decision::Known), 1);
}

#[test]
fn an_older_version_never_overwrites_a_newer_one() {
    let (phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    let old = export(&phone, std::slice::from_ref(&family), None);
    edit_family(&phone, &family, |f| f.posyandu = Some("Melati".into()));
    let new = export(&phone, std::slice::from_ref(&family), None);
    import(&mut cadre_tablet, &new).unwrap();
    let (changed, tally) = import(&mut cadre_tablet, &old).unwrap();
    assert_eq!(changed, 0);
    assert_eq!(count(&tally, "family", Decision::Older), 1);
    let here = families::get_family(cadre_tablet.conn(), &family)
        .unwrap()
        .unwrap()
        .family;
    assert_eq!(here.posyandu.as_deref(), Some("Melati"));
}

#[test]
fn a_partial_bundle_carries_only_what_changed_and_still_applies() {
    let (phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    import(
        &mut cadre_tablet,
        &export(&phone, std::slice::from_ref(&family), None),
    )
    .unwrap();
    let since = ayah_asi_lib::domain::record::format_time(now());
    std::thread::sleep(std::time::Duration::from_millis(5));
    give_rated_session(&phone, &family, 3);
    let partial = export(&phone, std::slice::from_ref(&family), Some(&since));
    // The send screen's count is what the bundle then holds.
    let lines = |since| {
        transfer::gather(phone.conn(), std::slice::from_ref(&family), since)
            .unwrap()
            .len()
    };
    let counted =
        |since| transfer::count(phone.conn(), std::slice::from_ref(&family), since).unwrap();
    assert_eq!(counted(Some(since.as_str())), lines(Some(since.as_str())));
    assert_eq!(counted(None), lines(None));
    let parsed = bundle::parse(&partial, now()).unwrap();
    let sessions = parsed
        .records
        .iter()
        .filter(|r| r.table.name == "massage_session")
        .count();
    assert_eq!(sessions, 1);
    let (changed, _) = import(&mut cadre_tablet, &partial).unwrap();
    assert_eq!(changed, 2); // the session and its rating
    assert_eq!(
        travelling(&cadre_tablet, &family),
        travelling(&phone, &family)
    );
}

#[test]
fn a_deleted_record_is_not_brought_back_and_its_deletion_travels() {
    let (phone, family) = family_device();
    let (mut cadre_tablet, _) = cadre_device();
    let bytes = export(&phone, std::slice::from_ref(&family), None);
    import(&mut cadre_tablet, &bytes).unwrap();
    let milk_id: String = phone
        .conn()
        .query_row(
            "SELECT id FROM milk_status WHERE family_id = ?1",
            [&family],
            |r| r.get(0),
        )
        .unwrap();
    let device = phone.device_id().to_owned();
    phone
        .conn()
        .execute("DELETE FROM milk_status WHERE id = ?1", [&milk_id])
        .unwrap();
    transfer::insert_tombstone(
        phone.conn(),
        "milk_status",
        &milk_id,
        Some(&family),
        &device,
        now(),
    )
    .unwrap();

    let (_, tally) = import(
        &mut cadre_tablet,
        &export(&phone, std::slice::from_ref(&family), None),
    )
    .unwrap();
    assert_eq!(count(&tally, "deleted-milk_status", Decision::Deleted), 1);
    let left: i64 = cadre_tablet
        .conn()
        .query_row("SELECT count(*) FROM milk_status", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
    // The first bundle, still holding it, does not bring it back.
    let (changed, tally) = import(&mut cadre_tablet, &bytes).unwrap();
    assert_eq!(changed, 0);
    assert_eq!(count(&tally, "milk_status", Decision::Deleted), 1);
}
