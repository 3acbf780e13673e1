//! The report's two loaders agree: the same records, loaded by the app from SQLite
//! (`storage::report`) and by the server from PostgreSQL (`dashboard::cohort`), give the
//! same rows, the same facts (decided once, in `ayah_asi_core::cohort`) and the same
//! report, table by table, for the whole scope and for one RW. The records are the
//! core's sample year of several families, and families with the rarer cases: corrected
//! and skipped ratings, an amended visit, a pressed spine, tests, a safety stop, a
//! session that never started.

mod support;

use ayah_asi_core::bundle;
use ayah_asi_core::cohort::{FamilyRows, Period};
use ayah_asi_core::i18n::Localizer;
use ayah_asi_core::report::{self, CohortFamily};
use ayah_asi_core::report_tables;
use ayah_asi_core::sample::{FamilyRecords, day_ago, family_year, id, time_ago};
use ayah_asi_lib::storage::{self, Store, cadre};
use ayah_asi_server::dashboard::{Scope, cohort};
use chrono::{Days, Local};
use serde_json::json;
use support::Server;

/// The core's sample year, for families 1-4 (each enrolled on another day), as one
/// cadre's bundle.
fn sample_years() -> Vec<u8> {
    let device = id(10, 0, 1);
    let cadre_record = id(9, 0, 1);
    let today = Local::now().date_naive();
    let mut lines = vec![ayah_asi_core::sample::line(
        "cadre",
        cadre_record.clone(),
        &device,
        &time_ago(400),
        json!({ "name": "Rina" }),
    )];
    let mut families = Vec::new();
    for f in 1..=4usize {
        // Enrolled 120 to 390 days ago; their records up to yesterday (a year at most).
        let age = 90 * f as u64 + 30;
        let start = today - Days::new(age);
        lines.extend(family_year(
            f,
            &cadre_record,
            &device,
            start,
            (age - 1).min(365),
        ));
        families.push(id(1, f, 0));
    }
    ayah_asi_core::sample::bundle_of(&device, &families, &lines)
}

/// Families with what a year of routine rarely has.
fn rare_cases() -> Vec<FamilyRecords> {
    let mut budi = FamilyRecords::enrolled("Budi", "Siti", 40);
    let session = budi.session(3, None);
    budi.rating(&session, 3, 2, (0, 0));
    budi.rating_version(&session, 2, 1, 5, (0, 0));
    let stopped = budi.session(2, Some("pain"));
    budi.rating(&stopped, 2, 1, (6, 7));
    budi.session(1, Some("no-consent"));
    // She skipped the questions after one session: no comfort counted.
    let skipped = budi.session(1, None);
    budi.record(
        "session_rating",
        &ayah_asi_core::sample::new_id(),
        json!({ "session_id": skipped, "version": 1, "answered_by": "mother", "skipped": 1,
                "comfort": null, "pain_before": null, "pain_after": null, "milk_flow": null,
                "note": null, "created_at": time_ago(1), "updated_at": time_ago(1) }),
    );
    budi.milk(39, "tidak-lancar");
    budi.milk(20, "lancar");
    budi.milk(1, "lancar");
    let visit = budi.visit(10, &[("not-on-spine", 0), ("prepare", 1)]);
    budi.amend_visit(&visit, 2, 9, &[("prepare", 1)]);
    budi.visit(5, &[("not-on-spine", 0)]);
    for (kind, correct, days) in [
        ("pre", 4, 39),
        ("pre", 7, 30),
        ("post", 8, 20),
        ("post", 9, 2),
    ] {
        budi.record(
            "quiz_attempt",
            &ayah_asi_core::sample::new_id(),
            json!({ "quiz_version": "uji-pengetahuan-v1", "kind": kind, "correct": correct,
                    "score": correct * 10, "answers": "b,b,b,b,b,s,s,s,s,s",
                    "created_at": time_ago(days), "updated_at": time_ago(days) }),
        );
    }
    // What the baby had yesterday: water once (and "yes, since birth"), then breast milk.
    for (days, items, ever_other, first) in [
        (30, "breast-milk,water", Some("yes"), Some(day_ago(38))),
        (10, "breast-milk", None, None),
        (2, "breast-milk,medicine", Some("yes"), None),
    ] {
        budi.record(
            "feeding_recall",
            &ayah_asi_core::sample::new_id(),
            json!({ "recalled_on": day_ago(days), "items": items, "ever_other": ever_other,
                    "first_other_on": first, "recorded_by": "mother",
                    "created_at": time_ago(days), "updated_at": time_ago(days) }),
        );
    }
    let mut agus = FamilyRecords::enrolled("Agus", "Dewi", 120);
    agus.record(
        "feeding_recall",
        &ayah_asi_core::sample::new_id(),
        json!({ "recalled_on": day_ago(5), "items": "breast-milk,formula", "ever_other": null,
                "first_other_on": null, "recorded_by": "cadre",
                "created_at": time_ago(5), "updated_at": time_ago(5) }),
    );
    agus.milk(119, "tidak-ada");
    agus.milk(100, "tidak-lancar");
    let old = agus.session(100, None);
    agus.rating(&old, 100, 3, (0, 0));
    agus.safety_stop(4, "fever");
    vec![budi, agus]
}

