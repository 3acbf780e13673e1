//! Benchmark (not a test): bundles of 1,000 and 100,000 rated sessions, timed through
//! export (gather + write), parse and check, and import (plan + apply in one
//! transaction into a real database file, synchronous=FULL) on a fresh cadre device.
//! A 100,000-session bundle is far over the 20 MB a user may import; it is parsed
//! with `parse_any_size` to see how the importer scales.
//! `cargo bench -p ayah-asi --bench transfer [-- --quick]`; figures also go to
//! target/bench/transfer.json.

use std::time::Instant;

use ayah_asi_lib::domain::bundle::{self, Header};
use ayah_asi_lib::domain::family::FamilyInput;
use ayah_asi_lib::domain::protocol::{MassagePlan, StopReason};
use ayah_asi_lib::domain::rating::{Author, MilkFlow, Rating};
use ayah_asi_lib::domain::session::EventKind;
use ayah_asi_lib::storage::{Store, families, follow_up, now, sessions, transfer};

fn seed(store: &mut Store, count: usize) -> String {
    let device = store.device_id().to_owned();
    let input = FamilyInput {
        father_name: "Budi".into(),
        mother_name: "Siti".into(),
        baby_birth_date: now().date_naive().format("%Y-%m-%d").to_string(),
        consent_given: true,
        ..FamilyInput::default()
    };
    let family = input.validate(now().date_naive()).expect("valid family");
    store
        .with_tx(|tx| {
            let record = families::register(tx, family, &device, now())?;
            let id = record.meta.id;
            for n in 0..count {
                let session =
                    sessions::insert_session(tx, &id, MassagePlan::default(), &device, now())?;
                let stopped = sessions::TimedEvent {
                    kind: EventKind::Stopped {
                        reason: StopReason::MotherAsked,
                    },
                    active_ms: 1000,
                    at: now(),
                };
                sessions::insert_events(tx, &session, &device, &[stopped], &[], now())?;
                let rating = Rating {
                    skipped: false,
                    comfort: Some((n % 5) as u8 + 1),
                    milk_flow: Some(MilkFlow::Drips),
                    ..Rating::skipped()
                };
                follow_up::insert_rating(tx, &session, 1, Author::Mother, &rating, &device, now())?;
            }
            Ok::<_, ayah_asi_lib::storage::StorageError>(id)
        })
        .expect("seed")
}

fn millis(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let cases: &[(usize, Option<f64>)] = if quick {
        &[(1_000, Some(200.0)), (10_000, None)]
    } else {
        &[(1_000, Some(200.0)), (100_000, None)]
    };
    println!(
        "{:>9} {:>9} {:>10} {:>11} {:>10} {:>11} {:>10} {:>6}",
        "sessions",
        "records",
        "size (MB)",
        "export (ms)",
        "parse (ms)",
        "import (ms)",
        "budget",
        "met"
    );
    let mut json = Vec::new();
    for (count, budget) in cases {
        let source_dir = tempfile::tempdir().expect("temp dir");
        let mut source = Store::open_in(source_dir.path()).expect("store");
        let family = seed(&mut source, *count);

        let started = Instant::now();
        let lines =
            transfer::gather(source.conn(), std::slice::from_ref(&family), None).expect("gather");
        let header = Header {
            format: String::new(),
            format_version: 0,
            app_version: env!("CARGO_PKG_VERSION").into(),
            device_id: source.device_id().to_owned(),
            family_ids: vec![family.clone()],
            created_at: ayah_asi_lib::domain::record::format_time(now()),
            since: None,
            counts: Default::default(),
            body_sha256: String::new(),
            posko: None,
            counselling: Vec::new(),
        };
        let bytes = bundle::write(header, &lines);
        let export_ms = millis(started);

        let started = Instant::now();
        let parsed = bundle::parse_any_size(&bytes, now()).expect("parse");
        let parse_ms = millis(started);

        let target_dir = tempfile::tempdir().expect("temp dir");
        let mut target = Store::open_in(target_dir.path()).expect("store");
        let started = Instant::now();
        let changed = target
            .with_tx(|tx| {
                let plan = transfer::plan(tx, &parsed)?;
                transfer::apply(tx, &parsed, &plan, now())
            })
            .expect("import");
        let import_ms = millis(started);
        assert_eq!(changed, lines.len());

        let total = parse_ms + import_ms;
        let met = budget.map_or("-", |b| if total <= b { "yes" } else { "no" });
        let megabytes = bytes.len() as f64 / 1_048_576.0;
        println!(
            "{count:>9} {:>9} {megabytes:>10.1} {export_ms:>11.0} {parse_ms:>10.0} {import_ms:>11.0} {:>10} {met:>6}",
            lines.len(),
            budget.map_or("-".to_owned(), |b| format!("{b:.0} ms")),
        );
        json.push(serde_json::json!({
            "group": "import", "what": format!("import a bundle of {count} sessions ({megabytes:.1} MB): parse + apply (ms)"),
            "value": total, "unit": "ms", "budget": budget, "met": budget.map(|b| total <= b),
        }));
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench");
    if std::fs::create_dir_all(&out).is_ok() {
        let _ = std::fs::write(
            out.join("transfer.json"),
            serde_json::to_vec_pretty(&json).unwrap_or_default(),
        );
    }
    println!("Budget: parse + import of 1,000 sessions under 200 ms (issue 8).");
}
