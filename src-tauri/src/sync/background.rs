//! Syncs nobody asked for: after cadre mode opens, and every 15 minutes while the app
//! runs. Their outcome shows on the status line.

use tauri::{AppHandle, Manager, Runtime};

use super::pairing::{self, Pairing};
use crate::domain::sync;
use crate::state::AppState;

/// Syncs in the background, quietly: its outcome shows on the status line.
pub fn sync_in_background<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        if matches!(pairing::read(&state.data_dir), Ok(Some(_)))
            && let Err(error) = crate::sync::run(&state, |_| {}).await
        {
            eprintln!("Ayah ASI: sync failed: {error}");
        }
    });
}

/// While the app runs: a sync every 15 minutes when a server is paired; a family's phone
/// also syncs when the app starts (a cadre's, when cadre mode is unlocked).
pub fn spawn_auto_sync<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        let family_phone = matches!(
            pairing::read(&state.data_dir),
            Ok(Some(Pairing {
                family_id: Some(_),
                ..
            }))
        );
        if family_phone {
            sync_in_background(&app);
        }
        loop {
            tokio::time::sleep(auto_sync_every()).await;
            sync_in_background(&app);
        }
    });
}

/// Debug builds let tests shorten the interval (`AYAH_ASI_SYNC_EVERY_SECONDS`); a release
/// build always syncs every 15 minutes.
fn auto_sync_every() -> std::time::Duration {
    if !cfg!(debug_assertions) {
        return sync::AUTO_SYNC_EVERY;
    }
    std::env::var("AYAH_ASI_SYNC_EVERY_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|s| *s > 0)
        .map_or(sync::AUTO_SYNC_EVERY, std::time::Duration::from_secs)
}
