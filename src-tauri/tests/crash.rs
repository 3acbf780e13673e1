//! Crash safety: a child process writes sessions, the mother's ratings and daftar
//! tilik scores through the very functions the commands call, in their transactions
//! (the guided session through the real guide and its timer), printing an
//! acknowledgement when each answers, as a command answers the UI. The test kills it
//! with SIGKILL at random moments, reopens the database and checks that every
//! acknowledged write is there, `PRAGMA integrity_check` is ok, and a session caught
//! running is offered for resume.
//!
//! `make test` runs 25 kills; `AYAH_ASI_CRASH_KILLS=300 cargo test -p ayah-asi --test
//! crash -- --nocapture` runs more.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use std::sync::Arc;

use ayah_asi_lib::AppError;
use ayah_asi_lib::commands::{self, cadre::VisitInput};
use ayah_asi_lib::db::Db;
use ayah_asi_lib::domain::checklist::{self, RowScore};
use ayah_asi_lib::domain::family::FamilyInput;
use ayah_asi_lib::domain::protocol::MassagePlan;
use ayah_asi_lib::domain::rating::{Author, MilkFlow, Rating};
use ayah_asi_lib::guide::{Guide, SessionUpdate};
use ayah_asi_lib::storage::{Store, cadre, families, now, sessions};
use tauri::ipc::Channel;

const WRITER_ENV: &str = "AYAH_ASI_CRASH_WRITER_DIR";

/// The child: writes forever through the functions the commands call, in the same
/// transactions (begin a session, the guide's start, boundaries and finish, the
/// mother's rating, a visit with all its scores), one acknowledgement line per answer.
fn write_forever(dir: &Path) -> Result<(), AppError> {
    let mut store = Store::open_in(dir)?;
    let family = own_family(&mut store)?;
    if cadre::get_cadre(store.conn())?.is_none() {
        let device = store.device_id().to_owned();
        cadre::insert_cadre(store.conn(), "Ani", "$argon2id$crash-test", &device, now())?;
    }
    let db = Db::open(store);
    let guide = Arc::new(Guide::new(Arc::new(muted_speaker())));
    tauri::async_runtime::block_on(async {
        loop {
            let session = {
                let family = family.clone();
                db.run(move |store| commands::session::begin(store, &family, true))
                    .await?
            };
            guide
                .start(
                    &db,
                    session.clone(),
                    MassagePlan::new(60, 1).unwrap_or_default(),
                    1,
                    quiet(),
                )
                .await?;
            println!("ACK running {session}");
            // Wait for the closing steps (the timer's own boundaries), then finish.
            loop {
                match guide.finish(&db).await {
                    Ok(_) => break,
                    Err(AppError::Engine(_)) => tokio::time::sleep(Duration::from_millis(2)).await,
                    Err(other) => return Err(other),
                }
            }
            println!("ACK finished {session}");
            let rating = Rating {
                skipped: false,
                comfort: Some(4),
                milk_flow: Some(MilkFlow::Sprays),
                ..Rating::skipped()
            };
            let rated = session.clone();
            db.run(move |store| {
                commands::follow_up::save_rating(store, rated, Author::Mother, rating, false)
            })
            .await?;
            println!("ACK rating {session}");
            let visit = commands::cadre::checked_visit(visit_input(&family), None)?;
            let saved = db
                .run(move |store| commands::cadre::record_visit(store, &visit, 80))
                .await?;
            println!("ACK visit {}", saved.visit_id);
        }
    })
}

fn own_family(store: &mut Store) -> Result<String, AppError> {
    if let Some(family) = families::get_own_family(store.conn())? {
        return Ok(family.meta.id);
    }
    let input = FamilyInput {
        father_name: "Budi".into(),
        mother_name: "Siti".into(),
        baby_birth_date: now().date_naive().format("%Y-%m-%d").to_string(),
        consent_given: true,
        ..FamilyInput::default()
    };
    let valid = input
        .validate(now().date_naive())
        .map_err(AppError::Invalid)?;
    let device = store.device_id().to_owned();
    Ok(store
        .with_tx(|tx| families::register(tx, valid, &device, now()))?
        .meta
        .id)
}

fn visit_input(family: &str) -> VisitInput {
    VisitInput {
        family_id: family.to_owned(),
        rows: checklist::ROWS
            .iter()
            .map(|r| RowScore {
                row_id: (*r).to_owned(),
                score: 1,
                note: Some("catatan".into()),
            })
            .collect(),
        coaching_notes: None,
        observed: Some("grandmother".into()),
        motivation: "cooperative".into(),
        milk_status: None,
    }
}

/// Updates go nowhere: there is no page in the child.
fn quiet() -> Channel<SessionUpdate> {
    Channel::new(|_| Ok(()))
}

/// Not a test of its own: the child process runs this (the test binary re-executed).
#[test]
fn crash_writer_child() {
    if let Some(dir) = std::env::var_os(WRITER_ENV)
        && let Err(error) = write_forever(Path::new(&dir))
    {
        eprintln!("writer stopped: {error}");
        std::process::exit(2);
    }
}

#[derive(Default)]
struct Acknowledged {
    session_state: HashMap<String, &'static str>,
    last_session: Option<String>,
    ratings: Vec<String>,
    visits: Vec<String>,
}

