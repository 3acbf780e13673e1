//! Benchmark (not a test): the guided session's timer in the real app over a real run,
//! window minimized, one core kept busy by another process. Prints how late each cue
//! was noticed (an event's `created_at` against its scheduled `at`) and how far each
//! recorded pass end lies from the plan's schedule.
//!
//! `timer-drift [--minutes N]` (default 15). Run the release app with AYAH_ASI_APP.

use std::process::{Command, Stdio};
use std::time::Duration;

use ayah_asi_e2e::flows::{onboard, set_plan, start_massage};
use ayah_asi_e2e::{Driver, Result, open_database};
use chrono::DateTime;

const COUNTDOWN_MS: i64 = 5_000;

#[tokio::main]
async fn main() -> Result<()> {
    let minutes: u32 = std::env::args()
        .skip_while(|a| a != "--minutes")
        .nth(1)
        .map(|m| m.parse())
        .transpose()?
        .unwrap_or(15);
    let passes = minutes.clamp(1, 5);
    let pass_seconds = (minutes * 60 / passes).clamp(60, 300);
    let planned_ms = i64::from(passes) * (COUNTDOWN_MS + i64::from(pass_seconds) * 1000);
    eprintln!(
        "timer drift: {passes} passes x {pass_seconds} s, about {} s",
        planned_ms / 1000
    );

    let driver = Driver::start()?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    set_plan(&app, pass_seconds, passes).await?;
    start_massage(&app).await?;
    app.client.minimize_window().await.ok(); // no window manager under Xvfb: best effort
    app.client
        .execute("document.body.style.visibility = 'hidden'", Vec::new())
        .await
        .ok();
    let mut hog = Command::new("sh")
        .args(["-c", "while :; do :; done"])
        .stdout(Stdio::null())
        .spawn()?;
    tokio::time::sleep(Duration::from_millis(planned_ms as u64 + 2_000)).await;
    let _ = hog.kill();
    let _ = hog.wait();

    let db = open_database(&driver.database())?;
    let mut stmt =
        db.prepare("SELECT kind, pass, at, created_at FROM session_event ORDER BY at, rowid")?;
    let rows: Vec<(String, Option<i64>, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let start = rows
        .iter()
        .find(|r| r.0 == "started")
        .ok_or("no start recorded")?;
    let start = DateTime::parse_from_rfc3339(&start.2)?;
    let mut worst_cue = 0i64;
    let mut worst_schedule = 0i64;
    println!(
        "{:<16} {:>4} {:>14} {:>16}",
        "event", "pass", "cue late (ms)", "off plan (ms)"
    );
    for (kind, pass, at, created) in &rows {
        let at = DateTime::parse_from_rfc3339(at)?;
        let noticed = DateTime::parse_from_rfc3339(created)?;
        let late = (noticed - at).num_milliseconds();
        worst_cue = worst_cue.max(late);
        let off_plan = match (kind.as_str(), pass) {
            ("pass-ended", Some(p)) => {
                let planned = *p * (COUNTDOWN_MS + i64::from(pass_seconds) * 1000);
                let deviation = ((at - start).num_milliseconds() - planned).abs();
                worst_schedule = worst_schedule.max(deviation);
                deviation.to_string()
            }
            _ => String::new(),
        };
        println!(
            "{kind:<16} {:>4} {late:>14} {off_plan:>16}",
            pass.map(|p| p.to_string()).unwrap_or_default()
        );
    }
    let finished = rows.iter().any(|r| r.0 == "closing-started");
    println!("closing reached: {finished}");
    println!(
        "worst cue latency: {worst_cue} ms; worst pass end off plan: {worst_schedule} ms (budget 50 ms)"
    );
    let session = format!("{minutes}-minute session, window hidden, a core busy");
    ayah_asi_e2e::bench::write(
        "timer",
        &[
            ayah_asi_e2e::bench::row(
                "timer",
                &format!("worst pass end off plan, {session} (ms)"),
                worst_schedule as f64,
                "ms",
                Some(50.0),
            ),
            ayah_asi_e2e::bench::row(
                "timer",
                &format!("worst cue latency, {session} (ms)"),
                worst_cue as f64,
                "ms",
                Some(50.0),
            ),
        ],
    )?;
    app.close().await
}
