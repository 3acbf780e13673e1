//! Sync when things break, with the real app, server and PostgreSQL: the server killed
//! after applying a push but before its answer reached the phone (the app tries again
//! and every record is on the server exactly once), and the app killed while a pull is
//! on its way (nothing half-applied; the next sync, by itself after unlocking cadre
//! mode, brings everything exactly once).

use std::time::Duration;

use ayah_asi_e2e::flows::give_session_rated;
use ayah_asi_e2e::proxy::{Fault, Proxy};
use ayah_asi_e2e::server::PuskesmasServer;
use ayah_asi_e2e::two_phones::{TwoPhones, count, pair_family_phone, sync_now, two_phones_with};
use ayah_asi_e2e::{Result, eventually};

#[tokio::test(flavor = "multi_thread")]
async fn a_push_whose_answer_is_lost_when_the_server_dies_lands_exactly_once() -> Result<()> {
    let server = PuskesmasServer::start()?;
    let (killer, restarter) = (server.process(), server.process());
    // The cadre's first push, through the proxy: applied, then the server dies before
    // answering, and comes back a moment later.
    let proxy = Proxy::start(
        server.process().port(),
        b"POST /api/v1/push",
        Fault::KillServerAfterAnswer {
            kill: Box::new(move || killer.kill()),
            restart: Box::new(move || {
                let _ = restarter.serve();
            }),
        },
    )?;
    proxy.arm();
    let TwoPhones { server, tablet, .. } = two_phones_with(server, &proxy.address(), &[]).await?;
    proxy.caught(Duration::from_secs(5)).await?;
    // The app's own retry sent the same push again and heard the first answer.
    assert_eq!(
        server.count("SELECT count(*) FROM push")?,
        1,
        "one push, applied once"
    );
    for (table, on_phone) in [
        ("family", "SELECT count(*) FROM family"),
        ("consent", "SELECT count(*) FROM consent"),
        ("massage_plan", "SELECT count(*) FROM massage_plan"),
    ] {
        let here = count(&tablet.database(), on_phone)?;
        let there = server.count(&format!(
            "SELECT count(*) FROM record WHERE table_name = '{table}'"
        ))?;
        assert_eq!((table, there), (table, here), "every record once");
    }
    let state: (Option<String>, Option<String>) = ayah_asi_e2e::open_database(&tablet.database())?
        .query_row(
            "SELECT pending_push_id, last_failure FROM server_sync",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
    assert_eq!(state, (None, None), "acknowledged, and the sync succeeded");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_app_killed_while_a_pull_arrives_applies_nothing_half_and_catches_up() -> Result<()> {
    let server = PuskesmasServer::start()?;
    // The cadre reaches the server through a proxy that will hold a pull's answer.
    let proxy = Proxy::start(
        server.process().port(),
        b"GET /api/v1/pull",
        Fault::HoldAnswer,
    )?;
    // Bound, not left to `..`: a driver dropped stops its app.
    let TwoPhones {
        server,
        phone: _phone,
        father,
        tablet,
        cadre,
        ..
    } = two_phones_with(server, &proxy.address(), &[]).await?;
    pair_family_phone(&cadre, &father, &server.address()).await?;
    give_session_rated(&father, Some((5, "drips"))).await?;
    sync_now(&father).await?;

    let cursor_before: i64 = ayah_asi_e2e::open_database(&tablet.database())?.query_row(
        "SELECT pull_cursor FROM server_sync",
        [],
        |r| r.get(0),
    )?;
    proxy.arm();
    cadre.click("#server-sync").await?;
    proxy.caught(Duration::from_secs(15)).await?;
    let killed = tablet.kill_app()?;
    assert_eq!(killed, 1);
    drop(cadre);
    proxy.release();
    let db = tablet.database();
    assert_eq!(
        count(&db, "SELECT count(*) FROM massage_session")?,
        0,
        "nothing of the pull was applied"
    );
    let cursor_after: i64 = ayah_asi_e2e::open_database(&db)?.query_row(
        "SELECT pull_cursor FROM server_sync",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(cursor_after, cursor_before, "the cursor did not move");

    // Restarted and unlocked: the sync that unlocking starts brings everything, once.
    let cadre = tablet.launch().await?;
    cadre.click("#cadre-entry").await?;
    cadre.type_into("#cadre-pin", "246810").await?;
    cadre.click("#cadre-unlock").await?;
    cadre.wait_for("#families-title").await?;
    eventually("the session and its rating arrive", || {
        Ok(count(&db, "SELECT count(*) FROM massage_session")? == 1
            && count(&db, "SELECT count(*) FROM session_rating")? == 1)
    })
    .await?;
    let cursor_now: i64 = ayah_asi_e2e::open_database(&db)?.query_row(
        "SELECT pull_cursor FROM server_sync",
        [],
        |r| r.get(0),
    )?;
    assert!(cursor_now > cursor_before);
    Ok(())
}