/// Both loaders over the same records, for a report of `months` (of one RW's families).
async fn both(
    server: &Server,
    store: &Store,
    months: u32,
    rw: Option<&str>,
) -> (Vec<FamilyRows>, Vec<FamilyRows>) {
    let period = Period::last_months(Local::now().date_naive(), months);
    let scope = Scope {
        puskesmas_id: 1,
        posyandu: None,
    };
    let filter = cohort::Filter {
        rw: rw.map(str::to_owned),
        ..cohort::Filter::default()
    };
    let mut on_server = cohort::list_family_rows(&server.pool, &scope, &filter, &period)
        .await
        .unwrap();
    let app_filter = storage::report::Filter {
        rw: rw.map(str::to_owned),
        ..Default::default()
    };
    let mut on_phone =
        storage::report::list_family_rows(store.conn(), &app_filter, &period).unwrap();
    for rows in [&mut on_server, &mut on_phone] {
        rows.sort_by(|a, b| a.family.id.cmp(&b.family.id));
        for family in rows.iter_mut() {
            sort_rows(family);
        }
    }
    (on_phone, on_server)
}

/// Rows in one order: neither database promises one.
fn sort_rows(rows: &mut FamilyRows) {
    rows.milk.sort_by(|a, b| a.id.cmp(&b.id));
    rows.quizzes.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    rows.trained_on.sort();
    rows.visits.sort_by(|a, b| a.id.cmp(&b.id));
    rows.latest_visit_scores.sort();
    rows.comforts.sort_unstable();
    let key = |s: &ayah_asi_core::cohort::SessionCount| (s.status.clone(), s.given_by.clone());
    rows.sessions.sort_by_key(key);
    rows.recent_sessions.sort_by_key(key);
}

#[tokio::test]
async fn the_app_and_the_server_load_the_same_rows_and_report_the_same_tables() {
    let server = Server::start().await;
    let cadre_id = support::cadre(&server, "Melati", "Rina").await;
    let token = support::paired(&server, cadre_id, None).await;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let device = store.device_id().to_owned();
    cadre::insert_cadre(
        store.conn(),
        "Rina",
        "$argon2id$v=19$test",
        &device,
        storage::now(),
    )
    .unwrap();

    let mut bundles = vec![sample_years()];
    bundles.extend(rare_cases().iter().map(FamilyRecords::bundle));
    for bytes in &bundles {
        let answer = support::push(
            &server,
            &token,
            &ayah_asi_core::sample::new_id(),
            bytes.clone(),
        )
        .await;
        assert_eq!(
            answer.status(),
            200,
            "{}",
            answer.text().await.unwrap_or_default()
        );
        let parsed = bundle::parse(bytes, storage::now()).unwrap();
        store
            .with_tx(|tx| {
                let plan = storage::transfer::plan(tx, &parsed)?;
                storage::transfer::apply(tx, &parsed, &plan, storage::now())?;
                for family in &parsed.header.family_ids {
                    cadre::insert_assignment(tx, family, storage::now())
                        .map_err(storage::transfer::ImportError::from)?;
                }
                Ok::<_, storage::transfer::ImportError>(())
            })
            .unwrap();
    }

    let localizer = Localizer::load().unwrap();
    // RW 3 ("03" as typed): the two rare families and sample family 2.
    let reports = [
        (1, None, 6),
        (3, None, 6),
        (12, None, 6),
        (24, None, 6),
        (3, Some("03"), 3),
    ];
    for (months, rw, families) in reports {
        let (on_phone, on_server) = both(&server, &store, months, rw).await;
        assert_eq!(
            on_phone.len(),
            families,
            "the families of a report of {months} months, RW {rw:?}"
        );
        for (phone, server) in on_phone.iter().zip(&on_server) {
            assert_eq!(
                phone, server,
                "family {} over {months} months",
                phone.family.id
            );
        }
        let period = Period::last_months(Local::now().date_naive(), months);
        let facts: Vec<CohortFamily> = ayah_asi_core::cohort::families(&on_phone, &period);
        assert_eq!(
            facts,
            ayah_asi_core::cohort::families(&on_server, &period),
            "the facts over {months} months"
        );
        // What each program reports: the app's own path and the dashboard's.
        let phone_report = report::build(
            &storage::report::list_cohort(store.conn(), &Default::default(), &period).unwrap(),
        );
        let server_report = report::build(
            &cohort::list(
                &server.pool,
                &Scope {
                    puskesmas_id: 1,
                    posyandu: None,
                },
                &Default::default(),
                &period,
            )
            .await
            .unwrap(),
        );
        let phone_tables = report_tables::tables(&phone_report, &localizer, "id");
        let server_tables = report_tables::tables(&server_report, &localizer, "id");
        assert_eq!(phone_tables.len(), server_tables.len());
        for (phone, server) in phone_tables.iter().zip(&server_tables) {
            assert_eq!(phone, server, "table {} over {months} months", phone.id);
        }
    }
    // The sample is not empty where it matters: the comparison compared something.
    let (on_phone, _) = both(&server, &store, 12, None).await;
    let report = report::build(&ayah_asi_core::cohort::families(
        &on_phone,
        &Period::last_months(Local::now().date_naive(), 12),
    ));
    assert!(report.comfort_ratings > 100 && report.assessed >= 5 && report.critical_failed >= 1);
    // Budi breast milk only at his latest answer (one month old), Agus formula (three).
    let feeding = &report.feeding;
    assert_eq!(
        (feeding.by_age[1].babies, feeding.by_age[1].exclusive),
        (1, 1),
        "{feeding:?}"
    );
    assert_eq!(
        (feeding.by_age[3].babies, feeding.by_age[3].exclusive),
        (1, 0),
        "{feeding:?}"
    );
    assert!(report.milk_test.pairs > 0 && report.knowledge_pre_mean.is_some());
}