fn run_until_killed(dir: &Path, run_for: Duration, acks: &mut Acknowledged) -> usize {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "crash_writer_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(WRITER_ENV, dir)
        // The guided timer runs 10,000 times faster in a debug build: a one-minute pass
        // takes 6 ms, so sessions still cross every boundary between kills.
        .env("AYAH_ASI_TIME_SCALE", "10000")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn writer");
    let stdout = child.stdout.take().expect("stdout");
    let (lines_tx, lines) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let started = Instant::now();
    let mut seen = 0;
    while started.elapsed() < run_for {
        if let Ok(line) = lines.recv_timeout(Duration::from_millis(1)) {
            seen += record(&line, acks);
        }
    }
    // SIGKILL: no destructor, no flush, no chance to finish the transaction.
    child.kill().expect("kill");
    let _ = child.wait();
    // Lines already written before the kill were acknowledged too.
    let _ = reader.join();
    while let Ok(line) = lines.try_recv() {
        seen += record(&line, acks);
    }
    seen
}

fn record(line: &str, acks: &mut Acknowledged) -> usize {
    let Some((what, id)) = line.strip_prefix("ACK ").and_then(|l| l.split_once(' ')) else {
        return 0;
    };
    let id = id.trim().to_owned();
    match what {
        "running" => {
            acks.session_state.insert(id.clone(), "running");
            acks.last_session = Some(id);
        }
        "finished" => {
            acks.session_state.insert(id, "finished");
        }
        "rating" => acks.ratings.push(id),
        "visit" => acks.visits.push(id),
        _ => return 0,
    }
    1
}

fn check(dir: &Path, acks: &Acknowledged) -> usize {
    let store = Store::open_in(dir).expect("reopens after a kill");
    let conn = store.conn();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(integrity, "ok");
    let mut checked = 0;
    for (id, state) in &acks.session_state {
        let status: String = conn
            .query_row(
                "SELECT status FROM massage_session WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap_or_else(|_| panic!("acknowledged session {id} is missing"));
        // Finished may have committed just before the kill, without its acknowledgement.
        let ok = match *state {
            "finished" => status == "finished",
            "running" => status == "running" || status == "finished",
            // Closed between rounds, as the app does when resuming is declined.
            _ => status == "finished" || status == "stopped",
        };
        assert!(ok, "session {id} acknowledged {state}, stored {status}");
        checked += 1;
    }
    for id in &acks.ratings {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM session_rating WHERE session_id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap_or(0);
        assert_eq!(n, 1, "acknowledged rating of {id}");
        checked += 1;
    }
    for id in &acks.visits {
        let rows: i64 = conn
            .query_row(
                "SELECT count(*) FROM visit_score WHERE visit_id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap_or(0);
        assert_eq!(
            rows,
            checklist::ROWS.len() as i64,
            "acknowledged visit {id} has all its scores"
        );
        checked += 1;
    }
    // Never a visit without its scores, acknowledged or not: they share a transaction.
    let partial: i64 = conn
        .query_row(
            "SELECT count(*) FROM home_visit v WHERE (SELECT count(*) FROM visit_score s WHERE s.visit_id = v.id) <> ?1",
            [checklist::ROWS.len() as i64],
            |r| r.get(0),
        )
        .expect("partial visits");
    assert_eq!(partial, 0);
    // A session caught running is offered for resume (creation and start share a
    // transaction, so the newest session is never half-made).
    if let Some(last) = &acks.last_session {
        let status: String = conn
            .query_row(
                "SELECT status FROM massage_session WHERE id = ?1",
                [last],
                |r| r.get(0),
            )
            .expect("last");
        if status == "running" {
            let offered = sessions::get_unfinished(conn).expect("find").map(|u| u.id);
            assert_eq!(
                offered.as_deref(),
                Some(last.as_str()),
                "the running session is offered for resume"
            );
        }
    }
    checked
}

#[test]
fn acknowledged_writes_survive_sigkill_at_random_moments() {
    let kills: usize = std::env::var("AYAH_ASI_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut acks = Acknowledged::default();
    let mut acknowledged = 0;
    let mut checked = 0;
    let mut resumable = 0;
    for _ in 0..kills {
        acknowledged += run_until_killed(
            dir.path(),
            Duration::from_millis(fastrand::u64(30..250)),
            &mut acks,
        );
        checked = check(dir.path(), &acks);
        let store = Store::open_in(dir.path()).expect("reopen");
        if sessions::get_unfinished(store.conn())
            .expect("find")
            .is_some()
        {
            resumable += 1;
        }
        // The app closes an abandoned session when the user declines to resume; do the
        // same so the next round's newest running session is its own.
        store.conn().execute("UPDATE massage_session SET status = 'stopped', stop_reason = 'interrupted' WHERE status = 'running'", []).expect("close");
        for state in acks.session_state.values_mut() {
            if *state == "running" {
                *state = "finished-or-stopped";
            }
        }
    }
    println!(
        "crash test: {kills} SIGKILLs survived, {acknowledged} acknowledged writes, {checked} records checked after the last, {resumable} kills caught a session running"
    );
    assert!(acknowledged > kills, "the writer barely wrote anything");
}

/// The real speaker, switched off: this test is about what survives a crash.
fn muted_speaker() -> ayah_asi_lib::speech::Speaker {
    let localizer = Arc::new(ayah_asi_lib::i18n::Localizer::load().unwrap());
    ayah_asi_lib::speech::Speaker::new(localizer, "id", false)
}
