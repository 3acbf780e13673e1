//! The puskesmas server at district size: one district of 5 puskesmas, 50 posyandu, 500
//! cadres and 10,000 families with a year each (the core crate's sample year: about 7.3 M sessions
//! and 3.6 M ratings), loaded into a throwaway PostgreSQL with COPY; then the
//! dashboard's pages timed at the client on loopback, and every query of them explained
//! (auto_explain, ANALYZE and BUFFERS) into target/bench/server-district-plans.txt.
//! `--families N` for a smaller district (the figures say which).

use std::io::Write;
use std::time::Instant;

use ayah_asi_core::bundle::{self, Line};
use ayah_asi_core::sample::{family_year, id};
use ayah_asi_e2e::Result;
use ayah_asi_e2e::bench::{row, rss_mb, write};
use ayah_asi_e2e::dashboard::Reader;
use ayah_asi_e2e::server::PuskesmasServer;
use chrono::{Days, NaiveDate};

const PUSKESMAS: usize = 5;
const POSYANDU: usize = 50;
const CADRES: usize = 500;
const PASSWORD: &str = "kata-sandi-bench";

/// A CSV field: quoted, quotes doubled.
fn csv(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The record rows of one line, as `COPY record (table_name, id, family_id, body, hash)`.
fn record_row(out: &mut dyn Write, line: &Line, family: Option<&str>) -> std::io::Result<()> {
    let body = line.body.clone().unwrap_or_default();
    writeln!(
        out,
        "{},{},{},{},{}",
        line.table,
        line.id,
        family.unwrap_or(""),
        csv(&bundle::canonical(&body)),
        bundle::body_hash(&body)
    )
}

fn seed(server: &PuskesmasServer, families: usize, start: NaiveDate) -> Result<usize> {
    server.query(&format!(
        "INSERT INTO puskesmas (name) SELECT 'Puskesmas ' || g FROM generate_series(2, {PUSKESMAS}) g;
         INSERT INTO posyandu (puskesmas_id, name)
             SELECT (g - 1) / 10 + 1, 'Posyandu ' || g FROM generate_series(2, {POSYANDU}) g;
         INSERT INTO cadre (posyandu_id, name)
             SELECT (g - 1) / 10 + 1, 'Kader ' || g FROM generate_series(2, {CADRES}) g;"
    ))?;
    server.copy_in(
        "COPY family_assignment (family_id, cadre_id) FROM STDIN WITH (FORMAT csv)",
        |out| {
            for f in 0..families {
                writeln!(out, "{},{}", id(1, f, 0), f % CADRES + 1)?;
            }
            Ok(())
        },
    )?;
    // Loaded without its indexes, which are then built once (far faster than keeping
    // them up to date row by row); the same definitions as the migrations made.
    let indexes = server.query(
        "SELECT string_agg(indexdef, '; ') FROM pg_indexes
         WHERE tablename = 'record' AND indexname <> 'record_pkey'",
    )?;
    server
        .query(
            "SELECT 'DROP INDEX ' || string_agg(indexname, ', ') FROM pg_indexes
         WHERE tablename = 'record' AND indexname <> 'record_pkey'",
        )
        .and_then(|drop| server.query(drop.trim()))?;
    server.query("ALTER TABLE record DROP CONSTRAINT record_pkey")?;
    let mut records = 0;
    server.copy_in(
        "COPY record (table_name, id, family_id, body, hash) FROM STDIN WITH (FORMAT csv)",
        |out| {
            for c in 0..CADRES {
                let cadre_record = id(9, c, 0);
                let device = id(10, c, 0);
                let at = format!("{start}T08:00:00.000+07:00");
                let cadre = Line {
                    table: "cadre".into(),
                    id: cadre_record.clone(),
                    body: Some(ayah_asi_core::sample::body(serde_json::json!({
                        "id": cadre_record, "device_id": device, "created_at": at,
                        "updated_at": at, "name": format!("Kader {}", c + 1),
                    }))),
                    history: Vec::new(),
                    deleted: None,
                };
                record_row(out, &cadre, None)?;
                for f in (c..families).step_by(CADRES) {
                    let family = id(1, f, 0);
                    for line in family_year(f, &cadre_record, &device, start, 365) {
                        record_row(out, &line, Some(&family))?;
                        records += 1;
                    }
                }
            }
            Ok(())
        },
    )?;
    server.query(&format!(
        "SET maintenance_work_mem = '1GB';
         ALTER TABLE record ADD PRIMARY KEY (table_name, id);
         {}",
        indexes.trim()
    ))?;
    server.query("VACUUM ANALYZE")?;
    Ok(records)
}

#[tokio::main]
async fn main() -> Result<()> {
    let families: usize = std::env::args()
        .skip_while(|a| a != "--families")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let server = PuskesmasServer::start_with(&[("AYAH_ASI_POOL_SIZE", "8")])?;
    let today = chrono::Local::now().date_naive();
    let start = today.checked_sub_days(Days::new(365)).unwrap_or(today);
    let seeded = Instant::now();
    let records = seed(&server, families, start)?;
    let seed_seconds = seeded.elapsed().as_secs_f64();
    let sessions =
        server.count("SELECT count(*) FROM record WHERE table_name = 'massage_session'")?;
    let size = server.query("SELECT pg_size_pretty(pg_database_size('postgres'))")?;
    println!(
        "seeded {records} records ({sessions} sessions, {}) in {seed_seconds:.0} s",
        size.trim()
    );

    server.add_account("staf", "puskesmas", "Staf", None, PASSWORD)?;
    server.add_account("bidan", "midwife", "Bidan", Some("1"), PASSWORD)?;
    // The district above every puskesmas, and its health office's reader.
    server.query(
        "INSERT INTO district (name) VALUES ('Kabupaten');
         UPDATE puskesmas SET district_id = (SELECT id FROM district)",
    )?;
    server.add_account("dinkes", "district", "Dinas", None, PASSWORD)?;
    let base = server.address();
    let family = id(1, 0, 0);
    let pages = [
        (
            "overview, one puskesmas",
            "staf",
            "/overview".to_owned(),
            None,
        ),
        (
            "alerts, one puskesmas",
            "staf",
            "/alerts".to_owned(),
            Some(200.0),
        ),
        (
            "families, one puskesmas",
            "staf",
            "/families".to_owned(),
            None,
        ),
        (
            "one family's review",
            "staf",
            format!("/families/{family}"),
            Some(50.0),
        ),
        (
            "report, one puskesmas, 3 months",
            "staf",
            "/report?months=3".to_owned(),
            Some(1000.0),
        ),
        (
            "report, one puskesmas, 12 months",
            "staf",
            "/report?months=12".to_owned(),
            None,
        ),
        (
            "report, one posyandu, 3 months",
            "bidan",
            "/report?months=3".to_owned(),
            Some(100.0),
        ),
        (
            "report, one posyandu, 12 months",
            "bidan",
            "/report?months=12".to_owned(),
            None,
        ),
        (
            "overview, one posyandu",
            "bidan",
            "/overview".to_owned(),
            None,
        ),
        ("alerts, one posyandu", "bidan", "/alerts".to_owned(), None),
        (
            "district, every puskesmas",
            "dinkes",
            "/district".to_owned(),
            Some(2000.0),
        ),
    ];

    // Every query of these pages, explained: auto_explain on for one pass.
    for setting in [
        "session_preload_libraries = 'auto_explain'",
        "auto_explain.log_min_duration = 0",
        "auto_explain.log_analyze = on",
        "auto_explain.log_buffers = on",
    ] {
        server.query(&format!("ALTER DATABASE postgres SET {setting}"))?;
    }
    server.kill();
    server.serve()?;
    let log_before = server.postgres_log()?.len();
    for (_, login, path, _) in &pages {
        Reader::log_in(&base, login, PASSWORD)
            .await?
            .time(path)
            .await?;
    }
    let plans = server.postgres_log()?.split_off(log_before);
    server.query("ALTER DATABASE postgres RESET ALL")?;
    server.kill();
    server.serve()?;

    let mut rows = vec![
        row(
            "district",
            &format!("families seeded ({families} x 1 year)"),
            families as f64,
            "",
            None,
        ),
        row("district", "sessions seeded", sessions as f64, "", None),
        row("district", "seed with COPY (s)", seed_seconds, "s", None),
    ];
    let pid = server.process().pid().ok_or("no server process")?;
    for (what, login, path, budget) in &pages {
        let reader = Reader::log_in(&base, login, PASSWORD).await?;
        reader.time(path).await?; // warm
        let ms = reader.median_ms(path, 5).await?;
        println!(
            "{what:<40} {ms:>9.1} ms {}",
            budget.map_or(String::new(), |b| format!("(budget {b} ms)"))
        );
        rows.push(row("district", &format!("{what} (ms)"), ms, "ms", *budget));
    }
    rows.push(row(
        "district",
        "server RSS after the pages (MB)",
        rss_mb(pid),
        "MB",
        Some(200.0),
    ));
    let plans_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../target/bench/server-district-plans.txt");
    std::fs::create_dir_all(plans_path.parent().ok_or("no parent")?)?;
    std::fs::write(&plans_path, plans)?;
    println!("plans: {}", plans_path.display());
    println!("figures: {}", write("server-district", &rows)?.display());
    Ok(())
}
