//! Files that leave the device or come into it. On a computer the dialogs answer with a
//! path; on a phone (Android's document picker) with a content address that only the
//! file-system plugin can open. Exports are written to a path either way: straight to
//! the chosen file on a computer, or to a staging file in the app's own folder that is
//! then copied through the plugin. Imports are copied in the same way before they are
//! read. And on a phone a file can be handed to the system's share sheet (WhatsApp and
//! the rest) instead of being saved.

use std::io::{Read, Write};

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::FilePath;

use crate::commands::guard::off_runtime;
use crate::error::AppError;

/// Where the save or open dialog pointed.
#[derive(Debug, Clone)]
pub enum Chosen {
    /// A file on this computer.
    Local(PathBuf),
    /// A phone's content address; `name` is the file name the app proposed.
    Content { address: FilePath, name: String },
}

impl Chosen {
    /// From what a dialog answered (`name`: the file name the app proposed).
    pub fn from_dialog(path: FilePath, name: &str) -> Self {
        // A `file://` address is a path too; only a content address needs the plugin.
        match path.clone().into_path() {
            Ok(local) => Self::Local(local),
            Err(_) => Self::Content {
                address: path,
                name: name.to_owned(),
            },
        }
    }

    /// What the screen says it was saved as: the path, or on a phone the file's name.
    pub fn shown(&self) -> String {
        match self {
            Self::Local(path) => path.display().to_string(),
            Self::Content { name, .. } => name.clone(),
        }
    }
}

/// The app's own folder for files on their way out or in (in its cache folder, where no
/// other app can read; the share sheet's FileProvider lends only `share/` from it).
fn staging_dir<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, AppError> {
    let dir = app
        .path()
        .app_cache_dir()
        .map_err(|e| AppError::Export(e.to_string()))?
        .join("staging");
    std::fs::create_dir_all(&dir).map_err(|e| AppError::Export(e.to_string()))?;
    Ok(dir)
}

/// A name no other staged file of this run has (two saves in the same minute propose
/// the same file name).
fn unique(name: &str) -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("{}-{n}-{name}", std::process::id())
}

/// Writes an export to `chosen` with `write`, which makes the file at a path, off the
/// async runtime. Returns what the screen shows as where it went.
pub async fn deliver<R, F>(app: &AppHandle<R>, chosen: Chosen, write: F) -> Result<String, AppError>
where
    R: Runtime,
    F: FnOnce(&Path) -> Result<(), AppError> + Send + 'static,
{
    let shown = chosen.shown();
    match chosen {
        Chosen::Local(path) => off_runtime(move || write(&path)).await?,
        Chosen::Content { address, name } => {
            let staged = staging_dir(app)?.join(unique(&name));
            let app = app.clone();
            off_runtime(move || {
                let outcome = write(&staged).and_then(|()| copy_out(&app, &staged, address));
                let _ = std::fs::remove_file(&staged);
                let _ = std::fs::remove_file(staged.with_extension("partial"));
                outcome
            })
            .await?;
        }
    }
    Ok(shown)
}

/// Copies a staged file to a content address through the file-system plugin.
fn copy_out<R: Runtime>(
    app: &AppHandle<R>,
    staged: &Path,
    address: FilePath,
) -> Result<(), AppError> {
    use tauri_plugin_fs::{FsExt, OpenOptions};
    let failed = |e: std::io::Error| AppError::Export(e.to_string());
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    let mut target = app.fs().open(address, options).map_err(failed)?;
    let mut source = std::fs::File::open(staged).map_err(failed)?;
    std::io::copy(&mut source, &mut target).map_err(failed)?;
    target.flush().map_err(failed)?;
    Ok(())
}

/// A file to read that the open dialog pointed to, as a local path: a content address
/// is copied to the staging folder first, at most `limit` bytes and one more (so that
/// the reader still sees a file too large as too large).
pub async fn fetch<R: Runtime>(
    app: &AppHandle<R>,
    chosen: Chosen,
    limit: u64,
) -> Result<PathBuf, AppError> {
    let (address, name) = match chosen {
        Chosen::Local(path) => return Ok(path),
        Chosen::Content { address, name } => (address, name),
    };
    let dir = staging_dir(app)?.join("incoming");
    let app = app.clone();
    off_runtime(move || {
        use tauri_plugin_fs::{FsExt, OpenOptions};
        let failed = |e: std::io::Error| AppError::FileRead(e.to_string());
        // One picked file at a time: the one the preview shows (read again on apply).
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(failed)?;
        let staged = dir.join(name);
        let mut options = OpenOptions::new();
        options.read(true);
        let source = app.fs().open(address, options).map_err(failed)?;
        let mut target = std::fs::File::create(&staged).map_err(failed)?;
        std::io::copy(&mut source.take(limit + 1), &mut target).map_err(failed)?;
        Ok(staged)
    })
    .await
}

