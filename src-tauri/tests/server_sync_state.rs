//! The sync state a phone keeps for the server: families changed by a file are pushed
//! whole, a family moved to another cadre is no longer sent and is sent whole again when
//! it comes back, and pairing afresh or unpairing forgets all of it (never the records).

mod common;

use ayah_asi_lib::storage::{now, sync_state as sync};

#[test]
fn files_moves_and_pairings_decide_what_the_next_push_takes() {
    let (store, family) = common::store_with_family();
    let conn = store.conn();
    // Not paired: a file import leaves nothing to do.
    sync::insert_push_due(conn, std::slice::from_ref(&family), now()).unwrap();
    assert!(sync::list_push_due(conn).unwrap().is_empty());

    sync::reset_sync_state(conn, "https://ayahasi.puskesmas.id").unwrap();
    sync::insert_push_due(conn, std::slice::from_ref(&family), now()).unwrap();
    assert_eq!(
        sync::list_push_due(conn).unwrap(),
        std::slice::from_ref(&family)
    );
    // The push gathered after the file acknowledges it.
    let push = sync::begin_push(conn, "0193a1b2-0000-7000-8000-0000000000c1", now()).unwrap();
    sync::finish_push(conn, &push).unwrap();
    assert!(sync::list_push_due(conn).unwrap().is_empty());

    // Moved to another cadre: no longer sent; back with a pull: sent whole again.
    sync::insert_family_elsewhere(conn, &family, now()).unwrap();
    assert_eq!(
        sync::list_families_elsewhere(conn).unwrap(),
        std::slice::from_ref(&family)
    );
    sync::delete_family_elsewhere(conn, &family, now()).unwrap();
    assert!(sync::list_families_elsewhere(conn).unwrap().is_empty());
    assert_eq!(
        sync::list_push_due(conn).unwrap(),
        std::slice::from_ref(&family)
    );
    // A family never marked away is not made due by a pull.
    let push = sync::begin_push(conn, "0193a1b2-0000-7000-8000-0000000000c2", now()).unwrap();
    sync::finish_push(conn, &push).unwrap();
    sync::delete_family_elsewhere(conn, &family, now()).unwrap();
    assert!(sync::list_push_due(conn).unwrap().is_empty());

    // Pairing with another server starts afresh; unpairing forgets the state.
    sync::insert_family_elsewhere(conn, &family, now()).unwrap();
    sync::reset_sync_state(conn, "https://lain.puskesmas.id").unwrap();
    assert!(sync::list_families_elsewhere(conn).unwrap().is_empty());
    let state = sync::get_sync_state(conn).unwrap().unwrap();
    assert_eq!((state.pull_cursor, state.pushed_since), (0, None));
    sync::delete_sync_state(conn).unwrap();
    assert_eq!(sync::get_sync_state(conn).unwrap(), None);
    let families: i64 = conn
        .query_row("SELECT count(*) FROM family", [], |r| r.get(0))
        .unwrap();
    assert_eq!(families, 1, "the records stay");
}
