//! The platform's file dialogs, awaited without holding an async-runtime thread: the
//! plugin's callback API answers through a channel while the window stays responsive.
//! Debug builds may skip the dialog (end-to-end tests cannot drive a native one). What
//! they answer is a [`Chosen`]: a path on a computer, a content address on a phone
//! (`files.rs` writes and reads both).

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::files::Chosen;

/// Debug builds save exports and bundles in this folder instead of asking.
pub const EXPORT_DIR_ENV: &str = "AYAH_ASI_EXPORT_DIR";
/// Debug builds import this file instead of asking.
pub const IMPORT_FILE_ENV: &str = "AYAH_ASI_IMPORT_FILE";

fn test_env(name: &str) -> Option<PathBuf> {
    cfg!(debug_assertions)
        .then(|| std::env::var_os(name))
        .flatten()
        .map(PathBuf::from)
}

/// Where to save `file_name`, asked with the save dialog; `None` when cancelled.
pub async fn save_file<R: Runtime>(
    app: &AppHandle<R>,
    file_name: &str,
    filter: (&str, &[&str]),
) -> Option<Chosen> {
    if let Some(dir) = test_env(EXPORT_DIR_ENV) {
        return Some(Chosen::Local(dir.join(file_name)));
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    let name = file_name.to_owned();
    app.dialog()
        .file()
        .add_filter(filter.0, filter.1)
        .set_file_name(file_name)
        .save_file(move |path| {
            let _ = tx.send(path.map(|p| Chosen::from_dialog(p, &name)));
        });
    rx.await.ok().flatten()
}

/// The file to open, asked with the open dialog; `None` when cancelled.
pub async fn pick_file<R: Runtime>(app: &AppHandle<R>, filter: (&str, &[&str])) -> Option<Chosen> {
    if let Some(file) = test_env(IMPORT_FILE_ENV) {
        return Some(Chosen::Local(file));
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    let name = format!("picked.{}", filter.1.first().copied().unwrap_or("file"));
    app.dialog()
        .file()
        .add_filter(filter.0, filter.1)
        .pick_file(move |path| {
            let _ = tx.send(path.map(|p| Chosen::from_dialog(p, &name)));
        });
    rx.await.ok().flatten()
}

/// A folder to write several files into; `None` when cancelled. Phones cannot pick a
/// folder: there the caller saves one file instead.
#[cfg(desktop)]
pub async fn pick_folder<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    if let Some(dir) = test_env(EXPORT_DIR_ENV) {
        return Some(dir);
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog().file().pick_folder(move |path| {
        let _ = tx.send(path.and_then(|p| p.as_path().map(std::path::Path::to_path_buf)));
    });
    rx.await.ok().flatten()
}