/// How an export leaves the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Delivery {
    /// Saved with the save dialog (the only way on a computer).
    Save,
    /// Handed to the phone's share sheet (WhatsApp, Bluetooth, e-mail...).
    Share,
}

impl Delivery {
    /// Whether this device has a share sheet the app can open (Android's).
    pub const SHARE_AVAILABLE: bool = cfg!(target_os = "android");
}

/// Makes the files to send with `write`, which writes into the folder it is given and
/// returns the files it made, then hands them to the share sheet (`mime`: what they are;
/// `title`: the sheet's heading). Returns the files' names.
pub async fn share<R, F>(
    app: &AppHandle<R>,
    mime: &'static str,
    title: String,
    write: F,
) -> Result<Vec<String>, AppError>
where
    R: Runtime,
    F: FnOnce(&Path) -> Result<Vec<PathBuf>, AppError> + Send + 'static,
{
    if !Delivery::SHARE_AVAILABLE {
        return Err(AppError::ShareUnavailable);
    }
    let shares = staging_dir(app)?.join("share");
    // Each share has its folder: the app the user picked may still be reading an
    // earlier one (a queued Bluetooth transfer), so only those a day old go.
    forget_older_than(&shares, std::time::Duration::from_secs(24 * 3600));
    let dir = shares.join(unique("share"));
    std::fs::create_dir_all(&dir).map_err(|e| AppError::Export(e.to_string()))?;
    let app = app.clone();
    let files = off_runtime(move || {
        let files = write(&dir)?;
        open_share_sheet(&app, &files, mime, &title)?;
        Ok(files)
    })
    .await?;
    Ok(files
        .iter()
        .filter_map(|f| f.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect())
}

/// Removes the folders in `dir` last changed longer than `age` ago.
fn forget_older_than(dir: &Path, age: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|at| at.elapsed().ok())
            .is_some_and(|elapsed| elapsed > age);
        if old {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(target_os = "android")]
fn open_share_sheet<R: Runtime>(
    app: &AppHandle<R>,
    files: &[PathBuf],
    mime: &str,
    title: &str,
) -> Result<(), AppError> {
    use tauri_plugin_ayah_share::ShareExt;
    app.share_sheet()
        .share(files, mime, title)
        .map_err(|e| AppError::Export(e.to_string()))
}

#[cfg(not(target_os = "android"))]
fn open_share_sheet<R: Runtime>(
    _: &AppHandle<R>,
    _: &[PathBuf],
    _: &str,
    _: &str,
) -> Result<(), AppError> {
    Err(AppError::ShareUnavailable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_written_in_place_and_a_content_address_keeps_the_proposed_name() {
        let local = Chosen::from_dialog(FilePath::Path("/home/kader/a.xlsx".into()), "b.xlsx");
        assert!(matches!(&local, Chosen::Local(p) if p == Path::new("/home/kader/a.xlsx")));
        assert_eq!(local.shown(), "/home/kader/a.xlsx");
        let file_address: tauri::Url = "file:///home/kader/c.xlsx".parse().unwrap();
        let file = Chosen::from_dialog(FilePath::Url(file_address), "c.xlsx");
        assert!(matches!(&file, Chosen::Local(p) if p == Path::new("/home/kader/c.xlsx")));
        // What Android's document picker answers: no path, so the plugin opens it.
        let address: tauri::Url = "content://com.android.providers.downloads.documents/document/42"
            .parse()
            .unwrap();
        let content = Chosen::from_dialog(FilePath::Url(address), "laporan.xlsx");
        assert!(matches!(&content, Chosen::Content { name, .. } if name == "laporan.xlsx"));
        assert_eq!(content.shown(), "laporan.xlsx");
    }

    // A computer has no share sheet: checked when this file compiles for one.
    #[cfg(not(target_os = "android"))]
    const _: () = assert!(!Delivery::SHARE_AVAILABLE);
}
