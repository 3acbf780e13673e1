//! The real app when its data is in trouble, and a family's own data: a garbage
//! database, one from a newer app, a read-only data folder and a full disk (small
//! tmpfs mounts), a backup restored from the settings, and a family downloading then
//! deleting all its data, after which the raw files hold none of its names.

use std::path::{Path, PathBuf};
use std::process::Command;

use ayah_asi_e2e::flows::{finish_one_pass_session, onboard, set_plan};
use ayah_asi_e2e::{Driver, Result, open_database};

/// A tmpfs mounted on a folder for the length of a test (the app's data folder), to
/// make the disk full or read-only for real. Unmounted when dropped, also on failure.
struct Tmpfs(PathBuf);

impl Tmpfs {
    /// Mounts, or fails the test: a test that could not set up its full disk has
    /// proven nothing and must not pass (`make test` runs as root, as CI does).
    fn mount(at: &Path, size: &str) -> Result<Self> {
        std::fs::create_dir_all(at)?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            Ok(Self(at.to_path_buf()))
        } else {
            Err("cannot mount a tmpfs for the full-disk test: it needs root".into())
        }
    }

    /// Remounts with `options`; retried for a while because a just-closed app may
    /// still hold its files open for writing (the kernel then refuses "ro").
    async fn remount(&self, options: &str) -> Result<()> {
        for _ in 0..50 {
            let status = Command::new("mount")
                .args(["-o", &format!("remount,{options}")])
                .arg(&self.0)
                .stderr(std::process::Stdio::null())
                .status()?;
            if status.success() {
                return Ok(());
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        Err(format!("remount {options} failed").into())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_database_is_explained_copied_and_set_aside_never_deleted() -> Result<()> {
    let exports = tempfile::tempdir()?;
    let driver =
        Driver::start_with_env(&[("AYAH_ASI_EXPORT_DIR", &exports.path().to_string_lossy())])?;
    std::fs::create_dir_all(driver.data_dir())?;
    let garbage: Vec<u8> = (0..40_000u32).map(|i| (i * 13 % 251) as u8).collect();
    std::fs::write(driver.database(), &garbage)?;
    let app = driver.launch().await?;
    app.wait_for_text("#problem-title", "Data tidak dapat dibuka")
        .await?;
    app.wait_for_text_containing("#problem-what", "rusak")
        .await?;
    app.screenshot("70-problem-damaged").await?;
    // The English switch works without a database.
    app.click("#problem-language-en").await?;
    app.wait_for_text("#problem-title", "The data cannot be opened")
        .await?;
    app.click("#problem-language-id").await?;
    app.click("#problem-save-copy").await?;
    app.wait_for_text_containing("#problem-status", "Salinan tersimpan")
        .await?;
    let copy = std::fs::read_dir(exports.path())?
        .flatten()
        .next()
        .ok_or("no copy")?
        .path();
    assert!(
        std::fs::read(copy)? == garbage,
        "the copy differs from the file"
    );
    app.click("#problem-start-fresh").await?;
    app.click("#problem-start-fresh-confirm").await?;
    app.wait_for("#choose-language-id").await?;
    let aside = std::fs::read_dir(driver.data_dir())?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("unreadable-"))
        })
        .ok_or("no unreadable-… folder")?;
    assert_eq!(
        std::fs::read(aside.join("ayah-asi.sqlite3"))?,
        garbage,
        "the old file is kept whole"
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_from_a_newer_app_asks_for_an_update() -> Result<()> {
    let driver = Driver::start()?;
    std::fs::create_dir_all(driver.data_dir())?;
    {
        let conn = rusqlite::Connection::open(driver.database())?;
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")?;
    }
    let before = std::fs::read(driver.database())?;
    let app = driver.launch().await?;
    app.wait_for_text_containing("#problem-what", "versi Ayah ASI yang lebih baru")
        .await?;
    assert!(
        std::fs::read(driver.database())? == before,
        "the newer app's file was changed"
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_folder_and_a_full_disk_are_explained_and_nothing_is_lost() -> Result<()> {
    let driver = Driver::start()?;
    let disk = Tmpfs::mount(&driver.data_dir(), "4m")?;

    // A family's data, then the folder turns read-only.
    let app = driver.launch().await?;
    onboard(&app).await?;
    app.close().await?;
    disk.remount("ro").await?;
    let app = driver.launch().await?;
    app.wait_for_text_containing("#problem-what", "hanya-baca")
        .await?;
    app.screenshot("71-problem-read-only").await?;
    disk.remount("rw").await?;
    app.click("#problem-retry").await?;
    app.wait_for("#start-massage").await?;
    app.close().await?;

    // The disk fills up while the app is in use: a save is refused with its own
    // message, nothing typed is lost, and once space is freed the same save works.
    let filler = driver.data_dir().join("filler");
    let _ = Command::new("dd")
        .args(["if=/dev/zero", "bs=64k", "status=none"])
        .arg(format!("of={}", filler.display()))
        .status();
    let app = driver.launch().await?;
    app.wait_for("#start-massage").await?;
    app.click("#plan-settings summary").await?;
    app.select("#plan-passes", "1").await?;
    app.click("#plan-save").await?;
    app.wait_for_text_containing("#plan-status", "Penyimpanan perangkat penuh")
        .await?;
    app.screenshot("72-disk-full-save").await?;
    std::fs::remove_file(&filler)?;
    app.click("#plan-save").await?;
    app.wait_for_text("#plan-status", "Pengaturan tersimpan.")
        .await?;
    let (father, passes): (String, i64) = open_database(&driver.database())?.query_row(
        "SELECT father_name, (SELECT passes FROM massage_plan) FROM family",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    assert_eq!((father.as_str(), passes), ("Budi Santoso", 1));
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_is_restored_from_the_settings() -> Result<()> {
    let driver = Driver::start()?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    app.click("#backup-settings summary").await?;
    app.click("#backup-now").await?;
    app.wait_for_text("#backup-status", "Cadangan dibuat.")
        .await?;
    let manual = app.wait_for("#backup-list li[data-file*='manual']").await?;
    let file = manual.attr("data-file").await?.ok_or("no file")?;
    // A change after the backup; the restore takes it back.
    set_plan(&app, 60, 1).await?;
    let plans = || -> Result<i64> {
        Ok(open_database(&driver.database())?.query_row(
            "SELECT count(*) FROM massage_plan",
            [],
            |r| r.get(0),
        )?)
    };
    assert_eq!(plans()?, 1);
    app.click(&format!("[id='restore-{file}']")).await?;
    app.click(&format!("[id='restore-confirm-{file}']")).await?;
    app.wait_for("#start-massage").await?;
    app.wait_for_text_containing("#plan-summary", "pijat 3 kali")
        .await?;
    assert_eq!(plans()?, 0);
    let names: Vec<String> = std::fs::read_dir(driver.data_dir().join("backups"))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|r| r.contains("before-restore")),
        "{names:?}"
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_family_downloads_then_deletes_all_its_data_and_no_name_is_left() -> Result<()> {
    let exports = tempfile::tempdir()?;
    let driver = Driver::start_with_env(&[
        ("AYAH_ASI_EXPORT_DIR", &exports.path().to_string_lossy()),
        ("AYAH_ASI_TIME_SCALE", "30"),
    ])?;
    let app = driver.launch().await?;
    onboard(&app).await?;
    set_plan(&app, 60, 1).await?;
    finish_one_pass_session(&app).await?;
    app.click("#handover-ready").await?;
    app.click("#comfort-5").await?;
    app.click("#milk-flow-drips").await?;
    app.type_into("#rating-note", "Terasa hangat, kata Siti Aminah")
        .await?;
    app.click("#rating-save").await?;
    app.click("#back-home").await?;

    app.click("#family-data summary").await?;
    app.click("#export-my-data-json").await?;
    app.wait_for_text_containing("#my-data-status", "Tersimpan:")
        .await?;
    app.click("#export-my-data-csv").await?;
    app.wait_for_text_containing("#my-data-status", "berkas")
        .await?;
    // The CSV files go into a new folder; a second export makes another, so no file
    // is ever replaced.
    app.click("#export-my-data-csv").await?;
    app.wait_for_text_containing("#my-data-status", "berkas")
        .await?;
    let mut json_file = None;
    let mut csv_folders = Vec::new();
    for entry in std::fs::read_dir(exports.path())?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            json_file = Some(entry.path());
        } else if entry.path().is_dir() && name.starts_with("ayah-asi-data-") {
            csv_folders.push(entry.path());
        }
    }
    csv_folders.sort();
    assert_eq!(csv_folders.len(), 2, "{csv_folders:?}");
    let csv_family = csv_folders.first().map(|dir| dir.join("family.csv"));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(json_file.ok_or("no JSON")?)?)?;
    assert_eq!(json["family"][0]["father_name"], "Budi Santoso");
    assert_eq!(
        json["session_rating"][0]["note"],
        "Terasa hangat, kata Siti Aminah"
    );
    assert!(!json["session_event"].as_array().ok_or("events")?.is_empty());
    let csv = std::fs::read_to_string(csv_family.ok_or("no family CSV")?)?;
    assert!(
        csv.lines()
            .next()
            .is_some_and(|h| h.starts_with("id,device_id,")),
        "{csv}"
    );
    assert!(csv.contains("Budi Santoso"));

    app.click("#delete-my-data").await?;
    // Not paired with a server: the warning says where copies may still be.
    app.wait_for_text_containing("#delete-warning", "minta kader atau bidan")
        .await?;
    app.click("#delete-my-data-confirm").await?;
    app.wait_for_text_containing("#my-data-status", "catatan dihapus dari HP ini.")
        .await?;
    app.click("#my-data-deleted-continue").await?;
    app.wait_for("#onboarding-title").await?;
    let mut files = vec![driver.database()];
    for side in ["-wal", "-shm"] {
        files.push(driver.data_dir().join(format!("ayah-asi.sqlite3{side}")));
    }
    if let Ok(backups) = std::fs::read_dir(driver.data_dir().join("backups")) {
        files.extend(backups.flatten().map(|e| e.path()));
    }
    for file in files.iter().filter(|f| f.exists()) {
        let bytes = std::fs::read(file)?;
        for name in ["Budi Santoso", "Siti Aminah", "Terasa hangat"] {
            assert!(
                !contains(&bytes, name),
                "{name} is still in {}",
                file.display()
            );
        }
    }
    app.close().await
}
